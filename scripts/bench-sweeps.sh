#!/usr/bin/env bash
# Whole-sweep benchmark of packing: runs every sweep in sweeps/ and the bench sweeps (bench/seed-ffnn-csv12.yaml,
# bench/mixed-widths12.yaml: widths mixed; bench/tpe-digits40.yaml: TPE at batch 64) with --pack-size off and with auto
# (the default), alternating the order per repetition, and prints the median wall times, each run's, and the auto/off
# ratio of the medians (goal: auto within 5 % of off, or faster). Then the fixed cost of a sweep: bench/one-trial.yaml,
# median of 5 runs after a warm-up (goal: under 0.6 s). --only NAME runs one sweep file of those (its base name, e.g.
# mixed-widths12).
# usage: scripts/bench-sweeps.sh [--reps N] [--only NAME] [extra run arguments, e.g. --devices cpu --slots-per-device 2]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reps=1
only=""
while [ $# -gt 0 ]; do
    case "$1" in
        --reps) reps=$2; shift 2 ;;
        --only) only=$2; shift 2 ;;
        *) break ;;
    esac
done
"$root/scripts/setup-native.sh" >/dev/null
"$root/scripts/build-cli.sh"
cli="$root/artifacts/cli/sweepcluster"
[ -f "$root/bench/data/seed-6000x30.csv" ] || python3 "$root/scripts/make-seed-csv.py"
[ -f "$root/bench/data/digits-1800x64.csv" ] || python3 "$root/scripts/make-digits-csv.py"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
seconds() { # FILE MODE ARGS...: wall seconds of one run
    local file=$1 mode=$2
    shift 2
    local start end
    rm -rf "$work/out"   # a run into a folder that holds the sweep would resume it, training nothing
    start=$(date +%s.%N)
    "$cli" run "$file" --out "$work/out" --pack-size "$mode" "$@" >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}
median() { printf "%s\n" "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf "%-32s %10s %10s %8s\n" "sweep" "off (s)" "auto (s)" "auto/off"
for file in "$root"/sweeps/*.yaml "$root"/bench/{seed-ffnn-csv12,mixed-widths12,tpe-digits40}.yaml; do
    [ -z "$only" ] || [ "$(basename "$file" .yaml)" = "$only" ] || continue
    offs=(); autos=()
    for ((i = 0; i < reps; i++)); do
        if ((i % 2 == 0)); then
            offs+=("$(seconds "$file" off "$@")"); autos+=("$(seconds "$file" auto "$@")")
        else
            autos+=("$(seconds "$file" auto "$@")"); offs+=("$(seconds "$file" off "$@")")
        fi
    done
    # Medians: one slow run (the machine busy for a moment) moves a mean of a few runs by more than the 5 % goal.
    awk -v n="$(basename "$file")" -v o="$(median "${offs[@]}")" -v a="$(median "${autos[@]}")" -v ro="${offs[*]}" -v ra="${autos[*]}" \
        'BEGIN { printf "%-32s %10.2f %10.2f %7.2fx   (off: %s; auto: %s)\n", n, o, a, a / o, ro, ra }'
done
[ -z "$only" ] || [ "$only" = one-trial ] || exit 0
one=()
seconds "$root/bench/one-trial.yaml" auto "$@" >/dev/null   # warm-up: the page cache, libtorch, the JIT's files
for ((i = 0; i < 5; i++)); do
    one+=("$(seconds "$root/bench/one-trial.yaml" auto "$@")")
done
printf "%s\n" "${one[@]}" | sort -g | awk -v runs="${one[*]}" \
    '{ v[NR] = $1 } END { printf "one-trial.yaml (fixed cost)     median %.2f s of 5 runs (%s; goal: under 0.6 s)\n", v[3], runs }'
