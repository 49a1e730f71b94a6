using System.Text.Json;
using Marten.Events;
using CalaisReturns.Flights;
using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Finance.Reporting;

public static class GetCostShareReportEndpoint
{
    public static async Task<CostShareReport> Live(IQuerySession session, Period period, CancellationToken ct)
    {
        var months = period.Months().Select(m => m.Name).ToArray();
        // Only the flights' figures are read (their column, not the documents with every cost line): a year is a few
        // hundred small values.
        var table = await EntriesTable(session, ct);
        var rows = await session.AdvancedSql.QueryAsync<string?>(
            $"select {CostShareReportEntry.ReportedColumn} from {table} where data ->> '{nameof(CostShareReportEntry.Month)}' = any(?)", ct, (object)months);
        var flights = rows.OfType<string>().Select(r => JsonSerializer.Deserialize<ReportedFlight>(r, ReportedFlight.Json)!).ToList();
        if (flights.Count < rows.Count)
        {
            // Entries projected before they kept the reported figures (until the projections are rebuilt): from their facts.
            var older = await session.Query<CostShareReportEntry>().Where(m => m.Month.IsOneOf(months) && m.ReportedJson == null)
                .ToListAsync(ct);
            flights.AddRange(older.Select(e => ReportedFlight.Of(e.Flight)));
        }

        return CostShareReport.Build(period, flights);
    }

    /// <summary>
    /// The report as it stood at an instant: every flight that, by then, had been planned or rescheduled
    /// into the period is replayed to that instant from its finance events with <see cref="FlightFinance.Fold"/>, and the same
    /// <see cref="CostShareReport.Build"/> keeps those still in the period and sums them.
    /// </summary>
    public static async Task<CostShareReport> AsOf(IQuerySession session, Period period, DateTimeOffset asOf,
        CancellationToken ct)
    {
        var candidates = await FlightsPlannedInto(session, period, asOf, ct);
        if (candidates.Count == 0)
        {
            return CostShareReport.Build(period, Array.Empty<ReportedFlight>());
        }

        // The candidates' finance events up to the instant in one query (the manifest's are not read), folded per
        // flight in stream order as the projections fold them.
        var streams = candidates.ToArray();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(streams) && e.Timestamp <= asOf && e.EventTypesAre(FactTypes))
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        var flights = new Dictionary<Guid, FlightFinance?>();
        foreach (var e in events)
        {
            flights[e.StreamId] = FlightFinance.Fold(flights.GetValueOrDefault(e.StreamId), e.Data);
        }

