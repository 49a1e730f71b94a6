using CalaisReturns.Web;

namespace CalaisReturns.Tests.Web;

public class SessionsTests
{
    private static readonly DateTimeOffset SignedIn = new(2027, 3, 28, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(11.9, false)]
    [InlineData(12, false)]
    [InlineData(12.1, true)]
    public void Given_a_session_signed_in_hours_ago_then_it_is_outlived_only_past_the_absolute_lifetime(double hours, bool outlived) =>
        Assert.Equal(outlived, Sessions.Outlived(SignedIn, SignedIn.AddHours(hours), TimeSpan.FromHours(12)));
}
