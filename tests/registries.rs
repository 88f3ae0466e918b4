//! Whole-table checks of the supported-group and signature-scheme
//! registries: every spelling leads back to its code in any case, the
//! constants and arrays agree, and the facts a handshake model relies on
//! hold (versions, kinds, curves of TLS 1.3 ECDSA schemes).

use std::collections::HashSet;

use cipherdex::{
    groups, sigalgs, Group, GroupKind, HashAlgorithm, Origin, Protocol, RegistryListErrorKind,
    Scheme, SignatureAlgorithm, SignatureScheme,
};

#[test]
fn every_group_spelling_round_trips_in_any_case() {
    for g in Group::all() {
        assert_eq!(Group::from_code(g.code()), Some(g));
        assert_eq!(<&Group>::try_from(g.code()).ok(), Some(g));
        assert_eq!(Group::lookup(&g.code_hex().to_string()), Some(g), "{g}");
        assert_eq!(Group::lookup(&g.code().to_string()), Some(g), "{g}");
        for a in g.aliases() {
            for s in [
                a.name().to_string(),
                a.name().to_ascii_uppercase(),
                a.name().to_ascii_lowercase(),
            ] {
                assert_eq!(Group::from_name(&s), Some(g), "{s:?} should name {g}");
                assert_eq!(s.parse::<&Group>().ok(), Some(g));
            }
        }
        if g.origin() == Origin::Iana {
            assert_eq!(g.name(Scheme::Iana), Some(g.iana_name()), "{g}");
        }
    }
}

#[test]
fn every_sigalg_spelling_round_trips_in_any_case() {
    for s in SignatureScheme::all() {
        assert_eq!(SignatureScheme::from_code(s.code()), Some(s));
        assert_eq!(<&SignatureScheme>::try_from(s.code()).ok(), Some(s));
        assert_eq!(SignatureScheme::lookup(&s.code_hex().to_string()), Some(s));
        for a in s.aliases() {
            for n in [
                a.name().to_string(),
                a.name().to_ascii_uppercase(),
                a.name().to_ascii_lowercase(),
            ] {
                assert_eq!(
                    SignatureScheme::from_name(&n),
                    Some(s),
                    "{n:?} should name {s}"
                );
            }
        }
        if s.origin() != Origin::Grease {
            assert_eq!(SignatureScheme::from_name(s.iana_name()), Some(s));
        }
    }
}

#[test]
fn the_registries_are_complete() {
    let count = |k: GroupKind| Group::all().iter().filter(|g| g.kind() == k).count();
    assert_eq!(count(GroupKind::Grease), 16);
    assert_eq!(count(GroupKind::FiniteField), 5);
    assert_eq!(count(GroupKind::PostQuantum), 3);
    assert_eq!(
        count(GroupKind::Hybrid),
        5,
        "three ML-KEM hybrids, two obsolete Kyber drafts"
    );
    for code in (1..=0x29)
        .chain(0x100..=0x104)
        .chain(0x200..=0x202)
        .chain(0x11EB..=0x11ED)
    {
        assert!(
            Group::from_code(code).is_some(),
            "group 0x{code:04X} missing"
        );
    }
    for code in [0xFF01, 0xFF02, 0x6399, 0x639A] {
        assert!(
            Group::from_code(code).is_some(),
            "group 0x{code:04X} missing"
        );
    }
    for code in (0x0804..=0x080B)
        .chain(0x081A..=0x081C)
        .chain(0x0904..=0x0906)
        .chain(0x0708..=0x070F)
    {
        assert!(
            SignatureScheme::from_code(code).is_some(),
            "sigalg 0x{code:04X} missing"
        );
    }
    for code in [
        0x0201, 0x0202, 0x0203, 0x0301, 0x0302, 0x0303, 0x0401, 0x0402, 0x0403, 0x0501, 0x0502,
        0x0503, 0x0601, 0x0602, 0x0603,
    ] {
        assert!(
            SignatureScheme::from_code(code).is_some(),
            "sigalg 0x{code:04X} missing"
        );
    }
    let grease = |c: u16| c & 0x0F0F == 0x0A0A && c >> 12 == (c >> 4) & 0xF;
    for hi in 0..16u16 {
        let c = hi << 12 | 0x0A00 | hi << 4 | 0x0A;
        assert!(grease(c));
        assert!(Group::from_code(c).is_some_and(Group::is_grease));
        assert!(SignatureScheme::from_code(c).is_some_and(SignatureScheme::is_grease));
    }
}

