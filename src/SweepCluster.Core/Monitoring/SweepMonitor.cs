using SweepCluster.Core.Analysis;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Monitoring;

/// <summary>
/// Folds a sweep's log events into its current state: counts, the best result, each worker's trial and
/// throughput, recent failures. Feed events in time order (<see cref="LogTail"/> merges files by <c>@t</c>);
/// a settled trial stays settled whatever arrives late. A newer "Sweep started" event starts over, so that a
/// log folder holding several runs shows the last one; a "Sweep resumed" event of the same sweep goes on from the runs
/// before it (their settled trials stay settled, their running ones go back to the queue, their workers are gone) and
/// counts the rate from the resume. Console-free, so that tests can drive it.
/// </summary>
public sealed class SweepMonitor
{
    private const int FailuresKept = 10;
    private readonly Dictionary<string, TrialState> trials = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkerState> workers = new(StringComparer.Ordinal);
    private readonly List<FailureView> failures = [];
    private string? sweepId;
    private SweepState state = SweepState.Waiting;
    private DateTimeOffset? startedAt;
    private DateTimeOffset? lastEventAt;
    private long? total;
    private string metric = MetricTable.Default;
    private MetricGoal goal = MetricTable.DefaultGoal(MetricTable.Default);
    private MonitorObjectives? objectives;
    private long kept;
    private long settledAtStart;

    public int EventsRead { get; private set; }

    public void ApplyAll(IEnumerable<LogEvent> events)
    {
        foreach (var e in events)
        {
            Apply(e);
        }
    }

    public void Apply(LogEvent e)
    {
        EventsRead++;
        if (e.Template == EventTemplates.SweepStarted)
        {
            OnSweepStarted(e);
            return;
        }
        if (e.Template == EventTemplates.SweepResumed)
        {
            OnSweepResumed(e);
            return;
        }
        if (sweepId is not null && e.Text("SweepId") is { } id && id != sweepId)
        {
            return; // another sweep's event in a shared log
        }
        lastEventAt = Max(lastEventAt, e.Timestamp);
        Dispatch(e);
    }

    public IReadOnlyList<TrialView> Trials() => trials.Values.Select(t => t.ToView()).ToList();

    /// <summary>The state at <paramref name="now"/> (rates and ETA); defaults to the last event's time, which keeps recorded logs deterministic.</summary>
    public MonitorSnapshot Snapshot(DateTimeOffset? now = null)
    {
        // A finished sweep's rates are those it ended with, not ones that decay while someone watches.
        var at = (state == SweepState.Finished ? lastEventAt : now ?? lastEventAt) ?? now ?? DateTimeOffset.UnixEpoch;
        var done = trials.Values.Count(t => t.Phase == TrialPhase.Done);
        var failed = trials.Values.Count(t => t.Phase == TrialPhase.Failed);
        var running = trials.Values.Count(t => t.Phase == TrialPhase.Running);
        // A resumed sweep's log may lack the earlier runs: the trials it kept count as settled all the same.
        var settledNow = done + failed - settledAtStart;
        var settled = Math.Max(done + failed, kept + settledNow);
        var queued = total is { } n ? Math.Max(0, n - settled - running) : trials.Values.Count(t => t.Phase == TrialPhase.Queued);
        var rate = Rate(settledNow, startedAt, at);
        TimeSpan? eta = state == SweepState.Finished ? TimeSpan.Zero
            : rate is > 0 && total is { } all ? TimeSpan.FromMinutes(Math.Max(0, all - settled) / rate.Value) : null;
        return new MonitorSnapshot(sweepId, state, startedAt, at, total, done, running, queued, failed, metric, goal,
            Best(), WorkerViews(at), [.. failures.TakeLast(FailuresKept).Reverse()], eta, rate, EventsRead, 0,
            trials.Values.Count(t => t.Phase == TrialPhase.Done && t.Status == TrialStatus.StoppedEarly), Kept: kept, Front: objectives?.View(trials.Values));
    }

