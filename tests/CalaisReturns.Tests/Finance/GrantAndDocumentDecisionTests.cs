using CalaisReturns.Core;
using CalaisReturns.Core.Http;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Documenting;
using CalaisReturns.Finance.Granting;
using CalaisReturns.Jobs.Notifications;
using static CalaisReturns.Tests.Finance.FinanceSpec;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Finance;

public class GrantAndDocumentDecisionTests
{
    private static readonly Guid Grant = Case(700);
    private static readonly Guid Proof = Case(800);
    private static readonly DateOnly Decided = new(2026, 5, 4);

    private static GrantDecided Granted(decimal amount = 40_000m, State recipient = State.UK) =>
        new(FlightId, Grant, "Frontex", recipient, new Money(amount, Currency.EUR), "FX-2026-17", Decided, new DateOnly(2026, 9, 30), Now);

    private static SupportingDocumentAttached Attached(Guid id, DocumentSubject subject, Guid? subjectId, string sha = "ab12") =>
        new(FlightId, id, subject, subjectId, "claim.pdf", "application/pdf", 1200, sha, State.UK, Now);

    private static GrantClaimed Claimed(decimal amount) =>
        new(FlightId, Grant, new Money(amount, Currency.EUR), [Proof], new DateOnly(2026, 7, 1), Now);

    private static UploadedFile Pdf(string text = "%PDF-1.7 invoice") => new("invoice.pdf", "application/pdf", System.Text.Encoding.ASCII.GetBytes(text));

    [Fact]
    public void A_grant_is_recorded_for_the_callers_state_once()
    {
        var command = new DecideGrant(" Frontex ", new Money(40_000m, Currency.EUR), " FX-2026-17 ", Decided, new DateOnly(2026, 9, 30));
        ThenAccepted(DecideGrantEndpoint.Decide(command, GivenFinance(), State.UK, Grant, Now), Granted());
        ThenRefused(DecideGrantEndpoint.Decide(command, GivenFinance(Granted()), State.UK, Grant, Now), "already recorded");
        Assert.Null(Grants.Recipient(new Actor("u", "U", Role.Finance, State.UK), State.UK));
        Assert.Contains("UK", Grants.Recipient(new Actor("f", "F", Role.Finance, State.FR), State.UK)!.In(Languages.English));
    }

    [Fact]
    public void A_claim_names_documents_attached_to_the_grant_in_its_currency_and_no_more_than_granted()
    {
        var decided = GivenFinance(Granted(), Attached(Proof, DocumentSubject.Grant, Grant));
        var claim = new ClaimGrant(new Money(38_500m, Currency.EUR), new DateOnly(2026, 7, 1), [Proof]);
        ThenAccepted(ClaimGrantEndpoint.Decide(claim, decided, Grant, Now), Claimed(38_500m));
        ThenRefused(ClaimGrantEndpoint.Decide(claim with { Amount = new Money(38_500m, Currency.GBP) }, decided, Grant, Now), "in EUR");
        ThenRefused(ClaimGrantEndpoint.Decide(claim with { Amount = new Money(40_000.01m, Currency.EUR) }, decided, Grant, Now),
            "No more than");
        ThenRefused(ClaimGrantEndpoint.Decide(claim with { ClaimedOn = Decided.AddDays(-1) }, decided, Grant, Now), "before it was decided");
        ThenRefused(ClaimGrantEndpoint.Decide(claim with { Documents = [Case(801)] }, decided, Grant, Now), "attach it to the grant first");
        ThenRefused(ClaimGrantEndpoint.Decide(claim, GivenFinance(Granted(), Attached(Proof, DocumentSubject.Charter, null)), Grant, Now),
            "attach it to the grant first");
        ThenRefused(ClaimGrantEndpoint.Decide(claim, GivenFinance(Granted(), Attached(Proof, DocumentSubject.Grant, Grant),
            new SupportingDocumentRemoved(FlightId, Proof, "Wrong scan", Now)), Grant, Now), "was removed");
        ThenRefused(ClaimGrantEndpoint.Decide(claim, GivenFinance(Granted(), Attached(Proof, DocumentSubject.Grant, Grant), Claimed(1m)),
            Grant, Now), "already claimed");
        ThenRefused(ClaimGrantEndpoint.Decide(claim, GivenFinance(), Grant, Now), "no grant");
    }

