using System.Globalization;
using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Notifications;

/// <summary>
/// A person's wish to receive their notifications by e-mail too: the address, and the language and zone the e-mails
/// are written in. Their role and state are those of their sign-in when they asked, and decide which notifications
/// reach them. Kept under their user id (the token's subject); removed when they stop.
/// </summary>
public sealed class EmailSubscription
{
    public string Id { get; set; } = "";
    public string Email { get; set; } = "";
    public string Language { get; set; } = "en";
    public string Zone { get; set; } = ReaderZones.London.Id;
    public Role Role { get; set; }
    public State State { get; set; }
    public DateTimeOffset Since { get; set; }

    public CultureInfo Culture() => Languages.Parse(Language) ?? Languages.English;

    public TimeZoneInfo TimeZone() => ReaderZones.Parse(Zone) ?? ReaderZones.London;
}

/// <summary>What a person asks for: an address, and optionally a language (<c>en</c>, <c>fr</c>) and a zone.</summary>
public sealed record SubscribeToEmail(string Email, string? Language = null, string? Zone = null)
{
    public sealed class Validator : AbstractValidator<SubscribeToEmail>
    {
        public Validator()
        {
            RuleFor(s => s.Email).NotEmpty().MaximumLength(254).Must(EmailAddresses.IsPlain)
                .WithMessage(_ => Texts.Get("Validation.Email"));
            RuleFor(s => s.Language).Must(l => l is null || l is "en" or "fr")
                .WithMessage(_ => Texts.Get("Validation.EmailLanguage"));
            RuleFor(s => s.Zone).Must(z => z is null || ReaderZones.Parse(z) is not null)
                .WithMessage(_ => Texts.Format("Validation.Zone", string.Join(", ", ReaderZones.Offered.Select(o => o.Id))));
        }
    }
}

public static class EmailAddresses
{
    /// <summary>One plain address (<c>name@ministry.gov.uk</c>): no display name, no list, a dot in the domain.</summary>
    public static bool IsPlain(string? address) =>
        address is { Length: > 0 } && MimeKit.MailboxAddress.TryParse(address, out var parsed)
        && parsed.Name is null or "" && parsed.Address == address.Trim()
        && parsed.Domain.Contains('.') && !parsed.Domain.StartsWith('.') && !parsed.Domain.EndsWith('.');
}

public static class EmailSubscriptionEndpoints
{
    [WolverineGet("/api/me/email-notifications", OperationId = "GetEmailNotifications",
        Summary = "Whether the caller receives their notifications by e-mail, at which address and in which language")]
    [Authorize(Policy = AccessPolicies.Reader)]
    [ProducesResponseType<EmailSubscription>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(IQuerySession session, ClaimsPrincipal user, CancellationToken ct) =>
        await session.LoadAsync<EmailSubscription>(Actor.From(user).Id, ct) is { } subscription
            ? Results.Ok(subscription)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Texts.Get("Problem.NoEmail.Title"),
                detail: Texts.Get("Problem.NoEmail"));

    [WolverinePut("/api/me/email-notifications", OperationId = "SubscribeToEmailNotifications",
        Summary = "Receive the caller's notifications by e-mail too (language and zone default to the caller's state's)")]
    [Authorize(Policy = AccessPolicies.Reader)]
    [ProducesResponseType<EmailSubscription>(StatusCodes.Status200OK)]
    public static IResult Put(SubscribeToEmail command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock)
    {
        var actor = Actor.From(user);
        var subscription = new EmailSubscription
        {
            Id = actor.Id, Email = command.Email.Trim(), Role = actor.Role, State = actor.State, Since = clock.GetUtcNow(),
            Language = command.Language ?? Languages.Of(actor.State).TwoLetterISOLanguageName,
            Zone = command.Zone ?? ReaderZones.Of(actor.State).Id,
        };
        session.Store(subscription);
        return Results.Ok(subscription);
    }

    [WolverineDelete("/api/me/email-notifications", OperationId = "StopEmailNotifications",
        Summary = "Stop the caller's e-mail notifications; the address is deleted")]
    [Authorize(Policy = AccessPolicies.Reader)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public static IResult Delete(IDocumentSession session, ClaimsPrincipal user)
    {
        session.Delete<EmailSubscription>(Actor.From(user).Id);
        return Results.NoContent();
    }
}
