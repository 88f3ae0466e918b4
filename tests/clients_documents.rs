//! The documented entries of the client catalogue against their documents,
//! each read here by its own small reader:
//!
//! - **Windows**: the SChannel tables (`data/schannel/*.csv`, Microsoft's
//!   documented default order) and real Windows ClientHellos published by SSL
//!   Labs and kept by testssl.sh (`tests/fixtures/testssl-clients/`, GPL: a
//!   test oracle only). Every entry is its table's enabled order less the
//!   suites a patch level or an application stack leaves out, and each such
//!   difference is named below with its reason; the published hellos match
//!   the entries exactly (at the hello's highest version), except where noted.
//! - **Windows groups**: the curves pages (`data/schannel/supported-groups.csv`).
//! - **Java 8 and 11**: OpenJDK's `CipherSuite.java` order with
//!   `jdk.tls.disabledAlgorithms` applied (`tests/fixtures/openjdk/`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use cipherdex::clients::{self, Basis, Client};
use cipherdex::Protocol;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    let p = root().join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn client(id: &str) -> &'static Client {
    clients::find(id).unwrap_or_else(|| panic!("{id} is not in the catalogue"))
}

fn codes(c: &Client) -> Vec<u32> {
    c.suites().iter().map(|s| s.code()).collect()
}

// ---------------------------------------------------------------------------------------------
// Windows: the SChannel tables.

/// One table's default client order: enabled rows by priority, without the
/// rows used only on explicit request and the SSL 2.0 kinds, each code once.
fn table_order(table: &str) -> Vec<u32> {
    let text = read(&format!("data/schannel/{table}.csv"));
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let mut rows: Vec<(u32, u32)> = Vec::new();
    for rec in r.deserialize::<BTreeMap<String, String>>() {
        let rec = rec.expect("schannel row");
        let (Ok(priority), "yes") = (
            rec["priority"].trim().parse::<u32>(),
            rec["enabled_by_default"].trim(),
        ) else {
            continue;
        };
        if rec["notes"].contains("explicitly requests") || rec["protocols"].trim() == "SSL 2.0" {
            continue;
        }
        let suite = cipherdex::lookup(rec["name"].trim())
            .unwrap_or_else(|| panic!("{table}: {} is no suite", rec["name"]));
        rows.push((priority, suite.code()));
    }
    rows.sort_unstable();
    let mut out = Vec::new();
    for (_, c) in rows {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

const DHE_RSA_CBC: &[u32] = &[0x0039, 0x0033];
const DHE_RSA_GCM: &[u32] = &[0x009F, 0x009E];
const RC4: &[u32] = &[0x0005, 0x0004];
const NULL: &[u32] = &[0x0001, 0x0002];
const RSA_3DES: &[u32] = &[0x000A];

/// Every Windows entry: its table, the versions it enables, and the suites it
/// leaves out of the table's order, with the reason.
/// (entry id, table, versions, suite groups left out, why).
type WindowsRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static [u32]],
    &'static str,
);

