using CalaisReturns.Core;
using FluentValidation;
using Marten;
using Wolverine.Http;

namespace CalaisReturns.Flights.Planning;

public sealed record PlanFlight(
    State LeadState,
    IReadOnlyList<State> ParticipatingStates,
    string CountryOfReturn,
    string DepartureAirport,
    string DestinationAirport,
    DateTimeOffset ScheduledDeparture)
{
    public sealed class Validator : AbstractValidator<PlanFlight>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.ScheduledDeparture).Must(d => d > clock.GetUtcNow())
                .WithMessage("The scheduled departure must be in the future.");
            RuleFor(c => c.ParticipatingStates).NotEmpty()
                .Must(s => s.Distinct().Count() == s.Count).WithMessage("Each state may be listed once.");
            RuleFor(c => c.LeadState).IsInEnum()
                .Must((c, lead) => c.ParticipatingStates?.Contains(lead) == true)
                .WithMessage("The lead state must be one of the participating states.");
            RuleFor(c => c.CountryOfReturn).Must(Codes.IsCountry)
                .WithMessage("Country of return must be an ISO 3166-1 alpha-2 code, e.g. AL.");
            RuleFor(c => c.DepartureAirport).Must(Codes.IsAirport)
                .WithMessage("Departure airport must be an IATA code of three capital letters, e.g. LGW.");
            RuleFor(c => c.DestinationAirport).Must(Codes.IsAirport)
                .WithMessage("Destination airport must be an IATA code of three capital letters, e.g. TIA.")
                .NotEqual(c => c.DepartureAirport).WithMessage("Destination must differ from the departure airport.");
        }
    }
}

public static class PlanFlightEndpoint
{
    public static FlightPlanned Decide(PlanFlight command, Guid flightId, string reference, DateTimeOffset now) =>
        new(flightId, reference, command.LeadState, command.ParticipatingStates, command.CountryOfReturn,
            command.DepartureAirport, command.DestinationAirport, command.ScheduledDeparture, now);

    [WolverinePost("/api/flights")]
    public static async Task<IResult> Post(PlanFlight command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var flightId = Guid.CreateVersion7(now);
        var reference = await FlightReferences.NextAsync(session, now.Year, ct);
        session.Events.StartStream<Flight>(flightId, Decide(command, flightId, reference, now));
        return Results.Created($"/api/flights/{flightId}", new Accepted(flightId, 1));
    }
}
