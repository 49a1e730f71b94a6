using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CalaisReturns.Accountability.Officers;

/// <summary>
/// One officer of a state's roster: the write model of the roster's decisions and the document the roster is read from
/// (inline). The name is the only personal data; it is gone once erased.
/// </summary>
public sealed record Officer(
    Guid Id,
    State State,
    string StaffNumber,
    string? Name,
    string Grade,
    DateOnly CertificateExpiry,
    DateOnly RestraintTrainingExpiry,
    DateTimeOffset EnrolledAt,
    DateTimeOffset? LeftAt,
    bool Erased)
{
    public long Version { get; init; }

    public static Officer Fold(Officer? officer, object @event) => (officer, @event) switch
    {
        (null, OfficerEnrolled e) => new(e.OfficerId, e.State, e.StaffNumber, e.Name, e.Grade, e.CertificateExpiry,
            e.RestraintTrainingExpiry, e.EnrolledAt, null, false),
        (null, _) => throw new InvalidOperationException($"An officer stream must start with {nameof(OfficerEnrolled)}."),
        (_, OfficerQualificationsRenewed e) => officer with
        {
            Grade = e.Grade, CertificateExpiry = e.CertificateExpiry, RestraintTrainingExpiry = e.RestraintTrainingExpiry,
        },
        (_, OfficerLeft e) => officer with { LeftAt = e.LeftAt },
        (_, OfficerPersonalDataErased) => officer with { Name = null, Erased = true },
        _ => officer,
    };

    /// <summary>The first of the certificate and the restraint training to expire, and which.</summary>
    public (string What, DateOnly Expiry) FirstExpiry => RestraintTrainingExpiry < CertificateExpiry
        ? ("RestraintTraining", RestraintTrainingExpiry)
        : ("Certificate", CertificateExpiry);
}

public sealed partial class OfficerProjection : SingleStreamProjection<Officer, Guid>
{
    public OfficerProjection()
    {
        foreach (var type in AccountabilityModule.OfficerEvents)
        {
            IncludeType(type);
        }
    }

    public override Officer? Evolve(Officer? snapshot, Guid id, IEvent e) =>
        Officer.Fold(snapshot, e.Data) with { Version = e.Version };
}
