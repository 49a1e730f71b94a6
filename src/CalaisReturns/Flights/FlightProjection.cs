using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CalaisReturns.Flights;

/// <summary>Loads the <see cref="Flight"/> write model live from its stream, with <see cref="Flight.Fold(Flight?, IEvent)"/>.</summary>
public sealed partial class FlightProjection : SingleStreamProjection<Flight, Guid>
{
    public FlightProjection()
    {
        foreach (var type in FlightsModule.EventTypes)
        {
            IncludeType(type);
        }
    }

    public override Flight? Evolve(Flight? snapshot, Guid id, IEvent e) => Flight.Fold(snapshot, e);
}
