
namespace CalaisReturns.Cases.Summaries;

public sealed record TravelDocumentSummary(TravelDocumentKind Kind, DateOnly Expiry);

public sealed record OpenBarrier(Guid BarrierId, BarrierKind Kind, string Reference, DateTimeOffset RaisedAt);

/// <summary>
/// One case as planners see it. The only read model that holds personal data (name, date of
/// birth); <see cref="WithoutPersonalData"/> is what auditors and admins get.
/// </summary>
public sealed class CaseSummary
{
    public Guid Id { get; set; }
    public State OwningState { get; set; }
    public string CaseReference { get; set; } = "";
    public string? FullName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string Nationality { get; set; } = "";
    public CaseStatus Status { get; set; }
    public CaseClosure? Closure { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public TravelDocumentSummary? TravelDocument { get; set; }
    public List<OpenBarrier> OpenBarriers { get; set; } = [];
    public Guid? CurrentFlightId { get; set; }
    public bool PersonalDataErased { get; set; }

    public CaseSummary WithoutPersonalData()
    {
        var copy = (CaseSummary)MemberwiseClone();
        copy.FullName = null;
        copy.DateOfBirth = null;
        return copy;
    }
}
