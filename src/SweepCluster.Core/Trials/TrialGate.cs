namespace SweepCluster.Core.Trials;

/// <summary>
/// Asked by a trainer after it has reported epoch <paramref name="epoch"/> of the trial at <paramref name="position"/>
/// (0 for a single trial, its place in a pack): true to go on, false to stop that trial early (it ends as
/// <see cref="Results.TrialStatus.StoppedEarly"/> with its best epoch so far; the rest of a pack goes on). It may block
/// until the sweep's scheduler has decided, so it is called on the training thread, never an actor's.
/// </summary>
public delegate bool TrialGate(int position, int epoch);
