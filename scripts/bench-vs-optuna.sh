#!/usr/bin/env bash
# SweepCluster against PyTorch + Optuna on the comparison sweep, bench/mixed-widths12.yaml (12 random trials of the seed
# model, mixed widths, 10 epochs, batch 128, on a 6000 x 30 CSV): runs this project's sweep with default settings, then
# the same 12 trials in PyTorch one at a time under an Optuna study (bench/optuna_baseline.py), alternating which goes
# first per repetition, and prints both wall times (process start to exit, medians) and the ratio. Needs Debian's
# python3-torch and python3-optuna (for /usr/bin/python3, or PYTHON=...); skips with the reason where they are missing.
# usage: scripts/bench-vs-optuna.sh [--reps N] [extra run arguments]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reps=3
if [ "${1:-}" = "--reps" ]; then reps=$2; shift 2; fi
python="${PYTHON:-/usr/bin/python3}"
if ! missing=$("$python" -c "import torch, optuna" 2>&1); then
    echo "bench-vs-optuna: skipped: $python cannot import torch and optuna (${missing##*$'\n'}); install python3-torch and python3-optuna"
    exit 0
fi
"$root/scripts/setup-native.sh" >/dev/null
"$root/scripts/build-cli.sh"
cli="$root/artifacts/cli/sweepcluster"
[ -f "$root/bench/data/seed-6000x30.csv" ] || python3 "$root/scripts/make-seed-csv.py"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
file="$root/bench/mixed-widths12.yaml"
wall() { # LOG COMMAND...: wall seconds, the output kept in LOG
    local log=$1 start end
    shift
    start=$(date +%s.%N)
    "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}
ours() { rm -rf "$work/out"; wall "$work/ours.log" "$cli" run "$file" --out "$work/out" "$@"; }
theirs() { wall "$work/baseline.log" "$python" "$root/bench/optuna_baseline.py" "$root/bench/data/seed-6000x30.csv" label "$work/out/results.jsonl" 10 128 1e-3; }
ours "$@" >/dev/null   # warm-up, and the trials the baseline trains
sc=(); op=()
for ((i = 0; i < reps; i++)); do
    if ((i % 2 == 0)); then sc+=("$(ours "$@")"); op+=("$(theirs)"); else op+=("$(theirs)"); sc+=("$(ours "$@")"); fi
done
baseline=$(tail -n 1 "$work/baseline.log")
median() { printf "%s\n" "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
s=$(median "${sc[@]}"); o=$(median "${op[@]}")
echo "baseline: $baseline"
printf "%-34s %8s s   (runs: %s)\n" "sweepcluster run (defaults)" "$s" "${sc[*]}"
printf "%-34s %8s s   (runs: %s)\n" "PyTorch + Optuna, one at a time" "$o" "${op[*]}"
awk -v s="$s" -v o="$o" 'BEGIN { printf "speedup: %.2fx (goal: at least 4x)\n", o / s }'
