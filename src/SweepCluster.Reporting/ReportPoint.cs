namespace SweepCluster.Reporting;

/// <summary>A completed trial as the plots need it: lambda (null when not swept or not positive), widths text, metrics.</summary>
internal sealed record ReportPoint(string TrialId, double? Lambda, string Widths, double ValLoss, double Sparsity);
