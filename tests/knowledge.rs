//! The knowledge base: lookups in every spelling, round trips, and the traps
//! that naive name parsing gets wrong.

use cipherdex::{
    lookup, lookup_all, parse_code, suggest, Authentication, Cipher, KeyExchange, Mac, Mode,
    NameKind, Origin, Prf, Protocol, Recommended, Scheme, Suite,
};

fn s(name: &str) -> &'static Suite {
    lookup(name).unwrap_or_else(|| panic!("{name} should be known"))
}

#[test]
fn every_name_round_trips_in_every_scheme() {
    let mut checked = 0;
    for suite in Suite::all() {
        for scheme in Scheme::ALL {
            if let Some(name) = suite.name(*scheme) {
                let back = lookup_all(name).find(|x| x.code() == suite.code());
                assert!(
                    back.is_some(),
                    "{name} ({scheme}) does not lead back to {}",
                    suite.code_hex()
                );
                assert_eq!(back.unwrap().name(*scheme), Some(name));
                checked += 1;
            }
        }
        for alias in suite.aliases() {
            assert!(
                lookup_all(alias.name()).any(|x| x.code() == suite.code()),
                "alias {} of {} is not found",
                alias.name(),
                suite.code_hex()
            );
            assert!(
                lookup_all(&alias.name().to_ascii_lowercase()).any(|x| x.code() == suite.code()),
                "lower-case alias {} of {} is not found",
                alias.name(),
                suite.code_hex()
            );
        }
    }
    assert!(checked > 1500, "only {checked} names checked");
}

#[test]
fn codes_round_trip_and_are_sorted() {
    let all = Suite::all();
    for w in all.windows(2) {
        assert!(w[0].code() < w[1].code());
    }
    for suite in all {
        assert_eq!(Suite::from_code(suite.code()), Some(suite));
        assert_eq!(lookup(&suite.code_hex().to_string()), Some(suite));
    }
    assert!(Suite::from_code(0x0047_0000).is_none());
    assert!(Suite::from_code(0x1234).is_none());
}

#[test]
fn iana_registry_is_complete() {
    let iana = Suite::all()
        .iter()
        .filter(|s| s.origin() == Origin::Iana)
        .count();
    assert_eq!(
        iana, 356,
        "IANA assigns 356 code points in data/suites.csv's source"
    );
    let grease: Vec<u32> = Suite::all()
        .iter()
        .filter(|s| s.is_grease())
        .map(|s| s.code())
        .collect();
    assert_eq!(grease.len(), 16);
    for g in grease {
        assert_eq!(g >> 8, g & 0xFF);
        assert_eq!(g & 0x0F, 0x0A);
    }
    for code in [
        0xCC13, 0xCC14, 0xCC15, 0x0060, 0x0066, 0xFEFE, 0xFEFF, 0xFFE0, 0xFFE1, 0xFF85, 0xFF87,
        0xC100, 0xC106, 0x010080, 0x00FF, 0x5600,
    ] {
        assert!(Suite::from_code(code).is_some(), "{code:#X} missing");
    }
}

#[test]
fn code_spellings() {
    let want = Some(0xC02B);
    for spelling in [
        "0xC02B",
        "C02B",
        "c02b",
        "0xC0,0x2B",
        "{0xC0,0x2B}",
        "{0xC0, 0x2B}",
        "c0 2b",
        "xc02b",
        " 0xc02b ",
    ] {
        assert_eq!(parse_code(spelling), want, "{spelling}");
        assert_eq!(lookup(spelling).map(Suite::code), want, "{spelling}");
    }
    assert_eq!(lookup("x9f").map(Suite::code), Some(0x9F));
    assert_eq!(lookup("0x01,0x00,0x80").map(Suite::code), Some(0x010080));
    for bad in [
        "",
        "0x",
        "x",
        "0xC0,0x2B,0x00,0x01",
        "zz",
        "0x1234567",
        "0xC0;0x2B",
        "{}",
    ] {
        assert!(lookup(bad).is_none(), "{bad:?} should not be a suite");
    }
}

#[test]
fn every_scheme_finds_the_seed_suite() {
    let want = s("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA");
    assert_eq!(want.code(), 0xC00A);
    for name in [
        "ECDHE-ECDSA-AES256-SHA",
        "ecdhe-ecdsa-aes256-sha",
        "TLS_ECDHE_ECDSA_AES_256_CBC_SHA1",
        "GNUTLS_ECDHE_ECDSA_AES_256_CBC_SHA1",
        "TLS-ECDHE-ECDSA-WITH-AES-256-CBC-SHA",
        "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P521",
    ] {
        assert_eq!(lookup(name), Some(want), "{name}");
    }
}

