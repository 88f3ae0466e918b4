//! Pins the default rating and its reasons for representative suites.
//!
//! The expectations were written by hand from the weakness catalogue (what
//! each suite is made of, IANA's Recommended column, and whether RFC 9113
//! Appendix A lists it), not copied from the code's output.

use std::collections::BTreeSet;

use cipherdex::{Level, Severity, Suite, Weakness};

/// (code, expected level, expected weakness ids).
const CASES: &[(u32, Option<Level>, &[&str])] = &[
    // TLS 1.3
    (0x1301, Some(Level::Recommended), &[]),
    (0x1302, Some(Level::Recommended), &[]),
    (0x1303, Some(Level::Recommended), &[]),
    (0x1304, Some(Level::Recommended), &[]),
    (0x1305, Some(Level::Weak), &["ccm8", "iana-not-recommended"]),
    (0x1306, Some(Level::Secure), &["iana-not-recommended"]),
    (
        0xC0B4,
        Some(Level::Insecure),
        &["integrity-only", "iana-discouraged"],
    ),
    // ECDHE + AES-GCM, ECDHE + ChaCha20, ECDHE + CCM, ECDHE_PSK
    (0xC02B, Some(Level::Recommended), &[]),
    (0xC030, Some(Level::Recommended), &[]),
    (0xCCA8, Some(Level::Recommended), &[]),
    (0xCCA9, Some(Level::Recommended), &[]),
    (0xD001, Some(Level::Recommended), &[]),
    (0xC0AC, Some(Level::Secure), &["iana-not-recommended"]),
    (0xC0AE, Some(Level::Weak), &["ccm8", "iana-not-recommended"]),
    (0xC060, Some(Level::Secure), &["iana-not-recommended"]),
    (0xC0B0, Some(Level::Secure), &["iana-not-recommended"]),
    // DHE
    (0x009E, Some(Level::Weak), &["ffdhe"]),
    (0xCCAA, Some(Level::Weak), &["ffdhe"]),
    (0x00AA, Some(Level::Weak), &["ffdhe"]),
    // ECDHE + CBC
    (
        0xC013,
        Some(Level::Weak),
        &["cbc", "sha1-mac", "iana-not-recommended", "http2-blocked"],
    ),
    // static RSA
    (
        0x009C,
        Some(Level::Weak),
        &["rsa-kex", "iana-not-recommended", "http2-blocked"],
    ),
    (
        0x002F,
        Some(Level::Weak),
        &[
            "rsa-kex",
            "cbc",
            "sha1-mac",
            "iana-not-recommended",
            "http2-blocked",
        ],
    ),
    (
        0x003C,
        Some(Level::Weak),
        &["rsa-kex", "cbc", "iana-not-recommended", "http2-blocked"],
    ),
    (
        0x0094,
        Some(Level::Weak),
        &[
            "rsa-kex",
            "cbc",
            "sha1-mac",
            "iana-not-recommended",
            "http2-blocked",
        ],
    ),
    // static DH and ECDH
    (
        0x0030,
        Some(Level::Weak),
        &[
            "static-dh",
            "cbc",
            "sha1-mac",
            "iana-not-recommended",
            "http2-blocked",
        ],
    ),
    (
        0xC004,
        Some(Level::Weak),
        &[
            "static-dh",
            "cbc",
            "sha1-mac",
            "iana-not-recommended",
            "http2-blocked",
        ],
    ),
    // 3DES
    (
        0x000A,
        Some(Level::Weak),
        &[
            "sweet32",
            "rsa-kex",
            "cbc",
            "sha1-mac",
            "iana-not-recommended",
            "http2-blocked",
        ],
    ),
    (
        0xFEFF,
        Some(Level::Weak),
        &["sweet32", "rsa-kex", "cbc", "sha1-mac", "non-iana"],
    ),
    // PSK and SRP
    (
        0x00A8,
        Some(Level::Weak),
        &["psk-only", "iana-not-recommended", "http2-blocked"],
    ),
    (
        0xC0A8,
        Some(Level::Weak),
        &["psk-only", "ccm8", "iana-not-recommended", "http2-blocked"],
    ),
    (
        0xC01D,
        Some(Level::Weak),
        &[
            "srp",
            "cbc",
            "sha1-mac",
            "iana-not-recommended",
            "http2-blocked",
        ],
    ),
    // RC4
    (
        0x0005,
        Some(Level::Insecure),
        &[
            "rc4",
            "rsa-kex",
            "sha1-mac",
            "iana-not-recommended",
            "http2-blocked",
        ],
    ),
    (
        0xC011,
        Some(Level::Insecure),
        &["rc4", "sha1-mac", "iana-discouraged", "http2-blocked"],
    ),
    // NULL
    (
        0x0000,
        Some(Level::Insecure),
        &["null-encryption", "iana-not-recommended", "http2-blocked"],
    ),
    (
        0x0001,
        Some(Level::Insecure),
        &[
            "null-encryption",
            "rsa-kex",
            "md5-mac",
            "iana-not-recommended",
            "http2-blocked",
        ],
    ),
    (
        0x0002,
        Some(Level::Insecure),
        &[
            "null-encryption",
            "rsa-kex",
            "sha1-mac",
            "iana-not-recommended",
            "http2-blocked",
        ],
    ),
    (
        0x001C,
        Some(Level::Insecure),
        &[
            "null-encryption",
            "no-forward-secrecy",
            "sha1-mac",
            "non-iana",
        ],
    ),
    // anonymous
    (
        0x0034,
        Some(Level::Insecure),
        &[
            "anonymous",
            "ffdhe",
            "cbc",
            "sha1-mac",
            "iana-not-recommended",
            "http2-blocked",
        ],
    ),
    // export, single DES, IDEA (TLS 1.1 at most), Kerberos
    (
        0x0003,
        Some(Level::Insecure),
        &[
            "export",
            "rc4",
            "legacy-protocol-only",
            "rsa-kex",
            "md5-mac",
            "iana-not-recommended",
            "http2-blocked",
        ],
    ),
    (
        0x0060,
        Some(Level::Insecure),
        &[
            "export",
            "rc4",
            "legacy-protocol-only",
            "rsa-kex",
            "md5-mac",
            "non-iana",
        ],
    ),
    (
        0x0009,
        Some(Level::Insecure),
        &[
            "single-des",
            "legacy-protocol-only",
            "sweet32",
            "rsa-kex",
            "cbc",
            "sha1-mac",
            "iana-not-recommended",
            "http2-blocked",
        ],
    ),
    (
        0x0007,
        Some(Level::Insecure),
        &[
            "legacy-protocol-only",
            "sweet32",
            "rsa-kex",
            "cbc",
            "sha1-mac",
            "iana-not-recommended",
            "http2-blocked",
        ],
    ),
    (
        0x001E,
        Some(Level::Insecure),
        &[
            "single-des",
            "legacy-protocol-only",
            "sweet32",
            "no-forward-secrecy",
            "cbc",
            "sha1-mac",
            "iana-discouraged",
            "http2-blocked",
        ],
    ),
    // SSL 2.0
    (
        0x010080,
        Some(Level::Insecure),
        &["rc4", "legacy-protocol-only", "rsa-kex", "md5-mac"],
    ),
    // GOST
    (
        0xC100,
        Some(Level::Weak),
        &[
            "no-forward-secrecy",
            "national-cipher",
            "iana-not-recommended",
        ],
    ),
    (
        0xC103,
        Some(Level::Secure),
        &["national-cipher", "iana-not-recommended"],
    ),
    // SM4
    (
        0x00C6,
        Some(Level::Secure),
        &["national-cipher", "iana-not-recommended"],
    ),
    (
        0xE013,
        Some(Level::Weak),
        &["no-forward-secrecy", "cbc", "national-cipher", "non-iana"],
    ),
    // signalling values and GREASE: not rated
    (0x00FF, None, &["not-a-cipher-suite"]),
    (0x5600, None, &["not-a-cipher-suite"]),
    (0x0A0A, None, &["not-a-cipher-suite"]),
];

