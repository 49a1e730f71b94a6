using CalaisReturns.Core.History;
using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Flights.History;

public static class GetFlightHistoryEndpoint
{
    [WolverineGet("/api/flights/{flightId}/history", OperationId = "GetFlightHistory",
        Summary = "The flight's events with who, when and why; from, to, type (comma separated), page, pageSize")]
    [Authorize(Policy = AccessPolicies.Reader)]
    [ProducesResponseType<HistoryPage>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid flightId, string? from, string? to, string? type, string? page,
        string? pageSize, IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var (filter, errors) = HistoryFilter.Parse(from, to, type, page, pageSize);
        if (filter is null)
        {
            return Problems.Invalid(errors);
        }

        var events = await session.Events.FetchStreamAsync(flightId, token: ct);
        if (events.FirstOrDefault()?.Data is not FlightPlanned planned)
        {
            return Problems.NotFound("Flight", flightId);
        }

        return FlightAccess.HistoryReader(Actor.From(user), planned.ParticipatingStates) is { } forbidden
            ? Problems.Forbidden(forbidden)
            : Results.Ok(filter.Apply(events));
    }
}
