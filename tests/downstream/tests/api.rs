//! cipherdex used from another crate, with every feature: the tasks of the crate
//! docs, constants, traits, sets of suites, parsing, errors with suggestions,
//! the rustls conversion, a serde round trip, the ClientHello's typed lists,
//! Windows answers and a `#[non_exhaustive]` enum matched from outside.

use std::collections::{BTreeSet, HashSet};

use cipherdex::cert::{self, CertKey, KeyType, KeyUsage, NamedCurve};
use cipherdex::negotiate::{negotiate, parse_versions, Dormant, Peer};
use cipherdex::policy::Reason;
use cipherdex::{
    groups, sigalgs, suites, Group, Level, Policy, Protocol, Scheme, SignatureScheme, Suite,
    UnknownCodeError, UnknownNameError,
};

#[test]
fn constants_are_the_looked_up_suites() {
    let gcm = suites::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
    assert_eq!(gcm.code(), 0xC02B);
    assert_eq!(
        cipherdex::lookup("ECDHE-ECDSA-AES128-GCM-SHA256"),
        Some(gcm)
    );
    assert_eq!(suites::TLS_DH_anon_WITH_AES_128_CBC_SHA.code(), 0x0034);
    assert!(suites::TLS_AES_256_GCM_SHA384.is_tls13());
}

#[test]
fn every_iana_suite_has_its_constant() {
    // Spot checks across the registry: first, signalling, TLS 1.3, last ranges.
    let named = [
        (suites::TLS_NULL_WITH_NULL_NULL, 0x0000),
        (suites::TLS_EMPTY_RENEGOTIATION_INFO_SCSV, 0x00FF),
        (suites::TLS_FALLBACK_SCSV, 0x5600),
        (suites::TLS_CHACHA20_POLY1305_SHA256, 0x1303),
        (suites::TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256, 0xCCAC),
    ];
    for (suite, code) in named {
        assert_eq!(suite.code(), code, "{suite}");
    }
}

