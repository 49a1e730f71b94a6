using System.Globalization;
using System.Text.RegularExpressions;

namespace CalaisReturns.Core;

/// <summary>
/// A reporting period of scheduled departures (DESIGN.md "Period"): a month <c>2014-09</c>, a quarter
/// <c>2014-Q3</c> or a year <c>2014</c>, the UTC instants [<see cref="From"/>, <see cref="To"/>) it covers
/// and the months it is made of. Its <see cref="Name"/> is how the API, the reports and the snapshots name it.
/// </summary>
public sealed partial record Period
{
    /// <summary>What to say when a text is not a period, in the reader's language.</summary>
    public static string Expected => Texts.Get("Query.Period");

    private Period(string name, DateTimeOffset from, int months)
    {
        Name = name;
        From = from;
        To = from.AddMonths(months);
    }

    public string Name { get; }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    /// <summary>The period a text names, or null if it names none.</summary>
    public static Period? Parse(string? text)
    {
        if (text is null || !Form().IsMatch(text))
        {
            return null;
        }

        var year = int.Parse(text[..4], CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2999)
        {
            return null;
        }

        return text.Length == 4 ? Year(year)
            : text[5] == 'Q' ? Quarter(year, text[6] - '0')
            : Month(year, int.Parse(text[5..], CultureInfo.InvariantCulture));
    }

    /// <summary>The month, quarter and year of a departure, in UTC.</summary>
    public static IReadOnlyList<Period> Of(DateTimeOffset departure)
    {
        var utc = departure.UtcDateTime;
        return [Month(utc.Year, utc.Month), Quarter(utc.Year, (utc.Month - 1) / 3 + 1), Year(utc.Year)];
    }

    /// <summary>The month of a departure, in UTC.</summary>
    public static Period MonthOf(DateTimeOffset departure) => Of(departure)[0];

    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;

    /// <summary>The months of this period in order: itself for a month, three for a quarter, twelve for a year.</summary>
    public IReadOnlyList<Period> Months()
    {
        var months = new List<Period>();
        for (var start = From; start < To; start = start.AddMonths(1))
        {
            months.Add(Month(start.Year, start.Month));
        }

        return months;
    }

    public override string ToString() => Name;

    private static Period Month(int year, int month) =>
        new($"{year:0000}-{month:00}", new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero), 1);

    private static Period Quarter(int year, int quarter) =>
        new($"{year:0000}-Q{quarter}", new DateTimeOffset(year, (quarter - 1) * 3 + 1, 1, 0, 0, 0, TimeSpan.Zero), 3);

    private static Period Year(int year) => new($"{year:0000}", new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero), 12);

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$")]
    private static partial Regex Form();
}
