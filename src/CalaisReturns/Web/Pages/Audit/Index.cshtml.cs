using CalaisReturns.Auditing.Verifying;
using CalaisReturns.Cases.Summaries;
using CalaisReturns.Flights.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Audit;

/// <summary>Where auditors start: verify the stored history, then open a flight's or a case's timeline.</summary>
public sealed class IndexModel(IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Verify { get; set; }

    public VerificationResult? Verification { get; private set; }
    public IReadOnlyList<FlightSchedule> Flights { get; private set; } = [];
    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    public async Task OnGet(CancellationToken ct)
    {
        if (Verify)
        {
            Verification = (await ApiAnswer<VerificationResult>.Of(VerifyHistoryEndpoint.Get(session, ct))).Value;
        }

        Flights = (await ApiAnswer<IReadOnlyList<FlightSchedule>>.Of(GetScheduleEndpoint.Get(session, null, null, null, null, null, ct))).Value ?? [];
        var uk = await ApiAnswer<IReadOnlyList<CaseSummary>>.Of(GetCasesEndpoint.GetCases(nameof(State.UK), null, session, User, ct));
        var fr = await ApiAnswer<IReadOnlyList<CaseSummary>>.Of(GetCasesEndpoint.GetCases(nameof(State.FR), null, session, User, ct));
        Cases = [.. (uk.Value ?? []).Concat(fr.Value ?? [])];
    }
}
