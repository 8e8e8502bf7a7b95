namespace SweepCluster.Core.Sweeps;

/// <summary>The <c>model:</c> section as read, before it is merged into the definition.</summary>
internal sealed record ModelSettings(int? Outputs, IReadOnlyList<int>? Widths, double Dropout);
