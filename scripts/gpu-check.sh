#!/usr/bin/env bash
# The GPU check: runs the seed-model sweep (sweeps/seed-ffnn.yaml) on CUDA with 1 slot (packing auto, and off) and with
# 4 worker slots, and on the CPU, then 300 tiny trials in one worker process on cuda:0 while sampling its GPU memory, and (when the CLI
# has it) the packing benchmark on CUDA. Prints one JSON object (also written to OUT_DIR/gpu-check.json) with, per
# run: exit code, wall seconds, trials/min, samples/s and peak GPU memory; for the memory run, the growth from
# the first 10 % of trials to the end; and `bench gpu` (the GPU path's checks: a trial, a pack, a calibration) with the
# pass or fail of each under "gpu_checks".
#
# Meant for a machine with an NVIDIA GPU and a PyTorch (CUDA) install but no .NET: make the app here with
# scripts/gpu-publish.sh (.gpu/app.tar.xz), carry the repository there, and run this script from its root.
# SWEEPCLUSTER_LIBTORCH defaults to the lib folder of python3's torch. Where there is no GPU the CUDA runs are
# reported with the reason they could not run (the CPU run still runs), so the script can be tried anywhere.
#
# usage: scripts/gpu-check.sh [--app DIR|FILE.tar.xz] [--out OUT_DIR] [--quick]
#   --quick: shortened sweeps (a smoke test of the script itself, e.g. on a CPU-only machine)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
app=""
out="${OUT:-/tmp/sweepcluster-gpu-check}"
quick=0
while [ $# -gt 0 ]; do
    case "$1" in
        --app) app="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --quick) quick=1; shift ;;
        *) echo "gpu-check: unknown argument '$1' (usage: scripts/gpu-check.sh [--app DIR|FILE.tar.xz] [--out OUT_DIR] [--quick])" >&2; exit 2 ;;
    esac
done
work="$(mktemp -d /tmp/sweepcluster-gpu-check.XXXXXX)"
mkdir -p "$out"
log="$out/gpu-check.log"
: >"$log"
say() { echo "[gpu-check] $*" | tee -a "$log" >&2; }

# The app: a folder, a tarball (from scripts/gpu-publish.sh), .gpu/app.tar.xz, or the CLI built here.
if [ -z "$app" ] && [ -f "$root/.gpu/app.tar.xz" ]; then app="$root/.gpu/app.tar.xz"; fi
if [ -z "$app" ] && [ -x "$root/artifacts/cli/sweepcluster" ]; then app="$root/artifacts/cli"; fi
if [ -z "$app" ]; then say "no app: run scripts/gpu-publish.sh first (or pass --app)"; exit 2; fi
if [ -f "$app" ]; then
    mkdir -p "$work/app" && tar xJf "$app" -C "$work/app" || { say "cannot unpack $app"; exit 2; }
    app="$work/app"
fi
cli="$app/sweepcluster"
[ -x "$cli" ] || { say "no sweepcluster executable in $app"; exit 2; }

# libtorch: the PyTorch install's, unless the caller chose one; without either, the app must bring its own (a build here).
if [ -z "${SWEEPCLUSTER_LIBTORCH:-}" ]; then
    torch_lib="$(python3 -c 'import torch,os;print(os.path.join(os.path.dirname(torch.__file__),"lib"))' 2>/dev/null || true)"
    if [ -n "$torch_lib" ]; then
        export SWEEPCLUSTER_LIBTORCH="$torch_lib"
    else
        say "python3 has no torch and SWEEPCLUSTER_LIBTORCH is not set: the app's own libtorch is used (CPU-only for a build made here)"
    fi
fi
if [ -n "${SWEEPCLUSTER_LIBTORCH:-}" ]; then
    export LD_LIBRARY_PATH="$SWEEPCLUSTER_LIBTORCH${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    say "libtorch: $SWEEPCLUSTER_LIBTORCH"
fi
has_smi=0
command -v nvidia-smi >/dev/null 2>&1 && has_smi=1
[ "$has_smi" = 1 ] && nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader >>"$log" 2>&1

seed_set=()
memory_trials=300
if [ "$quick" = 1 ]; then
    seed_set=(--set "parameters.lambda.values=[0, 1.0e-4]" --set training.epochs=2)
    memory_trials=20
fi

# Samples this process's GPU memory (and the device's) with the number of recorded trials, until it ends.
sample_memory() {
    local pid=$1 file=$2 results=$3
    while kill -0 "$pid" 2>/dev/null; do
        local mine="" total="" trials=0
        if [ "$has_smi" = 1 ]; then
            mine=$(nvidia-smi --query-compute-apps=pid,used_memory --format=csv,noheader,nounits 2>/dev/null | awk -F', *' -v p="$pid" '$1 == p { s += $2 } END { if (s) print s }')
            total=$(nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -i 0 2>/dev/null | head -1)
        fi
        [ -f "$results" ] && trials=$(wc -l <"$results")
        echo "$(date +%s.%N) $trials ${mine:--} ${total:--}" >>"$file"
        sleep 0.5
    done
}

# run NAME TIMEOUT ARGS...: one sweep, its wall time, exit code and memory samples in $work/NAME.*
run_sweep() {
    local name=$1 limit=$2
    shift 2
    local dir="$work/$name"
    say "$name: sweepcluster $*"
    local before="-"
    [ "$has_smi" = 1 ] && before=$(nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -i 0 2>/dev/null | head -1)
    local start end code
    start=$(date +%s.%N)
    timeout "$limit" "$cli" "$@" --out "$dir" >"$work/$name.console" 2>&1 &
    local pid=$!
    # timeout's child is the app: sample that one (nvidia-smi lists it by its own pid)
    sleep 0.2
    local app_pid
    app_pid=$(pgrep -P "$pid" | head -1)
    sample_memory "${app_pid:-$pid}" "$work/$name.memory" "$dir/results.jsonl" &
    local sampler=$!
    wait "$pid"
    code=$?
    end=$(date +%s.%N)
    kill "$sampler" 2>/dev/null
    wait "$sampler" 2>/dev/null
    echo "$code $start $end ${before:--}" >"$work/$name.status"
    tail -n 3 "$work/$name.console" | sed "s/^/    [$name] /" >>"$log"
    say "$name: exit $code in $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }') s"
}

