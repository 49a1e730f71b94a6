using CalaisReturns.Cases;
using CalaisReturns.Core;
using CalaisReturns.Core.Http;
using CalaisReturns.Flights.Policies;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Completing;
using CalaisReturns.Flights.Departing;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Routing;
using CalaisReturns.Flights.Staffing;
using CalaisReturns.Tests.Flights.Manifesting;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Flights.Routing;

/// <summary>Given/then helpers for flights with several stops: STN → LIL (FR boards) → TIA, and STN → LOS → ACC.</summary>
internal static class RouteSpec
{
    public static readonly Guid Stansted = FlightRoute.PlannedStopId(FlightId, 0);
    public static readonly Guid Second = FlightRoute.PlannedStopId(FlightId, 1);
    public static readonly Guid Third = FlightRoute.PlannedStopId(FlightId, 2);

    public static FlightStop Stop(int place, string airport, StopKind kind, string? country = null, params State[] states) =>
        new(FlightRoute.PlannedStopId(FlightId, place), airport, kind, states, country, Departure.AddHours(3 * place));

    /// <summary>A UK-led charter that picks up French returnees and escorts at Lille on its way to Tirana.</summary>
    public static readonly IReadOnlyList<FlightStop> ViaLille =
    [
        Stop(0, "STN", StopKind.Departure),
        Stop(1, "LIL", StopKind.PickUp, null, State.FR),
        Stop(2, "TIA", StopKind.DropOff, "AL"),
    ];

    /// <summary>A UK charter that hands over Nigerians at Lagos and Ghanaians at Accra.</summary>
    public static readonly IReadOnlyList<FlightStop> LagosThenAccra =
    [
        Stop(0, "STN", StopKind.Departure),
        Stop(1, "LOS", StopKind.DropOff, "NG"),
        Stop(2, "ACC", StopKind.DropOff, "GH"),
    ];

    public static FlightPlanned PlannedVia(IReadOnlyList<FlightStop> stops, params State[] states) =>
        Planned(State.UK, states.Length == 0 ? [State.UK, State.FR] : states) with
        {
            Stops = stops, DepartureAirport = stops[0].Airport, DestinationAirport = stops[^1].Airport,
            CountryOfReturn = stops[^1].CountryOfReturn!,
        };

    public static ReturneeManifested On(Guid caseId, State state, Guid boarding, Guid dropOff) =>
        Manifested(caseId, state) with { BoardingStopId = boarding, DropOffStopId = dropOff };

    public static EscortTeamAssigned Team(State state, int escorts) => new(FlightId, state, escorts, 0, 0, Now.AddDays(-3));
}

public class RouteRuleTests
{
    private static Text? Check(params FlightStop[] stops) => FlightRoute.Check(stops, State.UK, [State.UK, State.FR]);

    private static FlightStop S(int place, string airport, StopKind kind, string? country = null, params State[] states) =>
        RouteSpec.Stop(place, airport, kind, country, states);

    [Fact]
    public void A_departure_a_pick_up_and_a_drop_off_in_time_order_is_a_route() =>
        Assert.Null(FlightRoute.Check(RouteSpec.ViaLille, State.UK, [State.UK, State.FR]));

