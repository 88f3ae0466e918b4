//! Policy membership, row by row, against the source tables copied into
//! `tests/fixtures/policies/` (read here with the csv crate, independently of
//! the build script that compiles `data/policies/`).

use std::collections::{BTreeMap, BTreeSet};

use cipherdex::policy::{self, MozillaLevel};
use cipherdex::{Policy, Suite};

type Row = BTreeMap<String, String>;
/// (version, configuration) -> list name -> (position, code).
type Lists = BTreeMap<(String, String), BTreeMap<String, Vec<(usize, u32)>>>;

fn fixture(name: &str) -> Vec<Row> {
    let path = format!(
        "{}/tests/fixtures/policies/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut r = csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let headers = r.headers().expect("header").clone();
    r.records()
        .map(|rec| {
            let rec = rec.expect("row");
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.trim().to_string()))
                .collect()
        })
        .collect()
}

fn code(row: &Row) -> u32 {
    u32::from_str_radix(&row["code"], 16).expect("hex code")
}

fn policy(name: &str) -> &'static Policy {
    name.parse().unwrap_or_else(|e| panic!("{e}"))
}

/// Checks a policy's verdict on every known suite against the set `allowed`.
fn verdicts_match(p: &Policy, allowed: &BTreeSet<u32>) {
    let mut wrong = Vec::new();
    for s in Suite::all().iter().filter(|s| !s.is_signalling()) {
        let v = p.verdict(s);
        if v.allowed != allowed.contains(&s.code()) {
            wrong.push(format!("{} {} {:?}", s.code_hex(), v.allowed, v.reasons));
        }
        assert!(!v.reasons.is_empty(), "{} {}: no reason", p, s.code_hex());
    }
    assert!(wrong.is_empty(), "{p}: {}", wrong.join("\n"));
}

fn codes<'a>(it: impl Iterator<Item = &'a Suite>) -> Vec<u32> {
    it.map(Suite::code).collect()
}

#[test]
fn every_mozilla_list_of_every_version() {
    let rows = fixture("mozilla.csv");
    // (version, configuration) -> list name -> codes in position order
    let mut lists: Lists = BTreeMap::new();
    let mut protocols: BTreeMap<(String, String), String> = BTreeMap::new();
    for r in &rows {
        let key = (r["guideline_version"].clone(), r["configuration"].clone());
        // The name column must name the code too.
        let by_name = cipherdex::lookup(&r["name"]).expect("name known");
        assert_eq!(by_name.code(), code(r), "{r:?}");
        lists
            .entry(key.clone())
            .or_default()
            .entry(r["list"].clone())
            .or_default()
            .push((r["position"].parse().unwrap(), code(r)));
        protocols.insert(key, r["tls_versions"].clone());
    }
    assert_eq!(
        lists.len(),
        29,
        "10 versions x 3 configurations, 6.0 without old"
    );
    for ((version, config), by_list) in &lists {
        let level: MozillaLevel = config.parse().unwrap();
        let m = policy::mozilla(level, Some(version))
            .unwrap_or_else(|| panic!("no Mozilla {config} {version}"));
        let ordered = |name: &str| -> Vec<u32> {
            let mut v = by_list.get(name).cloned().unwrap_or_default();
            v.sort();
            v.into_iter().map(|(_, c)| c).collect()
        };
        assert_eq!(
            codes(m.tls12_suites()),
            ordered("openssl_ciphers"),
            "{config} {version}"
        );
        assert_eq!(
            codes(m.tls12_iana_order()),
            ordered("iana_ciphers"),
            "{config} {version}"
        );
        assert_eq!(
            codes(m.tls13_suites()),
            ordered("tls13_ciphersuites"),
            "{config} {version}"
        );
        let want_protocols: Vec<String> = protocols[&(version.clone(), config.clone())]
            .split('|')
            .map(|v| v.replace("TLSv1", "TLS1"))
            .map(|v| if v == "TLS1" { "TLS1.0".to_string() } else { v })
            .collect();
        assert_eq!(
            m.protocols().to_string(),
            want_protocols.join(" "),
            "{config} {version}"
        );

        // The policy: allowed exactly when listed.
        let p = policy(&format!("mozilla-{config}-{version}"));
        let allowed: BTreeSet<u32> = by_list.values().flatten().map(|(_, c)| *c).collect();
        verdicts_match(p, &allowed);
        let mut in_order = ordered("tls13_ciphersuites");
        in_order.extend(ordered("openssl_ciphers"));
        assert_eq!(codes(p.suites().into_iter()), in_order);
    }
}

