namespace SweepCluster.Core.Results;

/// <summary>
/// Why a trial failed, which decides whether running it again can help. The producer of the failure says which:
/// the trainer knows a data or configuration problem when it meets one; a worker's catch-all does not.
/// </summary>
public enum TrialFailureKind
{
    /// <summary>Bad data, shapes or configuration: the same trial fails the same way on any worker, so it is not retried.</summary>
    Deterministic,

    /// <summary>An unexpected exception, an I/O error, a lost worker: another attempt may succeed, so it is retried up to the limit.</summary>
    Transient,
}
