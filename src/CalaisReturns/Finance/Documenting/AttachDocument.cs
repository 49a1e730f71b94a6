using Microsoft.AspNetCore.Mvc;
using CalaisReturns.Core.Http;

namespace CalaisReturns.Finance.Documenting;

/// <summary>What an upload became: the document and the SHA-256 its attaching event seals.</summary>
public sealed record AttachedDocument(Guid DocumentId, string Sha256);

/// <summary>A file read from an upload, its type taken from its content.</summary>
public sealed record UploadedFile(string FileName, string MediaType, byte[] Content)
{
    public string Sha256 { get; } = SupportingFiles.Sha256(Content);
}

/// <summary>What a document is attached to: the <c>attachedTo</c> field, a line, funding, grant or settlement id, or <c>charter</c>.</summary>
public sealed record DocumentTarget(DocumentSubject Subject, Guid? SubjectId)
{
    public const string Charter = "charter";

    /// <summary>The subject an id names on the flight, or null where it names none.</summary>
    public static DocumentTarget? Find(FlightFinance finance, Guid id) =>
        finance.LineOf(id) is not null ? new(DocumentSubject.Line, id)
        : finance.Fundings.Exists(f => f.FundingId == id) ? new(DocumentSubject.Funding, id)
        : finance.GrantOf(id) is not null ? new(DocumentSubject.Grant, id)
        : finance.Settlements.Exists(s => s.SettlementId == id) ? new(DocumentSubject.Settlement, id)
        : null;

    /// <summary>
    /// The state whose finance staff hold the proof: a line's payer, the state that received the funding or grant, the
    /// lead state for its charter contract; either state for a settlement between them.
    /// </summary>
    public State? Holder(FlightFinance finance) => Subject switch
    {
        DocumentSubject.Line => finance.LineOf(SubjectId!.Value)!.PaidBy,
        DocumentSubject.Funding => finance.Fundings.Find(f => f.FundingId == SubjectId)!.ReceivedBy,
        DocumentSubject.Grant => finance.GrantOf(SubjectId!.Value)!.Recipient,
        DocumentSubject.Charter => finance.LeadState,
        _ => null,
    };
}

public static class AttachDocumentEndpoint
{
    /// <summary>
    /// Attaches the file to its subject. A withdrawn line takes no new proof, a charter not yet booked has no contract,
    /// and the same file attached twice to one subject (a retried upload) is refused.
    /// </summary>
    public static Decision Decide(FlightFinance finance, DocumentTarget target, UploadedFile file, State state, Guid documentId,
        DateTimeOffset now)
    {
        if (target.Subject == DocumentSubject.Charter && finance.ContractPrice is null)
        {
            return Decision.Refuse("Refusal.CharterNotBooked");
        }

        if (target.Subject == DocumentSubject.Line && finance.LineOf(target.SubjectId!.Value) is { Withdrawn: true })
        {
            return Decision.Refuse("Refusal.LineWithdrawn", target.SubjectId);
        }

        return finance.Documents.Find(d => !d.Removed && d.Sha256 == file.Sha256 && d.Subject == target.Subject
                && d.SubjectId == target.SubjectId) is { } same
            ? Decision.Refuse("Refusal.DocumentAttachedAlready", same.FileName, same.DocumentId)
            : Decision.Accept(new SupportingDocumentAttached(finance.Id, documentId, target.Subject, target.SubjectId,
                file.FileName, file.MediaType, file.Content.LongLength, file.Sha256, state, now));
    }

    /// <summary>Finance staff of a state of the flight, and of the state that holds the subject's proof.</summary>
    public static Text? Forbid(Actor officer, FlightFinance finance, DocumentTarget? target) =>
        FinanceAccess.Participant(officer, finance)
        ?? (target?.Holder(finance) is { } holder && holder != officer.State
            ? new Text("Forbidden.DocumentHolder", holder)
            : null);

    [WolverinePost("/api/flights/{flightId}/documents", OperationId = "AttachDocument",
        Summary = "Attach a supporting document (multipart/form-data: file, a PDF, PNG or JPEG of at most 10 MB; attachedTo, a cost line, funding, grant or settlement id, or charter)")]
    [Authorize(Policy = AccessPolicies.Finance)]
    [RequestSizeLimit(SupportingFiles.MaxRequestBytes)]
    [ProducesResponseType<AttachedDocument>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid flightId, HttpRequest request, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var (officer, now) = (Actor.From(user), clock.GetUtcNow());
        var (upload, attachedTo, errors) = await Read(request, ct);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var documentId = Guid.CreateVersion7(now);
        DocumentTarget? TargetIn(FlightFinance finance) => attachedTo == DocumentTarget.Charter
            ? new DocumentTarget(DocumentSubject.Charter, null)
            : DocumentTarget.Find(finance, Guid.Parse(attachedTo!));
        return await session.Decide<FlightLedger>(flightId, null, l => Forbid(officer, l.Facts, TargetIn(l.Facts)),
            l => Task.FromResult(TargetIn(l.Facts) is { } target
                ? Decide(l.Facts, target, upload!, officer.State, documentId, now)
                : Decision.Refuse("Refusal.NoDocumentSubject", attachedTo)),
            _ =>
            {
                SupportingFiles.Store(session, documentId, flightId, upload!.Content, now);
                return Results.Ok(new AttachedDocument(documentId, upload.Sha256));
            }, ct);
    }

    /// <summary>The form's file and <c>attachedTo</c>, or why they cannot be taken, field by field.</summary>
    private static async Task<(UploadedFile? File, string? AttachedTo, Dictionary<string, string[]> Errors)> Read(
        HttpRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!request.HasFormContentType)
        {
            errors["file"] = [Texts.Get("Validation.Multipart")];
            return (null, null, errors);
        }

        var form = await request.ReadFormAsync(ct);
        var attachedTo = form["attachedTo"].ToString().Trim();
        if (attachedTo != DocumentTarget.Charter && !Guid.TryParse(attachedTo, out _))
        {
            errors["attachedTo"] = [Texts.Get("Validation.AttachedTo")];
        }

        UploadedFile? file = null;
        if (form.Files.GetFile("file") is not { } part)
        {
            errors["file"] = [Texts.Get("Validation.FileMissing")];
        }
        else if (part.Length is 0 or > SupportingFiles.MaxBytes)
        {
            errors["file"] = [Texts.Format("Validation.FileSize", SupportingFiles.MaxBytes / (1024 * 1024))];
        }
        else if (Path.GetFileName(part.FileName) is not { Length: > 0 and <= 200 } name || !name.All(c => TextFields.Allowed(c, false)))
        {
            errors["file"] = [Texts.Get("Validation.FileName")];
        }
        else
        {
            using var copy = new MemoryStream((int)part.Length);
            await part.CopyToAsync(copy, ct);
            var content = copy.ToArray();
            if (SupportingFiles.MediaTypeOf(content) is { } mediaType)
            {
                file = new UploadedFile(name, mediaType, content);
            }
            else
            {
                errors["file"] = [Texts.Get("Validation.FileType")];
            }
        }

        return (file, attachedTo, errors);
    }
}
