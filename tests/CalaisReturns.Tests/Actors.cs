using CalaisReturns.Core;
using CalaisReturns.Core.Identity;

namespace CalaisReturns.Tests;

internal static class Actors
{
    public static readonly Actor UkPlanner = new("uk.planner", "UK Planner", Role.Planner, State.UK);
    public static readonly Actor FrPlanner = new("fr.planner", "FR Planner", Role.Planner, State.FR);

    public static Actor Of(Role role, State state) =>
        new($"{state}.{role}".ToLowerInvariant(), $"{state} {role}", role, state);

    public static Actor PlannerOf(State state) => state == State.UK ? UkPlanner : FrPlanner;
}
