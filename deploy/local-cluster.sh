#!/usr/bin/env bash
# A cluster on this machine: one coordinator and N worker processes on 127.0.0.1, each its own process (as on
# separate hosts), the same way the integration tests start them. Waits for the sweep to end, prints the
# leaderboard, and stops every process it started on exit (Ctrl-C included).
#
#   deploy/local-cluster.sh sweeps/quickstart.yaml [--nodes 2] [--port 4053] [--out DIR] [-- more coordinator options]
#
# Worker nodes listen on free ports (port 0). Logs: <out>/logs/*.clef (one CLEF file per node).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() { sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2; }

[ $# -ge 1 ] || usage
sweep="$1"; shift
nodes=2; port=4053; out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --nodes) nodes="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --) shift; break ;;
        -h|--help) usage ;;
        *) echo "unknown option $1" >&2; usage ;;
    esac
done
"$root/scripts/setup-native.sh"
"$root/scripts/build-cli.sh"
cli="$root/artifacts/cli/sweepcluster"
name="$(awk '/^name:/ {print $2; exit}' "$sweep")"
out="${out:-out/$name}"
logs="$out/logs"
mkdir -p "$logs"
seed="akka.tcp://sweepcluster@127.0.0.1:$port"

pids=()
stop_all() {
    # TERM first (workers hand their trials back and leave), KILL whatever is still there after 15 s.
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for _ in $(seq 150); do
        alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && return
        sleep 0.1
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT

"$cli" coordinator "$sweep" --host 127.0.0.1 --port "$port" --out "$out" --log-dir "$logs" "$@" &
coordinator=$!
pids+=("$coordinator")
for i in $(seq "$nodes"); do
    "$cli" worker --host 127.0.0.1 --port 0 --seeds "$seed" --devices cpu --slots-per-device 1 --log-dir "$logs" 2>"$logs/worker-$i.console" &
    pids+=("$!")
done
echo "[local-cluster] coordinator pid $coordinator at $seed, $nodes worker node(s): ${pids[*]:1}" >&2
set +e
wait "$coordinator"
status=$?
set -e
echo "[local-cluster] coordinator exited with $status" >&2
exit "$status"
