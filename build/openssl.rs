//! The tables of the OpenSSL cipher-string engine (`src/openssl/`), derived
//! from `data/openssl.csv` (read through `read`, checked against the
//! knowledge base in `check`).
//!
//! `data/openssl.csv` holds OpenSSL's per-cipher flags as of the newest
//! release that has each cipher. The engine needs them per build target:
//!
//! | target | build |
//! |---|---|
//! | `1.1.1` | OpenSSL 1.1.1, default build |
//! | `1.1.1-weak` | OpenSSL 1.1.1 built with `enable-weak-ssl-ciphers` |
//! | `3.0` | OpenSSL 3.0/3.1, default build, default provider |
//! | `3.2` | OpenSSL 3.2 to 3.4, default build, default provider |
//! | `3.5` | OpenSSL 3.5 and later, default build, default provider (the ciphers of 3.2, checked against `openssl ciphers` of 3.5.5 in `tests/negotiate_pq.rs`) |
//!
//! The rules (facts from OpenSSL's `ssl/s3_lib.c` and `ssl/ssl_ciph.c`,
//! checked against `openssl ciphers`; see `data/README.md`):
//!
//! * Only `current` two-byte entries with a `min_version` take part. GOST
//!   suites (an external engine or provider), entries listed with `valid=0`,
//!   never compiled, not implemented, experimental or debug-only are in no
//!   target. The integrity-only TLS 1.3 suites (3.4 and later) are not
//!   modelled.
//! * RC4 and 3DES suites exist only with `enable-weak-ssl-ciphers`; there they
//!   carry the 1.1.1 flags (RC4: 128 strength bits; 3DES: FIPS-flagged except
//!   the SRP ones).
//! * IDEA and SEED are compiled in, but 3.x keeps them in the legacy
//!   provider: only the 1.1.1 targets have them.
//! * CCM8 suites are `HIGH` with full strength bits before 3.2; from 3.2 on
//!   they are `MEDIUM` with 64 strength bits (the values in the file).
//!
//! Output: `$OUT_DIR/openssl_engine.rs`, data only. For every target it holds
//! the TLS <= 1.2 ciphers in OpenSSL's initial list order (descending cipher
//! id, which is what OpenSSL gets after sorting its table by id and reading it
//! backwards), an index of those ciphers sorted by name, and the TLS 1.3
//! ciphers.

use std::fmt::Write as _;
use std::path::Path;

use crate::read::{self, Table};

/// The columns of `data/openssl.csv` (also read by `suites` for minimum versions).
pub const COLS: &[&str] = &[
    "code",
    "openssl_name",
    "first_version",
    "last_version",
    "status",
    "availability",
    "min_version",
    "max_version",
    "kx",
    "au",
    "enc",
    "mac",
    "strength",
    "strength_bits",
    "alg_bits",
    "in_local_3_0_19",
];

/// Target identifiers, with the Rust identifier suffix of their tables.
const TARGETS: &[(&str, &str)] = &[
    ("1.1.1", "V111"),
    ("1.1.1-weak", "V111_WEAK"),
    ("3.0", "V30"),
    ("3.2", "V32"),
    ("3.5", "V35"),
];
const ALL: &[&str] = &["1.1.1", "1.1.1-weak", "3.0", "3.2", "3.5"];
const NEW_CCM8: &[&str] = &["3.2", "3.5"];
const OLD_CCM8: &[&str] = &["1.1.1", "1.1.1-weak", "3.0"];
const V111: &[&str] = &["1.1.1", "1.1.1-weak"];
const WEAK: &[&str] = &["1.1.1-weak"];

/// `availability` notes that keep an entry out of every target.
const UNAVAILABLE: &[&str] = &[
    "GOST",
    "valid=0",
    "never compiled",
    "not implemented",
    "EXPERIMENTAL",
    "debug",
];
/// The integrity-only TLS 1.3 suites (3.4 and later), not modelled.
const INTEGRITY_ONLY: &[&str] = &["C0B4", "C0B5"];

