using System.Collections.Immutable;
using CalaisReturns.Cases;
using CalaisReturns.Core;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Allocating;
using CalaisReturns.Flights.Cancelling;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Rescheduling;
using CalaisReturns.Flights.Staffing;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Flights.Manifesting;

internal static class CaseSpec
{
    public static ReturneeCase Open(int n, State state = State.UK, string nationality = "AL",
        DateOnly? documentExpiry = null) =>
        new(Case(n), state, $"REF-{n}", nationality, CaseStatus.Open, documentExpiry ?? new DateOnly(2030, 1, 1),
            ImmutableDictionary<Guid, BarrierKind>.Empty, null, false);

    public static ReturneeCase Barred(this ReturneeCase c) =>
        c with { OpenBarriers = c.OpenBarriers.Add(Guid.NewGuid(), BarrierKind.JudicialReview) };
}

public class ManifestReturneeTests
{
    private static Decision Manifest(ReturneeCase @case, object[] flight, ManifestStatus status = ManifestStatus.Confirmed,
        bool elsewhere = false, DateTimeOffset? now = null) =>
        ManifestReturneeEndpoint.Decide(new ManifestReturnee(@case.Id, status), Given(flight), @case, elsewhere, Rules,
            now ?? Now);

    private static readonly object[] Ready = [Planned(), Booked(), Allocated(3, 2)];

    [Fact]
    public void An_eligible_case_is_manifested_as_confirmed_with_its_reference_only() =>
        ThenAccepted(Manifest(CaseSpec.Open(1), Ready),
            new ReturneeManifested(FlightId, Case(1), State.UK, "REF-1", ManifestStatus.Confirmed, Now,
                FlightRoute.PlannedStopId(FlightId, 0), FlightRoute.PlannedStopId(FlightId, 1)));

    [Theory]
    [InlineData("planned", "Book the charter and allocate seats")]
    [InlineData("locked", "manifest is locked; only withdrawals")]
    [InlineData("cancelled", "cancelled")]
    [InlineData("not-participating", "UK does not participate")]
    [InlineData("closed", "is closed")]
    [InlineData("barred", "has an open barrier (Judicial review)")]
    [InlineData("no-document", "has no travel document")]
    [InlineData("document-expires", "expires on 2026-07-14, before the departure")]
    [InlineData("nationality", "is a national of XK; the flight returns people to AL")]
    [InlineData("already-here", "already on this flight's manifest")]
    [InlineData("elsewhere", "already on the manifest of another flight")]
    public void A_case_that_may_not_fly_is_refused(string situation, string reason)
    {
        var person = CaseSpec.Open(1);
        var decision = situation switch
        {
            "planned" => Manifest(person, [Planned()]),
            "locked" => Manifest(person, [.. Ready, new ManifestLocked(FlightId, Now)]),
            "cancelled" => Manifest(person, [.. Ready, Cancelled()]),
            "not-participating" => Manifest(person, [Planned(State.FR, State.FR), Booked()]),
            "closed" => Manifest(person with { Status = CaseStatus.Closed }, Ready),
            "barred" => Manifest(person.Barred(), Ready),
            "no-document" => Manifest(person with { TravelDocumentExpiry = null }, Ready),
            "document-expires" => Manifest(person with { TravelDocumentExpiry = new DateOnly(2026, 7, 14) }, Ready),
            "nationality" => Manifest(person with { Nationality = "XK" }, Ready),
            "already-here" => Manifest(person, [.. Ready, Manifested(Case(1), confirmed: false)]),
            "elsewhere" => Manifest(person, Ready, elsewhere: true),
            _ => throw new ArgumentOutOfRangeException(nameof(situation)),
        };
        ThenRefused(decision, reason);
    }

    [Fact]
    public void A_confirmed_returnee_needs_a_free_seat_after_the_states_escort_team()
    {
        object[] teamOfTwo = [.. Ready, new EscortTeamAssigned(FlightId, State.UK, 1, 1, 0, Now), Manifested(Case(9))];
        ThenRefused(Manifest(CaseSpec.Open(1), teamOfTwo),
            "No free seat in UK's allocation of 3 (1 confirmed, escort team of 2); manifest the case as a reserve");
        Assert.Null(Manifest(CaseSpec.Open(1), teamOfTwo, ManifestStatus.Reserve).Refusal);
    }

