using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CalaisReturns.Core;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Sharing;
using CalaisReturns.Flights;
using JasperFx.Events;
using static CalaisReturns.Tests.Finance.FinanceSpec;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Finance;

/// <summary>The inline cost share document: figures derived from its facts whenever read or written, never stale.</summary>
public class FlightCostShareTests
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private static readonly object[] History =
    [
        Planned(), Booked(), Allocated(60, 40), .. Split(SplitBasis.PerSeatAllocated), Rate(),
        Cost(1, 174_468.00m, Currency.GBP, State.UK),
        Cost(2, 12_300.00m, Currency.EUR, State.FR, category: CostCategory.Accommodation),
        new CostCorrected(FlightId, Line(1), new Money(170_000.00m, Currency.GBP), "Invoice corrected", Now),
        Cost(3, 21_000.00m, Currency.GBP, State.UK, shared: false, category: CostCategory.Escorts),
    ];

    [Fact]
    public void After_every_event_the_figures_are_those_of_the_facts_so_far()
    {
        var projection = new FlightCostShareProjection();
        FlightCostShare? share = null;
        for (var version = 1; version <= History.Length; version++)
        {
            share = projection.Evolve(share, FlightId, StoredEvents.Stored(History[version - 1], version));

            var expected = CostShare.Compute(GivenFinance(History[1..version]));
            // The charter booking bears on no finance decision: the finance version passes it by.
            Assert.Equal(History[version - 1] is CharterBooked ? version - 1 : version, share!.Version);
            Assert.Equal(JsonSerializer.Serialize(expected, Json), JsonSerializer.Serialize(share.Figures, Json));
        }

        Assert.Equal(CostShareStatus.Open, share!.Figures.Status);
    }

    [Fact]
    public void The_stored_document_carries_the_figures_and_a_loaded_one_recomputes_them_from_its_facts()
    {
        var projection = new FlightCostShareProjection();
        var share = History.Select((e, i) => (e, i)).Aggregate((FlightCostShare?)null,
            (s, x) => projection.Evolve(s, FlightId, StoredEvents.Stored(x.e, x.i + 1)))!;

        var stored = JsonSerializer.Serialize(share, Json);
        var figures = JsonNode.Parse(stored)!["Figures"]!;
        Assert.Equal("Open", figures["Status"]!.GetValue<string>());
        Assert.Equal(179_566.67m, figures["Totals"]!["SharedCosts"]!.GetValue<decimal>());

        var loaded = JsonSerializer.Deserialize<FlightCostShare>(stored, Json)!;
        Assert.Equal(stored, JsonSerializer.Serialize(loaded, Json));

        // A new fact replaces the figures: they are never those of the facts before it.
        var withdrawn = loaded with { Facts = FlightFinance.Fold(loaded.Facts, new CostWithdrawn(FlightId, Line(2), "Duplicate invoice", Now)) };
        Assert.Equal(170_000.00m, withdrawn.Figures.Totals!.SharedCosts);
    }
}
