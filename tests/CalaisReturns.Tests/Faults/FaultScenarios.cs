using System.Net;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;

namespace CalaisReturns.Tests.Faults;

/// <summary>Set-ups the fault tests share, sent to running app processes.</summary>
internal static class FaultScenarios
{
    public static readonly Actor UkFinance = Actors.Of(Role.Finance, State.UK);
    public static readonly Actor FrFinance = Actors.Of(Role.Finance, State.FR);

    /// <summary>
    /// A UK/FR flight with an agreed 55/45 split and a fixed rate, ready for costs; the steps alternate
    /// between <paramref name="one"/> and <paramref name="other"/> (the same process, or two nodes).
    /// </summary>
    public static async Task<Guid> ReadyForCosts(RunningApp one, RunningApp other, DateTimeOffset departure)
    {
        var id = (await one.Post(Actors.UkPlanner, "/api/flights", Api.Plan(departure: departure), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await other.Post(FrFinance, $"/api/flights/{id}/cost-split", new
        {
            basis = "FixedRatio", settlementCurrency = "GBP",
            ratios = new[] { new { state = "UK", percent = 55m }, new { state = "FR", percent = 45m } },
        });
        var share = await one.Get(UkFinance, $"/api/flights/{id}/cost-share");
        var proposalId = share.GetProperty("facts").GetProperty("proposal").GetProperty("proposalId").GetGuid();
        await other.Post(UkFinance, $"/api/flights/{id}/cost-split/agreement", new { proposalId });
        await one.Post(UkFinance, $"/api/flights/{id}/exchange-rate",
            new { eurPerGbp = 1.1734m, rateDate = DateTime.UtcNow.ToString("yyyy-MM-dd"), source = "ECB" });
        return id;
    }
}
