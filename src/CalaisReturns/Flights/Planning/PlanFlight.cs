using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Flights.Planning;

/// <summary>
/// A flight to plan: either its route as <see cref="Stops"/>, or (as before flights had stops) a departure airport and
/// time, a destination and its country of return, which make a two-stop route where every participating state boards
/// at the departure.
/// </summary>
/// <param name="FlightId">
/// Optional id chosen by the client (a version 7 UUID). A retry with the same id and the same plan
/// gets the original answer; the same id with a different plan is refused (409).
/// </param>
public sealed record PlanFlight(
    State LeadState,
    IReadOnlyList<State> ParticipatingStates,
    string? CountryOfReturn = null,
    string? DepartureAirport = null,
    string? DestinationAirport = null,
    DateTimeOffset? ScheduledDeparture = null,
    Guid? FlightId = null,
    IReadOnlyList<PlannedStop>? Stops = null)
{
    public sealed class Validator : AbstractValidator<PlanFlight>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.ParticipatingStates).NotEmpty()
                .Must(s => s.Distinct().Count() == s.Count).WithMessage(_ => Texts.Get("Validation.StateOnce"));
            RuleFor(c => c.LeadState).IsInEnum()
                .Must((c, lead) => c.ParticipatingStates?.Contains(lead) == true)
                .WithMessage(_ => Texts.Get("Validation.LeadParticipates"));
            RuleFor(c => c.FlightId).Must(id => id!.Value.Version == 7).When(c => c.FlightId is not null)
                .WithMessage(_ => Texts.Get("Validation.FlightIdV7"));
            When(c => c.Stops is null, () =>
            {
                RuleFor(c => c.ScheduledDeparture).NotNull().WithMessage(_ => Texts.Get("Validation.DepartureFuture"))
                    .Must(d => d > clock.GetUtcNow()).WithMessage(_ => Texts.Get("Validation.DepartureFuture"));
                RuleFor(c => c.CountryOfReturn).Must(Codes.IsCountry)
                    .WithMessage(_ => Texts.Get("Validation.Country"));
                RuleFor(c => c.DepartureAirport).Must(Codes.IsAirport)
                    .WithMessage(_ => Texts.Get("Validation.DepartureAirport"));
                RuleFor(c => c.DestinationAirport).Must(Codes.IsAirport)
                    .WithMessage(_ => Texts.Get("Validation.DestinationAirport"))
                    .NotEqual(c => c.DepartureAirport).WithMessage(_ => Texts.Get("Validation.DestinationDiffers"));
            }).Otherwise(() =>
            {
                RuleFor(c => c.Stops).Must((c, _) => c is { CountryOfReturn: null, DepartureAirport: null, DestinationAirport: null,
                    ScheduledDeparture: null }).WithMessage(_ => Texts.Get("Validation.StopsOrRoute"));
                RuleForEach(c => c.Stops).SetValidator(new PlannedStop.Validator());
                RuleFor(c => c.Stops).Custom((stops, context) =>
                {
                    var command = context.InstanceToValidate;
                    if (stops is [{ Scheduled: { } departure }, ..] && departure <= clock.GetUtcNow())
                    {
                        context.AddFailure("Stops[0].Scheduled", Texts.Get("Validation.DepartureFuture"));
                    }
                    else if (stops!.All(PlannedStop.IsWellFormed) && command.ParticipatingStates is { } states
                        && FlightRoute.Check(PlanFlightEndpoint.StopsOf(command, Guid.Empty), command.LeadState, [.. states]) is { } problem)
                    {
                        context.AddFailure(nameof(Stops), problem.ToString());
                    }
                });
            });
        }
    }
}

/// <param name="States">The states whose people board there; a departure that lists none boards the lead state's.</param>
/// <param name="CountryOfReturn">The country whose returnees are handed over there: drop-offs only.</param>
public sealed record PlannedStop(
    string Airport,
    StopKind Kind,
    IReadOnlyList<State>? States = null,
    string? CountryOfReturn = null,
    DateTimeOffset? Scheduled = null)
{
    /// <summary>Whether the stop's own fields can be read (the route's rules come after).</summary>
    public static bool IsWellFormed(PlannedStop stop) =>
        Codes.IsAirport(stop.Airport) && Enum.IsDefined(stop.Kind) && stop.Scheduled is not null
        && (stop.CountryOfReturn is null || Codes.IsCountry(stop.CountryOfReturn))
        && (stop.States ?? []).All(Enum.IsDefined) && (stop.States ?? []).Distinct().Count() == (stop.States ?? []).Count;

    public sealed class Validator : AbstractValidator<PlannedStop>
    {
        public Validator()
        {
            RuleFor(s => s.Airport).Must(Codes.IsAirport).WithMessage(_ => Texts.Get("Validation.Airport"));
            RuleFor(s => s.Kind).IsInEnum();
            RuleFor(s => s.Scheduled).NotNull().WithMessage(_ => Texts.Get("Validation.StopScheduled"));
            RuleFor(s => s.CountryOfReturn).Must(Codes.IsCountry).When(s => s.CountryOfReturn is not null)
                .WithMessage(_ => Texts.Get("Validation.Country"));
            RuleFor(s => s.States).Must(s => s!.Distinct().Count() == s!.Count).When(s => s.States is not null)
                .WithMessage(_ => Texts.Get("Validation.StateOnce"));
            RuleForEach(s => s.States).IsInEnum();
        }
    }
}

public static class PlanFlightEndpoint
{
    /// <summary>
    /// The route the command asks for, its stops numbered from the flight's id (<see cref="FlightRoute.PlannedStopId"/>),
    /// so that a retry of the same plan names the same stops.
    /// </summary>
    public static IReadOnlyList<FlightStop> StopsOf(PlanFlight command, Guid flightId) => command.Stops is { } stops
        ? [.. stops.Select((s, i) => new FlightStop(FlightRoute.PlannedStopId(flightId, i), s.Airport, s.Kind, [.. s.States ?? []],
            s.CountryOfReturn, s.Scheduled))]
        :
        [
            new(FlightRoute.PlannedStopId(flightId, 0), command.DepartureAirport!, StopKind.Departure, command.ParticipatingStates,
                null, command.ScheduledDeparture),
            new(FlightRoute.PlannedStopId(flightId, 1), command.DestinationAirport!, StopKind.DropOff, [], command.CountryOfReturn,
                null),
        ];

    public static FlightPlanned Decide(PlanFlight command, Guid flightId, string reference, DateTimeOffset now)
    {
        var stops = StopsOf(command, flightId);
        return new(flightId, reference, command.LeadState, command.ParticipatingStates, stops[^1].CountryOfReturn!,
            stops[0].Airport, stops[^1].Airport, stops[0].Scheduled!.Value, now, stops);
    }

    /// <summary>Whether an already planned flight is what this command asks for (a retry).</summary>
    public static bool IsSamePlan(PlanFlight command, FlightPlanned planned) =>
        planned.LeadState == command.LeadState
        && planned.ParticipatingStates.SequenceEqual(command.ParticipatingStates)
        && FlightRoute.Of(planned).Select(Written).SequenceEqual(StopsOf(command, planned.FlightId).Select(Written));

    private static string Written(FlightStop stop) => System.Text.Json.JsonSerializer.Serialize(stop);

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
