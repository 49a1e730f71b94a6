using CalaisReturns.Notifications;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages;

/// <summary>A person's e-mail notifications: whether they receive them, where, in which language and zone.</summary>
public sealed class NotificationsModel(IQuerySession session, EmailSettings settings) : PageModel
{
    public EmailSubscription? Subscription { get; private set; }

    public bool EmailSent => settings.Enabled;

    public Actor Actor => Actor.From(User);

    public async Task OnGet(CancellationToken ct) =>
        Subscription = await session.LoadAsync<EmailSubscription>(Actor.Id, ct);
}
