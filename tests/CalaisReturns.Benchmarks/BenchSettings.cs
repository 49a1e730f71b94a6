namespace CalaisReturns.Benchmarks;

/// <summary>What to run, from the environment (ops/bench passes it through).</summary>
public sealed record BenchSettings(
    string Connection,
    long Events,
    IReadOnlySet<string> Parts,
    int Seed,
    int AppendEvents,
    int AppendCommands,
    int ReadRuns)
{
    /// <summary>A year of the generated history holds about this many events (400 flights, 4,000 cases).</summary>
    public const int EventsPerYear = 200_000;

    /// <summary>Years of history for <see cref="Events"/>: 10 for the default 2 M.</summary>
    public int Years => (int)Math.Max(1, Math.Round((double)Events / EventsPerYear));

    /// <summary>The settings as environment variables: BENCH_EVENTS and whatever differs from the defaults.</summary>
    public string AsEnvironment(string? parts = null)
    {
        var defaults = FromEnvironment(_ => null);
        var variables = new List<string> { $"BENCH_EVENTS={Events}" };
        var chosen = parts ?? string.Join(',', Parts);
        if (parts is not null || !Parts.SetEquals(defaults.Parts))
        {
            variables.Add($"BENCH_PARTS={chosen}");
        }

        foreach (var (name, value, otherwise) in new[]
        {
            ("BENCH_SEED", Seed, defaults.Seed), ("BENCH_APPEND_EVENTS", AppendEvents, defaults.AppendEvents),
            ("BENCH_APPEND_COMMANDS", AppendCommands, defaults.AppendCommands), ("BENCH_READ_RUNS", ReadRuns, defaults.ReadRuns),
        })
        {
            if (value != otherwise)
            {
                variables.Add($"{name}={value}");
            }
        }

        return string.Join(' ', variables);
    }

    public bool Runs(string part) => Parts.Contains(part) && (part == "append" || Events > 0);

    public static BenchSettings FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    private static BenchSettings FromEnvironment(Func<string, string?> variable)
    {
        long Number(string name, long otherwise) => long.TryParse(variable(name), out var value) ? value : otherwise;
        return new BenchSettings(
            variable("ConnectionStrings__Postgres") ?? "Host=localhost;Port=5432;Database=calais_returns_bench;Username=calais;Password=calais;SSL Mode=Disable",
            Number("BENCH_EVENTS", 2_000_000),
            (variable("BENCH_PARTS") ?? "append,rebuild,reads")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(),
            (int)Number("BENCH_SEED", 9),
            (int)Number("BENCH_APPEND_EVENTS", 20_000),
            (int)Number("BENCH_APPEND_COMMANDS", 2_000),
            (int)Number("BENCH_READ_RUNS", 200));
    }
}
