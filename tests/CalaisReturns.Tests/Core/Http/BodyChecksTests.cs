using System.Text.Json;
using System.Text.Json.Nodes;
using CalaisReturns.Core.Http;
using CalaisReturns.Finance.Costing;
using CalaisReturns.Finance.Splitting;
using CalaisReturns.Flights.Allocating;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CalaisReturns.Tests.Core.Http;

/// <summary>
/// A body the serializer refused is read again field by field: every field it cannot read is named with what it
/// should hold, and the validator's findings on the fields it could read are reported beside them.
/// </summary>
public class BodyChecksTests
{
    private static readonly JsonSerializerOptions Options = ApiConventions.Bodies;

    private static readonly IServiceProvider Validators = new ServiceCollection()
        .AddSingleton<IValidator<RecordCost>, RecordCost.Validator>()
        .AddSingleton<IValidator<AllocateSeats>, AllocateSeats.Validator>()
        .AddSingleton<IValidator<ProposeCostSplit>, ProposeCostSplit.Validator>()
        .BuildServiceProvider();

    private static Dictionary<string, List<string>> Check<T>(string body)
    {
        using var _ = CultureScope.Of("en-GB");
        return BodyProblems.Check(JsonNode.Parse(body)!, typeof(T), Options, Validators);
    }

    [Fact]
    public void Given_a_cost_with_a_bad_amount_a_bad_identifier_an_unknown_field_and_a_blank_description_then_all_four_are_reported()
    {
        var errors = Check<RecordCost>(
            """{"category":"Charter","description":"","amount":{"amount":"12 300,5x","currency":"GBP"},"invoiceReference":"I","lineId":"nope","colour":"blue"}""");

        Assert.Equal(["Enter an amount such as 12,300.50."], errors["amount.amount"]);
        Assert.Equal(["Expected an identifier (a UUID)."], errors["lineId"]);
        Assert.Equal(["This field is not part of this request."], errors["colour"]);
        Assert.Equal(["Description", "amount.amount", "colour", "lineId"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_missing_fields_and_a_wrong_choice_then_each_is_named_and_the_defaults_standing_in_for_them_raise_nothing_more()
    {
        var errors = Check<RecordCost>("""{"category":"Lunch","amount":{"amount":100,"currency":"USD"}}""");

        Assert.Equal(["Choose one of the listed values."], errors["category"]);
        Assert.Equal(["Choose one of the listed values."], errors["amount.currency"]);
        Assert.Equal(["This field is required."], errors["description"]);
        Assert.Equal(["This field is required."], errors["invoiceReference"]);
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void Given_a_list_then_each_item_is_checked_and_named_by_its_place()
    {
        var errors = Check<AllocateSeats>("""{"allocations":[{"state":"UK","seats":-1},{"state":"FR","seats":"ten"},{"state":"XX","seats":2}]}""");

        Assert.Equal(["Enter a whole number."], errors["allocations[1].seats"]);
        Assert.Equal(["Choose one of the listed values."], errors["allocations[2].state"]);
        Assert.Contains("Allocations[0].Seats", errors.Keys);
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Given_a_split_with_only_unknown_fields_then_the_missing_ones_are_named_and_the_validator_is_not_tripped_by_the_stand_ins()
    {
        // Found by the generated bad-input run: the stand-in basis (fixed ratio) without ratios crashed the validator.
        var errors = Check<ProposeCostSplit>("""{"flightId": "9999-12-31T23:59:59Z", "unknown2": 0.41}""");

        Assert.Equal(["basis", "flightId", "settlementCurrency", "unknown2"], errors.Keys.Order(StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("""{"seats": 1, "seats": 2}""")]
    [InlineData("""{"allocations": [{"state": "UK", "state": "FR"}]}""")]
    [InlineData("""{"description": "x""")]
    public void Given_a_field_named_twice_or_broken_JSON_then_it_is_not_read_as_JSON(string body) =>
        Assert.Null(BodyProblems.Parse(System.Text.Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Given_a_body_that_is_not_an_object_then_the_body_itself_is_named()
    {
        var errors = Check<RecordCost>("[1, 2]");

        Assert.Equal(["body"], errors.Keys);
    }
}
