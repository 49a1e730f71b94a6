using CalaisReturns.Core;
using CalaisReturns.Core.Identity;

namespace CalaisReturns.Tests;

internal static class Actors
{
    public static readonly Actor UkPlanner = new("uk.planner", "UK Planner", Role.Planner, State.UK);
    public static readonly Actor FrPlanner = new("fr.planner", "FR Planner", Role.Planner, State.FR);

    /// <summary>The monitoring bodies of the tests: the UK's and France's (a monitor token carries its organisation).</summary>
    public const string Imb = "Independent Monitoring Boards";
    public const string Cglpl = "CGLPL";

    public static Actor Of(Role role, State state) =>
        new($"{state}.{role}".ToLowerInvariant(), $"{state} {role}", role, state,
            role == Role.Monitor ? (state == State.UK ? Imb : Cglpl) : null);

    public static Actor Monitor(string organisation, State state = State.UK) =>
        new($"monitor.{organisation.Replace(' ', '-')}".ToLowerInvariant(), $"{organisation} monitor", Role.Monitor, state, organisation);

    public static Actor PlannerOf(State state) => state == State.UK ? UkPlanner : FrPlanner;
}
