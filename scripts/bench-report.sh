#!/usr/bin/env bash
# Benchmark of report.html at scale: `sweepcluster bench report --trials N` writes the result files of a made-up random
# sweep of N trials (default 10000; nothing is trained) and prints the report's size and write time; then headless
# Chromium loads the page three times and this prints the median time until its script has rendered the page
# (data-rendered-ms: from navigation start, parsing included) and the median wall time of a headless screenshot of it,
# next to that of an empty page (the browser's own start-up). Without Chromium it says so and stops after the size.
# usage: scripts/bench-report.sh [--trials N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
trials=10000
if [ "${1:-}" = "--trials" ]; then trials=$2; shift 2; fi
"$root/scripts/setup-native.sh" >/dev/null
"$root/scripts/build-cli.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/artifacts/cli/sweepcluster" bench report --trials "$trials" --out "$work/out"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
    echo "no headless Chromium on PATH: browser figures skipped"
    exit 0
fi
page="file://$work/out/report.html"
echo '<!DOCTYPE html><html><body>empty</body></html>' > "$work/empty.html"
chrome() {
    "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
        --disable-sync --no-first-run --user-data-dir="$work/profile" "$@" 2>/dev/null
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
wall_ms() { local start end; start=$(date +%s%N); chrome "$@" >/dev/null; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
rendered=$(for _ in 1 2 3; do chrome --dump-dom "$page" | grep -o 'data-rendered-ms="[0-9]*"' | grep -o '[0-9]*'; done | median)
shot=$(for _ in 1 2 3; do wall_ms --screenshot="$work/report.png" --window-size=1400,2400 "$page"; done | median)
empty=$(for _ in 1 2 3; do wall_ms --screenshot="$work/empty.png" --window-size=1400,2400 "file://$work/empty.html"; done | median)
echo "headless Chromium, $trials trials: script rendered the page ${rendered} ms after navigation start; screenshot ${shot} ms wall (empty page ${empty} ms)"