    [Theory]
    [InlineData("one-stop", "at least two stops")]
    [InlineData("no-departure", "Stop 1 (STN): the first stop is the departure")]
    [InlineData("two-departures", "Stop 2 (LIL): the first stop is the departure, and only the first")]
    [InlineData("last-is-pick-up", "The last stop, 3 (TIA), must be a drop-off")]
    [InlineData("pick-up-without-states", "Stop 2 (LIL) is a pick-up: name the states")]
    [InlineData("drop-off-without-country", "Stop 3 (TIA) is a drop-off: name its country of return")]
    [InlineData("country-at-pick-up", "Stop 2 (LIL) is not a drop-off, so it has no country of return")]
    [InlineData("same-airport", "Stop 2 (STN) is at the same airport as the stop before it")]
    [InlineData("out-of-order", "Stop 3 (TIA) is scheduled no later than the stop before it")]
    [InlineData("fr-boards-nowhere", "FR takes part in the flight, but no stop boards its people")]
    [InlineData("drop-off-boards", "Stop 2 (LIL) is a drop-off only: nobody boards there")]
    public void A_route_that_cannot_be_flown_is_refused_naming_the_stop(string situation, string reason)
    {
        var problem = situation switch
        {
            "one-stop" => Check(S(0, "STN", StopKind.Departure, null, State.UK, State.FR)),
            "no-departure" => Check(S(0, "STN", StopKind.PickUp, null, State.UK, State.FR), S(1, "TIA", StopKind.DropOff, "AL")),
            "two-departures" => Check(S(0, "STN", StopKind.Departure), S(1, "LIL", StopKind.Departure, null, State.FR),
                S(2, "TIA", StopKind.DropOff, "AL")),
            "last-is-pick-up" => Check(S(0, "STN", StopKind.Departure), S(1, "LIL", StopKind.DropOff, "AL"),
                S(2, "TIA", StopKind.PickUp, null, State.FR)),
            "pick-up-without-states" => Check(S(0, "STN", StopKind.Departure, null, State.UK, State.FR), S(1, "LIL", StopKind.PickUp),
                S(2, "TIA", StopKind.DropOff, "AL")),
            "drop-off-without-country" => Check(S(0, "STN", StopKind.Departure), S(1, "LIL", StopKind.PickUp, null, State.FR),
                S(2, "TIA", StopKind.DropOff)),
            "country-at-pick-up" => Check(S(0, "STN", StopKind.Departure), S(1, "LIL", StopKind.PickUp, "AL", State.FR),
                S(2, "TIA", StopKind.DropOff, "AL")),
            "same-airport" => Check(S(0, "STN", StopKind.Departure), S(1, "STN", StopKind.PickUp, null, State.FR),
                S(2, "TIA", StopKind.DropOff, "AL")),
            "out-of-order" => Check(S(0, "STN", StopKind.Departure), S(1, "LIL", StopKind.PickUp, null, State.FR),
                S(2, "TIA", StopKind.DropOff, "AL") with { Scheduled = Departure.AddHours(1) }),
            "fr-boards-nowhere" => Check(S(0, "STN", StopKind.Departure), S(1, "TIA", StopKind.DropOff, "AL")),
            "drop-off-boards" => Check(S(0, "STN", StopKind.Departure), S(1, "LIL", StopKind.DropOff, "XK", State.FR),
                S(2, "TIA", StopKind.DropOff, "AL")),
            _ => throw new ArgumentOutOfRangeException(nameof(situation)),
        };

        Assert.NotNull(problem);
        Assert.Contains(reason, problem.In(Languages.English));
        Assert.NotEqual(problem.In(Languages.English), problem.In(Languages.French));
    }

    [Fact]
    public void A_flight_planned_before_stops_is_read_as_its_departure_boarding_every_state_and_its_destination()
    {
        var stops = FlightRoute.Of(Planned());
        Assert.Equal(["STN", "TIA"], stops.Select(s => s.Airport));
        Assert.Equal([StopKind.Departure, StopKind.DropOff], stops.Select(s => s.Kind));
        Assert.Equal([State.UK, State.FR], stops[0].States);
        Assert.Equal("AL", stops[1].CountryOfReturn);
        Assert.Equal(Departure, stops[0].Scheduled);
        // The same stored event names the same stops every time it is read, and another flight's are other stops.
        Assert.Equal(stops.Select(s => s.StopId), FlightRoute.Of(Planned()).Select(s => s.StopId));
        Assert.NotEqual(stops[0].StopId, FlightRoute.PlannedStopId(Guid.CreateVersion7(), 0));
        Assert.Equal(8, stops[0].StopId.Version);
    }

    [Fact]
    public void A_departure_that_lists_no_state_boards_the_lead_states_people_only()
    {
        var departure = RouteSpec.ViaLille[0];
        Assert.True(departure.Boards(State.UK, State.UK));
        Assert.False(departure.Boards(State.FR, State.UK));
        Assert.True(RouteSpec.ViaLille[1].Boards(State.FR, State.UK));
        Assert.False(RouteSpec.ViaLille[2].Boards(State.FR, State.UK));
    }
}

