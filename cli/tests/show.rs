//! `cipherdex show` and bare `cipherdex SUITE`: cards (snapshots), JSON, errors.

mod common;

use common::{cipherdex, stdout_of};
use predicates::prelude::*;

fn card(args: &[&str]) -> String {
    let out = cipherdex().args(args).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    stdout_of(&out)
}

// Snapshots of whole cards: any change to the text shows up in review.

#[test]
fn card_ecdhe_ecdsa_aes256_cbc() {
    insta::assert_snapshot!(card(&["show", "ECDHE-ECDSA-AES256-SHA"]));
}

#[test]
fn card_with_legacy_openssl_name() {
    insta::assert_snapshot!(card(&["show", "EDH-RSA-DES-CBC3-SHA"]));
}

#[test]
fn card_tls13() {
    insta::assert_snapshot!(card(&["show", "TLS_AES_128_GCM_SHA256"]));
}

#[test]
fn card_export_and_sslv2() {
    insta::assert_snapshot!(card(&["show", "EXP-RC4-MD5", "0x01,0x00,0x80"]));
}

#[test]
fn card_signalling_value() {
    insta::assert_snapshot!(card(&["show", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"]));
}

#[test]
fn bare_suites_mean_show() {
    assert_eq!(
        card(&["ECDHE-ECDSA-AES256-SHA", "0x009E"]),
        card(&["show", "ECDHE-ECDSA-AES256-SHA", "0x009E"])
    );
}

#[test]
fn card_holds_every_part() {
    let text = card(&["show", "ECDHE-RSA-AES128-GCM-SHA256"]);
    for want in [
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256  0xC02F",
        "IANA",
        "OpenSSL",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "GnuTLS",
        "TLS_ECDHE_RSA_AES_128_GCM_SHA256",
        "NSS",
        "Java",
        "Go",
        "Windows",
        "Protocols",
        "TLS1.2",
        "Key exchange",
        "ECDHE",
        "Authentication",
        "RSA",
        "AES (128 bits)",
        "GCM",
        "MAC",
        "PRF",
        "SHA256",
        "AEAD yes, forward secrecy yes, export no, anonymous no",
        "IANA Recommended   Y",
        "RFC5289",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}

#[test]
fn unknown_suite_reported_rest_shown() {
    cipherdex()
        .args(["show", "ECDHE-RSA-AES256-GCM-SHA348", "AES128-SHA"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("TLS_RSA_WITH_AES_128_CBC_SHA  0x002F"))
        .stderr(
            "cipherdex: error: unknown suite \"ECDHE-RSA-AES256-GCM-SHA348\" (did you mean \
             ECDHE-RSA-AES256-GCM-SHA384, ECDH-RSA-AES256-GCM-SHA384, DHE-RSA-AES256-GCM-SHA384?)\n",
        );
}

#[test]
fn unassigned_code_is_unknown_without_suggestions() {
    cipherdex()
        .args(["show", "0x4747"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("cipherdex: error: unknown suite \"0x4747\"\n");
}

#[test]
fn json_is_an_array_of_suite_objects() {
    for args in [
        vec!["show", "--json", "ECDHE-ECDSA-AES256-SHA", "0x01,0x00,0x80"],
        vec!["--json", "ECDHE-ECDSA-AES256-SHA", "0x01,0x00,0x80"],
    ] {
        let out = cipherdex().args(&args).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let a = v.as_array().unwrap();
        assert_eq!(a.len(), 2);
        let s = &a[0];
        assert_eq!(s["input"], "ECDHE-ECDSA-AES256-SHA");
        assert_eq!(s["code"], "0xC00A");
        assert_eq!(s["names"]["iana"], "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA");
        assert_eq!(s["names"]["openssl"], "ECDHE-ECDSA-AES256-SHA");
        assert!(s["names"]["testssl"].is_null());
        assert_eq!(
            s["protocols"],
            serde_json::json!(["TLS1.0", "TLS1.1", "TLS1.2", "DTLS1.0", "DTLS1.2"])
        );
        assert_eq!(s["kex"], "ECDHE");
        assert_eq!(s["auth"], "ECDSA");
        assert_eq!(s["cipher"], "AES");
        assert_eq!(s["cipher_bits"], 256);
        assert_eq!(s["mode"], "CBC");
        assert_eq!(s["mac"], "SHA1");
        assert_eq!(s["prf"], "SHA256");
        assert_eq!(s["aead"], false);
        assert_eq!(s["pfs"], true);
        assert_eq!(s["export"], false);
        assert_eq!(s["iana_recommended"], "N");
        assert_eq!(a[1]["code"], "0x010080");
        assert_eq!(a[1]["protocols"], serde_json::json!(["SSL2"]));
    }
}

#[test]
fn no_suites_from_a_closed_stdin_is_a_usage_error() {
    cipherdex()
        .arg("show")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "cipherdex: error: no suites given",
        ));
}
