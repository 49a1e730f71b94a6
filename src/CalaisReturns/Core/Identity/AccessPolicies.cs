
namespace CalaisReturns.Core.Identity;

/// <summary>
/// Endpoint policies: the role a caller needs. Whether the caller's <em>state</em> may act on a
/// particular flight depends on the flight, so that check is made where the flight is loaded.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Any known role of either state but a monitor: read-only views.</summary>
    public const string Reader = "reader";

    /// <summary>A reader or a monitor: one flight's views, where the endpoint checks the monitor's assignment.</summary>
    public const string FlightReader = "flight-reader";

    /// <summary>A monitor with an organisation: the monitor's report.</summary>
    public const string Monitor = "monitor";

    /// <summary>Planners and escort leaders: what happens on board.</summary>
    public const string Crew = "crew";

    /// <summary>The accountability reports' figures: planners (their states' flights), auditors and admins.</summary>
    public const string AccountabilityReader = "accountability-reader";

    public const string Planner = "planner";

    /// <summary>Those deadline warnings are raised for: planners (flights, incidents, reports) and finance (grants).</summary>
    public const string Warned = "warned";

    public const string Finance = "finance";

    /// <summary>Verification and checkpoints of the stored history: auditors and admins.</summary>
    public const string AuditReader = "audit-reader";

    /// <summary>Money is for finance staff, auditors and admins: planners see no money.</summary>
    public const string MoneyReader = "money-reader";

    /// <summary>Operating the service: the jobs dashboard, the metrics scrape.</summary>
    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        string[] readers = [.. Enum.GetNames<Role>().Where(r => r != nameof(Role.Monitor))];
        options.AddPolicy(Reader, p => Known(p).RequireClaim(Claims.Role, readers));
        options.AddPolicy(FlightReader, p => Known(p).RequireClaim(Claims.Role, Enum.GetNames<Role>()));
        options.AddPolicy(Monitor, p => Known(p).RequireClaim(Claims.Role, nameof(Role.Monitor)).RequireClaim(Claims.Organisation));
        options.AddPolicy(AccountabilityReader, p => Known(p).RequireClaim(Claims.Role, nameof(Role.Planner), nameof(Role.Auditor),
            nameof(Role.Admin)));
        options.AddPolicy(Crew, p => Known(p).RequireClaim(Claims.Role, nameof(Role.Planner), nameof(Role.EscortLeader)));
        options.AddPolicy(Planner, p => Known(p).RequireClaim(Claims.Role, nameof(Role.Planner)));
        options.AddPolicy(Warned, p => Known(p).RequireClaim(Claims.Role, nameof(Role.Planner), nameof(Role.Finance)));
        options.AddPolicy(Finance, p => Known(p).RequireClaim(Claims.Role, nameof(Role.Finance)));
        options.AddPolicy(AuditReader, p => Known(p).RequireClaim(Claims.Role, nameof(Role.Auditor), nameof(Role.Admin)));
        options.AddPolicy(Admin, p => Known(p).RequireClaim(Claims.Role, nameof(Role.Admin)));
        options.AddPolicy(MoneyReader, p => Known(p).RequireClaim(Claims.Role, nameof(Role.Finance), nameof(Role.Auditor),
            nameof(Role.Admin)));
        // An endpoint that forgets to declare a policy still refuses anonymous callers.
        options.FallbackPolicy = Known(new AuthorizationPolicyBuilder()).Build();
    }

    private static AuthorizationPolicyBuilder Known(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser()
            .RequireClaim(Claims.Subject)
            .RequireClaim(Claims.State, Enum.GetNames<State>());
}
