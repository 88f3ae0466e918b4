//! `cipherdex list`: every filter, formats, exit status. Each filter is checked
//! against the fields of the unfiltered JSON list, a separate code path.

mod common;

use common::{cipherdex, stdout_of};
use predicates::prelude::*;
use serde_json::Value;

fn list_json(args: &[&str]) -> (Option<i32>, Vec<Value>) {
    let out = cipherdex()
        .arg("list")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {out:?}"));
    (out.status.code(), v.as_array().unwrap().clone())
}

fn all() -> Vec<Value> {
    let (code, all) = list_json(&[]);
    assert_eq!(code, Some(0));
    assert!(all.len() > 400, "only {} suites", all.len());
    all
}

/// Checks that `args` selects exactly the suites of the full list that `keep` accepts.
fn check(args: &[&str], keep: impl Fn(&Value) -> bool) {
    let want: Vec<Value> = all().into_iter().filter(|s| keep(s)).collect();
    assert!(!want.is_empty(), "{args:?} selects nothing");
    let (code, got) = list_json(args);
    assert_eq!(code, Some(0));
    let codes = |v: &[Value]| v.iter().map(|s| s["code"].to_string()).collect::<Vec<_>>();
    assert_eq!(codes(&got), codes(&want), "{args:?}");
}

#[test]
fn by_key_exchange_auth_cipher_mode_mac() {
    check(&["--kex", "ECDHE"], |s| s["kex"] == "ECDHE");
    check(&["--kex", "ecdhe,dhe"], |s| {
        s["kex"] == "ECDHE" || s["kex"] == "DHE"
    });
    check(&["--kex", "EECDH", "--kex", "EDH"], |s| {
        s["kex"] == "ECDHE" || s["kex"] == "DHE"
    });
    check(&["--auth", "ECDSA"], |s| s["auth"] == "ECDSA");
    check(&["--auth", "anon"], |s| s["auth"] == "NULL");
    check(&["--cipher", "3DES"], |s| s["cipher"] == "3DES");
    check(&["--cipher", "chacha20"], |s| s["cipher"] == "CHACHA20");
    check(&["--mode", "GCM"], |s| s["mode"] == "GCM");
    check(&["--mode", "CCM8"], |s| s["mode"] == "CCM_8");
    check(&["--mac", "SHA"], |s| s["mac"] == "SHA1");
    check(&["--mac", "MD5"], |s| s["mac"] == "MD5");
}

