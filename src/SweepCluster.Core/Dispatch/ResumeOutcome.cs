using SweepCluster.Core.Results;

namespace SweepCluster.Core.Dispatch;

/// <summary>
/// What a resume found: the recorded trials the journal did not hold as settled (<paramref name="Adopted"/>, to journal),
/// how many journaled trials the results file lacks (<paramref name="Missing"/>: they run again) and how many trials are
/// settled now (<paramref name="Resumed"/>).
/// </summary>
public sealed record ResumeOutcome(IReadOnlyList<(long Index, TrialStatus Status)> Adopted, int Missing, long Resumed);
