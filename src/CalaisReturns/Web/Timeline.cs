namespace CalaisReturns.Web;

public static class Timeline
{
    /// <summary>Marten stores event types snake_cased (<c>charter_booked</c>); people read "Charter booked".</summary>
    public static string Name(string storedType) =>
        string.Concat(storedType.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
