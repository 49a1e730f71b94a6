using System.Globalization;
using CalaisReturns.Core.Http;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Scheduling;

namespace CalaisReturns.Web;

/// <summary>
/// How the pages write values, in the reader's culture (<see cref="CultureInfo.CurrentCulture"/>, set per
/// request by <see cref="Core.Http.Languages"/>): times in the reader's zone, money with its currency — <c>£12,300.50</c>
/// in English, <c>12 300,50 €</c> in French — and enum values by their translated names.
/// </summary>
public static class Show
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private static DateTime InZone(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, ReaderZones.Current).DateTime;

    /// <summary>The reader's zone by name: London, Paris or UTC (Londres… in French).</summary>
    public static string Zone => ReaderZones.Name(ReaderZones.Current);

    /// <summary>A date and time in the reader's zone, with the zone named.</summary>
    public static string Time(DateTimeOffset? t) =>
        t is { } v ? $"{InZone(v).ToString("ddd d MMM yyyy HH:mm", Culture)} {Zone}" : "—";

    /// <summary>To the second: the audit timeline and "as of" instants.</summary>
    public static string Instant(DateTimeOffset t) => $"{InZone(t).ToString("ddd d MMM yyyy HH:mm:ss", Culture)} {Zone}";

    public static string Date(DateTimeOffset t) => InZone(t).ToString("d MMM yyyy", Culture);

    /// <summary>A calendar day (an expiry date), which no zone moves.</summary>
    public static string Day(DateOnly d) => d.ToString("d MMM yyyy", Culture);

    /// <summary>The value a <c>datetime-local</c> input takes: the wall-clock time in the reader's zone.</summary>
    public static string Input(DateTimeOffset t) => InZone(t).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The time at an airport, for a departure: "07:00 at CDG (Paris)"; an airport the table does not know
    /// is shown in UTC, and says so.
    /// </summary>
    public static string AtAirport(DateTimeOffset t, string iata) => Airports.Find(iata) is { } airport
        ? Texts.Format("Time.AtAirport", TimeZoneInfo.ConvertTime(t, airport.Zone).ToString("ddd d MMM HH:mm", Culture), iata, airport.Name)
        : Texts.Format("Time.UnknownAirport", t.UtcDateTime.ToString("ddd d MMM HH:mm", Culture), iata);

    /// <summary>A route as people read it: its airports in order, each drop-off with its country of return,
    /// <c>STN → LIL → TIA (AL)</c> or <c>STN → LOS (NG) → ACC (GH)</c>.</summary>
    public static string Route(IEnumerable<FlightStop> stops) =>
        string.Join(" → ", stops.Select(s => s.IsDropOff() ? $"{s.Airport} ({s.CountryOfReturn})" : s.Airport));

    public static string Route(IEnumerable<ScheduleStop> stops) => Route(stops.Select(s => s.Planned));

    /// <summary>The stops a select offers (all unless told), each by its place in the route and its airport: "2. LIL".</summary>
    public static IReadOnlyDictionary<string, string> StopChoices(IEnumerable<FlightStop> route, Func<FlightStop, bool>? offered = null) =>
        route.Select((s, i) => (Stop: s, Label: $"{i + 1}. {s.Airport}")).Where(x => offered?.Invoke(x.Stop) ?? true)
            .ToDictionary(x => x.Stop.StopId.ToString(), x => x.Label);

    public static IReadOnlyDictionary<string, string> StopChoices(IEnumerable<ScheduleStop> route, Func<FlightStop, bool>? offered = null) =>
        StopChoices(route.Select(s => s.Planned), offered);

    public static string Amount(decimal amount) => amount.ToString("N2", Culture);

    /// <summary>A file's size as people read it: <c>812 bytes</c>, <c>45.2 KB</c>, <c>3.1 MB</c> (octets, Ko, Mo in French).</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => Texts.Format("Size.Bytes", bytes),
        < 1024 * 1024 => Texts.Format("Size.Kilobytes", bytes / 1024m),
        _ => Texts.Format("Size.Megabytes", bytes / (1024m * 1024m)),
    };

    public static string Money(decimal amount, Currency? currency)
    {
        if (currency is not { } known)
        {
            return Amount(amount);
        }

        var format = (NumberFormatInfo)Culture.NumberFormat.Clone();
        format.CurrencySymbol = known == Currency.GBP ? "£" : "€";
        // French puts the symbol after the amount; no line may break it off, so no plain space either.
        return amount.ToString("C2", format).Replace(' ', '\u202F');
    }

    public static string Money(Money money) => Money(money.Amount, money.Currency);

    /// <summary>A split's basis and percentages as people read them: <c>Fixed ratio (UK 55.5%, FR 44.5%)</c>.</summary>
    public static string Terms(CalaisReturns.Finance.SplitTerms terms) => Enum(terms.Basis) + (terms.Ratios.Count > 0
        ? " (" + string.Join(", ", terms.Ratios.Select(r => Texts.Format("Share.Percent", r.State, r.Percent))) + ")"
        : "");

    /// <summary>An enum value's name in the reader's language (<c>Texts</c> key <c>{Type}.{Value}</c>).</summary>
    public static string Enum<T>(T value) where T : struct, System.Enum => Texts.Get($"{typeof(T).Name}.{value}");

    public static string Enum<T>(T? value) where T : struct, System.Enum => value is { } v ? Enum(v) : "—";

    public static IEnumerable<string> Names<T>() where T : struct, System.Enum => System.Enum.GetNames<T>();

    public static IReadOnlyDictionary<string, string> Labels<T>() where T : struct, System.Enum =>
        System.Enum.GetValues<T>().ToDictionary(v => v.ToString(), v => Enum(v));
}