#[test]
fn names_per_scheme() {
    let x = s("0x009E");
    assert_eq!(x.name(Scheme::OpenSsl), Some("DHE-RSA-AES128-GCM-SHA256"));
    assert_eq!(
        x.name(Scheme::GnuTls),
        Some("TLS_DHE_RSA_AES_128_GCM_SHA256")
    );
    assert_eq!(x.name(Scheme::Go), None);
    let d = s("0x000A");
    assert_eq!(d.name(Scheme::Java), Some("SSL_RSA_WITH_3DES_EDE_CBC_SHA"));
    assert_eq!(lookup("TLS_RSA_WITH_3DES_EDE_CBC_SHA"), Some(d));
    let edh = s("EDH-RSA-DES-CBC3-SHA");
    assert_eq!(edh.code(), 0x0016);
    assert_eq!(edh.name(Scheme::OpenSsl), Some("DHE-RSA-DES-CBC3-SHA"));
    assert!(edh
        .names_in(Scheme::OpenSsl)
        .any(|a| a.name() == "EDH-RSA-DES-CBC3-SHA" && a.kind() == NameKind::Legacy));
    assert_eq!(s("EXP1024-RC4-SHA").code(), 0x0064);
    assert_eq!(s("ADH-AES128-SHA").code(), 0x0034);
    assert_eq!(s("TLS_AKE_WITH_AES_128_GCM_SHA256").code(), 0x1301);
    assert_eq!(
        s("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256_OLD").code(),
        0xCC13
    );
    assert_eq!(
        s("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256-draft").code(),
        0xCC13
    );
    assert_eq!(s("ECDHE-RSA-CHACHA20-POLY1305-OLD").code(), 0xCC13);
    assert_eq!(s("TLS13-AES128-GCM-SHA256").code(), 0x1301);
    assert_eq!(s("SSL_CK_RC4_128_WITH_MD5").code(), 0x010080);
}

#[test]
fn windows_curve_names_map_to_the_base_code() {
    let x = s("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256");
    assert_eq!(x.code(), 0xC013);
    let curves: Vec<_> = x
        .names_in(Scheme::Windows)
        .filter_map(|a| a.curve())
        .collect();
    assert!(curves.len() >= 2, "{curves:?}");
}

#[test]
fn one_name_two_codes() {
    let codes: Vec<u32> = lookup_all("SSL_RSA_FIPS_WITH_3DES_EDE_CBC_SHA")
        .map(Suite::code)
        .collect();
    assert_eq!(codes, [0xFEFF, 0xFFE0]);
    let codes: Vec<u32> = lookup_all("RC4-MD5").map(Suite::code).collect();
    assert_eq!(codes, [0x0004, 0x010080]);
    assert_eq!(lookup("RC4-MD5").map(Suite::code), Some(0x0004));
    // Wireshark names the draft ChaCha suites like the RFC ones.
    let codes: Vec<u32> = lookup_all("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256")
        .map(Suite::code)
        .collect();
    assert_eq!(codes, [0xCCA8, 0xCC13]);
}

#[test]
fn trap_chacha20_keys_are_256_bits() {
    for name in [
        "ECDHE-RSA-CHACHA20-POLY1305",
        "TLS_CHACHA20_POLY1305_SHA256",
        "0xCC13",
    ] {
        let x = s(name);
        assert_eq!(
            (x.cipher(), x.cipher_bits(), x.mode()),
            (Cipher::ChaCha20, 256, Mode::Poly1305),
            "{name}"
        );
        assert!(x.is_aead());
    }
}

#[test]
fn trap_ccm8_is_not_ccm() {
    assert_eq!(s("TLS_RSA_WITH_AES_128_CCM_8").mode(), Mode::Ccm8);
    assert_eq!(s("TLS_RSA_WITH_AES_128_CCM").mode(), Mode::Ccm);
    assert_eq!(s("TLS_AES_128_CCM_8_SHA256").mode(), Mode::Ccm8);
    assert_eq!(s("TLS_AES_128_CCM_SHA256").mode(), Mode::Ccm);
    assert_eq!(
        s("TLS_PSK_DHE_WITH_AES_128_CCM_8").kex(),
        KeyExchange::DhePsk
    );
}

#[test]
fn trap_tls13_suites_have_no_kex_or_auth_and_only_tls13() {
    for code in [
        0x1301, 0x1302, 0x1303, 0x1304, 0x1305, 0x00C6, 0x00C7, 0xC0B4, 0xC0B5, 0xC103,
    ] {
        let x = Suite::from_code(code).unwrap();
        assert_eq!(x.kex(), KeyExchange::Any, "{}", x.code_hex());
        assert_eq!(x.auth(), Authentication::Any, "{}", x.code_hex());
        assert_eq!(
            x.protocols().min_tls(),
            Some(Protocol::Tls13),
            "{}",
            x.code_hex()
        );
        assert_eq!(
            x.protocols().max_tls(),
            Some(Protocol::Tls13),
            "{}",
            x.code_hex()
        );
    }
    let sm4 = Suite::from_code(0x00C6).unwrap();
    assert_eq!(
        (sm4.cipher(), sm4.mode(), sm4.prf()),
        (Cipher::Sm4, Mode::Gcm, Prf::Sm3)
    );
}