const WINDOWS: &[WindowsRow] = &[
    (
        "windows-xp",
        "windows-xp",
        "SSL3-1.0",
        &[NULL],
        "NULL suites are not offered",
    ),
    (
        "windows-vista",
        "windows-vista",
        "SSL3-1.0",
        &[NULL],
        "NULL suites are not offered",
    ),
    (
        "windows-7",
        "windows-7",
        "SSL3-1.0",
        &[DHE_RSA_CBC],
        "before KB3042058",
    ),
    (
        "windows-7-updated",
        "windows-7",
        "SSL3-1.2",
        &[],
        "KB3042058, TLS 1.1/1.2 turned on",
    ),
    (
        "windows-7-ie11",
        "windows-7",
        "1.0-1.2",
        &[DHE_RSA_CBC, RC4],
        "IE 11: no RC4; before KB3042058",
    ),
    (
        "windows-8",
        "windows-8",
        "SSL3-1.2",
        &[],
        "the table as it is",
    ),
    (
        "windows-8.1",
        "windows-8-1",
        "SSL3-1.2",
        &[],
        "the table as it is",
    ),
    (
        "windows-8.1-ie11",
        "windows-8-1",
        "1.0-1.2",
        &[RC4],
        "IE 11: no RC4",
    ),
    (
        "windows-10-1507",
        "windows-10-1507",
        "SSL3-1.2",
        &[],
        "the table as it is",
    ),
    (
        "windows-10-1511",
        "windows-10-1511",
        "SSL3-1.2",
        &[],
        "the table as it is",
    ),
    (
        "windows-10-1511-edge",
        "windows-10-1511",
        "1.0-1.2",
        &[RC4],
        "Edge/IE: no RC4",
    ),
    (
        "windows-10-1607",
        "windows-10-1607",
        "1.0-1.2",
        &[],
        "the table as it is",
    ),
    (
        "windows-10-1703",
        "windows-10-1703",
        "1.0-1.2",
        &[],
        "the table as it is",
    ),
    (
        "windows-10-1703-edge",
        "windows-10-1703",
        "1.0-1.2",
        &[DHE_RSA_GCM, RC4],
        "WinINet: no DHE, no RC4",
    ),
    (
        "windows-10-1709",
        "windows-10-1709",
        "1.0-1.2",
        &[],
        "the table as it is",
    ),
    (
        "windows-10-1803",
        "windows-10-1803",
        "1.0-1.2",
        &[],
        "the table as it is",
    ),
    (
        "windows-10-1803-edge",
        "windows-10-1803",
        "1.0-1.2",
        &[DHE_RSA_GCM],
        "WinINet: no DHE",
    ),
    (
        "windows-10-1809",
        "windows-10-1809",
        "1.0-1.2",
        &[],
        "the table as it is",
    ),
    (
        "windows-10-1903",
        "windows-10-1903",
        "1.0-1.2",
        &[],
        "the table as it is",
    ),
    (
        "windows-10-20h2",
        "windows-10-20h2",
        "1.0-1.2",
        &[],
        "the table as it is",
    ),
    (
        "windows-10-22h2",
        "windows-10-22h2",
        "1.0-1.2",
        &[],
        "the table as it is",
    ),
    (
        "windows-11-21h2",
        "windows-11",
        "1.0-1.3",
        &[],
        "the table as it is",
    ),
    (
        "windows-11-21h2-dotnet",
        "windows-11",
        "1.0-1.3",
        &[RSA_3DES],
        ".NET strong crypto: no 3DES",
    ),
    (
        "windows-11-22h2",
        "windows-11-22h2",
        "1.0-1.3",
        &[],
        "the table as it is",
    ),
    (
        "windows-11-24h2",
        "windows-11-22h2",
        "1.0-1.3",
        &[],
        "the table as it is",
    ),
];

