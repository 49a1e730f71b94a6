namespace CalaisReturns.Flights.Departing;

public sealed record RecordDeparture(
    DateTimeOffset ActualDeparture,
    IReadOnlyList<StateCount> ReturneesOnBoard,
    long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<RecordDeparture>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.ActualDeparture).Must(d => d <= clock.GetUtcNow())
                .WithMessage(_ => Texts.Get("Validation.DepartureHappened"));
            RuleFor(c => c.ReturneesOnBoard).NotNull()
                .Must(a => a.Select(x => x.State).Distinct().Count() == a.Count)
                .WithMessage(_ => Texts.Get("Validation.StateOnce"));
            RuleForEach(c => c.ReturneesOnBoard).ChildRules(a =>
            {
                a.RuleFor(x => x.State).IsInEnum();
                a.RuleFor(x => x.Returnees).GreaterThanOrEqualTo(0);
            });
        }
    }
}

public static class RecordDepartureEndpoint
{
    public static Decision Decide(RecordDeparture command, Flight flight, DateTimeOffset now)
    {
        if (flight.RefuseUnlessOperational() is { } refused)
        {
            return refused;
        }

        if (flight.Status == FlightStatus.Planned)
        {
            return Decision.Refuse("Refusal.DepartBeforeBooked");
        }

        if (command.ReturneesOnBoard.FirstOrDefault(c => !flight.Participates(c.State)) is { } outsider)
        {
            return Decision.Refuse("Refusal.NotParticipating", outsider.State);
        }

        // The confirmed manifest is the list of who flew (the completion policy closes their cases as
        // removed), so it must match the count: anyone who did not board is withdrawn first.
        foreach (var state in flight.ParticipatingStates)
        {
            var onBoard = command.ReturneesOnBoard.FirstOrDefault(c => c.State == state)?.Returnees ?? 0;
            var confirmed = flight.ConfirmedOf(state);
            if (onBoard != confirmed)
            {
                return Decision.Refuse("Refusal.OnBoardMismatch", state, confirmed, onBoard);
            }
        }

        return Decision.Accept(new FlightDeparted(flight.Id, command.ActualDeparture, command.ReturneesOnBoard, now));
    }

    [WolverinePost("/api/flights/{flightId}/departure", OperationId = "RecordDeparture", Summary = "Record the departure and returnees on board")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, RecordDeparture command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => Decide(command, f, clock.GetUtcNow()), ct);
}
