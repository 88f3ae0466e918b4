#!/usr/bin/env python3
"""Extract the Windows (IE, Edge), Java and Android entries of testssl.sh's
etc/client-simulation.txt into tests/fixtures/testssl-clients/clients.txt.

Usage: scripts/extract-testssl-clients.py /etc/testssl/client-simulation.txt > tests/fixtures/testssl-clients/clients.txt

testssl.sh's data is GPL-2.0: the output is a test oracle only (never data/).
Each entry is a block of `key: value` lines, blocks separated by a blank line.
"""
import re
import sys

WANTED = re.compile(r"^(IE |Edge 1[2-7]|Java |Android )")
KEYS = {
    "names": "name",
    "short": "short",
    "handshakebytes": "hello",
    "lowest_protocol": "lowest_protocol",
    "highest_protocol": "highest_protocol",
    "curves": "curves",
    "minDhBits": "min_dh_bits",
    "minRsaBits": "min_rsa_bits",
    "minEcdsaBits": "min_ecdsa_bits",
}


def main() -> None:
    text = open(sys.argv[1], encoding="utf-8").read()
    blocks = re.split(r"\n\s*\n", text)
    print("# Extract of testssl.sh etc/client-simulation.txt (GPL-2.0); see README.md here.")
    for b in blocks:
        entry = {}
        for m in re.finditer(r"^\s*(\w+)\+=\((.*)\)\s*$", b, re.M):
            key, value = m.group(1), m.group(2).strip('"')
            if key in KEYS:
                entry[KEYS[key]] = value
        if "name" not in entry or not WANTED.match(entry["name"]):
            continue
        print()
        for k in KEYS.values():
            if k in entry:
                print(f"{k}: {entry[k]}")


if __name__ == "__main__":
    main()
