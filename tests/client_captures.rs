//! The recorded ClientHellos of real clients (`data/clients/captures.csv` and
//! `data/clients/captures/*.hex`): every capture the manifest names exists, decodes with
//! cipherdex's own decoder, and its decoded facts agree with the facts the manifest states.
//! The manifest's fact columns were written by a second, independent reader
//! (`scripts/capture-clienthello.py facts`), so a disagreement is a bug in one of the two.
//! The behaviour columns (`default_server`, `tls1_1_server`) must agree with the recorded
//! runs against `openssl s_server` (`captures/*.behaviour.txt`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use cipherdex::hello::{decode as decode_bytes, decode_hex, version_name, ClientHello};

/// Columns every row must fill.
const REQUIRED: [&str; 8] = [
    "capture",
    "id",
    "software",
    "version",
    "package",
    "package_version",
    "captured",
    "command",
];

/// Columns whose value is a fact read from the capture.
const FACTS: [&str; 9] = [
    "bytes",
    "max_version",
    "min_version",
    "suites",
    "grease",
    "groups",
    "key_shares",
    "sigalgs",
    "extensions",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    let p = root().join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// One manifest row: its line number and its cells by column name.
struct Row {
    line: usize,
    cells: BTreeMap<String, String>,
}

impl Row {
    fn get(&self, column: &str) -> &str {
        self.cells.get(column).map(String::as_str).unwrap_or("")
    }
}

fn manifest(text: &str) -> Vec<Row> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = r
        .headers()
        .expect("captures.csv has a header row")
        .iter()
        .map(str::to_owned)
        .collect();
    for c in REQUIRED
        .iter()
        .chain(FACTS.iter())
        .chain(["default_server", "tls1_1_server"].iter())
    {
        assert!(
            headers.iter().any(|h| h == c),
            "data/clients/captures.csv has no column {c:?}"
        );
    }
    r.records()
        .enumerate()
        .map(|(i, rec)| {
            let rec = rec.unwrap_or_else(|e| panic!("data/clients/captures.csv:{}: {e}", i + 2));
            Row {
                line: i + 2,
                cells: headers
                    .iter()
                    .cloned()
                    .zip(rec.iter().map(str::to_owned))
                    .collect(),
            }
        })
        .collect()
}

fn is_grease(v: u16) -> bool {
    v & 0x0F0F == 0x0A0A && v >> 8 == v & 0xFF
}

