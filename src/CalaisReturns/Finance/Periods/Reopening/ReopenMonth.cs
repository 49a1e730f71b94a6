using CalaisReturns.Core.Http;

namespace CalaisReturns.Finance.Periods.Reopening;

public sealed record ReopenMonth(string Reason, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<ReopenMonth>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public static class ReopenMonthEndpoint
{
    /// <summary>A closed month is reopened when both states have asked, each with its reason; its closed reports stay.</summary>
    public static Decision Decide(ReopenMonth command, PeriodClosure? closure, Period month, State state, DateTimeOffset now)
    {
        if (closure is not { Closed: true })
        {
            return Decision.Refuse("Refusal.MonthOpen", month.Name);
        }

        if (closure.ReopeningAskedBy.Contains(state))
        {
            return Decision.Refuse("Refusal.ReopeningAsked", month.Name, state);
        }

        var asked = new MonthReopeningAsked(closure.Id, month.Name, state, command.Reason.Trim(), now);
        return closure.ReopeningAskedBy.Any(s => s != state)
            ? Decision.Accept(asked, new MonthReopened(closure.Id, month.Name, closure.Closing, now))
            : Decision.Accept(asked);
    }

    [WolverinePost("/api/periods/{month}/reopening", OperationId = "ReopenMonth",
        Summary = "Ask, with a reason, to reopen a closed month (yyyy-MM); it reopens when both states have asked")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static async Task<IResult> Post(string month, ReopenMonth command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var (period, invalid) = PeriodClosure.MonthOf(month);
        if (period is null)
        {
            return invalid!;
        }

        var (state, now) = (Actor.From(user).State, clock.GetUtcNow());
        return await session.DecideStarting<PeriodClosure>(PeriodClosure.IdFor(period), command.ExpectedVersion,
            closure => Task.FromResult(Decide(command, closure, period, state, now)), null, ct);
    }
}
