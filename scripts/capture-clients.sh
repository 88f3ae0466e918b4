#!/usr/bin/env bash
# Record the ClientHello and the behaviour of every real TLS client installed on this machine
# into data/clients/captures/ (see data/clients/README.md). Run by hand, never by CI: it starts
# browsers. Everything connects to 127.0.0.1 only; every process is started under the harness,
# which stops it by its process group.
#
# Usage (Debian 12, root; BEHAVIOUR_ONLY=1 or CAPTURE_ONLY=1 to do only one half):
#   apt-get install -y openssl gnutls-bin curl wget libnss3-tools golang-go chromium firefox-esr
#   scripts/capture-clients.sh [CLIENT...]      # no argument: every client
# Needs also: python3 (with requests from PyPI for python-requests), node, java 17, and the
# rustls client built as data/clients/README.md says (RUSTLS_CLIENT=path to its binary).
#
# For each capture it writes data/clients/captures/<capture>.hex (the raw ClientHello records)
# and, for the clients it runs against openssl s_server, <capture>.behaviour.txt (a default
# server, then a TLS 1.1-only server at security level 0). Update data/clients/captures.csv
# afterwards: `scripts/capture-clienthello.py facts FILE.hex` prints the facts columns.
set -euo pipefail
cd "$(dirname "$0")/.."
out=data/clients/captures
mkdir -p "$out"
harness=scripts/capture-clienthello.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# capture NAME [harness options] -- COMMAND (with {port})
capture() {
  local name=$1
  shift
  if [ -n "${BEHAVIOUR_ONLY:-}" ]; then return; fi
  echo "== $name"
  "$harness" capture --out "$out/$name.hex" "$@" 2>&1 >/dev/null | sed "s|$tmp|\$TMP|g"
}

# behaviour NAME -- COMMAND: against a default s_server, then a TLS 1.1-only one.
behaviour() {
  local name=$1
  shift
  if [ -n "${CAPTURE_ONLY:-}" ]; then return; fi
  {
    echo "# $(date -u +%Y-%m-%d) openssl $(openssl version | cut -d' ' -f2) s_server, ECDSA P-256 certificate from a throw-away CA"
    "$harness" against "$@"
    echo
    "$harness" against --server '-tls1_1 -cipher DEFAULT:@SECLEVEL=0' "$@"
  } 2>&1 | sed "s|$tmp|\$TMP|g" >"$out/$name.behaviour.txt" || true
}

openssl_client() {
  local c='openssl s_client -connect 127.0.0.1:{port}'
  capture openssl-3.0-debian12 -- $c
  behaviour openssl-3.0-debian12 -- $c
  capture openssl-3.0-debian12.tls1_2 -- $c -tls1_2
  capture openssl-3.0-debian12.seclevel0-tls1 -- $c -tls1 -cipher 'DEFAULT:@SECLEVEL=0'
  behaviour openssl-3.0-debian12.seclevel0-tls1 -- $c -tls1 -cipher 'DEFAULT:@SECLEVEL=0'
  capture openssl-3.0-debian12.sni-alpn -- $c -servername www.example.com -alpn h2,http/1.1
}

gnutls() {
  capture gnutls-3.7-debian12 -- gnutls-cli --insecure -p '{port}' 127.0.0.1
  behaviour gnutls-3.7-debian12 -- gnutls-cli --insecure -p '{port}' 127.0.0.1
}

curl_client() {
  capture curl-7.88-debian12 -- curl -sk -o /dev/null 'https://127.0.0.1:{port}/'
  behaviour curl-7.88-debian12 -- curl -sSk -o /dev/null 'https://127.0.0.1:{port}/'
}

wget_client() {
  local c="wget --no-check-certificate --tries=1 -O /dev/null https://127.0.0.1:{port}/"
  capture wget-1.21-debian12 -- $c
  behaviour wget-1.21-debian12 -- $c
}