#[test]
fn representative_suites_are_rated_with_their_reasons() {
    let mut failures = Vec::new();
    for &(code, level, ids) in CASES {
        let Some(s) = Suite::from_code(code) else {
            failures.push(format!("0x{code:04X}: unknown suite"));
            continue;
        };
        let r = s.rating();
        let got: BTreeSet<&str> = r.reasons().iter().map(|w| w.id()).collect();
        let want: BTreeSet<&str> = ids.iter().copied().collect();
        if r.level() != level || got != want {
            failures.push(format!(
                "{} {}: got {:?} {:?}, want {:?} {:?}",
                s.code_hex(),
                s.canonical_name(),
                r.level(),
                got,
                level,
                want
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(CASES.len() >= 30);
}

#[test]
fn every_weakness_is_pinned_at_least_once() {
    let pinned: BTreeSet<&str> = CASES.iter().flat_map(|c| c.2.iter().copied()).collect();
    let missing: Vec<&str> = Weakness::ALL
        .iter()
        .map(|w| w.id())
        .filter(|id| !pinned.contains(id))
        .collect();
    assert!(missing.is_empty(), "weaknesses never pinned: {missing:?}");
}

#[test]
fn level_follows_the_most_serious_reason() {
    for s in Suite::all() {
        let r = s.rating();
        let worst = r.reasons().max_severity();
        let ok = match r.level() {
            None => s.is_signalling(),
            Some(Level::Insecure) => worst == Some(Severity::Insecure),
            Some(Level::Weak) => worst == Some(Severity::Weak),
            Some(Level::Secure) => worst == Some(Severity::Info),
            Some(Level::Recommended) => r.reasons().is_empty(),
            Some(other) => panic!("{}: a level this test does not know: {other}", s.code_hex()),
        };
        assert!(ok, "{}: {} with reasons {:?}", s.code_hex(), r, worst);
        // Every reason is documented.
        for w in r.reasons().iter() {
            assert!(!w.explanation().is_empty() && !w.reference().is_empty());
        }
    }
}

#[test]
fn recommended_means_iana_y_and_forward_secret_aead() {
    for s in Suite::all() {
        if s.rating().level() == Some(Level::Recommended) {
            assert_eq!(
                s.iana_recommended(),
                Some(cipherdex::Recommended::Yes),
                "{}",
                s.code_hex()
            );
            assert!(s.is_aead() && s.has_forward_secrecy(), "{}", s.code_hex());
        }
    }
}

#[test]
fn ids_are_unique_and_parse_back() {
    let mut seen = BTreeSet::new();
    for w in Weakness::ALL {
        assert!(seen.insert(w.id()), "duplicate id {}", w.id());
        assert_eq!(w.id().parse::<Weakness>().ok(), Some(*w));
    }
    assert!("no-such".parse::<Weakness>().is_err());
}

#[test]
fn levels_parse_and_order() {
    for l in Level::ALL {
        assert_eq!(l.as_str().to_uppercase().parse::<Level>().ok(), Some(*l));
    }
    assert!(Level::Insecure < Level::Weak && Level::Secure < Level::Recommended);
    let e = "good".parse::<Level>().unwrap_err().to_string();
    assert!(e.contains("recommended"), "{e}");
}

#[test]
fn rating_agrees_with_the_source_severities_for_the_clear_cases() {
    // Independent oracle: the HTTP/2 block list rule (no ephemeral key
    // exchange, or no AEAD) means no listed TLS 1.2 suite may be recommended.
    for s in cipherdex::policy::http2_blocklist() {
        assert_ne!(
            s.rating().level(),
            Some(Level::Recommended),
            "{}",
            s.code_hex()
        );
    }
}
