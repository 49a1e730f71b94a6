using CalaisReturns.Notifications;
using JasperFx.Events;
using Wolverine;

namespace CalaisReturns.Accountability.Complaints;

/// <summary>
/// A complaint is routed to the officer's state: once it is committed, its planners who asked for e-mails are told, by
/// references only, through the durable outbox (the e-mail's id is the complaint's and the person's, so a retry sends none twice).
/// </summary>
public static class ComplaintRoutingHandler
{
    public static async Task<OutgoingMessages> Handle(IEvent<ComplaintMade> made, IQuerySession session, EmailSettings email,
        CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        if (email.Enabled)
        {
            var planners = await Emails.Subscribers(session, Role.Planner, [made.Data.OfficerState], ct);
            messages.AddRange(NotificationEmails.For(made.Data, planners, email));
        }

        return messages;
    }
}
