//! Hand-written cases for the OpenSSL cipher-string evaluator, and a fixture
//! of real `openssl ciphers` output for every keyword (no openssl needed).
//!
//! The fixture `tests/fixtures/openssl-3.0-keywords.tsv` was made with
//! `OPENSSL_CONF=/dev/null openssl ciphers -ciphersuites '' -- "$K"` (OpenSSL
//! 3.0.22, Debian 12) for each keyword `$K`, printing `ERROR` on failure.

use cipherdex::openssl::{
    evaluate, evaluate_ciphersuites, evaluate_full, CipherStringError, Release, Warning,
};

fn names(s: &str, t: Release) -> Vec<&'static str> {
    evaluate(s, t).map(|x| x.names()).unwrap_or_default()
}

#[test]
fn every_keyword_matches_the_recorded_openssl_output() {
    let text = include_str!("fixtures/openssl-3.0-keywords.tsv");
    let mut n = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let (input, expected) = line.split_once('\t').expect("tab-separated");
        let got = match evaluate(input, Release::OpenSsl30) {
            Ok(x) => x.to_string(),
            Err(CipherStringError::NoCipherMatch) => "ERROR".into(),
            Err(e) => format!("unexpected error {e:?}"),
        };
        assert_eq!(got, expected, "cipher string {input:?}");
        n += 1;
    }
    assert!(n >= 80);
}

#[test]
fn high_without_anull_and_md5() {
    let x = evaluate("HIGH:!aNULL:!MD5", Release::OpenSsl30).unwrap();
    assert!(x.warnings().is_empty());
    assert_eq!(
        x.ciphers().len(),
        names("HIGH", Release::OpenSsl30).len() - 12
    );
    assert!(x.ciphers().iter().all(|c| c.strength_class() == "HIGH"));
    assert_eq!(
        x.names()[..2],
        [
            "ECDHE-ECDSA-AES256-GCM-SHA384",
            "ECDHE-RSA-AES256-GCM-SHA384"
        ]
    );
}

#[test]
fn kill_is_permanent_delete_is_not() {
    assert!(!names("ALL:!RSA:RSA", Release::OpenSsl30).contains(&"AES128-SHA"));
    assert!(names("ALL:-RSA:RSA", Release::OpenSsl30).contains(&"AES128-SHA"));
    // `-` then re-add puts them at the end, in their previous order.
    let v = names(
        "ALL:-AES128-SHA:-AES256-SHA:AES128-SHA:AES256-SHA",
        Release::OpenSsl30,
    );
    assert_eq!(v[v.len() - 2..], ["AES128-SHA", "AES256-SHA"]);
}

#[test]
fn plus_moves_to_the_end_and_strength_sorts() {
    let v = names("AES128-SHA:AES256-SHA:+AES128-SHA", Release::OpenSsl30);
    assert_eq!(v, ["AES256-SHA", "AES128-SHA"]);
    let v = names(
        "AES128-SHA:NULL-SHA:AES256-SHA:@STRENGTH",
        Release::OpenSsl30,
    );
    assert_eq!(v, ["AES256-SHA", "AES128-SHA", "NULL-SHA"]);
    // `+` never adds anything.
    assert_eq!(
        evaluate("+HIGH", Release::OpenSsl30),
        Err(CipherStringError::NoCipherMatch)
    );
}

#[test]
fn separators_and_operators_without_separators() {
    let a = names("HIGH:!MD5", Release::OpenSsl30);
    for s in [
        "HIGH,!MD5",
        "HIGH !MD5",
        "HIGH;!MD5",
        "HIGH!MD5",
        "::HIGH::!MD5::",
    ] {
        assert_eq!(names(s, Release::OpenSsl30), a, "{s}");
    }
}

#[test]
fn default_prefix_and_suiteb() {
    assert_eq!(
        names("DEFAULT", Release::OpenSsl30),
        names("ALL:!COMPLEMENTOFDEFAULT:!eNULL", Release::OpenSsl30)
    );
    assert_eq!(
        names("DEFAULT:!kRSA", Release::OpenSsl30),
        names("ALL:!COMPLEMENTOFDEFAULT:!eNULL:!kRSA", Release::OpenSsl30)
    );
    // Only at the very start; anywhere else it is an unknown word.
    assert_eq!(names("SUITEB128:HIGH", Release::OpenSsl30).len(), 2);
    let x = evaluate("HIGH:SUITEB128", Release::OpenSsl30).unwrap();
    assert!(matches!(&x.warnings()[0], Warning::UnknownWord { word, .. } if word == "SUITEB128"));
}

