using System.Text.RegularExpressions;
using SweepCluster.Core.Search;
using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>
/// Reads a sweep document into a <see cref="SweepDefinition"/>, reporting every problem to the sink
/// and carrying on, so one run shows all the errors of a file.
/// </summary>
internal sealed partial class SweepReader
{
    private static readonly IReadOnlyList<string> TopKeys =
        ["name", "method", "task", "trials", "seed", "max_trials", "metric", "data", "model", "training", "parameters",
         "scheduler", "tpe", "repeats", "reference"];

    private static readonly IReadOnlyList<string> Methods = ["grid", "random", "sobol", "tpe"];

    private readonly ErrorSink _errors;
    private readonly YamlFields _fields;
    private readonly ParameterReader _values;
    private readonly string _baseDirectory;

    public SweepReader(ErrorSink errors, string baseDirectory)
    {
        _errors = errors;
        _fields = new YamlFields(errors);
        _values = new ParameterReader(errors, _fields);
        _baseDirectory = baseDirectory;
    }

    /// <summary>The definition, or null when the sink has errors.</summary>
    public SweepDefinition? Read(YamlMappingNode root, string sourcePath, string sourceText)
    {
        if (_fields.Mapping(root, "the sweep file", TopKeys) is not { } top)
        {
            return null;
        }
        var name = Name(root, top);
        var method = Method(root, top);
        var trials = Optional(top, "trials", n => _fields.IntegerAtLeast(n, "trials", 1));
        var seed = Optional(top, "seed", n => _fields.Integer(n, "seed")) ?? 0;
        var maxTrials = Optional(top, "max_trials", n => _fields.IntegerAtLeast(n, "max_trials", 1))
            ?? SweepDefinition.DefaultMaxTrials;
        var task = top.TryGetValue("task", out var taskNode) ? ReadTask(taskNode) : SweepTask.Classification;
        IReadOnlyList<MetricSpec>? objectives = top.TryGetValue("metric", out var metricNode)
            ? new MetricReader(_errors, _fields, task).ReadObjectives(metricNode)
            : [MetricSpec.Default with { Task = task }];
        var metric = objectives?[0];
        var reference = top.TryGetValue("reference", out var referenceNode) ? new ReferenceReader(_errors, _fields).Read(referenceNode, objectives) : null;
        var data = top.TryGetValue("data", out var dataNode) ? new DataReader(_errors, _fields, _baseDirectory, task).Read(dataNode) : Missing<DataSpec>(root, "data");
        var model = top.TryGetValue("model", out var modelNode) ? Model(modelNode, task) : null;
        var training = top.TryGetValue("training", out var trainingNode) ? Training(trainingNode) : TrainingSettings.Default;
        var parameters = top.TryGetValue("parameters", out var parametersNode) ? Parameters(parametersNode) : [];
        var scheduler = top.TryGetValue("scheduler", out var schedulerNode)
            ? new SchedulerReader(_errors, _fields).Read(schedulerNode, training, objectives, parametersNode)
            : null;
        var tpe = Tpe(root, top, method);
        var repeats = Repeats(top);
        new L1Checks(_errors).Check(training, trainingNode, parameters, parametersNode);
        new TaskChecks(_errors).Check(task, trainingNode, parametersNode);

        var outputs = Outputs(data, model, modelNode ?? root);
        CheckWidthsGiven(root, modelNode, parametersNode);
        if (method is not null)
        {
            new SearchChecks(_errors).Check(new SearchShape(method.Value, trials, maxTrials, parameters),
                top["method"], top.GetValueOrDefault("trials"), parametersNode ?? root);
        }
        if (name is null || method is null || objectives is null || metric is null || data is null || training is null || _errors.HasErrors)
        {
            return null;
        }
        return new SweepDefinition(name, method.Value, trials, seed, maxTrials, metric, data, outputs,
            model?.Widths, model?.Dropout ?? 0, training, parameters, sourcePath, sourceText, scheduler,
            Tpe: method == SearchMethod.Tpe ? tpe ?? TpeSettings.Default : null, Repeats: repeats)
        {
            Objectives = objectives,
            Reference = reference,
        };
    }