run_sweep seed_cuda_1slot 240 run sweeps/seed-ffnn.yaml --devices cuda --slots-per-device 1 "${seed_set[@]}"
run_sweep seed_cuda_1slot_unpacked 240 run sweeps/seed-ffnn.yaml --devices cuda --slots-per-device 1 --pack-size off "${seed_set[@]}"
run_sweep seed_cuda_4slots 240 run sweeps/seed-ffnn.yaml --devices cuda --slots-per-device 4 "${seed_set[@]}"
run_sweep seed_cpu 300 run sweeps/seed-ffnn.yaml --devices cpu "${seed_set[@]}"
# --pack-size off: hundreds of separate trials, each building and freeing its own tensors, is the leak-prone case
run_sweep memory_cuda 240 run sweeps/quickstart.yaml --devices cuda:0 --slots-per-device 1 --pack-size off \
    --set "trials=$memory_trials" --set training.epochs=2

packing=""
if "$cli" bench packing --help >/dev/null 2>&1; then
    say "bench packing --device cuda --json"
    packing=$(timeout 180 "$cli" bench packing --device cuda --json 2>>"$log" | tail -n 1)
    [ -n "$packing" ] || say "bench packing: no result (see above)"
fi

# The GPU path's own checks (the [GpuFact] tests' checks: a trial, a pack against its trials alone, a calibration), pass or fail each.
say "bench gpu --device cuda:0"
gpu_checks=$(timeout 300 "$cli" bench gpu --device cuda:0 2>>"$log" | tail -n 1)
[ -n "$gpu_checks" ] || say "bench gpu: no result (see above)"

WORK="$work" PACKING="$packing" GPU_CHECKS="$gpu_checks" python3 - "$out/gpu-check.json" <<'PY'
import json, os, sys

work = os.environ["WORK"]

def number(text):
    try:
        return float(text)
    except ValueError:
        return None

def summarize(name):
    code, start, end, before = open(f"{work}/{name}.status").read().split()
    wall = float(end) - float(start)
    entry = {"exit_code": int(code), "wall_s": round(wall, 2)}
    console = open(f"{work}/{name}.console", errors="replace").read().strip().splitlines()
    if int(code) != 0:
        entry["skipped_or_failed"] = console[-1] if console else "no output"
    path = f"{work}/{name}/results.jsonl"
    results = [json.loads(line)["result"] for line in open(path)] if os.path.exists(path) else []
    metrics = [r["metrics"] for r in results if r.get("metrics")]
    entry["trials"] = len(results)
    entry["devices"] = sorted({r.get("device", "") for r in results})
    if results and wall > 0:
        entry["trials_per_min"] = round(len(results) / wall * 60, 1)
        trained = sum(m["samples_per_second"] * m["seconds"] for m in metrics)
        entry["samples_per_s"] = round(trained / wall)
        entry["mean_trial_samples_per_s"] = round(sum(m["samples_per_second"] for m in metrics) / max(1, len(metrics)))
    samples = []
    if os.path.exists(f"{work}/{name}.memory"):
        for line in open(f"{work}/{name}.memory"):
            t, trials, mine, total = line.split()
            samples.append((float(t), int(trials), number(mine), number(total)))
    own = [s for s in samples if s[2] is not None]
    device = [s for s in samples if s[3] is not None]
    base = number(before)
    if own:
        entry["peak_gpu_memory_mib"] = max(s[2] for s in own)
        entry["gpu_memory_source"] = "nvidia-smi, this process"
    elif device and base is not None:
        entry["peak_gpu_memory_mib"] = max(s[3] for s in device) - base
        entry["gpu_memory_source"] = "nvidia-smi, device total minus before"
    series = own or ([(t, n, None, m - base) for t, n, _, m in device] if base is not None else [])
    if name == "memory_cuda" and series and results:
        value = (lambda s: s[2]) if own else (lambda s: s[3])
        early = [s for s in series if s[1] >= max(1, len(results) // 10)]
        if early:
            entry["gpu_memory_mib_after_10pct"] = value(early[0])
            entry["gpu_memory_mib_at_end"] = value(series[-1])
            entry["gpu_memory_growth_mib"] = value(series[-1]) - value(early[0])
    return entry

report = {name: summarize(name) for name in ["seed_cuda_1slot", "seed_cuda_1slot_unpacked", "seed_cuda_4slots", "seed_cpu", "memory_cuda"]}
packing = os.environ.get("PACKING", "")
if packing:
    try:
        report["bench_packing_cuda"] = json.loads(packing)
    except json.JSONDecodeError:
        report["bench_packing_cuda"] = {"unparsed": packing[:500]}
gpu_checks = os.environ.get("GPU_CHECKS", "")
try:
    report["gpu_checks"] = json.loads(gpu_checks) if gpu_checks else {"passed": False, "detail": "no result: see gpu-check.log"}
except json.JSONDecodeError:
    report["gpu_checks"] = {"passed": False, "unparsed": gpu_checks[:500]}
text = json.dumps(report, indent=2)
open(sys.argv[1], "w").write(text + "\n")
print(text)
PY
status=$?
rm -rf "$work"
exit $status
