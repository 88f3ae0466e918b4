//! `data/policies/*.csv` into the policy tables read by `src/policy.rs`.
//!
//! Every code in every file must be a suite of `data/suites.csv`, and the
//! name next to it must be one of that suite's names; a row that fails
//! either check fails the build with `data/policies/FILE:LINE`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use crate::attrs::{Protocol, Protocols};
use crate::check;
use crate::emit::lit;
use crate::meta::Meta;
use crate::read::Table;
use crate::suites::Kb;

/// One Mozilla configuration of one guideline version.
struct Mozilla {
    version: String,
    config: String,
    date: String,
    protocols: Protocols,
    tls12: Vec<u32>,
    iana_order: Vec<u32>,
    tls13: Vec<u32>,
}

/// The checked policy data.
pub struct Policies {
    defs: Vec<Def>,
    mozilla: Vec<Mozilla>,
    go: Vec<(u32, String, String, bool, String)>,
    nist: Vec<(u32, String, String, String)>,
    bsi: Vec<(u32, String, String, u16, bool, String)>,
    http2: Vec<u32>,
    kex: Vec<(u32, String, String)>,
    /// The Go release of the newer Go columns (`data/meta.csv`).
    go_newer: String,
}

/// One row of `policies.csv` (or a generated Mozilla policy).
struct Def {
    name: String,
    family: String,
    version: String,
    date: String,
    rule: String,
    title: String,
    source: String,
}

const MOZILLA_VERSIONS: &[&str] = &["version", "date", "note"];
const MOZILLA_COLS: &[&str] = &[
    "guideline_version",
    "configuration",
    "tls_versions",
    "list",
    "position",
    "name",
    "code",
];
const POLICY_COLS: &[&str] = &[
    "name", "family", "version", "date", "rule", "title", "source",
];
const GO_COLS: &[&str] = &[
    "code",
    "go_constant",
    "go_name",
    "iana_registry_name",
    "tls_versions",
    "status_go1_21",
    "status_go1_22_to_1_24",
    "default_enabled_go1_24",
    "legacy_alias_constants",
];
const NIST_COLS: &[&str] = &[
    "code",
    "iana_name",
    "tls_version",
    "cert_type",
    "requirement",
    "section",
];
const BSI_COLS: &[&str] = &[
    "code",
    "iana_name",
    "tls_version",
    "use_until",
    "note",
    "edition",
];
const HTTP2_COLS: &[&str] = &["code", "iana_name"];
const KEX_COLS: &[&str] = &[
    "code",
    "iana_name",
    "category",
    "tls12_requirement",
    "iana_recommended_requested",
    "iana_recommended_in_iana_csv",
    "draft",
];

fn mozilla_protocols(s: &str) -> Result<Protocols, String> {
    let mut p = Protocols::EMPTY;
    for v in s.split('|') {
        let proto: Protocol = match v {
            "TLSv1" => Protocol::Tls10,
            other => other.parse().map_err(|e| format!("{e}"))?,
        };
        p = p.with(proto);
    }
    Ok(p)
}

