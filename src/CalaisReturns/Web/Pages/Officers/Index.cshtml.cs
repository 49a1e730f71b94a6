using CalaisReturns.Accountability.Officers;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Officers;

/// <summary>A planner's state's roster of escorts, medics and interpreters, as the API lists it, with their names.</summary>
[Authorize(Policy = AccessPolicies.Planner)]
public sealed class IndexModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Officer> Roster { get; private set; } = [];
    public Actor Actor => Actor.From(User);

    /// <summary>Today in the reader's zone: an expiry before it has passed.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Core.Http.ReaderZones.Current).DateTime);

    public async Task OnGet(CancellationToken ct) => Roster = await RosterEndpoints.Of(session, Actor.State, ct);
}
