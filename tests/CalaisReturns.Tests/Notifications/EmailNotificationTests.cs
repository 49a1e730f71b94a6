using System.Globalization;
using System.Text.Json.Nodes;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Jobs.ManifestLocking;
using CalaisReturns.Notifications;
using MimeKit;
using Wolverine.Tracking;

namespace CalaisReturns.Tests.Notifications;

/// <summary>
/// Notifications by e-mail, delivered to a real SMTP server and read back: to the people they concern who asked for
/// them, each in their language and zone, never twice, and never with a returnee's name.
/// </summary>
public sealed class EmailNotificationTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private Task Sweep() => Host.InvokeMessageAndWaitAsync(new SweepManifestDeadlines());

    /// <summary>The actor asks for e-mails at a fresh address (in their state's language and zone unless told).</summary>
    private async Task<string> Subscribe(Actor actor, string? language = null, string? zone = null)
    {
        var address = MailCatcher.Address(actor.Id.Replace('.', '-'));
        await App.Put("/api/me/email-notifications", new { email = address, language, zone }, actor: actor);
        return address;
    }

    [Fact]
    public async Task Planners_of_both_states_get_a_deadline_warning_in_their_own_language_and_zone_once()
    {
        var uk = await Subscribe(Actors.UkPlanner);
        var fr = await Subscribe(Actors.FrPlanner);
        var finance = await Subscribe(Actors.Of(Role.Finance, State.UK));
        var flight = await App.BookedFlight();
        var deadline = new ManifestRules().NoticeDeadline(Api.Departure);

        App.Clock.Now = deadline;
        await Sweep();
        await Sweep();

        var english = Assert.Single(await MailCatcher.To(uk));
        Assert.Equal("RF-2026-0001: Notice deadline", english.Subject);
        Assert.Contains($"{TimeZoneInfo.ConvertTime(deadline, London):HH:mm} London", english.TextBody);
        Assert.Contains("can only be reserves", english.TextBody);
        Assert.Contains($"https://returns.test/flights/{flight}", english.TextBody);
        Assert.Contains("https://returns.test/notifications", english.TextBody);
        Assert.Equal("en", english.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Equal("notifications@returns.test", english.From.Mailboxes.Single().Address);

        var french = Assert.Single(await MailCatcher.To(fr));
        Assert.Equal("RF-2026-0001 : Date limite de préavis", french.Subject);
        Assert.Contains($"{TimeZoneInfo.ConvertTime(deadline, Paris):HH:mm} Paris", french.TextBody);
        Assert.Contains("liste de réserve", french.TextBody);
        Assert.Equal("fr", french.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.NotEqual(english.MessageId, french.MessageId);

        Assert.Empty(await MailCatcher.Settled(finance));
        Assert.Single(await MailCatcher.Settled(uk));
    }

    [Fact]
    public async Task A_barrier_that_takes_a_returnee_off_a_flight_is_mailed_to_the_planners_of_the_case_and_of_the_lead_state()
    {
        const string name = "Zéphyrine Quillfeather";
        var uk = await Subscribe(Actors.UkPlanner);
        var fr = await Subscribe(Actors.FrPlanner, language: "en", zone: "UTC");
        var flight = await App.ReadyFlight();
        var person = await App.OpenCase(State.FR, name: name, reference: "FR-44-0001");
        await App.Manifest(flight, person, State.FR);

        await App.AndPolicies(() => App.Post($"/api/cases/{person}/barriers", new { kind = "JudicialReview", reference = "JR-9" },
            actor: Actors.FrPlanner));

        var toLead = Assert.Single(await MailCatcher.To(uk));
        Assert.Equal("RF-2026-0001: case FR-44-0001 withdrawn from the manifest", toLead.Subject);
        Assert.Contains("Case FR-44-0001 (FR) was taken off the manifest of flight RF-2026-0001", toLead.TextBody);
        Assert.Contains("London", toLead.TextBody);
        // The French planner asked for English, in UTC.
        var toCase = Assert.Single(await MailCatcher.To(fr));
        Assert.Contains("UTC", toCase.TextBody);
        foreach (var message in new[] { toLead, toCase })
        {
            Assert.DoesNotContain("Quillfeather", message.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("1990-04-12", message.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_same_email_handled_twice_is_sent_once()
    {
        var to = MailCatcher.Address("retry");
        var email = new SendEmail(Emails.IdFor("test|retry", "someone"), to, "en", "Once", "Sent once.");

        await Host.InvokeMessageAndWaitAsync(email);
        await Host.InvokeMessageAndWaitAsync(email);

        var sent = Assert.Single(await MailCatcher.Settled(to));
        Assert.Equal($"{email.Id:N}@returns.test", sent.MessageId);
    }

    [Fact]
    public async Task A_person_reads_changes_and_stops_their_email_notifications()
    {
        await App.Get("/api/me/email-notifications", 404);
        var address = await Subscribe(Actors.FrPlanner);
        var subscription = await App.GetJson<JsonObject>("/api/me/email-notifications", Actors.FrPlanner);
        Assert.Equal((address, "fr", "Europe/Paris", "Planner", "FR"), ((string?)subscription["email"], (string?)subscription["language"],
            (string?)subscription["zone"], (string?)subscription["role"], (string?)subscription["state"]));

        await App.Delete("/api/me/email-notifications", actor: Actors.FrPlanner);
        await App.Get("/api/me/email-notifications", 404, Actors.FrPlanner);
        await App.BookedFlight();
        App.Clock.Now = new ManifestRules().NoticeDeadline(Api.Departure);
        await Sweep();
        Assert.Empty(await MailCatcher.Settled(address));
    }

    [Theory]
    [InlineData("""{"email": "not an address"}""", "email", "Saisissez une seule adresse électronique")]
    [InlineData("""{"email": "Name <a@b.fr>"}""", "email", "Saisissez une seule adresse électronique")]
    [InlineData("""{"email": "a@b.fr, c@d.fr"}""", "email", "Saisissez une seule adresse électronique")]
    [InlineData("""{"email": "a@b.fr\u0007"}""", "email", "")]
    [InlineData("""{"email": "a@b.fr", "language": "de"}""", "language", "anglais")]
    [InlineData("""{"email": "a@b.fr", "zone": "America/New_York"}""", "zone", "Europe/London")]
    public async Task A_wrong_address_language_or_zone_is_refused_in_the_readers_language_and_nothing_is_kept(string body,
        string field, string message)
    {
        var refused = await App.Put("/api/me/email-notifications", body, 400, Actors.FrPlanner, language: "fr-FR");

        var errors = refused.Problem()["errors"]!.AsObject();
        var reasons = errors.First(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)).Value!.AsArray();
        Assert.Contains(reasons, r => ((string)r!).Contains(message, StringComparison.Ordinal));
        await App.Get("/api/me/email-notifications", 404, Actors.FrPlanner);
    }
}