fn codes(list: impl IntoIterator<Item = u16>) -> String {
    list.into_iter()
        .map(|c| {
            if is_grease(c) {
                "GREASE".to_owned()
            } else {
                format!("0x{c:04X}")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn version(v: u16) -> String {
    version_name(v).map_or_else(|| format!("0x{v:04X}"), str::to_owned)
}

/// The manifest's fact columns, as cipherdex decodes the capture.
fn facts(bytes: &[u8], hello: &ClientHello) -> Result<BTreeMap<&'static str, String>, String> {
    let offered = hello.offered_versions();
    let (max, min) = (offered.iter().max(), offered.iter().min());
    let grease = hello
        .cipher_suites
        .iter()
        .any(|&c| u16::try_from(c).is_ok_and(is_grease))
        || hello.extensions.iter().any(|e| is_grease(e.kind));
    let suites: Vec<u16> = hello
        .cipher_suites
        .iter()
        .filter_map(|&c| u16::try_from(c).ok())
        .collect();
    if suites.len() != hello.cipher_suites.len() {
        return Err("an SSL 2.0 three-byte kind in a TLS capture".into());
    }
    Ok(BTreeMap::from([
        ("bytes", bytes.len().to_string()),
        ("max_version", max.map_or_else(String::new, |&v| version(v))),
        // Without supported_versions a hello states only its highest version.
        (
            "min_version",
            if hello.supported_versions.is_empty() {
                String::new()
            } else {
                min.map_or_else(String::new, |&v| version(v))
            },
        ),
        ("suites", suites.len().to_string()),
        ("grease", if grease { "yes" } else { "no" }.to_owned()),
        ("groups", codes(hello.supported_groups.iter().copied())),
        ("key_shares", codes(hello.key_shares.iter().copied())),
        ("sigalgs", hello.signature_algorithms.len().to_string()),
        ("extensions", hello.extensions.len().to_string()),
    ]))
}

/// Every problem with one row: a missing cell, a capture that is missing or does not
/// decode, or a fact that disagrees with the decoded capture.
fn check_row(row: &Row, hex: Option<&str>, behaviour: Option<&str>) -> Vec<String> {
    let at = format!("data/clients/captures.csv:{}", row.line);
    let mut problems = Vec::new();
    for c in REQUIRED {
        if row.get(c).trim().is_empty() {
            problems.push(format!("{at}: column {c} is empty"));
        }
    }
    let (capture, id) = (row.get("capture"), row.get("id"));
    if capture != id && !capture.starts_with(&format!("{id}.")) {
        problems.push(format!(
            "{at}: capture {capture:?} is neither the id {id:?} nor \"{id}.<variant>\""
        ));
    }
    if id != id.to_lowercase() || id.contains(' ') {
        problems.push(format!("{at}: id {id:?} is not lower case without spaces"));
    }
    let date = row.get("captured");
    let date_ok = date.len() == 10
        && date.char_indices().all(|(i, ch)| {
            if i == 4 || i == 7 {
                ch == '-'
            } else {
                ch.is_ascii_digit()
            }
        });
    if !date_ok {
        problems.push(format!("{at}: captured {date:?} is not a YYYY-MM-DD date"));
    }
    if !row.get("command").contains("{port}") {
        problems.push(format!(
            "{at}: the command names no {{port}} (the harness puts its port there)"
        ));
    }
    problems.extend(check_behaviour(&at, row, behaviour));
    let Some(hex) = hex else {
        problems.push(format!(
            "{at}: data/clients/captures/{capture}.hex does not exist"
        ));
        return problems;
    };
    let decoded = decode_hex(hex)
        .map_err(|e| e.to_string())
        .and_then(|h| {
            decode_bytes(&h.bytes)
                .map(|hello| (h.bytes, hello))
                .map_err(|e| e.to_string())
        })
        .and_then(|(bytes, hello)| facts(&bytes, &hello));
    match decoded {
        Err(e) => problems.push(format!("{at}: {capture}.hex does not decode: {e}")),
        Ok(facts) => {
            for (column, found) in facts {
                let stated = row.get(column);
                if stated != found {
                    problems.push(format!(
                        "{at}: {capture}: {column} is {stated:?} in the manifest, the capture decodes to {found:?}"
                    ));
                }
            }
        }
    }
    problems
}

/// The version and suite of a completed handshake in one block of a behaviour log
/// (`outcome: handshake completed: Protocol version: V; Ciphersuite: S; ...`), or
/// `no handshake`; `None` when the block has no outcome line.
fn outcome(block: &str) -> Option<String> {
    let line = block.lines().find_map(|l| l.strip_prefix("outcome: "))?;
    let Some(done) = line.strip_prefix("handshake completed: ") else {
        return Some(line.trim().to_owned());
    };
    let field = |name: &str| {
        done.split("; ")
            .find_map(|f| f.strip_prefix(name))
            .map(str::trim)
            .unwrap_or("?")
            .to_owned()
    };
    Some(format!(
        "{} {}",
        field("Protocol version: "),
        field("Ciphersuite: ")
    ))
}

/// The behaviour columns against the recorded log: its first run is the default server,
/// its second the TLS 1.1-only server.
fn check_behaviour(at: &str, row: &Row, behaviour: Option<&str>) -> Vec<String> {
    let (default, tls11) = (row.get("default_server"), row.get("tls1_1_server"));
    let Some(log) = behaviour else {
        return if default.is_empty() {
            Vec::new()
        } else {
            vec![format!(
                "{at}: default_server is {default:?} but there is no behaviour log for {}",
                row.get("capture")
            )]
        };
    };
    let blocks: Vec<&str> = log.split("\n\n").collect();
    let mut problems = Vec::new();
    match blocks.first().and_then(|b| outcome(b)) {
        Some(found) if found == default => {}
        found => problems.push(format!(
            "{at}: default_server is {default:?} in the manifest, the behaviour log says {found:?}"
        )),
    }
    let connected = blocks
        .get(1)
        .and_then(|b| outcome(b))
        .map(|o| o.starts_with("TLSv1.1 "));
    match connected {
        Some(true) if tls11.starts_with("connects") => {}
        Some(false) if !tls11.is_empty() && !tls11.starts_with("connects") => {}
        _ => problems.push(format!(
            "{at}: tls1_1_server is {tls11:?} in the manifest, the behaviour log's TLS 1.1 run {}",
            match connected {
                Some(true) => "connected",
                Some(false) => "did not connect",
                None => "is missing",
            }
        )),
    }
    problems
}

/// A capture's behaviour log: its own, or its client's for a repeated capture (`.2`).
fn behaviour_log(row: &Row) -> Option<String> {
    let dir = root().join("data/clients/captures");
    let (capture, id) = (row.get("capture"), row.get("id"));
    let own = std::fs::read_to_string(dir.join(format!("{capture}.behaviour.txt")));
    let repeat = capture
        .strip_prefix(&format!("{id}."))
        .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit()));
    match own {
        Ok(text) => Some(text),
        Err(_) if repeat => std::fs::read_to_string(dir.join(format!("{id}.behaviour.txt"))).ok(),
        Err(_) => None,
    }
}

fn capture_hex(capture: &str) -> Option<String> {
    std::fs::read_to_string(
        root()
            .join("data/clients/captures")
            .join(format!("{capture}.hex")),
    )
    .ok()
}

#[test]
fn every_capture_decodes_and_agrees_with_the_manifest() {
    let rows = manifest(&read("data/clients/captures.csv"));
    assert!(
        rows.len() >= 13,
        "expected a capture of each of the 13 client kinds, found {} rows",
        rows.len()
    );
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for row in &rows {
        if !seen.insert(row.get("capture").to_owned()) {
            problems.push(format!(
                "data/clients/captures.csv:{}: capture {:?} is listed twice",
                row.line,
                row.get("capture")
            ));
        }
        problems.extend(check_row(
            row,
            capture_hex(row.get("capture")).as_deref(),
            behaviour_log(row).as_deref(),
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_capture_file_is_in_the_manifest() {
    let listed: BTreeSet<String> = manifest(&read("data/clients/captures.csv"))
        .iter()
        .map(|r| r.get("capture").to_owned())
        .collect();
    let dir = root().join("data/clients/captures");
    let mut unlisted = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let name = entry.expect("a directory entry").file_name();
        let name = name.to_string_lossy();
        let stem = name
            .strip_suffix(".hex")
            .or_else(|| name.strip_suffix(".behaviour.txt"));
        match stem {
            // A behaviour log may belong to a client id (one log for both browser captures).
            Some(s)
                if listed.contains(s) || listed.iter().any(|l| l.starts_with(&format!("{s}."))) => {
            }
            _ => unlisted.push(name.into_owned()),
        }
    }
    assert!(
        unlisted.is_empty(),
        "files in data/clients/captures/ that data/clients/captures.csv does not describe: {unlisted:?}"
    );
}

#[test]
fn a_wrong_fact_in_the_manifest_is_reported() {
    let text = read("data/clients/captures.csv");
    let rows = manifest(&text);
    let row = rows
        .iter()
        .find(|r| r.get("capture") == "openssl-3.0-debian12")
        .expect("the OpenSSL capture is in the manifest");
    let hex = capture_hex("openssl-3.0-debian12");
    let log = behaviour_log(row);
    let check = |r: &Row, h: Option<&str>| check_row(r, h, log.as_deref());
    assert_eq!(check(row, hex.as_deref()), Vec::<String>::new());
    for (column, wrong) in [
        ("suites", "30"),
        ("max_version", "TLSv1.2"),
        ("key_shares", "0x0017"),
        ("groups", "0x001D"),
        ("grease", "yes"),
        ("default_server", "TLSv1.2 ECDHE-ECDSA-AES256-GCM-SHA384"),
        ("tls1_1_server", "connects to a TLS 1.1-only server"),
    ] {
        let mut bad = Row {
            line: row.line,
            cells: row.cells.clone(),
        };
        bad.cells.insert(column.to_owned(), wrong.to_owned());
        let problems = check(&bad, hex.as_deref());
        assert_eq!(problems.len(), 1, "{column}: {problems:?}");
        assert!(problems[0].contains(column), "{problems:?}");
    }
    // A capture cut short does not decode.
    let cut = hex.as_deref().map(|h| &h[..h.len() / 2]);
    let problems = check(row, cut);
    assert!(
        problems.iter().any(|p| p.contains("does not decode")),
        "{problems:?}"
    );
    // A capture that is missing is reported.
    assert!(check(row, None)[0].contains("does not exist"));
    // A behaviour column without its log is reported.
    assert!(check_row(row, hex.as_deref(), None)[0].contains("no behaviour log"));
}

/// What the two captures of each browser show: Chromium sends GREASE and shuffles its
/// extensions on every connection; Firefox ESR sends no GREASE and kept one order.
#[test]
fn browser_captures_show_grease_and_extension_order() {
    let order = |capture: &str| {
        let hex = capture_hex(capture).unwrap_or_else(|| panic!("{capture}.hex is missing"));
        let bytes = decode_hex(&hex).expect("hex").bytes;
        let hello = decode_bytes(&bytes).expect("a ClientHello");
        let kinds: Vec<u16> = hello
            .extensions
            .iter()
            .map(|e| if is_grease(e.kind) { 0x0A0A } else { e.kind })
            .collect();
        (hello.cipher_suites.clone(), kinds)
    };
    let (c1, c2) = (order("chromium-156.1"), order("chromium-156.2"));
    assert_ne!(c1.1, c2.1, "Chromium's extension order was the same twice");
    let sorted = |v: &[u16]| v.iter().copied().collect::<BTreeSet<_>>();
    assert_eq!(sorted(&c1.1), sorted(&c2.1));
    assert_eq!(c1.0.len(), c2.0.len());
    assert!(c1.1.contains(&0x0A0A));
    let (f1, f2) = (order("firefox-esr-153.1"), order("firefox-esr-153.2"));
    assert_eq!(f1, f2);
    assert!(!f1.1.contains(&0x0A0A));
}
