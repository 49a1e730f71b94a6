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
            planned => FlightHistory.Forbid(Actor.From(user), planned), ct);
}

/// <summary>The flight history query and its access rule, shared by the endpoint and the pages.</summary>
public static class FlightHistory
{
    public static Task<StreamHistory<FlightPlanned>?> Page(IQuerySession session, Guid flightId, HistoryFilter filter,
        CancellationToken ct) => EventHistory.Page<FlightPlanned>(session, flightId, filter, ct);

    public static Text? Forbid(Actor actor, FlightPlanned planned) => FlightAccess.HistoryReader(actor, planned.ParticipatingStates);
}
