using SweepCluster.Core.Results;
using SweepCluster.Core.Scheduling;
using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>
/// Reads <c>scheduler: { kind: asha | hyperband | median, … }</c> and checks it against the rest of the sweep: the
/// epochs it schedules are training.epochs plus training.refit_epochs (so neither can be swept), and it follows the sweep
/// metric after every epoch (so the metric must be one reported per epoch, and there must be only one).
/// </summary>
internal sealed class SchedulerReader(ErrorSink errors, YamlFields fields)
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> KeysByKind = new Dictionary<string, IReadOnlyList<string>>
    {
        [AshaSpec.KindName] = ["grace_epochs", "reduction_factor"],
        [HyperbandSpec.KindName] = ["grace_epochs", "reduction_factor"],
        [MedianSpec.KindName] = ["warmup_epochs", "min_trials"],
    };

    private static readonly IReadOnlyList<string> Kinds = [.. KeysByKind.Keys];

    private static readonly IReadOnlyList<string> AllKeys = ["kind", .. KeysByKind.Values.SelectMany(k => k).Distinct()];

    /// <param name="training">training: as read (null when it had errors: the checks against its epochs are skipped).</param>
    /// <param name="objectives">The sweep's objectives (null when they had errors).</param>
    /// <param name="parametersNode">parameters:, if the file has it.</param>
    public SchedulerSpec? Read(YamlNode node, TrainingSettings? training, IReadOnlyList<MetricSpec>? objectives, YamlNode? parametersNode)
    {
        if (objectives is { Count: > 1 })
        {
            errors.At(node, $"metric: lists {objectives.Count} objectives, and schedulers (asha, hyperband, median) stop trials on one metric; "
                + "use one objective or remove `scheduler:`");
            return null;
        }
        var metric = objectives?[0];
        if (fields.Mapping(node, "scheduler", AllKeys) is not { } entries)
        {
            return null;
        }
        var kind = Kind(node, entries);
        if (kind is null)
        {
            return null;
        }
        RefuseKeysOfOtherKinds((YamlMappingNode)node, kind);
        CheckMetric(node, kind, metric);
        CheckEpochsNotSwept(kind, parametersNode);
        var epochs = training?.TotalEpochs;
        var epochsText = training is { RefitEpochs: > 0 } ? $"training.epochs + training.refit_epochs ({epochs})" : $"training.epochs ({epochs})";
        return kind switch
        {
            AshaSpec.KindName => Halving(node, entries, epochs, epochsText) is { } asha ? new AshaSpec(asha.Grace, asha.Factor) : null,
            HyperbandSpec.KindName => Halving(node, entries, epochs, epochsText) is { } hyperband ? new HyperbandSpec(hyperband.Grace, hyperband.Factor) : null,
            _ => Median(node, entries, epochs, epochsText),
        };
    }

    private string? Kind(YamlNode node, Dictionary<string, YamlNode> entries)
    {
        if (!entries.TryGetValue("kind", out var kindNode))
        {
            errors.At(node, $"missing key 'kind' in scheduler: {Choices()}");
            return null;
        }
        var kind = fields.Text(kindNode, "scheduler.kind")?.ToLowerInvariant();
        if (kind is not null && !KeysByKind.ContainsKey(kind))
        {
            errors.At(kindNode, $"unknown scheduler kind '{kind}': {Choices()}{Suggestions.DidYouMean(kind, Kinds)}");
            return null;
        }
        return kind;
    }

    private static string Choices() => "use asha, hyperband or median";

    /// <summary>A key of another kind (min_trials under asha) is known, so <see cref="YamlFields.Mapping"/> let it through.</summary>
    private void RefuseKeysOfOtherKinds(YamlMappingNode mapping, string kind)
    {
        var own = KeysByKind[kind];
        foreach (var (keyNode, _) in mapping.Children)
        {
            if (keyNode is YamlScalarNode { Value: { } key } && key != "kind" && AllKeys.Contains(key) && !own.Contains(key))
            {
                var owners = string.Join(" and ", Kinds.Where(k => KeysByKind[k].Contains(key)));
                errors.At(keyNode, $"scheduler.{key} belongs to {owners}, not {kind}: {kind} takes {string.Join(" and ", own)}");
            }
        }
    }

    private void CheckMetric(YamlNode node, string kind, MetricSpec? metric)
    {
        if (metric is not null && !EpochMetric.IsReportedPerEpoch(metric.Name))
        {
            errors.At(node, $"scheduler {kind} needs a metric reported after every epoch, and '{metric.Name}' is measured only at the end: "
                + $"rank by {string.Join(", ", EpochMetric.NamesFor(metric.Task))}, or remove the scheduler");
        }
    }

    private void CheckEpochsNotSwept(string kind, YamlNode? parametersNode)
    {
        if (parametersNode is not YamlMappingNode parameters)
        {
            return;
        }
        foreach (var name in new[] { "epochs", "refit_epochs" })
        {
            if (parameters.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == name) is { } key)
            {
                errors.At(key, $"parameters.{name} cannot be swept with scheduler {kind}: every trial runs up to training.epochs "
                    + "(plus training.refit_epochs), and the scheduler stops the trials that do not need them all");
            }
        }
    }

    /// <summary>grace_epochs (default 1, below the trial's epochs) and reduction_factor (default 3, at least 2) of asha and hyperband.</summary>
    private (int Grace, int Factor)? Halving(YamlNode node, Dictionary<string, YamlNode> entries, int? epochs, string epochsText)
    {
        var grace = Integer(entries, "grace_epochs", 1, 1);
        var factor = Integer(entries, "reduction_factor", 2, 3);
        if (grace is not null && grace >= epochs)
        {
            var given = entries.TryGetValue("grace_epochs", out var graceNode);
            errors.At(graceNode ?? node, $"scheduler.grace_epochs ({grace}{(given ? "" : ", the default")}) must be below {epochsText}: "
                + "no trial stops before its grace epochs, so none could stop");
            return null;
        }
        return grace is null || factor is null ? null : (grace.Value, factor.Value);
    }

    /// <summary>warmup_epochs (default 0, below the trial's epochs) and min_trials (default 5, at least 1) of median.</summary>
    private MedianSpec? Median(YamlNode node, Dictionary<string, YamlNode> entries, int? epochs, string epochsText)
    {
        var warmup = Integer(entries, "warmup_epochs", 0, 0);
        var minTrials = Integer(entries, "min_trials", 1, 5);
        if (warmup is not null && warmup >= epochs)
        {
            errors.At(entries.GetValueOrDefault("warmup_epochs") ?? node,
                $"scheduler.warmup_epochs ({warmup}) must be below {epochsText}: no trial stops during its warm-up, so none could stop");
            return null;
        }
        return warmup is null || minTrials is null ? null : new MedianSpec(warmup.Value, minTrials.Value);
    }

    private int? Integer(Dictionary<string, YamlNode> entries, string key, int minimum, int fallback)
    {
        if (!entries.TryGetValue(key, out var node))
        {
            return fallback;
        }
        var value = fields.IntegerAtLeast(node, $"scheduler.{key}", minimum);
        if (value > int.MaxValue)
        {
            errors.At(node, $"scheduler.{key} is too large (got {value})");
            return null;
        }
        return (int?)value;
    }
}
