namespace CalaisReturns.Web;

/// <summary>The main menu: only the places the person's role may open, with the keys of their labels in <see cref="Texts"/>.</summary>
public static class Navigation
{
    public static IReadOnlyList<(string Href, string Label)> For(Actor actor) => actor.Role switch
    {
        Role.Planner => [("/schedule", "Nav.Schedule"), ("/cases", "Nav.Cases"), ("/officers", "Nav.Officers"),
            ("/complaints", "Nav.Complaints"), ("/accountability", "Nav.Accountability")],
        Role.Finance => [("/schedule", "Nav.Schedule"), ("/finance", "Nav.CostShares"), ("/finance/report", "Nav.PeriodReport"),
            ("/finance/budgets", "Nav.Budgets"), ("/finance/grants", "Nav.Grants")],
        Role.EscortLeader => [("/schedule", "Nav.Schedule")],
        Role.Monitor => [("/monitoring", "Nav.Monitoring")],
        Role.Admin => [("/schedule", "Nav.Schedule"), ("/cases", "Nav.Cases"), ("/finance", "Nav.CostShares"),
            ("/finance/report", "Nav.PeriodReport"), ("/finance/budgets", "Nav.Budgets"), ("/finance/grants", "Nav.Grants"),
            ("/audit", "Nav.Audit"), ("/accountability", "Nav.Accountability"), ("/complaints", "Nav.Complaints"),
            ("/statistics", "Nav.Statistics"), ("/jobs", "Nav.Jobs")],
        _ => [("/schedule", "Nav.Schedule"), ("/cases", "Nav.Cases"), ("/finance", "Nav.CostShares"),
            ("/finance/report", "Nav.PeriodReport"), ("/finance/budgets", "Nav.Budgets"), ("/finance/grants", "Nav.Grants"),
            ("/audit", "Nav.Audit"), ("/accountability", "Nav.Accountability"), ("/complaints", "Nav.Complaints"),
            ("/statistics", "Nav.Statistics")],
    };

    public static string Home(Actor actor) => actor.Role switch
    {
        Role.Finance => "/finance",
        Role.Auditor => "/audit",
        Role.Monitor => "/monitoring",
        _ => "/schedule",
    };

    /// <summary>The finance pages of their own under <c>/finance</c>: not the cost shares' (a flight's cost share is).</summary>
    private static readonly string[] FinancePages = ["/finance/report", "/finance/budgets", "/finance/grants"];

    public static bool IsCurrent(PathString path, string href) =>
        path.StartsWithSegments(href) && !(href == "/finance" && FinancePages.Any(p => path.StartsWithSegments(p)));
}
