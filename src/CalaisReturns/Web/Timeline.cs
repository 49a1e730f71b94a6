namespace CalaisReturns.Web;

public static class Timeline
{
    /// <summary>Marten stores event types snake_cased (<c>charter_booked</c>); its class name is <c>CharterBooked</c>.</summary>
    public static string Name(string storedType) =>
        string.Concat(storedType.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>What people read for a stored event type ("Charter booked", « Affrètement réservé »): <c>Texts</c> key <c>Event.{Name}</c>.</summary>
    public static string Label(string storedType) => Texts.Get("Event." + Name(storedType));
}