    /// <summary>
    /// The swept parameters' importance for the sweep's metric (<see cref="ImportanceEvaluator"/>) over the done trials that
    /// rank (completed and stopped_early) with a finite value, from the parameters their result events carry; null with
    /// fewer than <see cref="ImportanceSettings.MinimumTrials"/>. The logs hold no domains, so the scales are inferred
    /// from the values (<see cref="ParameterScaling.Infer"/>). Computed on demand: it fits a forest.
    /// </summary>
    public ImportanceResult? Importance(ImportanceSettings? settings = null)
    {
        var ranked = trials.Values
            .Where(t => t.Phase == TrialPhase.Done && t.Status is TrialStatus.Completed or TrialStatus.StoppedEarly && t.Parameters.Count > 0
                && t.Metrics.TryGetValue(metric, out var value) && double.IsFinite(value))
            .Select(t => new AnalysisTrial(t.TrialId, [.. t.Parameters.Select(p => new SweptValue(p.Key, p.Value))], t.Metrics[metric]))
            .ToList();
        var names = ranked.SelectMany(t => t.Values.Select(v => v.Name)).Distinct(StringComparer.Ordinal).ToList();
        return ImportanceEvaluator.Evaluate(ParameterScaling.Resolve(names, null, ranked), ranked, settings);
    }

    private void Dispatch(LogEvent e)
    {
        switch (e.Template)
        {
            case EventTemplates.WorkerRegistered:
                if (WorkerFor(e.Text("Worker")) is { } registered)
                {
                    registered.Node = e.Text("Node");
                    registered.Device = e.Text("Device") ?? registered.Device;
                }
                break;
            case EventTemplates.TrialStarted:
                OnTrialStarted(e);
                break;
            case EventTemplates.TrialTraining:
                OnTrialTraining(e);
                break;
            case EventTemplates.TrialEpoch:
                OnEpoch(e);
                break;
            case EventTemplates.TrialResult:
                OnResult(e);
                break;
            case EventTemplates.TrialFinished:
                OnFinished(e);
                break;
            case EventTemplates.TrialFailed:
                OnFailed(e);
                break;
            case EventTemplates.SweepStopping:
                state = SweepState.Stopping;
                break;
            case EventTemplates.SweepFinished:
                state = SweepState.Finished;
                break;
            default:
                if (e.Template.StartsWith(EventTemplates.TrialRequeuedPrefix, StringComparison.Ordinal))
                {
                    OnRequeued(e);
                }
                break;
        }
    }

    private void OnSweepStarted(LogEvent e)
    {
        trials.Clear();
        workers.Clear();
        failures.Clear();
        kept = 0;
        settledAtStart = 0;
        Begin(e);
    }

    private void OnSweepResumed(LogEvent e)
    {
        if (e.Text("SweepId") != sweepId)
        {
            trials.Clear();
            failures.Clear();
        }
        workers.Clear();
        foreach (var trial in trials.Values.Where(t => !t.IsSettled))
        {
            trial.Phase = TrialPhase.Queued;
            trial.Worker = null;
            trial.Epoch = null;
        }
        kept = e.Integer("Settled") ?? 0;
        settledAtStart = trials.Values.Count(t => t.IsSettled);
        Begin(e);
    }

    private void Begin(LogEvent e)
    {
        sweepId = e.Text("SweepId");
        state = SweepState.Running;
        startedAt = e.Timestamp;
        lastEventAt = e.Timestamp;
        total = e.Integer("Total");
        metric = e.Text("Metric") ?? MetricTable.Default;
        // The coordinator logs the goal the sweep file gave; a log without one ranks as the table's default for the metric.
        goal = Enum.TryParse<MetricGoal>(e.Text("Goal"), ignoreCase: true, out var logged) ? logged : MetricTable.DefaultGoal(metric);
        objectives = MonitorObjectives.From(e);
    }

