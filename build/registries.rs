//! The small TLS registries beside the suites: Supported Groups
//! (`data/groups.csv`, `data/group-names.csv`) and SignatureScheme
//! (`data/sigalgs.csv`, `data/sigalg-names.csv`).
//!
//! Each registry is one row per code point plus one row per spelling. The
//! checks: codes are 4 upper-case hex digits, sorted and unique; every token
//! parses into the library's enums; every name row points at a known code;
//! a spelling (any case) names one code only, across all schemes; each code
//! has at most one `primary` name per scheme; a signature scheme's curve is a
//! known group. The output is `registries.rs`: the two arrays sorted by
//! code, their name indexes sorted by lower-case spelling (the library
//! binary-searches them), and the constants of `cipherdex::groups` and
//! `cipherdex::sigalgs`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use crate::attrs::{
    GroupKind, HashAlgorithm, NameKind, Origin, Protocol, Protocols, Recommended, Scheme,
    SignatureAlgorithm,
};
use crate::emit::lit;
use crate::read::{self, Table};

/// One spelling of a code in one scheme.
pub struct Name {
    pub scheme: Scheme,
    pub name: String,
    pub kind: NameKind,
    pub since: String,
    pub note: String,
}

/// The columns both registries share.
pub struct Common {
    pub code: u16,
    pub name: String,
    pub origin: Origin,
    pub recommended: Option<Recommended>,
    pub reference: String,
    pub protocols: Protocols,
    pub bits: u16,
    pub note: String,
    pub names: Vec<Name>,
}

/// One supported group.
pub struct Group {
    pub common: Common,
    pub dtls_ok: bool,
    pub kind: GroupKind,
}

/// One signature scheme.
pub struct Sigalg {
    pub common: Common,
    pub algorithm: SignatureAlgorithm,
    pub hash: Option<HashAlgorithm>,
    /// The group code of the curve a TLS 1.3 ECDSA (or SM2, GOST) scheme fixes.
    pub curve: Option<u16>,
}

/// Both registries, checked.
pub struct Registries {
    pub groups: Vec<Group>,
    pub sigalgs: Vec<Sigalg>,
}

const COMMON: &[&str] = &[
    "code",
    "name",
    "origin",
    "recommended",
    "reference",
    "bits",
    "protocols",
    "note",
];
const NAME_COLUMNS: &[&str] = &["code", "scheme", "name", "kind", "since", "note"];

/// Reads and checks the four files.
pub fn load(data: &Path) -> Result<Registries, Vec<String>> {
    let mut errors = Vec::new();
    let group_cols: Vec<&str> = COMMON.iter().copied().chain(["dtls_ok", "kind"]).collect();
    let sigalg_cols: Vec<&str> = COMMON
        .iter()
        .copied()
        .chain(["algorithm", "hash", "curve"])
        .collect();
    let tables = (
        Table::load(data, "groups.csv", &group_cols),
        Table::load(data, "group-names.csv", NAME_COLUMNS),
        Table::load(data, "sigalgs.csv", &sigalg_cols),
        Table::load(data, "sigalg-names.csv", NAME_COLUMNS),
    );
    let (Ok(gt), Ok(gn), Ok(st), Ok(sn)) = tables else {
        let (a, b, c, d) = tables;
        for r in [a.err(), b.err(), c.err(), d.err()].into_iter().flatten() {
            errors.extend(r);
        }
        return Err(errors);
    };

    let mut groups = Vec::new();
    for row in gt.rows() {
        let Some(common) = common(&row, &mut errors) else {
            continue;
        };
        let dtls_ok = flag(&row, "dtls_ok", &mut errors);
        let kind: Option<GroupKind> = row.parse("kind", &mut errors);
        if let Some(kind) = kind {
            let protocols = with_dtls(common.protocols, dtls_ok);
            groups.push(Group {
                common: Common {
                    protocols,
                    ..common
                },
                dtls_ok,
                kind,
            });
        }
    }
    check_sorted(&gt.path, groups.iter().map(|g| &g.common), &mut errors);

    let mut sigalgs = Vec::new();
    for row in st.rows() {
        let Some(common) = common(&row, &mut errors) else {
            continue;
        };
        let algorithm: Option<SignatureAlgorithm> = row.parse("algorithm", &mut errors);
        let hash = match row.get("hash") {
            "" => Some(None),
            h => h
                .parse::<HashAlgorithm>()
                .map_err(|e| errors.push(format!("{}: column hash: {e}", row.at())))
                .ok()
                .map(Some),
        };
        let curve = match row.get("curve") {
            "" => Some(None),
            c => match groups.iter().find(|g| g.common.name == c) {
                Some(g) => Some(Some(g.common.code)),
                None => {
                    errors.push(format!(
                        "{}: column curve: {c:?} is not the name of a group in data/groups.csv",
                        row.at()
                    ));
                    None
                }
            },
        };
        if let (Some(algorithm), Some(hash), Some(curve)) = (algorithm, hash, curve) {
            // The SignatureScheme registry says nothing about DTLS: a scheme
            // that TLS 1.2 or 1.3 takes, the matching DTLS version takes.
            let protocols = with_dtls(common.protocols, true);
            sigalgs.push(Sigalg {
                common: Common {
                    protocols,
                    ..common
                },
                algorithm,
                hash,
                curve,
            });
        }
    }
    check_sorted(&st.path, sigalgs.iter().map(|s| &s.common), &mut errors);

    let mut group_commons: Vec<&mut Common> = groups.iter_mut().map(|g| &mut g.common).collect();
    attach_names(&gn, &mut group_commons, &mut errors);
    let mut sigalg_commons: Vec<&mut Common> = sigalgs.iter_mut().map(|s| &mut s.common).collect();
    attach_names(&sn, &mut sigalg_commons, &mut errors);

    if errors.is_empty() {
        Ok(Registries { groups, sigalgs })
    } else {
        Err(errors)
    }
}