public class LegOccupancyTests
{
    [Fact]
    public void People_boarding_mid_route_are_on_board_only_from_their_stop_and_escorts_fly_on_from_their_states_first_stop()
    {
        var legs = FlightRoute.Legs(RouteSpec.ViaLille, State.UK,
            [(RouteSpec.Stansted, RouteSpec.Third), (RouteSpec.Stansted, RouteSpec.Third), (RouteSpec.Second, RouteSpec.Third)],
            [KeyValuePair.Create(State.UK, 4), KeyValuePair.Create(State.FR, 3)]);

        Assert.Equal([("STN", "LIL", 2, 4), ("LIL", "TIA", 3, 7)], legs.Select(l => (l.From, l.To, l.Returnees, l.Escorts)));
        Assert.Equal([6, 10], legs.Select(l => l.People));
    }

    [Fact]
    public void People_handed_over_at_the_first_drop_off_leave_the_aircraft_there()
    {
        var legs = FlightRoute.Legs(RouteSpec.LagosThenAccra, State.UK,
            [(RouteSpec.Stansted, RouteSpec.Second), (RouteSpec.Stansted, RouteSpec.Third), (RouteSpec.Stansted, RouteSpec.Third)],
            [KeyValuePair.Create(State.UK, 6)]);

        Assert.Equal([3, 2], legs.Select(l => l.Returnees));
        Assert.Equal([6, 6], legs.Select(l => l.Escorts));
    }

    [Fact]
    public void Given_a_leg_with_no_seat_left_When_a_person_would_fly_it_Then_the_first_full_leg_is_named()
    {
        // 4 UK returnees and a UK team of 4 fill the Lille-Tirana leg of an 8-seat aircraft; the first leg has room.
        var flight = Given([
            RouteSpec.PlannedVia(RouteSpec.ViaLille), Booked(8), Allocated(8, 0), RouteSpec.Team(State.UK, 4),
            .. Enumerable.Range(1, 4).Select(i => RouteSpec.On(Case(i), State.UK, RouteSpec.Second, RouteSpec.Third)),
        ]);

        Assert.Null(flight.OverfilledBy(RouteSpec.Stansted, RouteSpec.Second));
        var (place, leg) = flight.OverfilledBy(RouteSpec.Stansted, RouteSpec.Third)!.Value;
        Assert.Equal((2, "LIL", "TIA", 8), (place, leg.From, leg.To, leg.People));
    }
}

public class StopManifestTests
{
    private static readonly object[] ViaLille =
        [RouteSpec.PlannedVia(RouteSpec.ViaLille), Booked(), Allocated(60, 40)];

    private static readonly object[] LagosThenAccra =
        [RouteSpec.PlannedVia(RouteSpec.LagosThenAccra, State.UK), Booked(), new SeatsAllocated(FlightId, [new SeatAllocation(State.UK, 60)], Now)];

    private static Decision Manifest(ReturneeCase @case, object[] flight, Guid? boarding = null, Guid? dropOff = null) =>
        ManifestReturneeEndpoint.Decide(new ManifestReturnee(@case.Id, ManifestStatus.Confirmed, null, boarding, dropOff),
            Given(flight), @case, false, Rules, Now);

    [Fact]
    public void A_french_case_boards_by_default_at_the_first_stop_that_boards_france_and_leaves_at_its_countrys_drop_off() =>
        ThenAccepted(Manifest(CaseSpec.Open(101, State.FR), ViaLille),
            RouteSpec.On(Case(101), State.FR, RouteSpec.Second, RouteSpec.Third) with { CaseReference = "REF-101", ManifestedAt = Now });

    [Fact]
    public void A_french_case_may_not_board_where_only_the_uk_boards() =>
        ThenRefused(Manifest(CaseSpec.Open(101, State.FR), ViaLille, boarding: RouteSpec.Stansted),
            "FR's people do not board at STN");

    [Theory]
    [InlineData("NG", 1)]
    [InlineData("GH", 2)]
    public void Each_case_is_handed_over_by_default_at_the_drop_off_of_its_nationality(string nationality, int place) =>
        ThenAccepted(Manifest(CaseSpec.Open(1, State.UK, nationality), LagosThenAccra),
            RouteSpec.On(Case(1), State.UK, RouteSpec.Stansted, FlightRoute.PlannedStopId(FlightId, place))
                with { CaseReference = "REF-1", ManifestedAt = Now });

