using System.Text.Json.Serialization;
using SweepCluster.Core.Models;

namespace SweepCluster.Core.Results;

/// <summary>
/// The outcome of one trial. <paramref name="Metrics"/> is null when the trial produced none
/// (it failed before its first epoch). <paramref name="Reason"/> explains any status but Completed.
/// <paramref name="Worker"/>, <paramref name="Node"/> and <paramref name="Device"/> (<c>cpu</c>, <c>cuda:0</c>, …) say
/// where it trained; the worker stamps them. <paramref name="FailureKind"/> says whether a failure may be retried; null
/// when the trial did not fail, and in results.jsonl lines written before failures had kinds. <paramref name="Model"/>: the
/// trained network, carried from the trainer to the results actor only when the coordinator asked for it (a result that
/// may enter the top K kept models); results.jsonl never holds it.
/// </summary>
public sealed record TrialResult(
    string TrialId,
    TrialStatus Status,
    string? Reason,
    TrialMetrics? Metrics,
    IReadOnlyList<EpochRecord> History,
    string Worker = "",
    string Node = "",
    string Device = "",
    TrialFailureKind? FailureKind = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TrainedModel? Model = null);