#[test]
fn errors_say_what_is_wrong() {
    assert!(matches!(
        evaluate("HIGH+*", Release::OpenSsl30),
        Err(CipherStringError::InvalidCommand {
            position: 5,
            found: Some('*')
        })
    ));
    assert!(matches!(
        evaluate("HIGH:@SECLEVEL=9", Release::OpenSsl30),
        Err(CipherStringError::BadSpecial { .. })
    ));
    assert!(matches!(
        evaluate("HIGH:@", Release::OpenSsl30),
        Err(CipherStringError::InvalidCommand { .. })
    ));
    assert_eq!(
        evaluate("", Release::OpenSsl30),
        Err(CipherStringError::NoCipherMatch)
    );
    assert_eq!(
        evaluate("FOO", Release::OpenSsl30),
        Err(CipherStringError::NoCipherMatch)
    );
    // Unknown words hide later garbage, as in OpenSSL.
    assert!(evaluate("HIGH:FOO+*", Release::OpenSsl30).is_ok());
    for e in [
        CipherStringError::NoCipherMatch,
        CipherStringError::NoCiphersuiteMatch,
        CipherStringError::UnknownRelease("9".into()),
    ] {
        assert!(e.to_string().len() > 40);
    }
}

#[test]
fn warnings_for_unknown_words() {
    let x = evaluate(
        "HIGH:!md5:RC4:TLS_AES_128_GCM_SHA256:AES+CHACHA20",
        Release::OpenSsl30,
    )
    .unwrap();
    let w = x.warnings();
    assert_eq!(w.len(), 4, "{w:?}");
    assert!(matches!(&w[0], Warning::UnknownWord { suggestion: Some(s), .. } if s == "MD5"));
    assert!(matches!(
        &w[1],
        Warning::UnknownWord {
            known_in: Some(Release::OpenSsl111Weak),
            ..
        }
    ));
    assert!(matches!(&w[2], Warning::UnknownWord { word, .. } if word == "TLS_AES_128_GCM_SHA256"));
    assert!(matches!(&w[3], Warning::EmptyCombination { .. }));
    assert_eq!(x.names(), names("HIGH", Release::OpenSsl30));
}

#[test]
fn targets_differ_where_openssl_builds_differ() {
    // 1.1.1 with weak ciphers has RC4 and 3DES, in MEDIUM.
    let weak = names("MEDIUM", Release::OpenSsl111Weak);
    assert!(weak.contains(&"DES-CBC3-SHA") && weak.contains(&"RC4-SHA"));
    assert!(evaluate("3DES", Release::OpenSsl111).is_err());
    assert!(names("SEED", Release::OpenSsl111).contains(&"SEED-SHA"));
    assert!(evaluate("SEED", Release::OpenSsl30).is_err());
    // CCM8: HIGH until 3.1, MEDIUM from 3.2.
    assert!(names("HIGH", Release::OpenSsl30).contains(&"AES128-CCM8"));
    assert!(!names("HIGH", Release::OpenSsl32).contains(&"AES128-CCM8"));
    assert!(names("MEDIUM", Release::OpenSsl32).contains(&"AES128-CCM8"));
    // CBC is a 3.0 keyword.
    assert!(evaluate("CBC", Release::OpenSsl111).is_err());
    assert_eq!(Release::OpenSsl111.ciphers().len(), 160);
    assert_eq!(Release::OpenSsl111Weak.ciphers().len(), 184);
    for (s, t) in [
        ("3.0.13", Release::OpenSsl30),
        ("3.1", Release::OpenSsl30),
        ("3.3", Release::OpenSsl32),
        ("3.4.1", Release::OpenSsl32),
        ("3.5", Release::OpenSsl35),
        ("OpenSSL 3.6.0", Release::OpenSsl35),
        ("1.1.1k", Release::OpenSsl111),
        ("1.1.1-weak", Release::OpenSsl111Weak),
        ("1.1.1w+weak", Release::OpenSsl111Weak),
        ("3", Release::OpenSsl30),
        ("3.x", Release::OpenSsl30),
        ("3.1.7", Release::OpenSsl30),
        ("3.2.0", Release::OpenSsl32),
        ("openssl-3.9.1.2", Release::OpenSsl35),
    ] {
        assert_eq!(s.parse::<Release>().unwrap(), t, "{s}");
    }
    // Versions no row of data/openssl-releases.csv covers.
    for s in [
        "1.0.2", "1.1", "1.1.0", "4.0", "3.0-weak", "", "weak", "x.1",
    ] {
        assert!(s.parse::<Release>().is_err(), "{s}");
    }
    // Labels and names come from the same rows; each label parses back.
    for r in Release::ALL {
        assert_eq!(r.label().parse::<Release>().unwrap(), r);
        assert!(r.to_string().starts_with("OpenSSL "), "{r}");
    }
    assert_eq!(
        Release::OpenSsl111Weak.to_string(),
        "OpenSSL 1.1.1 (enable-weak-ssl-ciphers)"
    );
}

