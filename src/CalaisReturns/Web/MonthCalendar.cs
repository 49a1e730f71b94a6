using CalaisReturns.Flights.Scheduling;

namespace CalaisReturns.Web;

public sealed record CalendarDay(DateOnly Date, bool InMonth, IReadOnlyList<FlightSchedule> Flights);

/// <summary>A month as weeks Monday to Sunday, each day with the flights departing on it (UTC).</summary>
public sealed record MonthCalendar(int Year, int Month, IReadOnlyList<IReadOnlyList<CalendarDay>> Weeks)
{
    public static MonthCalendar Build(int year, int month, IEnumerable<FlightSchedule> flights)
    {
        var byDay = flights.ToLookup(f => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(f.ScheduledDeparture, Core.Http.ReaderZones.Current).DateTime));
        var first = new DateOnly(year, month, 1);
        var start = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        var last = first.AddMonths(1).AddDays(-1);
        var weeks = new List<IReadOnlyList<CalendarDay>>();
        for (var monday = start; monday <= last; monday = monday.AddDays(7))
        {
            weeks.Add([
                .. Enumerable.Range(0, 7).Select(i => monday.AddDays(i)).Select(d =>
                    new CalendarDay(d, d.Month == month, [.. byDay[d].OrderBy(f => f.ScheduledDeparture)])),
            ]);
        }

        return new MonthCalendar(year, month, weeks);
    }

    public string Title => new DateOnly(Year, Month, 1).ToString("MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>The days' short names, Monday first, in the reader's language.</summary>
    public static IEnumerable<string> DayNames =>
        Enumerable.Range(1, 7).Select(d => System.Globalization.CultureInfo.CurrentCulture.DateTimeFormat.AbbreviatedDayNames[d % 7]);
}
