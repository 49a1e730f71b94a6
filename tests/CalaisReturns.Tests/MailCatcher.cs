using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;

namespace CalaisReturns.Tests;

/// <summary>
/// The local SMTP server that ops/test starts (smtp4dev): the e-mails it received, read back through its API as the
/// MIME messages they were. Each test writes to addresses of its own, so tests never see each other's mail.
/// </summary>
public static class MailCatcher
{
    public static string SmtpHost => Environment.GetEnvironmentVariable("Email__SmtpHost") ?? "127.0.0.1";

    public static string SmtpPort => Environment.GetEnvironmentVariable("Email__SmtpPort") ?? "2525";

    private static readonly Uri Api = new(Environment.GetEnvironmentVariable("CALAIS_MAIL_API") ?? "http://127.0.0.1:5081");

    private static readonly HttpClient Http = new() { BaseAddress = Api, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>A fresh address for a test's recipient.</summary>
    public static string Address(string who) => $"{who}-{Guid.NewGuid():N}@returns.test";

    /// <summary>The messages delivered to the address, waiting until there are at least <paramref name="expected"/>.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> To(string address, int expected = 1, int withinSeconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(withinSeconds);
        while (true)
        {
            var found = await Delivered(address);
            if (found.Count >= expected || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The messages delivered to the address by now (after a moment for any in flight to land).</summary>
    public static async Task<IReadOnlyList<MimeMessage>> Settled(string address)
    {
        await Task.Delay(1_000);
        return await Delivered(address);
    }

    private static async Task<IReadOnlyList<MimeMessage>> Delivered(string address)
    {
        JsonElement page;
        try
        {
            page = await Http.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=5000");
        }
        catch (HttpRequestException e)
        {
            throw new InvalidOperationException($"No SMTP server to read mail from at {Api}: run the tests with ops/test, which starts one.", e);
        }

        var messages = new List<MimeMessage>();
        foreach (var summary in page.GetProperty("results").EnumerateArray()
                     .Where(m => m.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetString(), address, StringComparison.OrdinalIgnoreCase))))
        {
            await using var raw = await Http.GetStreamAsync($"/api/messages/{summary.GetProperty("id").GetString()}/raw");
            messages.Add(await MimeMessage.LoadAsync(raw));
        }

        return messages;
    }
}
