#!/usr/bin/env bash
# Build the `openssl` command-line program of OpenSSL 3.5 once, into target/openssl-3.5/bin/openssl,
# for the post-quantum handshake tests (tests/negotiate_pq.rs). No OpenSSL code is committed: the
# source is the `openssl-src` crate from crates.io (its 300.5.x line carries OpenSSL 3.5.x), which
# `cargo fetch` brings into cargo's registry like any other crate.
#
#   scripts/build-openssl35.sh          # does nothing when the binary is already there
#
# A copy is kept in ~/.cache/cipherdex/ (CIPHERDEX_CACHE to change it): another clone or work
# tree on the same machine copies it from there instead of building again.
#
# Needs cargo, perl, make and a C compiler (.ci/run installs them). The build runs under `nice`
# with two jobs at most (JOBS=1 to use one). Configure options: no-module no-legacy because the
# crate leaves out the files the legacy provider needs; no-shared so that the binary runs from
# anywhere without LD_LIBRARY_PATH; no-tests no-docs because only `apps/openssl` is built.
set -euo pipefail
cd "$(dirname "$0")/.."

# The crate version pins the OpenSSL release (the part after '+').
crate_version=300.5.5
root=target/openssl-3.5
bin=$root/bin/openssl

# A copy outside the work tree, so that every clone on this machine builds it only once.
cache=${CIPHERDEX_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cipherdex}/openssl-src-$crate_version

if [ -x "$bin" ]; then
  echo "openssl 3.5: $bin is present ($("$bin" version))"
  exit 0
fi
if [ -x "$cache/openssl" ] && "$cache/openssl" version >/dev/null 2>&1; then
  mkdir -p "$root/bin"
  cp "$cache/openssl" "$bin.tmp"
  mv "$bin.tmp" "$bin"
  echo "openssl 3.5: copied $bin from $cache ($("$bin" version))"
  exit 0
fi

start=$(date +%s)
mkdir -p "$root/fetch/src"
# A throw-away package whose only dependency is the source crate: `cargo metadata` then says
# where cargo unpacked it.
cat >"$root/fetch/Cargo.toml" <<EOF
[package]
name = "fetch-openssl-src"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
openssl-src = "=$crate_version"

[workspace]
EOF
echo '' >"$root/fetch/src/lib.rs"
manifest=$(cargo metadata --format-version 1 --manifest-path "$root/fetch/Cargo.toml" |
  python3 -c 'import json,sys
m = json.load(sys.stdin)
print(next(p["manifest_path"] for p in m["packages"] if p["name"] == "openssl-src"))')
src=$(dirname "$manifest")/openssl
if [ ! -f "$src/Configure" ]; then
  echo "FAILED: no OpenSSL source at $src" >&2
  exit 1
fi

build=$root/build
rm -rf "$build"
cp -R "$src" "$build"
(
  cd "$build"
  nice ./Configure no-module no-legacy no-tests no-comp no-zlib no-shared no-docs linux-x86_64 >configure.log
  nice make -j"${JOBS:-2}" build_programs >make.log 2>&1 || {
    tail -n 40 make.log >&2
    exit 1
  }
)
mkdir -p "$root/bin"
cp "$build/apps/openssl" "$bin.tmp"
mv "$bin.tmp" "$bin"
rm -rf "$build"
mkdir -p "$cache" && cp "$bin" "$cache/openssl.tmp" && mv "$cache/openssl.tmp" "$cache/openssl" ||
  echo "openssl 3.5: could not keep a copy in $cache (not needed)"
echo "openssl 3.5: built $bin ($("$bin" version)) in $(($(date +%s) - start)) s"
