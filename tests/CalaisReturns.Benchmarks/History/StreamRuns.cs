using CalaisReturns.Cases;
using CalaisReturns.Finance;
using CalaisReturns.Flights;

namespace CalaisReturns.Benchmarks.History;

/// <summary>A stream being generated: its version and the folds the decisions read.</summary>
public abstract class StreamRun(Guid id, StreamKind kind)
{
    public Guid Id { get; } = id;

    public StreamKind Kind { get; } = kind;

    public long Version { get; set; }

    public abstract void Fold(object @event);
}

internal sealed class FlightRun(Guid id) : StreamRun(id, StreamKind.Flight)
{
    public Flight? Aggregate { get; private set; }

    public FlightFinance? Finance { get; private set; }

    /// <summary>The escort teams as last assigned, by state: their members claim their expenses after the flight.</summary>
    public Dictionary<State, EscortTeamAssigned> Teams { get; } = [];

    /// <summary>The size of each state's team as first planned: seats are allocated for it.</summary>
    public Dictionary<State, int> Crew { get; } = [];

    /// <summary>Returnees the flight aims to carry per state.</summary>
    public Dictionary<State, int> Wanted { get; } = [];

    /// <summary>Bumped by every reschedule: a lock planned for an earlier departure is dropped.</summary>
    public int Schedule { get; set; }

    public override void Fold(object e)
    {
        Aggregate = Flight.Fold(Aggregate, e);
        Finance = FlightFinance.Fold(Finance, e);
        if (e is EscortTeamAssigned team)
        {
            Teams[team.State] = team;
        }
    }
}

internal sealed class CaseRun(Guid id, State state, string nationality) : StreamRun(id, StreamKind.Case)
{
    public ReturneeCase? Aggregate { get; private set; }

    public State State { get; } = state;

    public string Nationality { get; } = nationality;

    /// <summary>The flight whose manifest the case was last put on, as the CaseSummary projection keeps it.</summary>
    public Guid? CurrentFlight { get; set; }

    /// <summary>Where its CaseOpened event sits in the history, to mask it when the case is erased.</summary>
    public int OpenedAt { get; set; }

    public override void Fold(object e) => Aggregate = ReturneeCase.Fold(Aggregate, e);
}