/// Loads and checks every policy file.
pub fn load(data: &Path, kb: &Kb, meta: &Meta) -> Result<Policies, Vec<String>> {
    let mut errors = Vec::new();
    let mut defs = Vec::new();

    // Mozilla: one configuration per (version, configuration), lists in published order.
    let versions_t = Table::load(data, "policies/mozilla-versions.csv", MOZILLA_VERSIONS)?;
    let mut dates: BTreeMap<String, String> = BTreeMap::new();
    for row in versions_t.rows() {
        dates.insert(row.get("version").to_string(), row.get("date").to_string());
    }
    let moz_t = Table::load(data, "policies/mozilla.csv", MOZILLA_COLS)?;
    let mut mozilla: Vec<Mozilla> = Vec::new();
    for row in moz_t.rows() {
        let version = row.get("guideline_version");
        let config = row.get("configuration");
        if !["modern", "intermediate", "old"].contains(&config) {
            errors.push(format!("{}: unknown configuration {config:?}", row.at()));
            continue;
        }
        let Some(date) = dates.get(version) else {
            errors.push(format!(
                "{}: version {version} is not in data/policies/mozilla-versions.csv",
                row.at()
            ));
            continue;
        };
        let protocols = match mozilla_protocols(row.get("tls_versions")) {
            Ok(p) => p,
            Err(e) => {
                errors.push(format!("{}: column tls_versions: {e}", row.at()));
                continue;
            }
        };
        let Some(code) = check::suite_code(kb, &row, "name", &mut errors) else {
            continue;
        };
        let pos = mozilla
            .iter()
            .position(|m| m.version == version && m.config == config)
            .unwrap_or_else(|| {
                mozilla.push(Mozilla {
                    version: version.to_string(),
                    config: config.to_string(),
                    date: date.clone(),
                    protocols,
                    tls12: Vec::new(),
                    iana_order: Vec::new(),
                    tls13: Vec::new(),
                });
                mozilla.len() - 1
            });
        let m = &mut mozilla[pos];
        if m.protocols != protocols {
            errors.push(format!(
                "{}: tls_versions differ within {version} {config}",
                row.at()
            ));
        }
        let list = match row.get("list") {
            "openssl_ciphers" => &mut m.tls12,
            "iana_ciphers" => &mut m.iana_order,
            "tls13_ciphersuites" => &mut m.tls13,
            other => {
                errors.push(format!("{}: unknown list {other:?}", row.at()));
                continue;
            }
        };
        let expected = list.len() + 1;
        list.push(code);
        match row.get("position").parse::<usize>() {
            Ok(p) if p == expected => {}
            _ => errors.push(format!(
                "{}: position {:?} should be {expected} (rows must be in published order)",
                row.at(),
                row.get("position")
            )),
        }
    }
    for m in &mozilla {
        if !m.iana_order.is_empty() {
            let a: BTreeSet<_> = m.tls12.iter().collect();
            let b: BTreeSet<_> = m.iana_order.iter().collect();
            if a != b {
                errors.push(format!(
                    "data/policies/mozilla.csv: {} {}: openssl_ciphers and iana_ciphers hold different suites",
                    m.version, m.config
                ));
            }
        }
    }
    // Mozilla policies: by configuration, then by version (oldest first).
    for config in ["modern", "intermediate", "old"] {
        for (i, m) in mozilla.iter().enumerate() {
            if m.config == config {
                defs.push(Def {
                    name: format!("mozilla-{config}-{}", m.version),
                    family: format!("mozilla-{config}"),
                    version: m.version.clone(),
                    date: m.date.clone(),
                    rule: format!("mozilla:{i}"),
                    title: format!(
                        "Mozilla Server Side TLS {} configuration, guideline version {}",
                        config, m.version
                    ),
                    source: format!("data/policies/mozilla.csv ({})", meta.get("mozilla_source")),
                });
            }
        }
    }

    let policies_t = Table::load(data, "policies/policies.csv", POLICY_COLS)?;
    let mut other_defs = Vec::new();
    // `bsi:EDITION` rules and where they are; each edition must have rows.
    let mut bsi_rules: Vec<(String, String)> = Vec::new();
    let go_releases = [meta.get("go_older"), meta.get("go_newer")];
    for row in policies_t.rows() {
        let rule = row.get("rule");
        let bsi_edition = rule.strip_prefix("bsi:").filter(|e| !e.is_empty());
        if let Some(e) = bsi_edition {
            bsi_rules.push((row.at(), e.to_string()));
        }
        let ok = matches!(rule, "iana" | "iana-rfc10015" | "nist" | "http2")
            || bsi_edition.is_some()
            || ["go-secure:", "go-insecure:", "go-default:"]
                .iter()
                .any(|p| {
                    rule.strip_prefix(p)
                        .is_some_and(|v| go_releases.contains(&v))
                });
        if !ok {
            errors.push(format!(
                "{}: unknown rule {rule:?} (expected iana, iana-rfc10015, nist, http2, bsi:EDITION, \
                 or go-secure:, go-insecure:, go-default: with a Go release of data/meta.csv: {})",
                row.at(),
                go_releases.join(", ")
            ));
        }
        let name = row.get("name");
        if name != format!("{}-{}", row.get("family"), row.get("version"))
            && name != row.get("family")
        {
            errors.push(format!(
                "{}: name {name:?} must be FAMILY-VERSION or FAMILY",
                row.at()
            ));
        }
        other_defs.push(Def {
            name: name.to_string(),
            family: row.get("family").to_string(),
            version: row.get("version").to_string(),
            date: row.get("date").to_string(),
            rule: rule.to_string(),
            title: row.get("title").to_string(),
            source: row.get("source").to_string(),
        });
    }
    // IANA first, then Mozilla, then the rest, as listed.
    let (iana, rest): (Vec<Def>, Vec<Def>) = other_defs
        .into_iter()
        .partition(|d| d.family == "iana-recommended");
    let mut all = iana;
    all.append(&mut defs);
    all.extend(rest);
    let mut seen = BTreeSet::new();
    for d in &all {
        if !seen.insert(d.name.clone()) {
            errors.push(format!(
                "data/policies/policies.csv: duplicate policy name {}",
                d.name
            ));
        }
    }

    let go_t = Table::load(data, "policies/go.csv", GO_COLS)?;
    let mut go = Vec::new();
    for row in go_t.rows() {
        let Some(code) = check::suite_code(kb, &row, "iana_registry_name", &mut errors) else {
            continue;
        };
        if row.get("go_name").is_empty() {
            continue; // TLS_FALLBACK_SCSV: not a suite Go offers.
        }
        let status = |col: &str, errors: &mut Vec<String>| {
            let v = row.get(col);
            if v != "secure" && v != "insecure" {
                errors.push(format!(
                    "{}: column {col}: {v:?} is not secure or insecure",
                    row.at()
                ));
            }
            v.to_string()
        };
        let s21 = status("status_go1_21", &mut errors);
        let s24 = status("status_go1_22_to_1_24", &mut errors);
        let d = row.get("default_enabled_go1_24");
        let (default, note) = match d.split_once(' ') {
            Some((flag, rest)) => (flag, rest.trim_matches(|c| c == '(' || c == ')')),
            None => (d, ""),
        };
        if default != "Y" && default != "N" {
            errors.push(format!(
                "{}: column default_enabled_go1_24 must start with Y or N",
                row.at()
            ));
        }
        go.push((code, s21, s24, default == "Y", note.to_string()));
    }

    let nist_t = Table::load(data, "policies/nist-sp800-52r2.csv", NIST_COLS)?;
    let mut nist = Vec::new();
    for row in nist_t.rows() {
        if let Some(code) = check::suite_code(kb, &row, "iana_name", &mut errors) {
            nist.push((
                code,
                row.get("tls_version").replace('|', ", "),
                row.get("cert_type").to_string(),
                row.get("section").to_string(),
            ));
        }
    }

    let bsi_t = Table::load(data, "policies/bsi-tr-02102-2.csv", BSI_COLS)?;
    let mut bsi = Vec::new();
    for row in bsi_t.rows() {
        let Some(code) = check::suite_code(kb, &row, "iana_name", &mut errors) else {
            continue;
        };
        let until = row.get("use_until");
        let (year, plus) = match until.strip_suffix('+') {
            Some(y) => (y, true),
            None => (until, false),
        };
        let Ok(year) = year.parse::<u16>() else {
            errors.push(format!(
                "{}: column use_until: {until:?} is not YEAR or YEAR+",
                row.at()
            ));
            continue;
        };
        let edition = row.get("edition");
        if !bsi_rules.iter().any(|(_, e)| e == edition) {
            errors.push(format!(
                "{}: edition {edition:?} is named by no bsi:EDITION rule in data/policies/policies.csv",
                row.at()
            ));
        }
        bsi.push((
            code,
            edition.to_string(),
            row.get("tls_version").to_string(),
            year,
            plus,
            row.get("note").to_string(),
        ));
    }

    for (at, e) in &bsi_rules {
        if !bsi.iter().any(|b| &b.1 == e) {
            errors.push(format!(
                "{at}: rule bsi:{e} has no rows in data/policies/bsi-tr-02102-2.csv"
            ));
        }
    }

    let http2_t = Table::load(data, "policies/http2-blocklist.csv", HTTP2_COLS)?;
    let mut http2 = Vec::new();
    for row in http2_t.rows() {
        if let Some(code) = check::suite_code(kb, &row, "iana_name", &mut errors) {
            http2.push(code);
        }
    }

    let kex_t = Table::load(data, "policies/obsolete-kex-deprecations.csv", KEX_COLS)?;
    let mut kex = Vec::new();
    for row in kex_t.rows() {
        if let Some(code) = check::suite_code(kb, &row, "iana_name", &mut errors) {
            let req = row.get("tls12_requirement");
            if req != "MUST NOT" && req != "SHOULD NOT" {
                errors.push(format!("{}: unknown requirement {req:?}", row.at()));
            }
            kex.push((code, row.get("category").to_string(), req.to_string()));
        }
    }

    if errors.is_empty() {
        Ok(Policies {
            defs: all,
            mozilla,
            go,
            nist,
            bsi,
            http2,
            kex,
            go_newer: meta.get("go_newer").to_string(),
        })
    } else {
        Err(errors)
    }
}

