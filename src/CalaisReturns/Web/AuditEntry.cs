using System.Text.Json;
using CalaisReturns.Core.History;

namespace CalaisReturns.Web;

/// <summary>How a history entry reads on the audit timeline: what happened, why, and the full event.</summary>
public static class AuditEntry
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    public static string Json(HistoryEntry entry) => JsonSerializer.Serialize(entry.Data, entry.Data.GetType(), Indented);

    /// <summary>The reason the event gives, if it carries one.</summary>
    public static string? Why(HistoryEntry entry) =>
        JsonSerializer.SerializeToElement(entry.Data, entry.Data.GetType(), JsonSerializerOptions.Web) is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("reason", out var reason) && reason.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? reason.ToString()
            : null;

    public static string Who(HistoryEntry entry) =>
        $"{entry.UserName ?? entry.UserId}{(entry.Role is null ? "" : $" ({entry.Role}{(entry.State is null ? "" : ", " + entry.State)})")}";
}
