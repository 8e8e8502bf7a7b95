namespace SweepCluster.Cluster.Serialization;

/// <summary>
/// Marks a message or persisted event that may leave the process (another node, the journal). The HOCON binds
/// this interface to <see cref="SweepJsonSerializer"/>, so none of them ever falls back to Akka's default
/// Newtonsoft serializer.
/// </summary>
public interface ISweepMessage;
