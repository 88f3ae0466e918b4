//! GnuTLS 3.7's priority-string facts: the algorithm names its priority
//! strings accept (`data/gnutls-algorithms.csv`), its cipher-suite table in
//! its own order (`data/gnutls-suites.csv`), the lists its keywords expand to
//! (`data/gnutls-lists.csv`) and the keywords (`data/gnutls-keywords.csv`).
//! Every reference between the files is checked here; the suite and registry
//! codes against cipherdex's own tables in `build/check.rs`. The output is
//! `gnutls.rs`: `GNUTLS_ALGORITHMS`, `GNUTLS_SUITES`, `GNUTLS_LISTS` and
//! `GNUTLS_KEYWORDS`, where every algorithm is its index in
//! `GNUTLS_ALGORITHMS`.

use std::fmt::Write as _;
use std::path::Path;

use crate::emit::lit;
use crate::read::{Row, Table};

/// The kinds of `gnutls-algorithms.csv`, as the generated code names them.
const KINDS: &[(&str, &str)] = &[
    ("version", "Version"),
    ("cipher", "Cipher"),
    ("mac", "Mac"),
    ("kx", "Kx"),
    ("group", "Group"),
    ("curve", "Curve"),
    ("sign", "Sign"),
    ("ctype", "Ctype"),
];

/// One algorithm name.
pub struct Algorithm {
    pub kind: &'static str,
    pub name: String,
    pub code: Option<u16>,
    pub class: String,
    pub available: bool,
}

/// One row of the suite table, algorithms as indices.
pub struct GSuite {
    pub name: String,
    pub code: u16,
    pub kx: Option<u16>,
    pub cipher: u16,
    pub mac: u16,
    pub min_tls: u16,
    pub min_dtls: Option<u16>,
    pub prf: u16,
}

/// A list and its items.
pub struct List {
    pub name: String,
    pub kind: &'static str,
    pub items: Vec<u16>,
}

/// A keyword and its lists (indices into the lists).
pub struct Keyword {
    pub name: String,
    pub alias: Option<String>,
    pub protocols: Option<u16>,
    pub lists: [u16; 5],
    pub dh_min_bits: Option<u16>,
}

/// Everything loaded.
pub struct Gnutls {
    pub algorithms: Vec<Algorithm>,
    pub suites: Vec<GSuite>,
    pub lists: Vec<List>,
    pub keywords: Vec<Keyword>,
}

fn code(row: &Row<'_>, col: &str, errors: &mut Vec<String>) -> Option<u16> {
    let v = row.get(col);
    if v.is_empty() {
        return None;
    }
    match v.strip_prefix("0x").map(|h| u16::from_str_radix(h, 16)) {
        Some(Ok(c)) => Some(c),
        _ => {
            errors.push(format!(
                "{}: column {col}: {v:?} is not a code such as 0x0017",
                row.at()
            ));
            None
        }
    }
}

/// The index of `name` of `kind` (exact spelling, as the files write it).
fn find(algs: &[Algorithm], kind: &str, name: &str) -> Option<u16> {
    algs.iter()
        .position(|a| a.kind == kind && a.name == name)
        .and_then(|i| u16::try_from(i).ok())
}

