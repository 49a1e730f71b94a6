using System.Text.Json.Nodes;
using CalaisReturns.Cases;
using CalaisReturns.Finance;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;
using Marten;
using Snapshooter.Xunit;

namespace CalaisReturns.Tests.Flights;

/// <summary>
/// Pins every stored event's name and JSON shape. Stored events are never migrated in place, so
/// renaming or reshaping one must be a deliberate act (with an upcaster), never an accident.
/// </summary>
public class EventCatalogueTests
{
    [Fact]
    public void Stored_event_names_and_shapes_are_unchanged()
    {
        var options = new StoreOptions();
        options.ConfigureFlights(new ManifestRules());
        options.ConfigureCases();
        options.ConfigureFinance();
        CalaisReturns.Accountability.AccountabilityModule.ConfigureAccountability(options);
        var catalogue = new JsonObject();
        var events = (Marten.Events.EventGraph)options.Events;
        foreach (var type in FlightsModule.EventTypes.Concat(CasesModule.EventTypes).Concat(FinanceModule.AllEventTypes)
                     .Concat(CalaisReturns.Accountability.AccountabilityModule.EventTypes))
        {
            catalogue[events.EventMappingFor(type).EventTypeName] = JsonShape.Of(type);
        }

        Snapshot.Match(catalogue.ToJsonString(new() { WriteIndented = true }));
    }
}
