using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// What <see cref="AssignmentDesk.Hand"/> made of a pack: the <paramref name="Message"/> to send for the trials it
/// <paramref name="Held"/> (cut to the remoting frame); or, when a single trial is too large to send, no message, that trial
/// alone in <paramref name="Held"/> and the result it fails for good with (<paramref name="TooLarge"/>).
/// </summary>
internal sealed record Handout(object? Message, IReadOnlyList<Assignment> Held, TrialResult? TooLarge);
