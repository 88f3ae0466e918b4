//! Ratings and policies in `show` and `list` (`audit` has its own file).

mod common;

use common::{cipherdex, stdout_of};
use predicates::prelude::*;

fn json(args: &[&str]) -> serde_json::Value {
    let out = cipherdex().arg("--json").args(args).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn show_prints_rating_reasons_and_policy_verdicts() {
    let out = cipherdex().args(["show", "0x009E"]).output().unwrap();
    assert!(out.status.success());
    let text = stdout_of(&out);
    assert!(text.contains("Rating             weak: "), "{text}");
    assert!(text.contains("ffdhe (weak): finite-field DHE"), "{text}");
    // The sources disagree, and the card shows it.
    for want in [
        "iana-recommended-2026-07  no   D: RFC 10015",
        "mozilla-intermediate-6.0  no   not in Mozilla intermediate 6.0; last listed in Mozilla intermediate 5.7",
        "nist-800-52r2             yes",
        "bsi-tr-02102-2-2026-01    yes  BSI TR-02102-2 2026-01 recommends it for TLS 1.2 until the end of 2029",
        "http2-rfc9113             yes",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}

#[test]
fn show_json_has_rating_and_reasons_objects() {
    let v = json(&[
        "show",
        "DES-CBC3-SHA",
        "TLS_AES_256_GCM_SHA384",
        "TLS_FALLBACK_SCSV",
    ]);
    let cards = v.as_array().unwrap();
    assert_eq!(cards[0]["rating"], "weak");
    let reasons = cards[0]["reasons"].as_array().unwrap();
    let ids: Vec<&str> = reasons.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for id in ["sweet32", "rsa-kex", "cbc", "sha1-mac"] {
        assert!(ids.contains(&id), "{ids:?}");
    }
    for r in reasons {
        assert!(["insecure", "weak", "info"].contains(&r["severity"].as_str().unwrap()));
        assert!(!r["explanation"].as_str().unwrap().is_empty());
        assert!(!r["reference"].as_str().unwrap().is_empty());
    }
    let sweet = reasons.iter().find(|r| r["id"] == "sweet32").unwrap();
    assert!(sweet["reference"]
        .as_str()
        .unwrap()
        .contains("CVE-2016-2183"));
    assert_eq!(cards[1]["rating"], "recommended");
    assert_eq!(cards[1]["reasons"].as_array().unwrap().len(), 0);
    let policies = cards[1]["policies"].as_array().unwrap();
    assert!(policies
        .iter()
        .any(|p| p["policy"] == "mozilla-modern-6.0" && p["allowed"] == true));
    // Signalling values: not rated, no policy applies.
    assert!(cards[2]["rating"].is_null());
    assert_eq!(cards[2]["reasons"][0]["id"], "not-a-cipher-suite");
    assert_eq!(cards[2]["policies"].as_array().unwrap().len(), 0);
}

#[test]
fn list_rating_means_that_level_or_better() {
    let secure = json(&["list", "--rating", "secure"]);
    let secure = secure.as_array().unwrap();
    assert!(!secure.is_empty());
    for s in secure {
        let r = s["rating"].as_str().unwrap();
        assert!(r == "secure" || r == "recommended", "{s}");
    }
    let recommended = json(&["list", "--rating", "Recommended"]);
    let recommended = recommended.as_array().unwrap();
    assert!(recommended.len() < secure.len());
    assert!(recommended.iter().all(|s| s["rating"] == "recommended"));
    let all = json(&["list"]);
    let insecure_or_better = json(&["list", "--rating", "insecure"]);
    let not_rated = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["rating"].is_null())
        .count();
    assert_eq!(
        insecure_or_better.as_array().unwrap().len() + not_rated,
        all.as_array().unwrap().len()
    );
}

#[test]
fn list_rating_rejects_unknown_levels() {
    cipherdex()
        .args(["list", "--rating", "strong"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "insecure, weak, secure, recommended",
        ));
}

#[test]
fn list_policy_in_the_policys_order() {
    let out = cipherdex()
        .args([
            "list",
            "--policy",
            "mozilla-intermediate-5.7",
            "--to",
            "openssl",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let names: Vec<String> = stdout_of(&out)
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap().to_string())
        .collect();
    // TLS 1.3 first, then Mozilla's published OpenSSL order.
    assert_eq!(
        names,
        [
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "ECDHE-ECDSA-AES128-GCM-SHA256",
            "ECDHE-RSA-AES128-GCM-SHA256",
            "ECDHE-ECDSA-AES256-GCM-SHA384",
            "ECDHE-RSA-AES256-GCM-SHA384",
            "ECDHE-ECDSA-CHACHA20-POLY1305",
            "ECDHE-RSA-CHACHA20-POLY1305",
            "DHE-RSA-AES128-GCM-SHA256",
            "DHE-RSA-AES256-GCM-SHA384",
            "DHE-RSA-CHACHA20-POLY1305",
        ]
    );
}

#[test]
fn list_policy_combines_with_filters() {
    let v = json(&[
        "list",
        "--policy",
        "nist-800-52r2",
        "--kex",
        "ECDHE",
        "--aead",
    ]);
    let v = v.as_array().unwrap();
    assert!(!v.is_empty());
    for s in v {
        assert_eq!(s["kex"], "ECDHE");
        assert_eq!(s["aead"], true);
        assert_ne!(s["cipher"], "CHACHA20", "ChaCha20 is not NIST-approved");
    }
}

#[test]
fn list_policy_unknown_name_suggests() {
    cipherdex()
        .args(["list", "--policy", "bsi-tr-02102-2-2023-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bsi-tr-02102-2 has versions 2024-01, 2025-01, 2026-01",
        ));
}

#[test]
fn list_text_has_a_rating_column() {
    let out = cipherdex()
        .args(["list", "--cipher", "RC4"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(text.lines().next().unwrap().trim_end().ends_with("RATING"));
    assert!(
        text.lines()
            .skip(1)
            .all(|l| l.trim_end().ends_with("insecure")),
        "{text}"
    );
}