    [Fact]
    public void A_case_of_a_country_no_stop_hands_over_to_is_refused_naming_the_flights_countries() =>
        ThenRefused(Manifest(CaseSpec.Open(1, State.UK, "XK"), LagosThenAccra),
            "is a national of XK; the flight returns people to NG, GH");

    [Fact]
    public void A_drop_off_chosen_for_another_country_is_refused() =>
        ThenRefused(Manifest(CaseSpec.Open(1, State.UK, "GH"), LagosThenAccra, dropOff: RouteSpec.Second),
            "national of GH; the drop-off at LOS hands people over to NG");

    [Fact]
    public void A_stop_of_another_flight_is_refused() =>
        ThenRefused(Manifest(CaseSpec.Open(1), ViaLille, boarding: Guid.CreateVersion7()), "is not a stop of this flight");

    [Fact]
    public void A_confirmed_case_that_would_overfill_a_leg_is_refused_naming_the_leg()
    {
        var full = Given([
            RouteSpec.PlannedVia(RouteSpec.ViaLille), Booked(8), Allocated(8, 0), RouteSpec.Team(State.UK, 4),
            .. Enumerable.Range(1, 4).Select(i => RouteSpec.On(Case(i), State.UK, RouteSpec.Stansted, RouteSpec.Third)),
        ]);
        // The allocation is what the state may fill; the leg is what the aircraft holds. Here a constructed history with a
        // bigger allocation than the aircraft shows the leg check on its own.
        var roomy = full with { SeatsAllocated = full.SeatsAllocated.SetItem(State.UK, 20) };
        ThenRefused(ManifestReturneeEndpoint.Decide(new ManifestReturnee(Case(9), ManifestStatus.Confirmed), roomy,
                CaseSpec.Open(9), false, Rules, Now),
            "Leg 1 (STN → LIL) already has 8 people on board for 8 seats");
    }
}

public class RouteChangeTests
{
    private static readonly object[] ViaLille = [RouteSpec.PlannedVia(RouteSpec.ViaLille), Booked(), Allocated(60, 40)];
    private static readonly Guid NewStop = Guid.Parse("01970000-0000-7000-8000-00000000abcd");

    [Fact]
    public void Given_a_planned_route_When_adding_a_pick_up_in_dublin_Then_it_is_added_after_the_chosen_stop()
    {
        var command = new AddStop("DUB", StopKind.PickUp, Departure.AddHours(1), RouteSpec.Stansted, "Two UK cases held in Dublin", [State.UK]);
        ThenAccepted(RouteChanges.Add(command, Given(ViaLille), NewStop, Now),
            new StopAdded(FlightId, new FlightStop(NewStop, "DUB", StopKind.PickUp, [State.UK], null, Departure.AddHours(1)),
                RouteSpec.Stansted, "Two UK cases held in Dublin", Now));
        var after = Given([.. ViaLille, RouteChanges.Add(command, Given(ViaLille), NewStop, Now).Events[0]]);
        Assert.Equal(["STN", "DUB", "LIL", "TIA"], after.Stops.Select(s => s.Airport));
    }

    [Fact]
    public void A_stop_added_out_of_time_order_is_refused() =>
        ThenRefused(RouteChanges.Add(new AddStop("DUB", StopKind.PickUp, Departure.AddHours(4), RouteSpec.Stansted, "x", [State.UK]),
            Given(ViaLille), NewStop, Now), "Stop 3 (LIL) is scheduled no later than the stop before it");

    [Fact]
    public void The_departure_is_moved_by_rescheduling_not_re_timing() =>
        ThenRefused(RouteChanges.Retime(new RetimeStop(Departure.AddHours(1), "x"), Given(ViaLille), RouteSpec.Stansted, Now),
            "reschedul");

    [Fact]
    public void Re_timing_a_stop_keeps_the_route_in_time_order()
    {
        ThenAccepted(RouteChanges.Retime(new RetimeStop(Departure.AddHours(4), "Slot moved"), Given(ViaLille), RouteSpec.Second, Now),
            new StopRetimed(FlightId, RouteSpec.Second, Departure.AddHours(4), "Slot moved", Now));
        ThenRefused(RouteChanges.Retime(new RetimeStop(Departure.AddHours(7), "x"), Given(ViaLille), RouteSpec.Second, Now),
            "Stop 3 (TIA) is scheduled no later");
    }

