using CalaisReturns.Finance.Budgets.Reporting;
using CalaisReturns.Finance.Budgets.Setting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Finance;

/// <summary>
/// A state's budget for joint flights in one of its fiscal years, against its flights, with the exports; the state's own
/// finance staff set it here. Read by the same query as <c>GET /api/budgets/{state}/{fiscalYear}</c>.
/// </summary>
public sealed class BudgetsModel(IQuerySession session, TimeProvider clock, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "state")] public string? StateName { get; set; }

    [BindProperty(SupportsGet = true, Name = "fiscalYear")] public string? YearName { get; set; }

    public BudgetReport? Report { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public Actor Actor => Actor.From(User);
    public State State { get; private set; }

    /// <summary>The state's fiscal years around today's, and the one asked for: what the picker offers.</summary>
    public IReadOnlyList<string> Years { get; private set; } = [];

    /// <summary>The state's own finance staff set its budget (<see cref="SetBudgetEndpoint.Forbid"/>).</summary>
    public bool MaySet(FiscalYear year) => Actor.Role == Role.Finance && SetBudgetEndpoint.Forbid(Actor, year) is null;

    public async Task OnGet(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        StateName ??= Actor.State.ToString();
        State = Enum.TryParse<State>(StateName, out var chosen) && Enum.IsDefined(chosen) ? chosen : Actor.State;
        // A year in the other state's form (the state was switched, the year kept) names the state's year starting in
        // the same calendar year: 2026-27 for the UK is 2026 for France, and the other way round.
        YearName = FiscalYear.Parse(YearName) is { } named && named.State != State
            ? Starting(State, named.StartYear).Name
            : YearName ?? FiscalYear.Of(State, now).Name;
        var (year, errors) = BudgetYears.Parse(StateName, YearName);
        var current = FiscalYear.Of(State, now).StartYear;
        Years = [.. Enumerable.Range(current - 3, 6).Select(y => Starting(State, y).Name).Append(YearName).Distinct().Order(StringComparer.Ordinal)];
        if (year is null)
        {
            Errors = errors;
            return;
        }

        Report = await BudgetReports.Query(session, year, BudgetReports.PlanningRate(configuration), ct);
    }

    public FiscalYear Year => FiscalYear.Parse(State, Report!.FiscalYear)!;

    public string? Error(string name) => Errors.TryGetValue(name, out var e) ? string.Join(" ", e) : null;

    private static FiscalYear Starting(State state, int startYear) =>
        FiscalYear.Of(state, new DateTimeOffset(startYear, 6, 1, 0, 0, 0, TimeSpan.Zero));
}
