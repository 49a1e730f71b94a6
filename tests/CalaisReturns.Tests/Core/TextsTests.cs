using System.Collections;
using System.Globalization;
using System.Resources;
using CalaisReturns.Cases;
using CalaisReturns.Core;
using CalaisReturns.Core.Http;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Scheduling;
using CalaisReturns.Jobs.Notifications;
using CalaisReturns.Web;

namespace CalaisReturns.Tests.Core;

/// <summary>Every text exists in English and French, and the pages write values the reader's way.</summary>
public class TextsTests
{
    private static readonly ResourceManager Resources = new("CalaisReturns.Resources.Texts", typeof(Texts).Assembly);

    private static Dictionary<string, string> Entries(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void The_French_texts_have_exactly_the_English_keys_and_none_is_empty()
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var french = Entries(CultureInfo.GetCultureInfo("fr"));
        Assert.Empty(english.Keys.Except(french.Keys));
        Assert.Empty(french.Keys.Except(english.Keys));
        Assert.DoesNotContain(english.Concat(french), e => string.IsNullOrWhiteSpace(e.Value));
    }

    public static TheoryData<Type> ShownEnums =>
    [
        typeof(FlightStatus), typeof(CostShareStatus), typeof(Role), typeof(ManifestLineStatus), typeof(ManifestStatus),
        typeof(WithdrawalReason), typeof(BarrierKind), typeof(CaseStatus), typeof(CaseClosure), typeof(CostCategory),
        typeof(SplitBasis), typeof(TravelDocumentKind), typeof(DeadlineKind),
    ];

    [Theory]
    [MemberData(nameof(ShownEnums))]
    public void Every_value_of_an_enum_people_see_has_a_name_in_both_languages(Type type)
    {
        foreach (var name in Enum.GetNames(type))
        {
            Assert.NotEqual(Texts.In(Languages.English, $"{type.Name}.{name}"), Texts.In(Languages.French, $"{type.Name}.{name}"));
        }
    }

    [Fact]
    public void Every_stored_event_type_has_a_label_in_both_languages()
    {
        foreach (var type in FlightsModule.EventTypes.Concat(FinanceModule.AllEventTypes).Concat(CasesModule.EventTypes)
                     .Concat(CalaisReturns.Accountability.AccountabilityModule.EventTypes))
        {
            Assert.NotEqual(Texts.In(Languages.English, $"Event.{type.Name}"), Texts.In(Languages.French, $"Event.{type.Name}"));
        }
    }

    [Theory]
    [InlineData("en-GB", "GBP", "£12,300.50")]
    [InlineData("en-GB", "EUR", "€12,300.50")]
    [InlineData("fr-FR", "EUR", "12\u202F300,50\u202F€")]
    [InlineData("fr-FR", "GBP", "12\u202F300,50\u202F£")]
    public void Money_is_written_the_readers_way(string culture, string currency, string expected)
    {
        using var language = CultureScope.Of(culture);
        Assert.Equal(expected, Show.Money(12_300.50m, Enum.Parse<Currency>(currency)));
        Assert.Equal(culture == "fr-FR" ? "En attente de la répartition" : "Awaiting split", Show.Enum(CostShareStatus.AwaitingSplit));
    }

    [Theory]
    [InlineData("fr", "fr-FR")]
    [InlineData("fr-BE", "fr-FR")]
    [InlineData("en-US", "en-GB")]
    [InlineData("de", null)]
    [InlineData(null, null)]
    public void A_language_tag_names_one_of_the_two_languages(string? tag, string? culture) =>
        Assert.Equal(culture, Languages.Parse(tag)?.Name);
}
