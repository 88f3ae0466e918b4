//! `data/suites.csv` + `data/names.csv` (+ OpenSSL's minimum versions from
//! `data/openssl.csv`) into the `SUITES` array, the code index and the name map
//! (a perfect hash, see build/perfect.rs).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use crate::attrs::{
    Authentication, Cipher, Curve, KeyExchange, Mac, Mode, NameKind, Origin, Prf, Protocol,
    Protocols, Recommended, Scheme,
};
use crate::derive;
use crate::emit::lit;
use crate::openssl;
use crate::read::{self, Table};

/// One name of a suite.
pub struct Alias {
    pub scheme: Scheme,
    pub name: String,
    pub kind: NameKind,
    pub curve: Option<Curve>,
    pub since: String,
    pub until: String,
    pub note: String,
}

/// One suite, fully checked.
pub struct Suite {
    pub code: u32,
    pub name: String,
    pub origin: Origin,
    pub dtls_ok: bool,
    pub recommended: Option<Recommended>,
    pub reference: String,
    pub protocols: Protocols,
    pub kex: KeyExchange,
    pub auth: Authentication,
    pub cipher: Cipher,
    pub bits: u16,
    pub mode: Mode,
    pub mac: Mac,
    pub prf: Prf,
    pub export: bool,
    pub scsv: bool,
    pub note: String,
    pub aliases: Vec<Alias>,
}

/// The checked knowledge base: suites in file order (sorted by code), and the name index.
pub struct Kb {
    pub suites: Vec<Suite>,
    /// Upper-cased name -> suite indices, the one `lookup` returns first.
    pub by_name: BTreeMap<String, Vec<usize>>,
}

const SUITE_COLS: &[&str] = &[
    "code",
    "name",
    "origin",
    "dtls_ok",
    "recommended",
    "reference",
    "protocols",
    "kex",
    "auth",
    "cipher",
    "bits",
    "mode",
    "mac",
    "prf",
    "export",
    "note",
];
const NAME_COLS: &[&str] = &[
    "code",
    "scheme",
    "name",
    "kind",
    "curve",
    "since",
    "until",
    "ambiguity",
    "note",
];

