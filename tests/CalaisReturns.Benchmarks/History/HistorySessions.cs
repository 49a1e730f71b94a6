using CalaisReturns.Cases;
using CalaisReturns.Cases.Erasing;
using CalaisReturns.Core.Identity;
using CalaisReturns.Flights;
using JasperFx.Events;

namespace CalaisReturns.Benchmarks.History;

/// <summary>How a generated history is put on Marten sessions, as the app's write path would have put it.</summary>
public static class HistorySessions
{
    /// <summary>
    /// Puts events on the session stream by stream: a new stream is started with its aggregate type, an
    /// existing one is appended to at the version it was at (the guard the app's FetchForWriting sets),
    /// and every event carries its own instant and the metadata the app stamps on it.
    /// </summary>
    public static void Enlist(IDocumentSession session, IEnumerable<HistoryEvent> events)
    {
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            var first = stream.First();
            var data = stream.Select(e => e.Data).ToArray();
            // Marten's expected version is the stream's version once these events are appended.
            var action = first.Version > 1 ? session.Events.Append(first.StreamId, first.Version - 1 + data.Length, data)
                : first.Kind == StreamKind.Flight ? session.Events.StartStream<Flight>(first.StreamId, data)
                : session.Events.StartStream<ReturneeCase>(first.StreamId, data);
            foreach (var (e, recorded) in action.Events.Zip(stream))
            {
                Stamp(e, recorded);
            }
        }
    }

    /// <summary>What <c>EventMetadata</c> and the erasure's masking leave on a stored event.</summary>
    public static void Stamp(IEvent e, HistoryEvent recorded)
    {
        e.Timestamp = recorded.At;
        e.UserName = recorded.Stamp.UserId;
        e.CorrelationId = recorded.CorrelationId;
        foreach (var (name, value) in Headers(recorded))
        {
            e.SetHeader(name, value);
        }
    }

    public static IEnumerable<(string Name, string Value)> Headers(HistoryEvent recorded)
    {
        yield return (EventMetadata.UserName, recorded.Stamp.UserName);
        yield return (EventMetadata.Role, recorded.Stamp.Role);
        if (recorded.Stamp.State is { } state)
        {
            yield return (EventMetadata.State, state);
        }

        if (recorded.ErasedAt is { } erased)
        {
            yield return (CalaisReturns.Auditing.Sealing.Seals.ErasedHeader, erased.ToString("O"));
        }
    }

    /// <summary>
    /// Cuts the history into sessions of at most <paramref name="maxEvents"/> events. A session stores
    /// each stream's events together, so within it the sequence follows streams, not time. A session is
    /// cut early where that would put an event about a case before an earlier one about the same case
    /// on another stream (its manifesting before its opening, say), which no real history can show.
    /// </summary>
    public static IEnumerable<List<HistoryEvent>> Cut(IReadOnlyList<HistoryEvent> events, int maxEvents)
    {
        var batch = new List<HistoryEvent>();
        var position = new Dictionary<Guid, int>();
        var lastStreamOfCase = new Dictionary<Guid, Guid>();
        foreach (var e in events)
        {
            var about = CaseOf(e);
            var reordered = about is { } id && lastStreamOfCase.TryGetValue(id, out var last) && last != e.StreamId
                && position.TryGetValue(e.StreamId, out var mine) && mine < position[last];
            if (batch.Count == maxEvents || reordered)
            {
                yield return batch;
                batch = [];
                position.Clear();
                lastStreamOfCase.Clear();
            }

            batch.Add(e);
            position.TryAdd(e.StreamId, position.Count);
            if (about is { } caseId)
            {
                lastStreamOfCase[caseId] = e.StreamId;
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static Guid? CaseOf(HistoryEvent e) => e.Kind == StreamKind.Case ? e.StreamId : e.Data switch
    {
        ReturneeManifested m => m.CaseId,
        ReturneeWithdrawn w => w.CaseId,
        ReserveConfirmed r => r.CaseId,
        ReturneeMovedToReserve r => r.CaseId,
        _ => null,
    };
}
