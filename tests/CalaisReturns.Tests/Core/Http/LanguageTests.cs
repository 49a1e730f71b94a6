using Alba;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;

namespace CalaisReturns.Tests.Core.Http;

/// <summary>
/// Problem documents come in the caller's language: Accept-Language when the caller names one, otherwise
/// the language of the caller's state (FR → French, UK → English).
/// </summary>
public class LanguageTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor FrFinance = Actors.Of(Role.Finance, State.FR);

    private static readonly object BlankCost = new
    {
        category = "Charter", description = "", amount = new { amount = 10m, currency = "GBP" }, invoiceReference = "I",
    };

    private Task<IScenarioResult> Unstated(string url, object body, int status, Actor actor) =>
        Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithBearerToken(App.Token(actor));
            s.StatusCodeShouldBe(status);
        });

    [Fact]
    public async Task A_French_officer_without_Accept_Language_is_answered_in_French_down_to_the_field_names()
    {
        var flight = await App.ReadyFlight();
        var problem = (await Unstated($"/api/flights/{flight}/costs", BlankCost, 400, FrFinance)).Problem();

        Assert.Equal("Un ou plusieurs champs ne sont pas valides.", problem["title"]!.GetValue<string>());
        Assert.Equal("'Description' ne doit pas être vide.", problem["errors"]!["Description"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Accept_Language_overrides_the_state_and_reaches_the_commands_own_messages()
    {
        var flight = await App.ReadyFlight();
        var english = (await App.Post($"/api/flights/{flight}/costs", BlankCost, 400, FrFinance, language: "en-GB")).Problem();
        Assert.Equal("'Description' must not be empty.", english["errors"]!["Description"]![0]!.GetValue<string>());

        var reschedule = new { newDeparture = Api.Departure.AddDays(-30), reason = "Slot" };
        var french = (await App.Post($"/api/flights/{flight}/reschedule", reschedule, 400, language: "fr-FR")).Problem();
        Assert.Equal("La nouvelle date de départ doit être dans le futur.", french["errors"]!["NewDeparture"]![0]!.GetValue<string>());

        var stale = (await App.Post($"/api/flights/{flight}/monitor", new { organisation = "IMB", expectedVersion = 1 }, 412,
            language: "fr")).Problem();
        Assert.Equal("Version périmée", stale["title"]!.GetValue<string>());
        Assert.StartsWith("Vous avez agi sur la version 1, mais elle est depuis passée à la version 3.", stale["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_token_the_refusal_is_in_the_language_asked_for_and_an_unknown_flight_is_named_so()
    {
        var anonymous = await Host.Scenario(s =>
        {
            s.Get.Url("/api/schedule");
            s.WithRequestHeader("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.8");
            s.StatusCodeShouldBe(401);
        });
        Assert.Equal("Un jeton d'accès (bearer) est requis.", anonymous.Problem()["detail"]!.GetValue<string>());

        var missing = Guid.CreateVersion7();
        var notFound = (await App.Get($"/api/flights/{missing}", 404, language: "fr")).Problem();
        Assert.Equal("Vol introuvable", notFound["title"]!.GetValue<string>());
        Assert.Equal($"Aucun vol n'a l'identifiant {missing}.", notFound["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/language/fr", "//evil.example/x", "/")]
    [InlineData("/language/fr", "https://evil.example", "/")]
    [InlineData("/zone?to=Europe%2FParis", "/\\evil.example", "/")]
    [InlineData("/zone?to=Europe%2FParis", "/schedule?Month=2027-03", "/schedule?Month=2027-03")]
    public async Task The_language_and_zone_switches_go_back_only_to_a_page_of_this_site(string url, string back, string location)
    {
        var separator = url.Contains('?') ? '&' : '?';
        var answer = await Host.Scenario(s =>
        {
            s.Get.Url($"{url}{separator}return={Uri.EscapeDataString(back)}");
            s.StatusCodeShouldBe(302);
        });
        Assert.Equal(location, answer.Context.Response.Headers.Location.ToString());
        Assert.Contains("calais.", answer.Context.Response.Headers.SetCookie.ToString());
    }
}
