#!/usr/bin/env bash
# Smoke test of the Docker deployment: builds the image (and the base image when missing), starts the
# coordinator (SQLite journal) and two workers with docker-compose, kills one worker container mid-trial
# (docker kill = SIGKILL), and checks that the sweep still finishes with each trial exactly once in the
# leaderboard (trials of 150 epochs, seconds each, so that the victim's trial cannot finish before the kill).
# Cleans up after itself (compose down, temporary folders). Installs docker.io, docker-compose and debootstrap
# when missing and apt is usable as root; prints one SKIPPED line and exits 0 where dockerd still cannot run;
# exits 1 on a failure.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
trials=8
say() { echo "[compose-smoke] $*" >&2; }
skip() { echo "compose smoke test: SKIPPED ($*)"; exit 0; }
fail() { say "FAILED: $*"; exit 1; }

# dockerd: use a running one, or start one as root without a bridge (containers use host networking only).
ensure_docker() {
    docker info >/dev/null 2>&1 && return 0
    command -v dockerd >/dev/null || return 1
    [ "$(id -u)" = 0 ] || return 1
    say "starting dockerd --bridge=none"
    (dockerd --bridge=none >/tmp/sweepcluster-dockerd.log 2>&1 &)
    for _ in $(seq 30); do docker info >/dev/null 2>&1 && return 0; sleep 1; done
    return 1
}
# On a fresh Debian machine (CI) the tools are installed when apt is usable as root, saying so.
install_docker() {
    command -v dockerd >/dev/null && command -v docker-compose >/dev/null && command -v debootstrap >/dev/null && return 0
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 0
    say "installing docker.io, docker-compose and debootstrap (Debian packages) ..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io docker-compose debootstrap; } >/dev/null 2>&1 \
        || say "the Docker packages could not be installed"
}
install_docker
command -v docker >/dev/null || skip "no docker client"
ensure_docker || skip "dockerd cannot start here"
command -v docker-compose >/dev/null || skip "no docker-compose"

# SWEEPCLUSTER_IMAGE (docker-compose's image) picks the tag, so that runs from several checkouts on one daemon do not
# replace each other's image.
"$root/deploy/build-image.sh" --tag "${SWEEPCLUSTER_IMAGE:-sweepcluster:cpu}" || fail "the image did not build"

work=$(mktemp -d /tmp/sweepcluster-smoke.XXXXXX)
project="sweepcluster-smoke-$$"
compose() { docker-compose -f "$root/docker-compose.yml" -p "$project" "$@"; }
cleanup() {
    compose down -v --remove-orphans -t 5 >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
        || echo $((20000 + RANDOM % 20000))
}

mkdir -p "$work/sweeps" "$work/out" "$work/logs"
cat > "$work/sweeps/smoke.yaml" <<YAML
name: smoke
method: random
trials: $trials
seed: 3
metric: { name: val_loss, goal: minimize }
data:
  synthetic: { samples: 12000, features: 12, informative: 4, classes: 3, seed: 7 }
  validation_fraction: 0.2
model: { outputs: 3, widths: [32, 16] }
training: { epochs: 150, batch_size: 128, learning_rate: 1.0e-2, optimizer: adam, l1_mode: proximal }
parameters:
  lambda: { log_uniform: [1.0e-4, 1.0e-2] }
YAML
export SWEEPCLUSTER_SWEEPS_DIR="$work/sweeps" SWEEPCLUSTER_DATA_DIR="$work/out" SWEEPCLUSTER_LOGS_DIR="$work/logs"
export SWEEPCLUSTER_SWEEP=/sweeps/smoke.yaml SWEEPCLUSTER_JOURNAL=sqlite SWEEPCLUSTER_JOURNAL_CONNECTION=""
export SWEEPCLUSTER_COORDINATOR_PORT="$(free_port)" SWEEPCLUSTER_HEARTBEAT_PAUSE=1.5 SWEEPCLUSTER_STABLE_AFTER=1.5
results="$work/out/smoke/results.jsonl"

say "compose project $project, coordinator on 127.0.0.1:$SWEEPCLUSTER_COORDINATOR_PORT"
compose up -d --no-deps coordinator >/dev/null 2>&1 || fail "compose up coordinator"
compose up -d --no-deps --scale worker=2 worker >/dev/null 2>&1 || fail "compose up workers"
coordinator=$(compose ps -q coordinator)
workers=$(compose ps -q worker)
[ "$(echo "$workers" | wc -w)" = 2 ] || fail "expected 2 worker containers, got: $workers"

# A trial dispatched to a worker node and not finished yet: "TrialId Node" from the coordinator's CLEF log.
running_trial() {
    local finished
    finished=$(grep -o '"trial_id":"[^"]*"' "$results" 2>/dev/null | cut -d'"' -f4)
    grep -h '"@mt":"Trial {TrialId} started on {Worker}"' "$work"/logs/*coordinator*.clef 2>/dev/null \
        | sed -n 's/.*"TrialId":"\([^"]*\)".*"Node":"\([^"]*\)".*/\1 \2/p' \
        | while read -r trial node; do echo "$finished" | grep -qx "$trial" || echo "$trial $node"; done | tail -1
}
victim=""; trial=""
for _ in $(seq 600); do
    read -r trial node < <(running_trial; echo)
    if [ -n "${trial:-}" ]; then
        for c in $workers; do
            docker logs "$c" 2>&1 | grep -q "Worker node $node started" && victim=$c
        done
        [ -n "$victim" ] && break
    fi
    sleep 0.2
done
[ -n "$victim" ] || fail "no worker started a trial; coordinator log: $(docker logs --tail 30 "$coordinator" 2>&1)"
sleep 0.5
say "killing worker container ${victim:0:12} (node $node) while it trains $trial"
docker kill "$victim" >/dev/null || fail "docker kill"

status=$(timeout 240 docker wait "$coordinator") || fail "the coordinator did not finish within 240 s: $(docker logs --tail 40 "$coordinator" 2>&1)"
docker logs "$coordinator" 2>/dev/null | sed 's/^/[coordinator] /' | tail -"$((trials + 8))" >&2
[ "$status" = 0 ] || fail "the coordinator exited with $status"
ids=$(grep -o '"trial_id":"[^"]*"' "$results" | cut -d'"' -f4 | sort)
[ "$(echo "$ids" | wc -l)" = "$trials" ] || fail "results.jsonl has $(echo "$ids" | wc -l) lines, expected $trials"
[ "$(echo "$ids" | sort -u | wc -l)" = "$trials" ] || fail "a trial is in results.jsonl twice: $(echo "$ids" | uniq -d)"
[ "$(grep -o '"trial_id"' "$work/out/smoke/leaderboard.json" | wc -l)" = "$trials" ] || fail "leaderboard.json does not hold $trials trials"
grep -q "\"Trial {TrialId} re-queued: worker {Worker} terminated\".*\"TrialId\":\"$trial\"" "$work"/logs/*coordinator*.clef \
    || fail "trial $trial was not re-queued after the kill"
echo "compose smoke test: PASSED (a worker container killed mid-trial; $trials trials, each once in the leaderboard)"
