using System.Globalization;
using CalaisReturns.Core.Exports;
using CalaisReturns.Core.Http;
using CalaisReturns.Finance.Granting;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Finance.Reporting;

/// <param name="DaysToDeadline">Days left to claim (negative once the deadline has passed); for a claimed grant, days since the claim.</param>
public sealed record GrantLine(
    Guid FlightId,
    string FlightReference,
    Guid GrantId,
    string Funder,
    string Reference,
    Money Granted,
    DateOnly DecidedOn,
    DateOnly ClaimDeadline,
    GrantStatus Status,
    Money? Claimed,
    DateOnly? ClaimedOn,
    int Days,
    bool Late);

/// <summary>What a state still has to claim and what it has claimed but not been paid, per currency.</summary>
public sealed record GrantTotal(Currency Currency, decimal Unclaimed, decimal Outstanding);

/// <summary>
/// One state's co-financing still to come (DESIGN.md "Grant"): grants decided but not claimed, soonest deadline first
/// (<see cref="GrantLine.Late"/> once it has passed), and claims not yet paid nor rejected, oldest first.
/// </summary>
public sealed record GrantsReport(State State, DateOnly On, IReadOnlyList<GrantLine> Unclaimed, IReadOnlyList<GrantLine> Outstanding,
    IReadOnlyList<GrantTotal> Totals)
{
    public static GrantsReport Build(State state, IEnumerable<FlightFinance> flights, DateOnly today)
    {
        var open = flights.SelectMany(f => f.Grants.Where(g => g.Recipient == state).Select(g => Line(f, g, today))).ToList();
        var unclaimed = open.Where(g => g.Status == GrantStatus.Decided).OrderBy(g => g.ClaimDeadline).ThenBy(g => g.FlightReference, StringComparer.Ordinal).ToList();
        var outstanding = open.Where(g => g.Status == GrantStatus.Claimed).OrderBy(g => g.ClaimedOn).ThenBy(g => g.FlightReference, StringComparer.Ordinal).ToList();
        var totals = Enum.GetValues<Currency>()
            .Select(c => new GrantTotal(c, unclaimed.Where(g => g.Granted.Currency == c).Sum(g => g.Granted.Amount),
                outstanding.Where(g => g.Claimed!.Value.Currency == c).Sum(g => g.Claimed!.Value.Amount)))
            .Where(t => t.Unclaimed != 0 || t.Outstanding != 0)
            .ToList();
        return new GrantsReport(state, today, unclaimed, outstanding, totals);
    }

    private static GrantLine Line(FlightFinance flight, Grant grant, DateOnly today) => new(flight.Id, flight.Reference, grant.GrantId,
        grant.Funder, grant.Reference, grant.Amount, grant.DecidedOn, grant.ClaimDeadline, grant.Status, grant.Claimed, grant.ClaimedOn,
        grant.Status == GrantStatus.Claimed ? today.DayNumber - grant.ClaimedOn!.Value.DayNumber : grant.ClaimDeadline.DayNumber - today.DayNumber,
        grant.Status == GrantStatus.Decided ? today > grant.ClaimDeadline : grant.ClaimedOn > grant.ClaimDeadline);

    /// <summary>The report as a table: the unclaimed, then the outstanding, each row naming its flight and grant.</summary>
    public ReportTable Table() => new("Export.GrantsSheet", Columns,
        [.. Unclaimed.Concat(Outstanding).Select(g => new object?[]
        {
            State, g.FlightReference, g.Funder, g.Reference, g.Status, g.Granted.Currency, g.Granted.Amount, g.DecidedOn, g.ClaimDeadline,
            g.Claimed?.Amount, g.ClaimedOn, g.Late,
        })], new HashSet<string> { "Granted", "ClaimedAmount" });

    private static readonly string[] Columns =
        ["State", "Reference", "Funder", "GrantReference", "GrantStatus", "Currency", "Granted", "DecidedOn", "ClaimDeadline", "ClaimedAmount", "ClaimedOn", "Late"];

    /// <summary>The state's open grants, read from the flights' finance write models (the only flights that have any).</summary>
    public static async Task<GrantsReport> Query(IQuerySession session, State state, DateOnly today, CancellationToken ct)
    {
        var flights = await session.Query<FlightLedger>()
            .Where(l => l.Facts.Grants.Any(g => g.Recipient == state && (g.Status == GrantStatus.Decided || g.Status == GrantStatus.Claimed)))
            .ToListAsync(ct);
        return Build(state, flights.Select(l => l.Facts), today);
    }
}

public static class GetGrantsReportEndpoint
{
    /// <summary>The state asked for, the caller's by default.</summary>
    public static State? StateOf(string? state, ClaimsPrincipal user, Dictionary<string, string[]> errors) =>
        state is null ? Actor.From(user).State : QueryValues.Enum<State>(state, "state", errors);

    [WolverineGet("/api/reports/grants", OperationId = "GetGrantsReport",
        Summary = "A state's grants not yet claimed (soonest deadline first) and claims not yet paid; state=UK|FR, the caller's by default")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    [ProducesResponseType<GrantsReport>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string? state, IQuerySession session, TimeProvider clock, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        return StateOf(state, user, errors) is { } wanted && errors.Count == 0
            ? Results.Ok(await GrantsReport.Query(session, wanted, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct))
            : Problems.Invalid(errors);
    }

    [WolverineGet("/api/reports/grants.csv", OperationId = "DownloadGrantsReportCsv",
        Summary = "The grants report as CSV: format=plain (RFC 4180, the default) or format=reader (the caller's language and convention)")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    public static async Task<IResult> Csv(string? state, string? format, IQuerySession session, TimeProvider clock, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var wanted = StateOf(state, user, errors);
        var reader = Spreadsheets.ReaderFormat(format, errors);
        if (errors.Count > 0 || wanted is null)
        {
            return Problems.Invalid(errors);
        }

        var table = (await GrantsReport.Query(session, wanted.Value, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct)).Table();
        return Spreadsheets.CsvFile(reader!.Value, table.Csv, table.ReaderCsv, $"grants-{wanted}.csv");
    }
}