    private void OnTrialStarted(LogEvent e)
    {
        var trial = TrialFor(e);
        if (trial is null || trial.IsSettled)
        {
            return;
        }
        Release(trial);
        trial.Phase = TrialPhase.Running;
        trial.Worker = e.Text("Worker");
        trial.Epoch = null;
        trial.StartedAt = e.Timestamp;
        if (WorkerFor(trial.Worker) is { } worker)
        {
            worker.TrialId = trial.TrialId;
            worker.FirstStart ??= e.Timestamp;
            worker.Node ??= e.Text("Node");
            worker.Device = e.Text("Device") ?? worker.Device;
        }
    }

    private void OnTrialTraining(LogEvent e)
    {
        if (TrialFor(e) is { } trial && e.Integer("Epochs") is { } epochs)
        {
            trial.Epochs = (int)epochs;
        }
    }

    private void OnEpoch(LogEvent e)
    {
        if (TrialFor(e) is { Phase: TrialPhase.Running } trial && e.Integer("Epoch") is { } epoch)
        {
            trial.Epoch = Math.Max(trial.Epoch ?? 0, (int)epoch);
        }
    }

    // The worker's result event carries what the coordinator's "finished" line does not: status, parameters, throughput.
    private void OnResult(LogEvent e)
    {
        if (TrialFor(e) is not { } trial)
        {
            return;
        }
        trial.Status = TrialStatusText.Parse(e.Text("Status"));
        trial.Reason = e.Text("Reason") is { Length: > 0 } reason ? reason : trial.Reason;
        trial.Parameters = e.Map("Parameters");
        trial.Device = e.Text("Device") ?? trial.Device;
        trial.Node = e.Text("Node") ?? trial.Node;
        trial.SamplesPerSecond = e.Number("SamplesPerSecond") is { } sps && sps > 0 ? sps : null;
        trial.ActiveInputNames = e.Texts("ActiveInputNames");
        trial.ActiveNeurons = e.Integers("ActiveNeurons");
        ReadMetrics(e, trial, overwrite: true);
        if (WorkerFor(e.Text("Worker") ?? trial.Worker) is { } worker && trial.SamplesPerSecond is { } rate)
        {
            worker.SamplesPerSecond = rate;
        }
    }

    private void OnFinished(LogEvent e)
    {
        if (TrialFor(e) is not { } trial || trial.IsSettled)
        {
            return;
        }
        Settle(trial, TrialPhase.Done, e);
        // The finished line carries val_loss and sparsity; the worker's result event, where it was read, has the same values.
        ReadMetrics(e, trial, overwrite: false);
        if (trial.Status == TrialStatus.Diverged)
        {
            failures.Add(new FailureView(e.Timestamp, trial.TrialId, trial.Worker, TrialStatus.Diverged, null, null, trial.Reason ?? "", Final: true));
        }
    }

    private void OnFailed(LogEvent e)
    {
        if (TrialFor(e) is not { } trial || trial.IsSettled)
        {
            return;
        }
        var attempt = (int?)e.Integer("Attempt");
        var max = (int?)e.Integer("MaxAttempts");
        var final = attempt is { } a && max is { } m && a >= m;
        trial.Reason = e.Text("Reason");
        trial.Worker = e.Text("Worker") ?? trial.Worker;
        failures.Add(new FailureView(e.Timestamp, trial.TrialId, trial.Worker, TrialStatus.Failed, attempt, max, trial.Reason ?? "", final));
        if (final)
        {
            trial.Status = TrialStatus.Failed;
            Settle(trial, TrialPhase.Failed, e);
        }
        else
        {
            Release(trial);
            trial.Phase = TrialPhase.Queued;
        }
    }

    private void OnRequeued(LogEvent e)
    {
        if (TrialFor(e) is { Phase: TrialPhase.Running } trial)
        {
            Release(trial);
            trial.Phase = TrialPhase.Queued;
        }
    }

