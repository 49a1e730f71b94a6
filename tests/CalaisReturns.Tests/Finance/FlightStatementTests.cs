using CalaisReturns.Auditing.Verifying;
using CalaisReturns.Core;
using CalaisReturns.Core.Http;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Stating;
using CalaisReturns.Flights;
using static CalaisReturns.Tests.Finance.FinanceSpec;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Finance;

/// <summary>What a flight's statement says, from its facts alone, in the reader's language, zone and money.</summary>
public class FlightStatementTests
{
    private static readonly Actor UkFinance = Actors.Of(Role.Finance, State.UK);
    private static readonly string Seal = new('a', 64);

    /// <summary>The 2014 worked example (CostShareTests), settled by France and confirmed by both states.</summary>
    private static readonly object[] Reconciled =
    [
        .. Split(SplitBasis.FixedRatio), Rate(),
        Cost(1, 174_468.00m, Currency.GBP, State.UK),
        Cost(2, 12_300.00m, Currency.EUR, State.FR, category: CostCategory.Accommodation),
        Cost(3, 21_000.00m, Currency.GBP, State.UK, shared: false, category: CostCategory.Escorts),
        new SettlementRecorded(FlightId, Case(800), State.FR, State.UK, new Money(82_450.66m, Currency.GBP), "TREASURY-2014-117",
            new DateOnly(2026, 6, 30), Now),
        new CostShareConfirmed(FlightId, State.UK, Now.AddHours(1)),
        new CostShareConfirmed(FlightId, State.FR, Now.AddHours(2)),
    ];

    private static readonly StatementConfirmation[] BothConfirmed =
    [
        new(State.UK, "uk.finance", "UK Finance", Now.AddHours(1)),
        new(State.FR, "fr.finance", "FR Finance", Now.AddHours(2)),
    ];

    private static StatementFacts Given(object[] events, IReadOnlyList<StatementConfirmation>? confirmations = null,
        IReadOnlyList<LineChange>? changes = null, BrokenStream? broken = null) =>
        new(GivenFinance(events), FlightStatus.Booked, confirmations ?? [], changes ?? [], new StreamSeal(17, Seal, broken));

    private static FlightStatement When(StatementFacts facts, string culture = "en-GB", string zone = "Europe/London")
    {
        using var reader = Reader.As(System.Globalization.CultureInfo.GetCultureInfo(culture), TimeZoneInfo.FindSystemTimeZoneById(zone));
        return FlightStatement.Of(facts, UkFinance, Now.AddDays(1));
    }

    private static StatementSection Section(FlightStatement statement, string heading) =>
        statement.Sections.Single(s => s.Heading == heading);

    private static string Fact(StatementSection section, string label) => section.Facts.Single(f => f.Label == label).Value;

    private static IReadOnlyList<string> Row(StatementSection section, string first) => section.Table!.Rows.Single(r => r[0] == first);

    [Fact]
    public void Given_the_reconciled_2014_example_Then_every_figure_is_the_cost_shares_written_in_pounds()
    {
        var statement = When(Given(Reconciled, BothConfirmed));

        var shares = Section(statement, "Shares and balance (GBP)");
        Assert.Equal(["UK", "50", "£92,017.34", "£174,468.00", "£0.00", "£174,468.00", "-£82,450.66", "£21,000.00"], Row(shares, "UK"));
        Assert.Equal(["FR", "50", "£92,017.33", "£9,566.67", "£0.00", "£9,566.67", "£82,450.66", "£0.00"], Row(shares, "FR"));
        Assert.Equal(["£184,034.67", "£0.00", "£184,034.67", "£21,000.00"], shares.Facts.Select(f => f.Value));
        Assert.Equal(["FR owes UK £82,450.66; settled £82,450.66; outstanding £0.00."], shares.Notes);

        var terms = Section(statement, "Exchange rate and split");
        Assert.Equal("€1.285714 per £ on 29 Aug 2014 (ECB reference rate 2014-08-29)", Fact(terms, "Exchange rate"));
        Assert.Equal("Fixed ratio (UK 50%, FR 50%), settled in GBP", Fact(terms, "Split"));
        Assert.Equal("Reconciled", Fact(Section(statement, "The flight"), "Cost share status"));
        Assert.Equal(["FR", "UK", "TREASURY-2014-117", "30 Jun 2026", "£82,450.66"], Section(statement, "Settlements").Table!.Rows.Single());
    }

    [Fact]
    public void Given_the_same_facts_When_a_French_reader_asks_Then_labels_money_and_times_are_French_and_Parisian()
    {
        var statement = When(Given(Reconciled, BothConfirmed), "fr-FR", "Europe/Paris");

        var shares = Section(statement, "Parts et solde (GBP)");
        Assert.Equal(["UK", "50", "92\u202F017,34\u202F£", "174\u202F468,00\u202F£", "0,00\u202F£", "174\u202F468,00\u202F£",
            "-82\u202F450,66\u202F£", "21\u202F000,00\u202F£"], Row(shares, "UK"));
        Assert.Equal("Relevé de rapprochement, vol RF-2026-0001", statement.Title);
        Assert.Equal("mer. 15 juil. 2026 11:00 Paris", Fact(Section(statement, "Le vol"), "Départ prévu"));
        Assert.Equal("mer. 15 juil. 10:00 heure locale à STN (London Stansted)", Fact(Section(statement, "Le vol"), "Aéroport de départ"));
        var confirmations = Section(statement, "Confirmations");
        Assert.Equal(["Qui", "Quand (Paris)"], confirmations.Table!.Columns.Skip(1).Select(c => c.Label));
        Assert.Equal(["FR", "FR Finance (fr.finance)", "mer. 1 juil. 2026 13:00:00 Paris"], Row(confirmations, "FR"));
        Assert.Equal("page 2 sur 3", statement.Page(2, 3));
    }

