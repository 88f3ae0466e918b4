//! The knowledge base against real tools: every suite `openssl ciphers`,
//! `gnutls-cli --list`, testssl.sh's mapping file and nmap's table know must
//! have the same code, names and parts in cipherdex.
//!
//! Each test runs its tool live (see tests/common); a missing tool skips the
//! test loudly, or fails it under `CI=true`. Deliberate differences are listed
//! in data/README.md ("Known disagreements with sources") and here, each with
//! its reason.

mod common;

use std::path::Path;
use std::process::Command;

use cipherdex::{
    lookup_all, Authentication as Au, Cipher, KeyExchange as Kx, Mac, Mode, Protocol, Scheme, Suite,
};

const TLS13_ALL: &str = "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256";

fn run(cmd: &mut Command) -> String {
    let out = common::run_with_timeout(cmd, common::TOOL_TIMEOUT).expect("tool runs");
    assert!(out.success(), "tool failed: {out}");
    out.stdout
}

/// `0xC0,0x30` or `0x05,0x00,0x80` into a code.
fn code(field: &str) -> u32 {
    cipherdex::parse_code(field).unwrap_or_else(|| panic!("bad code field {field:?}"))
}

fn suite_with_code(code: u32) -> &'static Suite {
    Suite::from_code(code).unwrap_or_else(|| panic!("{code:#06X} is not in data/suites.csv"))
}

/// OpenSSL's Kx/Au/Enc/Mac words for a suite, from cipherdex's own attributes.
fn openssl_words(s: &Suite) -> (String, String, String, String) {
    let kx = match s.kex() {
        Kx::Rsa => "RSA",
        Kx::Dhe | Kx::Dh => "DH",
        Kx::Ecdhe | Kx::Ecdh => "ECDH",
        Kx::Psk => "PSK",
        Kx::DhePsk => "DHEPSK",
        Kx::EcdhePsk => "ECDHEPSK",
        Kx::RsaPsk => "RSAPSK",
        Kx::Srp => "SRP",
        Kx::Any => "any",
        other => other.as_str(),
    };
    let au = match s.auth() {
        Au::Null => "None",
        Au::Any => "any",
        other => other.as_str(),
    };
    let family = match s.cipher() {
        Cipher::Aes => "AES",
        Cipher::Camellia => "Camellia",
        Cipher::Aria => "ARIA",
        Cipher::ChaCha20 => "CHACHA20/POLY1305",
        Cipher::Null => "None",
        other => other.as_str(),
    };
    let enc = match (s.cipher(), s.mode()) {
        (Cipher::Null, _) => "None".to_string(),
        (Cipher::ChaCha20, _) => format!("{family}({})", s.cipher_bits()),
        (_, Mode::Gcm) => format!("{family}GCM({})", s.cipher_bits()),
        (_, Mode::Ccm) => format!("{family}CCM({})", s.cipher_bits()),
        (_, Mode::Ccm8) => format!("{family}CCM8({})", s.cipher_bits()),
        _ => format!("{family}({})", s.cipher_bits()),
    };
    let mac = match s.mac() {
        Mac::Aead => "AEAD",
        other => other.as_str(),
    };
    (kx.to_string(), au.to_string(), enc, mac.to_string())
}

fn openssl_min(word: &str) -> Protocol {
    match word {
        "SSLv3" => Protocol::Ssl3,
        "TLSv1" => Protocol::Tls10,
        "TLSv1.2" => Protocol::Tls12,
        "TLSv1.3" => Protocol::Tls13,
        other => panic!("unexpected protocol {other:?}"),
    }
}

