namespace CalaisReturns.Core;

/// <summary>
/// The outcome of a pure decide function: the events to append, or the reason the aggregate's
/// current state refuses the command (answered 409, and nothing is appended). Invalid input never
/// gets this far: validators refuse it first (400).
/// </summary>
public sealed record Decision
{
    private Decision(IReadOnlyList<object> events, string? refusal)
    {
        Events = events;
        Refusal = refusal;
    }

    public IReadOnlyList<object> Events { get; }

    public string? Refusal { get; }

    public static Decision Accept(params object[] events) => new(events, null);

    public static Decision Refuse(string reason) => new([], reason);
}
