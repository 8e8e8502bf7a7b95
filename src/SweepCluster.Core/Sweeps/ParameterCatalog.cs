using System.Collections.Frozen;
using System.Globalization;

namespace SweepCluster.Core.Sweeps;

/// <summary>
/// Every name that may appear under <c>parameters</c>: lambda, dropout, widths and each training setting.
/// The same rules read <c>training:</c> and <c>model:</c>, so a value is checked the same way wherever it is written.
/// </summary>
internal static class ParameterCatalog
{
    public static FrozenDictionary<string, ParameterRule> Rules { get; } = BuildRules().ToFrozenDictionary(r => r.Name);

    /// <summary>The training settings, in the order of <see cref="TrainingSettings"/>.</summary>
    public static IReadOnlyList<string> TrainingNames { get; } =
    [
        "epochs", "batch_size", "learning_rate", "optimizer", "l1_mode", "l1_groups", "include_biases",
        "patience", "refit_epochs", "momentum", "sparsity_threshold", "threads", "loss", "huber_delta",
    ];

    public static IReadOnlyList<string> SweepableNames { get; } = ["lambda", "dropout", "widths", .. TrainingNames];

    /// <summary>Keys that older sweep files used and that now live elsewhere, with what to do instead.</summary>
    public static IReadOnlyDictionary<string, string> RetiredNames { get; } = new Dictionary<string, string>
    {
        ["device"] = "the device is chosen by the worker now, not by the sweep: remove it and pass --devices to run or worker "
            + "(e.g. --devices cuda:0, or SWEEPCLUSTER_DEVICES)",
    }.ToFrozenDictionary();

    private static IEnumerable<ParameterRule> BuildRules()
    {
        yield return Real("lambda", Scientific, v => v < 0 ? "must not be negative" : null, (d, v) => d with { Lambda = v });
        yield return Real("dropout", Plain, v => v is < 0 or >= 1 ? "must be in [0, 1)" : null, (d, v) => d with { Dropout = v });
        yield return new ParameterRule("widths", ValueKind.IntList, CheckWidths, FormatWidths,
            (d, v) => d with { Widths = ((IntListValue)v).Values }, []);
        yield return Integer("epochs", 1, (d, v) => d with { Training = d.Training with { Epochs = v } });
        yield return Integer("batch_size", 1, (d, v) => d with { Training = d.Training with { BatchSize = v } });
        yield return Real("learning_rate", Scientific, v => v <= 0 ? "must be positive" : null,
            (d, v) => d with { Training = d.Training with { LearningRate = v } });
        yield return Choice("optimizer", ["adam", "sgd"], (d, v) => d with
        {
            Training = d.Training with { Optimizer = v == "sgd" ? OptimizerKind.Sgd : OptimizerKind.Adam },
        });
        yield return Choice("l1_mode", ["penalty", "proximal", "group"], (d, v) => d with
        {
            Training = d.Training with { L1Mode = v switch { "proximal" => L1Mode.Proximal, "group" => L1Mode.Group, _ => L1Mode.Penalty } },
        });
        yield return Choice("l1_groups", ["inputs", "neurons", "both"], (d, v) => d with
        {
            Training = d.Training with { L1Groups = v switch { "neurons" => L1Groups.Neurons, "both" => L1Groups.Both, _ => L1Groups.Inputs } },
        });
        yield return new ParameterRule("include_biases", ValueKind.Boolean, _ => null, v => ((BooleanValue)v).Value ? "true" : "false",
            (d, v) => d with { Training = d.Training with { IncludeBiases = ((BooleanValue)v).Value } }, []);
        yield return Integer("patience", 0, (d, v) => d with { Training = d.Training with { Patience = v } });
        yield return Integer("refit_epochs", 0, (d, v) => d with { Training = d.Training with { RefitEpochs = v } });
        yield return Real("momentum", Plain, v => v is < 0 or >= 1 ? "must be in [0, 1)" : null,
            (d, v) => d with { Training = d.Training with { Momentum = v } });
        yield return Real("sparsity_threshold", Scientific, v => v < 0 ? "must not be negative" : null,
            (d, v) => d with { Training = d.Training with { SparsityThreshold = v } });
        yield return Integer("threads", 0, (d, v) => d with { Training = d.Training with { Threads = v } });
        yield return Choice("loss", ["mse", "huber"], (d, v) => d with
        {
            Training = d.Training with { Loss = v == "huber" ? LossKind.Huber : LossKind.Mse },
        });
        yield return Real("huber_delta", Plain, v => v <= 0 ? "must be positive" : null,
            (d, v) => d with { Training = d.Training with { HuberDelta = v } });
    }

    private static ParameterRule Real(string name, Func<double, string> format, Func<double, string?> check,
        Func<TrialDraft, double, TrialDraft> apply) =>
        new(name, ValueKind.Real, v => check(Number(v)), v => format(Number(v)), (d, v) => apply(d, Number(v)), []);

    private static ParameterRule Integer(string name, int minimum, Func<TrialDraft, int, TrialDraft> apply) =>
        new(name, ValueKind.Integer,
            v => Number(v) < minimum ? $"must be at least {minimum}" : Number(v) > int.MaxValue ? "is too large" : null,
            v => Number(v).ToString(CultureInfo.InvariantCulture), (d, v) => apply(d, (int)Number(v)), []);

    private static ParameterRule Choice(string name, IReadOnlyList<string> choices, Func<TrialDraft, string, TrialDraft> apply) =>
        new(name, ValueKind.Choice, _ => null, v => ((TextValue)v).Value, (d, v) => apply(d, ((TextValue)v).Value), choices);

    private static double Number(ParameterValue value) => ((NumberValue)value).Value;

    private static string? CheckWidths(ParameterValue value) =>
        value is IntListValue { Values.Count: > 0 } list && list.Values.All(w => w > 0)
            ? null
            : "must be a non-empty list of positive integers";

    private static string FormatWidths(ParameterValue value) => $"[{string.Join(", ", ((IntListValue)value).Values)}]";

    /// <summary>Lambda and learning rates span decades, so they print as <c>1e-04</c>.</summary>
    private static string Scientific(double value) =>
        value == 0 ? "0" : value.ToString("0.###e+00", CultureInfo.InvariantCulture);

    private static string Plain(double value) => value.ToString("G5", CultureInfo.InvariantCulture);
}