#[test]
fn tls13_ciphersuites() {
    let x = evaluate_ciphersuites(
        "TLS_CHACHA20_POLY1305_SHA256: TLS_AES_128_CCM_8_SHA256",
        Release::OpenSsl30,
    )
    .unwrap();
    assert_eq!(
        x.names(),
        ["TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_CCM_8_SHA256"]
    );
    assert_eq!(
        evaluate_ciphersuites("", Release::OpenSsl30)
            .unwrap()
            .ciphers()
            .len(),
        0
    );
    assert_eq!(
        evaluate_ciphersuites("AES128-SHA", Release::OpenSsl30),
        Err(CipherStringError::NoCiphersuiteMatch)
    );
    let full = evaluate_full("HIGH", None, Release::OpenSsl30).unwrap();
    assert_eq!(full.tls13().len(), 3);
    assert_eq!(full.names()[0], "TLS_AES_256_GCM_SHA384");
}

#[test]
fn every_engine_suite_is_in_the_knowledge_base() {
    for t in Release::ALL {
        for c in t.ciphers().iter().chain(t.tls13_ciphersuites()) {
            let s = cipherdex::Suite::from_code(u32::from(c.code())).expect("in knowledge base");
            assert_eq!(s.code(), u32::from(c.code()));
        }
    }
}

#[test]
fn no_panic_on_odd_input() {
    for s in [
        "\u{e9}",
        "HIGH:\u{1F600}",
        "+",
        "!",
        "-",
        "@",
        "@@",
        "+++",
        "\0",
        "HIGH\u{e9}",
        "A+",
        "DEFAULT:",
        "DEFAULTX",
    ] {
        let _ = evaluate(s, Release::OpenSsl30);
        let _ = evaluate_ciphersuites(s, Release::OpenSsl30);
    }
}

mod writers {
    use cipherdex::openssl::write::{compile, gnutls_priority, openssl_string, Dialect};
    use cipherdex::openssl::{evaluate, evaluate_full, Release};

    #[test]
    fn openssl_string_round_trips_for_every_keyword() {
        let text = include_str!("fixtures/openssl-3.0-keywords.tsv");
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let input = line.split('\t').next().unwrap();
            for t in Release::ALL {
                let Ok(x) = evaluate(input, t) else { continue };
                let w = openssl_string(&x.suites(), t);
                assert!(w.unexpressible().is_empty());
                assert_eq!(
                    evaluate(w.text(), t).unwrap().names(),
                    x.names(),
                    "{input} {t}"
                );
            }
        }
    }

    #[test]
    fn server_lines() {
        let x = evaluate_full("ECDHE+AESGCM", None, Release::OpenSsl30).unwrap();
        let s = x.suites();
        let nginx = compile(Dialect::Nginx, &s, Release::OpenSsl30);
        assert!(nginx
            .text()
            .starts_with("ssl_ciphers 'ECDHE-ECDSA-AES256-GCM-SHA384:"));
        assert!(nginx.text().ends_with(
            "ssl_conf_command Ciphersuites TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256;\n"
        ));
        let apache = compile(Dialect::Apache, &s, Release::OpenSsl30);
        assert!(apache
            .text()
            .contains("\nSSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384:"));
        let ha = compile(Dialect::Haproxy, &s, Release::OpenSsl30);
        assert!(ha.text().starts_with("ssl-default-bind-ciphers ECDHE-"));
        assert_eq!("NGINX".parse::<Dialect>().unwrap(), Dialect::Nginx);
        assert!("iis".parse::<Dialect>().is_err());
    }

    #[test]
    fn unexpressible_suites_are_reported() {
        // 3DES is not in OpenSSL 3.0's default build.
        let s = [
            cipherdex::lookup("DES-CBC3-SHA").unwrap(),
            cipherdex::lookup("AES128-SHA").unwrap(),
        ];
        let w = openssl_string(&s, Release::OpenSsl30);
        assert_eq!(w.text(), "AES128-SHA");
        assert_eq!(w.unexpressible().len(), 1);
        let w = openssl_string(&s, Release::OpenSsl111Weak);
        assert_eq!(w.text(), "DES-CBC3-SHA:AES128-SHA");
        // GnuTLS has no ARIA; and cannot name single suites.
        let s = [
            cipherdex::lookup("ECDHE-ARIA128-GCM-SHA256").unwrap(),
            cipherdex::lookup("ECDHE-RSA-AES128-GCM-SHA256").unwrap(),
            cipherdex::lookup("ECDHE-ECDSA-AES256-GCM-SHA384").unwrap(),
        ];
        let w = gnutls_priority(&s, Release::OpenSsl30);
        assert_eq!(w.unexpressible().len(), 1);
        assert_eq!(
            w.text(),
            "NONE:+VERS-TLS1.2:+ECDHE-RSA:+ECDHE-ECDSA:+AES-128-GCM:+AES-256-GCM:+AEAD:+SIGN-ALL:+GROUP-ALL:+COMP-NULL"
        );
        let extra: Vec<u32> = w.also_enables().iter().map(|s| s.code()).collect();
        assert_eq!(extra, [0xC030, 0xC02B]);
    }
}
