using System.Text.Json;
using CalaisReturns.Core.History;

namespace CalaisReturns.Web;

/// <summary>How a history entry reads on the audit timeline: what happened, why, and the full event.</summary>
public static class AuditEntry
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string Json(HistoryEntry entry) => JsonSerializer.Serialize(entry.Data, entry.Data.GetType(), Indented);

    /// <summary>The reason the event gives, if it carries one; a reason from a list by its name in the reader's language.</summary>
    public static string? Why(HistoryEntry entry) => entry.Data.GetType().GetProperty("Reason")?.GetValue(entry.Data) switch
    {
        Enum reason => Texts.Find($"{reason.GetType().Name}.{reason}") ?? reason.ToString(),
        string { Length: > 0 } reason => reason,
        _ => null,
    };

    public static string Who(HistoryEntry entry) => Person(entry.UserName ?? entry.UserId, entry.Role, entry.State);

    /// <summary>"caused by Barrier raised (case HO-1, v3) by Pat Example (Planner, UK)", for what a policy or job appended.</summary>
    public static string? CausedBy(HistoryEntry entry) => entry.CausedBy is { } cause
        ? Texts.Format("Audit.CausedBy", Timeline.Label(cause.Type), cause.Subject is { } subject ? Texts.Get($"Subject.{subject}.Lower") : "",
            cause.Reference ?? cause.StreamId.ToString(), cause.Version, Person(cause.UserName, cause.Role, cause.State))
        : null;

    private static string Person(string? name, string? role, string? state) =>
        $"{name}{(role is null ? "" : $" ({RoleName(role)}{(state is null ? "" : ", " + state)})")}";

    private static string RoleName(string role) => Enum.TryParse<Role>(role, out var known) ? Show.Enum(known) : role;
}
