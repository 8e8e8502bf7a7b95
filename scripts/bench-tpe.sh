#!/usr/bin/env bash
# Benchmark of TPE against random search: runs bench/tpe-vs-random.yaml (40 trials; learning rate over five decades,
# lambda, dropout) with method random and method tpe for each seed, and prints per run the mean val_loss of the later
# half of the trials (by index: the order TPE suggested them), the best val_loss and the diverged trials, then the
# means over the seeds and the ratios tpe/random (goal: later half <= 0.85x, best no worse). Trials without a
# val_loss (diverged) are left out of the means and counted. Figures come from each run's results.jsonl.
# usage: scripts/bench-tpe.sh [--seeds "1 2 3"] [extra run arguments]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seeds="1 2 3"
if [ "${1:-}" = "--seeds" ]; then seeds=$2; shift 2; fi
. "$root/scripts/lib/random-and-tpe.sh"
file="$root/bench/tpe-vs-random.yaml"
run_random_and_tpe "$file" "$@"
python3 - "$work" "$seeds" <<'PY'
import json, sys, statistics
work, seeds = sys.argv[1], sys.argv[2].split()
def figures(path):
    rows = sorted((json.loads(l) for l in open(path) if l.strip()), key=lambda r: r["index"])
    losses = {r["index"]: r["result"]["metrics"]["val_loss"] for r in rows
              if r["result"].get("metrics") and r["result"]["status"] == "completed"}
    half = len(rows) // 2
    later = [v for i, v in losses.items() if i >= half]
    return statistics.mean(later), min(losses.values()), len(rows) - len(losses)
print(f"{'seed':>4} {'method':>7} {'later-half mean':>16} {'best':>8} {'no val_loss':>11}")
sums = {"random": [], "tpe": []}
for seed in seeds:
    for method in ("random", "tpe"):
        later, best, missing = figures(f"{work}/{method}-{seed}/results.jsonl")
        sums[method].append((later, best))
        print(f"{seed:>4} {method:>7} {later:16.4f} {best:8.4f} {missing:11d}")
mean = {m: (statistics.mean(v[0] for v in vals), statistics.mean(v[1] for v in vals)) for m, vals in sums.items()}
for m in ("random", "tpe"):
    print(f"mean {m:>7} {mean[m][0]:16.4f} {mean[m][1]:8.4f}")
print(f"tpe/random: later half {mean['tpe'][0] / mean['random'][0]:.3f}x (goal <= 0.85x), best {mean['tpe'][1] / mean['random'][1]:.3f}x (goal <= 1.0x)")
PY
