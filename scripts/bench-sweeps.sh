#!/usr/bin/env bash
# Whole-sweep benchmark of packing: runs every sweep in sweeps/ and bench/seed-ffnn-csv12.yaml with --pack-size off
# and with auto (the default), alternating the order per repetition, and prints the wall times and auto/off ratios.
# usage: scripts/bench-sweeps.sh [--reps N] [extra run arguments, e.g. --devices cpu --slots-per-device 2]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reps=1
if [ "${1:-}" = "--reps" ]; then reps=$2; shift 2; fi
"$root/scripts/setup-native.sh" >/dev/null
"$root/scripts/build-cli.sh"
cli="$root/artifacts/cli/sweepcluster"
[ -f "$root/bench/data/seed-6000x30.csv" ] || python3 "$root/scripts/make-seed-csv.py"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
seconds() { # FILE MODE ARGS...: wall seconds of one run
    local file=$1 mode=$2
    shift 2
    local start end
    start=$(date +%s.%N)
    "$cli" run "$file" --out "$work/out" --pack-size "$mode" "$@" >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}
printf "%-32s %10s %10s %8s\n" "sweep" "off (s)" "auto (s)" "auto/off"
for file in "$root"/sweeps/*.yaml "$root/bench/seed-ffnn-csv12.yaml"; do
    off=0; auto=0
    for ((i = 0; i < reps; i++)); do
        if ((i % 2 == 0)); then
            o=$(seconds "$file" off "$@"); a=$(seconds "$file" auto "$@")
        else
            a=$(seconds "$file" auto "$@"); o=$(seconds "$file" off "$@")
        fi
        off=$(awk -v x="$off" -v y="$o" 'BEGIN { print x + y }'); auto=$(awk -v x="$auto" -v y="$a" 'BEGIN { print x + y }')
    done
    awk -v n="$(basename "$file")" -v o="$off" -v a="$auto" -v r="$reps" \
        'BEGIN { printf "%-32s %10.2f %10.2f %7.2fx\n", n, o / r, a / r, a / o }'
done
