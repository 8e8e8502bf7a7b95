#!/usr/bin/env bash
# Makes the cluster's certificate: a self-signed certificate and its private key in one PKCS#12 file, for
# `--tls-cert` (SWEEPCLUSTER_TLS_CERT) on every node of one cluster. Nodes accept only peers that present this same
# certificate (mutual TLS, pinned by its SHA-256 fingerprint), so the file and its password are the cluster's
# credentials: copy them to each host over a safe channel and keep them readable by the sweepcluster user only.
#
#   scripts/make-cluster-cert.sh [--out cluster.pfx] [--days 825] [--cn sweepcluster] [--force]
#
# The password is SWEEPCLUSTER_TLS_PASSWORD when that is set; otherwise a random one is written next to the
# certificate as <out>.password (mode 600), for `--tls-password-file`. Needs openssl (apt-get install openssl).
set -euo pipefail
out=cluster.pfx days=825 cn=sweepcluster force=0
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out=$2; shift 2 ;;
        --days) days=$2; shift 2 ;;
        --cn) cn=$2; shift 2 ;;
        --force) force=1; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "make-cluster-cert: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
command -v openssl >/dev/null || { echo "make-cluster-cert: openssl is not installed (apt-get install openssl)" >&2; exit 1; }
if [ -e "$out" ] && [ "$force" = 0 ]; then
    echo "make-cluster-cert: $out exists; every node of a cluster needs the same certificate, so it is not replaced (--force to replace it)" >&2
    exit 1
fi
umask 077
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${SWEEPCLUSTER_TLS_PASSWORD:-}" ]; then
    password=$SWEEPCLUSTER_TLS_PASSWORD
    password_note="the password is SWEEPCLUSTER_TLS_PASSWORD"
else
    password=$(openssl rand -base64 24)
    password_note="the password is in $out.password (give it with --tls-password-file or SWEEPCLUSTER_TLS_PASSWORD_FILE)"
fi
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -sha256 -nodes -days "$days" -subj "/CN=$cn" \
    -addext "keyUsage=critical,digitalSignature" -addext "extendedKeyUsage=serverAuth,clientAuth" \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
PASSWORD="$password" openssl pkcs12 -export -name "$cn" -inkey "$work/key.pem" -in "$work/cert.pem" -out "$work/cluster.pfx" -passout env:PASSWORD
# Only now that openssl has succeeded: the certificate and its password file replace the old pair together (a stale
# <out>.password beside a certificate made with SWEEPCLUSTER_TLS_PASSWORD would be read by nodes and refused).
if [ -n "${SWEEPCLUSTER_TLS_PASSWORD:-}" ]; then
    rm -f "$out.password"
else
    printf '%s\n' "$password" > "$work/password"
    mv -f "$work/password" "$out.password"
fi
mv -f "$work/cluster.pfx" "$out"
chmod 600 "$out"
fingerprint=$(openssl x509 -in "$work/cert.pem" -noout -fingerprint -sha256 | cut -d= -f2 | tr -d :)
echo "cluster certificate: $out (CN=$cn, valid $days days, SHA-256 $fingerprint); $password_note"
