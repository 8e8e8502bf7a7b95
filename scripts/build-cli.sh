#!/usr/bin/env bash
# Builds the CLI into artifacts/cli unless it is newer than every source file (fast no-op on reruns).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
binary="$root/artifacts/cli/sweepcluster"
if [ -x "$binary" ] && [ -z "$(find "$root/src" "$root/Directory.Build.props" "$root/Directory.Packages.props" \
        -newer "$binary" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -print -quit)" ]; then
    exit 0
fi
echo "[build] building the sweepcluster CLI (Release) into artifacts/cli ..." >&2
log=$(mktemp)
if ! dotnet build "$root/src/SweepCluster.Cli/SweepCluster.Cli.csproj" -c Release -o "$root/artifacts/cli" \
        -warnaserror -nologo -clp:ErrorsOnly -v:quiet >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "[build] the build failed" >&2
    exit 1
fi
rm -f "$log"
touch "$binary"
