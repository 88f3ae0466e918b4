//! `cipherdex::input` (and `cipherdex::hello`) against real tool outputs (tests/fixtures): every report is
//! parsed to the exact list, and the expectations come from elsewhere than the
//! parser under test: the id column read with a plain split, the other output
//! format of the same run, the other scanners of the same target, and the
//! command lines that made the ClientHellos.

use std::collections::BTreeSet;
use std::path::PathBuf;

use cipherdex::hello::{self, decode_hex, HelloErrorKind, HexError};
use cipherdex::input::{self, detect, Format, InputError as Error, Preference, Report, SuiteRef};
use cipherdex::Protocol;

/// Reads `text` in the format [`detect`] finds.
fn parse(text: &str) -> Result<Report, Error> {
    input::report(detect(text), text)
}

fn parse_as(format: Format, text: &str) -> Result<Report, Error> {
    input::report(format, text)
}

fn decode_bytes(bytes: &[u8]) -> Result<hello::ClientHello, hello::HelloError> {
    hello::decode(bytes)
}

fn fixture(name: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", name]
        .iter()
        .collect();
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// (protocol, code, preferred) of every entry; panics on an entry without a code.
fn triples(r: &Report) -> Vec<(Option<Protocol>, u32, bool)> {
    r.entries
        .iter()
        .map(|e| {
            let code = e
                .suite
                .code()
                .unwrap_or_else(|| panic!("entry without a code: {e:?}"));
            (e.protocol, code, e.preferred)
        })
        .collect()
}

fn pairs(r: &Report) -> BTreeSet<(Option<Protocol>, u32)> {
    triples(r).into_iter().map(|(p, c, _)| (p, c)).collect()
}

fn assert_all_known(r: &Report) {
    let unknown: Vec<_> = r
        .entries
        .iter()
        .filter(|e| !matches!(e.suite, SuiteRef::Known(_)))
        .collect();
    assert!(unknown.is_empty(), "{:?}: not known: {unknown:?}", r.source);
}

const TARGETS: [&str; 2] = ["openssl-rsa-ec", "gnutls-legacy"];

/// The id column of sslscan text output, read with a plain split: (protocol, code, preferred).
fn sslscan_id_column(text: &str) -> Vec<(Option<Protocol>, u32, bool)> {
    text.lines()
        .filter(|l| l.starts_with("Accepted") || l.starts_with("Preferred"))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let proto = match f[1] {
                "TLSv1.0" => Protocol::Tls10,
                "TLSv1.1" => Protocol::Tls11,
                "TLSv1.2" => Protocol::Tls12,
                "TLSv1.3" => Protocol::Tls13,
                other => panic!("protocol {other}"),
            };
            assert!(f[4].starts_with("0x"), "no id column: {l}");
            let code = u32::from_str_radix(&f[4][2..], 16).unwrap();
            (Some(proto), code, f[0] == "Preferred")
        })
        .collect()
}

#[test]
fn sslscan_text_reads_the_id_column_exactly() {
    for t in TARGETS {
        let text = fixture(&format!("sslscan_{t}.txt"));
        assert_eq!(detect(&text), Format::SslscanText, "{t}");
        let r = parse(&text).unwrap();
        assert_all_known(&r);
        assert_eq!(triples(&r), sslscan_id_column(&text), "{t}");
        // The entries sit on the lines they were read from.
        let lines: Vec<&str> = text.lines().collect();
        for e in &r.entries {
            let l = lines[e.line.unwrap() as usize - 1];
            let code = e.suite.code().unwrap();
            assert!(l.contains(&format!("0x{code:04X}")), "{l}");
        }
    }
}