pub fn load(data: &Path) -> Result<Kb, Vec<String>> {
    let suites_t = Table::load(data, "suites.csv", SUITE_COLS)?;
    let names_t = Table::load(data, "names.csv", NAME_COLS)?;
    let openssl_t = Table::load(data, "openssl.csv", openssl::COLS)?;
    let mut errors = Vec::new();

    // OpenSSL's minimum version per code (from the newest cipher-table entry).
    let mut openssl_min: HashMap<u32, Protocol> = HashMap::new();
    for row in openssl_t.rows() {
        let Ok(code) = read::code(row.get("code")) else {
            errors.push(format!("{}: bad code {:?}", row.at(), row.get("code")));
            continue;
        };
        let min = row.get("min_version");
        if !min.is_empty() && row.get("status") != "header-only" {
            match min.parse::<Protocol>() {
                Ok(p) => {
                    openssl_min.insert(code, p);
                }
                Err(e) => errors.push(format!("{}: column min_version: {e}", row.at())),
            }
        }
    }

    let mut suites: Vec<Suite> = Vec::new();
    let mut by_code = HashMap::new();
    let mut first_line: HashMap<u32, String> = HashMap::new();
    for row in suites_t.rows() {
        let code = match read::code(row.get("code")) {
            Ok(c) => c,
            Err(e) => {
                errors.push(format!("{}: {e}", row.at()));
                continue;
            }
        };
        if let Some(prev) = first_line.get(&code) {
            errors.push(format!(
                "{}: duplicate code {:04X} (first at {prev})",
                row.at(),
                code
            ));
            continue;
        }
        if let Some(last) = suites.last() {
            if code < last.code {
                errors.push(format!(
                    "{}: code {code:04X} after {:04X}: keep the file sorted by code",
                    row.at(),
                    last.code
                ));
            }
        }
        first_line.insert(code, row.at());
        if let Some(s) = suite_row(&row, code, &openssl_min, &mut errors) {
            by_code.insert(code, suites.len());
            suites.push(s);
        }
    }

    // Names.
    let mut seen: HashMap<(u32, Scheme, String), String> = HashMap::new();
    let mut primaries: HashMap<(u32, Scheme), String> = HashMap::new();
    let mut ambiguity: BTreeMap<String, Vec<(usize, String, String)>> = BTreeMap::new();
    for row in names_t.rows() {
        let code = match read::code(row.get("code")) {
            Ok(c) => c,
            Err(e) => {
                errors.push(format!("{}: {e}", row.at()));
                continue;
            }
        };
        let Some(&idx) = by_code.get(&code) else {
            errors.push(format!(
                "{}: code {:04X} is not in data/suites.csv",
                row.at(),
                code
            ));
            continue;
        };
        let (Some(scheme), Some(kind)) = (
            row.parse::<Scheme>("scheme", &mut errors),
            row.parse::<NameKind>("kind", &mut errors),
        ) else {
            continue;
        };
        let name = row.get("name").to_string();
        if name.is_empty() || name.contains(char::is_whitespace) && scheme != Scheme::Wireshark {
            errors.push(format!(
                "{}: name {name:?} is empty or has white space",
                row.at()
            ));
            continue;
        }
        let curve = match row.get("curve") {
            "" => None,
            c => match c.parse::<Curve>() {
                Ok(c) => Some(c),
                Err(e) => {
                    errors.push(format!("{}: column curve: {e}", row.at()));
                    continue;
                }
            },
        };
        if kind == NameKind::Curve && curve.is_none() {
            errors.push(format!("{}: kind curve needs a curve", row.at()));
        }
        if curve.is_some() && scheme != Scheme::Windows {
            errors.push(format!("{}: only Windows names carry a curve", row.at()));
        }
        let key = (code, scheme, name.to_ascii_uppercase());
        if let Some(prev) = seen.get(&key) {
            errors.push(format!(
                "{}: {name:?} listed twice for {code:04X} (first at {prev})",
                row.at()
            ));
            continue;
        }
        seen.insert(key, row.at());
        if kind == NameKind::Primary {
            if let Some(prev) = primaries.get(&(code, scheme)) {
                errors.push(format!(
                    "{}: second primary {scheme} name for {code:04X} (first at {prev}); make one an alias",
                    row.at()
                ));
            }
            primaries.insert((code, scheme), row.at());
        }
        ambiguity
            .entry(name.to_ascii_uppercase())
            .or_default()
            .push((idx, row.get("ambiguity").to_string(), row.at()));
        suites[idx].aliases.push(Alias {
            scheme,
            name,
            kind,
            curve,
            since: row.get("since").to_string(),
            until: row.get("until").to_string(),
            note: row.get("note").to_string(),
        });
    }

    // Every IANA suite is named in the iana scheme by its registry name.
    for s in &suites {
        if s.origin == Origin::Iana
            && !s.aliases.iter().any(|a| {
                a.scheme == Scheme::Iana && a.kind == NameKind::Primary && a.name == s.name
            })
        {
            errors.push(format!(
                "data/names.csv: suite {:04X} has no primary iana name {:?}",
                s.code, s.name
            ));
        }
    }

    // A spelling that names several codes must say so, on every row, with one primary.
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (spelling, rows) in &ambiguity {
        let codes: BTreeSet<usize> = rows.iter().map(|r| r.0).collect();
        if codes.len() == 1 {
            for (_, amb, at) in rows {
                if !amb.is_empty() {
                    errors.push(format!(
                        "{at}: ambiguity {amb:?} but {spelling:?} names one code only"
                    ));
                }
            }
            by_name.insert(spelling.clone(), codes.into_iter().collect());
            continue;
        }
        let mut primary = BTreeSet::new();
        for (idx, amb, at) in rows {
            match amb.as_str() {
                "primary" => {
                    primary.insert(*idx);
                }
                "secondary" => {}
                _ => errors.push(format!(
                    "{at}: {spelling:?} names {} codes; column ambiguity must be primary or secondary",
                    codes.len()
                )),
            }
        }
        if primary.len() != 1 {
            errors.push(format!(
                "data/names.csv: {spelling:?} names codes {} and needs exactly one primary, has {}",
                codes
                    .iter()
                    .map(|i| format!("{:04X}", suites[*i].code))
                    .collect::<Vec<_>>()
                    .join(", "),
                primary.len()
            ));
            continue;
        }
        let first = *primary.iter().next().unwrap_or(&0);
        let mut list = vec![first];
        list.extend(codes.into_iter().filter(|c| *c != first));
        by_name.insert(spelling.clone(), list);
    }
    // The canonical name is always a lookup key (some non-IANA canonical names
    // are another scheme's spelling without its decorations).
    for (i, s) in suites.iter().enumerate() {
        if s.origin == Origin::Grease {
            continue;
        }
        let up = s.name.to_ascii_uppercase();
        match by_name.get(&up) {
            Some(list) if list.contains(&i) => {}
            Some(list) => errors.push(format!(
                "data/suites.csv: canonical name {:?} of {:04X} already names {:04X}",
                s.name, s.code, suites[list[0]].code
            )),
            None => {
                by_name.insert(up, vec![i]);
            }
        }
    }

    if errors.is_empty() {
        Ok(Kb { suites, by_name })
    } else {
        Err(errors)
    }
}

