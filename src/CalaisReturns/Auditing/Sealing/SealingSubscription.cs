using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten.Subscriptions;

namespace CalaisReturns.Auditing.Sealing;

/// <summary>
/// Seals every event, in sequence order, onto its stream's chain. A subscription, not a projection:
/// rebuilding projections never touches it, so a tampered event can never be re-sealed.
/// </summary>
public sealed class SealingSubscription : SubscriptionBase
{
    public SealingSubscription() => Name = "EventSealing";

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken ct)
    {
        var ids = page.Events.Select(e => e.StreamId).Distinct().ToArray();
        var chains = (await operations.LoadManyAsync<StreamSeals>(ct, ids)).ToDictionary(s => s.Id);
        foreach (var e in page.Events.OrderBy(e => e.Sequence))
        {
            if (!chains.TryGetValue(e.StreamId, out var chain))
            {
                chains[e.StreamId] = chain = new StreamSeals { Id = e.StreamId };
            }

            // Sealed already (a batch handed over twice): sealing is idempotent.
            if (chain.Links.Count > 0 && chain.Links[^1].Version >= e.Version)
            {
                continue;
            }

            chain.Links.Add(Seals.Seal(e, chain.Head));
        }

        operations.Store(chains.Values.ToArray());
        return NullChangeListener.Instance;
    }
}
