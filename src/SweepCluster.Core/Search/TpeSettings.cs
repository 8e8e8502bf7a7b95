namespace SweepCluster.Core.Search;

/// <summary>
/// The <c>tpe:</c> block of <c>method: tpe</c>. Defaults as Optuna's TPESampler documents them: 10 random startup
/// trials, 24 candidates per suggestion, the good group the best ⌈gamma·n⌉ trials (at least 1, at most 25), and a
/// prior of weight 1 in every estimator.
/// </summary>
/// <param name="StartupTrials">Trials placed at random (as <see cref="RandomSearch"/> would) until this many have finished.</param>
/// <param name="Candidates">Samples drawn from the good estimator per parameter; the one most likelier under it than under the bad one wins.</param>
/// <param name="Gamma">The fraction of finished trials (with a loss) that form the good group, in (0, 1].</param>
/// <param name="MaxGood">The most trials the good group holds (Optuna's cap of 25); not settable from a sweep file.</param>
/// <param name="PriorWeight">The weight of the prior component (uniform-ish over the domain) against each observation's.</param>
public sealed record TpeSettings(int StartupTrials = 10, int Candidates = 24, double Gamma = 0.1, int MaxGood = 25, double PriorWeight = 1.0)
{
    public static TpeSettings Default { get; } = new();
}
