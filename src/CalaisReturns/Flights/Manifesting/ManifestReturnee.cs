using CalaisReturns.Cases;
using CalaisReturns.Cases.Summaries;
using CalaisReturns.Core.Http;
using CalaisReturns.Flights.Scheduling;

namespace CalaisReturns.Flights.Manifesting;

/// <param name="BoardingStopId">Where the person boards; by default the first stop that boards the case's state.</param>
/// <param name="DropOffStopId">Where the person is handed over; by default the first drop-off of the case's nationality.</param>
public sealed record ManifestReturnee(
    Guid CaseId,
    ManifestStatus Status,
    long? ExpectedVersion = null,
    Guid? BoardingStopId = null,
    Guid? DropOffStopId = null)
{
    public sealed class Validator : AbstractValidator<ManifestReturnee>
    {
        public Validator()
        {
            RuleFor(c => c.CaseId).NotEmpty();
            RuleFor(c => c.Status).IsInEnum();
        }
    }
}

public static class ManifestReturneeEndpoint
{
    /// <param name="activeElsewhere">The case is on the manifest of another flight that has not left.</param>
    public static Decision Decide(ManifestReturnee command, Flight flight, ReturneeCase @case, bool activeElsewhere,
        ManifestRules rules, DateTimeOffset now)
    {
        if ((flight.RefuseUnlessOperational() ?? Refusal(flight, @case, activeElsewhere)) is { } refused)
        {
            return refused;
        }

        var (boarding, dropOff, wrongStop) = Stops(command, flight, @case);
        if (wrongStop is not null)
        {
            return wrongStop;
        }

        if (command.Status == ManifestStatus.Confirmed)
        {
            var deadline = rules.NoticeDeadline(flight.ScheduledDeparture);
            if (now > deadline)
            {
                return Decision.Refuse("Refusal.NoticePassed", deadline);
            }

            if (flight.FreeSeatsOf(@case.OwningState) < 1)
            {
                return Decision.Refuse("Refusal.NoFreeSeatManifest", @case.OwningState, flight.AllocatedTo(@case.OwningState),
                    flight.ConfirmedOf(@case.OwningState), flight.TeamOf(@case.OwningState));
            }

            if (flight.OverfilledBy(boarding.StopId, dropOff.StopId) is var (place, leg))
            {
                return Decision.Refuse("Refusal.LegFull", place, leg.From, leg.To, leg.People, flight.SeatCapacity);
            }
        }

        return Decision.Accept(new ReturneeManifested(flight.Id, @case.Id, @case.OwningState, @case.Reference,
            command.Status, now, boarding.StopId, dropOff.StopId));
    }

    /// <summary>The stops the person boards and leaves at (those asked for, or the defaults), or why they cannot be.</summary>
    private static (FlightStop Boarding, FlightStop DropOff, Decision? Refusal) Stops(ManifestReturnee command, Flight flight,
        ReturneeCase @case)
    {
        var boarding = command.BoardingStopId is { } b ? flight.StopOf(b) : flight.BoardingOf(@case.OwningState);
        var dropOff = command.DropOffStopId is { } d ? flight.StopOf(d) : flight.DropOffOf(@case.Nationality);
        var refusal = (boarding, dropOff) switch
        {
            (null, _) when command.BoardingStopId is { } unknown => Decision.Refuse("Refusal.UnknownStop", unknown),
            (_, null) when command.DropOffStopId is { } unknown => Decision.Refuse("Refusal.UnknownStop", unknown),
            (null, _) => Decision.Refuse("Refusal.NoStopBoards", @case.OwningState),
            (_, null) => Decision.Refuse("Refusal.WrongNationality", @case.Reference, @case.Nationality, flight.CountriesOfReturn),
            _ when !boarding.Boards(@case.OwningState, flight.LeadState) =>
                Decision.Refuse("Refusal.StopDoesNotBoard", boarding.Airport, @case.OwningState),
            _ when !dropOff.IsDropOff() => Decision.Refuse("Refusal.NotADropOff", dropOff.Airport),
            _ when dropOff.CountryOfReturn != @case.Nationality =>
                Decision.Refuse("Refusal.DropOffCountry", @case.Reference, @case.Nationality, dropOff.Airport, dropOff.CountryOfReturn),
            _ when flight.IndexOf(boarding.StopId) >= flight.IndexOf(dropOff.StopId) =>
                Decision.Refuse("Refusal.BoardsAfterDropOff", boarding.Airport, dropOff.Airport),
            _ => null,
        };
        return (boarding!, dropOff!, refusal);
    }

    private static Decision? Refusal(Flight flight, ReturneeCase @case, bool activeElsewhere)
    {
        if (flight.Status == FlightStatus.Planned)
        {
            return Decision.Refuse("Refusal.BookBeforeManifest");
        }

        if (flight.Status == FlightStatus.ManifestLocked)
        {
            return Decision.Refuse("Refusal.ManifestLocked");
        }

        if (!flight.Participates(@case.OwningState))
        {
            return Decision.Refuse("Refusal.NotParticipating", @case.OwningState);
        }

        if (@case.RefuseUnlessOpen() is { } closed)
        {
            return closed;
        }

        if (@case.IsBarred)
        {
            return Decision.Refuse("Refusal.Barred", @case.Reference, @case.OpenBarriers.Values);
        }

        if (@case.TravelDocumentExpiry is not { } expiry)
        {
            return Decision.Refuse("Refusal.NoTravelDocument", @case.Reference);
        }

        if (expiry < DateOnly.FromDateTime(flight.ScheduledDeparture.UtcDateTime))
        {
            return Decision.Refuse("Refusal.DocumentExpires", @case.Reference, expiry);
        }

        if (flight.EntryOf(@case.Id) is not null)
        {
            return Decision.Refuse("Refusal.AlreadyOnManifest", @case.Reference);
        }

        return activeElsewhere
            ? Decision.Refuse("Refusal.OnAnotherFlight", @case.Reference)
            : null;
    }

    [WolverinePost("/api/flights/{flightId}/manifest", OperationId = "ManifestReturnee",
        Summary = "Put a case of the caller's state on the manifest, confirmed or reserve")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static async Task<IResult> Post(Guid flightId, ManifestReturnee command, IDocumentSession session,
        TimeProvider clock, ManifestRules rules, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await session.Events.AggregateStreamAsync<ReturneeCase>(command.CaseId, token: ct) is not { } @case)
        {
            return Problems.NotFound("Case", command.CaseId);
        }

        var activeElsewhere = await IsOnAnotherActiveFlight(session, @case.Id, flightId, ct);
        return await session.Decide<Flight>(flightId, command.ExpectedVersion,
            _ => CaseAccess.OwnerPlanner(Actor.From(user), @case.OwningState),
            f => Decide(command, f, @case, activeElsewhere, rules, clock.GetUtcNow()), ct);
    }

    private static async Task<bool> IsOnAnotherActiveFlight(IQuerySession session, Guid caseId, Guid flightId,
        CancellationToken ct)
    {
        var summary = await session.LoadAsync<CaseSummary>(caseId, ct);
        if (summary?.CurrentFlightId is not { } other || other == flightId)
        {
            return false;
        }

        var flight = await session.LoadAsync<FlightSchedule>(other, ct);
        return flight?.Status is FlightStatus.Planned or FlightStatus.Booked or FlightStatus.ManifestLocked;
    }
}
