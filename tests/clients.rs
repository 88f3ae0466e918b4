//! The client catalogue (`data/clients/clients.csv`) against its evidence.
//!
//! Captured entries: every list the catalogue states (suites in order, groups,
//! key shares, signature schemes, versions) equals what cipherdex's decoder
//! reads from each of the entry's captures, and the entry *behaves* like the
//! client did: `negotiate` with the entry's peer against a server like the
//! recorded `openssl s_server` runs (the Debian default server, and the TLS
//! 1.1-only level-0 server, both with an ECDSA P-256 certificate) predicts
//! what `captures.csv` recorded (`default_server`, `tls1_1_server`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use cipherdex::cert::CertKey;
use cipherdex::clients::{self, Basis, Client};
use cipherdex::hello::{decode, decode_hex, ClientHello};
use cipherdex::negotiate::{negotiate, parse_versions, FailureKind, Peer, Preference};
use cipherdex::profile::{resolve, Role};
use cipherdex::{Group, Protocol, SignatureScheme};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `captures.csv` rows by capture stem: column -> value.
fn manifest() -> BTreeMap<String, BTreeMap<String, String>> {
    let path = root().join("data/clients/captures.csv");
    let mut r = csv::Reader::from_path(&path).expect("captures.csv opens");
    let headers: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    r.records()
        .map(|rec| {
            let rec = rec.expect("captures.csv row");
            let row: BTreeMap<String, String> = headers
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_owned))
                .collect();
            (row["capture"].clone(), row)
        })
        .collect()
}

