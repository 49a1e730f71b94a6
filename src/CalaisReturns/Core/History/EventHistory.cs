using CalaisReturns.Cases;
using CalaisReturns.Core.Http;
using JasperFx.Events;

namespace CalaisReturns.Core.History;

/// <summary>One stored event with the metadata that says who recorded it, when and in which request.</summary>
public sealed record HistoryEntry(
    long Sequence,
    long Version,
    DateTimeOffset Timestamp,
    string Type,
    object Data,
    string? UserId,
    string? UserName,
    string? Role,
    string? State,
    string? CorrelationId,
    IReadOnlyDictionary<string, object>? Headers)
{
    /// <summary>For an event a policy or job appended: the event that caused it, and who recorded that one.</summary>
    public CauseEntry? CausedBy { get; init; }

    public string? CausationId { get; init; }

    /// <summary>The stream the event is on: a history of several streams (a flight's incidents and monitor's report) says which.</summary>
    public Guid StreamId { get; init; }

    /// <summary>History never shows personal data: a case's name and date of birth, an officer's name, a narrative are left out.</summary>
    public static HistoryEntry From(IEvent e) =>
        new(e.Sequence, e.Version, e.Timestamp, e.EventTypeName,
            e.Data is IHoldsPersonalData holder ? holder.WithoutPersonalData() : e.Data,
            e.UserName, Header(e, EventMetadata.UserName), Header(e, EventMetadata.Role), Header(e, EventMetadata.State),
            e.CorrelationId, e.Headers) { CausationId = e.CausationId, StreamId = e.StreamId };

    private static string? Header(IEvent e, string name) => e.Headers?.GetValueOrDefault(name)?.ToString();
}

/// <summary>The event that caused another: where it is (its stream's reference and its version), its type and who recorded it.</summary>
/// <param name="Subject">What the causing stream is: <c>Flight</c> or <c>Case</c> (a <c>Subject.*</c> text).</param>
public sealed record CauseEntry(Guid StreamId, long Version, string Type, string? Subject, string? Reference, string? UserName,
    string? Role, string? State);

public sealed record HistoryPage(int Page, int PageSize, int Total, IReadOnlyList<HistoryEntry> Events);

/// <summary>A stream's first event (what its access rule looks at) and one page of its history.</summary>
public sealed record StreamHistory<TStart>(TStart Start, HistoryPage Page);

/// <summary>The filters of a history read: a time range [From, To), event types, and the page.</summary>
public sealed record HistoryFilter(DateTimeOffset? From, DateTimeOffset? To, IReadOnlySet<string> Types, int Page, int PageSize)
{
    public const int MaxPageSize = 500;

    /// <summary>The first page of the whole history, as large as a page may be.</summary>
    public static readonly HistoryFilter All = new(null, null, new HashSet<string>(), 1, MaxPageSize);

    public static (HistoryFilter? Filter, Dictionary<string, string[]> Errors) Parse(string? from, string? to, string? type,
        string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new HistoryFilter(QueryValues.Instant(from, "from", errors), QueryValues.Instant(to, "to", errors),
            (type ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(),
            Number(page, "page", 1, int.MaxValue, 1, errors), Number(pageSize, "pageSize", 1, MaxPageSize, 100, errors));
        return errors.Count == 0 ? (filter, errors) : (null, errors);
    }

    private static int Number(string? value, string name, int min, int max, int otherwise, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return otherwise;
        }

        if (int.TryParse(value, out var n) && n >= min && n <= max)
        {
            return n;
        }

        errors[name] = [Texts.Format("Query.WholeNumber", min, max)];
        return otherwise;
    }

    public HistoryPage Apply(IReadOnlyList<IEvent> events)
    {
        var matching = events
            .Where(e => (From is null || e.Timestamp >= From) && (To is null || e.Timestamp < To))
            .Where(e => Types.Count == 0 || Types.Contains(e.EventTypeName))
            .ToList();
        return new HistoryPage(Page, PageSize, matching.Count,
            [.. matching.Skip((Page - 1) * PageSize).Take(PageSize).Select(HistoryEntry.From)]);
    }
}

