#!/usr/bin/env bash
# Packs the CLI for a GPU machine that has a PyTorch (CUDA) install and no .NET: a self-contained linux-x64 publish
# without the bundled CPU libtorch (-p:BundleLibTorch=false), as .gpu/app.tar.xz (git-ignored). On the GPU machine,
# scripts/gpu-check.sh unpacks it and points SWEEPCLUSTER_LIBTORCH at PyTorch's torch/lib.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
publish="$(mktemp -d)"
trap 'rm -rf "$publish"' EXIT
echo "[gpu-publish] publishing the CLI self-contained for linux-x64 without libtorch-cpu ..." >&2
dotnet publish "$root/src/SweepCluster.Cli/SweepCluster.Cli.csproj" -c Release -r linux-x64 --self-contained \
    -p:BundleLibTorch=false -warnaserror -nologo -v:quiet -clp:ErrorsOnly -o "$publish"
if ls "$publish"/libtorch_cpu.so >/dev/null 2>&1; then
    echo "[gpu-publish] libtorch_cpu.so is in the publish folder: the CPU libtorch was bundled after all" >&2
    exit 1
fi
mkdir -p "$root/.gpu"
tar cJf "$root/.gpu/app.tar.xz" -C "$publish" .
echo "[gpu-publish] $(du -h "$root/.gpu/app.tar.xz" | cut -f1) in .gpu/app.tar.xz" >&2
