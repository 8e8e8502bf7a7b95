namespace SweepCluster.Training.Trainer;

/// <summary>What follows a trial's reported epoch (see <see cref="TrialProgress.Conclude"/>).</summary>
internal enum EpochOutcome
{
    /// <summary>The phase goes on.</summary>
    Continue,

    /// <summary>The gate stopped the trial.</summary>
    StoppedEarly,

    /// <summary>The regularized phase ended and the refit has begun: restore the best weights, freeze the zeros, restart the optimizer.</summary>
    Refit,

    /// <summary>The trial's last phase ended.</summary>
    Completed,
}
