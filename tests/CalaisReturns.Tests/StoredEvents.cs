using JasperFx.Events;

namespace CalaisReturns.Tests;

/// <summary>Event data wrapped as Marten hands it to a projection: with its stream version.</summary>
internal static class StoredEvents
{
    public static IEvent Stored(object data, long version)
    {
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.Version = version;
        return e;
    }

    /// <summary>A stream's events, versioned 1, 2, 3… in the order given.</summary>
    public static IEvent[] Stream(params object[] events) => [.. events.Select((e, i) => Stored(e, i + 1))];
}
