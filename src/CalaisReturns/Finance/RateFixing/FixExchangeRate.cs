using CalaisReturns.Finance.Periods;

namespace CalaisReturns.Finance.RateFixing;

/// <summary>Fixes the flight's EUR/GBP rate once; replacing it later needs a reason.</summary>
public sealed record FixExchangeRate(decimal EurPerGbp, DateOnly RateDate, string Source, string? Reason = null,
    long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<FixExchangeRate>
    {
        public Validator()
        {
            RuleFor(c => c.EurPerGbp).GreaterThan(0)
                .Must(r => r.Scale >= 4).WithMessage(_ => Texts.Get("Validation.RateDecimals"))
                .PrecisionScale(12, 6, ignoreTrailingZeros: true);
            RuleFor(c => c.RateDate).Must(d => d.Year >= 1999).WithMessage(_ => Texts.Get("Validation.RateDate"));
            RuleFor(c => c.Source).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Reason).MaximumLength(500);
        }
    }
}

public static class FixExchangeRateEndpoint
{
    public static Decision Decide(FixExchangeRate command, FlightFinance finance, DateTimeOffset now) =>
        finance.Rate is { } fixedRate && string.IsNullOrWhiteSpace(command.Reason)
            ? Decision.Refuse("Refusal.RateFixed", fixedRate.EurPerGbp, fixedRate.Source)
            : Decision.Accept(new ExchangeRateFixed(finance.Id, command.EurPerGbp, command.RateDate, command.Source.Trim(),
                command.Reason?.Trim(), now));

    [WolverinePost("/api/flights/{flightId}/exchange-rate", OperationId = "FixExchangeRate",
        Summary = "Fix the flight's EUR/GBP rate, with its date and source")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static Task<IResult> Post(Guid flightId, FixExchangeRate command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var officer = Actor.From(user);
        return session.Decide<FlightLedger>(flightId, command.ExpectedVersion, l => FinanceAccess.Participant(officer, l.Facts),
            l => ClosedMonths.Guarded(session, l.Facts, command.Reason, () => Decide(command, l.Facts, clock.GetUtcNow()), ct), ct);
    }
}
