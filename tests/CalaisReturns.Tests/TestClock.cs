namespace CalaisReturns.Tests;

/// <summary>A clock the tests set: unlike FakeTimeProvider it may go back, so each test starts at the same instant.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
