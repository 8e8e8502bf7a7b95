using System.CommandLine;
using System.Globalization;
using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Data;

namespace SweepCluster.Cli.Commands;

/// <summary><c>sweepcluster validate sweep.yaml [--set k=v]</c>: checks a sweep file and its data, and previews its first trials.</summary>
public static class ValidateCommand
{
    private const int PreviewTrials = 5;

    public static Command Create()
    {
        var sweepFile = SweepOptions.SweepFileArgument();
        var set = SweepOptions.SetOption();
        var command = new Command("validate", "Check a sweep file, report every error, and preview the trials it expands to.");
        command.Arguments.Add(sweepFile);
        command.Options.Add(set);
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(sweepFile),
            parseResult.GetValue(set) ?? [],
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <returns><see cref="ExitCodes.Success"/>, or <see cref="ExitCodes.BadInput"/> after writing the errors to <paramref name="error"/>.</returns>
    public static int Run(FileInfo file, IReadOnlyList<string> overrides, TextWriter output, TextWriter error)
    {
        if (SweepOptions.TryLoad(file, overrides, error) is not { } sweep || SweepOptions.TryCheckData(sweep, error) is not { } shape)
        {
            return ExitCodes.BadInput;
        }
        WriteSummary(sweep, shape, output);
        output.WriteLine();
        TrialTable.Write(sweep, PreviewTrials, output);
        return ExitCodes.Success;
    }

    private static void WriteSummary(SweepDefinition sweep, DataShape shape, TextWriter output)
    {
        var count = sweep.CountTrials();
        var method = sweep.Method.ToString().ToLowerInvariant();
        output.WriteLine($"{sweep.SourcePath}: valid");
        output.WriteLine(Invariant($"sweep {sweep.Name}: {method} search, {count:N0} trials, seed {sweep.Seed}, ranked by {ObjectivesText.Of(sweep.Objectives)}"));
        output.WriteLine($"task: {sweep.Data.Task.ToString().ToLowerInvariant()}{LossText(sweep)}");
        output.WriteLine($"data: {Describe(sweep.Data)}");
        var labels = shape.TargetRange is { } range ? Invariant($"target from {range.Min:G6} to {range.Max:G6}") : Invariant($"{shape.Classes} classes");
        output.WriteLine(Invariant($"data checked: {shape.Rows} rows ({shape.Split.Training} training, {shape.Split.Validation} validation), {shape.Features} features, {labels}"));
        var swept = sweep.Parameters.Count == 0 ? "nothing" : string.Join(", ", sweep.Parameters.Select(p => $"{p.Name} ({p.Domain.Key})"));
        output.WriteLine($"swept: {swept}");
        if (sweep.Tpe is { } tpe)
        {
            output.WriteLine(Invariant($"tpe: {tpe.StartupTrials} random start-up trials, then each from the results so far ({tpe.Candidates} candidates, gamma {tpe.Gamma}, prior weight {tpe.PriorWeight}); the preview shows the start-up ones"));
        }
        if (sweep.Scheduler is { } scheduler)
        {
            output.WriteLine($"scheduler: {scheduler.Describe(sweep.Training.TotalEpochs)}");
        }
    }

    private static string LossText(SweepDefinition sweep)
    {
        if (sweep.Data.Task != SweepTask.Regression)
        {
            return "";
        }
        if (sweep.Parameters.Any(p => p.Name == "loss"))
        {
            return " (loss swept)";
        }
        return sweep.Training.Loss == LossKind.Huber
            ? Invariant($" (loss huber, delta {sweep.Training.HuberDelta} standard deviations of the target)")
            : " (loss mse)";
    }

    private static string Describe(DataSpec data) => data switch
    {
        SyntheticDataSpec { Task: SweepTask.Regression } s => Invariant(
            $"synthetic regression (Friedman: 10·sin(π·x0·x1) + 20·(x2−0.5)² + 10·x3 + 5·x4 + noise {s.Noise}), {s.Samples} samples, {s.Features} features (x0…x4 informative), validation {s.ValidationFraction * 100:0.#}%"),
        SyntheticDataSpec s => Invariant(
            $"synthetic, {s.Samples} samples, {s.Features} features ({s.Informative} informative), {s.Classes} classes, validation {s.ValidationFraction * 100:0.#}%"),
        CsvDataSpec c => Invariant($"csv {c.Path}, label '{c.Label}', validation {c.ValidationFraction * 100:0.#}%"),
        _ => data.ToString(),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