#[test]
fn mozilla_names_without_version_mean_the_newest() {
    assert_eq!(
        policy("mozilla-intermediate").name(),
        "mozilla-intermediate-6.0"
    );
    assert_eq!(policy("mozilla-modern").name(), "mozilla-modern-6.0");
    // 6.0 has no old configuration: the newest that has it is 5.8.
    assert_eq!(policy("mozilla-old").name(), "mozilla-old-5.8");
    assert_eq!(
        policy("mozilla-intermediate-5.7").date(),
        Some("2023-05-15")
    );
    let e = "mozilla-old-6.0".parse::<&Policy>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown policy \"mozilla-old-6.0\": mozilla-old has versions 5.0, 5.1, 5.2, 5.3, 5.4, 5.5, 5.6, 5.7, 5.8 (without a version: the newest, 5.8)"
    );
    assert_eq!(e.suggestions(), ["mozilla-old"]);
    // The disagreement from the issue: 0x009E is in intermediate 5.7, not in 6.0.
    let dhe = Suite::from_code(0x009E).unwrap();
    assert!(policy("mozilla-intermediate-5.7").verdict(dhe).allowed);
    let v = policy("mozilla-intermediate").verdict(dhe);
    assert!(!v.allowed);
    assert!(
        v.reasons
            .iter()
            .any(|r| r.to_string() == "last listed in Mozilla intermediate 5.7"),
        "{v:?}"
    );
}

#[test]
fn http2_block_list_row_by_row() {
    let rows = fixture("http2-blocklist.csv");
    let want: Vec<u32> = rows.iter().map(code).collect();
    assert_eq!(want.len(), 276);
    assert_eq!(codes(policy::http2_blocklist()), want);
    for r in &rows {
        let s = Suite::from_code(code(r)).unwrap();
        assert_eq!(s.canonical_name(), r["iana_name"]);
    }
    let blocked: BTreeSet<u32> = want.into_iter().collect();
    let allowed: BTreeSet<u32> = Suite::all()
        .iter()
        .map(Suite::code)
        .filter(|c| !blocked.contains(c))
        .collect();
    verdicts_match(policy("http2"), &allowed);
    assert_eq!(policy("http2").name(), "http2-rfc9113");
}

#[test]
fn nist_row_by_row() {
    let rows = fixture("nist-sp800-52r2.csv");
    let allowed: BTreeSet<u32> = rows.iter().map(code).collect();
    assert_eq!(allowed.len(), 70);
    let p = policy("nist-800-52r2");
    verdicts_match(p, &allowed);
    for r in &rows {
        let v = p.verdict(Suite::from_code(code(r)).unwrap());
        assert!(
            v.reasons[0].to_string().contains(&r["section"]),
            "{v:?} {r:?}"
        );
        assert!(
            v.reasons[0].to_string().contains(&r["cert_type"]),
            "{v:?} {r:?}"
        );
    }
    let chacha = cipherdex::lookup("ECDHE-RSA-CHACHA20-POLY1305").unwrap();
    assert!(p
        .verdict(chacha)
        .reasons
        .iter()
        .any(|r| r.to_string().contains("NIST-approved")));
}

#[test]
fn bsi_every_edition_row_by_row() {
    let rows = fixture("bsi-tr-02102-2.csv");
    let mut editions: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for r in &rows {
        editions
            .entry(r["edition"].clone())
            .or_default()
            .insert(code(r));
    }
    assert_eq!(
        editions.keys().collect::<Vec<_>>(),
        ["2024-01", "2025-01", "2026-01"]
    );
    for (edition, allowed) in &editions {
        let p = policy(&format!("bsi-tr-02102-2-{edition}"));
        verdicts_match(p, allowed);
    }
    for r in &rows {
        let p = policy(&format!("bsi-tr-02102-2-{}", r["edition"]));
        let v = p.verdict(Suite::from_code(code(r)).unwrap());
        let year = r["use_until"].trim_end_matches('+');
        assert!(
            v.reasons[0].to_string().contains(&format!("end of {year}")),
            "{v:?} {r:?}"
        );
        assert_eq!(
            v.reasons[0].to_string().contains("may extend"),
            r["use_until"].ends_with('+'),
            "{v:?}"
        );
    }
    assert_eq!(policy("bsi").name(), "bsi-tr-02102-2-2026-01");
    let gost = Suite::from_code(0xC103).unwrap();
    let v = policy("bsi").verdict(gost);
    assert!(
        !v.allowed
            && v.reasons
                .iter()
                .any(|r| r.to_string().contains("national cipher"))
    );
}

