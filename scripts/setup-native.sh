#!/usr/bin/env bash
# Makes sure TorchSharp's native library can load on this machine.
#
# TorchSharp 0.107's libLibTorchSharp.so needs the GCC 13+ C++ runtime (GLIBCXX_3.4.32).
# Debian 12 ships GCC 12's. On Debian 12, as root, this script adds Debian 13 (trixie) as a
# pinned low-priority apt source (derived from the machine's own debian.sources, so no host
# name is written here) and installs trixie's libstdc++6. Elsewhere it prints the fix and fails.
# Idempotent: when the runtime is already there it only checks and returns.
set -euo pipefail

readonly needed_symbol="GLIBCXX_3.4.32"
readonly trixie_sources=/etc/apt/sources.list.d/sweepcluster-trixie.sources
readonly trixie_pin=/etc/apt/preferences.d/sweepcluster-trixie

say() { echo "[setup-native] $*" >&2; }

system_libstdcxx() {
    local path
    path=$(/sbin/ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')
    [ -n "$path" ] || path=/usr/lib/x86_64-linux-gnu/libstdc++.so.6
    echo "$path"
}

runtime_is_new_enough() {
    grep -qa "$needed_symbol" "$(system_libstdcxx)" 2>/dev/null
}

os_field() { (. /etc/os-release && eval "echo \${$1:-}"); }

# Writes a deb822 source for trixie that copies the URIs and Signed-By of the machine's main
# Debian archive stanza (the one whose suites include plain 'bookworm').
write_trixie_source() {
    local base=/etc/apt/sources.list.d/debian.sources
    [ -f "$base" ] || { say "cannot find $base to derive a trixie source from"; return 1; }
    awk -v RS= -v ORS='\n\n' '/Suites:[^\n]*bookworm( |\n|$)/ && !/security/ {
            gsub(/Suites:[^\n]*/, "Suites: trixie"); print; exit }' "$base" \
        | grep -v '^#' > "$trixie_sources.tmp"
    grep -q '^URIs:' "$trixie_sources.tmp" || { rm -f "$trixie_sources.tmp"; say "no main archive stanza in $base"; return 1; }
    mv "$trixie_sources.tmp" "$trixie_sources"
    printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' > "$trixie_pin"
}

fix_on_debian12() {
    say "the C++ runtime lacks $needed_symbol (TorchSharp needs GCC 13+'s libstdc++)."
    say "installing libstdc++6 from Debian 13 (trixie), pinned at low priority: $trixie_sources, $trixie_pin"
    write_trixie_source
    apt-get update -qq -o Dpkg::Use-Pty=0 >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 -t trixie libstdc++6 >/dev/null
    say "installed $(dpkg-query -W -f='${Package} ${Version}' libstdc++6)"
}

print_manual_fix() {
    cat >&2 <<MSG
[setup-native] TorchSharp cannot load: $(system_libstdcxx) lacks $needed_symbol.
[setup-native] Install a GCC 13+ C++ runtime (libstdc++6 >= 13), for example:
[setup-native]   Ubuntu 24.04+ / Debian 13+: already fine
[setup-native]   Debian 12 (as root): add a 'trixie' apt source pinned to priority 100, then
[setup-native]     apt-get update && apt-get install -t trixie libstdc++6
[setup-native]   or rerun this script as root on Debian 12 and it does exactly that.
MSG
}

main() {
    if runtime_is_new_enough; then
        return 0
    fi
    if [ "$(os_field ID)" = debian ] && [ "$(os_field VERSION_ID)" = 12 ] && [ "$(id -u)" = 0 ]; then
        fix_on_debian12
        runtime_is_new_enough && return 0
        say "libstdc++ still lacks $needed_symbol after the install"
    fi
    print_manual_fix
    return 1
}

main "$@"
