#!/usr/bin/env python3
"""Rebuild cipherdex's data/ tables from the gathered source tables.

Usage: python3 scripts/import-shared.py [SOURCES_DIR]

SOURCES_DIR defaults to ../shared/sources (beside the project root). The
script reads only local files, writes data/suites.csv, data/names.csv and
data/schannel/*.csv, and prints a summary. Review the diff, run `cargo test`,
and cite the source versions in the commit message. data/README.md says where
each source came from.

The build never runs this script and never reads SOURCES_DIR: data/ is the
project's own copy of the facts.
"""

import csv
import os
import re
import shutil
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "sources")
DATA = os.path.join(ROOT, "data")


def rows(name):
    with open(os.path.join(SRC, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def code_key(code):
    return (len(code), code)


# ---------------------------------------------------------------- suites ----
iana = {}
for r in rows("iana.csv"):
    if r["entry_type"] in ("assigned", "reserved-grease"):
        iana[r["code"]] = r

openssl = rows("openssl.csv")
testssl = rows("testssl.csv")
gnutls = rows("gnutls.csv")
nss = [r for r in rows("nss.csv") if not r["nss_constant"].startswith("SSL_EN_")]
java = rows("java.csv")
go = rows("go.csv")
wireshark = rows("wireshark.csv")
nmap = rows("nmap.csv")
mbedtls = rows("mbedtls.csv")
wolfssl = rows("wolfssl.csv")

# Canonical names for code points IANA does not assign. Each is the spelling
# most sources use, written so that build/derive.rs can read the parts from
# it; where it cannot, data/suites.csv carries explicit attribute columns.
CANONICAL = {
    "001C": "SSL_FORTEZZA_KEA_WITH_NULL_SHA",
    "001D": "SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA",
    "0061": "TLS_RSA_EXPORT1024_WITH_RC2_CBC_56_MD5",
    "0080": "TLS_GOSTR341094_WITH_28147_CNT_IMIT",
    "0081": "TLS_GOSTR341001_WITH_28147_CNT_IMIT",
    "0082": "TLS_GOSTR341094_WITH_NULL_GOSTR3411",
    "0083": "TLS_GOSTR341001_WITH_NULL_GOSTR3411",
    "004F": "TLS_ECMQV_ECDSA_NULL_SHA",
    "0053": "TLS_ECMQV_ECNRA_NULL_SHA",
    "0057": "TLS_ECDH_anon_NULL_WITH_SHA",
    "00FE": "WDM_WITH_NULL_SHA256",
    "CC13": "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256_OLD",
    "CC14": "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256_OLD",
    "CC15": "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256_OLD",
    "FF00": "TLS_GOSTR341094_RSA_WITH_28147_CNT_MD5",
    "FF01": "TLS_RSA_WITH_28147_CNT_GOST94",
    "FF02": "GOST-GOST89MAC",
    "FF03": "GOST-GOST89STREAM",
    "FF85": "LEGACY-GOST2012-GOST8912-GOST8912",
    "FF87": "GOST2012-NULL-GOST12",
    "FFE0": "SSL_RSA_OLDFIPS_WITH_3DES_EDE_CBC_SHA",
    "FFE1": "SSL_RSA_OLDFIPS_WITH_DES_CBC_SHA",
    "FF0800": "DES-CFB-M1",
    "FF0810": "NULL",
    "FF8000": "SSL_CK_DES_64_CFB64_WITH_MD5_1",
    "FF8010": "SSL_CK_NULL",
}
# Wireshark's Chinese GM/T suites carry no TLS_ prefix.
for r in wireshark:
    if r["code"].startswith("E0") and r["code"] not in iana:
        CANONICAL[r["code"]] = "TLS_" + r["wireshark_name"]

NOTES = {
    "0047": "draft-ietf-tls-ecc before RFC 4492 renumbered it (now 0xC001 range)",
    "CC13": "pre-RFC 7905 ChaCha20-Poly1305 (draft-agl-tls-chacha20poly1305), Chrome 2014-2016",
    "CC14": "pre-RFC 7905 ChaCha20-Poly1305 (draft-agl-tls-chacha20poly1305), Chrome 2014-2016",
    "CC15": "pre-RFC 7905 ChaCha20-Poly1305 (draft-agl-tls-chacha20poly1305), Chrome 2014-2016",
    "FEFE": "Netscape/NSS private FIPS suite",
    "FEFF": "Netscape/NSS private FIPS suite",
    "FFE0": "Netscape/NSS private FIPS suite (old numbering)",
    "FFE1": "Netscape/NSS private FIPS suite (old numbering)",
    "0060": "draft-ietf-tls-56-bit-ciphersuites (never published)",
    "0066": "draft-ietf-tls-56-bit-ciphersuites (never published)",
    "FF85": "private code point of the Russian GOST TLS profile (pre-RFC 9189)",
    "FF87": "private code point of the Russian GOST TLS profile (pre-RFC 9189)",
    "16B7": "Google CECPQ1 post-quantum experiment (2016)",
    "E410": "Salsa20 suites from draft-josefsson-salsa20-tls",
    "E001": "Chinese GM/T 0024 suite",
    "00FE": "wolfSSL private suite",
}

# Attribute overrides, for suites whose canonical name does not say
# everything (or says it wrongly). Columns as in data/suites.csv.
OVERRIDES = {
    "0000": dict(protocols="none"),
    "004F": dict(kex="ECMQV", auth="ECDSA", cipher="NULL", bits="0", mode="none", mac="SHA1", prf="SHA256"),
    "0053": dict(kex="ECMQV", auth="ECNRA", cipher="NULL", bits="0", mode="none", mac="SHA1", prf="SHA256"),
    "0057": dict(kex="ECDHE", auth="NULL", cipher="NULL", bits="0", mode="none", mac="SHA1", prf="SHA256"),
    "0080": dict(prf="GOST94"),
    "FF0800": dict(protocols="SSL2", kex="RSA", auth="RSA", cipher="DES", bits="56", mode="CFB", mac="MD5", prf="none"),
    "FF0810": dict(protocols="SSL2", kex="NULL", auth="NULL", cipher="NULL", bits="0", mode="none", mac="NULL", prf="none"),
    "0081": dict(prf="GOST94"),
    "FF85": dict(protocols="TLS1.0 TLS1.1 TLS1.2", kex="GOST12", auth="GOST12", cipher="GOST89", bits="256", mode="CTR", mac="GOST89MAC", prf="STREEBOG256"),
    "FF87": dict(protocols="TLS1.0 TLS1.1 TLS1.2", kex="GOST12", auth="GOST12", cipher="NULL", bits="0", mode="none", mac="STREEBOG256", prf="STREEBOG256"),
    "FF02": dict(protocols="TLS1.0 TLS1.1 TLS1.2", kex="RSA", auth="RSA", cipher="GOST89", bits="256", mode="CTR", mac="GOST89MAC", prf="SHA256"),
    "FF03": dict(protocols="TLS1.0 TLS1.1 TLS1.2", kex="RSA", auth="RSA", cipher="GOST89", bits="256", mode="stream", mac="GOST89MAC", prf="SHA256"),
}

codes = set(iana)
name_by_code = {}
for src in (testssl, nss, java, wireshark, nmap, openssl, mbedtls, wolfssl, gnutls):
    for r in src:
        codes.add(r["code"])
# SSL 2.0's NULL-MD5 kind 0x000000 is never compiled anywhere (OpenSSL: #if 0)
# and cannot be told apart from TLS_NULL_WITH_NULL_NULL as a number: left out.
EXCLUDED = {"000000"}
codes -= EXCLUDED


def first_name(code):
    if code in iana:
        return iana[code]["description"] if iana[code]["entry_type"] == "assigned" else "Reserved (GREASE)"
    if code in CANONICAL:
        return CANONICAL[code]
    for src, col in ((testssl, "iana_name"), (nss, "nss_constant"), (java, "java_name"),
                     (wireshark, "wireshark_name"), (nmap, "nmap_name")):
        for r in src:
            if r["code"] == code and r[col] not in ("", "-"):
                n = r[col]
                if n.startswith("SSL_") and len(code) == 4 and src is java:
                    n = "TLS_" + n[4:] if "FORTEZZA" not in n else n
                return n
    raise SystemExit(f"no canonical name for {code}")


# ----------------------------------------------------------------- names ----
names = []  # (code, scheme, name, kind, curve, since, until, note)


def add(code, scheme, name, kind="primary", curve="", since="", until="", note=""):
    if not name or name == "-" or code in EXCLUDED:
        return
    names.append([code, scheme, name, kind, curve, since, until, note])


for r in iana.values():
    if r["entry_type"] == "assigned":
        add(r["code"], "iana", r["description"])

# OpenSSL: the newest name is primary, older names are legacy.
VER_ORDER = ["<=0.9.8", "1.0.0", "1.0.1", "1.0.2p", "1.0.2u", "1.1.0g", "1.1.1", "1.1.1w",
             "3.0.0", "3.0.18", "3.1.0", "3.2.0", "3.3.0", "3.4.0", "3.5.0", "3.6.0"]
by_code = defaultdict(list)
for r in openssl:
    by_code[r["code"]].append(r)
for code, rs in by_code.items():
    rs.sort(key=lambda r: (r["status"] != "header-only", VER_ORDER.index(r["last_version"]) if r["last_version"] in VER_ORDER else -1))
    for i, r in enumerate(rs):
        kind = "primary" if i == len(rs) - 1 else "legacy"
        note = r["status"] if r["status"] != "current" else ""
        if r["availability"]:
            note = (note + "; " if note else "") + r["availability"]
        add(code, "openssl", r["openssl_name"], kind, "", r["first_version"], r["last_version"], note)

have_openssl = {(r["code"], r["openssl_name"]) for r in openssl}
for r in testssl:
    if r["openssl_name"] != "-" and (r["code"], r["openssl_name"]) not in have_openssl:
        add(r["code"], "testssl", r["openssl_name"], "primary", note="OpenSSL-style name from testssl.sh, never in upstream OpenSSL")
    if r["iana_name"] != "-" and (r["code"] not in iana or iana[r["code"]]["description"] != r["iana_name"]):
        add(r["code"], "testssl", r["iana_name"], "alias" if r["openssl_name"] != "-" and (r["code"], r["openssl_name"]) not in have_openssl else "primary")

for r in gnutls:
    add(r["code"], "gnutls", r["gnutls_name"], since=r["min_version"])
    add(r["code"], "gnutls", "GNUTLS_" + r["gnutls_name"][4:], "alias", note="spelling in GnuTLS debug logs")
    if r["code"] not in iana or iana[r["code"]]["description"] != r["gnutls_iana_name"]:
        add(r["code"], "gnutls", r["gnutls_iana_name"], "alias")

for r in nss:
    add(r["code"], "nss", r["nss_constant"])
    for a in filter(None, re.split(r"[ |;]+", r["nss_aliases"])):
        add(r["code"], "nss", a, "alias")
    if r["nss_info_name"] and r["nss_info_name"] != r["nss_constant"]:
        add(r["code"], "nss", r["nss_info_name"], "alias", note="SSL_GetCipherSuiteInfo name")

for r in java:
    add(r["code"], "java", r["java_name"])
    for a in filter(None, re.split(r"[ |;]+", r["java_aliases"])):
        add(r["code"], "java", a, "alias")

for r in go:
    add(r["code"], "go", r["go_constant"])
    for a in filter(None, re.split(r"[ |;]+", r["legacy_alias_constants"])):
        add(r["code"], "go", a, "alias", note="deprecated Go constant")

for r in mbedtls:
    add(r["code"], "mbedtls", r["mbedtls_name"])
    add(r["code"], "mbedtls", r["mbedtls_constant"], "alias")

for r in wolfssl:
    add(r["code"], "wolfssl", r["wolfssl_name"])
    if r["wolfssl_iana_name"] and (r["code"] not in iana or iana[r["code"]]["description"] != r["wolfssl_iana_name"]):
        add(r["code"], "wolfssl", r["wolfssl_iana_name"], "alias")

for r in wireshark:
    if r["wireshark_name"] == "Reserved (GREASE)":
        continue
    add(r["code"], "wireshark", r["wireshark_name"])

for r in nmap:
    add(r["code"], "nmap", r["nmap_name"])
# nmap keeps the two signalling values in its separate SCSVS table.
add("00FF", "nmap", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV", note="nmap SCSVS table")
add("5600", "nmap", "TLS_FALLBACK_SCSV", note="nmap SCSVS table")

# Windows SChannel: every name in every release table.
SCHANNEL_SRC = os.path.join(SRC, "schannel")
win_names = {}
for fn in sorted(os.listdir(SCHANNEL_SRC)):
    if fn.startswith("windows-") and fn.endswith(".csv"):
        with open(os.path.join(SCHANNEL_SRC, fn), newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                win_names.setdefault(r["name"], fn)

# Names Windows uses that no other scheme spells the same way.
WINDOWS_SPECIAL = {
    "SSL_CK_RC4_128_WITH_MD5": "010080",
    "SSL_CK_RC4_128_EXPORT40_WITH_MD5": "020080",
    "SSL_CK_RC4_128_EXPORT40_MD5": "020080",
    "SSL_CK_RC2_128_CBC_WITH_MD5": "030080",
    "SSL_CK_RC2_128_CBC_EXPORT40_WITH_MD5": "040080",
    "SSL_CK_IDEA_128_CBC_WITH_MD5": "050080",
    "SSL_CK_DES_64_CBC_WITH_MD5": "060040",
    "SSL_CK_DES_192_EDE3_CBC_WITH_MD5": "0700C0",
    "SSL_RC4_128_WITH_MD5": "010080",
    "SSL_RC4_128_EXPORT40_WITH_MD5": "020080",
    "SSL_RC2_CBC_128_CBC_WITH_MD5": "030080",
    "SSL_DES_64_CBC_WITH_MD5": "060040",
    "SSL_DES_192_EDE3_CBC_WITH_MD5": "0700C0",
    "SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA": "001D",
}
all_known = {}
for n in names:
    all_known.setdefault(n[2].upper(), set()).add(n[0])
iana_by_name = {r["description"].upper(): r["code"] for r in iana.values() if r["entry_type"] == "assigned"}
unresolved = []
for wn, fn in sorted(win_names.items()):
    m = re.match(r"^(.*)_(P256|P384|P521)$", wn)
    base, curve = (m.group(1), m.group(2)) if m else (wn, "")
    base = base.replace("ECDH_P256", "ECDHE").replace("ECDH_P384", "ECDHE").replace("ECDH_P521", "ECDHE")
    if wn in WINDOWS_SPECIAL:
        code = WINDOWS_SPECIAL[wn]
    elif base.upper() in iana_by_name:
        code = iana_by_name[base.upper()]
    elif base.upper() in all_known and len(all_known[base.upper()]) == 1:
        code = next(iter(all_known[base.upper()]))
    else:
        unresolved.append((wn, fn))
        continue
    add(code, "windows", wn, "curve" if curve else "primary", curve, note="first in " + fn)
if unresolved:
    raise SystemExit(f"unresolved Windows names: {unresolved}")

# Every code that has a name somewhere is a suite.
codes |= {n[0] for n in names}

# A scheme may list the same name twice (an alias equal to another row): keep one.
seen = set()
uniq = []
for n in names:
    k = (n[0], n[1], n[2].upper())
    if k in seen:
        continue
    seen.add(k)
    uniq.append(n)
names = uniq

# One primary per (code, scheme): the first listed stays primary, later ones become aliases.
prim = set()
for n in names:
    if n[3] == "primary":
        k = (n[0], n[1])
        if k in prim:
            n[3] = "alias"
        prim.add(k)
# Windows: a suite known only by curve-suffixed names gets its first one as primary.
for n in names:
    if n[1] == "windows" and n[3] == "curve" and (n[0], "windows") not in prim:
        n[3] = "primary"
        prim.add((n[0], "windows"))


# Ambiguity: one spelling (any case) that names several codes.
def rank(code):
    # IANA-assigned first, then two-byte codes, then the "new" FIPS numbers.
    return (code not in iana or iana[code]["entry_type"] != "assigned", len(code) == 6,
            code in ("FFE0", "FFE1"), code)


spell = defaultdict(set)
for n in names:
    spell[n[2].upper()].add(n[0])
ambig = {}
for s, cs in spell.items():
    if len(cs) > 1:
        best = sorted(cs, key=rank)[0]
        for c in cs:
            ambig[(s, c)] = "primary" if c == best else "secondary"

# ----------------------------------------------------------------- write ----
os.makedirs(DATA, exist_ok=True)
with open(os.path.join(DATA, "suites.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "name", "origin", "dtls_ok", "recommended", "reference",
                "protocols", "kex", "auth", "cipher", "bits", "mode", "mac", "prf", "export", "note"])
    # suites.csv must stay sorted by code: the build checks it.
    for c in sorted(codes, key=code_key):
        r = iana.get(c)
        if r and r["entry_type"] == "reserved-grease":
            origin = "grease"
        elif r:
            origin = "iana"
        elif len(c) == 6:
            origin = "sslv2"
        else:
            origin = "unofficial"
        note = NOTES.get(c, "")
        if not note and origin == "unofficial" and "0047" <= c <= "007E":
            note = "code point from an early draft, never assigned by IANA"
        if not note and c.startswith("E4"):
            note = NOTES["E410"]
        if not note and c.startswith("E0"):
            note = NOTES["E001"]
        if not note and c.startswith("16B"):
            note = NOTES["16B7"]
        ref = r["reference"].replace("][", " ").strip("[]") if r else ""
        o = OVERRIDES.get(c, {})
        w.writerow([c, first_name(c), origin, r["dtls_ok"] if r else "", r["recommended"] if r else "",
                    ref] + [o.get(k, "") for k in ("protocols", "kex", "auth", "cipher", "bits", "mode", "mac", "prf", "export")] + [note])

with open(os.path.join(DATA, "names.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "scheme", "name", "kind", "curve", "since", "until", "ambiguity", "note"])
    order = ["iana", "openssl", "gnutls", "nss", "java", "go", "windows", "mbedtls", "wolfssl",
             "wireshark", "nmap", "testssl"]
    kinds = ["primary", "curve", "alias", "legacy"]
    names.sort(key=lambda n: (code_key(n[0]), order.index(n[1]), kinds.index(n[3])))
    for n in names:
        w.writerow(n[:7] + [ambig.get((n[2].upper(), n[0]), ""), n[7]])

# SChannel release tables: copied as published, plus the manifest and products.
os.makedirs(os.path.join(DATA, "schannel"), exist_ok=True)
for fn in sorted(os.listdir(SCHANNEL_SRC)):
    if fn.endswith(".csv"):
        shutil.copyfile(os.path.join(SCHANNEL_SRC, fn), os.path.join(DATA, "schannel", fn))

# OpenSSL's own per-cipher algorithm flags (read by the cipher-string engine).
with open(os.path.join(DATA, "openssl.csv"), "w", newline="", encoding="utf-8") as f:
    cols = ["code", "openssl_name", "first_version", "last_version", "status", "availability",
            "min_version", "max_version", "kx", "au", "enc", "mac", "strength", "strength_bits",
            "alg_bits", "in_local_3_0_19"]
    w = csv.writer(f, lineterminator="\n")
    w.writerow(cols)
    for r in sorted(openssl, key=lambda r: (code_key(r["code"]), r["openssl_name"])):
        w.writerow([r[k] for k in cols])

print(f"{len(codes)} suites, {len(names)} names, {len(ambig)} ambiguous (name, code) pairs")
