using CalaisReturns.Core.Http;

namespace CalaisReturns.Finance.Budgets.Setting;

/// <param name="Amount">In the state's own currency (pounds for the UK, euros for France).</param>
/// <param name="Reason">Required to change a budget already set.</param>
public sealed record SetBudget(decimal Amount, string? Reason = null, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<SetBudget>
    {
        public Validator()
        {
            RuleFor(c => c.Amount).GreaterThan(0m).PrecisionScale(18, 2, ignoreTrailingZeros: true);
            RuleFor(c => c.Reason).MaximumLength(500);
        }
    }
}

public static class SetBudgetEndpoint
{
    /// <summary>The first amount is set plainly; a change needs a reason, and the same amount again is no change.</summary>
    public static Decision Decide(SetBudget command, Budget? budget, FiscalYear year, DateTimeOffset now)
    {
        if (budget is not null && budget.Amount.Amount == command.Amount)
        {
            return Decision.Refuse("Refusal.BudgetUnchanged", budget.Amount);
        }

        return budget is not null && string.IsNullOrWhiteSpace(command.Reason)
            ? Decision.Refuse("Refusal.BudgetNeedsReason", budget.Amount)
            : Decision.Accept(new BudgetSet(Budget.IdFor(year), year.State, year.Name, new Money(command.Amount, year.Currency),
                command.Reason?.Trim(), now));
    }

    /// <summary>A state's budget is set by its own finance staff.</summary>
    public static Text? Forbid(Actor officer, FiscalYear year) =>
        officer.State == year.State ? null : new Text("Forbidden.BudgetOwner", year.State);

    [WolverinePut("/api/budgets/{state}/{fiscalYear}", OperationId = "SetBudget",
        Summary = "Set the state's budget for joint flights in one of its fiscal years (UK/2027-28, FR/2027), in its own currency")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static async Task<IResult> Put(string state, string fiscalYear, SetBudget command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var (year, errors) = BudgetYears.Parse(state, fiscalYear);
        if (year is null)
        {
            return Problems.Invalid(errors);
        }

        var officer = Actor.From(user);
        if (Forbid(officer, year) is { } forbidden)
        {
            return Problems.Forbidden(forbidden);
        }

        var now = clock.GetUtcNow();
        return await session.DecideStarting<Budget>(Budget.IdFor(year), command.ExpectedVersion,
            budget => Task.FromResult(Decide(command, budget, year, now)), null, ct);
    }
}

/// <summary>The route's state and fiscal year, as one state's fiscal year, or what is wrong with them.</summary>
public static class BudgetYears
{
    public static (FiscalYear? Year, Dictionary<string, string[]> Errors) Parse(string state, string fiscalYear)
    {
        var errors = new Dictionary<string, string[]>();
        if (QueryValues.Enum<State>(state, "state", errors) is not { } known)
        {
            return (null, errors);
        }

        if (FiscalYear.Parse(known, fiscalYear) is { } year)
        {
            return (year, errors);
        }

        errors["fiscalYear"] = [FiscalYear.Expected(known)];
        return (null, errors);
    }
}
