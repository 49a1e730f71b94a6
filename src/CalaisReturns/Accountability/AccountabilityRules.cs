namespace CalaisReturns.Accountability;

/// <summary>The <c>Accountability</c> configuration section: duty times, reporting deadlines, retention of personal data.</summary>
public sealed record AccountabilityRules
{
    public const string Section = "Accountability";

    /// <summary>An officer's duty on a flight begins this long before its first stop's scheduled time.</summary>
    public TimeSpan DutyBefore { get; init; } = TimeSpan.FromHours(4);

    /// <summary>... and ends this long after its last stop's scheduled time (the flight back).</summary>
    public TimeSpan DutyAfter { get; init; } = TimeSpan.FromHours(8);

    /// <summary>A serious incident's report is due this long after the incident.</summary>
    public TimeSpan SeriousReportDue { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The reporting state's planners are warned this long before a serious-incident report falls due.</summary>
    public TimeSpan SeriousReportWarning { get; init; } = TimeSpan.FromHours(6);

    /// <summary>The lead state's planners are reminded of a finding still unanswered this long after the report.</summary>
    public TimeSpan FindingAnswerDue { get; init; } = TimeSpan.FromDays(14);

    /// <summary>An officer's name is erased this many days after the officer left the roster.</summary>
    public int OfficerRetentionDays { get; init; } = 365;

    /// <summary>An incident's narratives are erased this many days after the incident (inquiries and claims come late).</summary>
    public int NarrativeRetentionDays { get; init; } = 1095;

    /// <summary>A complaint's texts are erased this many days after its outcome.</summary>
    public int ComplaintRetentionDays { get; init; } = 730;

    /// <summary>
    /// The time an officer of a flight is on duty: from <see cref="DutyBefore"/> its first stop to <see cref="DutyAfter"/>
    /// its last (a stop without a time, the destination of a flight planned before stops, leaves the departure's).
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To) Duty(DateTimeOffset departure, IEnumerable<DateTimeOffset?> stops)
    {
        var times = stops.OfType<DateTimeOffset>().Append(departure).ToList();
        return (times.Min() - DutyBefore, times.Max() + DutyAfter);
    }

    public static AccountabilityRules From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<AccountabilityRules>() ?? new AccountabilityRules();
}
