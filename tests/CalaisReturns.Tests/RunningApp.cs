using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CalaisReturns.Core.Identity;
using Npgsql;

namespace CalaisReturns.Tests;

/// <summary>
/// The application as its own process, as ops/run starts it (its content root, a real port), in a
/// schema of its own: for browser tests and for faults that need a real process to kill. The database is the tests'
/// unless told (a restored one).
/// </summary>
public sealed class RunningApp(string schema, IReadOnlyDictionary<string, string>? settings = null, string? connectionString = null)
    : IAsyncDisposable
{
    private readonly System.Text.StringBuilder _output = new();
    private Process? _process;

    public string Schema { get; } = schema;
    public string ConnectionString { get; } = connectionString ?? AppFixture.ConnectionString;
    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort()}";
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "CalaisReturns.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }

    /// <summary>Starts the process (again, after a kill, on the same port and schema) and waits until it is ready.</summary>
    public async Task StartAsync()
    {
        var root = RepositoryRoot();
        var build = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(root, "src", "CalaisReturns", "bin", build.Parent!.Name, build.Name, "CalaisReturns.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseUrl])
        {
            WorkingDirectory = Path.Combine(root, "src", "CalaisReturns"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Postgres"] = ConnectionString;
        start.Environment["Database__Schema"] = Schema;
        start.Environment["Jobs__RunServer"] = "false";
        start.Environment["Api__WritesPerUserPerMinute"] = "100000";
        start.Environment["Api__ReadsPerUserPerMinute"] = "100000";
        start.Environment["Api__ExpensiveReadsPerUserPerMinute"] = "100000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReady();
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public Task<JsonElement> Post(Actor actor, string url, object body, HttpStatusCode expect = HttpStatusCode.OK) =>
        Expect(Send(actor, HttpMethod.Post, url, body), expect);

    public Task<JsonElement> Put(Actor actor, string url, object body, HttpStatusCode expect = HttpStatusCode.OK) =>
        Expect(Send(actor, HttpMethod.Put, url, body), expect);

    public Task<JsonElement> Get(Actor actor, string url) => Expect(Send(actor, HttpMethod.Get, url), HttpStatusCode.OK);

    /// <summary>One request with a development bearer token for the actor.</summary>
    public async Task<HttpResponseMessage> Send(Actor actor, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, BaseUrl + url) { Content = body is null ? null : JsonContent.Create(body, options: Api.Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Issue(
            new AuthSettings { SigningKey = AuthSettings.DevelopmentKey }, actor, DateTimeOffset.UtcNow, TimeSpan.FromHours(1)));
        return await Http.SendAsync(request);
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Http.Dispose();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (var name in new[] { Schema, Schema + "_hangfire" })
        {
            await using var drop = new NpgsqlCommand($"drop schema if exists {name} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<JsonElement> Expect(Task<HttpResponseMessage> sending, HttpStatusCode expect)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expect,
            $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReady()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The application exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await Http.GetAsync(BaseUrl + "/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The application did not become ready:\n{Output}");
    }

    /// <summary>A port nothing listens on now: taken from the system, then let go.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
