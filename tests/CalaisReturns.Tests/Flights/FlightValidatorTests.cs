using CalaisReturns.Core;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Allocating;
using CalaisReturns.Flights.Booking;
using CalaisReturns.Flights.Completing;
using CalaisReturns.Flights.Departing;
using CalaisReturns.Flights.Planning;
using CalaisReturns.Flights.Rescheduling;
using CalaisReturns.Flights.Staffing;
using FluentValidation;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Flights;

/// <summary>Invalid input is refused field by field before any decision is taken (400).</summary>
public class FlightValidatorTests
{
    private static readonly TestClock Clock = new(Now);

    private static readonly PlanFlight ValidPlan = new(State.UK, [State.UK, State.FR], "AL", "STN", "TIA", Departure);

    private static string[] Failures<T>(IValidator<T> validator, T command) =>
        [.. validator.Validate(command).Errors.Select(e => e.PropertyName).Distinct().Order()];

    [Fact]
    public void A_complete_plan_is_valid() => Assert.Empty(Failures(new PlanFlight.Validator(Clock), ValidPlan));

    [Theory]
    [InlineData("scheduledDeparture-past", "ScheduledDeparture")]
    [InlineData("scheduledDeparture-now", "ScheduledDeparture")]
    [InlineData("country-lowercase", "CountryOfReturn")]
    [InlineData("country-unassigned", "CountryOfReturn")]
    [InlineData("airport-lowercase", "DepartureAirport")]
    [InlineData("airport-four-letters", "DestinationAirport")]
    [InlineData("same-airports", "DestinationAirport")]
    [InlineData("lead-not-participating", "LeadState")]
    [InlineData("no-participants", "ParticipatingStates")]
    [InlineData("duplicate-participants", "ParticipatingStates")]
    public void Plans_are_refused_for_each_invalid_field(string mutation, string field)
    {
        var plan = mutation switch
        {
            "scheduledDeparture-past" => ValidPlan with { ScheduledDeparture = Now.AddMinutes(-1) },
            "scheduledDeparture-now" => ValidPlan with { ScheduledDeparture = Now },
            "country-lowercase" => ValidPlan with { CountryOfReturn = "al" },
            "country-unassigned" => ValidPlan with { CountryOfReturn = "ZZ" },
            "airport-lowercase" => ValidPlan with { DepartureAirport = "stn" },
            "airport-four-letters" => ValidPlan with { DestinationAirport = "TIAA" },
            "same-airports" => ValidPlan with { DestinationAirport = "STN" },
            "lead-not-participating" => ValidPlan with { LeadState = State.FR, ParticipatingStates = [State.UK] },
            "no-participants" => ValidPlan with { ParticipatingStates = [] },
            "duplicate-participants" => ValidPlan with { ParticipatingStates = [State.UK, State.UK] },
            _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
        };
        Assert.Contains(field, Failures(new PlanFlight.Validator(Clock), plan));
    }

    [Theory]
    [InlineData(1, 0.01, true)]
    [InlineData(853, 174468.00, true)]
    [InlineData(0, 100, false)]
    [InlineData(854, 100, false)]
    [InlineData(100, 0, false)]
    [InlineData(100, -5, false)]
    [InlineData(100, 10.005, false)]
    public void A_charter_has_1_to_853_seats_and_a_positive_price_in_pence_or_cents(int seats, double price, bool valid)
    {
        var command = new BookCharter("Titan", "A321", seats, "HO-1", new Money((decimal)price, Currency.GBP));
        Assert.Equal(valid, Failures(new BookCharter.Validator(), command).Length == 0);
    }

    [Fact]
    public void A_charter_needs_a_carrier_an_aircraft_and_a_contract_reference() =>
        Assert.Equal(["AircraftType", "Carrier", "ContractReference"],
            Failures(new BookCharter.Validator(), new BookCharter("", "", 100, " ", new Money(1, Currency.EUR))));

    [Fact]
    public void Seat_allocations_are_not_negative_and_list_each_state_once()
    {
        var validator = new AllocateSeats.Validator();
        Assert.Empty(Failures(validator, new AllocateSeats([new(State.UK, 0), new(State.FR, 10)])));
        Assert.Contains("Allocations[0].Seats", Failures(validator, new AllocateSeats([new(State.UK, -1)])));
        Assert.Contains("Allocations", Failures(validator, new AllocateSeats([new(State.UK, 1), new(State.UK, 2)])));
        Assert.Contains("Allocations", Failures(validator, new AllocateSeats([])));
    }

    [Fact]
    public void Escort_teams_are_counts_of_zero_or_more() =>
        Assert.Equal(["Escorts", "Interpreters", "Medics"],
            Failures(new AssignEscortTeam.Validator(), new AssignEscortTeam(State.UK, -1, -1, -1)));

    [Fact]
    public void A_monitor_needs_an_organisation() =>
        Assert.Equal(["Organisation"], Failures(new AssignMonitor.Validator(), new AssignMonitor(" ")));

    [Fact]
    public void A_reschedule_needs_a_future_time_and_a_reason()
    {
        var validator = new RescheduleFlight.Validator(Clock);
        Assert.Empty(Failures(validator, new RescheduleFlight(Now.AddHours(1), "Crew rest")));
        Assert.Equal(["NewDeparture", "Reason"], Failures(validator, new RescheduleFlight(Now.AddHours(-1), "")));
    }

    [Fact]
    public void A_departure_is_recorded_only_once_it_has_happened()
    {
        var validator = new RecordDeparture.Validator(Clock);
        Assert.Empty(Failures(validator, new RecordDeparture(Now, [new StateCount(State.UK, 3)])));
        Assert.Equal(["ActualDeparture"], Failures(validator, new RecordDeparture(Now.AddMinutes(1), [])));
        Assert.Equal(["ReturneesOnBoard[0].Returnees"],
            Failures(validator, new RecordDeparture(Now, [new StateCount(State.UK, -3)])));
    }

    [Fact]
    public void Completion_counts_are_not_negative_and_refused_cases_are_listed_once() =>
        Assert.Equal(["Outcomes[0].HandedOver", "Outcomes[0].RefusedAdmission"],
            Failures(new RecordCompletion.Validator(),
                new RecordCompletion([new HandoverOutcome(State.UK, -1, [FlightSpec.Case(1), FlightSpec.Case(1)])])));

    [Fact]
    public void A_cancellation_needs_a_reason() =>
        Assert.Equal(["Reason"],
            Failures(new CalaisReturns.Flights.Cancelling.CancelFlight.Validator(),
                new CalaisReturns.Flights.Cancelling.CancelFlight("")));
}
