namespace SweepCluster.Core.Scheduling;

/// <summary>
/// One bracket of Hyperband: <paramref name="S"/> as in the paper (s_max for the most aggressive, 0 for the last),
/// <paramref name="Trials"/> = n_s, its share of every Σn_s consecutive trials, and the grace epochs r·η^(s_max−s) of its ASHA.
/// </summary>
public sealed record HyperbandBracket(int S, int Trials, int GraceEpochs);
