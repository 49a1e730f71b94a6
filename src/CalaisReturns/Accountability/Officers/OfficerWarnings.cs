using CalaisReturns.Flights;
using CalaisReturns.Flights.Scheduling;

namespace CalaisReturns.Accountability.Officers;

/// <summary>
/// What a planner should know about the named officers of a flight: a certificate or restraint training that expires
/// before the departure, an officer on another flight whose duty overlaps this one's. By staff number, never by name.
/// </summary>
public static class OfficerWarnings
{
    /// <summary>The time an officer of the flight is on duty (<see cref="AccountabilityRules.Duty"/>).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Duty(FlightSchedule flight, AccountabilityRules rules) =>
        rules.Duty(flight.ScheduledDeparture, flight.Stops.Select(s => s.Scheduled));

    /// <summary>
    /// The warnings while the flight can still change (none once it has left or is cancelled).
    /// <paramref name="others"/> are other flights that may share officers; cancelled ones are passed over.
    /// </summary>
    public static IEnumerable<Text> For(FlightSchedule flight, IReadOnlyDictionary<Guid, Officer> officers,
        IEnumerable<FlightSchedule> others, AccountabilityRules rules)
    {
        if (flight.Status is not (FlightStatus.Planned or FlightStatus.Booked or FlightStatus.ManifestLocked))
        {
            yield break;
        }

        var departureDay = DateOnly.FromDateTime(flight.ScheduledDeparture.UtcDateTime);
        var duty = Duty(flight, rules);
        var overlapping = others
            .Where(o => o.Id != flight.Id && o.Status != FlightStatus.Cancelled)
            .Select(o => (Flight: o, Duty: Duty(o, rules)))
            .Where(o => o.Duty.From < duty.To && duty.From < o.Duty.To)
            .ToList();
        foreach (var assigned in flight.Officers.Where(o => !o.Released))
        {
            if (officers.GetValueOrDefault(assigned.OfficerId) is { } officer)
            {
                if (officer.CertificateExpiry < departureDay)
                {
                    yield return new Text("Warning.CertificateExpires", officer.StaffNumber, officer.CertificateExpiry);
                }

                if (officer.RestraintTrainingExpiry < departureDay)
                {
                    yield return new Text("Warning.TrainingExpires", officer.StaffNumber, officer.RestraintTrainingExpiry);
                }

                if (officer.LeftAt is not null)
                {
                    yield return new Text("Warning.OfficerLeft", officer.StaffNumber);
                }
            }

            foreach (var other in overlapping.Where(o => o.Flight.Officers.Any(x => x.OfficerId == assigned.OfficerId && !x.Released)))
            {
                yield return new Text("Warning.DutyOverlaps", assigned.StaffNumber, other.Flight.Reference);
            }
        }
    }

    /// <summary>The flights and officers the warnings of these flights need, read in two queries.</summary>
    public static async Task<Func<FlightSchedule, IEnumerable<Text>>> Reader(IQuerySession session,
        IReadOnlyCollection<FlightSchedule> flights, AccountabilityRules rules, CancellationToken ct)
    {
        var named = flights.Where(f => f.Officers.Count > 0).ToList();
        if (named.Count == 0)
        {
            return _ => [];
        }

        var officerIds = named.SelectMany(f => f.Officers.Select(o => o.OfficerId)).Distinct().ToArray();
        var officers = (await session.LoadManyAsync<Officer>(ct, officerIds)).ToDictionary(o => o.Id);
        // A flight whose duty overlaps another's departs within both duties and the other's route of it: three days either side is ample.
        var reach = rules.DutyBefore + rules.DutyAfter + TimeSpan.FromDays(3);
        var (from, to) = (named.Min(f => f.ScheduledDeparture) - reach, named.Max(f => f.ScheduledDeparture) + reach);
        var nearby = await session.Query<FlightSchedule>()
            .Where(f => f.ScheduledDeparture >= from && f.ScheduledDeparture <= to && f.Status != FlightStatus.Cancelled)
            .ToListAsync(ct);
        var sharing = nearby.Where(f => f.Officers.Any(o => officerIds.Contains(o.OfficerId))).ToList();
        return flight => For(flight, officers, sharing, rules);
    }
}
