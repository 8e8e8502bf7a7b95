using Akka.Actor;
using Akka.Event;
using SweepCluster.Cluster.Logging;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Coordination;

/// <summary>What a coordinator is given and never changes: its sweep, settings, results actor and logs (tagged with the sweep).</summary>
internal sealed record SweepContext(string Id, ITrialSource Source, CoordinatorSettings Settings, IActorRef Results, TrialLog Trials)
{
    public ILoggingAdapter Log => Trials.Adapter;

    public string PersistenceId => Settings.PersistenceId ?? $"sweep-{Id}";

    // Metric and Goal ride along as properties so that `monitor` knows what "best" means.
    public ILoggingAdapter SweepLog() =>
        Log.WithContext("Metric", Source.Metric.Name).WithContext("Goal", Source.Metric.Goal.ToString().ToLowerInvariant());
}