#[test]
fn versions_kinds_and_curves_hold() {
    use Protocol::{Tls12, Tls13};
    // RFC 8446 dropped the old curves from TLS 1.3; the TLS 1.3-only groups
    // never reach TLS 1.2.
    for g in Group::all().iter().filter(|g| !g.is_grease()) {
        let tls13_only = matches!(g.kind(), GroupKind::Hybrid | GroupKind::PostQuantum)
            || (0x1F..=0x21).contains(&g.code())
            || g.code() == 0x29;
        assert_eq!(g.supports(Tls12), !tls13_only, "{g}");
        if g.kind() == GroupKind::Hybrid || g.kind() == GroupKind::PostQuantum {
            assert!(g.bits().is_some_and(|b| b >= 128), "{g}");
        }
    }
    assert!(groups::SECP256R1.supports(Tls13) && groups::X448.supports(Tls13));
    assert!(!groups::SECP256K1.supports(Tls13) && !groups::BRAINPOOLP384R1.supports(Tls13));
    assert!(groups::X25519MLKEM768.supports(Protocol::Dtls13));
    assert_eq!(groups::FFDHE3072.bits(), Some(128));
    // TLS 1.3 ECDSA ties each scheme to a curve that TLS 1.3 can use.
    for s in SignatureScheme::all() {
        if s.algorithm() == SignatureAlgorithm::Ecdsa && s.supports(Tls13) {
            let curve = s.curve().unwrap_or_else(|| panic!("{s} has no curve"));
            assert!(curve.supports(Tls13), "{s}: {curve}");
        }
        if matches!(s.hash(), Some(HashAlgorithm::Sha1 | HashAlgorithm::Md5))
            || s.algorithm() == SignatureAlgorithm::Dsa
        {
            assert!(!s.supports(Tls13), "{s} must not be offered in TLS 1.3");
        }
    }
    assert_eq!(
        sigalgs::RSA_PSS_PSS_SHA256.algorithm(),
        SignatureAlgorithm::RsaPssPss
    );
    assert_eq!(sigalgs::ED448.hash(), Some(HashAlgorithm::Intrinsic));
    assert_eq!(sigalgs::MLDSA65.bits(), Some(192));
}

#[test]
fn spellings_of_each_tool_name_the_right_code() {
    let g = |n: &str| Group::from_name(n).map(Group::code);
    assert_eq!(g("prime256v1"), Some(0x17));
    assert_eq!(g("nistp384"), Some(0x18));
    assert_eq!(g("secP521r1"), Some(0x19));
    assert_eq!(g("curve25519"), Some(0x1D));
    assert_eq!(g("x25519_mlkem768"), Some(0x11EC));
    assert_eq!(g("ssl_grp_kem_mlkem768x25519"), Some(0x11EC));
    assert_eq!(g("GROUP-FFDHE4096"), Some(0x102));
    assert_eq!(g("K-409"), Some(0x0B));
    assert_eq!(g("B-571"), Some(0x0E));
    assert_eq!(g("CurveP521"), Some(0x19));
    let s = |n: &str| SignatureScheme::from_name(n).map(SignatureScheme::code);
    assert_eq!(s("RSA+SHA1"), Some(0x0201));
    assert_eq!(s("PSS+SHA384"), Some(0x0805));
    assert_eq!(s("SIGN-RSA-PSS-SHA512"), Some(0x080B));
    assert_eq!(s("ECDSA-SHA384"), Some(0x0503));
    assert_eq!(s("ssl_sig_rsa_pss_rsae_sha256"), Some(0x0804));
    assert_eq!(s("rsa_sha224"), Some(0x0301));
    assert_eq!(s("PKCS1WithSHA1"), Some(0x0201));
    assert_eq!(s("ecdsa_brainpoolP256r1_sha256"), Some(0x081A));
    assert_eq!(g("RSA+SHA256"), None);
    assert_eq!(s("x25519"), None);
}