#[test]
fn trap_integrity_only_tls13() {
    for code in [0xC0B4, 0xC0B5] {
        let x = Suite::from_code(code).unwrap();
        assert!(x.is_null_encryption());
        assert!(!x.is_aead());
        assert_eq!(x.mode(), Mode::None);
    }
    assert_eq!(Suite::from_code(0xC0B5).unwrap().mac(), Mac::Sha384);
}

#[test]
fn trap_tls12_only_suites() {
    for suite in Suite::all() {
        let needs12 = !suite.is_tls13()
            && !suite.is_signalling()
            && (suite.is_aead()
                || (matches!(suite.mac(), Mac::Sha256 | Mac::Sha384) && !suite.kex().uses_psk()));
        if needs12 {
            assert_eq!(
                suite.protocols().min_tls(),
                Some(Protocol::Tls12),
                "{}",
                suite.canonical_name()
            );
        }
    }
    assert!(!s("AES128-GCM-SHA256").supports(Protocol::Tls11));
    assert!(!s("AES128-SHA256").supports(Protocol::Tls10));
    assert!(s("AES128-SHA").supports(Protocol::Tls10));
    // RFC 5487: PSK suites with SHA-256 HMACs also run over TLS 1.0 (and OpenSSL does so).
    assert!(s("PSK-AES128-CBC-SHA256").supports(Protocol::Tls10));
    assert!(!s("PSK-AES128-GCM-SHA256").supports(Protocol::Tls11));
}

#[test]
fn trap_export_stops_at_tls10() {
    let mut n = 0;
    for suite in Suite::all()
        .iter()
        .filter(|s| s.is_export() && s.origin() != Origin::Ssl2)
    {
        n += 1;
        assert_eq!(
            suite.protocols().max_tls(),
            Some(Protocol::Tls10),
            "{}",
            suite.canonical_name()
        );
        assert_eq!(suite.prf(), Prf::Legacy);
    }
    assert!(n >= 20, "{n} export suites");
    assert!(s("EXP-RC4-MD5").is_export());
    assert_eq!(s("EXP-RC4-MD5").cipher_bits(), 40);
}

#[test]
fn trap_static_dh_and_ecdh_need_a_dh_or_ec_key() {
    let x = s("TLS_ECDH_RSA_WITH_AES_128_CBC_SHA");
    assert_eq!(
        (x.kex(), x.auth()),
        (KeyExchange::Ecdh, Authentication::Rsa)
    );
    assert!(!x.has_forward_secrecy());
    let y = s("TLS_DH_RSA_WITH_AES_128_CBC_SHA");
    assert_eq!((y.kex(), y.auth()), (KeyExchange::Dh, Authentication::Rsa));
    assert!(!y.has_forward_secrecy());
}

#[test]
fn trap_dhe_dss_rc4_is_not_export() {
    let x = s("DHE-DSS-RC4-SHA");
    assert_eq!(x.code(), 0x0066);
    assert!(!x.is_export());
    assert_eq!(x.cipher_bits(), 128);
    assert_eq!(x.origin(), Origin::Unofficial);
}

#[test]
fn signalling_and_grease() {
    for code in [0x00FF, 0x5600, 0x0A0A, 0xFAFA] {
        let x = Suite::from_code(code).unwrap();
        assert!(x.is_signalling());
        assert!(x.protocols().is_empty());
        assert!(!x.has_forward_secrecy() && !x.is_anonymous() && !x.is_null_encryption());
    }
    assert!(Suite::from_code(0x0A0A).unwrap().is_grease());
    assert!(!Suite::from_code(0x5600).unwrap().is_grease());
}

#[test]
fn flags_and_iana_columns() {
    let x = s("ECDHE-RSA-AES128-GCM-SHA256");
    assert_eq!(x.iana_recommended(), Some(Recommended::Yes));
    assert!(x.dtls_ok());
    assert_eq!(x.rfcs().collect::<Vec<_>>(), [5289]);
    assert!(s("ADH-AES128-SHA").is_anonymous());
    assert!(!s("AES128-SHA").has_forward_secrecy());
    assert!(s("TLS_AES_128_GCM_SHA256").has_forward_secrecy());
    assert_eq!(s("DES-CBC3-SHA").cipher_bits(), 168);
    assert_eq!(
        s("DES-CBC-SHA").protocols().max_tls(),
        Some(Protocol::Tls11)
    );
}

#[test]
fn did_you_mean() {
    assert_eq!(
        suggest("ECDHE-RSA-AES256-GCM-SHA348", 3).first(),
        Some(&"ECDHE-RSA-AES256-GCM-SHA384")
    );
    assert_eq!(
        suggest("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265", 1),
        ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]
    );
    assert!(suggest("completely-unrelated-words-here", 3).is_empty());
    assert!(suggest("", 3).is_empty());
}
