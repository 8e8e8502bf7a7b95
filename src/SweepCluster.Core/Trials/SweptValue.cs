namespace SweepCluster.Core.Trials;

/// <summary>One swept parameter's value in a trial, as written in leaderboards (e.g. <c>widths = [128, 64]</c>).</summary>
public sealed record SweptValue(string Name, string Text);