#[test]
fn go_row_by_row() {
    let rows: Vec<Row> = fixture("go.csv")
        .into_iter()
        .filter(|r| !r["go_name"].is_empty())
        .collect();
    let set = |f: &dyn Fn(&Row) -> bool| -> BTreeSet<u32> {
        rows.iter().filter(|r| f(r)).map(code).collect()
    };
    verdicts_match(
        policy("go-secure-1.21"),
        &set(&|r| r["status_go1_21"] == "secure"),
    );
    verdicts_match(
        policy("go-secure-1.24"),
        &set(&|r| r["status_go1_22_to_1_24"] == "secure"),
    );
    verdicts_match(
        policy("go-secure-1.22"),
        &set(&|r| r["status_go1_22_to_1_24"] == "secure"),
    );
    verdicts_match(policy("go-insecure-1.21"), &set(&|_| true));
    verdicts_match(policy("go-insecure"), &set(&|_| true));
    verdicts_match(
        policy("go-default"),
        &set(&|r| r["default_enabled_go1_24"].starts_with('Y')),
    );
    // Go 1.22 moved the RSA key exchange suites to InsecureCipherSuites().
    let rsa = cipherdex::lookup("AES128-GCM-SHA256").unwrap();
    assert!(policy("go-secure-1.21").verdict(rsa).allowed);
    assert!(!policy("go-secure").verdict(rsa).allowed);
}

#[test]
fn iana_recommended_row_by_row() {
    let rows: Vec<Row> = fixture("iana.csv")
        .into_iter()
        .filter(|r| r["entry_type"] == "assigned")
        .collect();
    let y: BTreeSet<u32> = rows
        .iter()
        .filter(|r| r["recommended"] == "Y")
        .map(code)
        .collect();
    assert_eq!(y.len(), 24);
    verdicts_match(policy("iana-recommended-2026-01"), &y);

    // RFC 10015 asks IANA to mark every listed suite D.
    let deprecated: BTreeSet<u32> = fixture("obsolete-kex-deprecations.csv")
        .iter()
        .map(code)
        .collect();
    let newer: BTreeSet<u32> = y.difference(&deprecated).copied().collect();
    verdicts_match(policy("iana-recommended"), &newer);
    // The example: 0x009E is Y in the January 2026 registry, D after RFC 10015.
    let dhe = Suite::from_code(0x009E).unwrap();
    assert!(policy("iana-recommended-2026-01").verdict(dhe).allowed);
    let v = policy("iana").verdict(dhe);
    assert!(
        !v.allowed && v.reasons[0].to_string().starts_with("D:"),
        "{v:?}"
    );
}

#[test]
fn every_policy_has_a_date_and_parses_by_name() {
    for p in Policy::all() {
        assert!(!p.title().is_empty() && !p.source().is_empty());
        assert!(std::ptr::eq(policy(p.name()), p), "{}", p.name());
        assert!(p.date().is_some(), "{} has no date", p.name());
        let upper = p.name().to_uppercase().replace('-', "_");
        assert!(std::ptr::eq(policy(&upper), p));
    }
}

#[test]
fn unknown_policy_names_suggest_and_list() {
    let e = "mozila-intermediate-5.7".parse::<&Policy>().unwrap_err();
    assert_eq!(e.suggestions()[0], "mozilla-intermediate-5.7");
    let msg = e.to_string();
    assert!(
        msg.contains("unknown policy \"mozila-intermediate-5.7\""),
        "{msg}"
    );
    for family in [
        "iana-recommended",
        "mozilla-old",
        "go-default",
        "nist-800-52r2",
        "bsi-tr-02102-2",
        "http2",
    ] {
        assert!(msg.contains(family), "{msg}");
    }
    let e = "mozila".parse::<&Policy>().unwrap_err();
    assert_eq!(
        e.suggestions(),
        ["mozilla-old", "mozilla-modern", "mozilla-intermediate"]
    );
    assert!("".parse::<&Policy>().is_err());
    assert!("\u{0}\u{ffff}".parse::<&Policy>().is_err());
}

#[test]
fn signalling_values_are_outside_every_policy() {
    let scsv = Suite::from_code(0x00FF).unwrap();
    for p in Policy::all() {
        assert!(p.verdict(scsv).allowed, "{}", p.name());
        assert!(!p.suites().contains(&scsv));
    }
}

#[test]
fn audit_of_a_list() {
    let list: Vec<&'static Suite> = [
        "TLS_AES_128_GCM_SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "DES-CBC3-SHA",
    ]
    .iter()
    .map(|n| cipherdex::lookup(n).unwrap())
    .collect();
    let v = policy("mozilla-intermediate").audit(list.iter().copied());
    assert!(!v.allowed());
    assert_eq!(v.allowed_count(), 2);
    let denied: Vec<u32> = v.denied().map(|(s, _)| s.code()).collect();
    assert_eq!(denied, [0x000A]);
    assert!(policy("mozilla-old-5.0")
        .audit(list.iter().copied())
        .allowed());
}