/// Reads and checks the four files.
pub fn load(data: &Path) -> Result<Gnutls, Vec<String>> {
    let mut errors = Vec::new();
    let mut algorithms: Vec<Algorithm> = Vec::new();
    match Table::load(
        data,
        "gnutls-algorithms.csv",
        &["kind", "name", "code", "class", "available"],
    ) {
        Ok(t) => {
            for row in t.rows() {
                let Some(&(kind, _)) = KINDS.iter().find(|(k, _)| *k == row.get("kind")) else {
                    errors.push(format!(
                        "{}: column kind: {:?} is not one of {:?}",
                        row.at(),
                        row.get("kind"),
                        KINDS.iter().map(|k| k.0).collect::<Vec<_>>()
                    ));
                    continue;
                };
                let name = row.get("name").to_string();
                if name.is_empty() || name.contains([':', ' ']) {
                    errors.push(format!("{}: bad name {name:?}", row.at()));
                }
                if algorithms
                    .iter()
                    .any(|a| a.kind == kind && a.name.eq_ignore_ascii_case(&name))
                {
                    errors.push(format!("{}: {kind} {name:?} twice", row.at()));
                }
                let available = match row.get("available") {
                    "yes" => true,
                    "no" => false,
                    v => {
                        errors.push(format!(
                            "{}: column available: {v:?} is not yes or no",
                            row.at()
                        ));
                        false
                    }
                };
                let class = row.get("class").to_string();
                let classes: &[&str] = match kind {
                    "version" => &["tls", "tls13", "dtls"],
                    "group" => &["ec", "ecx", "gost", "dh"],
                    "sign" => &["both", "tls12", "tls13", "none"],
                    "kx" => &["", "invalid"],
                    "ctype" => &["x509", "rawpk"],
                    _ => &[""],
                };
                if !classes.contains(&class.as_str()) {
                    errors.push(format!(
                        "{}: column class: {class:?} is not one of {classes:?} for a {kind}",
                        row.at()
                    ));
                }
                let code = code(&row, "code", &mut errors);
                if matches!(kind, "version" | "group") && code.is_none() {
                    errors.push(format!("{}: a {kind} needs its code", row.at()));
                }
                algorithms.push(Algorithm {
                    kind,
                    name,
                    code,
                    class,
                    available,
                });
            }
        }
        Err(e) => errors.extend(e),
    }
    let mut suites = Vec::new();
    match Table::load(
        data,
        "gnutls-suites.csv",
        &[
            "name", "code", "kx", "cipher", "mac", "min_tls", "min_dtls", "prf",
        ],
    ) {
        Ok(t) => {
            for row in t.rows() {
                let mut get = |col: &str, kind: &str, optional: bool| -> Option<u16> {
                    let v = row.get(col);
                    if v.is_empty() && optional {
                        return None;
                    }
                    let found = find(&algorithms, kind, v);
                    if found.is_none() {
                        errors.push(format!(
                            "{}: column {col}: {v:?} is not a {kind} of data/gnutls-algorithms.csv",
                            row.at()
                        ));
                    }
                    found
                };
                let kx = get("kx", "kx", true);
                let cipher = get("cipher", "cipher", false);
                let mac = get("mac", "mac", false);
                let min_tls = get("min_tls", "version", false);
                let min_dtls = get("min_dtls", "version", true);
                let prf = get("prf", "mac", false);
                let c = code(&row, "code", &mut errors);
                if let (Some(code), Some(cipher), Some(mac), Some(min_tls), Some(prf)) =
                    (c, cipher, mac, min_tls, prf)
                {
                    suites.push(GSuite {
                        name: row.get("name").to_string(),
                        code,
                        kx,
                        cipher,
                        mac,
                        min_tls,
                        min_dtls,
                        prf,
                    });
                } else if c.is_none() {
                    errors.push(format!("{}: column code is required", row.at()));
                }
            }
        }
        Err(e) => errors.extend(e),
    }
    let mut lists: Vec<List> = Vec::new();
    match Table::load(data, "gnutls-lists.csv", &["list", "kind", "items"]) {
        Ok(t) => {
            for row in t.rows() {
                let Some(&(kind, _)) = KINDS.iter().find(|(k, _)| *k == row.get("kind")) else {
                    errors.push(format!(
                        "{}: column kind: {:?} is not an algorithm kind",
                        row.at(),
                        row.get("kind")
                    ));
                    continue;
                };
                let mut items = Vec::new();
                for word in row.get("items").split_whitespace() {
                    match find(&algorithms, kind, word) {
                        Some(i) if items.contains(&i) => {
                            errors.push(format!("{}: {word:?} twice", row.at()))
                        }
                        Some(i) => items.push(i),
                        None => errors.push(format!(
                            "{}: {word:?} is not a {kind} of data/gnutls-algorithms.csv",
                            row.at()
                        )),
                    }
                }
                let name = row.get("list").to_string();
                if lists.iter().any(|l| l.name == name) {
                    errors.push(format!("{}: list {name:?} twice", row.at()));
                }
                lists.push(List { name, kind, items });
            }
        }
        Err(e) => errors.extend(e),
    }
    let mut keywords = Vec::new();
    let columns = ["ciphers", "macs", "kx", "signs", "groups"];
    match Table::load(
        data,
        "gnutls-keywords.csv",
        &[
            "keyword",
            "alias",
            "protocols",
            "ciphers",
            "macs",
            "kx",
            "signs",
            "groups",
            "dh_min_bits",
        ],
    ) {
        Ok(t) => {
            for row in t.rows() {
                let mut list = |col: &str, kind: &str| -> Option<u16> {
                    let v = row.get(col);
                    let i = lists.iter().position(|l| l.name == v && l.kind == kind);
                    if i.is_none() {
                        errors.push(format!(
                            "{}: column {col}: {v:?} is no {kind} list of data/gnutls-lists.csv",
                            row.at()
                        ));
                    }
                    i.and_then(|i| u16::try_from(i).ok())
                };
                let protocols = if row.get("protocols").is_empty() {
                    None
                } else {
                    list("protocols", "version")
                };
                let kinds = ["cipher", "mac", "kx", "sign", "group"];
                let got: Vec<Option<u16>> =
                    columns.iter().zip(kinds).map(|(c, k)| list(c, k)).collect();
                let dh_min_bits = match row.get("dh_min_bits") {
                    "" => None,
                    v => match v.parse::<u16>() {
                        Ok(b) if b > 0 => Some(b),
                        _ => {
                            errors.push(format!(
                                "{}: column dh_min_bits: {v:?} is not a number of bits (expected empty or a whole number such as 3072)",
                                row.at()
                            ));
                            None
                        }
                    },
                };
                if let [Some(c), Some(m), Some(k), Some(s), Some(g)] = got[..] {
                    keywords.push(Keyword {
                        name: row.get("keyword").to_string(),
                        alias: Some(row.get("alias"))
                            .filter(|a| !a.is_empty())
                            .map(str::to_string),
                        protocols,
                        lists: [c, m, k, s, g],
                        dh_min_bits,
                    });
                }
            }
        }
        Err(e) => errors.extend(e),
    }
    // The evaluator's fixed lists must be there.
    for needed in [
        "protocol",
        "stream_protocol",
        "dgram_protocol",
        "dtls_protocol",
        "cipher_normal",
        "mac_normal",
        "kx_secure",
        "sign_default",
        "groups_normal",
        "groups_dh",
        "groups_ecdh",
        "ctype_default",
        "ctype_all",
    ] {
        if !lists.iter().any(|l| l.name == needed) {
            errors.push(format!(
                "data/gnutls-lists.csv: the list {needed:?} is missing (src/gnutls.rs uses it)"
            ));
        }
    }
    if errors.is_empty() {
        Ok(Gnutls {
            algorithms,
            suites,
            lists,
            keywords,
        })
    } else {
        Err(errors)
    }
}

