//! What each TLS implementation offers by default (`data/group-defaults.csv`):
//! groups, key shares, signature schemes and security level, one row per
//! implementation, release and profile. Every list item is a name in any
//! scheme (checked against the registries of `build/registries.rs`); the
//! output is `PEER_DEFAULTS` in `registries.rs`'s neighbour `defaults.rs`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::emit::lit;
use crate::read::Table;
use crate::registries::{Common, Registries};

/// One row, its lists as codes.
pub struct Defaults {
    pub implementation: String,
    pub release: String,
    pub profile: String,
    pub groups: Vec<u16>,
    pub key_shares: Vec<u16>,
    pub tuples: Option<Vec<usize>>,
    pub sigalgs: Option<Vec<u16>>,
    pub security_level: Option<u8>,
    pub verified: String,
    pub source: String,
}

const COLUMNS: &[&str] = &[
    "implementation",
    "release",
    "profile",
    "groups",
    "key_shares",
    "tuples",
    "sigalgs",
    "security_level",
    "verified",
    "source",
];

/// Every spelling (lower case) of a registry -> its code.
fn spellings<'a>(rows: impl Iterator<Item = &'a Common>) -> BTreeMap<String, u16> {
    let mut m = BTreeMap::new();
    for c in rows {
        m.insert(c.name.to_ascii_lowercase(), c.code);
        for n in &c.names {
            m.insert(n.name.to_ascii_lowercase(), c.code);
        }
    }
    m
}

/// Reads and checks `group-defaults.csv`.
pub fn load(data: &Path, r: &Registries) -> Result<Vec<Defaults>, Vec<String>> {
    let t = Table::load(data, "group-defaults.csv", COLUMNS)?;
    let groups = spellings(r.groups.iter().map(|g| &g.common));
    let sigalgs = spellings(r.sigalgs.iter().map(|s| &s.common));
    let mut errors = Vec::new();
    let mut out: Vec<Defaults> = Vec::new();
    for row in t.rows() {
        let list = |col: &str, map: &BTreeMap<String, u16>, errors: &mut Vec<String>| {
            let mut codes = Vec::new();
            for word in row.get(col).split_whitespace() {
                match map.get(&word.to_ascii_lowercase()) {
                    Some(c) if codes.contains(c) => {
                        errors.push(format!("{}: column {col}: {word:?} twice", row.at()))
                    }
                    Some(c) => codes.push(*c),
                    None => errors.push(format!(
                        "{}: column {col}: {word:?} is not a name in the registry files",
                        row.at()
                    )),
                }
            }
            codes
        };
        let g = list("groups", &groups, &mut errors);
        let ks = list("key_shares", &groups, &mut errors);
        let sg = list("sigalgs", &sigalgs, &mut errors);
        if g.is_empty() {
            errors.push(format!("{}: column groups is empty", row.at()));
        }
        if let Some(k) = ks.iter().find(|k| !g.contains(k)) {
            errors.push(format!(
                "{}: key share {k:04X} is not among the row's groups",
                row.at()
            ));
        }
        let tuples = match row.get("tuples") {
            "" => None,
            t => {
                let sizes: Result<Vec<usize>, _> =
                    t.split_whitespace().map(str::parse::<usize>).collect();
                match sizes {
                    Ok(v) if v.iter().all(|n| *n > 0) && v.iter().sum::<usize>() == g.len() => {
                        Some(v)
                    }
                    _ => {
                        errors.push(format!(
                            "{}: column tuples: {t:?} is not sizes above 0 that add up to the {} groups",
                            row.at(),
                            g.len()
                        ));
                        None
                    }
                }
            }
        };
        let level = match row.get("security_level") {
            "" => None,
            l => match l.parse::<u8>() {
                Ok(v) if v <= 5 => Some(v),
                _ => {
                    errors.push(format!(
                        "{}: column security_level: {l:?} is not 0 to 5",
                        row.at()
                    ));
                    None
                }
            },
        };
        let verified = row.get("verified").to_string();
        if verified != "live" && verified != "source" {
            errors.push(format!(
                "{}: column verified: {verified:?} is not live or source",
                row.at()
            ));
        }
        let d = Defaults {
            implementation: row.get("implementation").to_string(),
            release: row.get("release").to_string(),
            profile: row.get("profile").to_string(),
            groups: g,
            key_shares: ks,
            tuples,
            sigalgs: (!sg.is_empty()).then_some(sg),
            security_level: level,
            verified,
            source: row.get("source").to_string(),
        };
        if d.implementation.is_empty() || d.release.is_empty() {
            errors.push(format!(
                "{}: implementation and release are required",
                row.at()
            ));
        }
        if out.iter().any(|o| {
            (&o.implementation, &o.release, &o.profile)
                == (&d.implementation, &d.release, &d.profile)
        }) {
            errors.push(format!(
                "{}: a second row for {} {} {:?}",
                row.at(),
                d.implementation,
                d.release,
                d.profile
            ));
        }
        out.push(d);
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn codes(v: &[u16]) -> String {
    let items: Vec<String> = v.iter().map(|c| format!("0x{c:04X}")).collect();
    format!("&[{}]", items.join(", "))
}

/// The generated source.
pub fn emit(rows: &[Defaults]) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "/// What each implementation offers by default (data/group-defaults.csv).\n\
         pub(crate) static PEER_DEFAULTS: [PeerDefaults; {}] = [",
        rows.len()
    );
    for d in rows {
        let _ = writeln!(o, "    PeerDefaults {{");
        let _ = writeln!(o, "        implementation: {},", lit(&d.implementation));
        let _ = writeln!(o, "        release: {},", lit(&d.release));
        let _ = writeln!(o, "        profile: {},", lit(&d.profile));
        let _ = writeln!(o, "        groups: {},", codes(&d.groups));
        let _ = writeln!(o, "        key_shares: {},", codes(&d.key_shares));
        let _ = writeln!(
            o,
            "        tuples: {},",
            d.tuples
                .as_ref()
                .map_or_else(|| "None".to_string(), |t| format!("Some(&{t:?})"))
        );
        let _ = writeln!(
            o,
            "        sigalgs: {},",
            d.sigalgs
                .as_ref()
                .map_or_else(|| "None".to_string(), |s| format!("Some({})", codes(s)))
        );
        let _ = writeln!(o, "        security_level: {:?},", d.security_level);
        let _ = writeln!(o, "        live: {},", d.verified == "live");
        let _ = writeln!(o, "        source: {},", lit(&d.source));
        let _ = writeln!(o, "    }},");
    }
    let _ = writeln!(o, "];");
    o
}