    [Fact]
    public void Corrected_and_withdrawn_lines_stay_with_their_earlier_amount_and_reason_and_their_stop()
    {
        var stop = FlightRoute.Of(Planned())[1].StopId;
        var statement = When(Given(
            [
                .. Split(SplitBasis.FixedRatio), Rate(),
                Cost(1, 1000m, Currency.GBP, State.UK) with { StopId = stop },
                Cost(2, 500m, Currency.EUR, State.FR, shared: false),
                new CostCorrected(FlightId, Line(1), new Money(900m, Currency.GBP), "Credit note", Now),
                new CostWithdrawn(FlightId, Line(2), "Duplicate", Now),
            ],
            changes:
            [
                new LineChange(Line(1), new Money(1000m, Currency.GBP), new Money(900m, Currency.GBP), "Credit note"),
                new LineChange(Line(2), new Money(500m, Currency.EUR), null, "Duplicate"),
            ]));

        var lines = Section(statement, "Cost lines").Table!;
        Assert.Equal(["Category", "Description", "Stop", "Paid by", "Shared or national", "Invoice", "Amount"], lines.Columns.Select(c => c.Label));
        Assert.Equal(["Charter", "Line 1 (corrected; it was £1,000.00: Credit note)", "TIA", "UK", "Shared", "INV-1", "£900.00"], lines.Rows[0]);
        Assert.Equal(["Charter", "Line 2 (withdrawn: Duplicate)", "—", "FR", "National", "INV-2", "€500.00"], lines.Rows[1]);
        Assert.Equal("£450.00", Row(Section(statement, "Shares and balance (GBP)"), "UK")[2]);
    }

    [Fact]
    public void Before_a_split_is_agreed_the_statement_says_the_shares_are_not_computed_and_gives_each_currencys_sums()
    {
        var statement = When(Given([Cost(1, 100m, Currency.EUR, State.UK), Cost(2, 40m, Currency.GBP, State.FR, shared: false)]));

        var shares = Section(statement, "Shares and balance");
        Assert.Null(shares.Table);
        Assert.Equal(["The shares are computed once a split is agreed and every amount can be converted.",
            "In GBP: shared £0.00, national £40.00.", "In EUR: shared €100.00, national €0.00."], shares.Notes);
        Assert.Equal("Not fixed", Fact(Section(statement, "Exchange rate and split"), "Exchange rate"));
        Assert.Equal(["No settlement has been recorded."], Section(statement, "Settlements").Notes);
        Assert.DoesNotContain(statement.Sections, s => s.Heading == "External funding received");
    }

    [Fact]
    public void A_state_that_has_not_confirmed_is_said_to_have_not_and_who_confirmed_is_named_in_the_readers_zone()
    {
        var statement = When(Given(Reconciled[..^1], [BothConfirmed[0]]));

        var confirmations = Section(statement, "Confirmations");
        Assert.Equal(["UK", "UK Finance (uk.finance)", "Wed 1 Jul 2026 11:00:00 London"], Row(confirmations, "UK"));
        Assert.Equal(["FR", "Not confirmed", "—"], Row(confirmations, "FR"));
        Assert.Equal("Settled", Fact(Section(statement, "The flight"), "Cost share status"));
        Assert.Equal("Generated Thu 2 Jul 2026 10:00:00 London by UK Finance (uk.finance), Finance UK.", statement.Generated);
    }

    [Fact]
    public void The_seal_section_names_the_head_its_seal_and_the_checkpoint_that_covers_it_or_that_none_does()
    {
        var uncovered = Section(When(Given(Reconciled)), "Seal and checkpoint");
        Assert.Equal(["version 17", Seal, "Intact: events 1 to 17 of the flight follow their seals.",
            "No signed checkpoint covers version 17 yet."], uncovered.Facts.Select(f => f.Value));

        var covered = Given(Reconciled) with { Checkpoint = new CoveringCheckpoint(Now.AddHours(3), 17, Seal) };
        Assert.Equal("taken Wed 1 Jul 2026 13:00:00 London (2026-07-01T12:00:00.0000000Z); it records version 17 with this seal.",
            Fact(Section(When(covered), "Seal and checkpoint"), "Signed checkpoint"));

        var broken = Given(Reconciled, broken: new BrokenStream(FlightId, 9, BreakKind.Altered, "cost_recorded"));
        Assert.Equal("BROKEN: Event 9 (cost_recorded) differs from what was sealed.",
            Fact(Section(When(broken), "Seal and checkpoint"), "Seals checked when generated"));
    }
}