    [Fact]
    public void After_the_notice_deadline_a_case_can_only_be_a_reserve()
    {
        // Departure is Wednesday 2026-07-15 09:00; five working days before is Wednesday 2026-07-08 09:00.
        var deadline = Rules.NoticeDeadline(Departure);
        Assert.Equal(new DateTimeOffset(2026, 7, 8, 9, 0, 0, TimeSpan.Zero), deadline);

        Assert.Null(Manifest(CaseSpec.Open(1), Ready, now: deadline).Refusal);
        ThenRefused(Manifest(CaseSpec.Open(1), Ready, now: deadline.AddMinutes(1)), "can only be manifested as a reserve");
        Assert.Null(Manifest(CaseSpec.Open(1), Ready, ManifestStatus.Reserve, now: deadline.AddMinutes(1)).Refusal);
    }
}

public class NoticeTests
{
    [Theory]
    [InlineData("2026-07-13T06:00:00Z", "2026-07-06T06:00:00Z")] // Monday: back a whole week
    [InlineData("2026-07-18T06:00:00Z", "2026-07-13T06:00:00Z")] // Saturday: Friday..Monday are the 5 days
    [InlineData("2026-07-19T06:00:00Z", "2026-07-13T06:00:00Z")] // Sunday likewise
    public void The_notice_deadline_counts_back_working_days(string departure, string deadline) =>
        Assert.Equal(DateTimeOffset.Parse(deadline), new ManifestRules().NoticeDeadline(DateTimeOffset.Parse(departure)));

    [Fact]
    public void The_number_of_working_days_is_configurable() =>
        Assert.Equal(DateTimeOffset.Parse("2026-07-10T06:00:00Z"),
            new ManifestRules { NoticeWorkingDays = 1 }.NoticeDeadline(DateTimeOffset.Parse("2026-07-13T06:00:00Z")));
}

public class ReserveAndWithdrawalTests
{
    private static readonly object[] Full =
    [
        Planned(), Booked(), Allocated(2, 2),
        Manifested(Case(1)), Manifested(Case(2)),
        Manifested(Case(3), confirmed: false), Manifested(Case(101), State.FR, confirmed: false),
        Manifested(Case(4), confirmed: false),
    ];

    [Fact]
    public void Withdrawing_a_confirmed_returnee_promotes_the_earliest_reserve_of_the_same_state() =>
        ThenAccepted(WithdrawReturneeEndpoint.Decide(new WithdrawReturnee(Case(1), WithdrawalReason.Medical), Given(Full), Now),
            new ReturneeWithdrawn(FlightId, Case(1), WithdrawalReason.Medical, Now),
            new ReserveConfirmed(FlightId, Case(3), Now));

    [Fact]
    public void Withdrawing_a_reserve_promotes_nobody() =>
        ThenAccepted(WithdrawReturneeEndpoint.Decide(new WithdrawReturnee(Case(3), WithdrawalReason.Absconded), Given(Full), Now),
            new ReturneeWithdrawn(FlightId, Case(3), WithdrawalReason.Absconded, Now));

    [Fact]
    public void Withdrawals_are_still_accepted_after_the_lock_and_still_promote() =>
        ThenAccepted(WithdrawReturneeEndpoint.Decide(new WithdrawReturnee(Case(2), WithdrawalReason.Barrier),
                Given([.. Full, new ManifestLocked(FlightId, Now)]), Now),
            new ReturneeWithdrawn(FlightId, Case(2), WithdrawalReason.Barrier, Now),
            new ReserveConfirmed(FlightId, Case(3), Now));

    [Fact]
    public void A_case_not_on_the_manifest_cannot_be_withdrawn() =>
        ThenRefused(WithdrawReturneeEndpoint.Decide(new WithdrawReturnee(Case(77), WithdrawalReason.Medical), Given(Full), Now),
            "not on this flight's manifest");