public static class EventHistory
{
    /// <summary>The typed query: a page of the stream's history, or null if no such stream starts with <typeparamref name="TStart"/>.</summary>
    public static async Task<StreamHistory<TStart>?> Page<TStart>(IQuerySession session, Guid streamId, HistoryFilter filter,
        CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        return events.FirstOrDefault()?.Data is TStart start
            ? new StreamHistory<TStart>(start, await WithCauses(session, filter.Apply(events), ct))
            : null;
    }

    /// <summary>A page of the history of several streams, in the order their events were stored.</summary>
    public static async Task<HistoryPage> Page(IQuerySession session, IReadOnlyCollection<Guid> streamIds, HistoryFilter filter,
        CancellationToken ct)
    {
        var ids = streamIds.ToArray();
        var events = ids.Length == 0 ? []
            : await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(ids)).OrderBy(e => e.Sequence).ToListAsync(ct);
        return await WithCauses(session, filter.Apply(events), ct);
    }

    /// <summary>Names the cause of every entry a policy or job appended: one read of each causing stream, up to the cause.</summary>
    private static async Task<HistoryPage> WithCauses(IQuerySession session, HistoryPage page, CancellationToken ct)
    {
        var causes = new Dictionary<string, CauseEntry?>();
        foreach (var id in page.Events.Select(e => e.CausationId).OfType<string>().Distinct())
        {
            causes[id] = Cause.Parse(id, null) is { } cause
                && await session.Events.FetchStreamAsync(cause.StreamId, cause.Version, token: ct) is { Count: > 0 } upTo
                && upTo[^1].Version == cause.Version
                    ? new CauseEntry(cause.StreamId, cause.Version, upTo[^1].EventTypeName, Subject(upTo[0].Data), Reference(upTo[0].Data),
                        Header(upTo[^1], EventMetadata.UserName) ?? upTo[^1].UserName, Header(upTo[^1], EventMetadata.Role),
                        Header(upTo[^1], EventMetadata.State))
                    : null;
        }

        return page with
        {
            Events = [.. page.Events.Select(e => e.CausationId is { } id && causes.GetValueOrDefault(id) is { } by ? e with { CausedBy = by } : e)],
        };
    }

    private static string? Subject(object start) => start switch
    {
        Flights.FlightPlanned => "Flight",
        CaseOpened => "Case",
        Accountability.IncidentRecorded => "Incident",
        Accountability.MonitorObservationRecorded or Accountability.MonitorReportSubmitted => "MonitorReport",
        _ => null,
    };

    private static string? Reference(object start) => start switch
    {
        Flights.FlightPlanned planned => planned.Reference,
        CaseOpened opened => opened.CaseReference,
        _ => null,
    };

    private static string? Header(IEvent e, string name) => e.Headers?.GetValueOrDefault(name)?.ToString();

    /// <summary>
    /// The GET endpoints' answer: the filters are parsed (400), the stream must start with
    /// <typeparamref name="TStart"/> (404), and <paramref name="forbid"/> — the rule the pages ask too — decides who may read it (403).
    /// </summary>
    public static async Task<IResult> Read<TStart>(IQuerySession session, Guid streamId, string what, string? from,
        string? to, string? type, string? page, string? pageSize, Func<TStart, Text?> forbid, CancellationToken ct)
    {
        var (filter, errors) = HistoryFilter.Parse(from, to, type, page, pageSize);
        if (filter is null)
        {
            return Problems.Invalid(errors);
        }

        return await Page<TStart>(session, streamId, filter, ct) switch
        {
            null => Problems.NotFound(what, streamId),
            var history when forbid(history.Start) is { } forbidden => Problems.Forbidden(forbidden),
            var history => Results.Ok(history.Page),
        };
    }
}
