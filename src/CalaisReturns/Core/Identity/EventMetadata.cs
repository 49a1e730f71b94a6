
namespace CalaisReturns.Core.Identity;

/// <summary>
/// Stamps every event a request appends with who made it and under which correlation id: the
/// user id goes into Marten's user-name column, the display name, role and state into headers.
/// Applied as Wolverine middleware to every write endpoint, so no endpoint can forget it.
/// </summary>
public static class EventMetadata
{
    public const string UserName = "user-name";
    public const string Role = "role";
    public const string State = "state";

    /// <summary>
    /// For events a policy or job appends: the process is the user; the request that started the chain keeps its
    /// correlation id, and the event that caused these is named as their causation (<see cref="Cause.Id"/>).
    /// </summary>
    public static void StampSystem(IDocumentSession session, string process, Cause? cause)
    {
        session.LastModifiedBy = $"system:{process}";
        session.SetHeader(UserName, process);
        session.SetHeader(Role, "System");
        if (cause is not null)
        {
            session.CorrelationId = cause.CorrelationId;
            session.CausationId = cause.Id;
        }
    }

    public static void Before(HttpContext http, IDocumentSession session)
    {
        var actor = Actor.From(http.User);
        session.LastModifiedBy = actor.Id;
        session.CorrelationId = http.TraceIdentifier;
        session.SetHeader(UserName, actor.Name);
        session.SetHeader(Role, actor.Role.ToString());
        session.SetHeader(State, actor.State.ToString());
    }
}