    [Fact]
    public void A_stop_where_people_on_the_manifest_board_cannot_be_removed_until_they_are_withdrawn()
    {
        object[] withFrench = [.. ViaLille, RouteSpec.On(Case(101), State.FR, RouteSpec.Second, RouteSpec.Third)];
        ThenRefused(RouteChanges.Remove(new RemoveStop("x"), Given(withFrench), RouteSpec.Second, Now),
            "1 people on the manifest board or are handed over at LIL");
        object[] withdrawn = [.. withFrench, new ReturneeWithdrawn(FlightId, Case(101), WithdrawalReason.Medical, Now)];
        // Without the pick-up France would board nowhere: the route says so.
        ThenRefused(RouteChanges.Remove(new RemoveStop("x"), Given(withdrawn), RouteSpec.Second, Now),
            "FR takes part in the flight, but no stop boards its people");
    }

    [Fact]
    public void Reordering_that_would_hand_people_over_before_they_board_is_refused()
    {
        object[] route =
        [
            RouteSpec.PlannedVia([
                RouteSpec.Stop(0, "STN", StopKind.Departure, null, State.UK, State.FR),
                RouteSpec.Stop(1, "LOS", StopKind.DropOff, "NG"),
                RouteSpec.Stop(2, "ACC", StopKind.PickUpAndDropOff, "GH", State.FR),
                RouteSpec.Stop(3, "ABV", StopKind.DropOff, "NG"),
            ]),
            Booked(), Allocated(60, 40),
            RouteSpec.On(Case(101), State.FR, FlightRoute.PlannedStopId(FlightId, 2), FlightRoute.PlannedStopId(FlightId, 3)),
        ];
        var swapped = new ReorderStops([
            new StopTime(RouteSpec.Stansted, Departure),
            new StopTime(FlightRoute.PlannedStopId(FlightId, 3), Departure.AddHours(3)),
            new StopTime(FlightRoute.PlannedStopId(FlightId, 2), Departure.AddHours(6)),
            new StopTime(RouteSpec.Second, Departure.AddHours(9)),
        ], "Abuja slot");
        ThenRefused(RouteChanges.Reorder(swapped, Given(route), Now), "1 people on the manifest would be handed over before they board");
    }

    [Fact]
    public void Reordering_the_drop_offs_with_their_new_times_changes_the_route_and_the_legs_people_leave_on()
    {
        object[] route =
        [
            RouteSpec.PlannedVia(RouteSpec.LagosThenAccra, State.UK), Booked(), new SeatsAllocated(FlightId, [new SeatAllocation(State.UK, 60)], Now),
            RouteSpec.On(Case(1), State.UK, RouteSpec.Stansted, RouteSpec.Second),
        ];
        var accraFirst = new ReorderStops([
            new StopTime(RouteSpec.Stansted, Departure),
            new StopTime(RouteSpec.Third, Departure.AddHours(5)),
            new StopTime(RouteSpec.Second, Departure.AddHours(7)),
        ], "Accra slot earlier");
        var decision = RouteChanges.Reorder(accraFirst, Given(route), Now);
        ThenAccepted(decision, new StopsReordered(FlightId, accraFirst.Stops, "Accra slot earlier", Now));

        var after = Given([.. route, .. decision.Events]);
        Assert.Equal(["STN", "ACC", "LOS"], after.Stops.Select(s => s.Airport));
        Assert.Equal([Departure.AddHours(5), Departure.AddHours(7)], after.Stops.Skip(1).Select(s => s.Scheduled!.Value));
        // The Nigerian now flies on past Accra to Lagos.
        Assert.Equal([1, 1], after.Legs().Select(l => l.Returnees));
        ThenRefused(RouteChanges.Reorder(accraFirst with { Stops = accraFirst.Stops.Take(2).ToList() }, Given(route), Now),
            "List each of the flight's 3 stops once");
    }

