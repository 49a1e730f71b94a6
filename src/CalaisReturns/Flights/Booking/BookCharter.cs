namespace CalaisReturns.Flights.Booking;

public sealed record BookCharter(
    string Carrier,
    string AircraftType,
    int SeatCapacity,
    string ContractReference,
    Money ContractPrice,
    long? ExpectedVersion = null)
{
    /// <summary>The largest passenger capacity of any aircraft in service (A380 all-economy).</summary>
    public const int MaxSeatCapacity = 853;

    public sealed class Validator : AbstractValidator<BookCharter>
    {
        public Validator()
        {
            RuleFor(c => c.Carrier).NotEmpty().MaximumLength(100);
            RuleFor(c => c.AircraftType).NotEmpty().MaximumLength(50);
            RuleFor(c => c.SeatCapacity).InclusiveBetween(1, MaxSeatCapacity);
            RuleFor(c => c.ContractReference).NotEmpty().MaximumLength(100);
            RuleFor(c => c.ContractPrice).SetValidator(new PositiveMoney());
        }
    }
}

public static class BookCharterEndpoint
{
    public static Decision Decide(BookCharter command, Flight flight, DateTimeOffset now) =>
        flight.RefuseUnlessOperational()
        ?? (flight.Status != FlightStatus.Planned
            ? Decision.Refuse("Refusal.AlreadyBooked")
            : Decision.Accept(new CharterBooked(flight.Id, command.Carrier, command.AircraftType, command.SeatCapacity,
                command.ContractReference, command.ContractPrice, now)));

    [WolverinePost("/api/flights/{flightId}/charter", OperationId = "BookCharter", Summary = "Book the charter of a planned flight")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, BookCharter command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => Decide(command, f, clock.GetUtcNow()), ct);
}
