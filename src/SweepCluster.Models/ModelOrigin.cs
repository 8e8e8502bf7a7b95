namespace SweepCluster.Models;

/// <summary>The sweep a kept model comes from, as model.json names it: the sweep's name and its definition's hash.</summary>
public sealed record ModelOrigin(string SweepName, string DefinitionHash);