#[test]
fn sslscan_text_without_ids_resolves_the_mixed_names() {
    // The same run without the id column (what sslscan prints without
    // --show-cipher-ids): OpenSSL names, IANA names where OpenSSL lacks the suite.
    for t in TARGETS {
        let text = fixture(&format!("sslscan_{t}.txt"));
        let stripped: String = text
            .lines()
            .map(|l| {
                if l.starts_with("Accepted") || l.starts_with("Preferred") {
                    let f: Vec<&str> = l.split_whitespace().collect();
                    format!(
                        "{}  {}  {} bits  {}  {}\n",
                        f[0],
                        f[1],
                        f[2],
                        f[5],
                        f[6..].join(" ")
                    )
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        assert!(!stripped.contains(" 0xC0"));
        let r = parse(&stripped).unwrap();
        assert_all_known(&r);
        assert_eq!(triples(&r), sslscan_id_column(&text), "{t}");
    }
}

#[test]
fn sslscan_xml_agrees_with_text_of_the_same_run() {
    for t in TARGETS {
        let xml = fixture(&format!("sslscan_{t}.xml"));
        assert_eq!(detect(&xml), Format::SslscanXml);
        let rx = parse(&xml).unwrap();
        let rt = parse(&fixture(&format!("sslscan_{t}.txt"))).unwrap();
        assert_eq!(triples(&rx), triples(&rt), "{t}");
        assert_eq!(rx.protocols, rt.protocols, "{t}");
        assert!(rx.protocols.contains(&(Protocol::Tls13, true)));
        assert!(rx.protocols.contains(&(Protocol::Ssl3, false)));
        // One preferred suite per protocol.
        for p in [
            Protocol::Tls10,
            Protocol::Tls11,
            Protocol::Tls12,
            Protocol::Tls13,
        ] {
            let n = rx
                .entries
                .iter()
                .filter(|e| e.protocol == Some(p) && e.preferred)
                .count();
            assert_eq!(n, 1, "{t} {p}");
        }
    }
}

#[test]
fn sslscan_preferred_and_mixed_names() {
    let r = parse(&fixture("sslscan_openssl-rsa-ec.xml")).unwrap();
    let pref: Vec<(Protocol, u32)> = r
        .entries
        .iter()
        .filter(|e| e.preferred)
        .map(|e| (e.protocol.unwrap(), e.suite.code().unwrap()))
        .collect();
    // From the fixture's status="preferred" lines.
    assert_eq!(
        pref,
        [
            (Protocol::Tls13, 0x1302),
            (Protocol::Tls12, 0xC02C),
            (Protocol::Tls11, 0xC00A),
            (Protocol::Tls10, 0xC00A)
        ]
    );
    // GnuTLS target: RC4 and 3DES appear under IANA names (the local OpenSSL lacks them).
    let g = parse(&fixture("sslscan_gnutls-legacy.txt")).unwrap();
    let has = |code| g.entries.iter().any(|e| e.suite.code() == Some(code));
    assert!(has(0x0004) && has(0x000A) && has(0xC011));
}

#[test]
fn nmap_xml_agrees_with_normal_output() {
    for t in TARGETS {
        let nm = fixture(&format!("nmap_ssl-enum-ciphers_{t}.nmap"));
        let xml = fixture(&format!("nmap_ssl-enum-ciphers_{t}.xml"));
        assert_eq!(detect(&nm), Format::NmapText);
        assert_eq!(detect(&xml), Format::NmapXml);
        let a = parse(&nm).unwrap();
        let b = parse(&xml).unwrap();
        assert_all_known(&a);
        assert_eq!(triples(&a), triples(&b), "{t}");
        let secs = |r: &Report| {
            r.sections
                .iter()
                .map(|s| (s.protocol, s.preference))
                .collect::<Vec<_>>()
        };
        assert_eq!(secs(&a), secs(&b));
        let want = if t == "openssl-rsa-ec" {
            Preference::Server
        } else {
            Preference::Client
        };
        assert_eq!(a.sections.len(), 4);
        assert!(a.sections.iter().all(|s| s.preference == Some(want)), "{t}");
    }
}

#[test]
fn three_scanners_of_one_target_agree() {
    // sslscan (ids), nmap (IANA names, TLS_AKE_WITH_* for TLS 1.3) and
    // testssl -E (hexcodes without leading zeros) scanned the same servers.
    for t in TARGETS {
        let ssl = pairs(&parse(&fixture(&format!("sslscan_{t}.xml"))).unwrap());
        let nmap = pairs(&parse(&fixture(&format!("nmap_ssl-enum-ciphers_{t}.xml"))).unwrap());
        let tj = pairs(&parse(&fixture(&format!("testssl_E_{t}.json"))).unwrap());
        let tt = pairs(&parse(&fixture(&format!("testssl_E_{t}.txt"))).unwrap());
        let n = if t == "openssl-rsa-ec" { 126 } else { 112 };
        assert_eq!(ssl.len(), n, "{t}");
        assert_eq!(ssl, nmap, "{t}: sslscan vs nmap");
        assert_eq!(ssl, tj, "{t}: sslscan vs testssl JSON");
        assert_eq!(ssl, tt, "{t}: sslscan vs testssl text");
    }
}

#[test]
fn nmap_order_follows_the_server_when_it_has_a_preference() {
    // With "cipher preference: server" nmap lists the server's order, which is
    // also the order sslscan found by removing suites one by one.
    let nmap = parse(&fixture("nmap_ssl-enum-ciphers_openssl-rsa-ec.nmap")).unwrap();
    let ssl = parse(&fixture("sslscan_openssl-rsa-ec.xml")).unwrap();
    for p in [Protocol::Tls12, Protocol::Tls13] {
        let a: Vec<u32> = nmap.suites_in(p).iter().map(|s| s.code()).collect();
        let b: Vec<u32> = ssl.suites_in(p).iter().map(|s| s.code()).collect();
        assert_eq!(a, b, "{p}");
    }
}

#[test]
fn testssl_json_agrees_with_text() {
    for name in [
        "testssl_E_openssl-rsa-ec",
        "testssl_E_gnutls-legacy",
        "testssl_e_openssl-rsa-ec",
        "testssl_e_fast_iana_openssl-rsa-ec",
    ] {
        let txt = fixture(&format!("{name}.txt"));
        let json = fixture(&format!("{name}.json"));
        assert_eq!(detect(&txt), Format::TestsslText, "{name}");
        assert_eq!(detect(&json), Format::TestsslJson, "{name}");
        let a = parse(&txt).unwrap();
        let b = parse(&json).unwrap();
        assert_all_known(&a);
        assert_eq!(triples(&a), triples(&b), "{name}");
        // The codes are the hexcode column, read with a plain split.
        let col: Vec<u32> = txt
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .filter(|w| w.starts_with('x') && w.len() > 1)
            .filter_map(|w| u32::from_str_radix(&w[1..], 16).ok())
            .collect();
        let got: Vec<u32> = a.entries.iter().map(|e| e.suite.code().unwrap()).collect();
        assert_eq!(got, col, "{name}");
    }
}

#[test]
fn testssl_e_matches_sslscan_codes_and_fast_misses_only_anon_and_null() {
    let ssl: BTreeSet<u32> = pairs(&parse(&fixture("sslscan_openssl-rsa-ec.xml")).unwrap())
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    let e: BTreeSet<u32> = pairs(&parse(&fixture("testssl_e_openssl-rsa-ec.json")).unwrap())
        .into_iter()
        .map(|(p, c)| {
            assert_eq!(p, None, "-e has no protocol");
            c
        })
        .collect();
    assert_eq!(e.len(), 80);
    assert_eq!(e, ssl);
    let fast = parse(&fixture("testssl_e_fast_iana_openssl-rsa-ec.txt")).unwrap();
    let fast: BTreeSet<u32> = fast
        .entries
        .iter()
        .map(|x| x.suite.code().unwrap())
        .collect();
    assert!(fast.is_subset(&e));
    let missed: Vec<u32> = e.difference(&fast).copied().collect();
    assert_eq!(missed.len(), 18);
    for c in missed {
        let s = cipherdex::Suite::from_code(c).unwrap();
        assert!(
            s.is_anonymous() || s.is_null_encryption(),
            "{}",
            s.canonical_name()
        );
    }
}

#[test]
fn testssl_mapping_variants_give_the_same_codes() {
    // --mapping iana / no-openssl / no-iana change the name columns only.
    let text = fixture("testssl_e_openssl-rsa-ec.txt");
    let want = triples(&parse(&text).unwrap());
    let rows = |f: &dyn Fn(&[&str]) -> String| -> String {
        text.lines()
            .map(|l| {
                let w: Vec<&str> = l.split_whitespace().collect();
                if w.first().is_some_and(|x| x.starts_with('x')) && w.len() >= 6 {
                    format!(" {}\n", f(&w))
                } else {
                    format!("{l}\n")
                }
            })
            .collect()
    };
    // Row: hex, openssl, kx..., enc, bits, iana (kx is one or two words).
    let iana_first = rows(&|w| {
        let n = w.len();
        format!(
            "{}   {}   {}   {}",
            w[0],
            w[n - 1],
            w[2..n - 1].join(" "),
            w[1]
        )
    });
    let iana_only = rows(&|w| {
        let n = w.len();
        format!("{}   {}   {}", w[0], w[n - 1], w[2..n - 1].join(" "))
    });
    let openssl_only = rows(&|w| {
        let n = w.len();
        format!("{}   {}   {}", w[0], w[1], w[2..n - 1].join(" "))
    });
    for v in [iana_first, iana_only, openssl_only] {
        assert_eq!(triples(&parse(&v).unwrap()), want);
    }
}

// ---------------------------------------------------------------------------------------------
// ClientHello and hex

/// The ClientHello of the field report, built to the report's visible bytes
/// (`16 03 01 00 5e 01 00 00 5a 03 03 ... 00 04 00 67 00 ff ...`); an
/// OpenSSL 3.0 s_server accepted it and chose 0x0067 (see fixtures/scan/README.md).
#[test]
fn field_report_clienthello() {
    for name in [
        "scan/field-report_clienthello_s_client.txt",
        "scan/field-report_clienthello_hexstream.txt",
    ] {
        let text = fixture(name);
        assert_eq!(detect(&text), Format::ClientHello, "{name}");
        let r = parse(&text).unwrap();
        let names: Vec<&str> = r
            .entries
            .iter()
            .map(|e| e.suite.suite().unwrap().canonical_name())
            .collect();
        assert_eq!(
            names,
            [
                "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"
            ]
        );
        let openssl: Vec<_> = r
            .suites()
            .iter()
            .map(|s| {
                s.name(cipherdex::Scheme::OpenSsl)
                    .unwrap_or(s.canonical_name())
            })
            .collect();
        assert_eq!(openssl[0], "DHE-RSA-AES128-SHA256");
        let h = r.client_hello.as_ref().unwrap();
        assert_eq!(h.server_name, None);
        assert!(!h.has_extension(0));
        assert_eq!(h.record_version, Some(0x0301));
        assert_eq!(h.legacy_version, 0x0303);
        assert!(h.session_id.is_empty());
        assert_eq!(h.compression_methods, [0]);
        assert_eq!(h.supported_groups, [0x001d, 0x0017, 0x0019, 0x0018]);
        assert_eq!(h.signature_algorithms, [0x0401, 0x0201]);
        let kinds: Vec<u16> = h.extensions.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [11, 10, 35, 23, 13, 21]);
        assert_eq!(h.offered_versions(), [0x0303]);
    }
}

#[test]
fn field_report_with_elided_bytes_says_what_is_missing() {
    let e = parse("16 03 01 00 5e 01 00 00 5a 03 03 ... 00 04 00 67 00 ff ...").unwrap_err();
    let Error::Hex(HexError::Token { line, column, .. }) = &e else {
        panic!("{e:?}")
    };
    assert_eq!((*line, *column), (1, 34));
    assert!(e.to_string().contains("whole message"), "{e}");
}

#[test]
fn real_s_client_clienthello_tls12_with_sni() {
    // openssl s_client -msg -servername printer.example -tls1_2
    //   -cipher 'ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES128-SHA256'
    let r = parse(&fixture("scan/openssl_s_client-msg_tls12_sni.txt")).unwrap();
    assert_eq!(r.source, Format::ClientHello);
    let codes: Vec<u32> = r.entries.iter().map(|e| e.suite.code().unwrap()).collect();
    assert_eq!(codes, [0xC02F, 0x0067, 0x00FF]);
    let h = r.client_hello.unwrap();
    assert_eq!(h.server_name.as_deref(), Some("printer.example"));
    assert_eq!(h.record_version, Some(0x0301));
    assert_eq!(h.legacy_version, 0x0303);
    assert!(h.supported_versions.is_empty());
}

#[test]
fn real_s_client_clienthello_tls13_without_sni() {
    // openssl s_client -msg -noservername -groups X25519:P-256
    //   -ciphersuites TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256
    //   -cipher ECDHE-ECDSA-AES256-GCM-SHA384
    let r = parse(&fixture("scan/openssl_s_client-msg_tls13_nosni.txt")).unwrap();
    let codes: Vec<u32> = r.entries.iter().map(|e| e.suite.code().unwrap()).collect();
    assert_eq!(codes, [0x1301, 0x1303, 0xC02C, 0x00FF]);
    let h = r.client_hello.unwrap();
    assert_eq!(h.server_name, None);
    assert_eq!(h.supported_groups, [0x001d, 0x0017]);
    assert_eq!(h.supported_versions, [0x0304, 0x0303, 0x0302, 0x0301]);
    assert_eq!(h.offered_versions()[0], 0x0304);
    assert!(h.has_extension(51)); // key_share
    assert_eq!(h.groups().next().and_then(|g| g.name()), Some("x25519"));
    assert_eq!(h.key_shares, [0x001d]);
}

#[test]
fn hex_vector_spellings() {
    let want = [0xC02Bu32, 0xC02F, 0x009E];
    for s in [
        "c0 2b c0 2f 00 9e",
        "0xC02B,0xC02F,0x009E",
        "0xC02B, 0xC02F, 0x9E",
        "{0xC0,0x2B}, {0xC0,0x2F}, {0x00,0x9E}",
        "c02bc02f009e",
        "C0:2B:C0:2F:00:9E",
        "\\xc0\\x2b\\xc0\\x2f\\x00\\x9e",
    ] {
        // Codes the plain list resolves entirely stay plain; the rest are vectors.
        let plain = input::parse(s).iter().all(|i| i.suite().is_some());
        let format = if plain {
            Format::Plain
        } else {
            Format::CipherVector
        };
        assert_eq!(detect(s), format, "{s}");
        let r = parse_as(Format::CipherVector, s).unwrap();
        let codes: Vec<u32> = r.entries.iter().map(|e| e.suite.code().unwrap()).collect();
        assert_eq!(codes, want, "{s}");
    }
}

#[test]
fn grease_and_unknown_codes_are_kept() {
    assert!(cipherdex::Suite::from_code(0x7777).is_none());
    let r = parse("0a 0a c0 2b 77 77 fe fe 5a 5a").unwrap();
    assert_eq!(r.entries.len(), 5);
    assert_eq!(r.entries[0].suite, SuiteRef::Grease(0x0A0A));
    assert_eq!(
        r.entries[2].suite,
        SuiteRef::Unknown {
            code: Some(0x7777),
            name: None
        }
    );
    assert_eq!(r.entries[4].suite, SuiteRef::Grease(0x5A5A));
    assert_eq!(r.unknown().count(), 1);
    assert_eq!(r.suites().len(), 2); // 0xC02B and 0xFEFE (SSL_RSA_FIPS_WITH_DES_CBC_SHA)
}

#[test]
fn odd_vector_is_an_error() {
    assert_eq!(
        parse_as(Format::CipherVector, "c0 2b c0").unwrap_err(),
        Error::Vector { len: 3 }
    );
}

/// Takes the field report's hello and breaks it in different places.
fn field_bytes() -> Vec<u8> {
    decode_hex(&fixture("scan/field-report_clienthello_hexstream.txt"))
        .unwrap()
        .bytes
}

#[test]
fn truncated_clienthello_names_field_and_offset() {
    let b = field_bytes();
    // Cut inside the cipher suite list: the record length already fails.
    let e = decode_bytes(&b[..50]).unwrap_err();
    assert_eq!(
        (e.kind, e.field, e.offset),
        (HelloErrorKind::Truncated, "record length", 3)
    );
    // A bare handshake message cut inside the cipher suites (handshake at 5,
    // body at 9, version 2, random 32, session id 1 -> cipher_suites at 44).
    let hs = &b[5..];
    let mut cut = hs[..44].to_vec();
    // Fix the handshake length so the body claims only what is there.
    let body = (cut.len() - 4) as u32;
    cut[1..4].copy_from_slice(&body.to_be_bytes()[1..]);
    let e = decode_bytes(&cut).unwrap_err();
    assert_eq!(e.kind, HelloErrorKind::Truncated);
    assert_eq!(e.field, "cipher_suites");
    assert_eq!(e.offset, 39);
    assert!(e.to_string().contains("at byte 39"), "{e}");
}

#[test]
fn corrupt_clienthello_names_field_and_offset() {
    let mut b = field_bytes();
    // Cipher suites length at record offset 5+4+2+32+1 = 44: make it odd.
    assert_eq!(&b[44..46], &[0x00, 0x04]);
    b[45] = 0x03;
    let e = decode_bytes(&b).unwrap_err();
    assert_eq!(
        (e.kind, e.field, e.offset),
        (HelloErrorKind::Invalid, "cipher_suites", 44)
    );
    // Not a handshake record at all.
    let mut b = field_bytes();
    b[0] = 0x17;
    let e = parse_as(Format::ClientHello, &hex(&b)).unwrap_err();
    assert!(e.to_string().contains("application_data"), "{e}");
    // Supported groups with an odd length inside the extension.
    let mut b = field_bytes();
    let at = b
        .windows(4)
        .position(|w| w == [0x00, 0x0a, 0x00, 0x0a])
        .unwrap();
    b[at + 5] = 0x07;
    let e = decode_bytes(&b).unwrap_err();
    assert_eq!(e.field, "supported_groups");
    assert_eq!(e.offset, at + 4);
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn every_prefix_of_a_hello_is_an_error_never_a_panic() {
    let b = field_bytes();
    for n in 0..b.len() {
        assert!(decode_bytes(&b[..n]).is_err(), "prefix {n}");
    }
    // And every single-byte corruption either decodes or errors, never panics.
    for i in 0..b.len() {
        for v in [0x00, 0x01, 0x7f, 0xff] {
            let mut c = b.clone();
            c[i] = v;
            let _ = decode_bytes(&c);
        }
    }
}

#[test]
fn sslv2_clienthello() {
    // SSL 2.0-format hello as old clients send it: 2 TLS suites and one SSL 2.0 kind.
    let mut b = vec![
        0x80, 0x00, 0x01, 0x03, 0x01, 0x00, 0x09, 0x00, 0x00, 0x00, 0x10,
    ];
    b.extend([0x00, 0x00, 0x2f, 0x00, 0x00, 0xff, 0x01, 0x00, 0x80]);
    b.extend([0xaa; 16]);
    b[1] = (b.len() - 2) as u8;
    let r = parse(&hex(&b)).unwrap();
    assert_eq!(r.source, Format::ClientHello);
    let codes: Vec<u32> = r.entries.iter().map(|e| e.suite.code().unwrap()).collect();
    assert_eq!(codes, [0x002F, 0x00FF, 0x010080]);
    assert!(r.client_hello.unwrap().sslv2_format);
}

// ---------------------------------------------------------------------------------------------
// Configuration lines

#[test]
fn config_lines() {
    let nginx = "server {\n    ssl_protocols TLSv1.2 TLSv1.3;\n    ssl_ciphers 'ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES128-SHA256';\n}\n";
    assert_eq!(detect(nginx), Format::Config);
    let r = parse(nginx).unwrap();
    assert_eq!(
        r.protocols,
        [(Protocol::Tls12, true), (Protocol::Tls13, true)]
    );
    let codes: Vec<u32> = r.entries.iter().map(|e| e.suite.code().unwrap()).collect();
    assert_eq!(codes, [0xC02F, 0x0067]);
    assert_eq!(r.entries[0].line, Some(3));

    let apache = "SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1\nSSLCipherSuite HIGH:!aNULL:!MD5\nSSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256\n";
    let r = parse(apache).unwrap();
    assert_eq!(
        r.protocols,
        [
            (Protocol::Tls10, false),
            (Protocol::Tls11, false),
            (Protocol::Tls12, true),
            (Protocol::Tls13, true),
            (Protocol::Ssl3, false)
        ]
    );
    // The cipher string goes through the OpenSSL evaluator (OpenSSL 3.0 target).
    let high = cipherdex::openssl::evaluate("HIGH:!aNULL:!MD5", Default::default()).unwrap();
    let n = high.suites().len();
    assert!(n > 20);
    let got: Vec<_> = r.entries[..n]
        .iter()
        .map(|e| e.suite.suite().unwrap())
        .collect();
    assert_eq!(got, high.suites());
    assert!(got.iter().all(|s| !s.is_anonymous()));
    assert_eq!(r.entries[n].protocol, Some(Protocol::Tls13));
    assert_eq!(r.entries[n + 1].suite.code(), Some(0x1301));

    let haproxy = "global\n  ssl-default-bind-ciphers ECDHE+AESGCM:!SHA1\n  ssl-default-bind-ciphersuites TLS_AES_128_GCM_SHA256\n  ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets\n";
    let r = parse(haproxy).unwrap();
    // OpenSSL 3.0's ECDHE+AESGCM: the four ECDHE AES-GCM suites, then the TLS 1.3 one.
    let codes: BTreeSet<u32> = r.entries.iter().map(|e| e.suite.code().unwrap()).collect();
    assert_eq!(
        codes,
        BTreeSet::from([0xC02B, 0xC02C, 0xC02F, 0xC030, 0x1301])
    );
    assert!(r.protocols.contains(&(Protocol::Tls12, true)));
    assert!(r.protocols.contains(&(Protocol::Tls11, false)));

    // A string OpenSSL rejects is an error that says which line.
    let e = parse("ssl_ciphers 'RC4-MD5:RC4-SHA';").unwrap_err();
    assert!(matches!(e, Error::CipherString { line: 1, .. }), "{e:?}");

    let e = parse("ssl_protocols TLSv1.2 TLS2;").unwrap_err();
    assert!(matches!(e, Error::Syntax { line: 1, .. }), "{e:?}");
}

// ---------------------------------------------------------------------------------------------
// Detection and errors

#[test]
fn other_text_is_a_plain_list() {
    for s in [
        "hello world",
        "ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA",
        "49195 49199",
        "<html><body>Accepted</body></html>",
        "{\"name\": \"x\"}",
        "Accepted the offer",
    ] {
        assert_eq!(detect(s), Format::Plain, "{s}");
        let r = parse(s).unwrap();
        assert_eq!(r.source, Format::Plain);
        assert!(!r.entries.is_empty(), "{s}");
    }
    let r = parse("hello world").unwrap();
    assert_eq!(r.unknown().count(), 2);
    assert_eq!(
        parse_as(Format::SslscanText, "  \n"),
        Err(Error::Empty {
            format: Format::SslscanText
        })
    );
    assert!(parse("  \n").unwrap().entries.is_empty());
}

#[test]
fn windows_listings_go_through_the_windows_parsers() {
    let fl = "\r\nKeyType               : 0\r\nCertificate           : RSA\r\nMaximumExchangeLength : 65536\r\nMinimumExchangeLength : 0\r\nExchange              : ECDH\r\nHashLength            : 0\r\nHash                  : \r\nCipherBlockLength     : 16\r\nCipherLength          : 256\r\nBaseCipherSuite       : 49200\r\nCipherSuite           : 49200\r\nCipher                : AES\r\nName                  : TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\r\nProtocols             : {771, 65277}\r\n\r\n";
    assert_eq!(detect(fl), Format::WindowsFormatList);
    let r = parse(fl).unwrap();
    assert_eq!(r.entries.len(), 1);
    assert_eq!(r.entries[0].suite.code(), Some(0xC030));

    let names =
        "TLS_AES_256_GCM_SHA384\r\nTLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\r\nTLS_FUTURE_SUITE\r\n";
    // The plain list reads a names listing the same way: detection leaves it plain.
    assert_eq!(detect(names), Format::Plain);
    let r = parse_as(Format::WindowsNames, names).unwrap();
    assert_eq!(r.entries.len(), 3);
    assert_eq!(r.entries[1].suite.code(), Some(0xC02F));
    assert_eq!(r.unknown().count(), 1);

    let gpo = "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384_P384,TLS_RSA_WITH_AES_128_CBC_SHA";
    assert_eq!(detect(gpo), Format::Plain);
    let codes: Vec<u32> = parse_as(Format::WindowsOrder, gpo)
        .unwrap()
        .entries
        .iter()
        .map(|e| e.suite.code().unwrap())
        .collect();
    assert_eq!(codes, [0xC02C, 0x002F]);
    let reg = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002\n    Functions    REG_SZ    TLS_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_256_CBC_SHA\n";
    assert_eq!(detect(reg), Format::WindowsOrder);
    assert_eq!(parse(reg).unwrap().entries.len(), 2);
    let e = parse_as(Format::WindowsOrder, "TLS_RSA_WITH_AES_128_CBC_SHA,,X").unwrap_err();
    assert!(matches!(e, Error::Windows(_)), "{e:?}");
}

#[test]
fn forced_format_reports_what_it_expected() {
    let nginx = "ssl_ciphers HIGH;";
    for f in Format::ALL {
        // The plain list and OpenSSL's cipher strings ignore words they do not know.
        if matches!(*f, Format::Config | Format::Plain | Format::OpensslString) {
            continue;
        }
        let e = parse_as(*f, nginx).unwrap_err();
        if let Error::Windows(w) = &e {
            assert_eq!(w.problems()[0].line, 1, "{f}: {e}");
            continue;
        }
        assert!(e.to_string().contains("expected"), "{f}: {e}");
    }
    for f in Format::ALL {
        assert_eq!(f.name().parse::<Format>(), Ok(*f));
    }
}

#[test]
fn truncated_reports_say_where() {
    let cases = [
        ("sslscan_openssl-rsa-ec.xml", Format::SslscanXml),
        ("nmap_ssl-enum-ciphers_openssl-rsa-ec.xml", Format::NmapXml),
        ("testssl_E_openssl-rsa-ec.json", Format::TestsslJson),
        (
            "nmap_ssl-enum-ciphers_openssl-rsa-ec.nmap",
            Format::NmapText,
        ),
    ];
    for (name, format) in cases {
        let text = fixture(name);
        // Cut in the middle of a line in the middle of the file.
        let cut = &text[..text.len() / 2 + 7];
        let e = parse_as(format, cut).unwrap_err();
        let Error::Truncated {
            line, format: f, ..
        } = &e
        else {
            panic!("{name}: {e:?}")
        };
        assert_eq!(*f, format);
        assert!(*line > 1, "{name}: {e}");
        assert!(e.to_string().contains("cut off"), "{e}");
    }
}

#[test]
fn corrupt_lines_say_which() {
    let text = fixture("sslscan_openssl-rsa-ec.txt").replacen(
        "256 bits    0xC030",
        "256 bots    0xC030",
        1,
    );
    let e = parse(&text).unwrap_err();
    let Error::Syntax { line, .. } = e else {
        panic!("{e:?}")
    };
    let want = fixture("sslscan_openssl-rsa-ec.txt")
        .lines()
        .position(|l| l.contains("0xC030"))
        .unwrap() as u32
        + 1;
    assert_eq!(line, want);
    let json = fixture("testssl_e_openssl-rsa-ec.json").replacen(
        "\"finding\"      :",
        "\"finding\"       ",
        1,
    );
    let e = parse(&json).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Syntax {
                format: Format::TestsslJson,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn colours_and_crlf_are_ignored() {
    let text = fixture("sslscan_openssl-rsa-ec.txt");
    let coloured: String = text
        .lines()
        .map(|l| {
            l.replacen("Accepted", "\x1b[32mAccepted\x1b[0m", 1)
                .replacen("Preferred", "\x1b[32mPreferred\x1b[0m", 1)
                + "\r\n"
        })
        .collect();
    assert_eq!(
        triples(&parse(&coloured).unwrap()),
        sslscan_id_column(&text)
    );
}

#[test]
fn names_cipherdex_does_not_know_are_kept() {
    let text = "Accepted  TLSv1.2  256 bits    0x7777 SOME-NEW-SUITE\nAccepted  TLSv1.2  128 bits  ANOTHER-NEW-SUITE\n";
    let r = parse(text).unwrap();
    assert_eq!(
        r.entries[0].suite,
        SuiteRef::Unknown {
            code: Some(0x7777),
            name: Some("SOME-NEW-SUITE".into())
        }
    );
    assert_eq!(
        r.entries[1].suite,
        SuiteRef::Unknown {
            code: None,
            name: Some("ANOTHER-NEW-SUITE".into())
        }
    );
}

#[test]
fn cut_or_corrupted_fixtures_never_panic() {
    // Every fixture, cut at 64 places and with bytes overwritten at 64 places:
    // parse answers Ok or a typed error, and a detected format stays readable.
    let names = [
        "sslscan_openssl-rsa-ec.txt",
        "sslscan_openssl-rsa-ec.xml",
        "nmap_ssl-enum-ciphers_openssl-rsa-ec.nmap",
        "nmap_ssl-enum-ciphers_openssl-rsa-ec.xml",
        "testssl_E_openssl-rsa-ec.txt",
        "testssl_E_openssl-rsa-ec.json",
        "scan/openssl_s_client-msg_tls13_nosni.txt",
        "scan/field-report_clienthello_hexstream.txt",
    ];
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for name in names {
        let text = fixture(name);
        let bytes = text.as_bytes();
        for _ in 0..64 {
            let cut = (next() as usize) % bytes.len();
            let t = String::from_utf8_lossy(&bytes[..cut]);
            let _ = parse(&t);
            let _ = input::read(detect(&t), &t);
            let mut b = bytes.to_vec();
            for _ in 0..4 {
                let i = (next() as usize) % b.len();
                b[i] = b"<>\"'x0:|\n "[(next() % 10) as usize];
            }
            let t = String::from_utf8_lossy(&b);
            let _ = parse(&t);
        }
    }
}

#[test]
fn testssl_pretty_json_and_no_iana_text() {
    // The server offered its -cipher string's four suites plus OpenSSL's three
    // default TLS 1.3 suites (fixtures/scan/README.md).
    let want: BTreeSet<u32> =
        BTreeSet::from([0x1302, 0x1303, 0x1301, 0xC030, 0x0067, 0x002F, 0x0084]);
    let txt = fixture("scan/testssl_e_fast_no-iana_pretty.txt");
    let json = fixture("scan/testssl_e_fast_no-iana_pretty.json");
    assert_eq!(detect(&txt), Format::TestsslText);
    assert_eq!(detect(&json), Format::TestsslJson);
    let a = parse(&txt).unwrap();
    let b = parse(&json).unwrap();
    assert_all_known(&a);
    assert_eq!(triples(&a), triples(&b));
    let got: BTreeSet<u32> = a.entries.iter().map(|e| e.suite.code().unwrap()).collect();
    assert_eq!(got, want);
    assert_eq!(a.entries.len(), 7);
}
