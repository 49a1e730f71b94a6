using System.Globalization;

namespace CalaisReturns.Web;

/// <summary>The UTC instants [From, To) and the months of a reporting period (2014-09, 2014-Q3 or 2014).</summary>
public sealed record PeriodRange(DateTimeOffset From, DateTimeOffset To)
{
    public static PeriodRange? Of(string? period)
    {
        if (!Period.IsValid(period))
        {
            return null;
        }

        var year = int.Parse(period![..4], CultureInfo.InvariantCulture);
        var (firstMonth, months) = period.Length == 4 ? (1, 12)
            : period[5] == 'Q' ? ((period[6] - '1') * 3 + 1, 3)
            : (int.Parse(period[5..], CultureInfo.InvariantCulture), 1);
        var from = new DateTimeOffset(year, firstMonth, 1, 0, 0, 0, TimeSpan.Zero);
        return new PeriodRange(from, from.AddMonths(months));
    }

    /// <summary>The month periods inside this range, in order: the chart's bars.</summary>
    public IEnumerable<string> Months()
    {
        for (var m = From; m < To; m = m.AddMonths(1))
        {
            yield return m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }
    }
}
