using CalaisReturns.Auditing.Checkpoints;
using CalaisReturns.Auditing.Sealing;

namespace CalaisReturns.Auditing;

public static class AuditingModule
{
    /// <summary>The checkpoint key is read at start-up: a host without one does not start.</summary>
    public static IServiceCollection AddAuditing(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(new CheckpointSigner(configuration));

    public static StoreOptions ConfigureAuditing(this StoreOptions options)
    {
        options.Events.Subscribe(new SealingSubscription());
        return options;
    }
}
