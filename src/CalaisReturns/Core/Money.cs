namespace CalaisReturns.Core;

public enum Currency
{
    GBP,
    EUR,
}

/// <summary>An amount in one currency. Always <c>decimal</c>; rounding happens only at the end.</summary>
public readonly record struct Money(decimal Amount, Currency Currency);