fn suite_row(
    row: &read::Row<'_>,
    code: u32,
    openssl_min: &HashMap<u32, Protocol>,
    errors: &mut Vec<String>,
) -> Option<Suite> {
    let before = errors.len();
    let name = row.get("name").to_string();
    let origin: Origin = row.parse("origin", errors)?;
    let yn = |col: &str, errors: &mut Vec<String>| match row.get(col) {
        "Y" => Some(true),
        "N" | "" => Some(false),
        v => {
            errors.push(format!(
                "{}: column {col}: expected Y, N or empty, found {v:?}",
                row.at()
            ));
            None
        }
    };
    let dtls_ok = yn("dtls_ok", errors)?;
    let recommended = match row.get("recommended") {
        "" => None,
        _ => Some(row.parse::<Recommended>("recommended", errors)?),
    };
    if origin == Origin::Iana && recommended.is_none() {
        errors.push(format!(
            "{}: IANA suite without a Recommended value",
            row.at()
        ));
    }
    if origin == Origin::Ssl2 && code <= 0xFFFF {
        errors.push(format!("{}: SSL 2.0 kinds have 6-digit codes", row.at()));
    }

    // Derive from the name; overrides win. A suite the name cannot describe
    // must carry every attribute as an override.
    let mut d = match origin {
        Origin::Grease => derive::from_name("GREASE").ok(),
        _ => match derive::from_name(&name) {
            Ok(d) => Some(d),
            Err(e) => {
                if ["kex", "auth", "cipher", "bits", "mode", "mac", "prf"]
                    .iter()
                    .all(|c| !row.get(c).is_empty())
                {
                    None
                } else {
                    errors.push(format!(
                        "{}: {e}; give every attribute column explicitly",
                        row.at()
                    ));
                    return None;
                }
            }
        },
    };
    macro_rules! attr {
        ($col:literal, $field:ident, $ty:ty) => {{
            match row.get($col) {
                "" => d.as_ref().map(|d| d.$field),
                _ => row.parse::<$ty>($col, errors),
            }
        }};
    }
    let kex = attr!("kex", kex, KeyExchange);
    let auth = attr!("auth", auth, Authentication);
    let cipher = attr!("cipher", cipher, Cipher);
    let bits = attr!("bits", bits, u16);
    let mode = attr!("mode", mode, Mode);
    let mac = attr!("mac", mac, Mac);
    let prf = attr!("prf", prf, Prf);
    let export = match row.get("export") {
        "" => d.as_ref().is_some_and(|d| d.export),
        _ => yn("export", errors)?,
    };
    let tls13 = d.as_ref().is_some_and(|d| d.tls13);
    let scsv = d.as_ref().is_some_and(|d| d.scsv) || origin == Origin::Grease;
    if let Some(d) = d.as_mut() {
        d.export = export;
    }
    let (kex, auth, cipher, bits, mode, mac, prf) =
        (kex?, auth?, cipher?, bits?, mode?, mac?, prf?);

    let protocols = if row.get("protocols").is_empty() {
        let parts = Parts {
            kex,
            cipher,
            bits,
            mode,
            mac,
            export,
            tls13,
            scsv,
        };
        derive_protocols(code, &name, origin, dtls_ok, &parts, openssl_min)
    } else {
        // "none": a code point that is never negotiated (TLS_NULL_WITH_NULL_NULL).
        let mut p = Protocols::EMPTY;
        for tok in row
            .get("protocols")
            .split_whitespace()
            .filter(|t| *t != "none")
        {
            p = p.with(row_parse_protocol(row, tok, errors)?);
        }
        p
    };
    // A suite that cannot reach TLS 1.2 never uses the TLS 1.2 PRF.
    let prf = if row.get("prf").is_empty()
        && !protocols.is_empty()
        && !protocols.contains(Protocol::Tls12)
        && !protocols.contains(Protocol::Tls13)
        && origin != Origin::Ssl2
    {
        Prf::Legacy
    } else {
        prf
    };

    // Consistency that no override may break.
    if mode.is_aead() != (mac == Mac::Aead) {
        errors.push(format!(
            "{}: mode {mode} and MAC {mac} disagree about AEAD",
            row.at()
        ));
    }
    if (cipher == Cipher::Null) != (mode == Mode::None) {
        errors.push(format!("{}: cipher {cipher} with mode {mode}", row.at()));
    }
    if errors.len() > before {
        return None;
    }
    Some(Suite {
        code,
        name,
        origin,
        dtls_ok,
        recommended,
        reference: row.get("reference").to_string(),
        protocols,
        kex,
        auth,
        cipher,
        bits,
        mode,
        mac,
        prf,
        export,
        scsv,
        note: row.get("note").to_string(),
        aliases: Vec::new(),
    })
}

