using Akka.Actor;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Coordination;

/// <summary>A trial a worker holds; the spec is kept only while it runs (its swept values go to the results).</summary>
internal sealed record Assignment(TrialSpec Trial, int Attempt, IActorRef Worker, WorkerInfo Info);
