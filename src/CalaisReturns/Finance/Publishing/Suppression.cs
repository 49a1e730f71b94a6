namespace CalaisReturns.Finance.Publishing;

/// <summary>How a published count is shown.</summary>
public enum Disclosure
{
    /// <summary>The count itself.</summary>
    Shown,

    /// <summary>A count from 1 to 4: <c>&lt;5</c>.</summary>
    Small,

    /// <summary>Withheld so that no small count can be worked out from the totals: <c>[c]</c>.</summary>
    Withheld,
}

/// <summary>A column of counts as published: how each country's cell and the total are shown.</summary>
public sealed record SuppressedColumn(IReadOnlyList<Disclosure> Cells, Disclosure Total);

/// <summary>
/// Small-count suppression of one column of counts and its total, pure. Primary: a count from 1 to 4 is shown as
/// <c>&lt;5</c> (0 is shown). Secondary: no withheld cell may be worked out from what is published, so while one can,
/// the smallest other count of 5 or more in the column (the first of equals) is withheld with it, or the total when
/// there is none. A reader who knows these rules knows that a <c>&lt;5</c> is 1 to 4, a withheld country's cell at
/// least 5, and a withheld total at least 4 (it is 5 or more, or 4 made of four countries of one: the four <c>&lt;5</c>
/// and a total below 5 would give them away). The column's published cells and total are that reader's only
/// equation, so a cell is worked out exactly when the range the equation leaves it is a single value.
/// </summary>
public static class Suppression
{
    public const int Threshold = 5;

    public const string SmallMark = "<5";

    public const string WithheldMark = "[c]";

    public static SuppressedColumn Column(IReadOnlyList<int> counts)
    {
        if (counts.Any(c => c < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(counts), "Counts are never negative.");
        }

        var cells = counts.Select(Primary).ToArray();
        var total = Primary(counts.Sum());
        while (AnyWorkedOut(counts, cells, total))
        {
            var complement = Enumerable.Range(0, counts.Count)
                .Where(i => cells[i] == Disclosure.Shown && counts[i] >= Threshold)
                .OrderBy(i => counts[i]).ThenBy(i => i)
                .Select(i => (int?)i)
                .FirstOrDefault();
            if (complement is { } cell)
            {
                cells[cell] = Disclosure.Withheld;
            }
            else if (total != Disclosure.Withheld)
            {
                total = Disclosure.Withheld;
            }
            else
            {
                // Everything non-zero withheld leaves every small cell at least two values (see the tests' properties).
                throw new InvalidOperationException("A withheld count could still be worked out with the whole column withheld.");
            }
        }

        return new SuppressedColumn(cells, total);
    }

    /// <summary>What a reader who knows the rules knows of a withheld value: its least and greatest (null: unbounded).</summary>
    public static (long Least, long? Greatest) Bounds(Disclosure disclosure, bool total) => disclosure switch
    {
        Disclosure.Small => (1, Threshold - 1),
        Disclosure.Withheld => (total ? Threshold - 1 : Threshold, null),
        _ => throw new ArgumentOutOfRangeException(nameof(disclosure), "A shown count is known exactly."),
    };

    /// <summary>
    /// The values a withheld cell (<paramref name="index"/>, or the total when null) may take, given the column's published
    /// cells, its total (published or withheld) and the bounds of the other withheld values: the one equation
    /// <c>cells = total</c> with every unknown in an interval of integers leaves each unknown an interval of integers.
    /// </summary>
    public static (long Least, long? Greatest) Range(IReadOnlyList<int> counts, IReadOnlyList<Disclosure> cells, Disclosure total,
        int? index)
    {
        long published = counts.Where((_, i) => cells[i] == Disclosure.Shown).Sum(c => (long)c);
        var others = Enumerable.Range(0, counts.Count).Where(i => cells[i] != Disclosure.Shown && i != index)
            .Select(i => Bounds(cells[i], total: false)).ToList();
        var othersLeast = others.Sum(b => b.Least);
        long? othersGreatest = others.All(b => b.Greatest is not null) ? others.Sum(b => b.Greatest!.Value) : null;
        var (totalLeast, totalGreatest) = total == Disclosure.Shown
            ? (counts.Sum(c => (long)c), (long?)counts.Sum(c => (long)c))
            : Bounds(total, total: true);

        if (index is null)
        {
            return (Math.Max(totalLeast, published + othersLeast), Min(totalGreatest, published + othersGreatest));
        }

        var (least, greatest) = Bounds(cells[index.Value], total: false);
        return (othersGreatest is { } g ? Math.Max(least, totalLeast - published - g) : least,
            Min(greatest, totalGreatest - published - othersLeast));
    }

    private static bool AnyWorkedOut(IReadOnlyList<int> counts, Disclosure[] cells, Disclosure total) =>
        Enumerable.Range(0, counts.Count).Where(i => cells[i] != Disclosure.Shown).Select(i => (int?)i)
            .Concat(total == Disclosure.Shown ? [] : [null])
            .Any(i => Range(counts, cells, total, i) is var (least, greatest) && greatest == least);

    private static Disclosure Primary(int count) => count is > 0 and < Threshold ? Disclosure.Small : Disclosure.Shown;

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
