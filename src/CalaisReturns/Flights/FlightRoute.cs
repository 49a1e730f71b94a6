using System.Collections.Immutable;
using System.Security.Cryptography;

namespace CalaisReturns.Flights;

/// <summary>
/// The rules of a flight's route (DESIGN.md "Stop"): pure functions over its ordered stops, shared by the plan's
/// validation, the decisions that change the route, the folds and the pages.
/// </summary>
public static class FlightRoute
{
    /// <summary>
    /// The stops of a planned flight: those it stored, or for a flight planned before flights had stops, its departure
    /// (boarding every participating state, as every one did then) and its destination, the one drop-off.
    /// </summary>
    public static IReadOnlyList<FlightStop> Of(FlightPlanned planned) => planned.Stops ??
    [
        new(PlannedStopId(planned.FlightId, 0), planned.DepartureAirport, StopKind.Departure, planned.ParticipatingStates,
            null, planned.ScheduledDeparture),
        new(PlannedStopId(planned.FlightId, 1), planned.DestinationAirport, StopKind.DropOff, [], planned.CountryOfReturn, null),
    ];

    /// <summary>
    /// The id of a planned stop: derived from the flight's id and the stop's place in the plan (an RFC 9562 version 8
    /// UUID), so that a retried plan names the same stops and every reading of a flight planned before stops, which stored
    /// none, names the same two.
    /// </summary>
    public static Guid PlannedStopId(Guid flightId, int index)
    {
        Span<byte> input = stackalloc byte[20];
        flightId.TryWriteBytes(input, bigEndian: true, out _);
        BitConverter.TryWriteBytes(input[16..], index);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>
    /// The route after a change of it (a stop added, re-timed, removed, the stops reordered); any other event leaves it as
    /// it is. The one fold of a route change, for the write model, the schedule and the finance facts alike.
    /// </summary>
    public static ImmutableList<FlightStop> Changed(ImmutableList<FlightStop> stops, object change) => change switch
    {
        StopAdded e => stops.Insert(stops.FindIndex(s => s.StopId == e.AfterStopId) + 1, e.Stop),
        StopRetimed e => [.. stops.Select(s => s.StopId == e.StopId ? s with { Scheduled = e.Scheduled } : s)],
        StopRemoved e => stops.RemoveAll(s => s.StopId == e.StopId),
        StopsReordered e => [.. e.Stops.Select(t => stops.Find(s => s.StopId == t.StopId)! with { Scheduled = t.Scheduled })],
        _ => stops,
    };

    /// <summary>Whether the state's returnees and escorts board at this stop.</summary>
    public static bool Boards(this FlightStop stop, State state, State leadState) => stop.Kind switch
    {
        StopKind.Departure => stop.States.Count == 0 ? state == leadState : stop.States.Contains(state),
        StopKind.PickUp or StopKind.PickUpAndDropOff => stop.States.Contains(state),
        _ => false,
    };

    public static bool IsDropOff(this FlightStop stop) => stop.Kind is StopKind.DropOff or StopKind.PickUpAndDropOff;

    /// <summary>The drop-off countries in route order, each once.</summary>
    public static IReadOnlyList<string> Countries(IEnumerable<FlightStop> stops) =>
        [.. stops.Where(IsDropOff).Select(s => s.CountryOfReturn!).Distinct()];

    /// <summary>
    /// The first reason these stops cannot be a flight's route, or null. Stops are named by their place (1, 2, …) and
    /// airport. A state takes part only if some stop boards it.
    /// </summary>
    public static Text? Check(IReadOnlyList<FlightStop> stops, State leadState, IReadOnlyCollection<State> participating)
    {
        if (stops.Count < 2)
        {
            return new Text("Route.TooShort");
        }

        for (var i = 0; i < stops.Count; i++)
        {
            var stop = stops[i];
            var place = i + 1;
            if ((i == 0) != (stop.Kind == StopKind.Departure))
            {
                return new Text("Route.FirstIsDeparture", place, stop.Airport);
            }

            if (stop.Kind is StopKind.PickUp or StopKind.PickUpAndDropOff && stop.States.Count == 0)
            {
                return new Text("Route.PickUpStates", place, stop.Airport);
            }

            if (stop.States.Where(s => !participating.Contains(s)).Take(1).ToList() is [var outsider])
            {
                return new Text("Route.StateNotParticipating", place, stop.Airport, outsider);
            }

            if (stop.States.Count > 0 && stop.Kind == StopKind.DropOff)
            {
                return new Text("Route.DropOffBoardsNone", place, stop.Airport);
            }

            if (stop.IsDropOff() != stop.CountryOfReturn is not null)
            {
                return new Text(stop.IsDropOff() ? "Route.DropOffCountry" : "Route.CountryOnlyAtDropOff", place, stop.Airport);
            }

            if (i > 0 && stops[i - 1].Airport == stop.Airport)
            {
                return new Text("Route.SameAirport", place, stop.Airport);
            }

            if (i > 0 && stop.Scheduled is { } time
                && stops.Take(i).LastOrDefault(s => s.Scheduled is not null)?.Scheduled is { } before && time <= before)
            {
                return new Text("Route.TimeOrder", place, stop.Airport);
            }
        }

        if (stops[^1].Kind != StopKind.DropOff)
        {
            return new Text("Route.LastIsDropOff", stops.Count, stops[^1].Airport);
        }

        return participating.Where(state => !stops.Any(s => s.Boards(state, leadState))).Take(1).ToList() is [var unboarded]
            ? new Text("Route.StateBoardsNowhere", unboarded)
            : null;
    }

    /// <summary>
    /// Who is on board on each leg (stop i to stop i + 1): every confirmed returnee from the stop where they board to the
    /// stop where they are handed over, and each state's escort team from the first stop that boards its state to the end
    /// of the route (escorts fly the whole route back).
    /// </summary>
    public static IReadOnlyList<Leg> Legs(IReadOnlyList<FlightStop> stops, State leadState,
        IEnumerable<(Guid Boarding, Guid DropOff)> returnees, IEnumerable<KeyValuePair<State, int>> teams)
    {
        var index = stops.Select((s, i) => (s.StopId, i)).ToDictionary(x => x.StopId, x => x.i);
        var onBoard = new int[Math.Max(stops.Count - 1, 0)];
        var escorts = new int[onBoard.Length];
        foreach (var (boarding, dropOff) in returnees)
        {
            for (var leg = index[boarding]; leg < index[dropOff]; leg++)
            {
                onBoard[leg]++;
            }
        }

        foreach (var (state, team) in teams)
        {
            var first = stops.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Boards(state, leadState), (null!, onBoard.Length)).Item2;
            for (var leg = first; leg < onBoard.Length; leg++)
            {
                escorts[leg] += team;
            }
        }

        return [.. onBoard.Select((returneesOnLeg, leg) => new Leg(stops[leg].Airport, stops[leg + 1].Airport, returneesOnLeg, escorts[leg]))];
    }
}

/// <summary>One leg of a route and who is on board: returnees and escort teams (escorts, medics, interpreters).</summary>
public sealed record Leg(string From, string To, int Returnees, int Escorts)
{
    public int People => Returnees + Escorts;
}