#[test]
fn traits_parse_convert_hash_order() {
    let by_name: &Suite = "ecdhe-rsa-aes128-gcm-sha256".parse().unwrap();
    let by_code: &Suite = "0xC0,0x2F".parse().unwrap();
    let by_u16 = <&Suite>::try_from(0xC02Fu16).unwrap();
    assert_eq!(by_name, by_code);
    assert_eq!(by_code, by_u16);
    assert_eq!(by_name.to_string(), "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

    let other = suites::TLS_RSA_WITH_AES_128_CBC_SHA;
    let set: HashSet<&Suite> = [by_name, by_code, by_u16, other].into_iter().collect();
    assert_eq!(set.len(), 2);
    let sorted: Vec<u32> = [by_name, other]
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(Suite::code)
        .collect();
    assert_eq!(sorted, [0x002F, 0xC02F]);
    assert!(other < by_name);
}

#[test]
fn errors_say_what_would_be_right() {
    let e: UnknownNameError = "ECDHE-RSA-AES128-GCM-SHA265".parse::<&Suite>().unwrap_err();
    assert_eq!(e.input(), "ECDHE-RSA-AES128-GCM-SHA265");
    assert!(
        e.to_string()
            .contains("did you mean ECDHE-RSA-AES128-GCM-SHA256"),
        "{e}"
    );
    let e: UnknownCodeError = <&Suite>::try_from(0xC0FEu16).unwrap_err();
    assert_eq!(e.code(), 0xC0FE);
    // Errors are std errors, usable with `?` in a Box<dyn Error> function.
    let boxed: Box<dyn std::error::Error> = Box::new(e);
    assert!(boxed.to_string().contains("0xC0FE"));
    let e = "iis".parse::<cipherdex::openssl::Dialect>().unwrap_err();
    assert!(e.to_string().contains("nginx"), "{e}");
}

#[test]
fn rustls_conversion_both_ways() {
    let suite = suites::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256;
    let rs = rustls::CipherSuite::from(suite);
    assert_eq!(
        rs,
        rustls::CipherSuite::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256
    );
    assert_eq!(<&Suite>::try_from(rs), Ok(suite));
    // Every rustls name that is a real suite maps to the suite with its code.
    for s in Suite::all().iter().filter(|s| s.code() <= 0xFFFF) {
        let rs = rustls::CipherSuite::from(s);
        assert_eq!(u16::from(rs), s.code() as u16);
        assert_eq!(<&Suite>::try_from(rs).map(Suite::code), Ok(s.code()));
    }
    assert!(<&Suite>::try_from(rustls::CipherSuite::Unknown(0xC0FE)).is_err());
}

#[test]
fn rustls_groups_and_signature_schemes_both_ways() {
    for g in Group::all() {
        let rs = rustls::NamedGroup::from(g);
        assert_eq!(u16::from(rs), g.code());
        assert_eq!(<&Group>::try_from(rs).map(Group::code), Ok(g.code()));
    }
    assert_eq!(
        rustls::NamedGroup::from(groups::X25519),
        rustls::NamedGroup::X25519
    );
    for s in SignatureScheme::all() {
        let rs = rustls::SignatureScheme::from(s);
        assert_eq!(u16::from(rs), s.code());
        assert_eq!(
            <&SignatureScheme>::try_from(rs).map(SignatureScheme::code),
            Ok(s.code())
        );
    }
    assert_eq!(
        rustls::SignatureScheme::from(sigalgs::ECDSA_SECP256R1_SHA256),
        rustls::SignatureScheme::ECDSA_NISTP256_SHA256
    );
}

#[test]
fn serde_round_trip() {
    let suite = suites::TLS_AES_128_GCM_SHA256;
    let json = serde_json::to_string(suite).unwrap();
    let back: &Suite = serde_json::from_str(&json).unwrap();
    assert_eq!(back, suite);
    // What a user would write by hand: a name or a code.
    let list: Vec<&Suite> =
        serde_json::from_str(r#"["ECDHE-RSA-AES128-GCM-SHA256", "0x002F", 4865]"#).unwrap();
    let codes: Vec<u32> = list.iter().map(|s| s.code()).collect();
    assert_eq!(codes, [0xC02F, 0x002F, 0x1301]);
    let bad = serde_json::from_str::<&Suite>(r#""AES128-SHAA""#).unwrap_err();
    assert!(bad.to_string().contains("did you mean AES128-SHA"), "{bad}");

    let scheme: Scheme = serde_json::from_str(r#""openssl""#).unwrap();
    assert_eq!(scheme, Scheme::OpenSsl);
    let p: Protocol =
        serde_json::from_str(&serde_json::to_string(&Protocol::Tls12).unwrap()).unwrap();
    assert_eq!(p, Protocol::Tls12);
    let level: Level = serde_json::from_str(r#""weak""#).unwrap();
    assert_eq!(level, Level::Weak);
    let policy: &Policy = serde_json::from_str(r#""mozilla-intermediate""#).unwrap();
    let again: &Policy = serde_json::from_str(&serde_json::to_string(policy).unwrap()).unwrap();
    assert_eq!(policy, again);
    assert!(serde_json::from_str::<Level>(r#""strong""#).is_err());
}

#[test]
fn policy_reasons_are_typed() {
    let p: &Policy = "http2".parse().unwrap();
    let v = p.verdict(suites::TLS_RSA_WITH_AES_128_GCM_SHA256);
    assert!(!v.allowed);
    assert!(matches!(v.reasons[0], Reason::Http2Blocked { .. }));
    assert_eq!(v.reasons[0].id(), "http2_blocked");
}

#[test]
fn certificates_built_and_read() {
    let suite = suites::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
    let ec = CertKey::new(KeyType::Ecdsa)
        .with_curve(NamedCurve::P256)
        .with_key_usage(KeyUsage::NONE.with_digital_signature());
    assert!(cert::fits(suite, &ec, Protocol::Tls12).ok);
    let mut reasons = 0;
    assert!(!cert::check(
        suite,
        &CertKey::new(KeyType::Rsa),
        Protocol::Tls12,
        &mut |_| reasons += 1
    ));
    assert!(reasons > 0);
    // Feature x509: certificate files.
    assert!(CertKey::from_pem_or_der(b"not a certificate").is_err());
}

#[test]
fn negotiation_peers_built_by_hand() {
    let client = Peer::from_names(["DES-CBC3-SHA"]).unwrap();
    let mut server = Peer::from_names(["AES128-SHA"]).unwrap();
    server.versions = parse_versions("1.2").unwrap();
    server.dormant.push(Dormant::new(
        suites::TLS_RSA_WITH_3DES_EDE_CBC_SHA,
        "add DES-CBC3-SHA",
    ));
    let n = negotiate(&client, &server);
    assert!(!n.is_ok());
    assert!(n
        .outcome
        .unwrap_err()
        .to_string()
        .contains("add DES-CBC3-SHA"));
}

#[test]
fn tasks_of_the_crate_docs() {
    // Convert.
    let suite = cipherdex::lookup("ECDHE-ECDSA-AES256-SHA").unwrap();
    assert_eq!(
        suite.name(Scheme::Iana),
        Some("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA")
    );
    // Classify.
    assert!(suite.has_forward_secrecy() && !suite.is_aead());
    let des = cipherdex::lookup("DES-CBC3-SHA").unwrap();
    assert_eq!(des.rating().level(), Some(Level::Weak));
    // Read a scanner report.
    let sslscan =
        "Accepted  TLSv1.2  128 bits  ECDHE-RSA-AES128-GCM-SHA256   Curve 25519 DHE 253\n\
                   Accepted  TLSv1.2  128 bits  AES128-SHA\n";
    let format = cipherdex::input::detect(sslscan);
    assert_eq!(format, cipherdex::input::Format::SslscanText);
    let report = cipherdex::input::report(format, sslscan).unwrap();
    assert_eq!(report.suites_in(Protocol::Tls12).len(), 2);
    // Explain.
    let found = cipherdex::explain::explain("0x80090331").unwrap();
    assert_eq!(found[0].name, "SEC_E_ALGORITHM_MISMATCH");
}

#[test]
fn client_hello_lists_as_registry_entries() {
    use cipherdex::hello::{self, Offered};
    // A ClientHello offering GREASE, one known and one unknown suite, and
    // supported_groups GREASE, x25519, an unknown group.
    let mut b = vec![0x01, 0x00, 0x00, 0x3b, 0x03, 0x03];
    b.extend([0u8; 32]);
    b.extend([
        0x00, 0x00, 0x06, 0x0a, 0x0a, 0x13, 0x01, 0x77, 0x77, 0x01, 0x00,
    ]);
    b.extend([0x00, 0x0c, 0x00, 0x0a, 0x00, 0x08, 0x00, 0x06]);
    b.extend([0x2a, 0x2a, 0x00, 0x1d, 0x12, 0x34]);
    let h = hello::decode(&b).unwrap();
    let suites: Vec<Offered<Suite, u32>> = h.suites().collect();
    assert_eq!(
        suites,
        [
            Offered::Grease(0x0A0A),
            Offered::Known(suites::TLS_AES_128_GCM_SHA256),
            Offered::Unknown(0x7777)
        ]
    );
    let groups: Vec<Offered<Group>> = h.groups().collect();
    assert_eq!(
        groups,
        [
            Offered::Grease(0x2A2A),
            Offered::Known(groups::X25519),
            Offered::Unknown(0x1234)
        ]
    );
    assert_eq!(groups[2].name(), None);
    assert_eq!(h.extensions[0].name(), Some("supported_groups"));
}

#[test]
fn windows_release_answers() {
    let r: cipherdex::windows::Release = "server-2019".parse().unwrap();
    let on: Vec<&str> = r
        .default_groups()
        .iter()
        .filter(|g| g.enabled())
        .map(|g| g.name())
        .collect();
    assert_eq!(on, ["curve25519", "NistP256", "NistP384"]);
    let r: cipherdex::windows::Release = "server-2025".parse().unwrap();
    let a: cipherdex::windows::Availability = r.diagnose(suites::TLS_RSA_WITH_3DES_EDE_CBC_SHA);
    assert!(a.is_supported_not_enabled());
}

#[test]
fn enums_that_may_grow_take_a_wildcard() {
    // Level is #[non_exhaustive]: a match outside the crate needs `_`.
    let word = match Level::Weak {
        Level::Recommended | Level::Secure => "fine",
        Level::Weak | Level::Insecure => "not fine",
        _ => "new level",
    };
    assert_eq!(word, "not fine");
}
