using System.Globalization;
using System.Text.RegularExpressions;

namespace CalaisReturns.Core;

/// <summary>
/// A state's fiscal year (DESIGN.md "Budget"): the UK's runs from 1 April to 31 March and is named by both calendar
/// years, <c>2027-28</c>; France's is the calendar year, <c>2027</c>. Like <see cref="Period"/>, it holds the UTC instants
/// [<see cref="From"/>, <see cref="To"/>) of the scheduled departures it covers, so a flight is in the same month, quarter
/// and fiscal year whoever reads it.
/// </summary>
public sealed partial record FiscalYear
{
    private FiscalYear(State state, int startYear)
    {
        State = state;
        StartYear = startYear;
        From = state == State.UK
            ? new DateTimeOffset(startYear, 4, 1, 0, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(startYear, 1, 1, 0, 0, 0, TimeSpan.Zero);
        To = From.AddYears(1);
    }

    public State State { get; }

    /// <summary>The calendar year it starts in.</summary>
    public int StartYear { get; }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    /// <summary><c>2027-28</c> for the UK, <c>2027</c> for France.</summary>
    public string Name => State == State.UK ? $"{StartYear:0000}-{(StartYear + 1) % 100:00}" : $"{StartYear:0000}";

    /// <summary>The currency the state budgets in.</summary>
    public Currency Currency => CurrencyOf(State);

    public static Currency CurrencyOf(State state) => state == State.UK ? Currency.GBP : Currency.EUR;

    /// <summary>What to say when a text is not the state's fiscal year, in the reader's language.</summary>
    public static string Expected(State state) => Texts.Format("Query.FiscalYear", state, Of(state, new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero)).Name);

    /// <summary>The state's fiscal year a text names in that state's form, or null.</summary>
    public static FiscalYear? Parse(State state, string? text) =>
        Parse(text) is { } year && year.State == state ? year : null;

    /// <summary>
    /// The fiscal year a text names, its form telling whose: <c>2027-28</c> the UK's, <c>2027</c> France's (which is the
    /// calendar year). The second year must follow the first.
    /// </summary>
    public static FiscalYear? Parse(string? text)
    {
        if (text is null || !Form().IsMatch(text))
        {
            return null;
        }

        var start = int.Parse(text[..4], CultureInfo.InvariantCulture);
        if (start is < 1900 or > 2998)
        {
            return null;
        }

        return text.Length == 4 ? new FiscalYear(State.FR, start)
            : int.Parse(text[5..], CultureInfo.InvariantCulture) == (start + 1) % 100 ? new FiscalYear(State.UK, start)
            : null;
    }

    /// <summary>The state's fiscal year of a departure, in UTC.</summary>
    public static FiscalYear Of(State state, DateTimeOffset departure)
    {
        var utc = departure.UtcDateTime;
        return new FiscalYear(state, state == State.UK && utc.Month < 4 ? utc.Year - 1 : utc.Year);
    }

    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;

    public override string ToString() => $"{State}/{Name}";

    [GeneratedRegex(@"^\d{4}(-\d{2})?$")]
    private static partial Regex Form();
}