fn row_parse_protocol(
    row: &read::Row<'_>,
    tok: &str,
    errors: &mut Vec<String>,
) -> Option<Protocol> {
    match tok.parse() {
        Ok(p) => Some(p),
        Err(e) => {
            errors.push(format!("{}: column protocols: {e}", row.at()));
            None
        }
    }
}

/// What `derive_protocols` needs to know of a suite.
#[derive(Clone, Copy)]
struct Parts {
    kex: KeyExchange,
    cipher: Cipher,
    bits: u16,
    mode: Mode,
    mac: Mac,
    export: bool,
    tls13: bool,
    scsv: bool,
}

/// The protocol versions a suite can be negotiated in, from what it is made of.
///
/// * SSL 2.0 kinds: SSL 2.0 only. Signalling values and GREASE: none.
/// * TLS 1.3 suites: TLS 1.3 only.
/// * AEAD modes and SHA-256/384 MACs need TLS 1.2, except the PSK suites with
///   SHA-256/384 HMACs (RFC 5487, 5489, 6367), which TLS 1.0 may use; the IANA
///   GOST suites (RFC 9189) are TLS 1.2 only.
/// * Export suites end at TLS 1.0 (TLS 1.1 forbids them, RFC 4346 A.5).
/// * Single DES and IDEA end at TLS 1.1 (RFC 5469: TLS 1.2 must not negotiate them).
/// * Otherwise the start is OpenSSL's minimum version where OpenSSL has the
///   suite, else SSL 3.0 for the pre-2006 code points and `SSL_` names, else TLS 1.0.
/// * DTLS versions follow when IANA marks the suite DTLS-OK.
fn derive_protocols(
    code: u32,
    name: &str,
    origin: Origin,
    dtls_ok: bool,
    parts: &Parts,
    openssl_min: &HashMap<u32, Protocol>,
) -> Protocols {
    let Parts {
        kex,
        cipher,
        bits,
        mode,
        mac,
        export,
        tls13,
        scsv,
    } = *parts;
    use Protocol::*;
    let mut p = Protocols::EMPTY;
    if origin == Origin::Ssl2 {
        return p.with(Ssl2);
    }
    if scsv {
        return p;
    }
    if tls13 {
        p = p.with(Tls13);
        if dtls_ok {
            p = p.with(Dtls13);
        }
        return p;
    }
    // RFC 5487, 5489 and 6367 define the PSK suites with SHA-256/384 HMACs for
    // TLS 1.0 and later too (with the old PRF), and OpenSSL negotiates them
    // there; the IANA GOST suites (RFC 9189) are TLS 1.2 only.
    let tls12_only = mode.is_aead()
        || (matches!(mac, Mac::Sha256 | Mac::Sha384) && !kex.uses_psk())
        || matches!(mac, Mac::Sm3 | Mac::Omac | Mac::Streebog256)
        || (mac == Mac::Gost89 && origin == Origin::Iana);
    let min = if tls12_only {
        Tls12
    } else if let Some(m) = openssl_min.get(&code) {
        *m
    } else if code < 0x0047 || name.starts_with("SSL_") || code >= 0xFE00 {
        Ssl3
    } else {
        Tls10
    };
    let max = if export {
        Tls10
    } else if (cipher == Cipher::Des && bits == 56) || cipher == Cipher::Idea {
        Tls11
    } else {
        Tls12
    };
    for v in [Ssl3, Tls10, Tls11, Tls12] {
        if v >= min && v <= max {
            p = p.with(v);
        }
    }
    if dtls_ok {
        if p.contains(Tls11) {
            p = p.with(Dtls10);
        }
        if p.contains(Tls12) {
            p = p.with(Dtls12);
        }
    }
    p
}

