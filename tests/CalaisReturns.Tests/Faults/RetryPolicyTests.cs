using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime;

namespace CalaisReturns.Tests.Faults;

/// <summary>
/// A message whose handler meets a deadlock is tried again, not sent to the dead letters: Marten reports a deadlock that
/// aborted the session's transaction wrapped in an exception of its own, so the rule has to look inside (a full run lost
/// two case closures to the dead letters that way before the rule did).
/// </summary>
[Collection(AppCollection.Name)]
public class RetryPolicyTests(AppFixture app)
{
    private IContinuation? ContinuationFor(Exception failure)
    {
        var failures = ((IWithFailurePolicies)app.Host.Services.GetRequiredService<IWolverineRuntime>().Options).Failures;
        var envelope = new Envelope { Attempts = 1 };
        foreach (var rule in failures)
        {
            if (rule.TryCreateContinuation(failure, envelope, out var continuation))
            {
                return continuation;
            }
        }

        return null;
    }

    [Theory]
    [InlineData("40P01")] // deadlock detected
    [InlineData("40001")] // serialization failure
    public void A_database_failure_inside_the_sessions_own_exception_is_retried(string sqlState)
    {
        var wrapped = new InvalidOperationException("This session cannot be used any further",
            new PostgresException("deadlock detected", "ERROR", "ERROR", sqlState));
        var continuation = ContinuationFor(wrapped);
        Assert.NotNull(continuation);
        Assert.Contains("Retry", continuation.GetType().Name);
    }

    [Fact]
    public void An_exception_with_no_database_failure_inside_is_not_retried_by_these_rules() =>
        Assert.Null(ContinuationFor(new InvalidOperationException("a bug")));
}
