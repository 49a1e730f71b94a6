using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CalaisReturns.Core;
using CalaisReturns.Tests.Faults;

namespace CalaisReturns.Tests.Core.Telemetry;

/// <summary>
/// With <c>OpenTelemetry:Endpoint</c> set, the app sends its traces, metrics and logs by OTLP: here to a collector of the
/// test's own (OTLP over HTTP), which records what each signal's path received.
/// </summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly HttpListener collector = new();
    private readonly ConcurrentQueue<(string Path, string ContentType, int Bytes)> received = new();
    private readonly int port = RunningApp.FreePort();
    private readonly RunningApp app;
    private Task? listening;

    public OtlpExportTests()
    {
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        app = new RunningApp("o_" + Guid.NewGuid().ToString("N")[..10], new Dictionary<string, string>
        {
            ["OpenTelemetry__Endpoint"] = $"http://127.0.0.1:{port}",
            ["OpenTelemetry__Protocol"] = "HttpProtobuf",
            // Export within a second rather than the SDK's 5 s (spans, logs) and 60 s (metrics).
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
    }

    public async Task InitializeAsync()
    {
        collector.Start();
        listening = Task.Run(Receive);
        await app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        collector.Stop();
        collector.Close();
        if (listening is not null)
        {
            await listening;
        }
    }

    [Fact]
    public async Task Traces_metrics_and_logs_reach_the_configured_collector()
    {
        await app.Post(Actors.UkPlanner, "/api/flights", Api.Plan(departure: DateTimeOffset.UtcNow.AddDays(30)), HttpStatusCode.Created);

        await Waits.Until(() => Task.FromResult(new[] { "/v1/traces", "/v1/metrics", "/v1/logs" }
                .All(path => received.Any(r => r.Path == path && r.Bytes > 0))),
            $"Not every signal arrived; received: {string.Join(", ", received.Select(r => r.Path).Distinct())}", TimeSpan.FromSeconds(30));
        Assert.All(received, r => Assert.Equal("application/x-protobuf", r.ContentType));
    }

    private async Task Receive()
    {
        while (collector.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await collector.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "", (int)body.Length));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                // The app was killed while it sent (the test's end): that export is simply not received.
            }
        }
    }
}
