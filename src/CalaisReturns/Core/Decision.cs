namespace CalaisReturns.Core;

/// <summary>
/// The outcome of a pure decide function: the events to append, or the reason the aggregate's
/// current state refuses the command (answered 409, and nothing is appended). Invalid input never
/// gets this far: validators refuse it first (400).
/// </summary>
public sealed record Decision
{
    private Decision(IReadOnlyList<object> events, Text? refusal)
    {
        Events = events;
        Refusal = refusal;
    }

    public IReadOnlyList<object> Events { get; }

    /// <summary>Why the command is refused, to be written in the reader's language.</summary>
    public Text? Refusal { get; }

    public static Decision Accept(params object[] events) => new(events, null);

    /// <summary>Refuses with the text of a <see cref="Texts"/> key and its arguments.</summary>
    public static Decision Refuse(string key, params object?[] args) => new([], new Text(key, args));
}
