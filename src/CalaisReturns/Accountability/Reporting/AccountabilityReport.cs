using System.Globalization;
using CalaisReturns.Accountability.Incidents;
using CalaisReturns.Accountability.Monitoring;
using CalaisReturns.Core.Exports;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Scheduling;

namespace CalaisReturns.Accountability.Reporting;

/// <summary>
/// What inspectors ask of one flight: incidents (per 100 returnees flown), uses of force with their total and longest
/// duration, serious incidents and how many of their reports were late, the monitor's findings answered and open.
/// </summary>
public sealed record FlightAccountability(
    Guid FlightId,
    string Reference,
    DateTimeOffset ScheduledDeparture,
    FlightStatus Status,
    State LeadState,
    string CountriesOfReturn,
    int ReturneesFlown,
    int Incidents,
    decimal? IncidentsPer100Returnees,
    int SeriousIncidents,
    int LateSeriousReports,
    int UsesOfForce,
    decimal ForceMinutesTotal,
    decimal ForceMinutesLongest,
    int Findings,
    int FindingsAnswered,
    int FindingsOpen,
    MonitorReportStatus? MonitorReport);

/// <summary>The period's flights and their totals (rates recomputed over the totals, not averaged).</summary>
public sealed record AccountabilityReport(string Period, IReadOnlyList<FlightAccountability> Flights, FlightAccountability Total);

public static class AccountabilityReports
{
    /// <summary>One flight's figures at an instant (a report is late once its deadline has passed unsent).</summary>
    public static FlightAccountability For(FlightSchedule flight, IReadOnlyList<Incident> incidents, MonitorReport? report,
        AccountabilityRules rules, DateTimeOffset now)
    {
        var flown = flight.States.Sum(s => s.ReturneesOnBoard ?? 0);
        var forces = incidents.Select(i => i.Facts.UseOfForce).OfType<UseOfForce>()
            .Select(f => Minutes(f.EndedAt - f.StartedAt)).ToList();
        var findings = report?.SubmittedAt is null ? 0 : report.Findings.Count;
        var answered = report?.Findings.Count(f => f.Answer is not null) ?? 0;
        return new FlightAccountability(flight.Id, flight.Reference, flight.ScheduledDeparture, flight.Status, flight.LeadState,
            string.Join('+', flight.CountriesOfReturn.Count > 0 ? flight.CountriesOfReturn : [flight.CountryOfReturn]), flown,
            incidents.Count, Per100(incidents.Count, flown), incidents.Count(i => i.Facts.Serious), incidents.Count(i => i.ReportLate(rules, now)),
            forces.Count, forces.Sum(), forces.DefaultIfEmpty(0m).Max(), findings, answered, findings - answered, report?.Status);
    }

    /// <summary>The period's flights by departure, and their totals.</summary>
    public static AccountabilityReport Build(Period period, IReadOnlyList<FlightAccountability> flights)
    {
        var ordered = flights.OrderBy(f => f.ScheduledDeparture).ToList();
        var flown = ordered.Sum(f => f.ReturneesFlown);
        var incidents = ordered.Sum(f => f.Incidents);
        var total = new FlightAccountability(Guid.Empty, "", period.From, FlightStatus.Planned, State.UK, "", flown, incidents,
            Per100(incidents, flown), ordered.Sum(f => f.SeriousIncidents), ordered.Sum(f => f.LateSeriousReports), ordered.Sum(f => f.UsesOfForce),
            ordered.Sum(f => f.ForceMinutesTotal), ordered.Select(f => f.ForceMinutesLongest).DefaultIfEmpty(0m).Max(), ordered.Sum(f => f.Findings),
            ordered.Sum(f => f.FindingsAnswered), ordered.Sum(f => f.FindingsOpen), null);
        return new AccountabilityReport(period.Name, ordered, total);
    }

    /// <summary>Incidents per 100 returnees flown, to one decimal (none where nobody was flown).</summary>
    public static decimal? Per100(int incidents, int flown) =>
        flown == 0 ? null : Math.Round(incidents * 100m / flown, 1, MidpointRounding.AwayFromZero);

