using CalaisReturns.Cases;
using CalaisReturns.Cases.Summaries;
using JasperFx.Events;
using CalaisReturns.Flights.Scheduling;
using CalaisReturns.Notifications;
using Wolverine;

namespace CalaisReturns.Flights.Policies;

/// <summary>Check that a case may stay on a flight's manifest, and withdraw it if not.</summary>
public sealed record WithdrawIneligibleReturnee(Guid FlightId, Guid CaseId, Cause? CausedBy = null);

/// <summary>Close a case whose returnee was handed over at the destination.</summary>
public sealed record CloseRemovedCase(Guid CaseId, Guid FlightId, Cause? CausedBy = null);

/// <summary>
/// The manifest policies (DESIGN.md "Policies"): an event on one stream causes a command on
/// another. The events reach these handlers through Wolverine's durable outbox after their commit;
/// a failing handler is retried, and every command is safe to run twice.
/// Both sides of the barrier rule trigger the same check, so whichever of "barrier raised" and
/// "returnee manifested" commits second sees the other.
/// </summary>
public static class ManifestPolicyHandler
{
    private const string Process = "manifest-policy";

    public static Task<WithdrawIneligibleReturnee?> Handle(IEvent<BarrierRaised> e, IQuerySession session,
        CancellationToken ct) => CheckCurrentFlight(e.Data.CaseId, Cause.Of(e), session, ct);

    public static Task<WithdrawIneligibleReturnee?> Handle(IEvent<CaseClosed> e, IQuerySession session,
        CancellationToken ct) => CheckCurrentFlight(e.Data.CaseId, Cause.Of(e), session, ct);

    // A returnee just manifested or confirmed is checked at once, in the handling of the event: no command of its own
    // (a stored message and its handling would be two more commits on every manifest), and the flight's stream is
    // only locked and read if the case is barred or closed.
    public static Task<OutgoingMessages> Handle(IEvent<ReturneeManifested> e, IDocumentSession session, TimeProvider clock,
        EmailSettings email, CancellationToken ct) =>
        WithdrawIfIneligible(new(e.Data.FlightId, e.Data.CaseId, Cause.Of(e)), session, clock, email, ct);

    public static Task<OutgoingMessages> Handle(IEvent<ReserveConfirmed> e, IDocumentSession session, TimeProvider clock,
        EmailSettings email, CancellationToken ct) =>
        WithdrawIfIneligible(new(e.Data.FlightId, e.Data.CaseId, Cause.Of(e)), session, clock, email, ct);

    public static Task<OutgoingMessages> Handle(WithdrawIneligibleReturnee command, IDocumentSession session, TimeProvider clock,
        EmailSettings email, CancellationToken ct) => WithdrawIfIneligible(command, session, clock, email, ct);

    /// <summary>Withdraws the case if it may no longer fly, and writes the e-mails telling the planners concerned.</summary>
    private static async Task<OutgoingMessages> WithdrawIfIneligible(WithdrawIneligibleReturnee command, IDocumentSession session,
        TimeProvider clock, EmailSettings email, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var @case = await session.Events.AggregateStreamAsync<ReturneeCase>(command.CaseId, token: ct);
        if (@case is null || !ManifestPolicy.MayBeIneligible(@case))
        {
            return messages;
        }

        var flight = await session.Events.FetchForExclusiveWriting<Flight>(command.FlightId, ct);
        if (flight.Aggregate is null)
        {
            return messages;
        }

        var decision = ManifestPolicy.WithdrawIfIneligible(flight.Aggregate, @case, clock.GetUtcNow());
        if (decision.Events.Count > 0)
        {
            EventMetadata.StampSystem(session, Process, command.CausedBy);
            flight.AppendMany(decision.Events);
            if (email.Enabled && decision.Events.OfType<ReturneeWithdrawn>().SingleOrDefault() is { } withdrawn
                && await session.LoadAsync<FlightSchedule>(flight.Id, ct) is { } schedule)
            {
                var planners = await Emails.Subscribers(session, Role.Planner, [@case.OwningState, flight.Aggregate.LeadState], ct);
                messages.AddRange(NotificationEmails.For(withdrawn, schedule.Reference, flight.Aggregate.LeadState, @case, planners, email));
            }
        }

        return messages;
    }

    public static async Task<OutgoingMessages> Handle(IEvent<FlightCompleted> e, IQuerySession session,
        CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        if (await session.Events.AggregateStreamAsync<Flight>(e.StreamId, token: ct) is { } flight)
        {
            messages.AddRange(ManifestPolicy.HandedOver(flight, e.Data).Select(id => new CloseRemovedCase(id, flight.Id, Cause.Of(e))));
        }

        return messages;
    }

    public static async Task Handle(CloseRemovedCase command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<ReturneeCase>(command.CaseId, ct);
        if (stream.Aggregate is null)
        {
            return;
        }

        var decision = ManifestPolicy.CloseAsRemoved(stream.Aggregate, clock.GetUtcNow());
        if (decision.Events.Count > 0)
        {
            EventMetadata.StampSystem(session, Process, command.CausedBy);
            stream.AppendMany(decision.Events);
        }
    }

    private static async Task<WithdrawIneligibleReturnee?> CheckCurrentFlight(Guid caseId, Cause cause, IQuerySession session,
        CancellationToken ct) =>
        await session.LoadAsync<CaseSummary>(caseId, ct) is { CurrentFlightId: { } flightId }
            ? new WithdrawIneligibleReturnee(flightId, caseId, cause)
            : null;
}
