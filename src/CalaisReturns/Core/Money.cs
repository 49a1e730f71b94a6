namespace CalaisReturns.Core;

public enum Currency
{
    GBP,
    EUR,
}

/// <summary>An amount in one currency. Always <c>decimal</c>; rounding happens only at the end.</summary>
public readonly record struct Money(decimal Amount, Currency Currency);

/// <summary>The rate fixed for a flight: euros per pound, with the date and source that justify it.</summary>
public sealed record ExchangeRate(decimal EurPerGbp, DateOnly RateDate, string Source)
{
    /// <summary>Converts exactly (no rounding); <c>null</c> rate means only same-currency amounts convert.</summary>
    public static decimal? Convert(Money money, Currency to, ExchangeRate? rate) =>
        money.Currency == to ? money.Amount
        : rate is null ? null
        : to == Currency.EUR ? money.Amount * rate.EurPerGbp
        : money.Amount / rate.EurPerGbp;
}

public static class MoneyMath
{
    /// <summary>To the minor unit (pence, cents), half away from zero (DESIGN.md "Money").</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Rounds exact parts to minor units so that they sum exactly to the rounded sum of the exact
    /// parts: each part is floored, and the minor units left over go one each to the parts with the
    /// largest remainders (ties to the earlier part). Works for negative parts too.
    /// </summary>
    public static decimal[] RoundPreservingTotal(IReadOnlyList<decimal> exact)
    {
        var scaled = exact.Select(x => x * 100m).ToArray();
        var floors = scaled.Select(decimal.Floor).ToArray();
        var leftOver = (int)(Round(exact.Sum()) * 100m - floors.Sum());
        var byRemainder = Enumerable.Range(0, exact.Count)
            .OrderByDescending(i => scaled[i] - floors[i])
            .ThenBy(i => i)
            .Take(leftOver);
        foreach (var i in byRemainder)
        {
            floors[i] += 1m;
        }

        return [.. floors.Select(f => f / 100m)];
    }

    /// <summary>Divides a total (already in minor units) by weights; the parts sum exactly to the total.</summary>
    public static decimal[] Split(decimal total, IReadOnlyList<decimal> weights)
    {
        var sum = weights.Sum();
        return sum == 0
            ? throw new ArgumentException("At least one weight must be positive.", nameof(weights))
            : RoundPreservingTotal([.. weights.Select(w => total * w / sum)]);
    }
}
