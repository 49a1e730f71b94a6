using CalaisReturns.Auditing.Sealing;

namespace CalaisReturns.Auditing;

public static class AuditingModule
{
    public static StoreOptions ConfigureAuditing(this StoreOptions options)
    {
        options.Events.Subscribe(new SealingSubscription());
        return options;
    }
}
