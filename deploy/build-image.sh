#!/usr/bin/env bash
# Builds the sweepcluster Docker image without pulling anything:
#   1. the base image sweepcluster-base:trixie (Debian 13 minbase via debootstrap + docker import) when missing;
#   2. dotnet publish of the CLI, self-contained for linux-x64, into artifacts/publish/<flavour>;
#   3. docker build with that folder as the context.
#   deploy/build-image.sh [--cuda] [--tag TAG]     (default tag sweepcluster:cpu, or sweepcluster:cuda)
# Exit 3 when the Docker daemon is not reachable.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base=sweepcluster-base:trixie
flavour=cpu
tag=""
while [ $# -gt 0 ]; do
    case "$1" in
        --cuda) flavour=cuda; shift ;;
        --tag) tag="$2"; shift 2 ;;
        *) echo "usage: $0 [--cuda] [--tag TAG]" >&2; exit 2 ;;
    esac
done
tag="${tag:-sweepcluster:$flavour}"
say() { echo "[build-image] $*" >&2; }

docker info >/dev/null 2>&1 || { say "the Docker daemon is not reachable"; exit 3; }

# The machine's own Debian mirror (from its apt sources), so that no host name is written here.
debian_mirror() {
    local uri
    uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [ -n "$uri" ] || uri=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    echo "${uri:-http://deb.debian.org/debian}"
}

if ! docker image inspect "$base" >/dev/null 2>&1; then
    command -v debootstrap >/dev/null || { say "$base is missing and debootstrap is not installed"; exit 1; }
    rootfs=$(mktemp -d)
    trap 'rm -rf "$rootfs"' EXIT
    say "creating $base: debootstrap --variant=minbase trixie from $(debian_mirror) (a few minutes)"
    debootstrap --variant=minbase trixie "$rootfs" "$(debian_mirror)" >/dev/null
    tar -C "$rootfs" -c . | docker import - "$base" >/dev/null
    rm -rf "$rootfs"
    trap - EXIT
fi

publish="$root/artifacts/publish/linux-x64-$flavour"
switches=()
[ "$flavour" = cuda ] && switches=(-p:TorchSharpCuda=true)
say "publishing the CLI ($flavour, self-contained linux-x64) into $publish"
dotnet publish "$root/src/SweepCluster.Cli/SweepCluster.Cli.csproj" -c Release -r linux-x64 --self-contained \
    "${switches[@]}" -o "$publish" -nologo -v:quiet -clp:ErrorsOnly >&2
dockerfile="$root/deploy/Dockerfile"
[ "$flavour" = cuda ] && dockerfile="$root/deploy/Dockerfile.cuda"
say "docker build -t $tag (context $publish)"
DOCKER_BUILDKIT=0 docker build -q -f "$dockerfile" -t "$tag" "$publish" >/dev/null 2>&1 || { say "docker build failed"; DOCKER_BUILDKIT=0 docker build -f "$dockerfile" -t "$tag" "$publish" >&2; exit 1; }
say "built $tag"
