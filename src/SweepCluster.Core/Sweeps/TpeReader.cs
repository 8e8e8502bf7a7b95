using System.Globalization;
using SweepCluster.Core.Search;
using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>Reads the <c>tpe:</c> block of <c>method: tpe</c>: <c>{startup_trials, candidates, gamma, prior_weight}</c>, each optional.</summary>
internal sealed class TpeReader(ErrorSink errors, YamlFields fields)
{
    private static readonly IReadOnlyList<string> Keys = ["startup_trials", "candidates", "gamma", "prior_weight"];

    /// <summary>The settings, defaults where a key is absent; null when the block has errors.</summary>
    public TpeSettings? Read(YamlNode node)
    {
        if (fields.Mapping(node, "tpe", Keys) is not { } entries)
        {
            return null;
        }
        var settings = TpeSettings.Default;
        var valid = true;
        if (entries.TryGetValue("startup_trials", out var startupNode))
        {
            var startup = Count(startupNode, "tpe.startup_trials");
            valid &= startup is not null;
            settings = settings with { StartupTrials = startup ?? settings.StartupTrials };
        }
        if (entries.TryGetValue("candidates", out var candidatesNode))
        {
            var candidates = Count(candidatesNode, "tpe.candidates");
            valid &= candidates is not null;
            settings = settings with { Candidates = candidates ?? settings.Candidates };
        }
        if (entries.TryGetValue("gamma", out var gammaNode))
        {
            var gamma = Real(gammaNode, "tpe.gamma", g => g is > 0 and <= 1, "must be in (0, 1]");
            valid &= gamma is not null;
            settings = settings with { Gamma = gamma ?? settings.Gamma };
        }
        if (entries.TryGetValue("prior_weight", out var priorNode))
        {
            var prior = Real(priorNode, "tpe.prior_weight", w => w > 0, "must be positive");
            valid &= prior is not null;
            settings = settings with { PriorWeight = prior ?? settings.PriorWeight };
        }
        return valid ? settings : null;
    }

    /// <summary>A whole number of at least 1 that fits an int.</summary>
    private int? Count(YamlNode node, string what)
    {
        var value = fields.IntegerAtLeast(node, what, 1);
        if (value > int.MaxValue)
        {
            errors.At(node, $"{what} must be at most {int.MaxValue} (got {value})");
            return null;
        }
        return (int?)value;
    }

    private double? Real(YamlNode node, string what, Func<double, bool> fits, string rule)
    {
        var value = fields.Real(node, what);
        if (value is { } v && !fits(v))
        {
            errors.At(node, $"{what} {rule} (got {v.ToString(CultureInfo.InvariantCulture)})");
            return null;
        }
        return value;
    }
}
