//! OpenSSL security levels (`data/openssl-security-levels.csv`) and key
//! strengths (`data/key-strength.csv`), emitted as two small static arrays.

use std::fmt::Write as _;
use std::path::Path;

use crate::attrs::{KeyExchange, Protocol};
use crate::read::{Row, Table};

const LEVEL_COLS: &[&str] = &[
    "release",
    "level",
    "min_bits",
    "no_anonymous",
    "no_md5_mac",
    "no_sha1_mac",
    "no_rc4",
    "forward_secrecy_kex",
    "lowest_version",
    "sha1_signatures",
    "default",
    "source",
];

const STRENGTH_COLS: &[&str] = &["family", "min_key_bits", "security_bits", "source"];

/// The OpenSSL releases whose rules the file describes, and how the library names them.
const RELEASES: &[&str] = &["3.0", "3.2", "3.5"];

fn yes_no(row: &Row<'_>, col: &str, errors: &mut Vec<String>) -> bool {
    match row.get(col) {
        "yes" => true,
        "no" => false,
        other => {
            errors.push(format!(
                "{}: column {col}: {other:?} is not \"yes\" or \"no\"",
                row.at()
            ));
            false
        }
    }
}

/// Reads both files, checks them, and returns the Rust text of `security.rs`.
pub fn emit(data: &Path) -> Result<String, Vec<String>> {
    let mut errors = Vec::new();
    let levels = Table::load(data, "openssl-security-levels.csv", LEVEL_COLS)?;
    let mut out = String::from(
        "/// OpenSSL security levels, per release and level (data/openssl-security-levels.csv).\n\
         pub(crate) static SECURITY_LEVELS: &[SecurityLevelRow] = &[\n",
    );
    let mut seen: Vec<(String, u8)> = Vec::new();
    for row in levels.rows() {
        let release = row.get("release");
        if !RELEASES.contains(&release) {
            errors.push(format!(
                "{}: unknown release {release:?} (expected one of {:?})",
                row.at(),
                RELEASES
            ));
            continue;
        }
        let Some(level) = row.parse::<u8>("level", &mut errors) else {
            continue;
        };
        if level > 5 {
            errors.push(format!("{}: level {level} is not 0 to 5", row.at()));
            continue;
        }
        if seen.iter().any(|(r, l)| r == release && *l == level) {
            errors.push(format!(
                "{}: release {release} level {level} appears twice",
                row.at()
            ));
            continue;
        }
        seen.push((release.to_string(), level));
        let min_bits = row.parse::<u16>("min_bits", &mut errors).unwrap_or(0);
        let mut pfs = Vec::new();
        for k in row.get("forward_secrecy_kex").split_whitespace() {
            match k.parse::<KeyExchange>() {
                Ok(k) => pfs.push(format!("KeyExchange::{k:?}")),
                Err(e) => errors.push(format!("{}: column forward_secrecy_kex: {e}", row.at())),
            }
        }
        let lowest = row.parse::<Protocol>("lowest_version", &mut errors);
        let default = match row.get("default") {
            "" => "None",
            "upstream" => "Some(DefaultFor::Upstream)",
            "debian" => "Some(DefaultFor::Debian)",
            other => {
                errors.push(format!(
                    "{}: column default: {other:?} is not empty, \"upstream\" or \"debian\"",
                    row.at()
                ));
                "None"
            }
        };
        let flags = [
            "no_anonymous",
            "no_md5_mac",
            "no_sha1_mac",
            "no_rc4",
            "sha1_signatures",
        ]
        .map(|c| yes_no(&row, c, &mut errors));
        let _ = writeln!(
            out,
            "    SecurityLevelRow {{ release: {release:?}, level: {level}, min_bits: {min_bits}, \
             no_anonymous: {}, no_md5_mac: {}, no_sha1_mac: {}, no_rc4: {}, sha1_signatures: {}, \
             forward_secrecy_kex: &[{}], lowest_version: Protocol::{:?}, default: {default} }},",
            flags[0],
            flags[1],
            flags[2],
            flags[3],
            flags[4],
            pfs.join(", "),
            lowest.unwrap_or(Protocol::Ssl3),
        );
    }
    for release in RELEASES {
        for level in 0..=5u8 {
            if !seen.iter().any(|(r, l)| r == release && *l == level) {
                errors.push(format!(
                    "data/openssl-security-levels.csv: release {release} has no row for level {level}"
                ));
            }
        }
        let upstream = levels
            .rows()
            .filter(|r| r.get("release") == *release && r.get("default") == "upstream")
            .count();
        if upstream != 1 {
            errors.push(format!(
                "data/openssl-security-levels.csv: release {release} has {upstream} rows marked \
                 default=upstream (expected exactly 1)"
            ));
        }
    }
    out.push_str("];\n\n");

    let strength = Table::load(data, "key-strength.csv", STRENGTH_COLS)?;
    out.push_str(
        "/// Security strength of finite-field keys (RSA, DSA, DH) by size (data/key-strength.csv).\n\
         pub(crate) static FINITE_FIELD_STRENGTH: &[(u32, u16)] = &[\n",
    );
    let mut last = 0u32;
    for row in strength.rows() {
        if row.get("family") != "finite-field" {
            errors.push(format!(
                "{}: unknown family {:?} (expected \"finite-field\")",
                row.at(),
                row.get("family")
            ));
            continue;
        }
        let (Some(key), Some(sec)) = (
            row.parse::<u32>("min_key_bits", &mut errors),
            row.parse::<u16>("security_bits", &mut errors),
        ) else {
            continue;
        };
        if key <= last {
            errors.push(format!(
                "{}: min_key_bits {key} must be larger than the row before ({last})",
                row.at()
            ));
        }
        last = key;
        let _ = writeln!(out, "    ({key}, {sec}),");
    }
    out.push_str("];\n");
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}
