#!/usr/bin/env bash
# Regenerate the tool dumps in tests/fixtures/mapping/ from the tools installed on this machine.
#
# Usage (from anywhere; Debian 12 with: apt-get install openssl gnutls-bin nmap testssl.sh):
#   scripts/regen-oracle-fixtures.sh
# Then review `git diff tests/fixtures` and update tests/fixtures/README.md (tool versions).
# tests/oracle_harness.rs compares these files with the live tools, so run it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/fixtures/mapping
export OPENSSL_CONF=/dev/null

t13='TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256'
openssl ciphers -V -stdname -ciphersuites "$t13" 'ALL:COMPLEMENTOFALL:@SECLEVEL=0' >"$out/openssl-ciphers-V-stdname.txt"
gnutls-cli --list >"$out/gnutls-cli-list.txt"
cp /etc/testssl/cipher-mapping.txt "$out/testssl-cipher-mapping.txt"
# A prerule-only script: no target, no packets.
nmap -n -sn --script ./tests/fixtures/tools/dump-tls-ciphers.nse -oN /dev/null 2>/dev/null \
  | grep '^0x' >"$out/nmap-dump-tls-ciphers.tsv"

wc -l "$out/openssl-ciphers-V-stdname.txt" "$out/gnutls-cli-list.txt" \
  "$out/testssl-cipher-mapping.txt" "$out/nmap-dump-tls-ciphers.tsv"
echo "openssl: $(openssl version)"
echo "gnutls:  $(gnutls-cli --version | head -n 1)"
echo "nmap:    $(nmap --version | head -n 1)"
echo "testssl: $(dpkg-query -W -f '${Version}' testssl.sh 2>/dev/null || echo '?')"