const KX: &[(&str, &str)] = &[
    ("kRSA", "K_RSA"),
    ("kDHE", "K_DHE"),
    ("kECDHE", "K_ECDHE"),
    ("kPSK", "K_PSK"),
    ("kRSAPSK", "K_RSAPSK"),
    ("kECDHEPSK", "K_ECDHEPSK"),
    ("kDHEPSK", "K_DHEPSK"),
    ("kSRP", "K_SRP"),
    ("kANY", "K_ANY"),
];
const AU: &[(&str, &str)] = &[
    ("aRSA", "A_RSA"),
    ("aDSS", "A_DSS"),
    ("aNULL", "A_NULL"),
    ("aECDSA", "A_ECDSA"),
    ("aPSK", "A_PSK"),
    ("aSRP", "A_SRP"),
    ("aANY", "A_ANY"),
];
const ENC: &[(&str, &str)] = &[
    ("3DES", "E_3DES"),
    ("RC4", "E_RC4"),
    ("IDEA", "E_IDEA"),
    ("SEED", "E_SEED"),
    ("eNULL", "E_NULL"),
    ("AES128", "E_AES128"),
    ("AES256", "E_AES256"),
    ("AES128GCM", "E_AES128GCM"),
    ("AES256GCM", "E_AES256GCM"),
    ("AES128CCM", "E_AES128CCM"),
    ("AES256CCM", "E_AES256CCM"),
    ("AES128CCM8", "E_AES128CCM8"),
    ("AES256CCM8", "E_AES256CCM8"),
    ("CAMELLIA128", "E_CAMELLIA128"),
    ("CAMELLIA256", "E_CAMELLIA256"),
    ("CHACHA20POLY1305", "E_CHACHA20POLY1305"),
    ("ARIA128GCM", "E_ARIA128GCM"),
    ("ARIA256GCM", "E_ARIA256GCM"),
];
const MAC: &[(&str, &str)] = &[
    ("MD5", "M_MD5"),
    ("SHA1", "M_SHA1"),
    ("SHA256", "M_SHA256"),
    ("SHA384", "M_SHA384"),
    ("AEAD", "M_AEAD"),
];
const STRENGTH: &[(&str, &str)] = &[
    ("STRONG_NONE", "S_NONE"),
    ("LOW", "S_LOW"),
    ("MEDIUM", "S_MEDIUM"),
    ("HIGH", "S_HIGH"),
    ("FIPS", "S_FIPS"),
    ("NOT_DEFAULT", "S_NOT_DEFAULT"),
];
const VERSIONS: &[(&str, &str)] = &[
    ("SSLv3", "0x0300"),
    ("TLSv1.0", "0x0301"),
    ("TLSv1.2", "0x0303"),
    ("TLSv1.3", "0x0304"),
];

/// One row of an engine table, with the line of `data/openssl.csv` it comes from.
pub struct Cipher {
    /// `data/openssl.csv:LINE`.
    pub at: String,
    pub code: u16,
    pub name: String,
    /// True for a TLS 1.3 suite (`min_version` TLSv1.3).
    pub tls13: bool,
    min_tls: &'static str,
    kx: &'static str,
    au: &'static str,
    enc: &'static str,
    mac: &'static str,
    strength: String,
    strength_bits: u16,
    alg_bits: u16,
    targets: &'static [&'static str],
}

fn map(table: &[(&'static str, &'static str)], value: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == value).map(|(_, v)| *v)
}