/// The shared columns of one row.
fn common(row: &read::Row<'_>, errors: &mut Vec<String>) -> Option<Common> {
    let code = match read::code(row.get("code")) {
        Ok(c) if c <= 0xFFFF => Some(c as u16),
        Ok(_) => {
            errors.push(format!("{}: code must have 4 hex digits", row.at()));
            None
        }
        Err(e) => {
            errors.push(format!("{}: {e}", row.at()));
            None
        }
    };
    let name = row.get("name").to_string();
    if name.is_empty() {
        errors.push(format!("{}: column name is empty", row.at()));
    }
    let origin: Option<Origin> = row.parse("origin", errors);
    let recommended = match row.get("recommended") {
        "" => Some(None),
        _ => row.parse::<Recommended>("recommended", errors).map(Some),
    };
    if origin == Some(Origin::Iana) && recommended == Some(None) {
        errors.push(format!(
            "{}: an IANA code needs its Recommended value (Y, N or D)",
            row.at()
        ));
    }
    let bits = match row.get("bits") {
        "" => Some(0),
        _ => row.parse::<u16>("bits", errors),
    };
    let mut protocols = Some(Protocols::EMPTY);
    for word in row.get("protocols").split_whitespace() {
        match word.parse::<Protocol>() {
            Ok(p) => protocols = protocols.map(|ps| ps.with(p)),
            Err(e) => {
                errors.push(format!("{}: column protocols: {e}", row.at()));
                protocols = None;
            }
        }
    }
    Some(Common {
        code: code?,
        name,
        origin: origin?,
        recommended: recommended?,
        reference: row.get("reference").to_string(),
        protocols: protocols?,
        bits: bits?,
        note: row.get("note").to_string(),
        names: Vec::new(),
    })
}

/// A `Y`/`N` column.
fn flag(row: &read::Row<'_>, col: &str, errors: &mut Vec<String>) -> bool {
    match row.get(col) {
        "Y" => true,
        "N" | "" => false,
        v => {
            errors.push(format!("{}: column {col}: {v:?} is not Y or N", row.at()));
            false
        }
    }
}

/// The DTLS versions that go with the TLS versions in `p` (DTLS 1.0 is TLS
/// 1.1's, DTLS 1.2 TLS 1.2's, DTLS 1.3 TLS 1.3's), if `dtls` holds.
fn with_dtls(p: Protocols, dtls: bool) -> Protocols {
    if !dtls {
        return p;
    }
    let mut out = p;
    for (tls, d) in [
        (Protocol::Tls11, Protocol::Dtls10),
        (Protocol::Tls12, Protocol::Dtls12),
        (Protocol::Tls13, Protocol::Dtls13),
    ] {
        if p.contains(tls) {
            out = out.with(d);
        }
    }
    out
}