fn codes(list: &[u32]) -> String {
    let v: Vec<String> = list.iter().map(|c| format!("0x{c:04X}")).collect();
    format!("&[{}]", v.join(", "))
}

/// Emits the policy tables (see `src/policy.rs` for the types).
pub fn emit(p: &Policies) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "/// Every Mozilla configuration, in file order.");
    let _ = writeln!(
        o,
        "pub(crate) static MOZILLA: [MozillaConfig; {}] = [",
        p.mozilla.len()
    );
    for m in &p.mozilla {
        let level = match m.config.as_str() {
            "modern" => "Modern",
            "intermediate" => "Intermediate",
            _ => "Old",
        };
        let _ = writeln!(
            o,
            "    MozillaConfig {{ version: {}, level: MozillaLevel::{level}, date: {}, protocols: Protocols::from_bits(0b{:b}), tls12: {}, iana_order: {}, tls13: {} }},",
            lit(&m.version),
            lit(&m.date),
            m.protocols.bits(),
            codes(&m.tls12),
            codes(&m.iana_order),
            codes(&m.tls13)
        );
    }
    let _ = writeln!(o, "];\n");

    let _ = writeln!(o, "/// Every policy, in `Policy::all()` order.");
    let _ = writeln!(
        o,
        "pub(crate) static POLICIES: [Policy; {}] = [",
        p.defs.len()
    );
    for d in &p.defs {
        let rule = if let Some(i) = d.rule.strip_prefix("mozilla:") {
            format!("Rule::Mozilla({i})")
        } else if let Some(e) = d.rule.strip_prefix("bsi:") {
            format!("Rule::Bsi({})", lit(e))
        } else if let Some((list, v)) = d.rule.split_once(':') {
            let list = match list {
                "go-secure" => "GoList::Secure",
                "go-insecure" => "GoList::Implemented",
                _ => "GoList::Default",
            };
            format!("Rule::Go({list}, {})", v == p.go_newer)
        } else {
            match d.rule.as_str() {
                "iana" => "Rule::Iana(false)".to_string(),
                "iana-rfc10015" => "Rule::Iana(true)".to_string(),
                "nist" => "Rule::Nist".to_string(),
                _ => "Rule::Http2".to_string(),
            }
        };
        let _ = writeln!(
            o,
            "    Policy(PolicyDef {{ name: {}, family: {}, version: {}, date: {}, rule: {rule}, title: {}, source: {} }}),",
            lit(&d.name),
            lit(&d.family),
            lit(&d.version),
            lit(&d.date),
            lit(&d.title),
            lit(&d.source)
        );
    }
    let _ = writeln!(o, "];\n");

    let mut go = p.go.clone();
    go.sort_by_key(|g| g.0);
    let _ = writeln!(o, "/// Go's suites, sorted by code.");
    let _ = writeln!(o, "pub(crate) static GO: [GoSuite; {}] = [", go.len());
    for (c, a, b, d, n) in &go {
        let _ = writeln!(
            o,
            "    GoSuite {{ code: 0x{c:04X}, secure_older: {}, secure_newer: {}, default_newest: {d}, why_not_default: {} }},",
            a == "secure",
            b == "secure",
            lit(n)
        );
    }
    let _ = writeln!(o, "];\n");

    let _ = writeln!(o, "/// NIST SP 800-52r2 suites in the document's order.");
    let _ = writeln!(
        o,
        "pub(crate) static NIST: [NistSuite; {}] = [",
        p.nist.len()
    );
    for (c, v, cert, sec) in &p.nist {
        let _ = writeln!(
            o,
            "    NistSuite {{ code: 0x{c:04X}, tls: {}, cert: {}, section: {} }},",
            lit(v),
            lit(cert),
            lit(sec)
        );
    }
    let _ = writeln!(o, "];\n");

    let _ = writeln!(o, "/// BSI TR-02102-2 rows, every edition.");
    let _ = writeln!(o, "pub(crate) static BSI: [BsiSuite; {}] = [", p.bsi.len());
    for (c, e, v, y, plus, n) in &p.bsi {
        let _ = writeln!(
            o,
            "    BsiSuite {{ code: 0x{c:04X}, edition: {}, tls: {}, until: {y}, may_extend: {plus}, note: {} }},",
            lit(e),
            lit(v),
            lit(n)
        );
    }
    let _ = writeln!(o, "];\n");

    let _ = writeln!(o, "/// The HTTP/2 block list in the RFC's order.");
    let _ = writeln!(
        o,
        "pub(crate) static HTTP2_BLOCKLIST: [u32; {}] = {};",
        p.http2.len(),
        codes(&p.http2).trim_start_matches('&')
    );
    let mut sorted = p.http2.clone();
    sorted.sort_unstable();
    let _ = writeln!(o, "/// The HTTP/2 block list, sorted for binary search.");
    let _ = writeln!(
        o,
        "pub(crate) static HTTP2_SORTED: [u32; {}] = {};\n",
        sorted.len(),
        codes(&sorted).trim_start_matches('&')
    );

    let mut kex = p.kex.clone();
    kex.sort_by_key(|k| k.0);
    let _ = writeln!(
        o,
        "/// draft-ietf-tls-deprecate-obsolete-kex-07 (RFC 10015), sorted by code."
    );
    let _ = writeln!(
        o,
        "pub(crate) static KEX_DEPRECATED: [KexDeprecation; {}] = [",
        kex.len()
    );
    for (c, cat, req) in &kex {
        let _ = writeln!(
            o,
            "    KexDeprecation {{ code: 0x{c:04X}, category: {}, requirement: {} }},",
            lit(cat),
            lit(req)
        );
    }
    let _ = writeln!(o, "];");
    o
}
