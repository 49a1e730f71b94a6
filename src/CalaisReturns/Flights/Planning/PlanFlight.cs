using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Flights.Planning;

/// <param name="FlightId">
/// Optional id chosen by the client (a version 7 UUID). A retry with the same id and the same plan
/// gets the original answer; the same id with a different plan is refused (409).
/// </param>
public sealed record PlanFlight(
    State LeadState,
    IReadOnlyList<State> ParticipatingStates,
    string CountryOfReturn,
    string DepartureAirport,
    string DestinationAirport,
    DateTimeOffset ScheduledDeparture,
    Guid? FlightId = null)
{
    public sealed class Validator : AbstractValidator<PlanFlight>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.ScheduledDeparture).Must(d => d > clock.GetUtcNow())
                .WithMessage(_ => Texts.Get("Validation.DepartureFuture"));
            RuleFor(c => c.ParticipatingStates).NotEmpty()
                .Must(s => s.Distinct().Count() == s.Count).WithMessage(_ => Texts.Get("Validation.StateOnce"));
            RuleFor(c => c.LeadState).IsInEnum()
                .Must((c, lead) => c.ParticipatingStates?.Contains(lead) == true)
                .WithMessage(_ => Texts.Get("Validation.LeadParticipates"));
            RuleFor(c => c.CountryOfReturn).Must(Codes.IsCountry)
                .WithMessage(_ => Texts.Get("Validation.Country"));
            RuleFor(c => c.DepartureAirport).Must(Codes.IsAirport)
                .WithMessage(_ => Texts.Get("Validation.DepartureAirport"));
            RuleFor(c => c.DestinationAirport).Must(Codes.IsAirport)
                .WithMessage(_ => Texts.Get("Validation.DestinationAirport"))
                .NotEqual(c => c.DepartureAirport).WithMessage(_ => Texts.Get("Validation.DestinationDiffers"));
            RuleFor(c => c.FlightId).Must(id => id!.Value.Version == 7).When(c => c.FlightId is not null)
                .WithMessage(_ => Texts.Get("Validation.FlightIdV7"));
        }
    }
}

public static class PlanFlightEndpoint
{
    public static FlightPlanned Decide(PlanFlight command, Guid flightId, string reference, DateTimeOffset now) =>
        new(flightId, reference, command.LeadState, command.ParticipatingStates, command.CountryOfReturn,
            command.DepartureAirport, command.DestinationAirport, command.ScheduledDeparture, now);

    /// <summary>Whether an already planned flight is what this command asks for (a retry).</summary>
    public static bool IsSamePlan(PlanFlight command, FlightPlanned planned) =>
        planned.LeadState == command.LeadState
        && planned.ParticipatingStates.SequenceEqual(command.ParticipatingStates)
        && planned.CountryOfReturn == command.CountryOfReturn
        && planned.DepartureAirport == command.DepartureAirport
        && planned.DestinationAirport == command.DestinationAirport
        && planned.ScheduledDeparture == command.ScheduledDeparture;

    [WolverinePost("/api/flights", OperationId = "PlanFlight", Summary = "Plan a returns flight (the caller's state leads it)")]
    [Authorize(Policy = AccessPolicies.Planner)]
    [ProducesResponseType<Accepted>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(PlanFlight command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (FlightAccess.LeadPlanner(Actor.From(user), command.LeadState) is { } forbidden)
        {
            return Problems.Forbidden(forbidden);
        }

        if (command.FlightId is { } requested && await session.Events.FetchStreamStateAsync(requested, ct) is not null)
        {
            var first = await session.Events.FetchStreamAsync(requested, version: 1, token: ct);
            return first.FirstOrDefault()?.Data is FlightPlanned planned && IsSamePlan(command, planned)
                ? Created(requested)
                : Problems.Refused(new Text("Refusal.IdUsed", requested));
        }

        var now = clock.GetUtcNow();
        var flightId = command.FlightId ?? Guid.CreateVersion7(now);
        var reference = await FlightReferences.NextAsync(session, now.Year, ct);
        session.Events.StartStream<Flight>(flightId, Decide(command, flightId, reference, now));
        return Created(flightId);
    }

    private static IResult Created(Guid flightId) => Results.Created($"/api/flights/{flightId}", new Accepted(flightId, 1));
}
