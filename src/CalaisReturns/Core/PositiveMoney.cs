
namespace CalaisReturns.Core;

/// <summary>An amount above zero, in pence or cents at the finest, in GBP or EUR.</summary>
public sealed class PositiveMoney : AbstractValidator<Money>
{
    public PositiveMoney()
    {
        RuleFor(m => m.Amount).GreaterThan(0).PrecisionScale(18, 2, ignoreTrailingZeros: true);
        RuleFor(m => m.Currency).IsInEnum();
    }
}
