namespace CalaisReturns.Benchmarks.History;

public enum StreamKind
{
    Flight,
    Case,
}

/// <summary>Who gave a command, stamped on its events as the app's <c>EventMetadata</c> does.</summary>
public sealed record Stamp(string UserId, string UserName, string Role, string? State);

/// <summary>One event of a generated history, with the time and metadata the app would have given it.</summary>
/// <param name="Command">Events of one decision share it: they were appended together.</param>
/// <param name="ErasedAt">Set on a <c>CaseOpened</c> whose personal data was masked after the erasure.</param>
public sealed record HistoryEvent(
    Guid StreamId,
    StreamKind Kind,
    long Version,
    object Data,
    DateTimeOffset At,
    Stamp Stamp,
    string CorrelationId,
    int Command,
    DateTimeOffset? ErasedAt = null);

/// <summary>
/// A discrete-event simulation: actions run in time order, each may decide (through the domain's own
/// decide functions) and schedule later actions. Seeded, so the same settings give the same history.
/// </summary>
public sealed class Simulation(int seed)
{
    private readonly PriorityQueue<Action, (DateTimeOffset At, long Order)> agenda = new();
    private long order;

    public Random Random { get; } = new(seed);

    public DateTimeOffset Now { get; private set; }

    public List<HistoryEvent> Events { get; } = [];

    public int Commands { get; private set; }

    /// <summary>Commands a decide function refused, by command: a few are expected, many mean a generator bug.</summary>
    public SortedDictionary<string, int> Refusals { get; } = [];

    public void At(DateTimeOffset when, Action action) => agenda.Enqueue(action, (when < Now ? Now : when, order++));

    public void Run()
    {
        while (agenda.TryDequeue(out var action, out var key))
        {
            Now = key.At;
            action();
        }
    }

    /// <summary>Appends an accepted decision's events to the stream; counts a refusal.</summary>
    public IReadOnlyList<object> Record(StreamRun stream, Decision decision, Stamp stamp, string command)
    {
        if (decision.Refusal is not null)
        {
            Refusals[command] = Refusals.GetValueOrDefault(command) + 1;
            return [];
        }

        if (decision.Events.Count == 0)
        {
            return [];
        }

        Commands++;
        var correlation = Convert.ToHexStringLower(Bytes(8));
        foreach (var e in decision.Events)
        {
            stream.Version++;
            stream.Fold(e);
            Events.Add(new HistoryEvent(stream.Id, stream.Kind, stream.Version, e, Now, stamp, correlation, Commands));
        }

        return decision.Events;
    }

    /// <summary>A version 7 UUID for the current instant, from the seeded generator.</summary>
    public Guid NewId()
    {
        var bytes = Bytes(16);
        var ms = Now.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (40 - 8 * i));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    public bool Chance(double p) => Random.NextDouble() < p;

    public int Between(int min, int max) => Random.Next(min, max + 1);

    public TimeSpan Days(double min, double max) => TimeSpan.FromMinutes(Math.Round((min + Random.NextDouble() * (max - min)) * 1440));

    public decimal Amount(decimal min, decimal max) => decimal.Round(min + (decimal)Random.NextDouble() * (max - min), 2);

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        Random.NextBytes(bytes);
        return bytes;
    }
}