/// Codes strictly increasing: sorted, no duplicates.
fn check_sorted<'a>(path: &str, rows: impl Iterator<Item = &'a Common>, errors: &mut Vec<String>) {
    let mut last: Option<u16> = None;
    for c in rows {
        if let Some(l) = last {
            if c.code == l {
                errors.push(format!("{path}: code {:04X} appears twice", c.code));
            } else if c.code < l {
                errors.push(format!(
                    "{path}: code {:04X} comes after {l:04X}: keep the file sorted by code",
                    c.code
                ));
            }
        }
        last = Some(c.code);
    }
}

/// Reads a names file into its registry's rows, checking codes, kinds and
/// that no spelling (any case) names two codes.
fn attach_names(t: &Table, rows: &mut [&mut Common], errors: &mut Vec<String>) {
    let mut seen: BTreeMap<String, (u16, String)> = BTreeMap::new();
    let mut primary: BTreeSet<(u16, Scheme)> = BTreeSet::new();
    for row in t.rows() {
        let code = match read::code(row.get("code")) {
            Ok(c) if c <= 0xFFFF => c as u16,
            Ok(_) | Err(_) => {
                errors.push(format!("{}: bad code {:?}", row.at(), row.get("code")));
                continue;
            }
        };
        let Some(i) = rows.iter().position(|c| c.code == code) else {
            errors.push(format!(
                "{}: code {code:04X} is not in the registry file",
                row.at()
            ));
            continue;
        };
        let (Some(scheme), Some(kind)) = (
            row.parse::<Scheme>("scheme", errors),
            row.parse::<NameKind>("kind", errors),
        ) else {
            continue;
        };
        let name = row.get("name").to_string();
        if name.is_empty() || name.contains([':', ',', ' ']) {
            errors.push(format!(
                "{}: name {name:?} is empty or holds a list separator (: , space)",
                row.at()
            ));
            continue;
        }
        if kind == NameKind::Primary && !primary.insert((code, scheme)) {
            errors.push(format!(
                "{}: a second primary {scheme} name for {code:04X}",
                row.at()
            ));
        }
        let key = name.to_ascii_lowercase();
        match seen.get(&key) {
            Some((other, at)) if *other != code => errors.push(format!(
                "{}: {name:?} (any case) already names {other:04X} at {at}",
                row.at()
            )),
            _ => {
                seen.insert(key, (code, row.at()));
            }
        }
        if scheme == Scheme::Iana && name != rows[i].name && kind == NameKind::Primary {
            errors.push(format!(
                "{}: the primary iana name must be the registry name {:?}",
                row.at(),
                rows[i].name
            ));
        }
        rows[i].names.push(Name {
            scheme,
            name,
            kind,
            since: row.get("since").to_string(),
            note: row.get("note").to_string(),
        });
    }
}

/// An identifier for a constant: the IANA name in upper case, anything but
/// letters and digits as `_`.
fn ident(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "None".to_string(), |v| format!("Some({v})"))
}

fn aliases(o: &mut String, names: &[Name]) {
    let _ = writeln!(o, "        aliases: &[");
    for a in names {
        let _ = writeln!(
            o,
            "            Alias {{ scheme: Scheme::{:?}, name: {}, kind: NameKind::{:?}, curve: None, since: {}, until: \"\", note: {} }},",
            a.scheme,
            lit(&a.name),
            a.kind,
            lit(&a.since),
            lit(&a.note)
        );
    }
    let _ = writeln!(o, "        ],");
}

fn common_fields(o: &mut String, c: &Common) {
    let _ = writeln!(o, "        code: 0x{:04X},", c.code);
    let _ = writeln!(o, "        name: {},", lit(&c.name));
    let _ = writeln!(o, "        origin: Origin::{:?},", c.origin);
    let _ = writeln!(
        o,
        "        recommended: {},",
        opt(c.recommended.map(|r| format!("Recommended::{r:?}")))
    );
    let _ = writeln!(o, "        reference: {},", lit(&c.reference));
    let _ = writeln!(
        o,
        "        protocols: Protocols::from_bits(0b{:b}), // {}",
        c.protocols.bits(),
        c.protocols
    );
    let _ = writeln!(o, "        bits: {},", c.bits);
    let _ = writeln!(o, "        note: {},", lit(&c.note));
}

