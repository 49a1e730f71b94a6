using CalaisReturns.Finance.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Statistics;

/// <summary>
/// A year's published statistics as the API gives them (<see cref="GetStatisticsEndpoint.Live"/>), the years to choose
/// from — calendar years and UK fiscal years, from five years back to next year — and the CSV downloads.
/// </summary>
[Authorize(Policy = GetStatisticsEndpoint.Policy)]
public sealed class IndexModel(IQuerySession session, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }

    public StatisticsReport? Report { get; private set; }
    public string? YearError { get; private set; }
    public IReadOnlyList<string> CalendarYears { get; private set; } = [];
    public IReadOnlyList<string> UkFiscalYears { get; private set; } = [];

    public async Task OnGet(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        CalendarYears = Offered(State.FR, now);
        UkFiscalYears = Offered(State.UK, now);
        Year ??= FiscalYear.Of(State.FR, now).Name;
        if (FiscalYear.Parse(Year) is not { } year)
        {
            YearError = Texts.Get("Query.StatisticsYear");
            return;
        }

        // A year asked for further back than offered is offered too, so that the picker shows it.
        if (year.State == State.FR && !CalendarYears.Contains(year.Name))
        {
            CalendarYears = [.. CalendarYears, year.Name];
        }
        else if (year.State == State.UK && !UkFiscalYears.Contains(year.Name))
        {
            UkFiscalYears = [.. UkFiscalYears, year.Name];
        }

        Report = await GetStatisticsEndpoint.Live(session, year, now, ct);
    }

    /// <summary>The state's fiscal years from next year's back to five years ago.</summary>
    private static IReadOnlyList<string> Offered(State state, DateTimeOffset now) =>
        [.. Enumerable.Range(-5, 7).Reverse().Select(n => FiscalYear.Of(state, now.AddYears(n)).Name)];
}