fn kind_ident(kind: &str) -> &'static str {
    KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("Version", |(_, v)| v)
}

fn opt(v: Option<u16>) -> String {
    v.map_or_else(|| "None".to_string(), |c| format!("Some({c})"))
}

/// The generated source.
pub fn emit(g: &Gnutls) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "/// GnuTLS 3.7's algorithm names (data/gnutls-algorithms.csv).\n\
         pub(crate) static GNUTLS_ALGORITHMS: [GnutlsAlgorithm; {}] = [",
        g.algorithms.len()
    );
    for a in &g.algorithms {
        let _ = writeln!(
            o,
            "    GnutlsAlgorithm {{ kind: GnutlsKind::{}, name: {}, code: {}, class: {}, available: {} }},",
            kind_ident(a.kind),
            lit(&a.name),
            a.code
                .map_or_else(|| "None".to_string(), |c| format!("Some(0x{c:04X})")),
            lit(&a.class),
            a.available
        );
    }
    let _ = writeln!(o, "];\n");
    let _ = writeln!(
        o,
        "/// GnuTLS 3.7's cipher-suite table in its order (data/gnutls-suites.csv).\n\
         pub(crate) static GNUTLS_SUITES: [GnutlsSuite; {}] = [",
        g.suites.len()
    );
    for s in &g.suites {
        let _ = writeln!(
            o,
            "    GnutlsSuite {{ name: {}, code: 0x{:04X}, kx: {}, cipher: {}, mac: {}, min_tls: {}, min_dtls: {}, prf: {} }},",
            lit(&s.name),
            s.code,
            opt(s.kx),
            s.cipher,
            s.mac,
            s.min_tls,
            opt(s.min_dtls),
            s.prf
        );
    }
    let _ = writeln!(o, "];\n");
    let _ = writeln!(
        o,
        "/// The lists GnuTLS 3.7's keywords expand to (data/gnutls-lists.csv).\n\
         pub(crate) static GNUTLS_LISTS: [GnutlsList; {}] = [",
        g.lists.len()
    );
    for l in &g.lists {
        let items: Vec<String> = l.items.iter().map(u16::to_string).collect();
        let _ = writeln!(
            o,
            "    GnutlsList {{ name: {}, items: &[{}] }},",
            lit(&l.name),
            items.join(", ")
        );
    }
    let _ = writeln!(o, "];\n");
    let _ = writeln!(
        o,
        "/// GnuTLS 3.7's priority keywords (data/gnutls-keywords.csv).\n\
         pub(crate) static GNUTLS_KEYWORDS: [GnutlsKeyword; {}] = [",
        g.keywords.len()
    );
    for k in &g.keywords {
        let _ = writeln!(
            o,
            "    GnutlsKeyword {{ name: {}, alias: {}, protocols: {}, ciphers: {}, macs: {}, kx: {}, signs: {}, groups: {}, dh_min_bits: {} }},",
            lit(&k.name),
            k.alias
                .as_deref()
                .map_or_else(|| "None".to_string(), |a| format!("Some({})", lit(a))),
            opt(k.protocols),
            k.lists[0],
            k.lists[1],
            k.lists[2],
            k.lists[3],
            k.lists[4],
            opt(k.dh_min_bits)
        );
    }
    let _ = writeln!(o, "];");
    o
}