#[test]
fn by_protocol_version() {
    let has = |s: &Value, p: &str| s["protocols"].as_array().unwrap().iter().any(|x| x == p);
    check(&["--tls", "1.3"], |s| has(s, "TLS1.3"));
    check(&["--tls", "TLSv1.0"], |s| has(s, "TLS1.0"));
    check(&["--tls", "SSL3"], |s| has(s, "SSL3"));
    let (_, tls13) = list_json(&["--tls", "1.3"]);
    let names: Vec<&str> = tls13.iter().map(|s| s["name"].as_str().unwrap()).collect();
    for rfc8446 in [
        "TLS_AES_128_GCM_SHA256",
        "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_AES_128_CCM_SHA256",
        "TLS_AES_128_CCM_8_SHA256",
    ] {
        assert!(names.contains(&rfc8446), "{rfc8446} missing");
    }
    assert!(!names.contains(&"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
}

#[test]
fn by_flags() {
    check(&["--pfs"], |s| s["pfs"] == true);
    check(&["--no-pfs"], |s| s["pfs"] == false);
    check(&["--aead"], |s| s["aead"] == true);
    check(&["--export"], |s| s["export"] == true);
    check(&["--iana-recommended"], |s| s["iana_recommended"] == "Y");
    check(&["--kex", "ECDHE", "--aead", "--tls", "1.2"], |s| {
        s["kex"] == "ECDHE"
            && s["aead"] == true
            && s["protocols"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p == "TLS1.2")
    });
}

#[test]
fn grease_only_on_request() {
    let plain = all();
    assert!(plain.iter().all(|s| s["origin"] != "grease"));
    let (_, with) = list_json(&["--grease"]);
    assert_eq!(
        with.len(),
        plain.len() + 16,
        "RFC 8701 reserves 16 GREASE values"
    );
}

#[test]
fn text_is_aligned_with_header_and_to_picks_names() {
    let out = cipherdex()
        .args([
            "list", "--kex", "ECDHE", "--auth", "RSA", "--mode", "GCM", "--to", "openssl",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = stdout_of(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("CODE    NAME"), "{}", lines[0]);
    assert!(text.contains("ECDHE-RSA-AES128-GCM-SHA256"));
    assert!(!text.contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
    // Aligned: the second column starts at the same place on every line.
    let col = lines[0].find("NAME").unwrap();
    for l in &lines[1..] {
        assert_eq!(&l[col - 2..col], "  ", "{l}");
        assert_ne!(&l[col..col + 1], " ", "{l}");
    }
}

#[test]
fn csv_has_header_and_one_row_per_suite() {
    let out = cipherdex()
        .args(["list", "--cipher", "3DES", "--format", "csv", "--to", "hex"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = stdout_of(&out);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("code,name,protocols,kex,auth,cipher,bits,mode,mac,prf,aead,pfs,export,iana_recommended,rating")
    );
    let rows: Vec<&str> = lines.collect();
    let (_, json) = list_json(&["--cipher", "3DES"]);
    assert_eq!(rows.len(), json.len());
    assert!(rows.contains(&"0x000A,0x000A,SSL3 TLS1.0 TLS1.1 TLS1.2 DTLS1.0 DTLS1.2,RSA,RSA,3DES,168,CBC,SHA1,SHA256,false,false,false,N,weak"), "{rows:?}");
}

#[test]
fn nothing_matches_is_a_negative_answer() {
    cipherdex()
        .args(["list", "--export", "--aead"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no suite matches"));
}

#[test]
fn bad_filter_values_list_the_valid_ones() {
    cipherdex()
        .args(["list", "--kex", "ECDHX"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::starts_with("cipherdex: error:")
                .and(predicate::str::contains("ECDHE"))
                .and(predicate::str::contains("DHE")),
        );
    cipherdex()
        .args(["list", "--tls", "1.4"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("TLS1.3"));
    cipherdex()
        .args(["list", "--to", "cobol"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("openssl"));
    cipherdex()
        .args(["list", "--format", "xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("csv"));
}

#[test]
fn contradicting_or_incomplete_flags_are_usage_errors() {
    cipherdex()
        .args(["list", "--pfs", "--no-pfs"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
    cipherdex()
        .args(["list", "--enabled"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--windows"));
}

/// (priority, name, enabled) rows of a Microsoft table in `data/schannel/`.
fn schannel_table(file: &str) -> Vec<(Option<u32>, String, bool)> {
    let path = format!("{}/../data/schannel/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let (p, n, e) = (col("priority"), col("name"), col("enabled_by_default"));
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[p].parse().ok(), f[n].to_string(), f[e] == "yes")
        })
        .collect()
}

#[test]
fn windows_enabled_is_the_default_order_of_microsofts_table() {
    // Windows Server 2016 uses the Windows 10 1607 table (products.csv).
    let mut enabled: Vec<(u32, String)> = schannel_table("windows-10-1607.csv")
        .into_iter()
        .filter(|r| r.2)
        .map(|r| (r.0.expect("enabled rows have a priority"), r.1))
        .collect();
    enabled.sort();
    let want: Vec<String> = enabled.into_iter().map(|r| r.1).collect();
    assert!(want.len() > 20);
    let out = cipherdex()
        .args([
            "list",
            "--windows",
            "server-2016",
            "--enabled",
            "--to",
            "windows",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let got: Vec<String> = stdout_of(&out)
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap().to_string())
        .collect();
    assert_eq!(got, want);
}

#[test]
fn windows_supported_is_every_suite_of_the_table() {
    let mut want: Vec<String> = schannel_table("windows-10-1607.csv")
        .into_iter()
        .map(|r| r.1)
        .collect();
    want.sort();
    want.dedup();
    let out = cipherdex()
        .args([
            "list",
            "--windows",
            "Windows Server 2016",
            "--to",
            "windows",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let mut got: Vec<String> = stdout_of(&out)
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap().to_string())
        .collect();
    got.sort();
    assert_eq!(got, want);
    // Filters combine with --windows.
    check(&["--windows", "server-2016", "--aead"], |s| {
        s["aead"] == true && want.iter().any(|n| s["names"]["windows"] == n.as_str())
    });
}

#[test]
fn windows_errors() {
    cipherdex()
        .args(["list", "--windows", "windows 98"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("unknown Windows release")
                .and(predicate::str::contains("server-2022")),
        );
}
