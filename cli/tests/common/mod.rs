//! Helpers shared by the CLI's integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use assert_cmd::Command;

/// The built `cipherdex` binary, with no inherited standard input.
pub fn cipherdex() -> Command {
    let mut cmd = Command::cargo_bin("cipherdex").expect("binary built");
    cmd.env_remove("RUST_BACKTRACE");
    cmd
}

/// A fixture of the workspace's `tests/fixtures/` (real tool outputs).
pub fn workspace_fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(rel)
}

/// One row of `openssl ciphers -V -stdname` (OpenSSL 3.0): code bytes as
/// printed (`0x13,0x02`), the standard (IANA) name and the OpenSSL name.
pub struct OpensslRow {
    pub code: String,
    pub iana: String,
    pub openssl: String,
}

/// Every row of the OpenSSL 3.0 dump, an independent oracle of names.
pub fn openssl_dump() -> Vec<OpensslRow> {
    let path = workspace_fixture("mapping/openssl-ciphers-V-stdname.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let rows: Vec<OpensslRow> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            // code - stdname - openssl-name version Kx= Au= Enc= Mac=
            assert_eq!((f[1], f[3]), ("-", "-"), "unexpected dump line: {line}");
            OpensslRow {
                code: f[0].to_string(),
                iana: f[2].to_string(),
                openssl: f[4].to_string(),
            }
        })
        .collect();
    assert!(rows.len() >= 150, "dump too short: {}", rows.len());
    rows
}

/// Standard output as a string.
pub fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}
