using CalaisReturns.Cases;
using CalaisReturns.Cases.Barriers;
using CalaisReturns.Cases.Closing;
using CalaisReturns.Cases.Documenting;
using CalaisReturns.Cases.Erasing;
using CalaisReturns.Cases.Opening;
using CalaisReturns.Core;
using FluentValidation;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Cases;

public class CaseDecisionTests
{
    private static readonly Guid Id = Case(1);
    private static readonly Guid BarrierId = Case(900);

    private static ReturneeCase Given(params object[] events) => events.Aggregate((ReturneeCase?)null, ReturneeCase.Fold)!;

    private static CaseOpened Opened() => new(Id, State.FR, "AGDREF-0751", "Nom Prénom", "AL", new DateOnly(1990, 1, 2), Now);

    [Fact]
    public void Opening_records_the_owning_state_reference_and_personal_data_in_one_event() =>
        Assert.Equal(Opened(),
            OpenCaseEndpoint.Decide(new OpenCase("AGDREF-0751", " Nom Prénom ", "AL", new DateOnly(1990, 1, 2)), Id, State.FR, Now));

    [Fact]
    public void A_case_folds_its_document_barriers_and_closure()
    {
        var raised = new BarrierRaised(Id, BarrierId, BarrierKind.TraffickingReferral, "NRM-1", Now);
        var @case = Given(Opened(), new TravelDocumentRecorded(Id, TravelDocumentKind.LaissezPasser, new DateOnly(2027, 1, 1), Now),
            raised);
        Assert.Equal((new DateOnly(2027, 1, 1), true), (@case.TravelDocumentExpiry, @case.IsBarred));
        Assert.False(Given(Opened(), raised, new BarrierLifted(Id, BarrierId, "Decided", Now)).IsBarred);
        Assert.Equal(CaseStatus.Closed, Given(Opened(), new CaseClosed(Id, CaseClosure.Transferred, Now)).Status);
    }

    [Fact]
    public void Barriers_are_raised_with_their_reference_and_lifted_by_id()
    {
        ThenAccepted(RaiseBarrierEndpoint.Decide(new RaiseBarrier(BarrierKind.Rule39InterimMeasure, " ECHR-39/26 "), Given(Opened()),
            BarrierId, Now), new BarrierRaised(Id, BarrierId, BarrierKind.Rule39InterimMeasure, "ECHR-39/26", Now));
        ThenRefused(LiftBarrierEndpoint.Decide(new LiftBarrier("x"), Given(Opened()), BarrierId, Now), "has no open barrier");
    }

    [Fact]
    public void A_closed_case_accepts_no_document_barrier_or_second_closure()
    {
        var closed = Given(Opened(), new CaseClosed(Id, CaseClosure.Released, Now));
        ThenRefused(RecordTravelDocumentEndpoint.Decide(
            new RecordTravelDocument(TravelDocumentKind.Passport, new DateOnly(2030, 1, 1)), closed, Now), "is closed");
        ThenRefused(RaiseBarrierEndpoint.Decide(new RaiseBarrier(BarrierKind.Other, "x"), closed, BarrierId, Now), "is closed");
        ThenRefused(CloseCaseEndpoint.Decide(CaseClosure.Removed, closed, Now), "is closed");
    }

    [Fact]
    public void Personal_data_is_erased_once_and_only_after_closure()
    {
        ThenRefused(EraseCaseEndpoint.Decide(Given(Opened()), Now), "erased only after the case is closed");
        var closed = Given(Opened(), new CaseClosed(Id, CaseClosure.Removed, Now));
        ThenAccepted(EraseCaseEndpoint.Decide(closed, Now), new PersonalDataErased(Id, Now));
        ThenRefused(EraseCaseEndpoint.Decide(Given(Opened(), new CaseClosed(Id, CaseClosure.Removed, Now),
            new PersonalDataErased(Id, Now)), Now), "already erased");
    }

    [Theory]
    [InlineData("", "Name", "AL", "1990-01-01", "CaseReference")]
    [InlineData("HO 123", "Name", "AL", "1990-01-01", "CaseReference")]
    [InlineData("HO-1", "", "AL", "1990-01-01", "FullName")]
    [InlineData("HO-1", "Name", "Albania", "1990-01-01", "Nationality")]
    [InlineData("HO-1", "Name", "AL", "2026-07-01", "DateOfBirth")]
    [InlineData("HO-1", "Name", "AL", "1899-12-31", "DateOfBirth")]
    public void A_case_needs_a_clean_reference_a_name_a_nationality_and_a_past_birth_date(string reference, string name,
        string nationality, string born, string field)
    {
        IValidator<OpenCase> validator = new OpenCase.Validator(new TestClock(Now));
        var errors = validator.Validate(new OpenCase(reference, name, nationality, DateOnly.Parse(born))).Errors;
        Assert.Equal([field], errors.Select(e => e.PropertyName).Distinct());
    }
}
