using CalaisReturns.Accountability.Incidents;
using CalaisReturns.Accountability.Monitoring;
using CalaisReturns.Core.History;
using CalaisReturns.Core.Http;
using CalaisReturns.Flights;
using CalaisReturns.Flights.History;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Accountability;

/// <summary>
/// The flight's accountability record as stored: its incidents' events and its monitor's report's, in the order they
/// were recorded, each with its stream, who, when and why, and never the personal data (narratives). Read by whoever
/// reads the flight's history.
/// </summary>
public static class AccountabilityHistory
{
    public static async Task<IReadOnlyList<Guid>> StreamsOf(IQuerySession session, Guid flightId, CancellationToken ct)
    {
        var incidents = await session.Query<Incident>().Where(i => i.FlightId == flightId).Select(i => i.Id).ToListAsync(ct);
        return [.. incidents, MonitorReport.IdFor(flightId)];
    }

    [WolverineGet("/api/flights/{flightId}/accountability/history", OperationId = "GetFlightAccountabilityHistory",
        Summary = "The events of the flight's incidents and monitor's report, with who, when and why; from, to, type, page, pageSize")]
    [Authorize(Policy = AccessPolicies.Reader)]
    [ProducesResponseType<HistoryPage>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid flightId, string? from, string? to, string? type, string? page, string? pageSize,
        IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var (filter, errors) = HistoryFilter.Parse(from, to, type, page, pageSize);
        if (filter is null)
        {
            return Problems.Invalid(errors);
        }

        var planned = (await session.Events.FetchStreamAsync(flightId, version: 1, token: ct)).FirstOrDefault()?.Data as FlightPlanned;
        if (planned is null)
        {
            return Problems.NotFound("Flight", flightId);
        }

        if (FlightHistory.Forbid(Actor.From(user), planned) is { } forbidden)
        {
            return Problems.Forbidden(forbidden);
        }

        return Results.Ok(await EventHistory.Page(session, await StreamsOf(session, flightId, ct), filter, ct));
    }
}
