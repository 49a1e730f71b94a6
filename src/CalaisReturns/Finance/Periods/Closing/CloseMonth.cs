using CalaisReturns.Core.Http;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Jobs.PeriodSnapshots;

namespace CalaisReturns.Finance.Periods.Closing;

public sealed record CloseMonth(long? ExpectedVersion = null);

public static class CloseMonthEndpoint
{
    /// <summary>
    /// A state's finance closes a month that has ended once every flight departing in it is reconciled (a cancelled flight
    /// with nothing recorded has nothing to reconcile); when the second state closes it, the month is closed.
    /// </summary>
    public static Decision Decide(PeriodClosure? closure, Period month, State state, IReadOnlyList<FlightFinance> flights,
        DateTimeOffset now)
    {
        if (now < month.To)
        {
            return Decision.Refuse("Refusal.MonthNotEnded", month.Name);
        }

        if (closure is { Closed: true })
        {
            return Decision.Refuse("Refusal.MonthClosed", month.Name);
        }

        if (closure is not null && closure.ClosedBy.Contains(state))
        {
            return Decision.Refuse("Refusal.MonthClosedByState", month.Name, state);
        }

        var open = flights.Where(f => month.Contains(f.ScheduledDeparture) && !Settled(f)).Select(f => f.Reference).Order(StringComparer.Ordinal).ToList();
        if (open.Count > 0)
        {
            return Decision.Refuse("Refusal.MonthNotReconciled", month.Name, open);
        }

        var id = PeriodClosure.IdFor(month);
        var closedBy = new MonthClosedBy(id, month.Name, state, now);
        return closure is not null && closure.ClosedBy.Any(s => s != state)
            ? Decision.Accept(closedBy, new MonthClosed(id, month.Name, closure.Closing + 1, now))
            : Decision.Accept(closedBy);
    }

    private static bool Settled(FlightFinance flight) =>
        CostShare.Compute(flight).Status == CostShareStatus.Reconciled
        || (flight.Cancelled && flight.Lines.Count == 0 && flight.Fundings.Count == 0 && flight.Settlements.Count == 0
            && !flight.Grants.Any(g => g.Status == GrantStatus.Paid));

    [WolverinePost("/api/periods/{month}/closure", OperationId = "CloseMonth",
        Summary = "Close a month (yyyy-MM) for the caller's state once its flights are reconciled; closed when both states have")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static async Task<IResult> Post(string month, CloseMonth command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var (period, invalid) = PeriodClosure.MonthOf(month);
        if (period is null)
        {
            return invalid!;
        }

        var (officer, now) = (Actor.From(user), clock.GetUtcNow());
        var (from, to) = (period.From, period.To);
        return await session.DecideStarting<PeriodClosure>(PeriodClosure.IdFor(period), command.ExpectedVersion,
            async closure =>
            {
                var flights = await session.Query<FlightLedger>()
                    .Where(l => l.Facts.ScheduledDeparture >= from && l.Facts.ScheduledDeparture < to)
                    .ToListAsync(ct);
                return Decide(closure, period, officer.State, [.. flights.Select(l => l.Facts)], now);
            },
            async events =>
            {
                // The closed report is issued in the same transaction as the closing: as the month's events stand now.
                if (events.OfType<MonthClosed>().SingleOrDefault() is { } closed)
                {
                    var report = await MonthReports.Closing(session, period, closed.Closing, now, ct);
                    session.Store(new PeriodSnapshot
                    {
                        Id = PeriodSnapshots.ClosedId(period.Name, closed.Closing), TakenAt = now, Report = report,
                        Csv = ReportExport.Csv(report), MatchesReplay = true,
                    });
                }
            }, ct);
    }
}
