namespace CalaisReturns.Finance.Stating;

/// <summary>How the statement's text fits its width, given how wide a text is set: lines broken, columns sized.</summary>
internal static class StatementFit
{
    /// <summary>
    /// Breaks a text at plain spaces, never at the no-break spaces inside a sum; a word too long for the width is cut
    /// where it must be.
    /// </summary>
    public static List<string> Wrap(string text, double width, Func<string, double> measure)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var longer = line.Length == 0 ? word : $"{line} {word}";
            if (measure(longer) <= width)
            {
                line = longer;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            line = word;
            while (line.Length > 1 && measure(line) > width)
            {
                var fits = Enumerable.Range(1, line.Length - 1).LastOrDefault(n => measure(line[..n]) <= width, 1);
                lines.Add(line[..fits]);
                line = line[fits..];
            }
        }

        lines.Add(line);
        return lines;
    }

    /// <summary>
    /// Every column as wide as its cells need when they all fit <paramref name="available"/>; otherwise money is never
    /// narrower than its widest figure, text never narrower than its longest word (unless even that cannot fit), and
    /// the widest columns give way first.
    /// </summary>
    /// <param name="cell">How wide a cell's text is set.</param>
    /// <param name="header">How wide a header's text is set.</param>
    public static double[] ColumnWidths(StatementTable table, double available, Func<string, double> cell, Func<string, double> header)
    {
        double Widest(IEnumerable<string> texts, Func<string, double> measure) => texts.Select(measure).DefaultIfEmpty(0).Max();
        double Cells(int i, bool whole) => Widest(table.Rows.SelectMany(r => whole ? [r[i]] : r[i].Split(' ')), cell);
        double Header(int i, bool whole) => Widest(whole ? [table.Columns[i].Label] : table.Columns[i].Label.Split(' '), header);

        var columns = Enumerable.Range(0, table.Columns.Count).ToList();
        var least = columns.Select(i => Math.Max(Cells(i, whole: table.Columns[i].Amount), Header(i, whole: false))).ToArray();
        var natural = columns.Select(i => Math.Max(Cells(i, whole: true), Header(i, whole: true))).ToArray();
        if (natural.Sum() <= available)
        {
            // Room for every cell unwrapped: the text columns share what is left over, money stays as wide as it is.
            var text = columns.Where(i => !table.Columns[i].Amount).Sum(i => natural[i]);
            return [.. columns.Select(i => table.Columns[i].Amount || text == 0 ? natural[i]
                : natural[i] + (available - natural.Sum()) * natural[i] / text)];
        }

        if (least.Sum() >= available)
        {
            return [.. columns.Select(i => available * least[i] / least.Sum())];
        }

        // The widest columns are cut down to one width, found by halving: the narrow ones (a state, a category) keep
        // all they need, and only the long texts (a description with its corrections) wrap.
        double Fitted(double cap) => columns.Sum(i => Math.Max(least[i], Math.Min(natural[i], cap)));
        var (fits, tooWide) = (0.0, natural.Max());
        for (var halving = 0; halving < 30; halving++)
        {
            var cap = (fits + tooWide) / 2;
            (fits, tooWide) = Fitted(cap) <= available ? (cap, tooWide) : (fits, cap);
        }

        return [.. columns.Select(i => Math.Max(least[i], Math.Min(natural[i], fits)))];
    }
}