    [Fact]
    public void A_payment_follows_the_claim_and_states_any_difference_from_it()
    {
        var claimed = GivenFinance(Granted(), Attached(Proof, DocumentSubject.Grant, Grant), Claimed(38_500m));
        var paid = new RecordGrantPayment(new Money(38_500m, Currency.EUR), new DateOnly(2026, 8, 3));
        ThenAccepted(RecordGrantPaymentEndpoint.Decide(paid with { Difference = "ignored" }, claimed, Grant, Now),
            new GrantPaid(FlightId, Grant, new Money(38_500m, Currency.EUR), new DateOnly(2026, 8, 3), null, null, Now));
        var less = paid with { Amount = new Money(37_900m, Currency.EUR) };
        ThenRefused(RecordGrantPaymentEndpoint.Decide(less, claimed, Grant, Now), "state the difference");
        ThenAccepted(RecordGrantPaymentEndpoint.Decide(less with { Difference = " Two escorts' hotel not eligible " }, claimed, Grant, Now),
            new GrantPaid(FlightId, Grant, new Money(37_900m, Currency.EUR), new DateOnly(2026, 8, 3), "Two escorts' hotel not eligible", null, Now));
        ThenRefused(RecordGrantPaymentEndpoint.Decide(paid with { PaidOn = new DateOnly(2026, 6, 30) }, claimed, Grant, Now),
            "before it was claimed");
        ThenRefused(RecordGrantPaymentEndpoint.Decide(paid with { Amount = new Money(40_001m, Currency.EUR), Difference = "x" }, claimed, Grant, Now),
            "No more than");
        ThenRefused(RecordGrantPaymentEndpoint.Decide(paid, GivenFinance(Granted()), Grant, Now), "not been claimed yet");
    }

    [Fact]
    public void A_grant_is_rejected_before_it_is_paid_never_after()
    {
        var reject = new RejectGrant("Deadline missed by the carrier's invoice");
        ThenAccepted(RejectGrantEndpoint.Decide(reject, GivenFinance(Granted()), Grant, Now),
            new GrantRejected(FlightId, Grant, "Deadline missed by the carrier's invoice", Now));
        var paid = GivenFinance(Granted(), Attached(Proof, DocumentSubject.Grant, Grant), Claimed(100m),
            new GrantPaid(FlightId, Grant, new Money(100m, Currency.EUR), new DateOnly(2026, 8, 3), null, null, Now));
        ThenRefused(RejectGrantEndpoint.Decide(reject, paid, Grant, Now), "already paid");
        ThenRefused(RejectGrantEndpoint.Decide(reject, GivenFinance(Granted(), new GrantRejected(FlightId, Grant, "x", Now)), Grant, Now),
            "was rejected");
    }

    [Fact]
    public void The_cost_share_counts_a_grant_once_paid_and_shows_it_as_expected_until_then()
    {
        object[] final = [.. Split(SplitBasis.FixedRatio, Currency.EUR), Rate(1.2m), Cost(1, 100_000m, Currency.EUR, State.UK)];
        var decided = CostShare.Compute(GivenFinance([.. final, Granted(40_000m)])).Totals!;
        Assert.Equal((0m, 40_000m, 50_000m), (decided.States[0].FundingReceived, decided.States[0].FundingExpected, decided.States[0].Share));

        var claimed = CostShare.Compute(GivenFinance([.. final, Granted(40_000m), Attached(Proof, DocumentSubject.Grant, Grant), Claimed(38_500m)])).Totals!;
        Assert.Equal((0m, 38_500m), (claimed.States[0].FundingReceived, claimed.States[0].FundingExpected));

        var paid = CostShare.Compute(GivenFinance([.. final, Granted(40_000m), Attached(Proof, DocumentSubject.Grant, Grant), Claimed(38_500m),
            new GrantPaid(FlightId, Grant, new Money(37_900m, Currency.EUR), new DateOnly(2026, 8, 3), "Hotel", null, Now)])).Totals!;
        Assert.Equal((37_900m, 0m, 62_100m), (paid.States[0].FundingReceived, paid.States[0].FundingExpected, paid.SharedTotal));
        Assert.Equal((31_050m, 31_050m), (paid.States[0].Share, paid.States[1].Share));
        Assert.Equal(100_000m - 37_900m - 31_050m, -paid.States[0].Balance);

        var rejected = CostShare.Compute(GivenFinance([.. final, Granted(40_000m), new GrantRejected(FlightId, Grant, "x", Now)])).Totals!;
        Assert.Equal((0m, 0m, 100_000m), (rejected.States[0].FundingReceived, rejected.States[0].FundingExpected, rejected.SharedTotal));
    }

    [Fact]
    public void A_grant_payment_withdraws_the_confirmations_its_claim_does_not()
    {
        object[] confirmed = [.. Split(SplitBasis.FixedRatio), Rate(), Cost(1, 1000m, Currency.GBP, State.UK), Granted(100m),
            Attached(Proof, DocumentSubject.Grant, Grant), new CostShareConfirmed(FlightId, State.UK, Now)];
        Assert.Equal([State.UK], GivenFinance([.. confirmed, Claimed(100m)]).ConfirmedBy);
        Assert.Empty(GivenFinance([.. confirmed, Claimed(100m),
            new GrantPaid(FlightId, Grant, new Money(100m, Currency.EUR), new DateOnly(2026, 8, 3), null, null, Now)]).ConfirmedBy);
    }