#[test]
fn openssl_ciphers_agree_on_code_names_and_parts() {
    if !common::require_tool("openssl") {
        return;
    }
    let text = run(&mut common::openssl_command([
        "ciphers",
        "-V",
        "-stdname",
        "-ciphersuites",
        TLS13_ALL,
        "ALL:COMPLEMENTOFALL:@SECLEVEL=0",
    ]));
    let mut n = 0;
    let mut problems = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        // 0xC0,0x30 - TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 - ECDHE-RSA-AES256-GCM-SHA384 TLSv1.2 Kx=ECDH Au=RSA Enc=AESGCM(256) Mac=AEAD
        let f: Vec<&str> = line.split_whitespace().collect();
        assert!(f.len() >= 10, "unexpected line {line:?}");
        let s = suite_with_code(code(f[0]));
        let (iana, openssl) = (f[2], f[4]);
        n += 1;
        if s.name(Scheme::Iana) != Some(iana) {
            problems.push(format!(
                "{}: IANA {:?}, openssl says {iana}",
                s.code_hex(),
                s.name(Scheme::Iana)
            ));
        }
        if s.name(Scheme::OpenSsl) != Some(openssl) {
            problems.push(format!(
                "{}: OpenSSL {:?}, openssl says {openssl}",
                s.code_hex(),
                s.name(Scheme::OpenSsl)
            ));
        }
        if cipherdex::lookup(openssl) != Some(s) || cipherdex::lookup(iana) != Some(s) {
            problems.push(format!(
                "{}: {openssl} / {iana} do not look up to it",
                s.code_hex()
            ));
        }
        let want = (
            f[6].trim_start_matches("Kx=").to_string(),
            f[7].trim_start_matches("Au=").to_string(),
            f[8].trim_start_matches("Enc=").to_string(),
            f[9].trim_start_matches("Mac=").to_string(),
        );
        let have = openssl_words(s);
        if have != want {
            problems.push(format!(
                "{} {openssl}: parts {have:?}, openssl says {want:?}",
                s.code_hex()
            ));
        }
        let min = openssl_min(f[5]);
        if s.protocols().min_tls() != Some(min) {
            problems.push(format!(
                "{} {openssl}: lowest version {:?}, openssl says {min}",
                s.code_hex(),
                s.protocols().min_tls()
            ));
        }
    }
    assert_eq!(n, 160, "openssl 3.0 lists 160 suites for this string");
    assert!(
        problems.is_empty(),
        "{} disagreements:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn gnutls_list_agrees_on_every_suite() {
    if !common::require_tool("gnutls-cli") {
        return;
    }
    let text = run(Command::new("gnutls-cli").arg("--list"));
    let mut n = 0;
    let mut problems = Vec::new();
    for line in text
        .lines()
        .skip_while(|l| !l.starts_with("Cipher suites:"))
        .skip(1)
    {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() < 3 || !cols[1].starts_with("0x") {
            break;
        }
        n += 1;
        let s = suite_with_code(code(cols[1]));
        if s.name(Scheme::GnuTls) != Some(cols[0]) {
            problems.push(format!(
                "{}: GnuTLS {:?}, gnutls-cli says {}",
                s.code_hex(),
                s.name(Scheme::GnuTls),
                cols[0]
            ));
        }
        let min: Protocol = cols[2].parse().expect("gnutls version");
        // GnuTLS builds without SSL 3.0 print TLS1.0 for suites that start at SSL 3.0.
        let ours = s.protocols().min_tls().map(|p| {
            if p == Protocol::Ssl3 {
                Protocol::Tls10
            } else {
                p
            }
        });
        // Deliberate: GnuTLS allows the PSK suites with SHA-256/384 HMACs only from
        // TLS 1.2; RFC 5487/5489/6367 and OpenSSL allow TLS 1.0 (data/README.md).
        let psk_sha2 = s.kex().uses_psk() && matches!(s.mac(), Mac::Sha256 | Mac::Sha384);
        if ours != Some(min) && !(psk_sha2 && min == Protocol::Tls12) {
            problems.push(format!(
                "{} {}: lowest version {ours:?}, gnutls-cli says {min}",
                s.code_hex(),
                cols[0]
            ));
        }
    }
    assert!(n >= 180, "gnutls-cli --list gave only {n} suites");
    assert!(
        problems.is_empty(),
        "{} disagreements:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn testssl_mapping_agrees_on_every_row() {
    let path = Path::new("/etc/testssl/cipher-mapping.txt");
    if !common::require_tool("testssl") {
        return;
    }
    let text = std::fs::read_to_string(path).expect("testssl.sh installs its mapping file");
    let mut n = 0;
    let mut problems = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        // 0x00,0x0A - DES-CBC3-SHA TLS_RSA_WITH_3DES_EDE_CBC_SHA SSLv3 Kx=RSA Au=RSA Enc=3DES(168) Mac=SHA1
        let f: Vec<&str> = line.split_whitespace().collect();
        n += 1;
        if f[0] == "0x00,0x00,0x00" {
            // SSL 2.0's NULL-MD5 kind: left out of the data on purpose (data/README.md).
            assert!(cipherdex::lookup("SSL_CK_NULL_WITH_MD5").is_none());
            continue;
        }
        let c = code(f[0]);
        let Some(s) = Suite::from_code(c) else {
            problems.push(format!("{c:#06X}: not in data/suites.csv"));
            continue;
        };
        for name in [f[2], f[3]] {
            if name == "-" {
                continue;
            }
            if !lookup_all(name).any(|x| x.code() == c) {
                problems.push(format!(
                    "{}: testssl name {name} does not look up to it",
                    s.code_hex()
                ));
            }
        }
        let export = f.last() == Some(&"export");
        if export != s.is_export() {
            problems.push(format!(
                "{}: export {}, testssl says {export}",
                s.code_hex(),
                s.is_export()
            ));
        }
    }
    assert!(n >= 360, "only {n} rows");
    assert!(
        problems.is_empty(),
        "{} disagreements:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn nmap_table_agrees_on_names_and_parts() {
    if !common::require_tool("nmap") {
        return;
    }
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tools/dump-tls-ciphers.nse");
    let text = run(Command::new("nmap")
        .args(["-n", "-sn", "--script"])
        .arg(&script)
        .args(["-oN", "/dev/null"]));
    let mut n = 0;
    let mut problems = Vec::new();
    for line in text.lines().filter(|l| l.starts_with("0x")) {
        // 0xC030 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 ECDHE_RSA AES GCM SHA384 256
        let f: Vec<&str> = line.split('\t').collect();
        let s = suite_with_code(code(f[0]));
        n += 1;
        if !s.names_in(Scheme::Nmap).any(|a| a.name() == f[1]) {
            problems.push(format!("{}: nmap name {} not recorded", s.code_hex(), f[1]));
        }
        if f.len() < 7 || s.is_signalling() {
            continue;
        }
        // nmap's cipher family and mode words, where they are plain.
        let (cipher, mode) = (f[3], f[4]);
        let ours = s.cipher().as_str();
        let family_ok = match cipher {
            "3DES" | "AES" | "ARIA" | "CAMELLIA" | "SEED" | "IDEA" | "RC4" | "RC2" | "NULL"
            | "CHACHA20" => ours.eq_ignore_ascii_case(cipher),
            "DES" | "DES40" => s.cipher() == Cipher::Des,
            _ => true,
        };
        let mode_ok = match mode {
            "GCM" => s.mode() == Mode::Gcm,
            "CBC" => s.mode() == Mode::Cbc,
            "CCM" => s.mode() == Mode::Ccm,
            "CCM_8" => s.mode() == Mode::Ccm8,
            _ => true,
        };
        if !family_ok || !mode_ok {
            problems.push(format!(
                "{}: {} {} {}, nmap says {cipher} {mode}",
                s.code_hex(),
                s.canonical_name(),
                s.cipher(),
                s.mode()
            ));
        }
    }
    assert!(n >= 390, "nmap's table gave only {n} rows");
    assert!(
        problems.is_empty(),
        "{} disagreements:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Wireshark's names, from `tshark -G values` (a committed dump: tshark is not
/// installed in CI; see tests/fixtures/README.md).
#[test]
fn wireshark_names_resolve_to_their_codes() {
    let text = include_str!("fixtures/mapping/tshark_G_values_ciphersuite.tsv");
    let mut n = 0;
    let mut problems = Vec::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 4 || f[1] != "tls.handshake.ciphersuite" || f[3] == "Reserved (GREASE)" {
            continue;
        }
        let c: u32 = f[2].parse().expect("decimal code");
        n += 1;
        if !lookup_all(f[3]).any(|s| s.code() == c) {
            problems.push(format!(
                "{c:#06X}: Wireshark name {} does not look up to it",
                f[3]
            ));
        }
    }
    assert!(n >= 400, "only {n} rows");
    assert!(
        problems.is_empty(),
        "{} disagreements:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Java's names and aliases, from the JDK 17 enum (a committed dump made with
/// shared tools/JsseCodes.java; see tests/fixtures/README.md).
#[test]
fn java_names_resolve_to_their_codes() {
    let text = include_str!("fixtures/mapping/java17_jsse_CipherSuite_enum.tsv");
    let mut n = 0;
    let mut problems = Vec::new();
    for line in text.lines().filter(|l| l.starts_with("0x")) {
        let f: Vec<&str> = line.split('\t').collect();
        let c = code(f[0]);
        n += 1;
        let aliases = f[2].trim_matches(|ch| ch == '[' || ch == ']');
        for name in std::iter::once(f[1]).chain(aliases.split(", ").filter(|a| !a.is_empty())) {
            if !lookup_all(name).any(|s| s.code() == c) {
                problems.push(format!("{c:#06X}: Java name {name} does not look up to it"));
            }
        }
        let s = suite_with_code(c);
        if s.name(Scheme::Java) != Some(f[1]) {
            problems.push(format!(
                "{c:#06X}: Java name {:?}, JDK says {}",
                s.name(Scheme::Java),
                f[1]
            ));
        }
    }
    assert_eq!(n, 338);
    assert!(
        problems.is_empty(),
        "{} disagreements:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