#[test]
fn windows_entries_are_their_tables_less_the_named_suites() {
    let mut problems = Vec::new();
    for (id, table, versions, minus, why) in WINDOWS {
        let c = client(id);
        let removed: Vec<u32> = minus.iter().flat_map(|m| m.iter().copied()).collect();
        let want: Vec<u32> = table_order(table)
            .into_iter()
            .filter(|x| !removed.contains(x))
            .collect();
        if codes(c) != want {
            problems.push(format!(
                "{id} ({why}): suites {:04X?}, the table less the named ones gives {want:04X?}",
                codes(c)
            ));
        }
        let v = cipherdex::negotiate::parse_versions(versions).expect("versions");
        if c.versions() != v {
            problems.push(format!("{id}: versions {} but {v} expected", c.versions()));
        }
        if c.software() != "Windows" || c.basis() != Basis::Documented {
            problems.push(format!("{id}: not a documented Windows entry"));
        }
    }
    let listed = clients::all()
        .iter()
        .filter(|c| c.software() == "Windows")
        .count();
    assert_eq!(
        listed,
        WINDOWS.len(),
        "a Windows entry is missing from this test"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn windows_client_versions_follow_the_protocols_page() {
    // The plain system entries enable what the protocols page says is on for
    // clients (XP has no row there; the variants change versions on purpose).
    let text = read("data/schannel/protocols.csv");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let mut on: BTreeMap<String, Vec<Protocol>> = BTreeMap::new();
    for rec in r.deserialize::<BTreeMap<String, String>>() {
        let rec = rec.expect("protocols row");
        if rec["client"] != "enabled" {
            continue;
        }
        let p: Protocol = rec["protocol"].parse().expect("protocol");
        for t in rec["tables"].split(';') {
            on.entry(t.trim().to_owned()).or_default().push(p);
        }
    }
    for (id, table, _, _, _) in WINDOWS {
        if id.contains("-ie")
            || id.contains("-edge")
            || id.contains("-dotnet")
            || *id == "windows-xp"
            || *id == "windows-7-updated"
        {
            continue;
        }
        let want = on
            .get(*table)
            .unwrap_or_else(|| panic!("{table} has no protocols row"));
        let mut got: Vec<Protocol> = client(id).versions().iter().collect();
        let mut want = want.clone();
        got.sort_by_key(|p| p.as_str());
        want.sort_by_key(|p| p.as_str());
        assert_eq!(got, want, "{id}");
    }
}

// ---------------------------------------------------------------------------------------------
// Windows: published ClientHellos (testssl.sh's client data, GPL, test oracle only).

/// The published clients by name: their fields.
fn testssl() -> BTreeMap<String, BTreeMap<String, String>> {
    let text = read("tests/fixtures/testssl-clients/clients.txt");
    let mut out = BTreeMap::new();
    for block in text.split("\n\n") {
        let fields: BTreeMap<String, String> = block
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        if let Some(name) = fields.get("name") {
            out.insert(name.clone(), fields);
        }
    }
    out
}

/// The cipher suites and supported groups of a ClientHello in hex (a TLS
/// record or the handshake message), read here without cipherdex's decoder.
fn hello_lists(hex: &str) -> (Vec<u32>, Vec<u16>) {
    let b: Vec<u8> = (0..hex.len() / 2)
        .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hex"))
        .collect();
    let b = if b[0] == 0x16 { &b[5..] } else { &b[..] };
    assert_eq!(b[0], 1, "not a ClientHello");
    let u16at = |p: usize| u16::from(b[p]) << 8 | u16::from(b[p + 1]);
    let mut p = 4 + 2 + 32;
    p += 1 + usize::from(b[p]);
    let n = usize::from(u16at(p));
    p += 2;
    let suites: Vec<u32> = (0..n / 2).map(|i| u32::from(u16at(p + 2 * i))).collect();
    p += n;
    p += 1 + usize::from(b[p]);
    let mut groups = Vec::new();
    if p + 2 <= b.len() {
        let end = p + 2 + usize::from(u16at(p));
        p += 2;
        while p + 4 <= end {
            let (kind, len) = (u16at(p), usize::from(u16at(p + 2)));
            if kind == 10 {
                let m = usize::from(u16at(p + 4));
                groups = (0..m / 2).map(|i| u16at(p + 6 + 2 * i)).collect();
            }
            p += 4 + len;
        }
    }
    (suites, groups)
}

/// The entry's suites that a client offering `max` as its highest version sends.
fn offered_up_to(c: &Client, max: Protocol) -> Vec<u32> {
    c.suites()
        .iter()
        .filter(|s| {
            [
                Protocol::Ssl3,
                Protocol::Tls10,
                Protocol::Tls11,
                Protocol::Tls12,
                Protocol::Tls13,
            ]
            .iter()
            .take_while(|v| **v != max)
            .chain(std::iter::once(&max))
            .any(|v| s.supports(*v))
        })
        .map(|s| s.code())
        .collect()
}

/// Published hello, entry, and the suites the hello lacks against the entry
/// (with the reason); an empty list means an exact match.
const PUBLISHED: &[(&str, &str, &[u32], &str)] = &[
    ("IE 7 Vista", "windows-vista", &[], "exact"),
    ("IE 8-10 Win 7", "windows-7", &[], "exact (TLS 1.0 suites)"),
    ("IE 11 Win 7", "windows-7-ie11", &[], "exact"),
    ("IE 11 Win 8.1", "windows-8.1-ie11", &[], "exact"),
    ("IE 11 Win 10", "windows-10-1511-edge", &[], "exact"),
    ("Edge 13 Win 10", "windows-10-1511-edge", &[], "exact"),
    ("Edge 15 Win 10", "windows-10-1703-edge", &[], "exact"),
    ("Edge 17 (Win 10)", "windows-10-1803-edge", &[], "exact"),
    // Captured from Windows 10 preview builds (June 2015, before 1507's
    // release): no DHE_RSA AES-CBC suites yet, and the browser leaves out RC4.
    (
        "Edge 12 Win 10",
        "windows-10-1507",
        &[0x0039, 0x0033, 0x0005, 0x0004],
        "preview build",
    ),
    (
        "IE 11 Win 10 Preview",
        "windows-10-1507",
        &[0x0039, 0x0033, 0x0005, 0x0004],
        "preview build",
    ),
];

#[test]
fn windows_entries_match_published_client_hellos() {
    let published = testssl();
    let mut problems = Vec::new();
    for (name, id, missing, why) in PUBLISHED {
        let fields = published
            .get(*name)
            .unwrap_or_else(|| panic!("{name} is not in the fixture"));
        let (suites, groups) = hello_lists(&fields["hello"]);
        let sent: Vec<u32> = suites.into_iter().filter(|c| *c != 0x00FF).collect();
        let c = client(id);
        let max = match fields["highest_protocol"].as_str() {
            "0x0301" => Protocol::Tls10,
            "0x0303" => Protocol::Tls12,
            "0x0304" => Protocol::Tls13,
            other => panic!("{name}: highest protocol {other}"),
        };
        let want: Vec<u32> = offered_up_to(c, max)
            .into_iter()
            .filter(|x| !missing.contains(x))
            .collect();
        if sent != want {
            problems.push(format!(
                "{name} vs {id} ({why}):\n  hello {sent:04X?}\n  entry {want:04X?}"
            ));
        }
        if c.versions().max_tls() != Some(max) {
            problems.push(format!(
                "{name} vs {id}: highest version {max:?}, entry {:?}",
                c.versions().max_tls()
            ));
        }
        // Where the entry states its groups (Windows 10 1607 and later), the hello has the same.
        if let Some(g) = c.groups() {
            let want: Vec<u16> = g.iter().map(|g| g.code()).collect();
            if groups != want {
                problems.push(format!(
                    "{name} vs {id}: groups {groups:04X?}, entry {want:04X?}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn windows_xp_order_is_a_known_disagreement() {
    // The XP table comes from a page Microsoft deleted in 2021; the published
    // IE 8 on XP hello has the same suites but sends the DHE_DSS ones last.
    let (suites, _) = hello_lists(&testssl()["IE 8 XP"]["hello"]);
    let sent: Vec<u32> = suites.into_iter().filter(|c| *c != 0x00FF).collect();
    let mut entry = codes(client("windows-xp"));
    assert_ne!(sent, entry, "the XP order now matches: drop this exception");
    let mut sorted = sent.clone();
    sorted.sort_unstable();
    entry.sort_unstable();
    assert_eq!(
        sorted, entry,
        "IE 8 on XP and the XP entry differ in more than order"
    );
    let dss_last: Vec<u32> = sent[sent.len() - 3..].to_vec();
    assert_eq!(dss_last, [0x0013, 0x0012, 0x0063]);
}

// ---------------------------------------------------------------------------------------------
// Java: OpenJDK's order with jdk.tls.disabledAlgorithms applied.

struct Jdk {
    disabled: Vec<String>,
    certpath: Vec<String>,
    protocols: Vec<String>,
    groups: Vec<String>,
    suites: Vec<(String, u32, bool)>,
}

fn jdk(file: &str) -> Jdk {
    let text = read(&format!("tests/fixtures/openjdk/{file}"));
    let mut j = Jdk {
        disabled: Vec::new(),
        certpath: Vec::new(),
        protocols: Vec::new(),
        groups: Vec::new(),
        suites: Vec::new(),
    };
    let list = |v: &str| {
        v.split(',')
            .map(|s| s.trim().to_owned())
            .collect::<Vec<_>>()
    };
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        match k {
            "jdk.tls.disabledAlgorithms" => j.disabled = list(v),
            "jdk.certpath.disabledAlgorithms" => j.certpath = list(v),
            "protocols" => j.protocols = v.split_whitespace().map(str::to_owned).collect(),
            "groups" => j.groups = v.split_whitespace().map(str::to_owned).collect(),
            "suite" => {
                let w: Vec<&str> = v.split_whitespace().collect();
                let code = u32::from_str_radix(w[1].trim_start_matches("0x"), 16).expect("code");
                j.suites.push((w[0].to_owned(), code, w[2] == "true"));
            }
            _ => {}
        }
    }
    j
}

/// Whether one `jdk.tls.disabledAlgorithms` entry disables the suite `name`.
fn disables(rule: &str, name: &str) -> bool {
    let parts: Vec<&str> = name.split('_').collect();
    match rule {
        r if r.ends_with('*') => name.starts_with(r.trim_end_matches('*')),
        "ECDH" => parts.get(1) == Some(&"ECDH"),
        "anon" | "NULL" | "RC4" | "DES" => parts.contains(&rule) || parts.contains(&"DES40"),
        "3DES_EDE_CBC" => name.contains("3DES_EDE_CBC"),
        _ => false,
    }
}

fn key_floor(rules: &[String], alg: &str) -> Option<u16> {
    rules.iter().find_map(|r| {
        r.strip_prefix(&format!("{alg} keySize < "))
            .and_then(|n| n.trim().parse().ok())
    })
}

fn check_java(id: &str, file: &str) {
    let j = jdk(file);
    let c = client(id);
    let want: Vec<u32> = j
        .suites
        .iter()
        .filter(|(name, _, on)| *on && !j.disabled.iter().any(|r| disables(r, name)))
        .map(|(_, code, _)| *code)
        .collect();
    assert_eq!(codes(c), want, "{id}: suites");
    let proto = |p: &str| match p {
        "TLS13" => (Protocol::Tls13, "TLSv1.3"),
        "TLS12" => (Protocol::Tls12, "TLSv1.2"),
        "TLS11" => (Protocol::Tls11, "TLSv1.1"),
        "TLS10" => (Protocol::Tls10, "TLSv1"),
        "SSL30" => (Protocol::Ssl3, "SSLv3"),
        other => panic!("protocol {other}"),
    };
    let mut versions: Vec<Protocol> = j
        .protocols
        .iter()
        .map(|p| proto(p))
        .filter(|(_, n)| !j.disabled.iter().any(|r| r == n))
        .map(|(p, _)| p)
        .collect();
    versions.sort_by_key(|p| p.as_str());
    let mut got: Vec<Protocol> = c.versions().iter().collect();
    got.sort_by_key(|p| p.as_str());
    assert_eq!(got, versions, "{id}: versions");
    assert_eq!(
        c.min_dh_bits(),
        key_floor(&j.disabled, "DH"),
        "{id}: DH floor"
    );
    assert_eq!(
        c.min_ec_bits(),
        key_floor(&j.disabled, "EC"),
        "{id}: EC floor"
    );
    assert_eq!(
        c.min_rsa_bits(),
        key_floor(&j.certpath, "RSA"),
        "{id}: RSA floor"
    );
    if !j.groups.is_empty() {
        let java_name = |g: &cipherdex::Group| g.iana_name().to_uppercase();
        let got: Vec<String> = c
            .groups()
            .map(|g| g.iter().map(|g| java_name(g)).collect())
            .unwrap_or_default();
        let want: Vec<String> = j
            .groups
            .iter()
            .map(|g| g.replace("_R1", "R1").replace("FFDHE_", "FFDHE"))
            .collect();
        assert_eq!(got, want, "{id}: groups");
    }
}

#[test]
fn java_8_follows_openjdk_8u() {
    check_java("java-8", "jdk8u-dev.txt");
}

#[test]
fn java_11_follows_openjdk_11u() {
    check_java("java-11", "jdk11u-jdk-11.0.31-ga.txt");
}

#[test]
fn java_21_follows_openjdk_21u_with_the_suite_enum_jdk_11_and_25_share() {
    // The java-21 row reads JDK 21's java.security and takes its suite order and
    // default flags from JDK 25's CipherSuite.java. That stands only while JDK
    // 11.0.31 and JDK 25 agree on them: the same enabled-by-default suites in the
    // same order (3DES apart, whose flag JDK 25 turned off and both disable by
    // property), so that JDK 21, between the two, has them too.
    let enabled = |j: &Jdk| -> Vec<u32> {
        j.suites
            .iter()
            .filter(|(name, _, on)| *on && !name.contains("3DES"))
            .map(|(_, code, _)| *code)
            .collect()
    };
    let (j11, j25) = (
        jdk("jdk11u-jdk-11.0.31-ga.txt"),
        jdk("jdk21u-dev-with-jdk25-enum.txt"),
    );
    assert!(enabled(&j11).len() > 30, "{:?}", enabled(&j11));
    assert_eq!(enabled(&j11), enabled(&j25));
    check_java("java-21", "jdk21u-dev-with-jdk25-enum.txt");
}

#[test]
fn the_disabled_algorithms_reader_can_fail() {
    assert!(disables("TLS_RSA_*", "TLS_RSA_WITH_AES_128_CBC_SHA"));
    assert!(!disables("TLS_RSA_*", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"));
    assert!(disables("ECDH", "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA"));
    assert!(!disables("ECDH", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"));
    assert!(!disables("DES", "SSL_RSA_WITH_3DES_EDE_CBC_SHA"));
    assert!(disables("DES", "SSL_RSA_WITH_DES_CBC_SHA"));
    // Java 11's rules on Java 8's list remove the static-RSA suites, so the
    // Java 8 entry would fail against them.
    let j11 = jdk("jdk11u-jdk-11.0.31-ga.txt");
    let j8 = jdk("jdk8u-dev.txt");
    let with_11_rules: Vec<u32> = j8
        .suites
        .iter()
        .filter(|(n, _, on)| *on && !j11.disabled.iter().any(|r| disables(r, n)))
        .map(|(_, c, _)| *c)
        .collect();
    assert_ne!(codes(client("java-8")), with_11_rules);
}

// ---------------------------------------------------------------------------------------------
// Android: the SSLSocket default-configuration tables, and Conscrypt's order.

/// Whether an API-level range of the table (`9+`, `9-22`, `9-TBD`, `-`) holds `api`.
fn in_range(range: &str, api: u32) -> bool {
    if range == "-" {
        return false;
    }
    if let Some(from) = range.strip_suffix('+') {
        return from.parse::<u32>().is_ok_and(|f| api >= f);
    }
    let Some((from, to)) = range.split_once('-') else {
        return range.parse::<u32>() == Ok(api);
    };
    let from: u32 = from.parse().expect("range start");
    // "TBD": the end was not decided when the table was written.
    api >= from && (to == "TBD" || to.parse::<u32>().is_ok_and(|t| api <= t))
}

struct AndroidTable {
    protocols: Vec<(String, String)>,
    suites: Vec<(String, String)>,
    /// Client orders, each with the API-level range its release covers.
    orders: Vec<(String, Vec<String>)>,
}

fn android_table() -> AndroidTable {
    let text = read("tests/fixtures/android/sslsocket.txt");
    let mut t = AndroidTable {
        protocols: Vec::new(),
        suites: Vec::new(),
        orders: Vec::new(),
    };
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let w: Vec<&str> = line.split_whitespace().collect();
        match w.first() {
            Some(&"protocol") => t.protocols.push((w[1].to_owned(), w[3].to_owned())),
            Some(&"suite") => t.suites.push((w[1].to_owned(), w[3].to_owned())),
            Some(&"order") => t.orders.push((
                w[1].to_owned(),
                w[2..].iter().map(|s| (*s).to_owned()).collect(),
            )),
            _ => {}
        }
    }
    t
}

fn check_android(id: &str, api: u32) {
    let t = android_table();
    // The order of the release that API level belongs to: exactly one.
    let orders: Vec<&Vec<String>> = t
        .orders
        .iter()
        .filter(|(r, _)| in_range(r, api))
        .map(|(_, o)| o)
        .collect();
    assert_eq!(orders.len(), 1, "{id}: one order for API {api}");
    let order = orders[0];
    let code = |n: &str| {
        cipherdex::lookup(n)
            .unwrap_or_else(|| panic!("{n} is no suite"))
            .code()
    };
    // PSK suites are on only with a PSKKeyManager (the table's note).
    let enabled: Vec<&str> = t
        .suites
        .iter()
        .filter(|(n, r)| in_range(r, api) && !n.contains("_PSK_"))
        .map(|(n, _)| n.as_str())
        .collect();
    let mut want: Vec<u32> = order
        .iter()
        .filter(|n| enabled.contains(&n.as_str()))
        .map(|n| code(n))
        .collect();
    // Everything enabled is in the order, except the SCSV, which goes last.
    for n in &enabled {
        if !order.iter().any(|o| o == n) {
            assert_eq!(
                *n, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV",
                "{id}: {n} has no place in the order"
            );
            want.push(code(n));
        }
    }
    assert_eq!(codes(client(id)), want, "{id}: suites at API {api}");
    let mut versions: Vec<Protocol> = t
        .protocols
        .iter()
        .filter(|(_, r)| in_range(r, api))
        .map(|(p, _)| p.parse().expect("protocol"))
        .collect();
    versions.sort_by_key(|p| p.as_str());
    let mut got: Vec<Protocol> = client(id).versions().iter().collect();
    got.sort_by_key(|p| p.as_str());
    assert_eq!(got, versions, "{id}: versions at API {api}");
}

#[test]
fn android_5_follows_the_sslsocket_table() {
    check_android("android-5.0", 21);
}

#[test]
fn android_6_follows_the_sslsocket_table() {
    check_android("android-6.0", 23);
    // The reader can fail: API 23 is not API 21.
    assert!(std::panic::catch_unwind(|| check_android("android-6.0", 21)).is_err());
}

#[test]
fn android_4_follows_the_sslsocket_table() {
    // One entry per release, API 16 to 19: the table enables the same suites and
    // client protocols at each, and each release's own order is the same list.
    for (id, api) in [
        ("android-4.1", 16),
        ("android-4.2", 17),
        ("android-4.3", 18),
        ("android-4.4", 19),
    ] {
        check_android(id, api);
    }
    // API 20 turns on TLS 1.1 and 1.2 and the GCM suites: not these entries.
    assert!(std::panic::catch_unwind(|| check_android("android-4.4", 21)).is_err());
}

#[test]
fn api_ranges_read_as_the_table_means_them() {
    assert!(in_range("9+", 24) && !in_range("9+", 8));
    assert!(in_range("9-22", 22) && !in_range("9-22", 23));
    assert!(in_range("20-TBD", 24) && !in_range("-", 21));
}

/// The curves a Windows curves page (`data/schannel/supported-groups.csv`)
/// turns on by default, in its priority order, as IANA names.
fn default_curves(page: &str) -> Vec<String> {
    let text = read("data/schannel/supported-groups.csv");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let mut on: Vec<(u32, String)> = Vec::new();
    for row in r.records() {
        let row = row.expect("a row");
        if !row[0].contains(page) || &row[4] != "yes" {
            continue;
        }
        let name = cipherdex::Group::lookup(&row[3])
            .unwrap_or_else(|| panic!("{} is not a known group", &row[3]))
            .iana_name()
            .to_owned();
        on.push((row[2].parse().expect("a priority"), name));
    }
    on.sort();
    on.into_iter().map(|(_, n)| n).collect()
}

#[test]
fn windows_groups_follow_the_curves_pages() {
    // Which page documents each entry's release; before Windows 10 no page
    // lists the curves (the curve is in the suite name), so none is stated.
    for c in clients::all().iter().filter(|c| c.software() == "Windows") {
        let id = c.id();
        let page = if id.starts_with("windows-10-1507") || id.starts_with("windows-10-1511") {
            Some("windows-10-1507-and-1511")
        } else if id.starts_with("windows-11-24h2") {
            Some("windows-11-24h2-and-later")
        } else if id.starts_with("windows-10-") || id.starts_with("windows-11-") {
            Some("windows-10-1607-and-later")
        } else {
            None
        };
        let got: Option<Vec<String>> = c
            .groups()
            .map(|g| g.iter().map(|g| g.iana_name().to_owned()).collect());
        match page {
            Some(p) => {
                let want = default_curves(p);
                assert!(!want.is_empty(), "{p}: no curve on by default");
                assert_eq!(got, Some(want), "{id}: groups against the {p} page");
            }
            // Windows XP has no ECC: its hello has no supported_groups (`none`).
            None if id == "windows-xp" => assert_eq!(got, Some(Vec::new()), "{id}"),
            None => assert_eq!(got, None, "{id}: no page states its groups"),
        }
    }
}

#[test]
fn windows_clients_report_a_group_in_simulate() {
    use cipherdex::negotiate::{parse_versions, Peer};
    use cipherdex::simulate::simulate;
    // An ECDHE server: every Windows client from 1507 on reports the group it gets.
    let mut server =
        Peer::from_names(["ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-GCM-SHA384"]).expect("suites");
    server.versions = parse_versions("1.0-1.2").expect("versions");
    let windows: Vec<&'static Client> = clients::all()
        .iter()
        .filter(|c| c.software() == "Windows" && c.groups().is_some_and(|g| !g.is_empty()))
        .collect();
    assert!(
        windows.len() >= 17,
        "{} Windows entries state groups",
        windows.len()
    );
    for o in simulate(&server, &windows) {
        let a = o
            .result
            .as_ref()
            .unwrap_or_else(|f| panic!("{}: {f}", o.client.id()));
        let g = a
            .group
            .unwrap_or_else(|| panic!("{}: no group reported", o.client.id()));
        assert!(
            o.client.groups().is_some_and(|l| l.contains(&g)),
            "{}: {} is not among its groups",
            o.client.id(),
            g.iana_name()
        );
    }
}