    [Fact]
    public void A_departed_flight_keeps_its_route() =>
        ThenRefused(RouteChanges.Remove(new RemoveStop("x"), Given([.. ViaLille, Departed(0, 0)]), RouteSpec.Second, Now), "already departed");
}

public class StopCompletionTests
{
    private static readonly Guid Lagos = RouteSpec.Second;
    private static readonly Guid Accra = RouteSpec.Third;

    /// <summary>Two Nigerians to Lagos and one Ghanaian to Accra flew; the aircraft is at Lagos.</summary>
    private static readonly object[] AtLagos =
    [
        RouteSpec.PlannedVia(RouteSpec.LagosThenAccra, State.UK), Booked(), new SeatsAllocated(FlightId, [new SeatAllocation(State.UK, 60)], Now),
        RouteSpec.On(Case(1), State.UK, RouteSpec.Stansted, Lagos), RouteSpec.On(Case(2), State.UK, RouteSpec.Stansted, Lagos),
        RouteSpec.On(Case(3), State.UK, RouteSpec.Stansted, Accra),
        new FlightDeparted(FlightId, Departure, [new StateCount(State.UK, 3)], Departure),
        new StopArrived(FlightId, Lagos, Departure.AddHours(6), Departure.AddHours(6)),
    ];

    private static Decision Handover(object[] history, Guid stop, int handedOver, params Guid[] refused) =>
        RecordHandoverEndpoint.Decide(new RecordHandover([new HandoverOutcome(State.UK, handedOver, refused)]), Given(history), stop, Now);

    [Fact]
    public void A_hand_over_at_the_first_drop_off_accounts_for_its_own_people_only_and_the_flight_flies_on()
    {
        ThenRefused(Handover(AtLagos, Lagos, 3), "UK had 2 returnees on board, but 3 are accounted for");
        var recorded = Handover(AtLagos, Lagos, 1, Case(2));
        ThenAccepted(recorded, new HandoverRecorded(FlightId, Lagos, [new HandoverOutcome(State.UK, 1, [Case(2)])], Now));
        Assert.Equal(FlightStatus.Departed, Given([.. AtLagos, .. recorded.Events]).Status);
    }

    [Fact]
    public void A_case_handed_over_at_another_stop_cannot_be_refused_admission_here() =>
        ThenRefused(Handover(AtLagos, Lagos, 1, Case(3)), "did not fly for UK");

    [Fact]
    public void The_aircraft_lands_at_a_stop_only_after_leaving_the_one_before() =>
        ThenRefused(StopMovements.Arrive(new RecordStopArrival(Departure.AddHours(9)), Given(AtLagos), Accra, Now),
            "has not left LOS");

    [Fact]
    public void The_last_drop_offs_hand_over_completes_the_flight_with_every_stops_outcomes_and_the_refused_case_is_not_removed()
    {
        object[] atAccra =
        [
            .. AtLagos, .. Handover(AtLagos, Lagos, 1, Case(2)).Events,
            new StopDeparted(FlightId, Lagos, Departure.AddHours(7), Now), new StopArrived(FlightId, Accra, Departure.AddHours(9), Now),
        ];
        ThenAccepted(Handover(atAccra, Accra, 1),
            new HandoverRecorded(FlightId, Accra, [new HandoverOutcome(State.UK, 1, [])], Now),
            new FlightCompleted(FlightId, [new HandoverOutcome(State.UK, 2, [Case(2)])], Now));

        var completed = Given([.. atAccra, .. Handover(atAccra, Accra, 1).Events]);
        Assert.Equal(FlightStatus.Completed, completed.Status);
        var completion = (FlightCompleted)Handover(atAccra, Accra, 1).Events[1];
        Assert.Equal([Case(1), Case(3)], ManifestPolicy.HandedOver(completed, completion));
    }

    [Fact]
    public void A_flight_with_two_drop_offs_is_not_completed_in_one_record() =>
        ThenRefused(RecordCompletionEndpoint.Decide(new RecordCompletion([new HandoverOutcome(State.UK, 3, [])]), Given(AtLagos), Now),
            "record the hand-over at each one");

    [Fact]
    public void A_hand_over_waits_for_the_landing() =>
        ThenRefused(Handover(AtLagos, Accra, 1), "landing at ACC is not recorded yet");
}
