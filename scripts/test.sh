#!/usr/bin/env bash
# Runs every test project of the solution after the set-up they need (native runtime, restore,
# build with warnings as errors). The last line printed is the total over all test projects:
# "N passed, N failed, N skipped". Exits non-zero when anything fails.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/setup-native.sh" || exit 1
# The report's browser tests need a headless Chromium: Debian's package is installed when missing and apt is
# usable (root); elsewhere those tests are skipped, saying so.
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
    echo "[setup] installing chromium (Debian package) for the report's browser tests ..." >&2
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1; then
        echo "[setup] chromium could not be installed: the browser tests will be skipped" >&2
    fi
fi
dotnet build SweepCluster.sln -warnaserror -nologo -clp:ErrorsOnly -v:quiet || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
results=$(mktemp -d)
dotnet test SweepCluster.sln --no-build -nologo --logger "console;verbosity=normal" --logger trx --results-directory "$results"
status=$?
# Each test project writes one .trx file; its <Counters> element holds that project's totals (a skipped test is
# counted in total but not in executed).
read -r passed failed skipped < <(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
    function attr(name,   m) { if (match($0, name "=\"[0-9]+\"")) { m = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 } return 0 }
    { p += attr("passed"); f += attr("failed") + attr("error") + attr("timeout") + attr("aborted"); s += attr("total") - attr("executed") }
    END { print p + 0, f + 0, s + 0 }')
rm -rf "$results"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # a test host crashed or a project did not run: count it, never report a clean total
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