    // Every metric of the table that the event carries, under its name (val_loss from the property ValLoss).
    private static void ReadMetrics(LogEvent e, TrialState trial, bool overwrite)
    {
        foreach (var metric in MetricTable.All)
        {
            if (e.Number(metric.Property) is { } value && (overwrite || !trial.Metrics.ContainsKey(metric.Name)))
            {
                trial.Metrics[metric.Name] = value;
            }
        }
    }

    private void Settle(TrialState trial, TrialPhase phase, LogEvent e)
    {
        trial.Worker = e.Text("Worker") ?? trial.Worker;
        trial.Device = e.Text("Device") ?? trial.Device;
        trial.Node = e.Text("Node") ?? trial.Node;
        if (WorkerFor(trial.Worker) is { } worker)
        {
            worker.TrialsFinished++;
            worker.LastEnd = e.Timestamp;
        }
        Release(trial);
        trial.Phase = phase;
        trial.EndedAt = e.Timestamp;
    }

    // The worker that held the trial is free again (it may already hold the next one; then leave it).
    private void Release(TrialState trial)
    {
        if (trial.Worker is { } name && workers.TryGetValue(name, out var worker) && worker.TrialId == trial.TrialId)
        {
            worker.TrialId = null;
        }
    }

    private TrialState? TrialFor(LogEvent e)
    {
        if (e.Text("TrialId") is not { } id)
        {
            return null;
        }
        if (!trials.TryGetValue(id, out var trial))
        {
            trial = new TrialState(id);
            trials[id] = trial;
        }
        return trial;
    }

    private WorkerState? WorkerFor(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        if (!workers.TryGetValue(name, out var worker))
        {
            worker = new WorkerState(name);
            workers[name] = worker;
        }
        return worker;
    }

    private BestTrial? Best()
    {
        var sign = goal == MetricGoal.Maximize ? -1 : 1;
        var best = trials.Values
            .Where(t => t.Phase == TrialPhase.Done && (t.Status is null or TrialStatus.Completed or TrialStatus.StoppedEarly) && t.Metrics.TryGetValue(metric, out var v) && double.IsFinite(v))
            .OrderBy(t => sign * t.Metrics[metric])
            .ThenBy(t => t.TrialId, StringComparer.Ordinal)
            .FirstOrDefault();
        return best is null ? null : new BestTrial(best.TrialId, metric, best.Metrics[metric],
            best.Metrics.TryGetValue("val_loss", out var loss) ? loss : null,
            best.Metrics.TryGetValue("sparsity", out var sparsity) ? sparsity : null,
            best.Worker, best.Parameters, best.Device ?? DeviceOf(best.Worker), best.Node,
            best.Metrics.TryGetValue("active_inputs", out var inputs) ? (int)inputs : null, best.ActiveInputNames, best.ActiveNeurons);
    }

    private IReadOnlyList<WorkerView> WorkerViews(DateTimeOffset at) => workers.Values
        .OrderBy(w => w.Name, StringComparer.Ordinal)
        .Select(w =>
        {
            var current = w.TrialId is { } id && trials.TryGetValue(id, out var t) ? t : null;
            return new WorkerView(w.Name, w.Node, w.TrialId, current?.Epoch, current?.Epochs, w.TrialsFinished,
                Rate(w.TrialsFinished, w.FirstStart, at), w.SamplesPerSecond, w.Device);
        })
        .ToList();

    private string? DeviceOf(string? worker) => worker is not null && workers.TryGetValue(worker, out var state) ? state.Device : null;

    private static double? Rate(long count, DateTimeOffset? since, DateTimeOffset at)
    {
        var minutes = since is { } start ? (at - start).TotalMinutes : 0;
        return count > 0 && minutes > 0 ? count / minutes : null;
    }

    private static DateTimeOffset? Max(DateTimeOffset? x, DateTimeOffset y) => x is { } v && v > y ? v : y;
}
