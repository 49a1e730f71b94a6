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
        // Registered, so that db-apply creates their tables before a production host (which creates none) needs them.
        options.Schema.For<PersonalSalt>();
        options.Schema.For<Verifying.VerificationMark>();
        options.Schema.For<Checkpoints.StoredCheckpoint>();
        options.Schema.For<Web.EndedSession>();
        return options;
    }
}
