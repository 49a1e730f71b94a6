using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Finance.Sharing;

public static class GetCostShareEndpoint
{
    [WolverineGet("/api/flights/{flightId}/cost-share", OperationId = "GetCostShare",
        Summary = "The flight's cost lines, totals, shares, paid, balance and reconciliation status")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    [ProducesResponseType<FlightCostShare>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid flightId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<FlightCostShare>(flightId, ct) is { } share
            ? Results.Ok(share)
            : Problems.NotFound("Flight", flightId);
}