/// Emits `SUITES`, the two-level code index, the SSL 2.0 codes and the name map.
pub fn emit(kb: &Kb) -> String {
    let mut o = String::new();
    let n = kb.suites.len();
    let _ = writeln!(o, "/// Every known suite, sorted by code.");
    let _ = writeln!(o, "pub(crate) static SUITES: [Suite; {n}] = [");
    for s in &kb.suites {
        let _ = writeln!(o, "    // {}", s.name);
        let _ = writeln!(o, "    Suite {{");
        let _ = writeln!(o, "        code: 0x{:04X},", s.code);
        let _ = writeln!(o, "        name: {},", lit(&s.name));
        let _ = writeln!(o, "        origin: Origin::{:?},", s.origin);
        let _ = writeln!(o, "        dtls_ok: {},", s.dtls_ok);
        let _ = writeln!(
            o,
            "        recommended: {},",
            opt(s.recommended.map(|r| format!("Recommended::{r:?}")))
        );
        let _ = writeln!(o, "        reference: {},", lit(&s.reference));
        let _ = writeln!(
            o,
            "        protocols: Protocols::from_bits(0b{:b}), // {}",
            s.protocols.bits(),
            s.protocols
        );
        let _ = writeln!(o, "        kex: KeyExchange::{:?},", s.kex);
        let _ = writeln!(o, "        auth: Authentication::{:?},", s.auth);
        let _ = writeln!(o, "        cipher: Cipher::{:?},", s.cipher);
        let _ = writeln!(o, "        cipher_bits: {},", s.bits);
        let _ = writeln!(o, "        mode: Mode::{:?},", s.mode);
        let _ = writeln!(o, "        mac: Mac::{:?},", s.mac);
        let _ = writeln!(o, "        prf: Prf::{:?},", s.prf);
        let _ = writeln!(o, "        export: {},", s.export);
        let _ = writeln!(o, "        signalling: {},", s.scsv);
        let _ = writeln!(o, "        note: {},", lit(&s.note));
        let _ = writeln!(o, "        aliases: &[");
        for a in &s.aliases {
            let _ = writeln!(
                o,
                "            Alias {{ scheme: Scheme::{:?}, name: {}, kind: NameKind::{:?}, curve: {}, since: {}, until: {}, note: {} }},",
                a.scheme,
                lit(&a.name),
                a.kind,
                opt(a.curve.map(|c| format!("Curve::{c:?}"))),
                lit(&a.since),
                lit(&a.until),
                lit(&a.note)
            );
        }
        let _ = writeln!(o, "        ],");
        let _ = writeln!(o, "    }},");
    }
    let _ = writeln!(o, "];\n");

    // Code index: high byte -> block, block[low byte] -> suite index + 1.
    let mut blocks: BTreeMap<u8, [u16; 256]> = BTreeMap::new();
    let mut ssl2 = Vec::new();
    for (i, s) in kb.suites.iter().enumerate() {
        if s.code > 0xFFFF {
            ssl2.push((s.code, i));
        } else {
            let hi = (s.code >> 8) as u8;
            let lo = (s.code & 0xFF) as usize;
            blocks.entry(hi).or_insert([0; 256])[lo] = (i + 1) as u16;
        }
    }
    let mut hi_index = [0u8; 256];
    for (bi, hi) in blocks.keys().enumerate() {
        hi_index[*hi as usize] = (bi + 1) as u8;
    }
    let _ = writeln!(
        o,
        "/// High byte of a two-byte code -> 1 + its block in `CODE_BLOCKS` (0: no suite)."
    );
    let _ = writeln!(
        o,
        "pub(crate) static CODE_HI: [u8; 256] = {:?};\n",
        hi_index
    );
    let _ = writeln!(
        o,
        "/// Per high byte: low byte -> 1 + index into `SUITES` (0: no suite)."
    );
    let _ = writeln!(
        o,
        "pub(crate) static CODE_BLOCKS: [[u16; 256]; {}] = [",
        blocks.len()
    );
    for (hi, b) in &blocks {
        let _ = writeln!(o, "    // 0x{hi:02X}..");
        let _ = writeln!(o, "    {:?},", b);
    }
    let _ = writeln!(o, "];\n");
    let _ = writeln!(
        o,
        "/// SSL 2.0 (three-byte) codes -> index into `SUITES`, sorted."
    );
    let _ = writeln!(
        o,
        "pub(crate) static SSL2_CODES: [(u32, u16); {}] = [",
        ssl2.len()
    );
    for (c, i) in &ssl2 {
        let _ = writeln!(o, "    (0x{c:06X}, {i}),");
    }
    let _ = writeln!(o, "];\n");

    // Name map: case-insensitive perfect hash (build/perfect.rs) -> (start, len) in
    // NAME_TARGETS and the first target.
    let mut targets: Vec<usize> = Vec::new();
    let mut entries = Vec::new();
    for (spelling, list) in &kb.by_name {
        let first = list.first().copied().unwrap_or(0) as u16;
        entries.push((
            spelling.clone(),
            (targets.len() as u16, list.len() as u8, first),
        ));
        targets.extend(list.iter().copied());
    }
    let _ = writeln!(
        o,
        "/// Suite indices named by each spelling; the first is what `lookup` returns."
    );
    let _ = writeln!(
        o,
        "pub(crate) static NAME_TARGETS: [u16; {}] = {:?};\n",
        targets.len(),
        targets
    );
    // Every distinct spelling once (as a source writes it), shortest first:
    // what `suggest` searches, a window of lengths at a time.
    let mut spellings: BTreeMap<String, &str> = BTreeMap::new();
    for s in &kb.suites {
        for a in &s.aliases {
            spellings
                .entry(a.name.to_ascii_uppercase())
                .or_insert(a.name.as_str());
        }
    }
    let mut names: Vec<&str> = spellings.into_values().collect();
    names.sort_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
    let _ = writeln!(
        o,
        "/// Every distinct name (any case counts once), sorted by length then name."
    );
    let _ = writeln!(
        o,
        "pub(crate) static SUGGEST_NAMES: [&str; {}] = {:?};\n",
        names.len(),
        names
    );
    match crate::perfect::emit("BY_NAME", &entries) {
        Ok(index) => o.push_str(&index),
        Err(e) => {
            let _ = writeln!(o, "compile_error!({:?});", format!("data/names.csv: {e}"));
        }
    }
    o
}

fn opt(v: Option<String>) -> String {
    match v {
        Some(v) => format!("Some({v})"),
        None => "None".to_string(),
    }
}
