#!/usr/bin/env python3
"""Writes data/gnutls-suites.csv from GnuTLS's lib/algorithms/ciphersuites.c.

Usage: scripts/import-gnutls.py GNUTLS_CHECKOUT_OR_FILE > data/gnutls-suites.csv

GNUTLS_CHECKOUT_OR_FILE is ciphersuites.c itself (for example
`git -C gnutls show 3.7.9:lib/algorithms/ciphersuites.c > cs.c`). Every
`#ifdef ENABLE_*` block is taken (Debian builds GnuTLS with all of them but
SSL 3.0). One row per entry of `cs_algorithms[]`, in the table's order: GnuTLS
picks the first entry that matches a key exchange, cipher and MAC, so the
order is a fact too.
"""
import re
import sys

src = open(sys.argv[1], encoding="utf-8").read()
codes = {}
for m in re.finditer(r"#define\s+(GNUTLS_\w+)\s*\{\s*(0x[0-9A-Fa-f]+)\s*,\s*(0x[0-9A-Fa-f]+)\s*\}", src):
    codes[m.group(1)] = (int(m.group(2), 16) << 8) | int(m.group(3), 16)
start = src.index("cs_algorithms[] = {")
end = src.index("};", start)
body = re.sub(r"/\*.*?\*/", "", src[start:end], flags=re.S)


def vers(v):
    v = v.strip()
    if v in ("GNUTLS_VERSION_UNKNOWN", "0"):
        return ""
    if v == "GNUTLS_DTLS_VERSION_MIN":
        return "DTLS0.9"
    if v == "GNUTLS_TLS1":
        return "TLS1.0"
    if v == "GNUTLS_SSL3":
        # ciphersuites.c defines GNUTLS_SSL3 as GNUTLS_TLS1 without ENABLE_SSL3
        # (the default, and Debian's build).
        return "TLS1.0"
    m = re.fullmatch(r"GNUTLS_(D?TLS)(\d)_(\d)", v)
    if m:
        kind = m.group(1)
        return f"{kind}{m.group(2)}.{m.group(3)}"
    raise SystemExit(f"unknown version {v}")


MAC = {"GNUTLS_MAC_SHA1": "SHA1", "GNUTLS_MAC_SHA256": "SHA256", "GNUTLS_MAC_SHA384": "SHA384",
       "GNUTLS_MAC_MD5": "MD5", "GNUTLS_MAC_AEAD": "AEAD", "GNUTLS_MAC_NULL": "MAC-NULL",
       "GNUTLS_MAC_STREEBOG_256": "STREEBOG-256", "GNUTLS_MAC_GOST28147_TC26Z_IMIT": "GOST28147-TC26Z-IMIT",
       "GNUTLS_MAC_UNKNOWN": ""}
CIPHER = {"GNUTLS_CIPHER_NULL": "NULL", "GNUTLS_CIPHER_3DES_CBC": "3DES-CBC",
          "GNUTLS_CIPHER_ARCFOUR_128": "ARCFOUR-128", "GNUTLS_CIPHER_ARCFOUR": "ARCFOUR-128", "GNUTLS_CIPHER_GOST28147_TC26Z_CNT": "GOST28147-TC26Z-CNT"}


def cipher(c):
    c = c.strip()
    if c in CIPHER:
        return CIPHER[c]
    return c.replace("GNUTLS_CIPHER_", "").replace("_", "-")


def kx(k):
    k = k.strip()
    if k == "0":
        return ""
    return k.replace("GNUTLS_KX_", "").replace("_", "-").replace("ANON-ECDH", "ANON-ECDH").replace("VKO-GOST-12", "VKO-GOST-12")


def mac(m):
    m = m.strip()
    if m not in MAC:
        raise SystemExit(f"unknown MAC {m}")
    return MAC[m]


print("name,code,kx,cipher,mac,min_tls,min_dtls,prf")
for m in re.finditer(r"\b(ENTRY_TLS13|ENTRY_PRF|ENTRY)\s*\((.*?)\)\s*,", body, flags=re.S):
    kind = m.group(1)
    args = [a.strip() for a in re.split(r",(?![^{]*\})", m.group(2))]
    name = args[0]
    code = codes[name]
    iana = args[1].strip('"')
    if kind == "ENTRY_TLS13":
        _, _, c, minv, prf = args
        row = [iana, f"0x{code:04X}", "", cipher(c), "AEAD", vers(minv), "", mac(prf)]
    else:
        c, k, mc, minv, dtls = args[2:7]
        prf = mac(args[7]) if kind == "ENTRY_PRF" else "SHA256"
        row = [name.replace("GNUTLS_", "TLS_", 1), f"0x{code:04X}", kx(k), cipher(c), mac(mc), vers(minv), vers(dtls), prf]
    print(",".join(row))
