#!/usr/bin/env bash
# Builds (publishes, ReadyToRun) the CLI into artifacts/cli unless it is newer than every source file (fast no-op on reruns).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
binary="$root/artifacts/cli/sweepcluster"
if [ -x "$binary" ] && [ -z "$(find "$root/src" "$root/Directory.Build.props" "$root/Directory.Packages.props" \
        -newer "$binary" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -print -quit)" ]; then
    exit 0
fi
echo "[build] building the sweepcluster CLI (Release, ReadyToRun) into artifacts/cli ..." >&2
log=$(mktemp)
# ReadyToRun: the assemblies carry native code, so a command does not wait for the JIT (a 1-trial sweep: 0.77 s -> 0.62 s).
if ! dotnet publish "$root/src/SweepCluster.Cli/SweepCluster.Cli.csproj" -c Release -r linux-x64 --self-contained false \
        -p:PublishReadyToRun=true -o "$root/artifacts/cli" -warnaserror -nologo -clp:ErrorsOnly -v:quiet >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "[build] the build failed" >&2
    exit 1
fi
rm -f "$log"
touch "$binary"
