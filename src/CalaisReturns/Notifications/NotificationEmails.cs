using CalaisReturns.Cases;
using CalaisReturns.Flights;
using CalaisReturns.Jobs.Notifications;
using CalaisReturns.Web;

namespace CalaisReturns.Notifications;

/// <summary>The e-mails of each kind of notification: who they go to, and what they say (by references, never names).</summary>
public static class NotificationEmails
{
    /// <summary>A deadline warning: to its audience (planners unless it names finance) of the states it is for.</summary>
    public static IReadOnlyList<SendEmail> For(ManifestDeadlineApproaching warning, IEnumerable<EmailSubscription> subscribers,
        EmailSettings settings) =>
        Emails.To(subscribers.Where(p => p.Role == (warning.Audience ?? Role.Planner) && warning.States.Contains(p.State)), settings,
            $"deadline|{warning.Id}",
            () => (Texts.Format("Email.Deadline.Subject", warning.Reference, Show.Enum(warning.Kind)),
                Texts.Format($"Email.Deadline.{warning.Kind}", warning.Reference, Show.Time(warning.DeadlineAt)),
                warning.Audience == Role.Finance ? $"/finance/flights/{warning.FlightId}" : $"/flights/{warning.FlightId}"));

    /// <summary>
    /// A returnee the manifest policy took off a flight (a barrier raised, a case closed): to the planners of the case's
    /// state and of the flight's lead state.
    /// </summary>
    public static IReadOnlyList<SendEmail> For(ReturneeWithdrawn withdrawn, string flightReference, State leadState, ReturneeCase @case,
        IEnumerable<EmailSubscription> planners, EmailSettings settings) =>
        Emails.To(planners.Where(p => p.Role == Role.Planner && (p.State == @case.OwningState || p.State == leadState)), settings,
            $"withdrawal|{withdrawn.FlightId}|{withdrawn.CaseId}|{withdrawn.WithdrawnAt.UtcTicks}",
            () => (Texts.Format("Email.Withdrawal.Subject", flightReference, @case.Reference),
                Texts.Format("Email.Withdrawal.Body", @case.Reference, @case.OwningState, flightReference,
                    Show.Time(withdrawn.WithdrawnAt), Show.Enum(withdrawn.Reason)),
                $"/flights/{withdrawn.FlightId}"));

    /// <summary>A complaint about an officer: to the planners of the officer's state, who handle it (never its text).</summary>
    public static IReadOnlyList<SendEmail> For(Accountability.ComplaintMade complaint, IEnumerable<EmailSubscription> planners,
        EmailSettings settings) =>
        Emails.To(planners.Where(p => p.Role == Role.Planner && p.State == complaint.OfficerState), settings, $"complaint|{complaint.ComplaintId}",
            () => (Texts.Format("Email.Complaint.Subject", complaint.StaffNumber),
                Texts.Format("Email.Complaint.Body", complaint.StaffNumber, complaint.CaseReference, complaint.MadeBy, Show.Time(complaint.MadeAt)),
                "/complaints"));
}

/// <summary>The page where a person asks for e-mails, or stops them.</summary>
public static class NotificationsPage
{
    public const string Path = "/notifications";
}
