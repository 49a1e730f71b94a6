using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CalaisReturns.Tests.Faults;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb in a temporary folder, its own loopback port), so
/// that a test may crash and restart the database without touching the one the other tests use.
/// </summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private static readonly string Bin = Directory.GetDirectories("/usr/lib/postgresql").Order().Last() + "/bin";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "calais-pg-" + Guid.NewGuid().ToString("N")[..8]);

    public int Port { get; } = FreePort();

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Database=postgres;Username=postgres;Timeout=3;Command Timeout=10";

    public async Task StartAsync()
    {
        Directory.CreateDirectory(_data);
        await Run("chown", "postgres:postgres", _data);
        await AsPostgres("initdb", "-D", _data, "-A", "trust", "-U", "postgres", "--no-sync");
        await Pg("start");
    }

    /// <summary><c>pg_ctl stop -m immediate</c>: no checkpoint, every backend killed, as a power cut.</summary>
    public Task CrashAsync() => AsPostgres("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");

    public Task RestartAsync() => Pg("start");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgres("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_data, recursive: true);
    }

    private Task Pg(string action) => AsPostgres("pg_ctl", "-D", _data, "-w", "-l", Path.Combine(_data, "log"),
        "-o", $"-p {Port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=on", action);

    private static Task AsPostgres(string program, params string[] args) =>
        Run("runuser", ["-u", "postgres", "--", Path.Combine(Bin, program), .. args]);

    private static async Task Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)}: {await output}{await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
