using CalaisReturns.Finance.Publishing;
using static CalaisReturns.Finance.Publishing.Disclosure;

namespace CalaisReturns.Tests.Finance.Publishing;

/// <summary>Given a column of counts (one per country), when it is suppressed, then how each cell and the total are shown.</summary>
public class SuppressionTests
{
    private static void Then(int[] counts, Disclosure[] cells, Disclosure total)
    {
        var column = Suppression.Column(counts);
        Assert.Equal(cells, column.Cells);
        Assert.Equal(total, column.Total);
    }

    [Fact]
    public void Given_counts_from_1_to_4_Then_they_are_small_and_0_and_5_or_more_are_shown() =>
        Then([0, 3, 12, 20, 2, 5], [Shown, Small, Shown, Shown, Small, Shown], Shown);

    [Fact]
    public void Given_two_small_counts_that_leave_each_other_open_Then_no_complement_is_needed() =>
        // 42 − 37 published leaves 5 for the two: 1+4, 2+3, 3+2 or 4+1.
        Then([3, 12, 2, 25], [Small, Shown, Small, Shown], Shown);

    [Fact]
    public void Given_one_small_count_Then_the_smallest_count_of_5_or_more_is_withheld_with_it() =>
        // Alone, the 3 would be the total less the published cells.
        Then([3, 12, 7, 20], [Small, Shown, Withheld, Shown], Shown);

    [Fact]
    public void Given_equal_smallest_candidates_Then_the_first_is_withheld() =>
        Then([2, 9, 6, 6], [Small, Shown, Withheld, Shown], Shown);

    [Fact]
    public void Given_two_small_counts_whose_sum_pins_them_Then_a_complement_is_withheld()
    {
        // 1+1 = 2 can only be 1 and 1; 4+4 = 8 only 4 and 4.
        Then([1, 1, 30, 40], [Small, Small, Withheld, Shown], Shown);
        Then([4, 40, 4, 30], [Small, Shown, Small, Withheld], Shown);
    }

    [Fact]
    public void Given_a_complement_that_would_still_pin_the_small_count_Then_the_next_is_withheld_too() =>
        // 1 and a withheld 5 add to 6: a withheld cell is at least 5, so the other is 1. With the 40, 46 − 1 − 5 is open.
        Then([1, 5, 40], [Small, Withheld, Withheld], Shown);

    [Fact]
    public void Given_no_count_of_5_or_more_to_withhold_Then_the_total_is_withheld()
    {
        Then([4, 4], [Small, Small], Withheld);
        Then([4, 0, 4], [Small, Shown, Small], Withheld);
    }

    [Fact]
    public void Given_a_total_under_5_Then_it_is_small_too() =>
        Then([2, 0, 1], [Small, Shown, Small], Small);

    [Fact]
    public void Given_four_countries_of_one_Then_their_total_is_withheld_not_shown_as_under_5() =>
        // Four counts of at least 1 under a total below 5 are all 1.
        Then([1, 1, 0, 1, 1], [Small, Small, Shown, Small, Small], Withheld);

    [Fact]
    public void Given_no_small_count_Then_everything_is_shown()
    {
        Then([0, 0], [Shown, Shown], Shown);
        Then([], [], Shown);
        Then([5, 6], [Shown, Shown], Shown);
    }

    [Fact]
    public void Given_the_published_figures_Then_the_range_left_to_a_withheld_cell_is_what_the_total_and_the_other_bounds_allow()
    {
        int[] counts = [3, 12, 7, 20];
        var column = Suppression.Column(counts);
        // 42 − 32 = 10 for the <5 (1–4) and the [c] (at least 5).
        Assert.Equal((1L, (long?)4L), Suppression.Range(counts, column.Cells, column.Total, 0));
        Assert.Equal((6L, (long?)9L), Suppression.Range(counts, column.Cells, column.Total, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Suppression.Column([1, -1]));
    }
}
