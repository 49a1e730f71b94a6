using CalaisReturns.Core.Http;
using System.Security.Claims;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Flights;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CalaisReturns.Tests.Core.Identity;

public class ActorTests
{
    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    [Fact]
    public void An_actor_is_read_from_subject_name_role_and_state() =>
        Assert.Equal(new Actor("u1", "Ann", Role.Finance, State.FR),
            Actor.TryFrom(Principal(("sub", "u1"), ("name", "Ann"), ("role", "Finance"), ("state", "FR"))));

    [Theory]
    [InlineData("", "Planner", "UK")]
    [InlineData("u1", "Pilot", "UK")]
    [InlineData("u1", "Planner", "DE")]
    public void Without_a_subject_a_known_role_and_a_known_state_there_is_no_actor(string sub, string role, string state) =>
        Assert.Null(Actor.TryFrom(Principal(("sub", sub), ("role", role), ("state", state))));
}

public class FlightAccessTests
{
    [Theory]
    [InlineData(Role.Planner, State.UK, true)]
    [InlineData(Role.Planner, State.FR, false)]
    [InlineData(Role.Finance, State.UK, false)]
    [InlineData(Role.Auditor, State.UK, false)]
    [InlineData(Role.Admin, State.UK, false)]
    public void Only_the_lead_states_planners_operate_the_flight(Role role, State state, bool allowed) =>
        Assert.Equal(allowed, FlightAccess.LeadPlanner(Actors.Of(role, state), State.UK) is null);

    [Fact]
    public void A_planner_assigns_only_their_own_states_escort_team()
    {
        Assert.Null(FlightAccess.OwnTeamPlanner(Actors.FrPlanner, State.FR));
        Assert.Equal("Only UK planners may assign the UK escort team.",
            FlightAccess.OwnTeamPlanner(Actors.FrPlanner, State.UK)?.In(Languages.English));
    }

    [Theory]
    [InlineData(Role.Auditor, State.FR, true)]
    [InlineData(Role.Admin, State.FR, true)]
    [InlineData(Role.Planner, State.UK, true)]
    [InlineData(Role.Planner, State.FR, false)]
    [InlineData(Role.Finance, State.UK, false)]
    public void History_of_a_UK_only_flight_is_for_auditors_admins_and_UK_planners(Role role, State state, bool allowed) =>
        Assert.Equal(allowed, FlightAccess.HistoryReader(Actors.Of(role, state), [State.UK]) is null);
}

public class TokenCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void With_the_development_key_a_token_carries_the_requested_identity()
    {
        var settings = new AuthSettings { SigningKey = AuthSettings.DevelopmentKey };
        var (token, refusal) = TokenCommand.Issue(settings,
            new TokenInput { RoleFlag = Role.Auditor, StateFlag = State.FR, NameFlag = "Claire Martin", HoursFlag = 2 }, Now);

        Assert.Null(refusal);
        var jwt = new JsonWebToken(token);
        Assert.Equal(("claire.martin", "Claire Martin", "Auditor", "FR", "calais-returns"),
            (jwt.Subject, jwt.GetClaim("name").Value, jwt.GetClaim("role").Value, jwt.GetClaim("state").Value, jwt.Issuer));
        Assert.Equal(Now.AddHours(2).UtcDateTime, jwt.ValidTo);
        Assert.Equal("HS256", jwt.Alg);
    }

    [Fact]
    public void Any_other_key_is_refused() =>
        Assert.StartsWith("Refused", TokenCommand.Issue(new AuthSettings { SigningKey = new string('k', 64) },
            new TokenInput(), Now).Refusal);

    [Fact]
    public void An_identity_provider_authority_is_refused_even_with_the_development_key() =>
        Assert.StartsWith("Refused", TokenCommand.Issue(
            new AuthSettings { SigningKey = AuthSettings.DevelopmentKey, Authority = "https://idp.example" },
            new TokenInput(), Now).Refusal);
}
