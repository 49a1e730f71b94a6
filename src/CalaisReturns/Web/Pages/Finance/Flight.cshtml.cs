using CalaisReturns.Core.Http;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Budgets.Reporting;
using CalaisReturns.Finance.Documenting;
using CalaisReturns.Finance.Granting;
using CalaisReturns.Finance.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Finance;

/// <summary>
/// One flight's cost lines, split, rate, shares and balance, its grants and supporting documents, and the finance
/// changes; who may make each one is asked of the same rule the API applies.
/// </summary>
public sealed class FlightModel(IQuerySession session, TimeProvider clock, IConfiguration configuration) : PageModel
{
    public FlightCostShare Share { get; private set; } = null!;
    public FlightFinance Facts => Share.Facts;
    public Actor Actor => Actor.From(User);
    public bool MayChange => FinanceAccess.Participant(Actor, Facts) is null;
    public bool MayReadStatement => FinanceAccess.Reader(Actor, Facts) is null;

    /// <summary>The budgets this flight's booking took over what remained, with the overrun: finance reads money.</summary>
    public IReadOnlyList<Text> BudgetWarnings { get; private set; } = [];

    /// <summary>The day (UTC) claim deadlines are counted against, as the grants report counts them.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGet(Guid flightId, CancellationToken ct)
    {
        if (await TimeTravel.Now.Load<FlightCostShare>(session, flightId, ct) is not { } share)
        {
            return NotFound();
        }

        Share = share;
        if (!share.Facts.Cancelled)
        {
            var warnings = await BudgetReports.Warnings(session, [(share.Facts.States.AsEnumerable(), share.Facts.ScheduledDeparture)],
                BudgetReports.PlanningRate(configuration), Actor.ReadsMoney, ct);
            BudgetWarnings = [.. warnings(share.Id)];
        }

        return Page();
    }

    /// <summary>
    /// What the reader's state may attach a document to, by the <c>attachedTo</c> value the API takes: the subjects whose
    /// proof it holds (<see cref="AttachDocumentEndpoint.Forbid"/>), withdrawn lines and an unbooked charter left out.
    /// </summary>
    public IReadOnlyDictionary<string, string> AttachTargets =>
        Facts.Lines.Where(l => !l.Withdrawn).Select(l => new DocumentTarget(DocumentSubject.Line, l.LineId))
            .Concat(Facts.Fundings.Select(f => new DocumentTarget(DocumentSubject.Funding, f.FundingId)))
            .Concat(Facts.Grants.Select(g => new DocumentTarget(DocumentSubject.Grant, g.GrantId)))
            .Concat(Facts.Settlements.Select(s => new DocumentTarget(DocumentSubject.Settlement, s.SettlementId)))
            .Concat(Facts.ContractPrice is null ? [] : [new DocumentTarget(DocumentSubject.Charter, null)])
            .Where(t => AttachDocumentEndpoint.Forbid(Actor, Facts, t) is null)
            .ToDictionary(t => t.SubjectId?.ToString() ?? DocumentTarget.Charter, t => SubjectOf(t.Subject, t.SubjectId));

    /// <summary>What a document supports, as people know it: the line's description, the grant's or settlement's reference.</summary>
    public string SubjectOf(DocumentSubject subject, Guid? id) => subject switch
    {
        DocumentSubject.Line when Facts.LineOf(id!.Value) is { } line => Texts.Format("Documents.OnLine", line.Description),
        DocumentSubject.Funding when Facts.Fundings.Find(f => f.FundingId == id) is { } funding =>
            Texts.Format("Documents.OnFunding", funding.Funder, funding.Reference),
        DocumentSubject.Grant when Facts.GrantOf(id!.Value) is { } grant => Texts.Format("Documents.OnGrant", grant.Funder, grant.Reference),
        DocumentSubject.Settlement when Facts.Settlements.Find(s => s.SettlementId == id) is { } settlement =>
            Texts.Format("Documents.OnSettlement", settlement.Reference),
        _ => Show.Enum(subject),
    };

    /// <summary>Only the state that attached a document removes it, once.</summary>
    public bool MayRemove(SupportingDocument document) =>
        !document.Removed && MayChange && RemoveDocumentEndpoint.Forbid(Actor, Facts, document.DocumentId) is null;

    /// <summary>A grant's claim, payment and rejection are its recipient state's finance's to record.</summary>
    public bool MayActOn(Grant grant) => MayChange && Grants.Recipient(Actor, grant.Recipient) is null;

    /// <summary>The documents attached to the grant and not removed: what a claim may be backed with.</summary>
    public IReadOnlyList<SupportingDocument> EvidenceOf(Grant grant) =>
        [.. Facts.Documents.Where(d => d is { Subject: DocumentSubject.Grant, Removed: false } && d.SubjectId == grant.GrantId)];

    /// <summary>Days left to claim a grant not yet claimed (negative once its deadline has passed).</summary>
    public int DaysToDeadline(Grant grant) => grant.ClaimDeadline.DayNumber - Today.DayNumber;
}
