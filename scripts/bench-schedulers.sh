#!/usr/bin/env bash
# Benchmark of early stopping: runs sweeps/seed-ffnn.yaml and bench/asha-random-27.yaml without a scheduler and with
# each scheduler (asha, hyperband, median; set with --set scheduler=...), and prints per run the epochs trained in all
# (the sum of epochs_run), the trials stopped early, the best val_loss and the wall time, with the ratios to the run
# without a scheduler. On the random sweep it also runs ASHA over 3x the trials (81), to compare at a budget still
# below the one without a scheduler. Every figure comes from the run's results.jsonl.
# usage: scripts/bench-schedulers.sh [extra run arguments, e.g. --devices cpu --slots-per-device 2]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup-native.sh" >/dev/null
"$root/scripts/build-cli.sh"
cli="$root/artifacts/cli/sweepcluster"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
asha="{kind: asha, grace_epochs: 1, reduction_factor: 3}"
schedulers=("none" "$asha" "{kind: hyperband, grace_epochs: 1, reduction_factor: 3}" "{kind: median, warmup_epochs: 2}")
printf "%-22s %-10s %8s %8s %8s %10s %11s %8s %8s\n" "sweep" "scheduler" "epochs" "stopped" "seconds" "best" "epochs/none" "best/none" "s/none"
for file in "$root/sweeps/seed-ffnn.yaml" "$root/bench/asha-random-27.yaml"; do
    baseline=""
    runs=("${schedulers[@]}")
    [ "$(basename "$file")" != "asha-random-27.yaml" ] || runs+=("$asha|trials=81")
    for run in "${runs[@]}"; do
        scheduler=${run%%|*}
        out="$work/out"
        rm -rf "$out"
        args=()
        [ "$scheduler" = "none" ] || args=(--set "scheduler=$scheduler")
        [ "$run" = "$scheduler" ] || args+=(--set "${run#*|}")
        start=$(date +%s.%N)
        "$cli" run "$file" --out "$out" "${args[@]}" "$@" >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
        end=$(date +%s.%N)
        kind=$(printf "%s" "$scheduler" | sed -E 's/\{kind: ([a-z]+).*/\1/')
        [ "$run" = "$scheduler" ] || kind="$kind-${run#*trials=}"
        line=$(python3 - "$out/results.jsonl" "$start" "$end" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
results = [r["result"] for r in rows]
epochs = sum((r.get("metrics") or {}).get("epochs_run", 0) for r in results)
stopped = sum(1 for r in results if r["status"] == "stopped_early")
best = min((r["metrics"]["val_loss"] for r in results if r.get("metrics") and r["status"] in ("completed", "stopped_early")), default=float("nan"))
print(f"{epochs} {stopped} {float(sys.argv[3]) - float(sys.argv[2]):.1f} {best:.4f}")
PY
)
        read -r epochs stopped secs best <<<"$line"
        [ -n "$baseline" ] || baseline="$epochs $best $secs"
        read -r e0 b0 s0 <<<"$baseline"
        awk -v f="$(basename "$file" .yaml)" -v k="$kind" -v e="$epochs" -v st="$stopped" -v s="$secs" -v b="$best" -v e0="$e0" -v b0="$b0" -v s0="$s0" \
            'BEGIN { printf "%-22s %-10s %8d %8d %8.1f %10.4f %10.2fx %7.3fx %7.2fx\n", f, k, e, st, s, b, e / e0, b / b0, s / s0 }'
    done
done
