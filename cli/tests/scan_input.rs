//! Scanner reports, hex and config lines as suite-list input (`@FILE`, `-`,
//! `--input-format`), and `cipherdex decode`. Expectations come from the
//! fixtures themselves (sslscan's id column, the ClientHello's command line).

mod common;

use common::{cipherdex, stdout_of, workspace_fixture};
use predicates::prelude::*;

fn fixture_arg(rel: &str) -> String {
    format!("@{}", workspace_fixture(rel).display())
}

/// The distinct ids of an sslscan text report, in order of first appearance.
fn sslscan_ids(rel: &str) -> Vec<String> {
    let text = std::fs::read_to_string(workspace_fixture(rel)).unwrap();
    let mut out: Vec<String> = Vec::new();
    for l in text.lines() {
        if l.starts_with("Accepted") || l.starts_with("Preferred") {
            let id = l.split_whitespace().nth(4).unwrap().to_string();
            if !out.contains(&id) {
                out.push(id);
            }
        }
    }
    out
}

#[test]
fn convert_reads_an_sslscan_xml_report() {
    let want = sslscan_ids("sslscan_openssl-rsa-ec.txt");
    assert_eq!(want.len(), 80);
    let out = cipherdex()
        .args(["--json", "convert", "--to", "iana"])
        .arg(fixture_arg("sslscan_openssl-rsa-ec.xml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let rows = v.as_array().expect("a JSON list");
    let codes: Vec<String> = rows
        .iter()
        .map(|r| r["suite"]["code"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(codes, want);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("80 distinct suites from 126"), "{err}");
}

#[test]
fn every_report_format_is_recognised_from_stdin() {
    for rel in [
        "sslscan_gnutls-legacy.txt",
        "sslscan_gnutls-legacy.xml",
        "nmap_ssl-enum-ciphers_gnutls-legacy.nmap",
        "nmap_ssl-enum-ciphers_gnutls-legacy.xml",
        "testssl_E_gnutls-legacy.txt",
        "testssl_E_gnutls-legacy.json",
    ] {
        let text = std::fs::read(workspace_fixture(rel)).unwrap();
        let out = cipherdex()
            .args(["convert", "--to", "openssl", "-"])
            .write_stdin(text)
            .output()
            .unwrap();
        // RC4 and 3DES suites have OpenSSL names; every line is a name.
        let lines = stdout_of(&out);
        assert_eq!(lines.lines().count(), 72, "{rel}: {lines}");
        assert!(lines.lines().any(|l| l == "RC4-MD5"), "{rel}");
    }
}

#[test]
fn input_format_forces_a_format_and_explains_mismatches() {
    cipherdex()
        .args(["convert", "--to", "iana", "--input-format", "nmap-xml"])
        .arg(fixture_arg("sslscan_openssl-rsa-ec.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ssl-enum-ciphers"));
    cipherdex()
        .args(["convert", "--to", "iana", "--input-format", "sslscn"])
        .arg("AES128-SHA")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sslscan-xml"));
    // An alias of a scan format works too.
    cipherdex()
        .args(["convert", "--to", "openssl", "--input-format", "nginx"])
        .arg("ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA;")
        .assert()
        .success()
        .stdout("ECDHE-RSA-AES128-GCM-SHA256\nAES128-SHA\n");
}

#[test]
fn truncated_report_is_an_input_error_with_a_line() {
    let text = std::fs::read_to_string(workspace_fixture("sslscan_openssl-rsa-ec.xml")).unwrap();
    let cut = &text[..text.len() / 2];
    cipherdex()
        .args(["convert", "--to", "iana", "-"])
        .write_stdin(cut)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cut off at line"));
}

#[test]
fn decode_the_field_report() {
    cipherdex()
        .arg("decode")
        .arg(fixture_arg("scan/field-report_clienthello_s_client.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "0x0067  TLS_DHE_RSA_WITH_AES_128_CBC_SHA256  (DHE-RSA-AES128-SHA256)",
        ))
        .stdout(predicate::str::contains(
            "0x00FF  TLS_EMPTY_RENEGOTIATION_INFO_SCSV",
        ))
        .stdout(predicate::str::contains("server_name (SNI):     none"));
    let hex = std::fs::read_to_string(workspace_fixture(
        "scan/field-report_clienthello_hexstream.txt",
    ))
    .unwrap();
    let out = cipherdex()
        .args(["--json", "decode", hex.trim()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(v["kind"], "clienthello");
    assert_eq!(v["cipher_suites"][0]["openssl"], "DHE-RSA-AES128-SHA256");
    assert_eq!(v["cipher_suites"][1]["code"], "0x00FF");
    assert!(v["client_hello"]["server_name"].is_null());
    assert_eq!(v["client_hello"]["legacy_version"]["name"], "TLSv1.2");
}

#[test]
fn decode_a_real_s_client_hello_from_stdin() {
    let text = std::fs::read(workspace_fixture("scan/openssl_s_client-msg_tls12_sni.txt")).unwrap();
    cipherdex()
        .args(["decode", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "server_name (SNI):     printer.example",
        ))
        .stdout(predicate::str::contains(
            "0xC02F  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        ));
}

#[test]
fn decode_vectors_grease_and_unknown_codes() {
    cipherdex()
        .args(["decode", "0xC02B,0x0A0A,0x7777"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("cipher-suite vector: 3 suites"))
        .stdout(predicate::str::contains("0x0A0A  GREASE"))
        .stdout(predicate::str::contains("0x7777  unknown"))
        .stderr(predicate::str::contains("0x7777"));
}

#[test]
fn decode_errors_name_field_and_offset() {
    // The field report as quoted, with '...' for the bytes left out.
    cipherdex()
        .args([
            "decode", "16", "03", "01", "00", "5e", "01", "00", "00", "5a", "03", "03", "...",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("column 34"))
        .stderr(predicate::str::contains("whole message"));
    // A record that says 0x5e bytes but holds 6.
    cipherdex()
        .args(["decode", "16 03 01 00 5e 01 00 00 5a 03 03"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("record length at byte 3"));
    cipherdex()
        .args(["decode", "c0 2b c0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("3 bytes"));
}

#[test]
fn decode_shows_key_share_groups() {
    // openssl s_client -msg -noservername -groups X25519:P-256 (fixtures/scan/README.md):
    // one key share, for X25519.
    let text = std::fs::read(workspace_fixture(
        "scan/openssl_s_client-msg_tls13_nosni.txt",
    ))
    .unwrap();
    cipherdex()
        .args(["decode", "-"])
        .write_stdin(text.clone())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "key_share groups:      x25519 (0x001d)\n",
        ));
    let out = cipherdex()
        .args(["--json", "decode", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(v["client_hello"]["key_shares"][0]["name"], "x25519");
    assert_eq!(v["client_hello"]["key_shares"].as_array().unwrap().len(), 1);
}

#[test]
fn decode_names_groups_and_schemes_from_the_registries() {
    // A bare handshake message: one suite, supported_groups GREASE,
    // X25519Kyber768Draft00 (0x6399) and an unknown group, and
    // signature_algorithms rsa_pkcs1_sha224 (0x0301): the names are the
    // registries' (data/groups.csv, data/sigalgs.csv).
    let hex = format!(
        "01 00 00 3f 03 03 {} 00 00 02 13 01 01 00 00 14 \
         00 0a 00 08 00 06 0a 0a 63 99 12 34 00 0d 00 04 00 02 03 01",
        "00 ".repeat(32)
    );
    cipherdex()
        .args(["decode", &hex])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "supported_groups:      GREASE (0x0a0a), X25519Kyber768Draft00 (0x6399), unknown (0x1234)\n",
        ))
        .stdout(predicate::str::contains(
            "signature_algorithms:  rsa_pkcs1_sha224 (0x0301)\n",
        ));
    let out = cipherdex()
        .args(["decode", "--json", &hex])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(
        v["client_hello"]["supported_groups"][1]["name"],
        "X25519Kyber768Draft00"
    );
    assert!(v["client_hello"]["supported_groups"][2]["name"].is_null());
    assert_eq!(
        v["client_hello"]["signature_algorithms"][0]["name"],
        "rsa_pkcs1_sha224"
    );
}