    /// <summary>
    /// <c>repeats</c> (default 1, at most <see cref="SweepDefinition.MaxRepeats"/>). A scheduler is refused with more than one:
    /// it would stop each repeat on its own seed's luck, and the ranking is by the configuration's mean.
    /// </summary>
    private int Repeats(Dictionary<string, YamlNode> top)
    {
        if (!top.TryGetValue("repeats", out var node))
        {
            return 1;
        }
        if (_fields.IntegerAtLeast(node, "repeats", 1) is not { } repeats)
        {
            return 1;
        }
        if (repeats > SweepDefinition.MaxRepeats)
        {
            _errors.At(node, $"repeats must be at most {SweepDefinition.MaxRepeats} (got {repeats})");
            return 1;
        }
        if (repeats > 1 && top.TryGetValue("scheduler", out var scheduler))
        {
            _errors.At(scheduler, $"a scheduler cannot be used with repeats: {repeats} (it would stop each repeat on its own seed's luck, "
                + "while configurations are ranked by their mean): remove the scheduler block, or set repeats: 1");
        }
        return (int)repeats;
    }

    private T? Optional<T>(Dictionary<string, YamlNode> top, string key, Func<YamlNode, T?> read) where T : struct =>
        top.TryGetValue(key, out var node) ? read(node) : null;

    private T? Missing<T>(YamlNode parent, string key) where T : class
    {
        _errors.At(parent, $"missing key '{key}'");
        return null;
    }

    private string? Name(YamlNode root, Dictionary<string, YamlNode> top)
    {
        if (!top.TryGetValue("name", out var node))
        {
            return Missing<string>(root, "name");
        }
        var name = _fields.Text(node, "name");
        if (name is not null && !FolderName().IsMatch(name))
        {
            _errors.At(node, $"name '{name}' is not fit for a folder name: use up to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
            return null;
        }
        return name;
    }

    private SearchMethod? Method(YamlNode root, Dictionary<string, YamlNode> top)
    {
        if (!top.TryGetValue("method", out var node))
        {
            _errors.At(root, "missing key 'method' (grid, random, sobol or tpe)");
            return null;
        }
        var text = _fields.Text(node, "method")?.ToLowerInvariant();
        switch (text)
        {
            case null:
                return null;
            case "grid":
                return SearchMethod.Grid;
            case "random":
                return SearchMethod.Random;
            case "sobol":
                return SearchMethod.Sobol;
            case "tpe":
                return SearchMethod.Tpe;
            default:
                _errors.At(node, $"unknown method '{text}': use grid, random, sobol or tpe{Suggestions.DidYouMean(text, Methods)}");
                return null;
        }
    }

    /// <summary>The <c>tpe:</c> block, which only <c>method: tpe</c> takes; null when absent (the defaults apply) or wrong.</summary>
    private TpeSettings? Tpe(YamlMappingNode root, Dictionary<string, YamlNode> top, SearchMethod? method)
    {
        if (!top.TryGetValue("tpe", out var node))
        {
            return null;
        }
        var settings = new TpeReader(_errors, _fields).Read(node);
        if (method is { } other && other != SearchMethod.Tpe)
        {
            var key = root.Children.Keys.First(k => k is YamlScalarNode { Value: "tpe" });
            _errors.At(key, $"a tpe block needs method tpe (the method is {other.ToString().ToLowerInvariant()}): remove it or use method tpe");
        }
        return settings;
    }

    private SweepTask ReadTask(YamlNode node)
    {
        var text = _fields.Text(node, "task")?.ToLowerInvariant();
        switch (text)
        {
            case null:
            case "classification":
                return SweepTask.Classification;
            case "regression":
                return SweepTask.Regression;
            default:
                _errors.At(node, $"unknown task '{text}': use classification or regression{Suggestions.DidYouMean(text, ["classification", "regression"])}");
                return SweepTask.Classification;
        }
    }

    private ModelSettings? Model(YamlNode node, SweepTask task)
    {
        if (_fields.Mapping(node, "model", ["outputs", "widths", "dropout"]) is not { } entries)
        {
            return null;
        }
        var outputs = entries.TryGetValue("outputs", out var outputsNode) ? Outputs(outputsNode, task) : null;
        var widths = entries.TryGetValue("widths", out var widthsNode)
            ? _values.Value(ParameterCatalog.Rules["widths"], widthsNode, "model.widths") as IntListValue
            : null;
        var dropout = entries.TryGetValue("dropout", out var dropoutNode)
            ? _values.Value(ParameterCatalog.Rules["dropout"], dropoutNode, "model.dropout") as NumberValue
            : null;
        return new ModelSettings((int?)outputs, widths?.Values, dropout?.Value ?? 0);
    }

    private TrainingSettings? Training(YamlNode node)
    {
        RefuseRetiredKeys(node, "training");
        if (_fields.Mapping(node, "training", [.. ParameterCatalog.TrainingNames, .. ParameterCatalog.RetiredNames.Keys]) is not { } entries)
        {
            return null;
        }
        var draft = new TrialDraft(0, 0, null, TrainingSettings.Default);
        foreach (var (key, valueNode) in entries)
        {
            if (ParameterCatalog.RetiredNames.ContainsKey(key))
            {
                continue;
            }
            var rule = ParameterCatalog.Rules[key];
            if (_values.Value(rule, valueNode, $"training.{key}") is { } value)
            {
                draft = rule.Apply(draft, value);
            }
        }
        return draft.Training;
    }

    /// <summary>A key that moved out of the sweep file gets an error saying where it lives now, not "unknown key".</summary>
    private void RefuseRetiredKeys(YamlNode node, string section)
    {
        if (node is not YamlMappingNode mapping)
        {
            return;
        }
        foreach (var (keyNode, _) in mapping.Children)
        {
            if (keyNode is YamlScalarNode { Value: { } key } && ParameterCatalog.RetiredNames.TryGetValue(key, out var instead))
            {
                _errors.At(keyNode, $"{section}.{key}: {instead}");
            }
        }
    }

    private IReadOnlyList<ParameterSpec> Parameters(YamlNode node)
    {
        if (YamlFields.IsNull(node))
        {
            return [];
        }
        if (node is not YamlMappingNode mapping)
        {
            _errors.At(node, "parameters must be a mapping of parameter names to domains");
            return [];
        }
        var specs = new List<ParameterSpec>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (ParameterCatalog.RetiredNames.TryGetValue(key, out var instead))
            {
                _errors.At(keyNode, $"parameters.{key}: {instead}");
                continue;
            }
            if (!ParameterCatalog.Rules.TryGetValue(key, out var rule))
            {
                _errors.At(keyNode, $"unknown parameter '{key}': sweepable are {string.Join(", ", ParameterCatalog.SweepableNames)}"
                    + Suggestions.DidYouMean(key, ParameterCatalog.SweepableNames));
                continue;
            }
            if (_values.Spec(rule, keyNode, valueNode) is { } spec)
            {
                specs.Add(spec);
            }
        }
        return specs;
    }

