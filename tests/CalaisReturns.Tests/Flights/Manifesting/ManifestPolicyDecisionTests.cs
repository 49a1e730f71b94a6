using CalaisReturns.Cases;
using CalaisReturns.Core;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Policies;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Flights.Manifesting;

public class ManifestPolicyDecisionTests
{
    private static readonly object[] Flight =
        [Planned(), Booked(), Allocated(1, 1), Manifested(Case(1)), Manifested(Case(2), confirmed: false)];

    [Fact]
    public void A_barred_confirmed_returnee_is_withdrawn_for_the_barrier_and_the_reserve_promoted() =>
        ThenAccepted(ManifestPolicy.WithdrawIfIneligible(Given(Flight), CaseSpec.Open(1).Barred(), Now),
            new ReturneeWithdrawn(FlightId, Case(1), WithdrawalReason.Barrier, Now),
            new ReserveConfirmed(FlightId, Case(2), Now));

    [Fact]
    public void A_closed_case_is_withdrawn_as_closed() =>
        ThenAccepted(ManifestPolicy.WithdrawIfIneligible(Given(Flight), CaseSpec.Open(2) with { Status = CaseStatus.Closed }, Now),
            new ReturneeWithdrawn(FlightId, Case(2), WithdrawalReason.CaseClosed, Now));

    [Theory]
    [InlineData("eligible")]
    [InlineData("not-on-manifest")]
    [InlineData("departed")]
    [InlineData("already-withdrawn")]
    public void Otherwise_the_policy_changes_nothing_so_running_it_twice_is_harmless(string situation)
    {
        var decision = situation switch
        {
            "eligible" => ManifestPolicy.WithdrawIfIneligible(Given(Flight), CaseSpec.Open(1), Now),
            "not-on-manifest" => ManifestPolicy.WithdrawIfIneligible(Given(Flight), CaseSpec.Open(5).Barred(), Now),
            "departed" => ManifestPolicy.WithdrawIfIneligible(Given([.. Flight, Departed(1, 0)]), CaseSpec.Open(1).Barred(), Now),
            "already-withdrawn" => ManifestPolicy.WithdrawIfIneligible(
                Given([.. Flight, new ReturneeWithdrawn(FlightId, Case(1), WithdrawalReason.Barrier, Now)]),
                CaseSpec.Open(1).Barred(), Now),
            _ => throw new ArgumentOutOfRangeException(nameof(situation)),
        };
        ThenAccepted(decision);
    }

    [Fact]
    public void Only_a_barred_or_closed_case_may_be_held_against_a_flight_so_only_then_is_the_flight_read()
    {
        Assert.False(ManifestPolicy.MayBeIneligible(CaseSpec.Open(1)));
        Assert.True(ManifestPolicy.MayBeIneligible(CaseSpec.Open(1).Barred()));
        Assert.True(ManifestPolicy.MayBeIneligible(CaseSpec.Open(1) with { Status = CaseStatus.Closed }));
    }

    [Fact]
    public void Handed_over_are_those_who_flew_less_those_refused_admission()
    {
        var flown = Given([Planned(), Booked(), Allocated(3, 0), Manifested(Case(1)), Manifested(Case(2)),
            Manifested(Case(3), confirmed: false), Departed(2, 0)]);
        var completed = new FlightCompleted(FlightId, [new HandoverOutcome(State.UK, 1, [Case(2)])], Now);
        Assert.Equal([Case(1)], ManifestPolicy.HandedOver(flown, completed));
    }

    [Fact]
    public void A_handed_over_case_is_closed_as_removed_once()
    {
        ThenAccepted(ManifestPolicy.CloseAsRemoved(CaseSpec.Open(1), Now), new CaseClosed(Case(1), CaseClosure.Removed, Now));
        ThenAccepted(ManifestPolicy.CloseAsRemoved(CaseSpec.Open(1) with { Status = CaseStatus.Closed }, Now));
    }
}
