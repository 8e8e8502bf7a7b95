using SweepCluster.Core.Sweeps;

namespace SweepCluster.Training.Optimization;

/// <summary>
/// What the L1 term does around one optimizer step, decided in one place for the single and the packed path: in
/// <c>penalty</c> mode lambda·sign(w) joins the gradient, in <c>proximal</c> mode the optimizer soft-thresholds within its
/// step, in <c>group</c> mode whole groups shrink after it. With no lambda in the current phase (lambda 0, or the refit)
/// none of them happens.
/// </summary>
internal readonly record struct L1Plan(bool AddsGradient, bool Proximal, bool ShrinksGroups)
{
    /// <param name="penalized">Whether some trial of the step has a lambda above 0 in its current phase.</param>
    public static L1Plan For(L1Mode mode, bool penalized) =>
        new(penalized && mode == L1Mode.Penalty, penalized && mode == L1Mode.Proximal, penalized && mode == L1Mode.Group);
}
