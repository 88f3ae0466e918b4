//! `cipherdex simulate`: one row per catalogue client, `--clients`, `--before`,
//! the JSON shape and the exit codes.

mod common;

use common::cipherdex;
use serde_json::Value;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = cipherdex().arg("simulate").args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(args: &[&str]) -> (Vec<Value>, Option<i32>) {
    let (code, out, err) = run(&[args, &["--json"]].concat());
    let v: Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}{err}"));
    (v.as_array().expect("an array").clone(), code)
}

#[test]
fn one_row_per_client_and_exit_1_when_one_fails() {
    let args = ["--server", "openssl:DEFAULT", "--cert", "ecdsa-p256"];
    let (code, out, err) = run(&args);
    assert!(out.starts_with("CLIENT"), "{out}{err}");
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(rows.len(), cipherdex::clients::all().len(), "{out}");
    for c in cipherdex::clients::all() {
        assert!(
            rows.iter()
                .any(|r| r.split_whitespace().next() == Some(c.id())),
            "no row for {}:\n{out}",
            c.id()
        );
    }
    // A failing client's row has no version, and the exit status says so.
    let (docs, json_code) = json(&args);
    assert_eq!(code, json_code);
    let failing: Vec<&str> = docs
        .iter()
        .filter(|d| d["ok"] == false)
        .map(|d| d["client"].as_str().unwrap())
        .collect();
    assert_eq!(code, Some(if failing.is_empty() { 0 } else { 1 }), "{out}");
    for id in &failing {
        let row = rows
            .iter()
            .find(|r| r.split_whitespace().next() == Some(*id))
            .unwrap();
        assert_eq!(row.split_whitespace().nth(1), Some("-"), "{row}");
    }
    // Modern clients only: every one connects.
    let (code, out, _) = run(&[&args[..], &["--clients", "*-debian12,java-17,go-*"]].concat());
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn json_fields_and_exit_1_when_a_client_fails() {
    // Static RSA only, TLS 1.2: clients without static RSA suites fail.
    let (docs, code) = json(&[
        "--server",
        "AES128-SHA",
        "--server-tls13",
        "",
        "--server-versions",
        "1.2",
    ]);
    assert_eq!(code, Some(1));
    let mut keys: Vec<&str> = docs[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "client",
            "diagnosis",
            "failure",
            "group",
            "name",
            "ok",
            "sigalg",
            "suite",
            "version"
        ]
    );
    let ok = docs
        .iter()
        .find(|d| d["ok"] == true)
        .expect("some client connects");
    assert_eq!(ok["version"], "TLS1.2");
    assert_eq!(ok["suite"]["iana"], "TLS_RSA_WITH_AES_128_CBC_SHA");
    assert_eq!(ok["failure"], Value::Null);
    let failed = docs
        .iter()
        .find(|d| d["ok"] == false)
        .expect("some client fails");
    assert_eq!(failed["failure"], "no_shared_suite");
    assert_eq!(failed["version"], Value::Null);
    assert!(!failed["diagnosis"].as_array().unwrap().is_empty());
}

#[test]
fn clients_selects_by_glob_and_a_pattern_matching_nothing_is_bad_input() {
    let (docs, code) = json(&[
        "--server",
        "openssl:DEFAULT",
        "--clients",
        "java-*,OPENSSL-3.0-debian12",
    ]);
    assert_eq!(code, Some(0));
    let ids: Vec<&str> = docs.iter().map(|d| d["client"].as_str().unwrap()).collect();
    let expected: Vec<&str> = cipherdex::clients::all()
        .iter()
        .map(|c| c.id())
        .filter(|id| id.starts_with("java-") || *id == "openssl-3.0-debian12")
        .collect();
    assert_eq!(ids, expected);
    assert!(ids.contains(&"java-17") && ids.len() > 2, "{ids:?}");

    let (code, out, err) = run(&[
        "--server",
        "openssl:DEFAULT",
        "--clients",
        "java-*,netscape-*",
    ]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.is_empty());
    assert!(
        err.contains("netscape-*") && err.contains("cipherdex clients"),
        "{err}"
    );
}

