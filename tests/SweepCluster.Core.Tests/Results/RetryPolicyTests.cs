using SweepCluster.Core.Results;

namespace SweepCluster.Core.Tests.Results;

public sealed class RetryPolicyTests
{
    private static TrialResult Failure(TrialFailureKind? kind) => new("s-0", TrialStatus.Failed, "why", null, [], FailureKind: kind);

    [Fact]
    public void Transient_failures_are_retried_until_the_last_attempt()
    {
        var failure = Failure(TrialFailureKind.Transient);

        Assert.True(RetryPolicy.Retries(failure, attempt: 1, maxAttempts: 3));
        Assert.True(RetryPolicy.Retries(failure, attempt: 2, maxAttempts: 3));
        Assert.False(RetryPolicy.Retries(failure, attempt: 3, maxAttempts: 3));
    }

    [Fact]
    public void Deterministic_failure_is_final_at_its_first_attempt_and_logged_as_the_last()
    {
        var failure = Failure(TrialFailureKind.Deterministic);

        Assert.False(RetryPolicy.Retries(failure, attempt: 1, maxAttempts: 3));
        // monitor reads Attempt = MaxAttempts as final
        Assert.Equal(1, RetryPolicy.LoggedMaxAttempts(failure, attempt: 1, maxAttempts: 3));
        Assert.Equal(3, RetryPolicy.LoggedMaxAttempts(Failure(TrialFailureKind.Transient), attempt: 1, maxAttempts: 3));
    }

    [Fact]
    public void Failure_of_no_stated_kind_counts_as_transient()
    {
        // given a failure from a trainer that does not say its kind
        var classified = RetryPolicy.WithKind(Failure(null));

        // then it is retried, and says so
        Assert.Equal(TrialFailureKind.Transient, classified.FailureKind);
        Assert.True(RetryPolicy.Retries(classified, attempt: 1, maxAttempts: 3));
        Assert.Equal("transient", RetryPolicy.KindText(classified.FailureKind));
    }

    [Theory]
    [InlineData(TrialStatus.Completed)]
    [InlineData(TrialStatus.Diverged)]
    [InlineData(TrialStatus.Interrupted)]
    public void Results_that_did_not_fail_get_no_kind_and_no_retry(TrialStatus status)
    {
        var result = RetryPolicy.WithKind(new TrialResult("s-0", status, null, null, []));

        Assert.Null(result.FailureKind);
        Assert.False(RetryPolicy.Retries(result, attempt: 1, maxAttempts: 3));
        Assert.Equal("", RetryPolicy.KindText(result.FailureKind));
    }
}
