using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.Playwright;
using Npgsql;

namespace CalaisReturns.Tests.Web;

/// <summary>
/// The application as people meet it: its own process on a real port (its content root, its pages
/// and static files), in a schema of its own, driven by Debian's Chromium through Playwright.
/// Data the tests only need to exist is made through the HTTP API with bearer tokens.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Role, State, string), string> _signedIn = new();
    private Process? _app;
    private IPlaywright? _playwright;
    private readonly System.Text.StringBuilder _output = new();

    public string Schema { get; } = "w_" + Guid.NewGuid().ToString("N")[..10];
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    /// <summary>Screenshots of the main pages go with the test results (ops/test: TestResults/screenshots).</summary>
    public static string Screenshots { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var root = RepositoryRoot();
        var build = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(root, "src", "CalaisReturns", "bin", build.Parent!.Name, build.Name, "CalaisReturns.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseUrl])
        {
            // The content root, as ops/run starts it: configuration files and the static files.
            WorkingDirectory = Path.Combine(root, "src", "CalaisReturns"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Postgres"] = AppFixture.ConnectionString;
        start.Environment["Database__Schema"] = Schema;
        start.Environment["Jobs__RunServer"] = "false";
        // The demo flights and cases give the pages under test something to show, as ops/run does.
        start.Environment["Demo__Seed"] = "true";
        start.Environment["Api__WritesPerUserPerMinute"] = "100000";
        _app = Process.Start(start)!;
        _app.OutputDataReceived += (_, e) => Append(e.Data);
        _app.ErrorDataReceived += (_, e) => Append(e.Data);
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        await WaitUntilReady();

        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: ops/test installs Debian's chromium package.");
        }

        // Generous waits: on a busy 2-core CI machine a first call may compile its handler chain.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Running as root in CI: Chromium's sandbox needs user namespaces it may not have.
            Args = ["--no-sandbox"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A fresh browser context (its own cookies) at a given window width.</summary>
    public async Task<IPage> NewPage(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(Options(width, null, height));
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    private BrowserNewContextOptions Options(int width, string? storageState, int height = 900) => new()
    {
        BaseURL = BaseUrl,
        ViewportSize = new ViewportSize { Width = width, Height = height },
        AcceptDownloads = true,
        Locale = "en-GB",
        TimezoneId = "UTC",
        StorageState = storageState,
    };

    /// <summary>
    /// Signs in on the development sign-in page. The same person signing in again gets a new
    /// browser carrying the cookies of the first sign-in, as a returning browser would.
    /// </summary>
    public async Task<IPage> SignedIn(Role role, State state, string name, int width = 1280)
    {
        if (_signedIn.TryGetValue((role, state, name), out var storage))
        {
            var again = await Browser.NewContextAsync(Options(width, storage));
            again.SetDefaultTimeout(30_000);
            var home = await again.NewPageAsync();
            await home.GotoAsync("/");
            return home;
        }

        var page = await NewPage(width);
        await page.GotoAsync("/signin");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Role").SelectOptionAsync(role.ToString());
        await page.GetByLabel("State").SelectOptionAsync(state.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin"));
        _signedIn[(role, state, name)] = await page.Context.StorageStateAsync();
        return page;
    }

    /// <summary>Calls the API with a development bearer token for the actor; returns the JSON answer.</summary>
    public Task<JsonElement> Api(Actor actor, string url, object body, HttpStatusCode expect = HttpStatusCode.OK) =>
        Send(actor, new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) }, expect);

    public Task<JsonElement> Get(Actor actor, string url) =>
        Send(actor, new HttpRequestMessage(HttpMethod.Get, url), HttpStatusCode.OK);

    private async Task<JsonElement> Send(Actor actor, HttpRequestMessage request, HttpStatusCode expect)
    {
        using var _ = request;
        var url = request.RequestUri;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Issue(
            new AuthSettings { SigningKey = AuthSettings.DevelopmentKey }, actor, DateTimeOffset.UtcNow, TimeSpan.FromHours(1)));
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expect, $"{request.Method} {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
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

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Http?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }

        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        foreach (var schema in new[] { Schema, Schema + "_hangfire" })
        {
            await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
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
            if (_app!.HasExited)
            {
                throw new InvalidOperationException($"The application exited with {_app.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await Http.GetAsync("/health/ready")).IsSuccessStatusCode)
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "CalaisReturns.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
