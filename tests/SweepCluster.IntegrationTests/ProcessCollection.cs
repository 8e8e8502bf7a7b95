namespace SweepCluster.IntegrationTests;

/// <summary>The process tests share one collection: they run one after another, so that clusters never compete for the cores.</summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection
{
    public const string Name = "cluster processes";
}
