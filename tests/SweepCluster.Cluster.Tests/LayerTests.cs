using SweepCluster.Cluster.Coordination;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Tests;

/// <summary>The layers of docs/architecture.md, as the compiled assemblies see them.</summary>
public sealed class LayerTests
{
    [Fact]
    public void The_cluster_assembly_references_no_torch_so_a_coordinator_node_needs_no_libtorch()
    {
        var referenced = typeof(CoordinatorActor).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain(referenced, name => name!.StartsWith("TorchSharp", StringComparison.Ordinal));
        Assert.DoesNotContain("SweepCluster.Training", referenced);
    }

    [Fact]
    public void The_model_writers_reference_neither_akka_nor_torch()
    {
        var referenced = typeof(Models.ModelShelf).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(referenced, name => name.StartsWith("Akka", StringComparison.Ordinal) || name.StartsWith("TorchSharp", StringComparison.Ordinal));
        Assert.DoesNotContain("SweepCluster.Training", referenced);
    }

    [Fact]
    public void Core_references_neither_akka_nor_torch()
    {
        var referenced = typeof(ITrialTrainer).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(referenced, name => name.StartsWith("Akka", StringComparison.Ordinal) || name.StartsWith("TorchSharp", StringComparison.Ordinal));
    }
}
