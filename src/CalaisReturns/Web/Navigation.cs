namespace CalaisReturns.Web;

/// <summary>The main menu: only the places the person's role may open.</summary>
public static class Navigation
{
    public static IReadOnlyList<(string Href, string Label)> For(Actor actor) => actor.Role switch
    {
        Role.Planner => [("/schedule", "Schedule"), ("/cases", "Cases")],
        Role.Finance => [("/schedule", "Schedule"), ("/finance", "Cost shares"), ("/finance/report", "Period report")],
        _ => [("/schedule", "Schedule"), ("/cases", "Cases"), ("/finance", "Cost shares"), ("/finance/report", "Period report"),
            ("/audit", "Audit")],
    };

    public static string Home(Actor actor) => actor.Role switch
    {
        Role.Finance => "/finance",
        Role.Auditor => "/audit",
        _ => "/schedule",
    };

    public static bool IsCurrent(PathString path, string href) =>
        path.StartsWithSegments(href) && !(href == "/finance" && path.StartsWithSegments("/finance/report"));
}
