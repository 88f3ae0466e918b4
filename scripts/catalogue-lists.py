#!/usr/bin/env python3
"""Print the list columns of data/clients/clients.csv for one capture.

Usage: scripts/catalogue-lists.py data/clients/captures/STEM.hex

Reads the capture with `cipherdex decode --json` (build the CLI first:
cargo build -p cipherdex-cli) and prints `suites`, `groups`, `key_shares` and
`sigalgs` as clients.csv writes them: IANA names, space-separated, in the
hello's order, GREASE and unknown codes left out. Paste them into the row and
review; tests/clients.rs checks every captured row against its capture.
"""
import json
import subprocess
import sys

CLI = "target/debug/cipherdex"


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = subprocess.run([CLI, "decode", "--json", "@" + sys.argv[1]],
                         capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(out.stderr)
    d = json.loads(out.stdout)
    ch = d["client_hello"]
    suites = [s["name"] for s in d["cipher_suites"] if s["known"] and not s["grease"]]

    def names(items):
        return " ".join(i["name"] for i in items if not i["name"].startswith("GREASE")
                        and not i["name"].startswith("0x"))

    print("suites:", " ".join(suites))
    print("groups:", names(ch["supported_groups"]))
    print("key_shares:", names(ch["key_shares"] or []))
    print("sigalgs:", names(ch["signature_algorithms"]))


if __name__ == "__main__":
    main()
