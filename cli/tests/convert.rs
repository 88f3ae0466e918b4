//! `cipherdex convert`: the seed use-case, every target, formats, errors,
//! exit status. Expected names come from OpenSSL's own dump
//! (`openssl ciphers -V -stdname`), not from cipherdex.

mod common;

use common::{cipherdex, openssl_dump, stdout_of};
use predicates::prelude::*;

#[test]
fn seed_use_case_openssl_to_iana_and_back() {
    cipherdex()
        .args(["convert", "--to", "iana", "ECDHE-ECDSA-AES256-SHA"])
        .assert()
        .success()
        .stdout("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA\n")
        .stderr("");
    cipherdex()
        .args([
            "convert",
            "--to",
            "openssl",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
        ])
        .assert()
        .success()
        .stdout("ECDHE-ECDSA-AES256-SHA\n")
        .stderr("");
}

#[test]
fn seed_use_case_to_windows() {
    cipherdex()
        .args(["convert", "--to", "windows", "ECDHE-ECDSA-AES256-SHA"])
        .assert()
        .success()
        .stdout("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA\n");
    // Windows 7's curve-suffixed name is read back as the same suite.
    cipherdex()
        .args([
            "convert",
            "--to",
            "openssl",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P256",
        ])
        .assert()
        .success()
        .stdout("ECDHE-ECDSA-AES256-SHA\n");
}

#[test]
fn every_openssl_suite_both_ways_against_openssls_own_table() {
    let rows = openssl_dump();
    let openssl: Vec<&str> = rows.iter().map(|r| r.openssl.as_str()).collect();
    let iana: Vec<&str> = rows.iter().map(|r| r.iana.as_str()).collect();
    let out = cipherdex()
        .args(["convert", "--to", "iana"])
        .args(&openssl)
        .output()
        .unwrap();
    assert!(out.status.success(), "{:?}", out);
    assert_eq!(stdout_of(&out).lines().collect::<Vec<_>>(), iana);

    let out = cipherdex()
        .args(["convert", "--to", "openssl"])
        .args(&iana)
        .output()
        .unwrap();
    assert!(out.status.success(), "{:?}", out);
    assert_eq!(stdout_of(&out).lines().collect::<Vec<_>>(), openssl);

    // OpenSSL prints codes as `0x13,0x02`: a code spelling with a separator.
    let codes: Vec<&str> = rows.iter().map(|r| r.code.as_str()).collect();
    let out = cipherdex()
        .args(["convert", "--to", "openssl"])
        .args(&codes)
        .output()
        .unwrap();
    assert!(out.status.success(), "{:?}", out);
    assert_eq!(stdout_of(&out).lines().collect::<Vec<_>>(), openssl);
}

#[test]
fn hex_target_prints_four_or_six_digit_codes() {
    cipherdex()
        .args([
            "convert",
            "--to",
            "hex",
            "ECDHE-ECDSA-AES128-GCM-SHA256",
            "AES128-SHA",
        ])
        .assert()
        .success()
        .stdout("0xC02B\n0x002F\n");
    // SSL 2.0 kinds have three-byte codes.
    cipherdex()
        .args(["convert", "--to", "hex", "0x01,0x00,0x80"])
        .assert()
        .success()
        .stdout("0x010080\n");
}

