using CalaisReturns.Core;
using CalaisReturns.Core.Identity;

namespace CalaisReturns.Tests.Core.Http;

/// <summary>
/// A body the serializer cannot read is answered about the caller's fields, in their language: no serializer
/// text, type name or JSON path ever reaches the problem document.
/// </summary>
public class BodyProblemsTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor UkFinance = Actors.Of(Role.Finance, State.UK);

    private static void AssertNoInternals(System.Text.Json.Nodes.JsonObject problem)
    {
        var text = problem.ToJsonString();
        foreach (var leak in (string[])["Path:", "System.", "CalaisReturns", "LineNumber", "lineNumber", "BytePosition", "$."])
        {
            Assert.DoesNotContain(leak, text);
        }
    }

    [Theory]
    [InlineData("en-GB", "Enter an amount such as 12,300.50.")]
    [InlineData("fr-FR", "Saisissez un montant, par exemple 12 300,50.")]
    public async Task An_amount_that_is_not_a_number_is_a_message_on_that_field(string language, string message)
    {
        var flight = await App.ReadyFlight();
        var body = """{"category":"Charter","description":"x","amount":{"amount":"12 300,5x","currency":"GBP"},"invoiceReference":"I"}""";
        var problem = (await App.Post($"/api/flights/{flight}/costs", body, 400, UkFinance, language: language)).Problem();
        Assert.Equal(message, problem["errors"]!["amount.amount"]![0]!.GetValue<string>());
        AssertNoInternals(problem);
    }

    [Theory]
    [InlineData("en-GB", "Enter an amount such as 12,300.50.")]
    [InlineData("fr-FR", "Saisissez un montant, par exemple 12 300,50.")]
    public async Task Every_invalid_field_is_reported_at_once_not_only_the_first_the_serializer_met(string language,
        string amount)
    {
        var flight = await App.ReadyFlight();
        var cost = (await App.Post($"/api/flights/{flight}/costs",
            """{"category":"Charter","description":"","amount":{"amount":"12 300,5x","currency":"GBP"},"invoiceReference":"I","lineId":"nope","colour":"blue"}""",
            400, UkFinance, language: language)).Problem();
        var errors = cost["errors"]!.AsObject();
        Assert.Equal(amount, errors["amount.amount"]![0]!.GetValue<string>());
        Assert.Contains("lineId", errors.Select(e => e.Key));
        Assert.Contains("colour", errors.Select(e => e.Key));
        // The blank description is the validator's finding, reported beside the fields the serializer could not read.
        Assert.Contains(errors, e => string.Equals(e.Key, "description", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(4, errors.Count);
        AssertNoInternals(cost);

        // A client's mistake is logged in one line, by field name only, with no stack trace and no value.
        var lines = App.Logs.Lines.Where(l => l.Contains($"/api/flights/{flight}/costs", StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("amount.amount"));
        Assert.DoesNotContain(lines, l => l.Contains("JsonException") || l.Contains("12 300,5x") || l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_field_is_named_and_every_missing_field_is_listed_at_once()
    {
        var flight = await App.ReadyFlight();
        var unknown = (await App.Post($"/api/flights/{flight}/monitor", """{"organisation":"IMB","colour":"blue"}""", 400)).Problem();
        Assert.Equal("This field is not part of this request.", unknown["errors"]!["colour"]![0]!.GetValue<string>());
        AssertNoInternals(unknown);

        var missing = (await App.Post($"/api/flights/{flight}/costs", """{"category":"Charter"}""", 400, UkFinance,
            language: "fr-FR")).Problem();
        Assert.Equal("Les champs de la requête sont illisibles", missing["title"]!.GetValue<string>());
        var fields = missing["errors"]!.AsObject().Select(e => e.Key).Order().ToArray();
        Assert.Equal(["amount", "description", "invoiceReference"], fields);
        AssertNoInternals(missing);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_says_so_and_a_wrong_kind_of_value_says_what_is_expected()
    {
        var flight = await App.ReadyFlight();
        var broken = (await App.Post($"/api/flights/{flight}/monitor", "{\"organisation\": ", 400)).Problem();
        Assert.Equal("The request body is not valid JSON.", broken["detail"]!.GetValue<string>());
        AssertNoInternals(broken);

        var seats = (await App.Post($"/api/flights/{flight}/seat-allocation",
            """{"allocations":[{"state":"UK","seats":"ten"}]}""", 400)).Problem();
        Assert.Equal("Enter a whole number.", seats["errors"]!["allocations[0].seats"]![0]!.GetValue<string>());
        var currency = (await App.Post($"/api/flights/{flight}/costs",
            """{"category":"Charter","description":"x","amount":{"amount":1,"currency":"USD"},"invoiceReference":"I"}""", 400,
            UkFinance)).Problem();
        Assert.Equal("Choose one of the listed values.", currency["errors"]!["amount.currency"]![0]!.GetValue<string>());
        AssertNoInternals(currency);
    }
}
