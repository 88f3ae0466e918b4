//! The client catalogue (`data/clients/clients.csv`): one row per client,
//! what it offers and enforces in a handshake. Every suite, group and
//! signature scheme is a name in any scheme, checked against the suite
//! knowledge base and the registries; a captured row must name capture
//! files that exist. The output is `CLIENTS` in `clients.rs`.
//!
//! A Windows row may derive its suites from an SChannel table instead of
//! listing them: `schannel:windows-7` is that table's default order as a
//! client offers it (enabled rows by priority, without the rows used only on
//! explicit request and the SSL 2.0 kinds, each suite once: the `_P256` and
//! `_P384` rows of one suite are one code), and each `-NAME` after it removes
//! a suite, which must be in the list (a patch level or application stack
//! that leaves it out, explained in the row's notes).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::attrs::{Protocol, Protocols};
use crate::emit::lit;
use crate::read::{Row, Table};
use crate::registries::{Common, Registries};
use crate::suites::Kb;
use crate::windows::Release;

const FILE: &str = "clients/clients.csv";

const COLUMNS: &[&str] = &[
    "id",
    "name",
    "software",
    "version",
    "released",
    "basis",
    "source",
    "captures",
    "versions",
    "suites",
    "groups",
    "key_shares",
    "sigalgs",
    "security_level",
    "min_rsa_bits",
    "min_dh_bits",
    "min_ec_bits",
    "extensions",
    "notes",
];

/// The OpenSSL releases whose security-level rules the library has.
const LEVEL_RELEASES: &[&str] = &["1.1.1", "3.0", "3.2"];

/// One checked row: lists as indices into `SUITES`, `GROUPS` and `SIGALGS`.
pub struct Client {
    id: String,
    name: String,
    software: String,
    version: String,
    released: String,
    basis: &'static str,
    source: String,
    captures: Vec<String>,
    versions: Protocols,
    suites: Vec<usize>,
    groups: Option<Vec<usize>>,
    key_shares: Option<Vec<usize>>,
    sigalgs: Option<Vec<usize>>,
    level: Option<(String, u8)>,
    min_rsa_bits: Option<u16>,
    min_dh_bits: Option<u16>,
    min_ec_bits: Option<u16>,
    extensions: String,
    notes: String,
}

/// Every spelling (lower case) of a registry entry -> its index.
fn spellings<'a>(rows: impl Iterator<Item = &'a Common>) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for (i, c) in rows.enumerate() {
        m.insert(c.name.to_ascii_lowercase(), i);
        for n in &c.names {
            m.insert(n.name.to_ascii_lowercase(), i);
        }
    }
    m
}

/// `1.0-1.3`, `1.2`, or several of them separated by spaces.
fn versions(text: &str) -> Result<Protocols, String> {
    const ORDER: [Protocol; 5] = [
        Protocol::Ssl3,
        Protocol::Tls10,
        Protocol::Tls11,
        Protocol::Tls12,
        Protocol::Tls13,
    ];
    let one = |s: &str| -> Result<usize, String> {
        let p: Protocol = s
            .trim()
            .parse()
            .map_err(|_| format!("{s:?} is not a version (1.0, 1.2, TLS1.3, SSL3)"))?;
        ORDER
            .iter()
            .position(|o| *o == p)
            .ok_or_else(|| format!("{s:?} is not SSL 3.0 to TLS 1.3"))
    };
    let mut out = Protocols::EMPTY;
    for part in text.split_whitespace() {
        let (lo, hi) = match part.split_once('-') {
            Some((a, b)) => (one(a)?, one(b)?),
            None => {
                let v = one(part)?;
                (v, v)
            }
        };
        if lo > hi {
            return Err(format!("{part:?} runs backwards"));
        }
        for p in &ORDER[lo..=hi] {
            out = out.with(*p);
        }
    }
    if out.is_empty() {
        return Err("no version given (write 1.2-1.3, 1.0, ...)".to_string());
    }
    Ok(out)
}

