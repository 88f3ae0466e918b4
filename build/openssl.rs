//! Build-time compilation of `data/openssl-engine.csv` into the static tables
//! used by the OpenSSL cipher-string engine (`src/openssl/`).
//!
//! Output: `$OUT_DIR/openssl_engine.rs`, data only. For every target it holds
//! the TLS <= 1.2 ciphers in OpenSSL's initial list order (descending cipher
//! id, which is what OpenSSL gets after sorting its table by id and reading it
//! backwards), an index of those ciphers sorted by name, and the TLS 1.3
//! ciphers.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// Target identifiers as written in the `targets` column, with the Rust
/// identifier suffix used for their tables.
const TARGETS: &[(&str, &str)] = &[
    ("1.1.1", "V111"),
    ("1.1.1-weak", "V111_WEAK"),
    ("3.0", "V30"),
    ("3.2", "V32"),
];

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

struct Row {
    code: u16,
    name: String,
    min_tls: &'static str,
    kx: &'static str,
    au: &'static str,
    enc: &'static str,
    mac: &'static str,
    strength: String,
    strength_bits: u16,
    alg_bits: u16,
    targets: Vec<&'static str>,
}

fn map(table: &[(&'static str, &'static str)], value: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == value).map(|(_, v)| *v)
}

/// Reads `data_dir/openssl-engine.csv` and writes `out_dir/openssl_engine.rs`.
/// Errors are reported as `file:line: message`.
pub fn emit(data_dir: &Path, out_dir: &Path) -> Result<(), Vec<String>> {
    let path = data_dir.join("openssl-engine.csv");
    let file = "data/openssl-engine.csv";
    let mut errors = Vec::new();
    let mut reader =
        csv::Reader::from_path(&path).map_err(|e| vec![format!("{file}:1: cannot open: {e}")])?;
    let headers = reader
        .headers()
        .map_err(|e| vec![format!("{file}:1: bad header: {e}")])?
        .clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let needed = [
        "code",
        "openssl_name",
        "min_tls",
        "kx",
        "au",
        "enc",
        "mac",
        "strength",
        "strength_bits",
        "alg_bits",
        "targets",
    ];
    let mut idx = BTreeMap::new();
    for n in needed {
        match col(n) {
            Some(i) => {
                idx.insert(n, i);
            }
            None => errors.push(format!("{file}:1: missing column `{n}`")),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut rows = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let line = i + 2;
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                errors.push(format!("{file}:{line}: {e}"));
                continue;
            }
        };
        let get = |n: &str| rec.get(idx[n]).unwrap_or("").trim().to_string();
        let mut err = |m: String| errors.push(format!("{file}:{line}: {m}"));
        let code = match u16::from_str_radix(&get("code"), 16) {
            Ok(c) if get("code").len() == 4 => c,
            _ => {
                err(format!("bad code `{}` (want 4 hex digits)", get("code")));
                continue;
            }
        };
        let name = get("openssl_name");
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic()) {
            err(format!("bad openssl_name `{name}`"));
        }
        let lookup = |table: &[(&'static str, &'static str)], what: &str| {
            map(table, &get(what)).ok_or_else(|| format!("unknown {what} `{}`", get(what)))
        };
        let fields = (
            lookup(VERSIONS, "min_tls"),
            lookup(KX, "kx"),
            lookup(AU, "au"),
            lookup(ENC, "enc"),
            lookup(MAC, "mac"),
        );
        let (min_tls, kx, au, enc, mac) = match fields {
            (Ok(a), Ok(b), Ok(c), Ok(d), Ok(e)) => (a, b, c, d, e),
            (a, b, c, d, e) => {
                for r in [a, b, c, d, e] {
                    if let Err(m) = r {
                        err(m);
                    }
                }
                continue;
            }
        };
        let mut strength = Vec::new();
        for s in get("strength").split('|') {
            match map(STRENGTH, s) {
                Some(v) => strength.push(v),
                None => err(format!("unknown strength flag `{s}`")),
            }
        }
        let bits = |what: &str| get(what).parse::<u16>().map_err(|_| what.to_string());
        let (strength_bits, alg_bits) = match (bits("strength_bits"), bits("alg_bits")) {
            (Ok(a), Ok(b)) => (a, b),
            _ => {
                err("strength_bits and alg_bits must be integers".into());
                continue;
            }
        };
        let mut targets = Vec::new();
        for t in get("targets").split('|') {
            match TARGETS.iter().find(|(k, _)| *k == t) {
                Some((k, _)) => targets.push(*k),
                None => err(format!("unknown target `{t}`")),
            }
        }
        rows.push(Row {
            code,
            name,
            min_tls,
            kx,
            au,
            enc,
            mac,
            strength: strength.join(" | "),
            strength_bits,
            alg_bits,
            targets,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut out = String::new();
    out.push_str(
        "// @generated by build/openssl.rs from data/openssl-engine.csv. Do not edit.\n\n",
    );
    for (target, ident) in TARGETS {
        for tls13 in [false, true] {
            let mut sel: Vec<&Row> = rows
                .iter()
                .filter(|r| r.targets.contains(target) && (r.min_tls == "0x0304") == tls13)
                .collect();
            // Initial list order: descending id.
            sel.sort_by_key(|r| std::cmp::Reverse(r.code));
            for w in sel.windows(2) {
                if w[0].code == w[1].code || w[0].name == w[1].name {
                    errors.push(format!(
                        "{file}: target {target} lists {:04X}/{} twice",
                        w[1].code, w[1].name
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
                    errors.push(format!("{file}: target {target} has more than 255 ciphers"));
                }
            }
            out.push('\n');
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    fs::write(out_dir.join("openssl_engine.rs"), out)
        .map_err(|e| vec![format!("{file}:1: cannot write output: {e}")])
}
