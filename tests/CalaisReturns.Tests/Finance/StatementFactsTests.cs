using CalaisReturns.Auditing.Sealing;
using CalaisReturns.Auditing.Verifying;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Stating;
using CalaisReturns.Flights;
using JasperFx.Events;
using static CalaisReturns.Tests.Finance.FinanceSpec;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Finance;

/// <summary>The statement's facts read from a flight's stored events: the same figures, who confirmed, the head and its seal.</summary>
public class StatementFactsTests
{
    private static readonly Sealer Sealer = new(Convert.FromBase64String(Sealer.DevelopmentKey));

    /// <summary>Events as the store hands them back: versioned in order, each with who recorded it, each sealed to the one before.</summary>
    private static List<IEvent> Stored(params (object Data, Actor By)[] events)
    {
        var stored = new List<IEvent>();
        var previous = Seals.Genesis;
        foreach (var (data, by) in events)
        {
            var e = StoredEvents.Stored(data, stored.Count + 1);
            e.StreamId = FlightId;
            e.Timestamp = Now;
            e.EventTypeName = data.GetType().Name;
            e.UserName = by.Id;
            e.Headers = new Dictionary<string, object> { [EventMetadata.UserName] = by.Name, [EventMetadata.State] = by.State.ToString() };
            previous = Sealer.Seal(e, previous);
            e.Headers[Seals.Header] = previous;
            stored.Add(e);
        }

        return stored;
    }

    private static readonly Actor Uk = Actors.Of(Role.Finance, State.UK);
    private static readonly Actor Fr = Actors.Of(Role.Finance, State.FR);

    private static (object, Actor)[] Settled =>
    [
        (Planned(), Actors.UkPlanner), (Booked(), Actors.UkPlanner), .. Split(SplitBasis.FixedRatio).Select(e => (e, Uk)), (Rate(), Uk),
        (Cost(1, 1000m, Currency.GBP, State.UK), Uk),
        (new SettlementRecorded(FlightId, Case(800), State.FR, State.UK, new Money(500m, Currency.GBP), "T-1", new DateOnly(2026, 7, 1), Now), Fr),
    ];

    [Fact]
    public void Given_a_settled_flight_confirmed_by_the_UK_Then_its_facts_are_the_cost_shares_and_the_UK_officer_is_named()
    {
        var events = Stored([.. Settled, (new CostShareConfirmed(FlightId, State.UK, Now.AddHours(1)), Uk)]);

        var facts = StatementFacts.Read(events, Sealer)!;

        Assert.Equal(Json(GivenFinance([.. events.Skip(1).Select(e => e.Data)])), Json(facts.Finance));
        Assert.Equal(FlightStatus.Booked, facts.Status);
        Assert.Equal([new StatementConfirmation(State.UK, "uk.finance", "UK Finance", Now.AddHours(1))], facts.Confirmations);
        Assert.Equal(new StreamSeal(events.Count, Seals.Of(events[^1])!, null), facts.Head);
        Assert.Null(facts.Checkpoint);
    }

    [Fact]
    public void A_confirmation_withdrawn_by_a_later_change_is_not_stated_and_corrections_keep_the_amount_before()
    {
        var events = Stored([.. Settled, (new CostShareConfirmed(FlightId, State.UK, Now), Uk),
            (new CostCorrected(FlightId, Line(1), new Money(1200m, Currency.GBP), "Invoice corrected", Now), Uk),
            (new CostShareConfirmed(FlightId, State.FR, Now.AddHours(5)), Fr)]);

        var facts = StatementFacts.Read(events, Sealer)!;

        Assert.Equal([new StatementConfirmation(State.FR, "fr.finance", "FR Finance", Now.AddHours(5))], facts.Confirmations);
        Assert.Equal([new LineChange(Line(1), new Money(1000m, Currency.GBP), new Money(1200m, Currency.GBP), "Invoice corrected")],
            facts.Changes);
    }

    [Fact]
    public void An_event_changed_after_it_was_sealed_breaks_the_stated_seal_at_its_version()
    {
        var events = Stored(Settled);
        var edited = StoredEvents.Stored(Cost(1, 10m, Currency.GBP, State.UK), 5);
        (edited.StreamId, edited.Timestamp, edited.EventTypeName, edited.UserName, edited.Headers) =
            (events[4].StreamId, events[4].Timestamp, events[4].EventTypeName, events[4].UserName, events[4].Headers);
        events[4] = edited;

        var head = StatementFacts.Read(events, Sealer)!.Head;

        Assert.Equal((BreakKind.Altered, 5L), (head.Broken!.Kind, head.Broken.Version));
    }

    [Fact]
    public void A_stream_that_is_not_a_flights_has_no_statement() =>
        Assert.Null(StatementFacts.Read(Stored((Rate(), Uk)), Sealer));

    /// <summary>The facts hold lists, which records compare by reference: compared by what they say.</summary>
    private static string Json(FlightFinance finance) => System.Text.Json.JsonSerializer.Serialize(finance);
}
