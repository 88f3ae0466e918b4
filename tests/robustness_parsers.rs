//! Property tests for every public parser beyond name lookup: suite lists,
//! OpenSSL cipher strings, scanner reports, hex and ClientHello bytes,
//! certificates, Windows listings, profiles, policies and version ranges.
//! Arbitrary input must give a value or a typed error, never a panic; and a
//! cipher string's expansion, written back as a string, expands to the same
//! list.
//!
//! Besides arbitrary strings and bytes, the generators splice real inputs
//! (the fixtures) with random edits, which reaches far deeper into the
//! parsers than noise does.

use std::str::FromStr;

use cipherdex::openssl::{self, Release};
use cipherdex::{hello, input, negotiate, profile, windows};
use proptest::prelude::*;

/// Real inputs of every kind the parsers read.
const SAMPLES: &[&str] = &[
    include_str!("fixtures/sslscan_openssl-rsa-ec.xml"),
    include_str!("fixtures/sslscan_gnutls-legacy.txt"),
    include_str!("fixtures/nmap_ssl-enum-ciphers_openssl-rsa-ec.xml"),
    include_str!("fixtures/nmap_ssl-enum-ciphers_gnutls-legacy.nmap"),
    include_str!("fixtures/testssl_E_openssl-rsa-ec.json"),
    include_str!("fixtures/testssl_e_openssl-rsa-ec.txt"),
    "16 03 01 00 2f 01 00 00 2b 03 03 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 04 c0 2b c0 2f 01 00",
    "c0 2b c0 2f 00 9e cc a8",
    "ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256;\nssl_protocols TLSv1.2 TLSv1.3;",
    "SSLCipherSuite HIGH:!aNULL:!MD5\nSSLProtocol all -SSLv3",
    "TLS_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384_P384,TLS_RSA_WITH_AES_128_CBC_SHA",
    "Name                  : TLS_AES_256_GCM_SHA384\nCipherSuite           : 4866\nProtocols             : {772}\n",
];

/// A window of up to 1,500 bytes of a sample with a random slice replaced by
/// random text: truncations, insertions and corruptions of real reports
/// (the window keeps debug-build test runs short).
fn spliced() -> impl Strategy<Value = String> {
    (
        prop::sample::select(SAMPLES),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        0usize..64,
        ".{0,16}",
    )
        .prop_map(|(s, from, at, cut, insert)| {
            let floor = |mut i: usize| {
                while !s.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let from = floor(from.index(s.len() + 1));
            let s = &s[from..floor((from + 1_500).min(s.len()))];
            let floor = |mut i: usize| {
                while !s.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let at = floor(at.index(s.len() + 1));
            let end = floor((at + cut).min(s.len()));
            format!("{}{insert}{}", &s[..at], &s[end..])
        })
}

fn bytes_as_str() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<u8>(), 0..300)
        .prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// Cipher-string-like text: keywords, operators and separators.
fn cipher_stringy() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "([!+\\-]?(HIGH|MEDIUM|LOW|ALL|DEFAULT|aNULL|eNULL|MD5|SHA|AESGCM|ECDHE|RSA|kRSA|DHE|3DES|RC4|PSK|@STRENGTH|@SECLEVEL=[0-5]|AES[0-9]{0,3}|[A-Za-z0-9\\-]{1,12})[:, ]?){0,8}",
    )
    .expect("valid regex")
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), bytes_as_str(), spliced(), cipher_stringy()]
}

