using CalaisReturns.Auditing.Checkpoints;
using CalaisReturns.Auditing.Sealing;

namespace CalaisReturns.Auditing;

public static class AuditingModule
{
    /// <summary>The checkpoint and seal keys are read at start-up: a host without them does not start.</summary>
    public static IServiceCollection AddAuditing(this IServiceCollection services, IConfiguration configuration, Sealer sealer) =>
        services.AddSingleton(new CheckpointSigner(configuration)).AddSingleton(sealer);

    public static StoreOptions ConfigureAuditing(this StoreOptions options, Sealer sealer)
    {
        options.Listeners.Add(new SealingListener(sealer));
        options.Schema.For<PersonalSalt>();
        return options;
    }
}
