using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry.Trace;

namespace CalaisReturns.Tests;

/// <summary>
/// The spans the host ends while a test records (the in-memory exporter adds them here); none are kept otherwise,
/// so the rest of the suite does not fill memory with them.
/// </summary>
public sealed class CapturedSpans : ICollection<Activity>
{
    private readonly ConcurrentQueue<Activity> spans = new();
    private volatile bool recording;

    public IReadOnlyList<Activity> Recorded => [.. spans];

    /// <summary>
    /// Samples spans only while a test records: the rest of the suite pays for no span at all (no activity is created
    /// for a request, a statement or a message nobody will read).
    /// </summary>
    public Sampler WhileRecording() => new RecordingSampler(this);

    /// <summary>Records from now until the result is disposed; what an earlier recording kept is dropped.</summary>
    public IDisposable Record()
    {
        spans.Clear();
        recording = true;
        return new Stop(this);
    }

    /// <summary>
    /// The first recorded span that matches, waiting for it: a request's spans end after its answer has reached the
    /// test client, and a policy's later still.
    /// </summary>
    public async Task<Activity> WaitFor(Func<Activity, bool> match, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (spans.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No span {what} was recorded; recorded: "
            + string.Join(", ", spans.Select(s => $"{s.Source.Name} '{s.DisplayName}'")));
    }

    public void Add(Activity item)
    {
        if (recording)
        {
            spans.Enqueue(item);
        }
    }

    public int Count => spans.Count;

    private sealed class RecordingSampler(CapturedSpans spans) : Sampler
    {
        private static readonly SamplingResult Sampled = new(SamplingDecision.RecordAndSample);
        private static readonly SamplingResult Dropped = new(SamplingDecision.Drop);

        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            spans.recording ? Sampled : Dropped;
    }

    public bool IsReadOnly => false;

    public void Clear() => spans.Clear();

    public bool Contains(Activity item) => spans.Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex) => spans.ToArray().CopyTo(array, arrayIndex);

    public bool Remove(Activity item) => throw new NotSupportedException();

    public IEnumerator<Activity> GetEnumerator() => spans.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Stop(CapturedSpans owner) : IDisposable
    {
        public void Dispose() => owner.recording = false;
    }
}
