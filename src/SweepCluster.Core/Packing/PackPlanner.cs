using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Packing;

/// <summary>
/// Which pending trials travel together. For a worker that can take a pack, the oldest trial waiting (held here,
/// else the queue's next) is the anchor; trials with the anchor's <see cref="PackKey"/> join it, first from those held
/// here, then from the queue, drawing at most <see cref="LookaheadPerSlot"/> trials per place in the pack. Drawn
/// trials of other keys are held, oldest first, for a later pack. A worker that takes one trial at a time gets exactly
/// the trial it would get without packing. The coordinator owns one planner; nothing here is journaled: a held trial
/// is not assigned, so after a restart it is simply drawn again.
/// </summary>
public sealed class PackPlanner
{
    public const int LookaheadPerSlot = 4;

    private readonly LinkedList<TrialSpec> held = new();

    /// <summary>Trials drawn from the queue and waiting here for a pack.</summary>
    public int Held => held.Count;

    /// <param name="maxSize">The most trials the asking worker takes at once (1: no packing).</param>
    /// <param name="limitFor">The worker's own limit for a key, when it has told one (its calibration), else null.</param>
    /// <param name="draw">The queue's next trial, or null when it is empty.</param>
    /// <param name="isSettled">True for a trial that has finished meanwhile (a late duplicate); it is dropped.</param>
    /// <returns>The pack, anchor first; empty when nothing is left.</returns>
    public IReadOnlyList<TrialSpec> Next(int maxSize, Func<PackKey, int?> limitFor, Func<TrialSpec?> draw, Func<long, bool> isSettled) =>
        Next(_ => maxSize, limitFor, draw, isSettled);

    /// <param name="maxSizeFor">The most trials the asking worker takes in a pack anchored by this trial (its fair share of what is left, 1: no packing).</param>
    public IReadOnlyList<TrialSpec> Next(Func<TrialSpec, int> maxSizeFor, Func<PackKey, int?> limitFor, Func<TrialSpec?> draw, Func<long, bool> isSettled)
    {
        DropSettled(isSettled);
        var anchor = TakeFirstHeld(_ => true) ?? draw();
        if (anchor is null)
        {
            return [];
        }
        var pack = new List<TrialSpec> { anchor };
        var key = PackKey.For(anchor);
        var maxSize = maxSizeFor(anchor);
        var limit = Math.Max(1, Math.Min(maxSize, limitFor(key) ?? maxSize));
        while (pack.Count < limit && TakeFirstHeld(t => PackKey.For(t) == key) is { } same)
        {
            pack.Add(same);
        }
        for (var budget = (limit - pack.Count) * LookaheadPerSlot; pack.Count < limit && budget > 0; budget--)
        {
            if (draw() is not { } next)
            {
                break;
            }
            if (PackKey.For(next) == key)
            {
                pack.Add(next);
            }
            else
            {
                held.AddLast(next);
            }
        }
        return pack;
    }

    /// <summary>The trials held here, oldest first.</summary>
    public IEnumerable<TrialSpec> HeldTrials => held;

    private TrialSpec? TakeFirstHeld(Func<TrialSpec, bool> match)
    {
        for (var node = held.First; node is not null; node = node.Next)
        {
            if (match(node.Value))
            {
                held.Remove(node);
                return node.Value;
            }
        }
        return null;
    }

    private void DropSettled(Func<long, bool> isSettled)
    {
        for (var node = held.First; node is not null;)
        {
            var next = node.Next;
            if (isSettled(node.Value.Index))
            {
                held.Remove(node);
            }
            node = next;
        }
    }
}