    /// <summary>A classifier has at least two outputs; a regression network one, its prediction (several target columns are out of scope).</summary>
    private long? Outputs(YamlNode node, SweepTask task)
    {
        if (task == SweepTask.Classification)
        {
            return _fields.IntegerAtLeast(node, "model.outputs", 2);
        }
        var outputs = _fields.IntegerAtLeast(node, "model.outputs", 1);
        if (outputs > 1)
        {
            _errors.At(node, $"model.outputs must be 1 for task: regression (got {outputs}): the network predicts one numeric target, "
                + "and several target columns are not supported; remove model.outputs or set it to 1");
            return null;
        }
        return outputs;
    }

    /// <summary>
    /// Synthetic data fixes the class count, so outputs follows it; CSV labels decide later when outputs is absent. A
    /// regression network has one output.
    /// </summary>
    private int? Outputs(DataSpec? data, ModelSettings? model, YamlNode at)
    {
        if (data?.Task == SweepTask.Regression)
        {
            return 1;
        }
        if (data is SyntheticDataSpec synthetic)
        {
            if (model?.Outputs is { } outputs && outputs != synthetic.Classes)
            {
                _errors.At(at, $"model.outputs ({outputs}) must equal data.synthetic.classes ({synthetic.Classes})");
            }
            return synthetic.Classes;
        }
        return model?.Outputs;
    }

    /// <summary>Judged by the keys being there, so a malformed widths gives its own error and not this one too.</summary>
    private void CheckWidthsGiven(YamlNode root, YamlNode? modelNode, YamlNode? parametersNode)
    {
        if (!HasKey(modelNode, "widths") && !HasKey(parametersNode, "widths"))
        {
            _errors.At(modelNode ?? root, "no widths: give model.widths or sweep parameters.widths");
        }
    }

    private static bool HasKey(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.ContainsKey(new YamlScalarNode(key));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex FolderName();
}