/// Reads `data/openssl.csv` and derives the engine's rows, one per (cipher,
/// variant): the rows that read well, each bad row reported in `errors` as
/// `data/openssl.csv:LINE: message` (so that `check` can test the others).
pub fn load(data: &Path, errors: &mut Vec<String>) -> Vec<Cipher> {
    let t = match Table::load(data, "openssl.csv", COLS) {
        Ok(t) => t,
        Err(e) => {
            errors.extend(e);
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for r in t.rows() {
        let code_s = r.get("code");
        let min = r.get("min_version");
        if r.get("status") != "current" || code_s.len() != 4 || min.is_empty() {
            continue;
        }
        let avail = r.get("availability");
        let tls13 = min == "TLSv1.3";
        if tls13 && INTEGRITY_ONLY.contains(&code_s)
            || !tls13 && UNAVAILABLE.iter().any(|x| avail.contains(x))
        {
            continue;
        }
        let at = r.at();
        let before = errors.len();
        let code = match read::code(code_s) {
            Ok(c) => c as u16,
            Err(e) => {
                errors.push(format!("{at}: column code: {e}"));
                0
            }
        };
        let name = r.get("openssl_name");
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic()) {
            errors.push(format!("{at}: column openssl_name: bad name {name:?}"));
        }
        let mut token = |table: &[(&'static str, &'static str)], col: &str| {
            let v = r.get(col);
            map(table, v).unwrap_or_else(|| {
                let known: Vec<&str> = table.iter().map(|(k, _)| *k).collect();
                errors.push(format!(
                    "{at}: column {col}: unknown value {v:?} (expected one of: {})",
                    known.join(", ")
                ));
                ""
            })
        };
        let min_tls = token(VERSIONS, "min_version");
        let kx = token(KX, "kx");
        let au = token(AU, "au");
        let enc = token(ENC, "enc");
        let mac = token(MAC, "mac");
        let mut strength = Vec::new();
        for s in r.get("strength").split('|') {
            match map(STRENGTH, s) {
                Some(v) => strength.push(v),
                None => errors.push(format!(
                    "{at}: column strength: unknown flag {s:?} (expected {})",
                    STRENGTH
                        .iter()
                        .map(|(k, _)| *k)
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            }
        }
        let strength_bits = r.parse::<u16>("strength_bits", errors);
        let alg_bits = r.parse::<u16>("alg_bits", errors);
        let (Some(strength_bits), Some(alg_bits)) = (strength_bits, alg_bits) else {
            continue;
        };
        if errors.len() > before {
            continue;
        }
        let c = Cipher {
            at,
            code,
            name: name.to_string(),
            tls13,
            min_tls,
            kx,
            au,
            enc,
            mac,
            strength: strength.join(" | "),
            strength_bits,
            alg_bits,
            targets: ALL,
        };
        let enc_s = r.get("enc");
        if avail.contains("enable-weak-ssl-ciphers") {
            // Only with enable-weak-ssl-ciphers, with the 1.1.1 flags.
            let c = match enc_s {
                "RC4" => Cipher {
                    strength: "S_NOT_DEFAULT | S_MEDIUM".to_string(),
                    strength_bits: 128,
                    ..c
                },
                "3DES" if r.get("kx") == "kSRP" => Cipher {
                    strength: "S_NOT_DEFAULT | S_MEDIUM".to_string(),
                    ..c
                },
                "3DES" => Cipher {
                    strength: "S_NOT_DEFAULT | S_MEDIUM | S_FIPS".to_string(),
                    ..c
                },
                _ => c,
            };
            out.push(Cipher { targets: WEAK, ..c });
        } else if enc_s == "IDEA" || enc_s == "SEED" {
            out.push(Cipher { targets: V111, ..c });
        } else if enc_s.ends_with("CCM8") {
            out.push(Cipher {
                at: c.at.clone(),
                name: c.name.clone(),
                strength: "S_NOT_DEFAULT | S_HIGH".to_string(),
                strength_bits: c.alg_bits,
                targets: OLD_CCM8,
                ..c
            });
            out.push(Cipher {
                targets: NEW_CCM8,
                ..c
            });
        } else {
            out.push(c);
        }
    }
    out
}

/// The engine tables as Rust (body only; `emit::write` adds the header).
pub fn emit(rows: &[Cipher]) -> Result<String, Vec<String>> {
    let mut errors = Vec::new();
    let mut out = String::new();
    for (target, ident) in TARGETS {
        for tls13 in [false, true] {
            let mut sel: Vec<&Cipher> = rows
                .iter()
                .filter(|r| r.targets.contains(target) && r.tls13 == tls13)
                .collect();
            // Initial list order: descending id.
            sel.sort_by_key(|r| std::cmp::Reverse(r.code));
            for w in sel.windows(2) {
                if w[0].code == w[1].code || w[0].name == w[1].name {
                    errors.push(format!(
                        "{}: target {target} has {:04X} {} twice (also at {})",
                        w[1].at, w[1].code, w[1].name, w[0].at
                    ));
                }
            }
            let table = if tls13 { "TLS13" } else { "CIPHERS" };
            let _ = writeln!(
                out,
                "pub(crate) static {table}_{ident}: [OpenSslCipher; {}] = [",
                sel.len()
            );
            for r in &sel {
                let _ = writeln!(
                    out,
                    "    OpenSslCipher {{ code: 0x{:04X}, name: {:?}, min_tls: {}, kx: {}, au: {}, enc: {}, mac: {}, strength: {}, strength_bits: {}, alg_bits: {} }},",
                    r.code, r.name, r.min_tls, r.kx, r.au, r.enc, r.mac, r.strength, r.strength_bits, r.alg_bits
                );
            }
            out.push_str("];\n");
            if !tls13 {
                let mut by_name: Vec<usize> = (0..sel.len()).collect();
                by_name.sort_by(|&a, &b| sel[a].name.cmp(&sel[b].name));
                let _ = writeln!(
                    out,
                    "pub(crate) static BY_NAME_{ident}: [u8; {}] = {by_name:?};",
                    by_name.len()
                );
                if sel.len() > 255 {
                    errors.push(format!(
                        "data/openssl.csv: target {target} has more than 255 ciphers (the name index is u8)"
                    ));
                }
            }
            out.push('\n');
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The columns of `data/openssl-releases.csv`.
const RELEASE_COLS: &[&str] = &["label", "first", "last", "weak", "name"];

/// One row of `data/openssl-releases.csv`: a build target of the engine, the
/// OpenSSL versions it stands for and its name in words.
pub struct ReleaseRow {
    label: String,
    first: Vec<u16>,
    last: Vec<u16>,
    weak: bool,
    name: String,
}

/// Reads `data/openssl-releases.csv`: one row per target of `TARGETS`, in that
/// order (the order of `openssl::Release::ALL`), versions as dotted numbers.
pub fn load_releases(data: &Path, errors: &mut Vec<String>) -> Vec<ReleaseRow> {
    let t = match Table::load(data, "openssl-releases.csv", RELEASE_COLS) {
        Ok(t) => t,
        Err(e) => {
            errors.extend(e);
            return Vec::new();
        }
    };
    let version = |at: &str, col: &str, s: &str, errors: &mut Vec<String>| -> Vec<u16> {
        let parts: Result<Vec<u16>, _> = s.split('.').map(str::parse).collect();
        match parts {
            Ok(v) if !v.is_empty() && v.len() <= 3 => v,
            _ => {
                errors.push(format!(
                    "{at}: column {col}: {s:?} is not a version (expected 1 to 3 dotted numbers: 3, 3.2, 1.1.1)"
                ));
                Vec::new()
            }
        }
    };
    let mut out = Vec::new();
    for r in t.rows() {
        let at = r.at();
        let weak = match r.get("weak") {
            "Y" => true,
            "N" => false,
            other => {
                errors.push(format!("{at}: column weak: {other:?} (expected Y or N)"));
                false
            }
        };
        let first = version(&at, "first", r.get("first"), errors);
        let last = version(&at, "last", r.get("last"), errors);
        let n = out.len();
        match TARGETS.get(n) {
            Some((label, _)) if *label == r.get("label") => {}
            Some((label, _)) => errors.push(format!(
                "{at}: label {:?}: expected {label:?} here (the engine's targets, in order: {})",
                r.get("label"),
                TARGETS.iter().map(|t| t.0).collect::<Vec<_>>().join(", ")
            )),
            None => errors.push(format!(
                "{at}: label {:?}: the engine has {} targets; no rule derives this one",
                r.get("label"),
                TARGETS.len()
            )),
        }
        if r.get("name").is_empty() {
            errors.push(format!("{at}: column name is empty"));
        }
        out.push(ReleaseRow {
            label: r.get("label").to_string(),
            first,
            last,
            weak,
            name: r.get("name").to_string(),
        });
    }
    if out.len() < TARGETS.len() {
        errors.push(format!(
            "data/openssl-releases.csv: {} rows; the engine has {} targets ({})",
            out.len(),
            TARGETS.len(),
            TARGETS.iter().map(|t| t.0).collect::<Vec<_>>().join(", ")
        ));
    }
    out
}

/// `OPENSSL_RELEASES`, in `TARGETS` order,
/// and `OPENSSL_DEFAULT_RELEASE_INDEX`, the place of `default` (meta.csv's
/// `openssl_default_release`) among them, an error when no row has that label.
pub fn emit_releases(rows: &[ReleaseRow], default: &str) -> Result<String, Vec<String>> {
    let Some(index) = rows.iter().position(|r| r.label == default) else {
        return Err(vec![format!(
            "data/meta.csv: openssl_default_release {default:?} is not a label of data/openssl-releases.csv ({})",
            rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>().join(", ")
        )]);
    };
    let mut out = format!(
        "/// The index of `openssl_default_release` in `OPENSSL_RELEASES`.\npub(crate) const OPENSSL_DEFAULT_RELEASE_INDEX: usize = {index};\n"
    );
    let _ = writeln!(
        out,
        "pub(crate) static OPENSSL_RELEASES: [OpenSslReleaseRow; {}] = [",
        rows.len()
    );
    for r in rows {
        let _ = writeln!(
            out,
            "    OpenSslReleaseRow {{ label: {:?}, first: &{:?}, last: &{:?}, weak: {}, name: {:?} }},",
            r.label, r.first, r.last, r.weak, r.name
        );
    }
    out.push_str("];\n");
    Ok(out)
}