/// Every parser that takes text, fed `s`; each must return, not panic.
fn parse_everything(s: &str) {
    let _ = input::split(s);
    let _ = input::parse(s);
    let _ = input::read(input::detect(s), s);
    for &f in input::Format::ALL {
        let _ = input::read(f, s);
    }
    for target in [
        Release::OpenSsl111,
        Release::OpenSsl111Weak,
        Release::OpenSsl30,
        Release::OpenSsl32,
    ] {
        let _ = openssl::evaluate(s, target);
        let _ = openssl::evaluate_ciphersuites(s, target);
        let _ = target.knows(s);
        let _ = target.cipher_by_name(s);
    }
    let _ = openssl::evaluate_full(s, Some(s), Release::default());
    let _ = Release::from_str(s);
    let _ = input::report(input::detect(s), s);
    for &f in input::Format::ALL {
        let _ = input::report(f, s);
    }
    let _ = input::Format::from_str(s);
    let _ = hello::decode_hex(s);
    let _ = windows::parse_windows_suite_list(s);
    let _ = windows::parse_get_tls_cipher_suite(s);
    let _ = windows::parse_tls_cipher_suite_names(s);
    let _ = windows::parse_cipher_suite_order(s);
    let _ = windows::Release::find(s);
    let _ = windows::Release::from_str(s);
    let _ = windows::Release::suggest(s, 3);
    for role in [profile::Role::Client, profile::Role::Server] {
        let _ = profile::resolve(s, role);
    }
    let _ = <&'static cipherdex::Policy>::from_str(s);
    let _ = cipherdex::Level::from_str(s);
    let _ = cipherdex::Weakness::from_str(s);
    let _ = negotiate::parse_versions(s);
    let _ = negotiate::Preference::from_str(s);
    let _ = negotiate::Peer::from_names(s.split(':'));
    let _ = cipherdex::cert::CertKey::from_str(s);
    #[cfg(feature = "x509")]
    let _ = cipherdex::cert::CertKey::from_pem_or_der(s.as_bytes());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn text_parsers_never_panic(s in any_text()) {
        parse_everything(&s);
    }

    #[test]
    fn byte_parsers_never_panic(b in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = hello::decode(&b);
        #[cfg(feature = "x509")]
        {
            let _ = cipherdex::cert::CertKey::from_der(&b);
            let _ = cipherdex::cert::CertKey::from_pem_or_der(&b);
        }
    }

    #[test]
    fn handshake_shaped_bytes_never_panic(
        body in proptest::collection::vec(any::<u8>(), 0..300),
        record in any::<bool>(),
        claimed in any::<u16>(),
    ) {
        // A handshake header (ClientHello, length) and optionally a record
        // header, with lengths that may or may not match the body.
        let mut b = Vec::new();
        if record {
            b.extend_from_slice(&[0x16, 0x03, 0x01]);
            b.extend_from_slice(&claimed.to_be_bytes());
        }
        b.push(0x01);
        b.extend_from_slice(&[0, (claimed >> 8) as u8, claimed as u8]);
        b.extend_from_slice(&[0x03, 0x03]);
        b.extend_from_slice(&body);
        let _ = hello::decode(&b);
        let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
        let _ = hello::decode_hex(&hex);
        let _ = input::report(input::Format::ClientHello, &hex);
    }

    #[test]
    fn a_cipher_string_expands_back_to_its_list(s in cipher_stringy()) {
        // Expand, write the expansion as a cipher string, expand that: the
        // same suites in the same order.
        for target in [Release::OpenSsl111, Release::OpenSsl30, Release::OpenSsl32] {
            let Ok(first) = openssl::evaluate(&s, target) else { continue };
            let suites = first.suites();
            let written = openssl::write::openssl_string(&suites, target);
            prop_assert!(
                written.unexpressible().is_empty(),
                "{s:?} ({target:?}): {:?} cannot be written back", written.unexpressible()
            );
            if suites.is_empty() {
                continue;
            }
            let again = openssl::evaluate(written.text(), target)
                .map_err(|e| TestCaseError::fail(format!("{:?} -> {e}", written.text())))?;
            prop_assert_eq!(again.codes(), first.codes(), "{:?} -> {:?}", s, written.text());
        }
    }
}

#[test]
fn real_samples_parse_and_survive_truncation() {
    for s in SAMPLES {
        parse_everything(s);
        // Every prefix at a hundred cut points, through detection.
        let step = (s.len() / 100).max(1);
        for end in (0..s.len()).step_by(step) {
            if s.is_char_boundary(end) {
                let _ = input::report(input::detect(&s[..end]), &s[..end]);
            }
        }
    }
}

#[test]
fn huge_inputs_are_answered() {
    // A 10 MB line and a million suites: a result or an error, no panic.
    let line = "ECDHE-RSA-AES128-GCM-SHA256".repeat(400_000);
    assert!(input::parse(&line).len() <= 1);
    assert!(openssl::evaluate(&line, Release::OpenSsl30).is_err());
    let _ = input::report(input::detect(&line), &line);
    let million = ["AES128-SHA"; 1_000_000].join(":");
    assert_eq!(input::parse(&million).len(), 1_000_000);
    let _ = openssl::evaluate(&million, Release::OpenSsl30);
}

#[test]
fn a_multibyte_character_after_three_bytes_of_a_protocol_word_is_no_panic() {
    // Found by text_parsers_never_panic: the config reader sliced `[..4]` inside `𒴟`.
    let _ = input::report(input::Format::Config, "SSLProtocol R\u{12d1f}\u{aa}");
    let t = "ssl_protocols R\u{12d1f}\u{aa};";
    let _ = input::read(input::detect(t), t);
}
