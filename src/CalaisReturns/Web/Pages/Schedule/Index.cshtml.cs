using CalaisReturns.Accountability;
using CalaisReturns.Accountability.Officers;
using CalaisReturns.Core.Http;
using CalaisReturns.Finance.Budgets.Reporting;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Schedule;

/// <summary>Flights in a date range, as a table and as a month calendar; planners plan new flights here.</summary>
public sealed class IndexModel(IQuerySession session, TimeProvider clock, ManifestRules rules, AccountabilityRules accountability,
    IConfiguration configuration) : PageModel
{
    private Func<FlightSchedule, IEnumerable<Text>> _teamWarnings = _ => [];
    private Func<Guid, IEnumerable<Text>> _budgetWarnings = _ => [];

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? LeadState { get; set; }

    /// <summary>The calendar's month, yyyy-MM; by default the month of the first flight listed.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public IReadOnlyList<FlightSchedule> Flights { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public MonthCalendar? Calendar { get; private set; }
    public Actor Actor => Actor.From(User);
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGet(CancellationToken ct)
    {
        // Dates are the reader's: a day runs from midnight in their zone.
        var zone = ReaderZones.Current;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);
        From ??= new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM-dd");
        To ??= new DateOnly(today.Year, today.Month, 1).AddMonths(3).ToString("yyyy-MM-dd");
        var (filter, errors) = ScheduleFilter.Parse(From, To, Blank(Country), Blank(Status), Blank(LeadState), zone);
        if (filter is null)
        {
            Errors = errors;
            return;
        }

        Flights = await FlightSchedules.Query(session, filter, ct);
        _teamWarnings = await OfficerWarnings.Reader(session, Flights, accountability, ct);
        _budgetWarnings = await BudgetReports.Warnings(session, Flights, BudgetReports.PlanningRate(configuration), Actor.ReadsMoney, ct);
        // The calendar follows the filter: the month the range starts in, unless a month was chosen.
        var first = filter.From is { } from ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime) : today;
        var month = DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", out var chosen) ? chosen : new DateOnly(first.Year, first.Month, 1);
        // The month as the reader's calendar has it: from midnight in their zone, as MonthCalendar puts flights on days.
        var start = ReaderZones.ToUtc(month.ToDateTime(TimeOnly.MinValue), zone);
        var end = ReaderZones.ToUtc(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), zone);
        var inMonth = await FlightSchedules.Query(session, filter with { From = start, To = end }, ct);
        Calendar = MonthCalendar.Build(month.Year, month.Month, inMonth);
    }

    /// <summary>This page's address with the same filters and another calendar month.</summary>
    public string WithMonth(DateOnly month) => QueryHelpers.AddQueryString("/schedule", new Dictionary<string, string?>
    {
        ["From"] = From, ["To"] = To, ["Country"] = Country, ["Status"] = Status, ["LeadState"] = LeadState,
        ["Month"] = $"{month:yyyy-MM}",
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    /// <summary>The flight's warnings in the reader's language, its named officers' and the budgets' among them.</summary>
    public IEnumerable<Text> WarningsOf(FlightSchedule flight) =>
        ScheduleWarnings.Current(flight, rules.EscortsPerReturnee).Concat(_teamWarnings(flight)).Concat(_budgetWarnings(flight.Id));

    public string? Error(string name) => Errors.TryGetValue(name, out var e) ? string.Join(" ", e) : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