/// A whitespace-separated list of names looked up in `map`; `what` names the
/// registry in errors. Twice the same entry is an error.
fn list(
    row: &Row<'_>,
    col: &str,
    what: &str,
    find: &dyn Fn(&str) -> Option<usize>,
    errors: &mut Vec<String>,
) -> Vec<usize> {
    let mut out = Vec::new();
    for word in row.get(col).split_whitespace() {
        match find(word) {
            Some(i) if out.contains(&i) => {
                errors.push(format!("{}: column {col}: {word:?} twice", row.at()))
            }
            Some(i) => out.push(i),
            None => errors.push(format!(
                "{}: column {col}: {word:?} is not a known {what} name",
                row.at()
            )),
        }
    }
    out
}

/// `None` for an empty cell (not stated), `Some([])` for `none`.
fn optional_list(
    row: &Row<'_>,
    col: &str,
    what: &str,
    find: &dyn Fn(&str) -> Option<usize>,
    errors: &mut Vec<String>,
) -> Option<Vec<usize>> {
    match row.get(col) {
        "" => None,
        "none" => Some(Vec::new()),
        _ => Some(list(row, col, what, find, errors)),
    }
}

fn bits(row: &Row<'_>, col: &str, errors: &mut Vec<String>) -> Option<u16> {
    match row.get(col) {
        "" => None,
        v => match v.parse::<u16>() {
            Ok(b) if b > 0 => Some(b),
            _ => {
                errors.push(format!(
                    "{}: column {col}: {v:?} is not a number of bits (or empty: not documented)",
                    row.at()
                ));
                None
            }
        },
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        _ => false,
    }
}

/// The suites of `schannel:TABLE -NAME...`: the table's default client
/// order, less each removed suite.
fn schannel(
    row: &Row<'_>,
    words: &[&str],
    tables: &[Release],
    find: &dyn Fn(&str) -> Option<usize>,
    errors: &mut Vec<String>,
) -> Vec<usize> {
    let at = row.at();
    let table = words[0].trim_start_matches("schannel:");
    let Some(t) = tables
        .iter()
        .find(|t| t.file.trim_end_matches(".csv") == table)
    else {
        errors.push(format!(
            "{at}: column suites: schannel:{table} names no table in data/schannel/ (write schannel:windows-10-1607)"
        ));
        return Vec::new();
    };
    let mut rows: Vec<_> = t
        .rows
        .iter()
        .filter(|r| r.enabled == Some(true) && r.priority.is_some())
        .filter(|r| !r.notes.contains("explicitly requests"))
        .filter(|r| {
            [
                Protocol::Ssl3,
                Protocol::Tls10,
                Protocol::Tls11,
                Protocol::Tls12,
                Protocol::Tls13,
            ]
            .iter()
            .any(|p| r.protocols.contains(*p))
        })
        .collect();
    rows.sort_by_key(|r| r.priority);
    let mut out: Vec<usize> = Vec::new();
    for r in rows {
        if !out.contains(&r.suite) {
            out.push(r.suite);
        }
    }
    for w in &words[1..] {
        let Some(name) = w.strip_prefix('-') else {
            errors.push(format!(
                "{at}: column suites: {w:?} after schannel:{table}: only -NAME (a suite to leave out) may follow"
            ));
            continue;
        };
        match find(name) {
            Some(i) if out.contains(&i) => out.retain(|x| *x != i),
            Some(_) => errors.push(format!(
                "{at}: column suites: -{name}: schannel:{table} does not offer it"
            )),
            None => errors.push(format!(
                "{at}: column suites: {name:?} is not a known cipher suite name"
            )),
        }
    }
    out
}

