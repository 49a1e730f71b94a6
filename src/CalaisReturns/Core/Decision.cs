namespace CalaisReturns.Core;

public enum RefusalKind
{
    /// <summary>The input itself is wrong (400), e.g. a departure time already past.</summary>
    Invalid,

    /// <summary>The aggregate's current state does not allow the command (409).</summary>
    Conflict,
}

/// <summary>Why a command was refused; <see cref="Field"/> names the input at fault, if one is.</summary>
public sealed record Refusal(RefusalKind Kind, string Reason, string? Field = null);

/// <summary>
/// The outcome of a pure decide function: the events to append, or the reason nothing is appended.
/// </summary>
public sealed record Decision
{
    private Decision(IReadOnlyList<object> events, Refusal? refusal)
    {
        Events = events;
        Refusal = refusal;
    }

    public IReadOnlyList<object> Events { get; }

    public Refusal? Refusal { get; }

    public bool IsAccepted => Refusal is null;

    public static Decision Accept(params object[] events) => new(events, null);

    public static Decision Conflict(string reason) => new([], new Refusal(RefusalKind.Conflict, reason));

    public static Decision Invalid(string field, string reason) => new([], new Refusal(RefusalKind.Invalid, reason, field));
}
