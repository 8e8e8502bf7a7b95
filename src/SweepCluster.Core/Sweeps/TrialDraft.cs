namespace SweepCluster.Core.Sweeps;

/// <summary>The settings of a trial while parameters are being applied to the sweep's base settings.</summary>
internal sealed record TrialDraft(double Lambda, double Dropout, IReadOnlyList<int>? Widths, TrainingSettings Training);
