using CalaisReturns.Flights;
using JasperFx.Events;
using JasperFx.Events.Grouping;
using Marten.Events.Projections;

namespace CalaisReturns.Finance.Reporting;

/// <summary>
/// The finance facts of every flight scheduled to depart in one month (UTC), kept by the async
/// daemon. Quarter and year reports are assembled from their months on read by the same
/// <see cref="CostShareReport.Build"/>, so a batch rewrites a month, not a whole year.
/// </summary>
public sealed class CostShareMonth
{
    public string Id { get; set; } = "";
    public Dictionary<Guid, FlightFinance> Flights { get; set; } = [];
}

/// <summary>Never appended: what the grouping hands a month when a flight moves into it or out of it.</summary>
public sealed record FlightJoinedMonth(FlightFinance Facts);

/// <inheritdoc cref="FlightJoinedMonth"/>
public sealed record FlightLeftMonth(Guid FlightId);

/// <summary>
/// Routes each flight event to the month of the flight's scheduled departure at that point of its
/// history. The facts before a batch come from the flight's own earlier events (one batched query),
/// never from other documents, so a rebuild reproduces the live documents exactly. A reschedule
/// into another month sends the old month a <see cref="FlightLeftMonth"/> and the new one a
/// <see cref="FlightJoinedMonth"/> carrying everything folded so far.
/// </summary>
public sealed partial class CostShareMonthProjection : MultiStreamProjection<CostShareMonth, string>
{
    public static readonly IReadOnlyList<Type> Inputs =
    [
        typeof(FlightPlanned), typeof(FlightRescheduled), typeof(SeatsAllocated), typeof(FlightDeparted),
        typeof(FlightCancelled), .. FinanceModule.EventTypes,
    ];

    public CostShareMonthProjection()
    {
        foreach (var type in Inputs)
        {
            IncludeType(type);
        }

        CustomGrouping(GroupAsync);
    }

    private static string MonthOf(FlightFinance flight) => Period.Of(flight.ScheduledDeparture)[0];

    private static async Task GroupAsync(IQuerySession session, IReadOnlyList<IEvent> events, IEventGrouping<string> grouping)
    {
        var byFlight = events.Where(e => Inputs.Contains(e.EventType)).GroupBy(e => e.StreamId)
            .Select(g => g.OrderBy(e => e.Version).ToList()).ToList();

        var history = new Dictionary<Guid, Task<IReadOnlyList<IEvent>>>();
        var needed = byFlight.Where(f => f[0].Version > 1).ToList();
        if (needed.Count > 0)
        {
            var batch = session.CreateBatchQuery();
            foreach (var flight in needed)
            {
                history[flight[0].StreamId] = batch.Events.FetchStream(flight[0].StreamId, version: flight[0].Version - 1);
            }

            await batch.Execute();
        }

        foreach (var flightEvents in byFlight)
        {
            FlightFinance? facts = null;
            if (history.TryGetValue(flightEvents[0].StreamId, out var earlier))
            {
                facts = (await earlier).Aggregate(facts, (f, e) => FlightFinance.Fold(f, e.Data));
            }

            foreach (var e in flightEvents)
            {
                var before = facts is null ? null : MonthOf(facts);
                facts = FlightFinance.Fold(facts, e.Data);
                var after = MonthOf(facts);
                if (before == after)
                {
                    grouping.AddEvent(after, e);
                    continue;
                }

                if (before is not null)
                {
                    grouping.AddEvent(before, e.CloneEventWithNewData(new FlightLeftMonth(facts.Id)));
                }

                grouping.AddEvent(after, e.CloneEventWithNewData(new FlightJoinedMonth(facts)));
            }
        }
    }

    public override CostShareMonth? Evolve(CostShareMonth? snapshot, string id, IEvent e)
    {
        var month = snapshot ?? new CostShareMonth { Id = id };
        switch (e.Data)
        {
            case FlightJoinedMonth joined:
                month.Flights[joined.Facts.Id] = joined.Facts;
                break;
            case FlightLeftMonth left:
                month.Flights.Remove(left.FlightId);
                break;
            default:
                if (month.Flights.TryGetValue(e.StreamId, out var facts))
                {
                    month.Flights[e.StreamId] = FlightFinance.Fold(facts, e.Data);
                }

                break;
        }

        return month.Flights.Count == 0 ? null : month;
    }
}
