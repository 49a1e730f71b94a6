using CalaisReturns.Core.History;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Flights.History;

public static class GetFlightHistoryEndpoint
{
    [WolverineGet("/api/flights/{flightId}/history", OperationId = "GetFlightHistory",
        Summary = "The flight's events with who, when and why; from, to, type (comma separated), page, pageSize")]
    [Authorize(Policy = AccessPolicies.Reader)]
    [ProducesResponseType<HistoryPage>(StatusCodes.Status200OK)]
    public static Task<IResult> Get(Guid flightId, string? from, string? to, string? type, string? page, string? pageSize,
        IQuerySession session, ClaimsPrincipal user, CancellationToken ct) =>
        EventHistory.Read<FlightPlanned>(session, flightId, "Flight", from, to, type, page, pageSize,
            planned => FlightAccess.HistoryReader(Actor.From(user), planned.ParticipatingStates), ct);
}