#[test]
fn lists_report_every_bad_item() {
    let list = Group::parse_list("x25519 , P-256:: GROUP-SECP384R1\n0x0019").expect("valid");
    let codes: Vec<u16> = list.iter().map(|g| g.code()).collect();
    assert_eq!(codes, [0x1D, 0x17, 0x18, 0x19]);
    let err = Group::parse_list("X25519:x2551:P-256:prime256v1:nope").expect_err("bad");
    let items = err.items();
    assert_eq!(items.len(), 3, "{err}");
    assert_eq!((items[0].position(), items[0].input()), (2, "x2551"));
    match items[0].kind() {
        RegistryListErrorKind::Unknown(e) => assert_eq!(e.suggestions()[0], "x25519"),
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(items[1].kind(), RegistryListErrorKind::Duplicate { first } if first == "P-256")
    );
    assert_eq!(items[2].input(), "nope");
    let text = err.to_string();
    assert!(text.starts_with("3 bad items in the group list:"), "{text}");
    assert!(matches!(
        Group::parse_list(" : ").expect_err("empty").items()[0].kind(),
        RegistryListErrorKind::Empty
    ));
    let err = SignatureScheme::parse_list("RSA-PSS+SHA265").expect_err("bad");
    assert!(
        err.to_string().contains("did you mean RSA-PSS+SHA256"),
        "{err}"
    );
}

#[test]
fn hash_and_order_go_by_code() {
    let set: HashSet<&Group> = ["x25519", "X25519", "29", "curve25519", "P-256"]
        .iter()
        .filter_map(|n| Group::lookup(n))
        .collect();
    assert_eq!(set.len(), 2);
    let mut v = [groups::X25519MLKEM768, groups::SECP384R1, groups::X25519];
    v.sort();
    let names: Vec<String> = v.iter().map(|g| g.to_string()).collect();
    assert_eq!(names, ["secp384r1", "x25519", "X25519MLKEM768"]);
    assert!(sigalgs::RSA_PKCS1_SHA256 < sigalgs::RSA_PSS_RSAE_SHA256);
}

#[test]
fn windows_groups_are_registry_groups() {
    use cipherdex::windows::Release;
    let mut seen = 0;
    for r in Release::all() {
        for g in r.default_groups() {
            let group = g
                .group()
                .unwrap_or_else(|| panic!("{r}: {} names no group", g.name()));
            assert!(
                group
                    .names_in(Scheme::Windows)
                    .any(|a| a.name().eq_ignore_ascii_case(g.name())),
                "{r}: {} is not a windows name of {group}",
                g.name()
            );
            seen += 1;
        }
    }
    assert!(seen > 50, "only {seen} Windows group rows");
    let names = |r: &str| -> Vec<&str> {
        Release::find(r)
            .expect(r)
            .enabled_groups()
            .iter()
            .map(|g| g.iana_name())
            .collect()
    };
    assert_eq!(names("10-1507"), ["secp256r1", "secp384r1"]);
    assert_eq!(names("server-2019"), ["x25519", "secp256r1", "secp384r1"]);
    assert!(names("7").is_empty());
}

#[test]
fn defaults_name_known_entries_and_keep_their_shares_in_their_groups() {
    use cipherdex::defaults;
    assert!(defaults::all().len() >= 8);
    for d in defaults::all() {
        let groups: Vec<u16> = d.groups().map(|g| g.code()).collect();
        assert!(!groups.is_empty(), "{} {}", d.implementation(), d.release());
        assert!(d.key_shares().all(|k| groups.contains(&k.code())));
        assert!(d.groups().all(|g| !g.is_grease()));
    }
    let o30 = defaults::find("OpenSSL", "3.0", None).expect("3.0");
    assert_eq!(o30.security_level(), Some(1));
    assert_eq!(
        defaults::find("openssl", "3.0", Some("debian")).and_then(|d| d.security_level()),
        Some(2)
    );
    let sha1 = |d: &cipherdex::defaults::PeerDefaults| {
        d.sigalgs()
            .into_iter()
            .flatten()
            .any(|s| s.hash() == Some(HashAlgorithm::Sha1))
    };
    assert!(!sha1(o30), "OpenSSL 3.0 leaves SHA-1 out at level 1");
    assert!(sha1(
        defaults::find("openssl", "1.1.1", None).expect("1.1.1")
    ));
    assert!(defaults::find("openssl", "3.9", None).is_none());
}
