namespace SweepCluster.Cluster.Logging;

/// <summary>
/// One log event of Akka's, as the classifier needs it: the class that logged it (<c>Akka.Remote.EndpointWriter</c>),
/// its log source (often an actor path, which for an endpoint names the remote address), the rendered message and
/// the exception, if any.
/// </summary>
public sealed record AkkaLogLine(string? LogClass, string? LogSource, string Message, Exception? Cause = null);
