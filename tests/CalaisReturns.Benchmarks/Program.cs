using CalaisReturns.Benchmarks;
using CalaisReturns.Benchmarks.Append;
using CalaisReturns.Benchmarks.Floor;
using CalaisReturns.Benchmarks.History;
using CalaisReturns.Benchmarks.Reads;
using CalaisReturns.Benchmarks.Rebuild;

// Benchmarks 2–4 of issue 9 against the local PostgreSQL; run by ops/bench after its HTTP part.
// Settings come from the environment (BenchSettings); the markdown report goes to stdout, progress to stderr.
// `floor <url>` instead serves the HTTP benchmark's floor (FloorServer) until stopped; `profile` generates the
// history BENCH_EVENTS asks for and prints what it holds, without storing it.
var settings = BenchSettings.FromEnvironment();
if (args is ["floor", var floorUrl])
{
    await FloorServer.RunAsync(settings.Connection, floorUrl);
    return;
}

if (args is ["profile"])
{
    var generator = new HistoryGenerator(settings.Years, settings.Seed, BenchStores.Rules);
    var generated = generator.Generate();
    Console.WriteLine($"{generated.Count:N0} events in {settings.Years} year(s), {generator.Simulation.Refusals.Values.Sum()} commands refused "
        + $"({string.Join(", ", generator.Simulation.Refusals.Select(r => $"{r.Key} {r.Value}"))}), {generator.ManifestMisses} manifest misses: "
        + HistoryProfile.Of(generated).Describe());
    return;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;
var report = new Report(settings);
report.Header();

if (settings.Runs("append"))
{
    var append = new AppendBench(settings.Connection, settings);
    report.Append(await append.RunAsync(ct));
    if (settings.Runs("rebuild"))
    {
        // The small appended history warms up the rebuild path (JIT, pools) before it is measured.
        Log.Write("rebuild: warm-up on the append schema");
        await new RebuildBench(settings.Connection).RunAsync(append.Schema, ct);
    }

    await BenchStores.ExecuteAsync(settings.Connection, $"drop schema if exists {append.Schema} cascade", ct);
}

if (settings.Runs("history") || settings.Runs("rebuild") || settings.Runs("reads"))
{
    var history = await new HistoryDatabase(settings.Connection, settings.Years, settings.Seed).EnsureAsync(ct);
    report.History(history);
    if (settings.Runs("rebuild"))
    {
        report.Rebuild(await new RebuildBench(settings.Connection).RunAsync(history.Schema, ct));
    }

    if (settings.Runs("reads"))
    {
        var reads = new ReadBench(settings.Connection);
        var results = (await reads.RunAsync(history.Schema, settings.Years, settings.ReadRuns, ct)).ToList();
        // As-of reports replay every flight of the period from its events: measured at one year's volume,
        // and at the full history too when it is larger.
        var year = settings.Years == 1 ? history : await new HistoryDatabase(settings.Connection, 1, settings.Seed).EnsureAsync(ct);
        results.Add(await reads.AsOfAsync(year.Schema, 1, Math.Max(10, settings.ReadRuns / 10), ct));
        if (settings.Years > 1)
        {
            results.Add(await reads.AsOfAsync(history.Schema, settings.Years, Math.Max(5, settings.ReadRuns / 20), ct));
        }

        report.Reads(results);
    }
}

Console.Write(report.ToString());