/// The name index: every distinct spelling in lower case with the index of
/// its row, sorted by those bytes.
fn name_index(o: &mut String, static_name: &str, rows: &[&Common]) {
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for (i, c) in rows.iter().enumerate() {
        if c.origin != Origin::Grease {
            index.insert(c.name.to_ascii_lowercase(), i);
        }
        for n in &c.names {
            index.insert(n.name.to_ascii_lowercase(), i);
        }
    }
    let _ = writeln!(
        o,
        "/// Every spelling in lower case -> its index, sorted for binary search.\n\
         pub(crate) static {static_name}: [(&str, u16); {}] = [",
        index.len()
    );
    for (k, i) in &index {
        let _ = writeln!(o, "    ({}, {i}),", lit(k));
    }
    let _ = writeln!(o, "];\n");
}

/// One `pub static` per IANA-registered (or legacy, or unofficial) name.
fn constants(o: &mut String, array: &str, ty: &str, rows: &[&Common]) {
    let mut c = String::new();
    for (i, r) in rows.iter().enumerate() {
        if r.origin == Origin::Grease {
            continue;
        }
        let origin = match r.origin {
            Origin::Iana => "IANA".to_string(),
            other => format!("Not in the IANA registry ({other})"),
        };
        let rec = r
            .recommended
            .map_or(String::new(), |r| format!(" Recommended={r}."));
        let _ = writeln!(
            c,
            "    /// `{}` (0x{:04X}). {origin}.{rec}\n    pub static {}: &{ty} = &super::{array}[{i}];",
            r.name,
            r.code,
            ident(&r.name)
        );
    }
    o.push_str(&c);
}

/// The generated source.
pub fn emit(r: &Registries) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "/// Every known supported group, sorted by code.\npub(crate) static GROUPS: [Group; {}] = [",
        r.groups.len()
    );
    for g in &r.groups {
        let _ = writeln!(o, "    Group {{");
        common_fields(&mut o, &g.common);
        let _ = writeln!(o, "        dtls_ok: {},", g.dtls_ok);
        let _ = writeln!(o, "        kind: GroupKind::{:?},", g.kind);
        aliases(&mut o, &g.common.names);
        let _ = writeln!(o, "    }},");
    }
    let _ = writeln!(o, "];\n");
    let gc: Vec<&Common> = r.groups.iter().map(|g| &g.common).collect();
    name_index(&mut o, "GROUP_NAMES", &gc);

    let _ = writeln!(
        o,
        "/// Every known signature scheme, sorted by code.\npub(crate) static SIGALGS: [SignatureScheme; {}] = [",
        r.sigalgs.len()
    );
    for s in &r.sigalgs {
        let _ = writeln!(o, "    SignatureScheme {{");
        common_fields(&mut o, &s.common);
        let _ = writeln!(
            o,
            "        algorithm: SignatureAlgorithm::{:?},",
            s.algorithm
        );
        let _ = writeln!(
            o,
            "        hash: {},",
            opt(s.hash.map(|h| format!("HashAlgorithm::{h:?}")))
        );
        let _ = writeln!(
            o,
            "        curve: {},",
            opt(s.curve.map(|c| format!("0x{c:04X}")))
        );
        aliases(&mut o, &s.common.names);
        let _ = writeln!(o, "    }},");
    }
    let _ = writeln!(o, "];\n");
    let sc: Vec<&Common> = r.sigalgs.iter().map(|s| &s.common).collect();
    name_index(&mut o, "SIGALG_NAMES", &sc);

    let _ = writeln!(o, "/// The constants of `cipherdex::groups`.");
    let _ = writeln!(o, "pub(crate) mod group_constants {{");
    let _ = writeln!(o, "    use crate::records::Group;");
    constants(&mut o, "GROUPS", "Group", &gc);
    let _ = writeln!(o, "}}\n");
    let _ = writeln!(o, "/// The constants of `cipherdex::sigalgs`.");
    let _ = writeln!(o, "pub(crate) mod sigalg_constants {{");
    let _ = writeln!(o, "    use crate::records::SignatureScheme;");
    constants(&mut o, "SIGALGS", "SignatureScheme", &sc);
    let _ = writeln!(o, "}}");
    o
}
