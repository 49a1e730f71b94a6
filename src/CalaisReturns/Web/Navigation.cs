namespace CalaisReturns.Web;

/// <summary>The main menu: only the places the person's role may open, with the keys of their labels in <see cref="Texts"/>.</summary>
public static class Navigation
{
    public static IReadOnlyList<(string Href, string Label)> For(Actor actor) => actor.Role switch
    {
        Role.Planner => [("/schedule", "Nav.Schedule"), ("/cases", "Nav.Cases"), ("/officers", "Nav.Officers"),
            ("/complaints", "Nav.Complaints"), ("/accountability", "Nav.Accountability")],
        Role.Finance => [("/schedule", "Nav.Schedule"), ("/finance", "Nav.CostShares"), ("/finance/report", "Nav.PeriodReport")],
        Role.EscortLeader => [("/schedule", "Nav.Schedule")],
        Role.Monitor => [("/monitoring", "Nav.Monitoring")],
        Role.Admin => [("/schedule", "Nav.Schedule"), ("/cases", "Nav.Cases"), ("/finance", "Nav.CostShares"),
            ("/finance/report", "Nav.PeriodReport"), ("/audit", "Nav.Audit"), ("/accountability", "Nav.Accountability"),
            ("/complaints", "Nav.Complaints"), ("/statistics", "Nav.Statistics"), ("/jobs", "Nav.Jobs")],
        _ => [("/schedule", "Nav.Schedule"), ("/cases", "Nav.Cases"), ("/finance", "Nav.CostShares"),
            ("/finance/report", "Nav.PeriodReport"), ("/audit", "Nav.Audit"), ("/accountability", "Nav.Accountability"),
            ("/complaints", "Nav.Complaints"), ("/statistics", "Nav.Statistics")],
    };

    public static string Home(Actor actor) => actor.Role switch
    {
        Role.Finance => "/finance",
        Role.Auditor => "/audit",
        Role.Monitor => "/monitoring",
        _ => "/schedule",
    };

    public static bool IsCurrent(PathString path, string href) =>
        path.StartsWithSegments(href) && !(href == "/finance" && path.StartsWithSegments("/finance/report"));
}
