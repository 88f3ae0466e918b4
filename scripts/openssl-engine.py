#!/usr/bin/env python3
"""Derive data/openssl-engine.csv from data/openssl.csv.

Usage: python3 scripts/openssl-engine.py

data/openssl.csv holds OpenSSL's per-cipher flags as of the newest release
that has each cipher. The cipher-string engine (src/openssl/) needs the flags
per *build target*, so this script writes one row per (cipher, variant) with a
`targets` column naming the targets where that row applies:

  1.1.1       OpenSSL 1.1.1 default build (no enable-weak-ssl-ciphers)
  1.1.1-weak  OpenSSL 1.1.1 built with enable-weak-ssl-ciphers
  3.0         OpenSSL 3.0/3.1 default build, default provider only
  3.2         OpenSSL 3.2 and later, default build, default provider only

Rules (facts from OpenSSL's ssl/s3_lib.c and ssl/ssl_ciph.c, checked against
the local `openssl ciphers` of 3.0):
  * GOST suites need an external engine/provider: in no target.
  * RC4 and 3DES suites exist only with enable-weak-ssl-ciphers; in 1.1.1
    they carry the 1.1.1 flags (RC4 128 strength bits; 3DES FIPS-flagged
    except the SRP ones).
  * IDEA and SEED are compiled in, but 3.x only has them in the legacy
    provider, so they are usable only in the 1.1.1 targets.
  * CCM8 suites are HIGH with full strength bits before 3.2; from 3.2 on they
    are MEDIUM with 64 strength bits (the values in data/openssl.csv).
  * TLS 1.3 suites (min_tls TLSv1.3) are listed for the -ciphersuites
    language; the integrity-only TLS_SHA256_SHA256/TLS_SHA384_SHA384 (3.4+)
    are not modelled.
"""
import csv
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "data", "openssl.csv")
DST = os.path.join(ROOT, "data", "openssl-engine.csv")

ALL = ["1.1.1", "1.1.1-weak", "3.0", "3.2"]
EXCLUDE = ("GOST", "valid=0", "never compiled", "not implemented",
           "EXPERIMENTAL", "debug", "3.4+)")

out = []
with open(SRC, newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["status"] != "current" or len(r["code"]) != 4 or not r["min_version"]:
            continue
        avail = r["availability"]
        if r["min_version"] == "TLSv1.3":
            if r["code"] in ("C0B4", "C0B5"):
                continue
        elif any(x in avail for x in EXCLUDE if x != "3.4+)"):
            continue
        row = {
            "code": r["code"], "openssl_name": r["openssl_name"],
            "min_tls": r["min_version"], "kx": r["kx"], "au": r["au"],
            "enc": r["enc"], "mac": r["mac"], "strength": r["strength"],
            "strength_bits": r["strength_bits"], "alg_bits": r["alg_bits"],
        }
        enc = r["enc"]
        if "enable-weak-ssl-ciphers" in avail:
            if enc == "RC4":
                row["strength"] = "NOT_DEFAULT|MEDIUM"
                row["strength_bits"] = "128"
            elif enc == "3DES":
                row["strength"] = ("NOT_DEFAULT|MEDIUM" if r["kx"] == "kSRP"
                                   else "NOT_DEFAULT|MEDIUM|FIPS")
            out.append(dict(row, targets="1.1.1-weak"))
        elif enc in ("IDEA", "SEED"):
            out.append(dict(row, targets="1.1.1|1.1.1-weak"))
        elif enc.endswith("CCM8"):
            old = dict(row, strength="NOT_DEFAULT|HIGH",
                       strength_bits=r["alg_bits"], targets="1.1.1|1.1.1-weak|3.0")
            out.append(old)
            out.append(dict(row, targets="3.2"))
        else:
            out.append(dict(row, targets="|".join(ALL)))

cols = ["code", "openssl_name", "min_tls", "kx", "au", "enc", "mac", "strength",
        "strength_bits", "alg_bits", "targets"]
with open(DST, "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    w.writerows(out)
counts = {t: sum(1 for r in out if t in r["targets"].split("|") and r["min_tls"] != "TLSv1.3") for t in ALL}
print("wrote", DST, len(out), "rows; TLS<=1.2 ciphers per target:", counts)