#[test]
fn every_scheme_is_accepted_and_aliases_too() {
    for (to, want) in [
        ("iana", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
        ("IANA", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
        ("openssl", "ECDHE-RSA-AES128-GCM-SHA256"),
        ("gnutls", "TLS_ECDHE_RSA_AES_128_GCM_SHA256"),
        ("nss", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
        ("java", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
        ("jsse", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
        ("go", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
        ("windows", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
        ("schannel", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
        ("mbedtls", "TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256"),
        ("wolfssl", "ECDHE-RSA-AES128-GCM-SHA256"),
        ("wireshark", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
        ("nmap", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
        ("hex", "0xC02F"),
    ] {
        cipherdex()
            .args(["convert", "--to", to, "0xC02F"])
            .assert()
            .success()
            .stdout(format!("{want}\n"));
    }
}

#[test]
fn gnutls_names_from_gnutls_own_list() {
    // `gnutls-cli --list`: name, code bytes, minimum version.
    let path = common::workspace_fixture("mapping/gnutls-cli-list.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let mut checked = 0;
    for line in text.lines().filter(|l| l.starts_with("TLS_")).take(40) {
        let mut f = line.split('\t');
        let name = f.next().unwrap().trim();
        let code = f.next().unwrap().trim();
        cipherdex()
            .args(["convert", "--to", "gnutls", code])
            .assert()
            .success()
            .stdout(format!("{name}\n"));
        checked += 1;
    }
    assert_eq!(checked, 40);
}

#[test]
fn unknown_suite_suggests_and_the_rest_converts() {
    cipherdex()
        .args([
            "convert",
            "--to",
            "iana",
            "AES128-SHA",
            "ECDHE-RSA-AES256-GCM-SHA348",
            "AES256-SHA",
        ])
        .assert()
        .code(1)
        .stdout("TLS_RSA_WITH_AES_128_CBC_SHA\n-\nTLS_RSA_WITH_AES_256_CBC_SHA\n")
        .stderr(
            predicate::str::contains(
                "cipherdex: error: unknown suite \"ECDHE-RSA-AES256-GCM-SHA348\"",
            )
            .and(predicate::str::contains(
                "did you mean ECDHE-RSA-AES256-GCM-SHA384",
            )),
        );
}

#[test]
fn no_name_in_target_prints_dash_and_a_note() {
    // Go's crypto/tls never had the DHE suites.
    cipherdex()
        .args([
            "convert",
            "--to",
            "go",
            "DHE-RSA-AES128-GCM-SHA256",
            "AES128-SHA",
        ])
        .assert()
        .code(1)
        .stdout("-\nTLS_RSA_WITH_AES_128_CBC_SHA\n")
        .stderr(
            predicate::str::contains("cipherdex: note: TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")
                .and(predicate::str::contains("0x009E"))
                .and(predicate::str::contains("no go name")),
        );
}

#[test]
fn bad_scheme_lists_valid_ones() {
    cipherdex()
        .args(["convert", "--to", "klingon", "AES128-SHA"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::starts_with("cipherdex: error:")
                .and(predicate::str::contains("klingon"))
                .and(predicate::str::contains("openssl"))
                .and(predicate::str::contains("windows"))
                .and(predicate::str::contains("hex")),
        );
}

#[test]
fn missing_to_is_a_usage_error() {
    cipherdex()
        .args(["convert", "AES128-SHA"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--to"));
}

#[test]
fn windows_release_gives_that_releases_names() {
    cipherdex()
        .args(["convert", "--to", "windows", "--windows-release", "7"])
        .args([
            "ECDHE-RSA-AES128-SHA",
            "AES128-SHA",
            "TLS_AES_128_GCM_SHA256",
        ])
        .assert()
        .code(1)
        .stdout("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256\nTLS_RSA_WITH_AES_128_CBC_SHA\n-\n")
        .stderr("cipherdex: note: TLS_AES_128_GCM_SHA256 (0x1301) is not supported by windows:7\n");
    cipherdex()
        .args([
            "convert",
            "--to",
            "windows",
            "--windows-release",
            "server-2022",
        ])
        .arg("ECDHE-RSA-AES128-SHA")
        .assert()
        .success()
        .stdout("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA\n");
}

#[test]
fn windows_release_names_come_from_its_table() {
    // Microsoft's Windows 7 table: every name in it converts to a name in it.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../data/schannel/windows-7.csv"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let names: Vec<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(1))
        .collect();
    assert!(names.len() > 30, "{} names", names.len());
    let out = cipherdex()
        .args([
            "convert",
            "--to",
            "windows",
            "--windows-release",
            "Windows 7",
        ])
        .args(&names)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let got = stdout_of(&out);
    assert_eq!(got.lines().count(), names.len());
    for (input, output) in names.iter().zip(got.lines()) {
        assert!(
            names.contains(&output),
            "{input} became {output}, not a Windows 7 name"
        );
    }
    assert!(got.contains("_P256"));
}

#[test]
fn windows_release_errors() {
    cipherdex()
        .args([
            "convert",
            "--to",
            "openssl",
            "--windows-release",
            "7",
            "AES128-SHA",
        ])
        .assert()
        .code(2)
        .stderr("cipherdex: error: --windows-release needs --to windows\n");
    cipherdex()
        .args([
            "convert",
            "--to",
            "windows",
            "--windows-release",
            "2018",
            "AES128-SHA",
        ])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("unknown Windows release \"2018\"")
                .and(predicate::str::contains("server-2016"))
                .and(predicate::str::contains("server-2022")),
        );
}

#[test]
fn csv_output() {
    cipherdex()
        .args(["convert", "--to", "openssl", "--format", "csv"])
        .args([
            "TLS_RSA_WITH_AES_128_CBC_SHA",
            "nosuch",
            "DHE-RSA-AES128-GCM-SHA256",
        ])
        .assert()
        .code(1)
        .stdout(
            "input,code,openssl\n\
             TLS_RSA_WITH_AES_128_CBC_SHA,0x002F,AES128-SHA\n\
             nosuch,,\n\
             DHE-RSA-AES128-GCM-SHA256,0x009E,DHE-RSA-AES128-GCM-SHA256\n",
        );
}

#[test]
fn json_output_one_object_per_input() {
    for args in [
        vec!["convert", "--to", "iana", "--json"],
        vec!["--json", "convert", "--to", "iana"],
        vec!["convert", "--to", "iana", "--format", "json"],
    ] {
        let out = cipherdex()
            .args(&args)
            .args(["ECDHE-ECDSA-AES256-SHA", "ECDHE-RSA-AES256-GCM-SHA348"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let a = v.as_array().unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(a[0]["input"], "ECDHE-ECDSA-AES256-SHA");
        assert_eq!(a[0]["to"], "iana");
        assert_eq!(a[0]["name"], "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA");
        assert_eq!(a[0]["suite"]["code"], "0xC00A");
        assert_eq!(a[0]["suite"]["names"]["openssl"], "ECDHE-ECDSA-AES256-SHA");
        assert!(a[1]["name"].is_null() && a[1]["suite"].is_null());
        assert_eq!(a[1]["suggestions"][0], "ECDHE-RSA-AES256-GCM-SHA384");
    }
}