        return CostShareReport.Build(period, flights.Values.OfType<FlightFinance>());
    }

    private static readonly Type[] FactTypes = [.. FinanceModule.FactTypes];

    /// <summary>
    /// The flights whose plan or a reschedule recorded by the instant may name a departure in the period: those whose
    /// report entry has ever been in one of its months (the <c>months</c> column, a small indexed table), and, among the
    /// plans and reschedules the report projection has not processed yet, those naming a departure in the period. A
    /// database whose entries predate that column (until the projection is rebuilt) is searched through all plans and
    /// reschedules. A candidate the instant precedes, or that has left the period by then, is dropped by its replay. The
    /// stored names of those events and of their departure fields come from the store's own mapping and the events'
    /// properties, so a renamed event type or property changes this query with it.
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> FlightsPlannedInto(IQuerySession session, Period period,
        DateTimeOffset asOf, CancellationToken ct)
    {
        var options = session.DocumentStore.Options;
        var schema = options.Events.DatabaseSchemaName;
        var entries = await EntriesTable(session, ct);
        var types = options.Events.AllKnownEventTypes()
            .Where(t => t.EventType == typeof(FlightPlanned) || t.EventType == typeof(FlightRescheduled))
            .Select(t => t.EventTypeName)
            .ToArray();
        var departure = $"coalesce(data ->> '{nameof(FlightPlanned.ScheduledDeparture)}', "
            + $"data ->> '{nameof(FlightRescheduled.NewDeparture)}')::timestamptz";
        var processed = $"""
            case when exists (select 1 from {entries} where {CostShareReportEntry.MonthsColumn} is null) then 0
                 else coalesce((select last_seq_id from {schema}.mt_event_progression where name = ?), 0) end
            """;
        return await session.AdvancedSql.QueryAsync<Guid>(
            $"select id from {entries} where {CostShareReportEntry.MonthsColumn} && ?::varchar[] union "
            + $"select stream_id from {schema}.mt_events where type = any(?) and seq_id > ({processed}) "
            + $"and timestamp <= ? and {departure} >= ? and {departure} < ?",
            ct, period.Months().Select(m => m.Name).ToArray(), types, $"{CostShareReportEntryProjection.ShardName}:All", asOf, period.From, period.To);
    }

    /// <summary>The report entries' table, created first where the store creates its tables as they are used.</summary>
    internal static async Task<string> EntriesTable(IQuerySession session, CancellationToken ct)
    {
        await session.Database.EnsureStorageExistsAsync(typeof(CostShareReportEntry), ct);
        return session.DocumentStore.Options.FindOrResolveDocumentType(typeof(CostShareReportEntry)).TableName.QualifiedName;
    }

    [WolverineGet("/api/reports/cost-share", OperationId = "GetCostShareReport",
        Summary = "A month's, quarter's or year's cost-share report, e.g. period=2014-Q3 (a closed month's as it was closed, an open month's with the adjustments to closed months); asOf for the flights' figures as they stood then")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    [ProducesResponseType<CostShareReport>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string? period, string? asOf, IQuerySession session, CancellationToken ct)
    {
        if (Period.Parse(period) is not { } wanted)
        {
            return InvalidPeriod();
        }

        var errors = new Dictionary<string, string[]>();
        var instant = QueryValues.Instant(asOf, "asOf", errors);
        return errors.Count > 0 ? Problems.Invalid(errors)
            : Results.Ok(instant is { } at ? await AsOf(session, wanted, at, ct) : await Periods.MonthReports.Current(session, wanted, ct));
    }

    public static IResult InvalidPeriod() => Problems.Invalid(new Dictionary<string, string[]>
    {
        ["period"] = [Period.Expected],
    });
}

public static class DownloadCostShareReportEndpoint
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [WolverineGet("/api/reports/cost-share.csv", OperationId = "DownloadCostShareReportCsv",
        Summary = "The period's cost-share report as CSV: format=plain (RFC 4180, the default, for scripts) or format=reader (the caller's language and convention)")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    public static async Task<IResult> Csv(string? period, string? format, IQuerySession session, CancellationToken ct)
    {
        if (Period.Parse(period) is not { } wanted)
        {
            return GetCostShareReportEndpoint.InvalidPeriod();
        }

        var errors = new Dictionary<string, string[]>();
        if (Core.Exports.Spreadsheets.ReaderFormat(format, errors) is not { } reader)
        {
            return Problems.Invalid(errors);
        }

        var report = await Periods.MonthReports.Current(session, wanted, ct);
        return Core.Exports.Spreadsheets.CsvFile(reader, () => ReportExport.Csv(report), culture => ReportExport.ReaderCsv(report, culture),
            $"cost-share-{period}.csv");
    }

    [WolverineGet("/api/reports/cost-share.xlsx", OperationId = "DownloadCostShareReportXlsx",
        Summary = "The period's cost-share report as an Excel workbook")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    public static async Task<IResult> Excel(string? period, IQuerySession session, CancellationToken ct) =>
        Period.Parse(period) is { } wanted
            ? Results.File(ReportExport.Xlsx(await Periods.MonthReports.Current(session, wanted, ct),
                System.Globalization.CultureInfo.CurrentCulture), Xlsx,
                $"cost-share-{period}.xlsx")
            : GetCostShareReportEndpoint.InvalidPeriod();
}
