using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CalaisReturns.Core.Http;
using CalaisReturns.Web;
using MailKit.Net.Smtp;
using MimeKit;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;
using JasperFx.Core;

namespace CalaisReturns.Notifications;

/// <summary>
/// One e-mail to one person, written in their language and zone when the notification was raised. It is stored in the
/// durable outbox with the commit that raised it, so a crash never loses it; <see cref="Id"/> is derived from the
/// notification and the person, so raising it again, or a retry, never sends a second one.
/// </summary>
public sealed record SendEmail(Guid Id, string To, string Language, string Subject, string Body);

/// <summary>That an e-mail was handed to the SMTP server: its id and when; nothing of its content.</summary>
public sealed class SentEmail
{
    public Guid Id { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>Writes the e-mails of a notification, one per person it concerns, each in that person's language and zone.</summary>
public static class Emails
{
    /// <summary>The subscribers in a role of the given states.</summary>
    public static async Task<IReadOnlyList<EmailSubscription>> Subscribers(IQuerySession session, Role role,
        IReadOnlyCollection<State> states, CancellationToken ct) =>
        await session.Query<EmailSubscription>().Where(s => s.Role == role && s.State.In(states.ToArray())).ToListAsync(ct);

    /// <summary>
    /// One e-mail per subscriber: the subject and body written by <paramref name="write"/> in the subscriber's culture and
    /// zone, with the link (if the service's address is known) and the footer saying how to stop them.
    /// </summary>
    public static IReadOnlyList<SendEmail> To(IEnumerable<EmailSubscription> subscribers, EmailSettings settings, string notification,
        Func<(string Subject, string Body, string? Path)> write)
    {
        var emails = new List<SendEmail>();
        if (!settings.Enabled)
        {
            return emails;
        }

        foreach (var subscriber in subscribers)
        {
            using var reader = Reader.As(subscriber.Culture(), subscriber.TimeZone());
            var (subject, body, path) = write();
            var text = new StringBuilder(body).AppendLine().AppendLine();
            if (settings.PublicUrl is { } site && path is not null)
            {
                text.AppendLine(Texts.Format("Email.Open", new Uri(site, path))).AppendLine();
            }

            text.Append(settings.PublicUrl is { } home
                ? Texts.Format("Email.Footer.Link", new Uri(home, NotificationsPage.Path))
                : Texts.Get("Email.Footer"));
            emails.Add(new SendEmail(IdFor(notification, subscriber.Id), subscriber.Email, subscriber.Culture().TwoLetterISOLanguageName,
                subject, text.ToString()));
        }

        return emails;
    }

    /// <summary>The same notification to the same person is the same e-mail.</summary>
    public static Guid IdFor(string notification, string userId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{notification}|{userId}"))[..16]);

    public static MimeMessage Message(SendEmail email, EmailSettings settings)
    {
        var body = new TextPart("plain") { Text = email.Body };
        body.Headers.Add(HeaderId.ContentLanguage, email.Language);
        var message = new MimeMessage { MessageId = $"{email.Id:N}@{settings.Domain}", Subject = email.Subject, Body = body };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        // Tells auto-responders and mail loops this is not a conversation (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }
}

/// <summary>
/// Hands an e-mail to the SMTP server, once. Each is checked against those already sent first; the record that it was
/// sent is committed with the message's handling. Should the process die between the server's acceptance and that
/// commit, the retry sends it again with the same Message-ID, which mail systems treat as the same message.
/// </summary>
public static class SendEmailHandler
{
    /// <summary>An unreachable SMTP server is retried for a day before the e-mail is put aside as dead.</summary>
    public static void Configure(HandlerChain chain) => chain.OnAnyException()
        .RetryWithCooldown(1.Seconds(), 5.Seconds(), 30.Seconds())
        .Then.ScheduleRetry(2.Minutes(), 10.Minutes(), 30.Minutes(), 2.Hours(), 6.Hours(), 12.Hours());

    public static async Task Handle(SendEmail email, IDocumentSession session, EmailSettings settings, TimeProvider clock,
        CancellationToken ct)
    {
        if (await session.LoadAsync<SentEmail>(email.Id, ct) is not null || settings.SmtpHost is not { } host)
        {
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(host, settings.SmtpPort, settings.Security, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }

        await client.SendAsync(Emails.Message(email, settings), ct);
        await client.DisconnectAsync(quit: true, ct);
        session.Store(new SentEmail { Id = email.Id, SentAt = clock.GetUtcNow() });
    }
}
