using System.Security.Cryptography;
using System.Text;
using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Jobs.Notifications;

public enum DeadlineKind
{
    /// <summary>The notice deadline: later additions can only be reserves.</summary>
    NoticeDeadline,

    /// <summary>48 hours before the manifest locks.</summary>
    LockIn48Hours,

    /// <summary>A serious incident's report falls due soon and has not been sent.</summary>
    SeriousReportDue,

    /// <summary>A serious incident's report was due and has not been sent: it is late.</summary>
    SeriousReportOverdue,

    /// <summary>The monitor's findings are not all answered a set time after the report (and again each such time after).</summary>
    FindingsUnanswered,

    /// <summary>A grant's claim deadline is near and it has not been claimed (to the recipient state's finance).</summary>
    ClaimDeadlineNear,

    /// <summary>A grant's claim deadline passed and it was not claimed.</summary>
    ClaimDeadlinePassed,
}

/// <summary>
/// A warning for the planners of a flight's states (or of one of them), or for their finance staff (<see cref="Audience"/>),
/// raised by the deadline sweeps (<c>ManifestDeadlinesHandler</c>, <c>AccountabilityDeadlinesHandler</c>,
/// <c>GrantDeadlinesHandler</c>).
/// </summary>
public sealed class ManifestDeadlineApproaching
{
    public Guid Id { get; set; }
    public Guid FlightId { get; set; }
    public string Reference { get; set; } = "";
    public DeadlineKind Kind { get; set; }
    public DateTimeOffset DeadlineAt { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public List<State> States { get; set; } = [];
    public List<string> AcknowledgedBy { get; set; } = [];

    /// <summary>Whom it is for in those states: planners when null (every warning stored before finance had any).</summary>
    public Role? Audience { get; set; }

    public bool IsFor(Actor actor) => States.Contains(actor.State) && (Audience ?? Role.Planner) == actor.Role;

    /// <summary>
    /// One notification per subject (a flight; an incident, a monitor's report), kind and deadline: raising it twice changes nothing.
    /// </summary>
    public static Guid IdFor(Guid subjectId, DeadlineKind kind, DateTimeOffset deadline) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{subjectId}|{kind}|{deadline.UtcTicks}"))[..16]);
}

/// <summary>Raising warnings, for every sweep that raises them.</summary>
public static class DeadlineWarnings
{
    /// <summary>
    /// Stores the warnings not raised before (each once: its id is its subject, kind and deadline) and returns their
    /// e-mails, for the sweep to cascade so that they go into the durable outbox in the same commit.
    /// </summary>
    public static async Task<IReadOnlyList<CalaisReturns.Notifications.SendEmail>> Raise(IDocumentSession session,
        IReadOnlyList<ManifestDeadlineApproaching> warnings, CalaisReturns.Notifications.EmailSettings email, CancellationToken ct)
    {
        if (warnings.Count == 0)
        {
            return [];
        }

        var raised = (await session.LoadManyAsync<ManifestDeadlineApproaching>(ct, warnings.Select(w => w.Id))).Select(w => w.Id).ToHashSet();
        var fresh = warnings.Where(w => !raised.Contains(w.Id)).ToList();
        foreach (var warning in fresh)
        {
            session.Insert(warning);
        }

        if (!email.Enabled || fresh.Count == 0)
        {
            return [];
        }

        var emails = new List<CalaisReturns.Notifications.SendEmail>();
        foreach (var audience in fresh.GroupBy(w => w.Audience ?? Role.Planner))
        {
            var subscribers = await CalaisReturns.Notifications.Emails.Subscribers(session, audience.Key,
                [.. audience.SelectMany(w => w.States).Distinct()], ct);
            emails.AddRange(audience.SelectMany(w => CalaisReturns.Notifications.NotificationEmails.For(w, subscribers, email)));
        }

        return emails;
    }
}

public static class NotificationsEndpoint
{
    [WolverineGet("/api/notifications", OperationId = "GetNotifications",
        Summary = "Deadline warnings for the caller's role in the caller's state (planners: flights; finance: grants), newest first")]
    [Authorize(Policy = AccessPolicies.Warned)]
    [ProducesResponseType<IReadOnlyList<ManifestDeadlineApproaching>>(StatusCodes.Status200OK)]
    public static async Task<IReadOnlyList<ManifestDeadlineApproaching>> Get(IQuerySession session, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var actor = Actor.From(user);
        var query = session.Query<ManifestDeadlineApproaching>().Where(n => n.States.Contains(actor.State));
        query = actor.Role == Role.Planner
            ? query.Where(n => n.Audience == null || n.Audience == Role.Planner)
            : query.Where(n => n.Audience == actor.Role);
        return await query.OrderByDescending(n => n.RaisedAt).Take(200).ToListAsync(ct);
    }

    [WolverinePost("/api/notifications/{notificationId}/acknowledgement", OperationId = "AcknowledgeNotification",
        Summary = "Mark a deadline warning as seen by the caller")]
    [Authorize(Policy = AccessPolicies.Warned)]
    [ProducesResponseType<ManifestDeadlineApproaching>(StatusCodes.Status200OK)]
    public static async Task<IResult> Acknowledge(Guid notificationId, IDocumentSession session, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var actor = Actor.From(user);
        if (await session.LoadAsync<ManifestDeadlineApproaching>(notificationId, ct) is not { } notification
            || !notification.IsFor(actor))
        {
            return Problems.NotFound("Notification", notificationId);
        }

        if (!notification.AcknowledgedBy.Contains(actor.Id))
        {
            notification.AcknowledgedBy.Add(actor.Id);
            session.Store(notification);
        }

        return Results.Ok(notification);
    }
}
