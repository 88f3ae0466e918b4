//! `cipherdex audit`: grades, summary line, policies, exit status, JSON.

mod common;

use common::{cipherdex, stdout_of};
use predicates::prelude::*;

fn json_of(args: &[&str]) -> (i32, serde_json::Value) {
    let out = cipherdex().arg("--json").args(args).output().unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {out:?}"));
    (out.status.code().unwrap(), v)
}

#[test]
fn all_good_list_exits_0_with_summary() {
    let out = cipherdex()
        .args([
            "audit",
            "TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = stdout_of(&out);
    assert!(text.lines().next().unwrap().starts_with("CODE"), "{text}");
    assert_eq!(
        text.lines().last().unwrap(),
        "2 suites: 2 recommended: OK",
        "{text}"
    );
}

#[test]
fn an_insecure_suite_exits_1() {
    let out = cipherdex()
        .args([
            "audit",
            "ECDHE-RSA-AES128-GCM-SHA256",
            "RC4-SHA",
            "DES-CBC3-SHA",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout_of(&out);
    assert!(text.contains("TLS_RSA_WITH_RC4_128_SHA") && text.contains("insecure"));
    assert!(text.contains("rc4"), "{text}");
    assert_eq!(
        text.lines().last().unwrap(),
        "3 suites: 1 recommended, 1 weak, 1 insecure: FAIL"
    );
}

#[test]
fn weak_but_not_insecure_passes_without_a_policy() {
    cipherdex()
        .args(["audit", "DHE-RSA-AES128-GCM-SHA256", "AES128-SHA"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("2 suites: 2 weak: OK"));
}

#[test]
fn outside_the_policy_exits_1_and_says_why() {
    let out = cipherdex()
        .args([
            "audit",
            "--policy",
            "mozilla-intermediate",
            "ECDHE-RSA-AES128-GCM-SHA256",
            "DHE-RSA-AES128-GCM-SHA256",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout_of(&out);
    assert!(text.contains("DENIED"), "{text}");
    assert!(text.contains("Outside mozilla-intermediate-6.0:"), "{text}");
    assert!(
        text.contains("last listed in Mozilla intermediate 5.7"),
        "{text}"
    );
    assert!(text
        .lines()
        .last()
        .unwrap()
        .contains("mozilla-intermediate-6.0 (2026-04-06) allows 1 of 2"));

    // The older guideline still has it.
    cipherdex()
        .args([
            "audit",
            "--policy",
            "mozilla-intermediate-5.7",
            "ECDHE-RSA-AES128-GCM-SHA256",
            "DHE-RSA-AES128-GCM-SHA256",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("allows 2 of 2"));
}

#[test]
fn unknown_policy_is_a_usage_error_with_suggestions() {
    cipherdex()
        .args(["audit", "--policy", "mozila-intermediate", "AES128-SHA"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean mozilla-intermediate",
        ))
        .stderr(predicate::str::contains("nist-800-52r2"));
}

#[test]
fn unknown_inputs_are_reported_and_the_rest_graded() {
    let out = cipherdex()
        .args([
            "audit",
            "TLS_AES_128_GCM_SHA256",
            "ECDHE-RSA-AES256-GCM-SHA348",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ECDHE-RSA-AES256-GCM-SHA384"), "{err}");
    assert!(stdout_of(&out).contains("1 unknown input(s): FAIL"));
}

#[test]
fn duplicates_are_graded_once() {
    cipherdex()
        .args([
            "audit",
            "AES128-SHA",
            "0x002F",
            "TLS_RSA_WITH_AES_128_CBC_SHA",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "1 suite: 1 weak; 2 duplicate(s) ignored: OK",
        ));
}

#[test]
fn signalling_values_are_not_rated_and_do_not_fail() {
    cipherdex()
        .args([
            "audit",
            "--policy",
            "nist",
            "TLS_AES_128_GCM_SHA256",
            "TLS_FALLBACK_SCSV",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("not rated"))
        .stdout(predicate::str::contains("1 recommended, 1 not rated"));
}

#[test]
fn json_report() {
    let (code, v) = json_of(&[
        "audit",
        "--policy",
        "bsi-tr-02102-2-2025-01",
        "DHE-RSA-AES128-GCM-SHA256",
        "RC4-MD5",
    ]);
    assert_eq!(code, 1);
    assert_eq!(v["policy"]["name"], "bsi-tr-02102-2-2025-01");
    assert_eq!(v["policy"]["date"], "2025-01-21");
    let suites = v["suites"].as_array().unwrap();
    assert_eq!(suites.len(), 2);
    assert_eq!(suites[0]["code"], "0x009E");
    assert_eq!(suites[0]["rating"], "weak");
    assert_eq!(suites[0]["reasons"][0]["id"], "ffdhe");
    assert_eq!(suites[0]["reasons"][0]["severity"], "weak");
    assert!(suites[0]["reasons"][0]["explanation"]
        .as_str()
        .unwrap()
        .contains("DHE"));
    assert_eq!(suites[0]["policy"]["allowed"], true);
    assert!(suites[0]["policy"]["reasons"][0]
        .as_str()
        .unwrap()
        .contains("2029"));
    assert_eq!(suites[1]["rating"], "insecure");
    assert_eq!(suites[1]["policy"]["allowed"], false);
    let s = &v["summary"];
    assert_eq!(
        (
            s["suites"].as_u64(),
            s["insecure"].as_u64(),
            s["weak"].as_u64()
        ),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(
        (s["policy_allowed"].as_u64(), s["policy_denied"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(s["ok"], false);
}

#[test]
fn reads_a_list_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("accepted.txt");
    std::fs::write(
        &path,
        "# a server's accepted suites\nECDHE-RSA-AES256-GCM-SHA384\nECDHE-RSA-AES128-SHA\nEXP-RC4-MD5\n",
    )
    .unwrap();
    let arg = format!("@{}", path.display());
    cipherdex()
        .args(["audit", "--policy", "mozilla-old-5.0", &arg])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "0x0003  TLS_RSA_EXPORT_WITH_RC4_40_MD5",
        ))
        .stdout(predicate::str::contains(
            "3 suites: 1 recommended, 1 weak, 1 insecure; mozilla-old-5.0 (2019-06-28) allows 2 of 3: FAIL",
        ));
}

#[test]
fn stdin_input() {
    cipherdex()
        .args(["audit", "-"])
        .write_stdin("ECDHE-ECDSA-AES128-GCM-SHA256\nECDHE-ECDSA-CHACHA20-POLY1305\n")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("2 suites: 2 recommended: OK"));
}

#[test]
fn audit_text_snapshot() {
    let out = cipherdex()
        .args([
            "audit",
            "--policy",
            "mozilla-intermediate",
            "TLS_AES_128_GCM_SHA256",
            "ECDHE-RSA-AES128-GCM-SHA256",
            "DHE-RSA-AES128-GCM-SHA256",
            "DES-CBC3-SHA",
            "RC4-SHA",
            "TLS_EMPTY_RENEGOTIATION_INFO_SCSV",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(stdout_of(&out));
}
