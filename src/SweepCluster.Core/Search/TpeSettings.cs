namespace SweepCluster.Core.Search;

/// <summary>
/// The <c>tpe:</c> block of <c>method: tpe</c>. Defaults as Optuna's TPESampler documents them: 10 random startup
/// trials, 24 candidates per suggestion, and the good group the best ⌈gamma·n⌉ trials, at most 25.
/// </summary>
public sealed record TpeSettings(int StartupTrials = 10, int Candidates = 24, double Gamma = 0.1, int MaxGood = 25)
{
    public static TpeSettings Default { get; } = new();
}
