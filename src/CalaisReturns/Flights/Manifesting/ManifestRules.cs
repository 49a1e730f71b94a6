namespace CalaisReturns.Flights.Manifesting;

/// <summary>
/// The <c>Manifest</c> configuration section (DESIGN.md "Notice", "Manifest lock", "Escort team").
/// Working days are Monday to Friday in UTC; public holidays of either state are not counted out.
/// </summary>
public sealed record ManifestRules
{
    public const string Section = "Manifest";

    public int NoticeWorkingDays { get; init; } = 5;

    public int EscortsPerReturnee { get; init; } = 2;

    /// <summary>How long before departure the manifest locks by itself.</summary>
    public TimeSpan LockLeadTime { get; init; } = TimeSpan.FromHours(24);

    public static ManifestRules From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ManifestRules>() ?? new ManifestRules();

    /// <summary>The last moment a returnee may be manifested as confirmed for this departure.</summary>
    public DateTimeOffset NoticeDeadline(DateTimeOffset departure)
    {
        var deadline = departure;
        for (var counted = 0; counted < NoticeWorkingDays;)
        {
            deadline = deadline.AddDays(-1);
            if (deadline.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        return deadline;
    }
}
