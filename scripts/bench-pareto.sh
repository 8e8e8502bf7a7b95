#!/usr/bin/env bash
# Benchmark of multi-objective TPE against random search on sweeps/loss-vs-inputs.yaml (val_loss and active_inputs,
# both minimised; 30 trials): runs it with method random and method tpe for each seed and prints the hypervolume of
# each run's Pareto front up to the file's reference point, then the mean per method and the ratio tpe/random
# (goal: >= 1, MOTPE no worse than random). The hypervolume is computed here from each run's results.jsonl, apart from
# the sweep's own code, so that the figure checks the report's and monitor's as well.
# usage: scripts/bench-pareto.sh [--seeds "1 2 3"] [extra run arguments]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seeds="1 2 3"
if [ "${1:-}" = "--seeds" ]; then seeds=$2; shift 2; fi
. "$root/scripts/lib/random-and-tpe.sh"
file="$root/sweeps/loss-vs-inputs.yaml"
run_random_and_tpe "$file" --keep-models 0 "$@"
python3 - "$work" "$seeds" "$file" <<'PY'
import json, re, sys, statistics
work, seeds, sweep = sys.argv[1], sys.argv[2].split(), sys.argv[3]
reference = [float(v) for v in re.search(r"^reference:\s*\[([^\]]*)\]", open(sweep).read(), re.M).group(1).split(",")]
def hypervolume(path):
    points = []
    for line in open(path):
        if not line.strip():
            continue
        result = json.loads(line)["result"]
        m = result.get("metrics")
        if result["status"] in ("completed", "stopped_early") and m:
            points.append((m["val_loss"], m["active_inputs"]))
    # The staircase of the non-dominated points below the reference, by increasing val_loss.
    area, ceiling = 0.0, reference[1]
    for loss, inputs in sorted(p for p in points if p[0] < reference[0] and p[1] < reference[1]):
        if inputs < ceiling:
            area += (reference[0] - loss) * (ceiling - inputs)
            ceiling = inputs
    return area, len(points)
print(f"reference point {reference}")
print(f"{'seed':>4} {'method':>7} {'hypervolume':>12} {'trials':>7}")
volumes = {"random": [], "tpe": []}
for seed in seeds:
    for method in ("random", "tpe"):
        volume, count = hypervolume(f"{work}/{method}-{seed}/results.jsonl")
        volumes[method].append(volume)
        print(f"{seed:>4} {method:>7} {volume:12.4f} {count:7d}")
for method in ("random", "tpe"):
    print(f"mean {method:>7} {statistics.mean(volumes[method]):12.4f}")
print(f"tpe/random: {statistics.mean(volumes['tpe']) / statistics.mean(volumes['random']):.3f}x (goal >= 1.0x)")
PY
