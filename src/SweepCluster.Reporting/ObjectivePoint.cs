namespace SweepCluster.Reporting;

/// <summary>A ranked trial of a multi-objective sweep: its id and its value of each objective, in the metrics' own units.</summary>
internal sealed record ObjectivePoint(string TrialId, IReadOnlyList<double> Values);
