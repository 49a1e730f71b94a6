using MailKit.Security;

namespace CalaisReturns.Notifications;

/// <summary>
/// The SMTP server notifications are sent through (<c>Email</c> section). Without <c>Email:SmtpHost</c> no e-mail is
/// written or sent; the notifications stay on the pages.
/// </summary>
public sealed class EmailSettings
{
    public const string Section = "Email";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary><c>StartTls</c> (the default), <c>SslOnConnect</c>, or <c>None</c> for a relay on the same host.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender: <c>CalaisReturns &lt;no-reply@returns.example&gt;</c>.</summary>
    public string From { get; set; } = "CalaisReturns <no-reply@calais-returns.invalid>";

    /// <summary>The address people open the service at, for the links in an e-mail; none without it.</summary>
    public Uri? PublicUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost);

    /// <summary>The domain of the message ids: the sender's.</summary>
    public string Domain => MimeKit.MailboxAddress.Parse(From).Domain;

    public static EmailSettings Read(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<EmailSettings>() ?? new EmailSettings();
}
