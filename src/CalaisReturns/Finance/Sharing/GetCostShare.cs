using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Finance.Sharing;

public static class GetCostShareEndpoint
{
    [WolverineGet("/api/flights/{flightId}/cost-share", OperationId = "GetCostShare",
        Summary = "The flight's cost lines, totals, shares, paid, balance and status; asOf or version for how it stood then")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    [ProducesResponseType<FlightCostShare>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid flightId, string? asOf, string? version, IQuerySession session,
        CancellationToken ct)
    {
        var (travel, errors) = TimeTravel.Parse(asOf, version);
        if (travel is null)
        {
            return Problems.Invalid(errors);
        }

        var share = await travel.Load<FlightCostShare>(session, flightId, ct);
        return share is null ? Problems.NotFound("Flight", flightId) : Results.Ok(share);
    }
}
