using System.Globalization;
using System.Text;
using CalaisReturns.Benchmarks.Append;
using CalaisReturns.Benchmarks.History;
using CalaisReturns.Benchmarks.Reads;
using CalaisReturns.Benchmarks.Rebuild;

namespace CalaisReturns.Benchmarks;

/// <summary>The markdown section ops/bench appends to its results file; every figure is measured in this run.</summary>
public sealed class Report(BenchSettings settings)
{
    private const string Dll = "tests/CalaisReturns.Benchmarks/bin/Release/net10.0/CalaisReturns.Benchmarks.dll";
    private readonly StringBuilder text = new();

    public override string ToString() => text.ToString();

    public void Header()
    {
        Line("## Event store: append, rebuild, reads (tests/CalaisReturns.Benchmarks)");
        Line();
        Line($"Reproduce this section: `{settings.AsEnvironment()} ops/bench`, or without the HTTP part `dotnet build tests/CalaisReturns.Benchmarks -c Release` "
            + $"then `{settings.AsEnvironment()} dotnet {Dll}` (stdout is this section); each part alone as given under it.");
        Line("Marten runs on the app's own StoreOptions (`CalaisStore.ConfigureCalais`). Each figure's baseline is measured in the same run.");
        Line();
    }

    public void Append(IReadOnlyList<AppendResult> results)
    {
        Line("### Append path (benchmark 2)");
        Line();
        Line($"`{settings.AsEnvironment("append")} dotnet {Dll}` — the first {settings.AppendEvents:N0} events of a generated history (flights and cases in time order; "
            + $"single commands: its first {settings.AppendCommands:N0}), appended through a Marten session of the app's store (inline projections, "
            + "metadata, version guard) and as the same rows with Npgsql: one `NpgsqlBatch` per commit (one round trip, implicit transaction) "
            + "of three statements over arrays (insert new streams, version-guarded update of the others, insert the events) "
            + "into tables created `like mt_events/mt_streams including all`.");
        Line();
        Line("| commit | events | commits | Marten events/s | Npgsql batch events/s | Marten / Npgsql "
            + "| without the finance documents events/s | its share of Npgsql | without projections events/s | its share of Npgsql |");
        Line("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            Line($"| {r.Commit} | {r.Events:N0} | {r.Commits:N0} | {r.MartenRate:N0} | {r.RawRate:N0} | **{Percent(r.MartenRate / r.RawRate)}** "
                + $"| {r.WithoutFinanceRate:N0} | {Percent(r.WithoutFinanceRate / r.RawRate)} "
                + $"| {r.EventsOnlyRate:N0} | {Percent(r.EventsOnlyRate / r.RawRate)} |");
        }

        Line();
        Line("Without the finance documents: the same sessions on the app's store less its inline `FlightLedger` and "
            + "`FlightCostShare` projections (the schedule and case summary kept), to show what those two documents — each "
            + "holding every cost line of its flight — cost. "
            + "Without projections: the app's event store settings and event types but none of its projections "
            + "(`CalaisStore.ConfigureCalaisEvents`), to show what the inline projections cost.");
        Line();
        Line("Target (issue 9): Marten at least 60 % of the Npgsql batch.");
        Line();
    }

    public void History(HistoryInfo history)
    {
        Line("### Generated history");
        Line();
        Line($"{history.Events:N0} events in {history.Streams:N0} streams: {history.Years} year(s) from 2016 of about "
            + $"{HistoryGenerator.FlightsPerYear} flights a year, every event decided by the domain's decide "
            + $"functions and manifest policies at its own instant: {history.Profile}. "
            + $"Generated in {history.GenerateSeconds:0} s, appended in {history.AppendSeconds:0} s ({history.Events / history.AppendSeconds:N0} events/s, "
            + "many streams per session)" + (history.Cached ? $"; kept in schema `{history.Schema}` from an earlier run (generator version {HistoryGenerator.Version})." : "."));
        Line();
    }

    public void Rebuild(RebuildResult result)
    {
        Line("### Projection rebuild (benchmark 3)");
        Line();
        Line($"`{settings.AsEnvironment("rebuild")} dotnet {Dll}` — each projection rebuilt by Marten's daemon (`RebuildProjectionAsync`), one after the other "
            + "and then all at once; "
            + "the baseline reads the same rows with Npgsql in sequence order, deserializes them with System.Text.Json and folds them into every "
            + "projection's documents in memory with the projections' own Create/Apply/Evolve, single-threaded, and serializes each final document once (what a rebuild writes); it writes nothing to the database.");
        Line();
        Line("| projection | lifecycle | rebuild s | documents | raw fold: its fold s | raw fold documents |");
        Line("|---|---|---|---|---|---|");
        foreach (var p in result.Projections)
        {
            Line($"| {p.Name} | {p.Lifecycle} | {p.Seconds:0.0} | {p.Documents:N0} | {result.RawFoldSeconds.GetValueOrDefault(p.Name):0.0} "
                + $"| {result.RawDocuments.GetValueOrDefault(p.Name):N0} |");
        }

        Line();
        Line($"One after the other: **{result.MartenSeconds:0} s, {result.Events / result.MartenSeconds:N0} events/s**, "
            + $"{Percent(result.RawSeconds / result.MartenSeconds)} of the raw fold's rate. All at once (as `projections rebuild` runs them): "
            + $"**{result.ConcurrentSeconds:0} s, {result.Events / result.ConcurrentSeconds:N0} events/s**, "
            + $"{Percent(result.RawSeconds / result.ConcurrentSeconds)} of the raw fold's. Raw fold: {result.RawSeconds:0} s, "
            + $"{result.Events / result.RawSeconds:N0} events/s, of which {result.RawReadSeconds:0} s reading and deserializing "
            + $"({result.Events:N0} events). Rebuilt documents equal to the fold's: {result.Compared - result.Different} of {result.Compared} sampled.");
        Line();
        Line("Targets (issue 9): at least 25 % of the raw fold, and the full rebuild under 2 minutes.");
        Line();
    }

    public void Reads(IReadOnlyList<ReadResult> results)
    {
        Line("### Reads (benchmark 4)");
        Line();
        Line($"`{settings.AsEnvironment("reads")} dotnet {Dll}` — the endpoint functions behind the HTTP routes, a fresh query session per run, the answer "
            + "serialized to JSON; varying periods, months and flights; after a warm-up. Without HTTP and authentication (the HTTP mix above has them).");
        Line();
        Line("| query | history | runs | p50 ms | p99 ms | answer |");
        Line("|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            Line($"| {r.Query} | `{r.Schema}` | {r.Runs} | {r.P50:0.0} | {r.P99:0.0} | {r.MeanBytes / 1024:N0} KiB |");
        }

        Line();
    }

    private static string Percent(double ratio) => (100 * ratio).ToString("0", CultureInfo.InvariantCulture) + " %";

    private void Line(string line = "") => text.AppendLine(line);
}