    private static decimal Minutes(TimeSpan span) => Math.Round((decimal)span.TotalMinutes, 1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The flights departing in the period that the reader may see (a planner: their state's), with their incidents and
    /// reports, read in three queries.
    /// </summary>
    public static async Task<AccountabilityReport> Live(IQuerySession session, Period period, Actor reader, AccountabilityRules rules,
        DateTimeOffset now, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var flights = await session.Query<FlightSchedule>().Where(f => f.ScheduledDeparture >= from && f.ScheduledDeparture < to)
            .OrderBy(f => f.ScheduledDeparture).ToListAsync(ct);
        flights = [.. flights.Where(f => reader.Role != Role.Planner || f.ParticipatingStates.Contains(reader.State))];
        var ids = flights.Select(f => f.Id).ToArray();
        var incidents = (await session.Query<Incident>().Where(i => i.FlightId.IsOneOf(ids)).ToListAsync(ct)).ToLookup(i => i.FlightId);
        var reports = (await session.Query<MonitorReport>().Where(r => r.FlightId.IsOneOf(ids)).ToListAsync(ct)).ToDictionary(r => r.FlightId);
        return Build(period, [.. flights.Select(f => For(f, [.. incidents[f.Id]], reports.GetValueOrDefault(f.Id), rules, now))]);
    }

    public static readonly string[] Columns =
    [
        "Reference", "ScheduledDeparture", "Status", "LeadState", "CountriesOfReturn", "ReturneesFlown", "Incidents",
        "IncidentsPer100Returnees", "SeriousIncidents", "LateSeriousReports", "UsesOfForce", "ForceMinutesTotal", "ForceMinutesLongest",
        "Findings", "FindingsAnswered", "FindingsOpen", "MonitorReport",
    ];

    private const string TotalRow = "TOTAL";

    /// <summary>A row per flight, then the total row: the cells every download carries (rates and minutes to a tenth).</summary>
    public static IEnumerable<object?[]> Rows(AccountabilityReport report) =>
        report.Flights.Select(f => Row(f, f.Reference, DateOnly.FromDateTime(f.ScheduledDeparture.UtcDateTime), f.Status, f.LeadState,
            f.CountriesOfReturn)).Append(Row(report.Total, TotalRow, null, null, null, null));

    private static object?[] Row(FlightAccountability f, string reference, DateOnly? departure, FlightStatus? status, State? lead,
        string? countries) =>
    [
        reference, departure, status, lead, countries, f.ReturneesFlown, f.Incidents, f.IncidentsPer100Returnees, f.SeriousIncidents,
        f.LateSeriousReports, f.UsesOfForce, f.ForceMinutesTotal, f.ForceMinutesLongest, f.Findings, f.FindingsAnswered, f.FindingsOpen,
        f.MonitorReport,
    ];

    public static string Csv(AccountabilityReport report) =>
        Spreadsheets.Csv(Columns, Rows(report).Select(row => row.Select(value => value switch
        {
            null => "",
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal tenths => tenths.ToString("0.0", CultureInfo.InvariantCulture),
            IFormattable f and not Enum => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        })));

    public static byte[] ReaderCsv(AccountabilityReport report, CultureInfo culture) =>
        Spreadsheets.ReaderCsv(Columns.Select(c => Texts.In(culture, $"Accountability.Column.{c}")),
            Rows(report).Select(row => row.Select(value => Cell(value, culture) switch
            {
                null => "",
                DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                decimal tenths => tenths.ToString("0.0", culture),
                IFormattable f => f.ToString(null, culture),
                var other => other.ToString() ?? "",
            })), culture);

    public static byte[] Xlsx(AccountabilityReport report, CultureInfo culture) =>
        Spreadsheets.Xlsx(Columns, Rows(report).Select(row => row.Select(value => Cell(value, culture)).ToArray()),
            Texts.In(culture, "Accountability.Sheet"),
            column => (Texts.In(culture, $"Accountability.Column.{column}"),
                column is "IncidentsPer100Returnees" or "ForceMinutesTotal" or "ForceMinutesLongest" ? "0.0" : column == "ScheduledDeparture" ? "yyyy-mm-dd" : null,
                column is "Reference" or "ScheduledDeparture" or "Status" or "MonitorReport" ? 18 : 12));

    /// <summary>A cell for the reader: dates as dates, enums and the total row's name in their language.</summary>
    private static object? Cell(object? value, CultureInfo culture) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        TotalRow => Texts.In(culture, "Export.Total"),
        State state => state.ToString(),
        Enum code => Texts.In(culture, $"{code.GetType().Name}.{code}"),
        _ => value,
    };
}
