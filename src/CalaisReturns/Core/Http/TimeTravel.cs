namespace CalaisReturns.Core.Http;

/// <summary>
/// <c>?asOf=2014-09-01T12:00:00Z</c> or <c>?version=N</c> on a read: the record as it stood then,
/// replayed from the events by the same code as the live projection. Neither means now.
/// </summary>
public sealed record TimeTravel(DateTimeOffset? AsOf, long? Version)
{
    /// <summary>The record as it is now.</summary>
    public static readonly TimeTravel Now = new(null, null);

    public bool IsLive => AsOf is null && Version is null;

    public static (TimeTravel? Travel, Dictionary<string, string[]> Errors) Parse(string? asOf, string? version)
    {
        var errors = new Dictionary<string, string[]>();
        var instant = QueryValues.Instant(asOf, "asOf", errors);
        long? number = null;
        if (version is not null)
        {
            if (long.TryParse(version, out var v) && v > 0)
            {
                number = v;
            }
            else
            {
                errors["version"] = [Texts.Get("Query.PositiveNumber")];
            }
        }

        if (instant is not null && number is not null)
        {
            errors["version"] = [Texts.Get("Query.AsOfOrVersion")];
        }

        return errors.Count == 0 ? (new TimeTravel(instant, number), errors) : (null, errors);
    }

    /// <summary>
    /// The stored read model when live; otherwise the stream replayed with its registered projection
    /// (or self-aggregation) up to the point asked for.
    /// </summary>
    public async Task<T?> Load<T>(IQuerySession session, Guid streamId, CancellationToken ct) where T : class =>
        IsLive
            ? await session.LoadAsync<T>(streamId, ct)
            : await session.Events.AggregateStreamAsync<T>(streamId, version: Version ?? 0, timestamp: AsOf, token: ct);
}
