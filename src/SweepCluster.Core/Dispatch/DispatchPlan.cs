namespace SweepCluster.Core.Dispatch;

/// <summary>
/// The order in which a sweep's trials are handed out and what each is estimated to cost (see <see cref="TrialCost"/>).
/// <see cref="Uniform"/> is index order with every trial costing 1: a pack's fair share is then a count of trials.
/// </summary>
/// <param name="Order">Every index of the sweep exactly once, in the order they are handed out; null for index order.</param>
/// <param name="Costs">Each index's estimated cost, by index, where every trial is known in advance; else null.</param>
/// <param name="Estimate">A generated trial's estimated cost, where the data's dimensions are known (an adaptive search's
/// trials exist only once generated); null: every trial costs 1.</param>
public sealed record DispatchPlan(IReadOnlyList<long>? Order, IReadOnlyList<double>? Costs, Func<Trials.TrialSpec, double>? Estimate = null)
{
    public static DispatchPlan Uniform { get; } = new(null, null);

    /// <summary>An index's cost in the queue's units: its estimate where every trial is known, else 1 (a count).</summary>
    public double CostOf(long index) => Costs?[(int)index] ?? 1;

    /// <summary>A generated trial's estimated cost (1 when nothing is known).</summary>
    public double CostOf(Trials.TrialSpec trial) => Costs is not null ? CostOf(trial.Index) : Estimate?.Invoke(trial) ?? 1;

    public long IndexAt(long position) => Order?[(int)position] ?? position;
}
