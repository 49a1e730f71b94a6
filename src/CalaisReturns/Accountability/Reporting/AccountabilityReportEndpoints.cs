using CalaisReturns.Accountability.Incidents;
using CalaisReturns.Accountability.Monitoring;
using CalaisReturns.Core.Http;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Flights.Scheduling;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Accountability.Reporting;

public static class AccountabilityReportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [WolverineGet("/api/reports/accountability", OperationId = "GetAccountabilityReport",
        Summary = "A month's, quarter's or year's incidents, uses of force, late serious reports and monitors' findings, per flight and in total (period=2026-07)")]
    [Authorize(Policy = AccessPolicies.AccountabilityReader)]
    [ProducesResponseType<AccountabilityReport>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string? period, IQuerySession session, TimeProvider clock, AccountabilityRules rules,
        ClaimsPrincipal user, CancellationToken ct) =>
        Period.Parse(period) is { } wanted
            ? Results.Ok(await AccountabilityReports.Live(session, wanted, Actor.From(user), rules, clock.GetUtcNow(), ct))
            : GetCostShareReportEndpoint.InvalidPeriod();

    [WolverineGet("/api/reports/accountability.csv", OperationId = "DownloadAccountabilityReportCsv",
        Summary = "The period's accountability report as CSV: format=plain (RFC 4180, the default) or format=reader (the caller's language and convention)")]
    [Authorize(Policy = AccessPolicies.AccountabilityReader)]
    public static async Task<IResult> Csv(string? period, string? format, IQuerySession session, TimeProvider clock,
        AccountabilityRules rules, ClaimsPrincipal user, CancellationToken ct)
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

        var report = await AccountabilityReports.Live(session, wanted, Actor.From(user), rules, clock.GetUtcNow(), ct);
        return Core.Exports.Spreadsheets.CsvFile(reader, () => AccountabilityReports.Csv(report),
            culture => AccountabilityReports.ReaderCsv(report, culture), $"accountability-{wanted.Name}.csv");
    }

    [WolverineGet("/api/reports/accountability.xlsx", OperationId = "DownloadAccountabilityReportXlsx",
        Summary = "The period's accountability report as an Excel workbook, in the caller's language")]
    [Authorize(Policy = AccessPolicies.AccountabilityReader)]
    public static async Task<IResult> Excel(string? period, IQuerySession session, TimeProvider clock, AccountabilityRules rules,
        ClaimsPrincipal user, CancellationToken ct) =>
        Period.Parse(period) is { } wanted
            ? Results.File(AccountabilityReports.Xlsx(await AccountabilityReports.Live(session, wanted, Actor.From(user), rules, clock.GetUtcNow(), ct),
                System.Globalization.CultureInfo.CurrentCulture), Xlsx, $"accountability-{wanted.Name}.xlsx")
            : GetCostShareReportEndpoint.InvalidPeriod();

    [WolverineGet("/api/flights/{flightId}/accountability", OperationId = "GetFlightAccountability",
        Summary = "One flight's incidents, uses of force, late serious reports and monitor's findings, counted")]
    [Authorize(Policy = AccessPolicies.AccountabilityReader)]
    [ProducesResponseType<FlightAccountability>(StatusCodes.Status200OK)]
    public static async Task<IResult> GetFlight(Guid flightId, IQuerySession session, TimeProvider clock, AccountabilityRules rules,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (await session.LoadAsync<FlightSchedule>(flightId, ct) is not { } flight)
        {
            return Problems.NotFound("Flight", flightId);
        }

        var actor = Actor.From(user);
        if (actor.Role == Role.Planner && !flight.ParticipatingStates.Contains(actor.State))
        {
            return Problems.Forbidden(new Text("Forbidden.AccountabilityOfOtherStates"));
        }

        var incidents = await GetIncidentsEndpoint.Of(session, flightId, asOf: null, ct);
        var report = await session.LoadAsync<MonitorReport>(MonitorReport.IdFor(flightId), ct);
        return Results.Ok(AccountabilityReports.For(flight, incidents, report, rules, clock.GetUtcNow()));
    }
}
