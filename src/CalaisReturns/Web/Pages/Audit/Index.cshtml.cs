using CalaisReturns.Auditing.Checkpoints;
using CalaisReturns.Auditing.Sealing;
using CalaisReturns.Auditing.Verifying;
using CalaisReturns.Cases.Summaries;
using CalaisReturns.Flights.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Audit;

/// <summary>Where auditors start: verify the stored history, then open a flight's or a case's timeline.</summary>
public sealed class IndexModel(IQuerySession session, Sealer sealer, CheckpointSigner signer) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Verify { get; set; }

    /// <summary>Re-walk every event, not only those appended since the last verification.</summary>
    [BindProperty(SupportsGet = true)] public bool Full { get; set; }

    public VerificationResult? Verification { get; private set; }
    public IReadOnlyList<FlightSchedule> Flights { get; private set; } = [];
    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    public async Task OnGet(CancellationToken ct)
    {
        if (Verify)
        {
            Verification = await VerifyHistoryEndpoint.RunAsync(session.DocumentStore, sealer, signer, Full, ct);
        }

        var actor = Actor.From(User);
        Flights = await FlightSchedules.Query(session, ScheduleFilter.Between(null, null), ct);
        var uk = await CaseSummaries.Query(session, actor, State.UK, null, ct);
        var fr = await CaseSummaries.Query(session, actor, State.FR, null, ct);
        Cases = [.. (uk ?? []).Concat(fr ?? [])];
    }
}
