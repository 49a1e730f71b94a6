using CalaisReturns.Jobs.Notifications;
using CalaisReturns.Notifications;
using Wolverine;

namespace CalaisReturns.Finance.Granting;

/// <summary>Warn the recipient state's finance of grants not claimed as their deadline nears, and once it has passed.</summary>
public sealed record SweepGrantDeadlines;

/// <summary>The recurring Hangfire job (<c>Jobs:GrantSweep</c>, hourly by default): it only sends the command.</summary>
public sealed class GrantDeadlinesJob(IMessageBus bus)
{
    public const string Id = "grant-deadlines";

    public Task Run() => bus.InvokeAsync(new SweepGrantDeadlines());
}

/// <summary>When an unclaimed grant is warned of: pure, so that the rule is tested without a database.</summary>
public static class GrantDeadlines
{
    /// <summary>How long before its claim deadline a grant not yet claimed is warned of (<c>Finance:ClaimDeadlineWarningDays</c>).</summary>
    public static TimeSpan Warning(IConfiguration configuration) =>
        TimeSpan.FromDays(configuration.GetValue("Finance:ClaimDeadlineWarningDays", 14));

    /// <summary>The deadline's last instant: the claim deadline is a day, which ends at midnight UTC.</summary>
    public static DateTimeOffset Passes(Grant grant) =>
        new(grant.ClaimDeadline.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>A grant neither claimed nor rejected: warned once the deadline is nearer than the warning, flagged once passed.</summary>
    public static DeadlineKind? For(Grant grant, TimeSpan warning, DateTimeOffset now) =>
        grant.Status != GrantStatus.Decided ? null
        : now >= Passes(grant) ? DeadlineKind.ClaimDeadlinePassed
        : now >= Passes(grant) - warning ? DeadlineKind.ClaimDeadlineNear
        : null;
}

public static class GrantDeadlinesHandler
{
    /// <summary>
    /// One query for the flights with a grant still to claim; each warning is stored once (its id is the grant, kind and
    /// deadline), with its e-mails to the recipient state's finance staff in the durable outbox in the same commit.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(SweepGrantDeadlines _, IDocumentSession session, TimeProvider clock,
        IConfiguration configuration, EmailSettings email, CancellationToken ct)
    {
        var (now, warning) = (clock.GetUtcNow(), GrantDeadlines.Warning(configuration));
        var flights = await session.Query<FlightLedger>()
            .Where(l => l.Facts.Grants.Any(g => g.Status == GrantStatus.Decided))
            .ToListAsync(ct);
        var due = flights.SelectMany(l => l.Facts.Grants.Select(g => (Flight: l.Facts, Grant: g)))
            .Select(x => (x.Flight, x.Grant, Kind: GrantDeadlines.For(x.Grant, warning, now)))
            .Where(x => x.Kind is not null)
            .Select(x => new ManifestDeadlineApproaching
            {
                Id = ManifestDeadlineApproaching.IdFor(x.Grant.GrantId, x.Kind!.Value, GrantDeadlines.Passes(x.Grant)),
                FlightId = x.Flight.Id, Reference = x.Flight.Reference, Kind = x.Kind.Value,
                DeadlineAt = GrantDeadlines.Passes(x.Grant), RaisedAt = now, States = [x.Grant.Recipient], Audience = Role.Finance,
            })
            .ToList();
        var messages = new OutgoingMessages();
        messages.AddRange(await DeadlineWarnings.Raise(session, due, email, ct));
        return messages;
    }
}
