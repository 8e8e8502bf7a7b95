namespace SweepCluster.Core.Dispatch;

/// <summary>
/// The order in which a sweep's trials are handed out and what each is estimated to cost (see <see cref="TrialCost"/>).
/// <see cref="Uniform"/> is index order with every trial costing 1: a pack's fair share is then a count of trials.
/// </summary>
/// <param name="Order">Every index of the sweep exactly once, in the order they are handed out; null for index order.</param>
/// <param name="Costs">Each index's estimated cost, by index; null when every trial costs 1.</param>
public sealed record DispatchPlan(IReadOnlyList<long>? Order, IReadOnlyList<double>? Costs)
{
    public static DispatchPlan Uniform { get; } = new(null, null);

    public double CostOf(long index) => Costs?[(int)index] ?? 1;

    public long IndexAt(long position) => Order?[(int)position] ?? position;
}
