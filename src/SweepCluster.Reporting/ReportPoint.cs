namespace SweepCluster.Reporting;

/// <summary>
/// A completed trial as the plots need it: lambda (null when not swept or not positive), widths text, metrics. In a sweep
/// with repeats a point is a configuration: its metrics are means and <paramref name="ValLossStd"/> the sample standard
/// deviation of its repeats' validation loss (null for a trial, or a configuration with one rankable repeat).
/// </summary>
internal sealed record ReportPoint(string TrialId, double? Lambda, string Widths, double ValLoss, double Sparsity, double? ValLossStd = null);