#[test]
fn before_prints_only_the_clients_whose_outcome_changes() {
    // Dropping ECDHE: the clients without static RSA suites break, the others
    // move to AES128-SHA; TLS 1.3 stays off on both.
    let args = [
        "--server",
        "AES128-SHA",
        "--server-tls13",
        "",
        "--server-versions",
        "1.2",
        "--before",
        "ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA",
    ];
    let (docs, code) = json(&args);
    assert_eq!(code, Some(1), "a client that connected before fails now");
    assert!(!docs.is_empty());
    for d in &docs {
        assert_eq!(d["before"]["ok"], true, "{d}");
        assert_eq!(
            d["before"]["suite"]["iana"], "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "{d}"
        );
        assert_ne!(d["suite"], d["before"]["suite"], "{d}");
    }
    let (code, out, _) = run(&args);
    assert_eq!(code, Some(1));
    assert!(
        out.starts_with("CLIENT") && out.contains("BEFORE") && out.contains("no_shared_suite"),
        "{out}"
    );

    // The same server before and after: nothing changes, exit 0.
    let (code, out, _) = run(&["--server", "AES128-SHA", "--before-versions", "1.0-1.3"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.starts_with("no client's outcome changes"), "{out}");
}

#[test]
fn bad_before_input_is_reported_with_its_option() {
    let (code, _, err) = run(&["--server", "AES128-SHA", "--before", "NOT-A-SUITE"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--before"), "{err}");
    let (code, _, err) = run(&["--server", "AES128-SHA", "--before-groups", "P-999"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--before-groups"), "{err}");
}

#[test]
fn an_empty_client_pattern_is_bad_input_and_no_argument_lists_every_client() {
    for pattern in ["", " ", "java-*,"] {
        let (code, out, err) = run(&["--server", "openssl:DEFAULT", "--clients", pattern]);
        assert_eq!(code, Some(2), "{pattern:?}: {out}{err}");
        assert!(out.is_empty(), "{out}");
        assert!(
            err.contains("empty") && err.contains("windows-*"),
            "{pattern:?}: {err}"
        );
    }
    // `cipherdex clients` without an argument is the whole catalogue.
    let out = cipherdex().args(["clients", "--json"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v.as_array().map(Vec::len),
        Some(cipherdex::clients::all().len())
    );
}

#[test]
fn a_report_suite_cipherdex_does_not_know_is_a_warning_not_a_silent_drop() {
    let dir =
        std::env::temp_dir().join(format!("cipherdex-simulate-unknown-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("scan.txt");
    std::fs::write(
        &report,
        "Accepted  TLSv1.2  128 bits  ECDHE-RSA-AES128-GCM-SHA256\n\
         Accepted  TLSv1.2  128 bits  NOT-A-REAL-SUITE\n",
    )
    .unwrap();
    let arg = format!("@{}", report.display());
    let (code, out, err) = run(&["--server", &arg, "--clients", "java-17"]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        err.contains("warning") && err.contains("NOT-A-REAL-SUITE") && err.contains("line 2"),
        "{err}"
    );
    assert!(
        out.contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
        "{out}"
    );
}

#[test]
fn the_openssl_release_gives_the_server_its_defaults() {
    // --openssl 3.5: a '' server takes 3.5's default groups, X25519MLKEM768 first,
    // which Chromium offers; without --openssl, the default release's (x25519 first).
    let first = |release: &str| {
        cipherdex::defaults::openssl(release)
            .and_then(|d| d.groups().next())
            .map(|g| g.iana_name())
            .expect("a defaults row with groups")
    };
    let (rows, code) = json(&[
        "--server",
        "",
        "--openssl",
        "3.5",
        "--clients",
        "chromium-156",
    ]);
    assert_eq!(code, Some(0), "{rows:?}");
    assert_eq!(rows[0]["group"]["name"], first("3.5"), "{rows:?}");
    let (rows, _) = json(&["--server", "", "--clients", "chromium-156"]);
    assert_eq!(
        rows[0]["group"]["name"],
        first(cipherdex::openssl::DEFAULT_RELEASE),
        "{rows:?}"
    );
    // The release's default security level applies to a suite-list server: OpenSSL
    // 3.0's level 1 refuses Windows XP's TLS 1.0; a level stated on the server wins.
    let xp = [
        "--server",
        "DES-CBC3-SHA",
        "--server-versions",
        "1.0-1.3",
        "--clients",
        "windows-xp",
    ];
    let (rows, code) = json(&xp);
    assert_eq!(code, Some(1), "{rows:?}");
    assert_eq!(rows[0]["failure"], "security_level", "{rows:?}");
    let (rows, code) = json(&[&xp[..], &["--server-seclevel", "0"]].concat());
    assert_eq!(code, Some(0), "{rows:?}");
    assert_eq!(rows[0]["version"], "TLS1.0", "{rows:?}");
}

#[test]
fn a_client_without_stated_groups_gets_no_group_reported() {
    // java-8's catalogue row states no groups (its source does not): against a 3.5
    // server whose first group is X25519MLKEM768 it still connects, but no group
    // is reported for it, not the server's first (Java 8 has no ML-KEM).
    // A client that states its groups keeps getting one.
    assert!(cipherdex::clients::find("java-8")
        .expect("java-8")
        .groups()
        .is_none());
    let (rows, code) = json(&[
        "--server",
        "",
        "--openssl",
        "3.5",
        "--clients",
        "java-8,java-17",
    ]);
    assert_eq!(code, Some(0), "{rows:?}");
    let row = |id: &str| {
        rows.iter()
            .find(|r| r["client"] == id)
            .unwrap_or_else(|| panic!("{id}: {rows:?}"))
    };
    assert_eq!(row("java-8")["ok"], true, "{rows:?}");
    assert!(row("java-8")["group"].is_null(), "{rows:?}");
    assert_eq!(row("java-17")["group"]["name"], "x25519", "{rows:?}");
}
