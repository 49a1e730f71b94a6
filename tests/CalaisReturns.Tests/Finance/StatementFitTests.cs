using CalaisReturns.Finance.Stating;

namespace CalaisReturns.Tests.Finance;

/// <summary>How the statement's text fits its width, with every character one unit wide.</summary>
public class StatementFitTests
{
    private static double Width(string text) => text.Length;

    [Fact]
    public void Lines_break_at_plain_spaces_never_inside_a_sum_and_a_word_too_long_is_cut() =>
        Assert.Equal([["abc def", "ghi"], ["12\u202F300,50\u202F€", "ab"], ["abcd", "efgh", "ij"]],
        [
            StatementFit.Wrap("abc def ghi", 7, Width),
            StatementFit.Wrap("12\u202F300,50\u202F€ ab", 11, Width),
            StatementFit.Wrap("abcdefghij", 4, Width),
        ]);

    private static readonly StatementTable Lines = new(
        [new("State"), new("Description"), new("Amount", Amount: true)],
        [["UK", "Charter (corrected; it was £1,000.00: Credit note)", "£950.25"], ["FR", "Hotel", "€12,300.50"]]);

    [Fact]
    public void Cells_that_fit_keep_their_width_and_the_text_columns_share_what_is_left()
    {
        var widths = StatementFit.ColumnWidths(Lines, 100, Width, Width);
        Assert.Equal(10, widths[2]);
        Assert.Equal(100, widths.Sum(), 6);
        Assert.True(widths[1] > 50 && widths[0] >= 5);
    }

    [Fact]
    public void When_they_do_not_the_long_text_gives_way_and_money_and_short_columns_do_not()
    {
        var widths = StatementFit.ColumnWidths(Lines, 40, Width, Width);
        Assert.Equal((5, 10), (widths[0], widths[2]));
        Assert.Equal(25, widths[1], 3);
    }
}