python_client() {
  # Debian's python3.11 package, and an upstream CPython build (pyenv) on the same OpenSSL:
  # Debian's leaves OpenSSL's defaults alone, upstream's sets TLS 1.2 and its own suites.
  capture python-3.11-debian12 -- /usr/bin/python3 scripts/clients/python_client.py '{port}'
  behaviour python-3.11-debian12 -- /usr/bin/python3 scripts/clients/python_client.py '{port}'
  local py=${UPSTREAM_PYTHON:-$HOME/.pyenv/versions/3.11.7/bin/python3}
  capture python-3.11-openssl-3.0 -- "$py" scripts/clients/python_client.py '{port}'
  behaviour python-3.11-openssl-3.0 -- "$py" scripts/clients/python_client.py '{port}'
}

requests_client() {
  local py=${UPSTREAM_PYTHON:-$HOME/.pyenv/versions/3.11.7/bin/python3}
  local c="import requests,urllib3; urllib3.disable_warnings(); print(requests.get('https://127.0.0.1:{port}/', verify=False, timeout=10))"
  capture python-requests-2.34 -- "$py" -c "$c"
  behaviour python-requests-2.34 -- "$py" -c "$c"
}

node_client() {
  capture node-20 -- node scripts/clients/node_client.js '{port}'
  behaviour node-20 -- node scripts/clients/node_client.js '{port}'
}

java_client() {
  capture java-17 -- java scripts/clients/JavaClient.java '{port}'
  behaviour java-17 -- java scripts/clients/JavaClient.java '{port}'
}

nss_client() {
  mkdir -p "$tmp/nssdb"
  certutil -N --empty-password -d "sql:$tmp/nssdb"
  local c="tstclnt -d sql:$tmp/nssdb -h 127.0.0.1 -p {port} -o"
  capture nss-3.87-debian12 -- $c
  behaviour nss-3.87-debian12 -- $c
}

go_client() {
  (cd "$tmp" && cp "$OLDPWD/scripts/clients/go_client.go" . && GOPROXY=off GO111MODULE=off GOFLAGS= go build -o go_client go_client.go)
  capture go-1.19 -- "$tmp/go_client" '{port}'
  behaviour go-1.19 -- "$tmp/go_client" '{port}'
}

rustls_client() {
  local bin=${RUSTLS_CLIENT:-target/rustls-client/release/rustls-client}
  capture rustls-0.23 -- "$bin" '{port}'
  behaviour rustls-0.23 -- "$bin" '{port}'
}

chromium_client() {
  local c=(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync)
  for n in 1 2; do
    capture "chromium-156.$n" --timeout 60 -- "${c[@]}" --user-data-dir="$(mktemp -d -p "$tmp")" 'https://127.0.0.1:{port}/'
  done
  behaviour chromium-156 --timeout 20 -- "${c[@]}" --ignore-certificate-errors --dump-dom \
    --user-data-dir="$(mktemp -d -p "$tmp")" 'https://127.0.0.1:{port}/'
}

firefox_client() {
  for n in 1 2; do
    capture "firefox-esr-153.$n" --timeout 90 -- firefox-esr --headless --profile "$(mktemp -d -p "$tmp")" 'https://127.0.0.1:{port}/'
  done
  # Firefox rejects an unknown issuer (alert 42): a fresh profile that trusts the
  # harness's throw-away CA ({cert}) lets the handshake complete.
  local p
  p=$(mktemp -d -p "$tmp")
  behaviour firefox-esr-153 --timeout 25 -- sh -c "rm -f $p/*.db; certutil -N --empty-password -d sql:$p \
    && certutil -A -n capture-ca -t C,, -i {cert} -d sql:$p \
    && exec firefox-esr --headless --profile $p https://127.0.0.1:{port}/"
}

all=(openssl_client gnutls curl_client wget_client python_client requests_client node_client
  java_client nss_client go_client rustls_client chromium_client firefox_client)
for f in "${@:-${all[@]}}"; do
  "$f"
done
