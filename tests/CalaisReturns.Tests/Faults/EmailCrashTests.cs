using System.Net;
using System.Net.Sockets;
using CalaisReturns.Core;
using Npgsql;

namespace CalaisReturns.Tests.Faults;

/// <summary>
/// A deadline warning's e-mail is raised while the SMTP server cannot be reached, and the process is then killed with
/// the e-mail still unsent: after the restart, with the server back, it is delivered exactly once.
/// </summary>
public sealed class EmailCrashTests : IAsyncLifetime
{
    private readonly Dictionary<string, string> settings = new()
    {
        ["Jobs__RunServer"] = "true",
        ["Jobs__DeadlineSweep"] = "*/2 * * * * *",
        ["Jobs__SchedulePollingInterval"] = "00:00:01",
        ["Email__SmtpHost"] = MailCatcher.SmtpHost,
        ["Email__SmtpPort"] = RunningApp.FreePort().ToString(),
        ["Email__Security"] = "None",
    };

    private readonly RunningApp app;

    public EmailCrashTests() => app = new RunningApp("m_" + Guid.NewGuid().ToString("N")[..10], settings);

    public Task InitializeAsync() => app.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task An_email_the_smtp_server_could_not_take_before_a_crash_is_sent_once_after_the_restart()
    {
        var address = MailCatcher.Address("uk-planner");
        await app.Put(Actors.UkPlanner, "/api/me/email-notifications", new { email = address });
        // Two days ahead: the notice deadline has passed and the lock is less than 48 hours away, so the next sweep warns of both.
        var departure = DateTimeOffset.UtcNow.AddDays(2);
        await app.Post(Actors.UkPlanner, "/api/flights", Api.Plan(states: [State.UK], departure: departure), HttpStatusCode.Created);

        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await Waits.Until(async () => await connection.Scalar(
                $"select count(*) from {app.Schema}.wolverine_incoming_envelopes where message_type like '%SendEmail%'") > 0,
            "the warning's e-mail was never stored", TimeSpan.FromSeconds(30));
        // Its first attempts fail: nothing listens on the configured port.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await app.KillAsync();
        Assert.Empty(await MailCatcher.Settled(address));

        settings["Email__SmtpPort"] = MailCatcher.SmtpPort;
        await app.StartAsync();

        // Both warnings are due (the notice deadline has passed; the lock is within 48 hours), one e-mail each.
        Assert.Equal(2, (await MailCatcher.To(address, expected: 2, withinSeconds: 90)).Count);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var delivered = await MailCatcher.Settled(address);
        Assert.Equal(["RF-2026-0001: Manifest lock in 48 hours", "RF-2026-0001: Notice deadline"],
            delivered.Select(m => m.Subject).Order(StringComparer.Ordinal));
    }
}
