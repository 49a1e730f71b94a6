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

    public static string Who(HistoryEntry entry) =>
        $"{entry.UserName ?? entry.UserId}{(entry.Role is null ? "" : $" ({RoleName(entry.Role)}{(entry.State is null ? "" : ", " + entry.State)})")}";

    private static string RoleName(string role) => Enum.TryParse<Role>(role, out var known) ? Show.Enum(known) : role;
}