    [Fact]
    public void An_unclaimed_grant_is_warned_of_before_its_deadline_day_ends_and_flagged_once_it_has()
    {
        var grant = GivenFinance(Granted()).Grants[0];
        var ends = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(ends, GrantDeadlines.Passes(grant));
        Assert.Null(GrantDeadlines.For(grant, TimeSpan.FromDays(14), ends.AddDays(-14).AddTicks(-1)));
        Assert.Equal(DeadlineKind.ClaimDeadlineNear, GrantDeadlines.For(grant, TimeSpan.FromDays(14), ends.AddDays(-14)));
        Assert.Equal(DeadlineKind.ClaimDeadlineNear, GrantDeadlines.For(grant, TimeSpan.FromDays(14), ends.AddTicks(-1)));
        Assert.Equal(DeadlineKind.ClaimDeadlinePassed, GrantDeadlines.For(grant, TimeSpan.FromDays(14), ends));
        Assert.Null(GrantDeadlines.For(grant with { Status = GrantStatus.Claimed }, TimeSpan.FromDays(14), ends));
        Assert.Null(GrantDeadlines.For(grant with { Status = GrantStatus.Rejected }, TimeSpan.FromDays(14), ends));
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, null)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44 }, null)]
    public void A_files_type_is_read_from_its_content(byte[] content, string? mediaType) =>
        Assert.Equal(mediaType, SupportingFiles.MediaTypeOf(content));

    [Fact]
    public void A_document_is_attached_to_something_that_stands_and_the_same_file_once()
    {
        var line = Line(1);
        var booked = GivenFinance(Booked(), Cost(1, 100m, Currency.GBP, State.UK));
        var target = DocumentTarget.Find(booked, line)!;
        Assert.Equal(new DocumentTarget(DocumentSubject.Line, line), target);
        Assert.Null(DocumentTarget.Find(booked, Case(9)));
        var attached = AttachDocumentEndpoint.Decide(booked, target, Pdf(), State.UK, Proof, Now);
        ThenAccepted(attached, new SupportingDocumentAttached(FlightId, Proof, DocumentSubject.Line, line, "invoice.pdf", "application/pdf",
            16, SupportingFiles.Sha256(Pdf().Content), State.UK, Now));
        var twice = GivenFinance([Booked(), Cost(1, 100m, Currency.GBP, State.UK), .. attached.Events]);
        ThenRefused(AttachDocumentEndpoint.Decide(twice, target, Pdf(), State.UK, Case(801), Now), "already attached");
        Assert.Null(AttachDocumentEndpoint.Decide(twice, target, Pdf("%PDF-1.7 another page"), State.UK, Case(801), Now).Refusal);

        var charter = new DocumentTarget(DocumentSubject.Charter, null);
        ThenRefused(AttachDocumentEndpoint.Decide(GivenFinance(), charter, Pdf(), State.UK, Proof, Now), "not booked yet");
        ThenRefused(AttachDocumentEndpoint.Decide(GivenFinance(Cost(1, 100m, Currency.GBP, State.UK),
            new CostWithdrawn(FlightId, line, "Duplicate", Now)), target, Pdf(), State.UK, Proof, Now), "withdrawn");
    }

    [Fact]
    public void Proof_is_attached_by_the_state_that_holds_it_and_removed_by_the_state_that_attached_it()
    {
        var (uk, fr) = (new Actor("u", "U", Role.Finance, State.UK), new Actor("f", "F", Role.Finance, State.FR));
        var finance = GivenFinance(Booked(), Cost(1, 100m, Currency.GBP, State.UK), Granted(recipient: State.FR),
            Attached(Proof, DocumentSubject.Line, Line(1)));
        Assert.Null(AttachDocumentEndpoint.Forbid(uk, finance, new DocumentTarget(DocumentSubject.Line, Line(1))));
        Assert.Contains("UK", AttachDocumentEndpoint.Forbid(fr, finance, new DocumentTarget(DocumentSubject.Line, Line(1)))!.In(Languages.English));
        Assert.Null(AttachDocumentEndpoint.Forbid(fr, finance, new DocumentTarget(DocumentSubject.Grant, Grant)));
        Assert.NotNull(AttachDocumentEndpoint.Forbid(fr, finance, new DocumentTarget(DocumentSubject.Charter, null)));
        Assert.Null(AttachDocumentEndpoint.Forbid(uk, finance, new DocumentTarget(DocumentSubject.Charter, null)));

        Assert.NotNull(RemoveDocumentEndpoint.Forbid(fr, finance, Proof));
        var remove = new RemoveDocument(" Scanned the wrong invoice ");
        ThenAccepted(RemoveDocumentEndpoint.Decide(remove, finance, Proof, Now),
            new SupportingDocumentRemoved(FlightId, Proof, "Scanned the wrong invoice", Now));
        var removed = GivenFinance(Booked(), Attached(Proof, DocumentSubject.Charter, null), new SupportingDocumentRemoved(FlightId, Proof, "x", Now));
        ThenRefused(RemoveDocumentEndpoint.Decide(remove, removed, Proof, Now), "already removed");
        ThenRefused(RemoveDocumentEndpoint.Decide(remove, removed, Case(9), Now), "no supporting document");
        Assert.Equal((true, false), (removed.Documents[0].Removed, removed.Documents[0].Deleted));
    }
}