/// Reads and checks `clients/clients.csv`.
pub fn load(
    data: &Path,
    kb: &Kb,
    r: &Registries,
    tables: &[Release],
) -> Result<Vec<Client>, Vec<String>> {
    let t = Table::load(data, FILE, COLUMNS)?;
    let groups = spellings(r.groups.iter().map(|g| &g.common));
    let sigalgs = spellings(r.sigalgs.iter().map(|s| &s.common));
    let find_suite = |w: &str| -> Option<usize> {
        kb.by_name
            .get(&w.to_ascii_uppercase())
            .and_then(|l| l.first().copied())
    };
    let find_group = |w: &str| groups.get(&w.to_ascii_lowercase()).copied();
    let find_sigalg = |w: &str| sigalgs.get(&w.to_ascii_lowercase()).copied();
    let mut errors = Vec::new();
    let mut out: Vec<Client> = Vec::new();
    for row in t.rows() {
        let at = row.at();
        let id = row.get("id").to_string();
        if id.is_empty()
            || id != id.to_ascii_lowercase()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        {
            errors.push(format!(
                "{at}: id {id:?} must be lower case letters, digits, '-' and '.' (software-version[-platform])"
            ));
        }
        if out.iter().any(|c| c.id == id) {
            errors.push(format!("{at}: a second row for id {id:?}"));
        }
        for col in ["name", "software", "version", "source"] {
            if row.get(col).is_empty() {
                errors.push(format!("{at}: column {col} is empty"));
            }
        }
        let released = row.get("released").to_string();
        if !released.is_empty() && !is_date(&released) {
            errors.push(format!(
                "{at}: column released: {released:?} is not YYYY-MM-DD or YYYY-MM (or empty: not known)"
            ));
        }
        let basis = match row.get("basis") {
            "captured" => "Captured",
            "documented" => "Documented",
            b => {
                errors.push(format!(
                    "{at}: column basis: {b:?} is not captured or documented"
                ));
                "Documented"
            }
        };
        let captures: Vec<String> = row
            .get("captures")
            .split_whitespace()
            .map(str::to_string)
            .collect();
        if basis == "Captured" && captures.is_empty() {
            errors.push(format!(
                "{at}: a captured client names its captures (stems in data/clients/captures/)"
            ));
        }
        if basis == "Documented" && !captures.is_empty() {
            errors.push(format!(
                "{at}: a documented client has no captures (basis is documented)"
            ));
        }
        for c in &captures {
            if !data.join(format!("clients/captures/{c}.hex")).is_file() {
                errors.push(format!(
                    "{at}: column captures: data/clients/captures/{c}.hex does not exist"
                ));
            }
        }
        let versions = versions(row.get("versions")).unwrap_or_else(|e| {
            errors.push(format!("{at}: column versions: {e}"));
            Protocols::EMPTY
        });
        let words: Vec<&str> = row.get("suites").split_whitespace().collect();
        let suites = if words.first().is_some_and(|w| w.starts_with("schannel:")) {
            schannel(&row, &words, tables, &find_suite, &mut errors)
        } else {
            list(&row, "suites", "cipher suite", &find_suite, &mut errors)
        };
        if suites.is_empty() {
            errors.push(format!("{at}: column suites is empty"));
        }
        let g = optional_list(&row, "groups", "group", &find_group, &mut errors);
        let ks = optional_list(&row, "key_shares", "group", &find_group, &mut errors);
        if let (Some(g), Some(ks)) = (&g, &ks) {
            if let Some(k) = ks.iter().find(|k| !g.contains(k)) {
                errors.push(format!(
                    "{at}: key share {} is not among the row's groups",
                    r.groups[*k].common.name
                ));
            }
        }
        let sg = optional_list(
            &row,
            "sigalgs",
            "signature scheme",
            &find_sigalg,
            &mut errors,
        );
        let level = match row.get("security_level") {
            "" => None,
            l => match l.split_once(':') {
                Some((rel, n))
                    if LEVEL_RELEASES.contains(&rel) && n.parse::<u8>().is_ok_and(|n| n <= 5) =>
                {
                    n.parse::<u8>().ok().map(|n| (rel.to_string(), n))
                }
                _ => {
                    errors.push(format!(
                        "{at}: column security_level: {l:?} is not RELEASE:LEVEL with RELEASE one of {LEVEL_RELEASES:?} and LEVEL 0 to 5 (3.0:2)"
                    ));
                    None
                }
            },
        };
        out.push(Client {
            id,
            name: row.get("name").to_string(),
            software: row.get("software").to_string(),
            version: row.get("version").to_string(),
            released,
            basis,
            source: row.get("source").to_string(),
            captures,
            versions,
            suites,
            groups: g,
            key_shares: ks,
            sigalgs: sg,
            level,
            min_rsa_bits: bits(&row, "min_rsa_bits", &mut errors),
            min_dh_bits: bits(&row, "min_dh_bits", &mut errors),
            min_ec_bits: bits(&row, "min_ec_bits", &mut errors),
            extensions: row.get("extensions").to_string(),
            notes: row.get("notes").to_string(),
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn refs(table: &str, v: &[usize]) -> String {
    let items: Vec<String> = v.iter().map(|i| format!("&{table}[{i}]")).collect();
    format!("&[{}]", items.join(", "))
}

fn opt_refs(table: &str, v: &Option<Vec<usize>>) -> String {
    v.as_ref().map_or_else(
        || "None".to_string(),
        |v| format!("Some({})", refs(table, v)),
    )
}

fn opt_bits(v: Option<u16>) -> String {
    v.map_or_else(|| "None".to_string(), |b| format!("Some({b})"))
}

/// The generated source.
pub fn emit(rows: &[Client]) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "/// The client catalogue (data/clients/clients.csv).\n\
         pub(crate) static CLIENTS: [Client; {}] = [",
        rows.len()
    );
    for c in rows {
        let _ = writeln!(o, "    Client {{");
        let _ = writeln!(o, "        id: {},", lit(&c.id));
        let _ = writeln!(o, "        name: {},", lit(&c.name));
        let _ = writeln!(o, "        software: {},", lit(&c.software));
        let _ = writeln!(o, "        version: {},", lit(&c.version));
        let _ = writeln!(o, "        released: {},", lit(&c.released));
        let _ = writeln!(o, "        basis: Basis::{},", c.basis);
        let _ = writeln!(o, "        source: {},", lit(&c.source));
        let caps: Vec<String> = c.captures.iter().map(|s| lit(s)).collect();
        let _ = writeln!(o, "        captures: &[{}],", caps.join(", "));
        let _ = writeln!(
            o,
            "        versions: Protocols::from_bits(0b{:b}),",
            c.versions.bits()
        );
        let _ = writeln!(o, "        suites: {},", refs("SUITES", &c.suites));
        let _ = writeln!(o, "        groups: {},", opt_refs("GROUPS", &c.groups));
        let _ = writeln!(
            o,
            "        key_shares: {},",
            opt_refs("GROUPS", &c.key_shares)
        );
        let _ = writeln!(o, "        sigalgs: {},", opt_refs("SIGALGS", &c.sigalgs));
        match &c.level {
            Some((rel, n)) => {
                let _ = writeln!(o, "        security_level: Some(({}, {n})),", lit(rel));
            }
            None => {
                let _ = writeln!(o, "        security_level: None,");
            }
        }
        let _ = writeln!(o, "        min_rsa_bits: {},", opt_bits(c.min_rsa_bits));
        let _ = writeln!(o, "        min_dh_bits: {},", opt_bits(c.min_dh_bits));
        let _ = writeln!(o, "        min_ec_bits: {},", opt_bits(c.min_ec_bits));
        let _ = writeln!(o, "        extensions: {},", lit(&c.extensions));
        let _ = writeln!(o, "        notes: {},", lit(&c.notes));
        let _ = writeln!(o, "    }},");
    }
    let _ = writeln!(o, "];");
    o
}