fn hello(stem: &str) -> ClientHello {
    let path = root().join(format!("data/clients/captures/{stem}.hex"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{stem}: {e}"));
    let bytes = decode_hex(&text)
        .unwrap_or_else(|e| panic!("{stem}: {e}"))
        .bytes;
    decode(&bytes).unwrap_or_else(|e| panic!("{stem}: {e}"))
}

fn group_names(list: impl IntoIterator<Item = &'static Group>) -> Vec<&'static str> {
    list.into_iter().map(Group::iana_name).collect()
}

fn sigalg_names(list: impl IntoIterator<Item = &'static SignatureScheme>) -> Vec<&'static str> {
    list.into_iter().map(SignatureScheme::iana_name).collect()
}

/// Every difference between the catalogue entry and one capture of it.
fn differences(c: &Client, h: &ClientHello) -> Vec<String> {
    let mut out = Vec::new();
    let mut same = |what: &str, catalogue: Vec<&str>, capture: Vec<&str>| {
        if catalogue != capture {
            out.push(format!(
                "{}: {what} differ:\n  catalogue {catalogue:?}\n  capture   {capture:?}",
                c.id()
            ));
        }
    };
    let suites: Vec<&str> = c.suites().iter().map(|s| s.canonical_name()).collect();
    let captured: Vec<&str> = h.known_suites().map(|s| s.canonical_name()).collect();
    same("suites", suites, captured);
    let known_groups = |codes: &[u16]| {
        group_names(
            codes
                .iter()
                .filter_map(|c| Group::from_code(*c))
                .filter(|g| !g.is_grease()),
        )
    };
    same(
        "groups",
        c.groups()
            .map_or_else(Vec::new, |g| group_names(g.iter().copied())),
        known_groups(&h.supported_groups),
    );
    same(
        "key shares",
        c.key_shares()
            .map_or_else(Vec::new, |g| group_names(g.iter().copied())),
        known_groups(&h.key_shares),
    );
    same(
        "signature schemes",
        c.sigalgs()
            .map_or_else(Vec::new, |s| sigalg_names(s.iter().copied())),
        sigalg_names(
            h.signature_algorithms
                .iter()
                .filter_map(|c| SignatureScheme::from_code(*c))
                .filter(|s| !s.is_grease()),
        ),
    );
    // supported_versions lists every version; a hello without it states
    // only its highest one.
    let from_hello = Peer::from_hello(h).versions;
    if h.supported_versions.is_empty() {
        if from_hello.max_tls() != c.versions().max_tls() {
            out.push(format!(
                "{}: highest version {:?} but the capture's is {:?}",
                c.id(),
                c.versions().max_tls(),
                from_hello.max_tls()
            ));
        }
    } else if from_hello != c.versions() {
        out.push(format!(
            "{}: versions {} but the capture offers {}",
            c.id(),
            c.versions(),
            from_hello
        ));
    }
    out
}

#[test]
fn captured_entries_equal_their_captures() {
    let manifest = manifest();
    let mut problems = Vec::new();
    let mut checked = 0;
    for c in clients::all()
        .iter()
        .filter(|c| c.basis() == Basis::Captured)
    {
        assert!(!c.captures().is_empty(), "{}: no captures", c.id());
        for stem in c.captures() {
            match manifest.get(*stem) {
                Some(row) if row["id"] == c.id() => {}
                Some(row) => problems.push(format!(
                    "{}: capture {stem} belongs to {} in captures.csv",
                    c.id(),
                    row["id"]
                )),
                None => problems.push(format!("{}: capture {stem} is not in captures.csv", c.id())),
            }
            problems.extend(differences(c, &hello(stem)));
            checked += 1;
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked >= 15, "only {checked} captures checked");
}

#[test]
fn every_captured_client_is_in_the_catalogue() {
    let ids: Vec<String> = manifest().values().map(|r| r["id"].clone()).collect();
    let missing: Vec<&String> = ids
        .iter()
        .filter(|id| clients::find(id).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "captures.csv ids without a catalogue entry: {missing:?}"
    );
    assert!(
        clients::all()
            .iter()
            .filter(|c| c.basis() == Basis::Captured)
            .count()
            >= 13
    );
}

#[test]
fn a_wrong_entry_is_reported() {
    // The comparison can fail: Java's lists against the OpenSSL capture.
    let java = clients::find("java-17").expect("java-17");
    let d = differences(java, &hello("openssl-3.0-debian12"));
    assert!(d.iter().any(|d| d.contains("suites differ")), "{d:?}");
    assert!(d.iter().any(|d| d.contains("key shares differ")), "{d:?}");
    assert!(d.iter().any(|d| d.contains("versions")), "{d:?}");
}

/// A server like the recorded `openssl s_server` runs: Debian OpenSSL 3.0's
/// defaults (client preference), an ECDSA P-256 certificate, `cipher` as its
/// cipher string (with the level) and `versions`.
fn s_server(cipher: &str, versions: &str) -> Peer {
    let mut p = resolve(&format!("openssl:{cipher}"), Role::Server)
        .expect("profile")
        .expect("an openssl: profile")
        .peer;
    p.certs = vec!["ecdsa-p256".parse::<CertKey>().expect("cert")];
    p.preference = Preference::Client;
    p.versions = parse_versions(versions).expect("versions");
    p
}

/// What the recorded run says, as (connected?, version, suite IANA name or
/// failure kind).
fn recorded(text: &str) -> (bool, String, String) {
    if let Some(rest) = text.strip_prefix("connects to a TLS 1.1-only server: ") {
        let mut w = rest.split_whitespace();
        let v = w.next().unwrap_or_default().replace('v', "");
        let s = w.next().unwrap_or_default();
        let name = cipherdex::lookup(s).map_or(s.to_owned(), |s| s.canonical_name().to_owned());
        return (true, v, name);
    }
    if text.starts_with("TLSv") {
        let mut w = text.split_whitespace();
        let v = w.next().unwrap_or_default().replace('v', "");
        return (true, v, w.next().unwrap_or_default().to_owned());
    }
    let kind = if text.contains("does not offer TLS 1.1") {
        FailureKind::NoCommonVersion
    } else if text.contains("security level") {
        FailureKind::SecurityLevel
    } else {
        panic!("cannot read the recorded outcome {text:?}")
    };
    (false, String::new(), kind.as_str().to_owned())
}

#[test]
fn captured_entries_behave_like_their_clients() {
    let manifest = manifest();
    let default = s_server("DEFAULT:@SECLEVEL=2", "1.0-1.3");
    let tls11 = s_server("DEFAULT:@SECLEVEL=0", "1.1");
    let mut problems = Vec::new();
    let mut runs = 0;
    for c in clients::all()
        .iter()
        .filter(|c| c.basis() == Basis::Captured)
    {
        let row = &manifest[c.captures()[0]];
        let peer = c.peer();
        for (server, column) in [(&default, "default_server"), (&tls11, "tls1_1_server")] {
            let want = recorded(&row[column]);
            let n = negotiate(&peer, server);
            let got = match &n.outcome {
                Ok(a) => (
                    true,
                    a.version.as_str().to_owned(),
                    a.suite.canonical_name().to_owned(),
                ),
                Err(f) => (false, String::new(), f.kind.as_str().to_owned()),
            };
            if got != want {
                problems.push(format!(
                    "{} against the {column}: predicted {got:?}, recorded {want:?} ({})",
                    c.id(),
                    row[column]
                ));
            }
            runs += 1;
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(runs >= 26, "{runs}");
}

#[test]
fn refusing_old_versions_is_behaviour_not_only_an_offer() {
    // Python upstream, requests, Node, Java and Go refuse TLS < 1.2.
    for id in [
        "python-3.11-openssl-3.0",
        "python-requests-2.34",
        "node-20",
        "java-17",
        "go-1.19",
    ] {
        let c = clients::find(id).expect(id);
        assert_eq!(c.versions().min_tls(), Some(Protocol::Tls12), "{id}");
    }
    // Debian's OpenSSL 3.0 clients run at security level 2.
    for id in [
        "openssl-3.0-debian12",
        "curl-7.88-debian12",
        "python-3.11-debian12",
    ] {
        let c = clients::find(id).expect(id);
        assert_eq!(c.security_level().map(|l| l.level()), Some(2), "{id}");
    }
}

/// A TLS 1.2 server with one suite and one certificate.
fn floor_server(suite: &str, cert: &str) -> Peer {
    let mut p = Peer::from_names([suite]).expect("known suite");
    p.versions = parse_versions("1.2").expect("versions");
    p.certs = vec![cert.parse().expect("certificate type")];
    p
}

#[test]
fn key_floors_refuse_server_keys_below_them() {
    use cipherdex::negotiate::{Diagnosis, FloorKind};
    let java = clients::find("java-17").expect("java-17").peer();
    assert_eq!(
        (java.key_floors.rsa, java.key_floors.dh, java.key_floors.ec),
        (Some(1024), Some(1024), Some(224))
    );
    // DHE parameters below the DH floor (OpenSSL cannot serve them, so no
    // real server in tests/simulate_clients.rs does): refused, after the
    // server chose the suite; at the floor they pass.
    let mut dhe = floor_server("DHE-RSA-AES128-GCM-SHA256", "rsa:2048");
    dhe.dh_bits = Some(768);
    let f = negotiate(&java, &dhe).outcome.unwrap_err();
    assert_eq!(f.kind, FailureKind::KeyTooSmall);
    assert!(
        matches!(
            f.diagnosis[0],
            Diagnosis::KeyBelowFloor {
                kind: FloorKind::Dh,
                bits: 768,
                floor: 1024,
                ..
            }
        ),
        "{f}"
    );
    let text = f.diagnosis[0].to_string();
    assert!(
        text.contains("768-bit") && text.contains("Java 17") && text.contains("-dhparam"),
        "{text}"
    );
    dhe.dh_bits = Some(1024);
    assert!(negotiate(&java, &dhe).is_ok());
    // Automatic parameters follow the key: a 1024-bit RSA key gets 1024-bit DH.
    dhe.dh_bits = None;
    dhe.certs = vec!["rsa:1024".parse().expect("rsa:1024")];
    assert!(negotiate(&java, &dhe).is_ok());
    // A small key on an ECDHE suite.
    let f = negotiate(
        &java,
        &floor_server("ECDHE-RSA-AES128-GCM-SHA256", "rsa:768"),
    )
    .outcome
    .unwrap_err();
    assert_eq!(f.kind, FailureKind::KeyTooSmall);
    // Windows 10 and later: RSA and DH 1024 (ClientMinKeyBitLength defaults);
    // Windows 7 states none, so the same server passes.
    let small = floor_server("ECDHE-RSA-AES128-SHA", "rsa:768");
    let win10 = clients::find("windows-10-1507").expect("windows-10-1507");
    assert_eq!(
        negotiate(&win10.peer(), &small).outcome.unwrap_err().kind,
        FailureKind::KeyTooSmall
    );
    let win7 = clients::find("windows-7-updated").expect("windows-7-updated");
    assert!(negotiate(&win7.peer(), &small).is_ok());
    // A key whose size is not stated is not refused.
    assert!(negotiate(&java, &floor_server("ECDHE-RSA-AES128-GCM-SHA256", "rsa")).is_ok());
}

#[test]
fn windows_key_floors_follow_the_registry_settings_page() {
    // "Added in Windows 10, version 1507": the releases from 1507 on state
    // RSA and DH ClientMinKeyBitLength 1024 when not configured; earlier
    // releases state nothing, and no release states an EC floor.
    for c in clients::all().iter().filter(|c| c.software() == "Windows") {
        let from_1507 = c.id().starts_with("windows-10-") || c.id().starts_with("windows-11");
        let want = if from_1507 {
            (Some(1024), Some(1024))
        } else {
            (None, None)
        };
        assert_eq!((c.min_rsa_bits(), c.min_dh_bits()), want, "{}", c.id());
        assert_eq!(c.min_ec_bits(), None, "{}", c.id());
        assert_eq!(
            c.source().contains("tls-registry-settings.md"),
            from_1507,
            "{}: the source names the page",
            c.id()
        );
    }
}

#[test]
fn an_empty_pattern_or_term_is_bad_input() {
    for pattern in ["", "  ", "java-*,", ",go-1.19", "java-*,,go-1.19"] {
        let e = clients::select(pattern).unwrap_err();
        assert!(e.is_empty_term(), "{pattern:?}");
        assert!(e.unmatched().is_empty());
        let text = e.to_string();
        assert!(
            text.contains("empty") && text.contains("windows-*"),
            "{text}"
        );
    }
    assert_eq!(clients::select("*").unwrap().len(), clients::all().len());
    let e = clients::select("java-*,netscape-4").unwrap_err();
    assert!(!e.is_empty_term());
    assert_eq!(e.unmatched(), ["netscape-4"]);
}