    [Fact]
    public void A_reserve_is_confirmed_only_into_a_free_seat()
    {
        ThenRefused(ConfirmReserveEndpoint.Decide(new ConfirmReserve(Case(3)), Given(Full), Now),
            "No free seat in UK's allocation of 2");
        ThenAccepted(ConfirmReserveEndpoint.Decide(new ConfirmReserve(Case(101)), Given(Full), Now),
            new ReserveConfirmed(FlightId, Case(101), Now));
        ThenRefused(ConfirmReserveEndpoint.Decide(new ConfirmReserve(Case(1)), Given(Full), Now), "already confirmed");
    }

    [Fact]
    public void Cancelling_withdraws_everyone_and_promotes_nobody()
    {
        var decision = CancelFlightEndpoint.Decide(new CancelFlight("Strike"), Given(Full), Now);
        Assert.Null(decision.Refusal);
        Assert.IsType<FlightCancelled>(decision.Events[0]);
        Assert.Equal([Case(1), Case(2), Case(3), Case(101), Case(4)],
            decision.Events.Skip(1).Cast<ReturneeWithdrawn>().Select(w => w.CaseId));
        Assert.All(decision.Events.Skip(1).Cast<ReturneeWithdrawn>(), w => Assert.Equal(WithdrawalReason.FlightCancelled, w.Reason));
    }
}

public class LockAndCapacityTests
{
    private static readonly object[] Manifested2 = [Planned(), Booked(), Allocated(5, 5), Manifested(Case(1)), Manifested(Case(2))];

    [Fact]
    public void The_manifest_locks_unless_a_confirmed_returnee_has_an_open_barrier()
    {
        ThenAccepted(LockManifestEndpoint.Decide(Given(Manifested2), new HashSet<Guid>(), Now), new ManifestLocked(FlightId, Now));
        ThenRefused(LockManifestEndpoint.Decide(Given(Manifested2), new HashSet<Guid> { Case(2) }, Now),
            "1 confirmed returnee(s) have an open barrier");
        ThenRefused(LockManifestEndpoint.Decide(Given([.. Manifested2, new ManifestLocked(FlightId, Now)]), new HashSet<Guid>(), Now),
            "already locked");
        ThenRefused(LockManifestEndpoint.Decide(Given(Planned()), new HashSet<Guid>(), Now), "Book the charter");
    }

    [Fact]
    public void An_allocation_must_hold_the_states_confirmed_returnees_and_escort_team()
    {
        object[] flight = [.. Manifested2, new EscortTeamAssigned(FlightId, State.UK, 2, 0, 0, Now)];
        ThenRefused(AllocateSeatsEndpoint.Decide(new AllocateSeats([new SeatAllocation(State.UK, 3)]), Given(flight), Now),
            "UK has 2 confirmed returnees and an escort team of 2; it needs at least 4 seats");
        Assert.Null(AllocateSeatsEndpoint.Decide(new AllocateSeats([new SeatAllocation(State.UK, 4)]), Given(flight), Now).Refusal);
    }

    [Fact]
    public void An_escort_team_must_fit_beside_the_confirmed_returnees_once_seats_are_allocated()
    {
        ThenRefused(AssignEscortTeamEndpoint.Decide(new AssignEscortTeam(State.UK, 3, 1, 0), Given(Manifested2), Now),
            "A team of 4 with 2 confirmed returnees does not fit in UK's 5 seats");
        Assert.Null(AssignEscortTeamEndpoint.Decide(new AssignEscortTeam(State.UK, 9, 0, 0), Given(Planned()), Now).Refusal);
    }

    [Fact]
    public void Moving_the_departure_earlier_turns_confirmed_returnees_manifested_after_the_new_deadline_into_reserves()
    {
        object[] flight = [Planned(), Booked(), Allocated(5, 5), Manifested(Case(1), at: Now.AddDays(-20)),
            Manifested(Case(2), at: Now.AddDays(-1)), Manifested(Case(3), confirmed: false, at: Now.AddDays(-1))];
        var earlier = Now.AddDays(5);
        var decision = RescheduleFlightEndpoint.Decide(new RescheduleFlight(earlier, "Slot"), Given(flight), Rules, Now);
        Assert.Equal(2, decision.Events.Count);
        var moved = Assert.IsType<ReturneeMovedToReserve>(decision.Events[1]);
        Assert.Equal(Case(2), moved.CaseId);
        Assert.False(Given([.. flight, .. decision.Events]).EntryOf(Case(2))!.Confirmed);
    }
}
