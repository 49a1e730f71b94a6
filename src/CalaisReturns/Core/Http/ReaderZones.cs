using System.Globalization;

namespace CalaisReturns.Core.Http;

/// <summary>
/// The time zone a person reads and types times in: Europe/London for UK staff, Europe/Paris for FR staff,
/// or UTC, switchable on every page (remembered in a cookie). Stored instants stay UTC; only the pages
/// convert. A typed time that a clock change skips (a spring-forward gap) is taken as the same span after
/// the change; one that happens twice (autumn) as its first occurrence — both said on the form.
/// </summary>
public static class ReaderZones
{
    public const string Cookie = "calais.zone";

    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    public static readonly IReadOnlyList<TimeZoneInfo> Offered = [London, Paris, TimeZoneInfo.Utc];

    private static readonly AsyncLocal<TimeZoneInfo?> Chosen = new();

    /// <summary>The request's zone; London outside a request.</summary>
    public static TimeZoneInfo Current => Chosen.Value ?? London;

    public static TimeZoneInfo Of(State state) => state == State.FR ? Paris : London;

    public static TimeZoneInfo? Parse(string? id) => Offered.FirstOrDefault(z => z.Id == id);

    /// <summary>The zone's name for people: London, Paris or UTC, in the reader's language.</summary>
    public static string Name(TimeZoneInfo zone) => Texts.Get($"Zone.{zone.Id.Replace('/', '.')}");

    /// <summary>The instant a wall-clock time in the zone names (gap: forward; overlap: the first occurrence).</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            // Skipped by the clock change: the offset from before it, which lands as far past the change.
            var before = zone.GetUtcOffset(wall.AddHours(-12));
            return new DateTimeOffset(wall, before).ToUniversalTime();
        }

        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset).ToUniversalTime();
    }

    /// <summary>After authentication: the cookie's zone, else the person's state's, else London.</summary>
    public static IApplicationBuilder UseReaderZones(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        Chosen.Value = Parse(http.Request.Cookies[Cookie])
            ?? (Actor.TryFrom(http.User) is { } actor ? Of(actor.State) : London);
        return next(http);
    });

    /// <summary>Writes as a given reader sees it (an e-mail): their zone until disposed.</summary>
    internal static IDisposable Use(TimeZoneInfo zone)
    {
        var before = Chosen.Value;
        Chosen.Value = zone;
        return new Restore(() => Chosen.Value = before);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

/// <summary>A text written for someone other than the request's reader: their language and zone, until disposed.</summary>
public static class Reader
{
    public static IDisposable As(CultureInfo culture, TimeZoneInfo zone)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        var zoned = ReaderZones.Use(zone);
        return new Both(zoned, () => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi));
    }

    private sealed class Both(IDisposable zone, Action culture) : IDisposable
    {
        public void Dispose()
        {
            zone.Dispose();
            culture();
        }
    }
}
