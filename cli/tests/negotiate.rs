//! `cipherdex negotiate` and `cipherdex check-cert`: exit codes, text, the fixed JSON shape.

mod common;

use common::{cipherdex, workspace_fixture};
use predicates::prelude::*;
use serde_json::Value;

fn json(args: &[&str]) -> (Value, i32) {
    let out = cipherdex().args(args).arg("--json").output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (v, out.status.code().unwrap_or(-1))
}

#[test]
fn json_shape_on_success() {
    // The Windows example: Server 2016 picks its own first ECDHE-RSA GCM suite.
    let (v, code) = json(&[
        "negotiate",
        "--client",
        "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384",
        "--client-versions",
        "1.2",
        "--server",
        "windows:server-2016",
    ]);
    assert_eq!(code, 0);
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "cert",
            "cert_findings",
            "defaults",
            "diagnosis",
            "failure",
            "group",
            "hello_retry",
            "ok",
            "openssl",
            "shared",
            "sigalg",
            "suite",
            "unused_certs",
            "verify_ok",
            "version"
        ]
    );
    assert_eq!(v["ok"], true);
    assert_eq!(v["version"], "TLS1.2");
    assert_eq!(v["suite"]["code"], "0xC030");
    // Server 2016 lists curve25519, P-256, P-384; the client OpenSSL's defaults.
    assert_eq!(v["group"]["name"], "x25519");
    assert_eq!(v["group"]["code"], "0x001D");
    assert_eq!(v["hello_retry"], false);
    assert_eq!(v["suite"]["iana"], "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    assert_eq!(v["suite"]["openssl"], "ECDHE-RSA-AES256-GCM-SHA384");
    assert_eq!(v["failure"], Value::Null);
    assert_eq!(v["diagnosis"], serde_json::json!([]));
    assert_eq!(v["shared"], serde_json::json!(["0xC030", "0xC02F"]));
}

#[test]
fn json_shape_on_failure_and_windows_diagnosis() {
    let (v, code) = json(&[
        "negotiate",
        "--client",
        "ECDHE-RSA-AES128-GCM-SHA256,ECDHE-RSA-AES256-GCM-SHA384",
        "--client-versions",
        "1.2",
        "--server",
        "windows:server-2012r2",
    ]);
    assert_eq!(code, 1);
    assert_eq!(v["ok"], false);
    assert_eq!(v["failure"], "no_shared_suite");
    assert_eq!(
        (v["version"].clone(), v["suite"].clone()),
        (Value::Null, Value::Null)
    );
    cipherdex()
        .args([
            "negotiate",
            "--client",
            "DES-CBC3-SHA:RC4-SHA",
            "--server",
            "windows:server-2025",
        ])
        .args(["--client-versions", "1.0-1.2"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "TLS_RSA_WITH_3DES_EDE_CBC_SHA is supported by Windows Server 2025 but not enabled; \
             enable it with: Enable-TlsCipherSuite -Name TLS_RSA_WITH_3DES_EDE_CBC_SHA",
        ));
}

#[test]
fn windows_7_client_against_a_tls12_only_server() {
    // Windows 7 supports TLS 1.2 but leaves it off by default (Microsoft's protocols page).
    cipherdex()
        .args([
            "negotiate",
            "--client",
            "windows:7",
            "--server",
            "ECDHE-RSA-AES128-GCM-SHA256",
        ])
        .args(["--server-versions", "1.2"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("no common protocol version").and(
            predicate::str::contains(
                "TLS1.2 is supported by Windows 7 but not enabled; enable it with: reg add",
            ),
        ));
}

#[test]
fn defaults_preference_certificates_and_empty_tls13() {
    // Defaults: TLS 1.0-1.3 and OpenSSL's TLS 1.3 list on both sides, server order.
    cipherdex()
        .args([
            "negotiate",
            "--client",
            "AES128-SHA",
            "--server",
            "AES128-SHA",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "TLS1.3  TLS_AES_256_GCM_SHA384",
        ));
    let base = [
        "negotiate",
        "--client-tls13",
        "",
        "--client-versions",
        "1.2",
    ];
    cipherdex()
        .args(base)
        .args([
            "--client",
            "AES256-SHA:AES128-SHA",
            "--server",
            "AES128-SHA:AES256-SHA",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("TLS_RSA_WITH_AES_128_CBC_SHA"));
    cipherdex()
        .args(base)
        .args([
            "--client",
            "AES256-SHA:AES128-SHA",
            "--server",
            "AES128-SHA:AES256-SHA",
        ])
        .args(["--prefer", "client"])
        .assert()
        .success()
        .stdout(predicate::str::contains("TLS_RSA_WITH_AES_256_CBC_SHA"));
    // An ECDSA-only client against the default RSA certificate, then with an ECDSA one too.
    let ecdsa = [
        "--client",
        "ECDHE-ECDSA-AES128-SHA",
        "--server",
        "ECDHE-ECDSA-AES128-SHA:AES128-SHA",
    ];
    cipherdex()
        .args(base)
        .args(ecdsa)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("if its certificate were ECDSA"));
    cipherdex()
        .args(base)
        .args(ecdsa)
        .args(["--cert", "rsa", "--cert", "ecdsa-p256"])
        .assert()
        .success();
    // TLS 1.3 on, no TLS 1.3 suite on the server: no fallback, and OpenSSL refuses.
    cipherdex()
        .args([
            "negotiate",
            "--client",
            "AES128-SHA",
            "--server",
            "AES128-SHA",
            "--server-tls13",
            "",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "the server enables TLS1.3 but has no suite for it",
        ));
}

#[test]
fn lists_from_files_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("server.txt");
    std::fs::write(&file, "ECDHE-RSA-AES128-GCM-SHA256\nAES128-SHA\n").unwrap();
    cipherdex()
        .args([
            "negotiate",
            "--client",
            "-",
            "--client-versions",
            "1.2",
            "--client-tls13",
            "",
        ])
        .arg("--server")
        .arg(format!("@{}", file.display()))
        .write_stdin("TLS_RSA_WITH_AES_128_CBC_SHA")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "TLS1.2  TLS_RSA_WITH_AES_128_CBC_SHA",
        ));
}

#[test]
fn bad_input_is_exit_2_with_help() {
    cipherdex()
        .args([
            "negotiate",
            "--client",
            "winodws:server-2022",
            "--server",
            "AES128-SHA",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("windows:, mozilla:, openssl:"));
    cipherdex()
        .args([
            "negotiate",
            "--client",
            "AES128-SHAA",
            "--server",
            "AES128-SHA",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean AES128-SHA"));
    cipherdex()
        .args([
            "negotiate",
            "--client",
            "AES128-SHA",
            "--server",
            "AES128-SHA",
        ])
        .args(["--server-versions", "1.4"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1.0-1.3"));
    cipherdex()
        .args([
            "negotiate",
            "--client",
            "AES128-SHA",
            "--server",
            "AES128-SHA",
        ])
        .args(["--client-tls13", "AES128-SHA"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("TLS 1.3 suites only"));
}

#[test]
fn check_cert_types_files_and_exit_codes() {
    cipherdex()
        .args(["check-cert", "--cert", "ed25519", "ECDHE-ECDSA-AES128-SHA"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("fits in TLS1.2").and(predicate::str::contains(
                "TLS1.0: Ed25519 keys can only sign in TLS 1.2 and later",
            )),
        );
    cipherdex()
        .args([
            "check-cert",
            "--cert",
            "ecdsa",
            "ECDHE-ECDSA-AES128-SHA",
            "AES128-SHA",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "TLS_RSA_WITH_AES_128_CBC_SHA: does not fit",
        ));
    let pem = workspace_fixture("certs/rsa-sign-only.pem");
    cipherdex()
        .args(["check-cert", "--cert"])
        .arg(&pem)
        .args(["ECDHE-RSA-AES128-SHA", "AES128-SHA"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("keyUsage lacks keyEncipherment"));
    let (v, code) = json(&[
        "check-cert",
        "--cert",
        "dsa",
        "DHE-DSS-AES128-SHA",
        "TLS_AES_128_GCM_SHA256",
    ]);
    assert_eq!(code, 1);
    assert_eq!(v["suites"][0]["fits"], true);
    assert_eq!(v["suites"][1]["fits"], false);
    cipherdex()
        .args(["check-cert", "--cert", "ecdsa-p265", "AES128-SHA"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean ecdsa"));
}

#[test]
fn check_cert_reports_what_verification_will_say() {
    let chain = workspace_fixture("certs/ecdh-rsa-chain.pem");
    let root = workspace_fixture("certs/rsa.pem");
    let chain_s = chain.display().to_string();
    let root_s = root.display().to_string();
    // Leaf and root in one file, the root trusted, inside the validity, the
    // name only in the common name: a warning, and verification passes.
    cipherdex()
        .args(["check-cert", "--cert", &chain_s, "--ca", &root_s])
        .args(["--sni", "ecdh", "--at", "2030-01-01"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains(
                "warning: certificate 0 (CN=ecdh): ecdh is only its common name",
            )
            .and(predicate::str::contains("1: CN=rsa (RSA 2048")),
        );
    let (v, code) = json(&[
        "check-cert",
        "--cert",
        &chain_s,
        "--sni",
        "other.example",
        "--at",
        "2040-01-01",
    ]);
    assert_eq!(code, 1);
    assert_eq!(v["verify_ok"], false);
    assert_eq!(v["at"], "2040-01-01 00:00:00 UTC");
    let causes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["cause"].as_str().unwrap())
        .collect();
    assert_eq!(
        causes,
        ["cert_expired", "hostname_mismatch", "cert_expired"]
    );
    assert_eq!(v["certs"][0]["chain"][1]["subject"], "CN=rsa");
    assert_eq!(v["suites"].as_array().map(Vec::len), Some(0));
    // The leaf alone, its issuer neither sent nor trusted.
    let leaf_only = std::fs::read_to_string(&chain).unwrap();
    let end = leaf_only.find("-----END CERTIFICATE-----").unwrap() + 26;
    let dir = std::env::temp_dir().join(format!("cipherdex-check-cert-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let leaf = dir.join("leaf.pem");
    std::fs::write(&leaf, &leaf_only[..end]).unwrap();
    let (v, code) = json(&[
        "check-cert",
        "--cert",
        &leaf.display().to_string(),
        "--at",
        "2030-01-01",
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 1);
    assert_eq!(v["findings"][0]["cause"], "cert_chain_incomplete");
    cipherdex()
        .args(["check-cert", "--cert", &chain_s, "--at", "2030-02-30"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("--at \"2030-02-30\": invalid date")
                .and(predicate::str::contains("expected YYYY-MM-DD")),
        );
}

#[test]
fn negotiate_checks_the_chain_it_uses() {
    let rsa = workspace_fixture("certs/rsa.pem").display().to_string();
    let p384 = workspace_fixture("certs/ecdsa-p384.pem")
        .display()
        .to_string();
    let base = [
        "negotiate",
        "--client",
        "ECDHE-ECDSA-AES128-GCM-SHA256",
        "--server",
        "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256",
        "--server-versions",
        "1.2",
        "--cert",
        &rsa,
        "--cert",
        &p384,
        "--ca",
        &p384,
        "--at",
        "2030-01-01",
    ];
    // The ECDSA certificate serves; only its chain is checked, and it is trusted.
    let (v, code) = json(&[&base[..], &["--sni", "p384"]].concat());
    assert_eq!(
        (code, v["ok"].clone(), v["verify_ok"].clone()),
        (0, true.into(), true.into())
    );
    assert_eq!(v["cert"]["index"], 1);
    assert_eq!(v["cert_findings"][0]["cause"], "hostname_mismatch");
    assert_eq!(
        v["cert_findings"][0]["fails"], false,
        "common name only: a warning"
    );
    let (v, code) = json(&[&base[..], &["--sni", "www.example.com"]].concat());
    assert_eq!(
        (code, v["ok"].clone(), v["verify_ok"].clone()),
        (1, true.into(), false.into())
    );
    assert_eq!(v["cert_findings"][0]["chain"], 1);
    assert_eq!(v["cert_findings"][0]["cause"], "hostname_mismatch");
}

#[test]
fn groups_that_do_not_meet_fail_with_no_shared_group() {
    // Issue 16: an OpenSSL client with only P-521 against a server with
    // X25519 and P-256 and an ECDHE-RSA suite: the server finds no shared cipher.
    let (v, code) = json(&[
        "negotiate",
        "--client",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "--client-groups",
        "P-521",
        "--server",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "--server-groups",
        "X25519:P-256",
        "--client-versions",
        "1.2",
    ]);
    assert_eq!(code, 1);
    assert_eq!(v["failure"], "no_shared_group");
    let d = v["diagnosis"][0].as_str().unwrap();
    assert!(d.contains("secp521r1") && d.contains("x25519"), "{d}");
}

#[test]
fn an_unknown_group_is_an_input_error() {
    let out = cipherdex()
        .args([
            "negotiate",
            "--client",
            "AES128-SHA",
            "--client-groups",
            "P-999",
        ])
        .args(["--server", "AES128-SHA"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--client-groups") && err.contains("P-999"),
        "{err}"
    );
}

#[test]
fn gnutls_priority_strings_on_both_sides() {
    // A GnuTLS server follows the client's order: the client puts
    // AES-128-GCM first, so TLS 1.2 settles on ECDHE-RSA with AES-128-GCM
    // (the client's first group, secp256r1, is the server's too).
    let (v, code) = json(&[
        "negotiate",
        "--client",
        "gnutls:NONE:+VERS-TLS1.2:+AES-128-GCM:+AES-256-GCM:+AEAD:+ECDHE-RSA:+SIGN-ALL:+GROUP-ALL",
        "--server",
        "gnutls:NORMAL",
    ]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["version"], "TLS1.2");
    assert_eq!(v["suite"]["iana"], "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    assert_eq!(v["group"]["name"], "secp256r1");
    // With %SERVER_PRECEDENCE the server's AES-256-GCM wins.
    let (v, _) = json(&[
        "negotiate",
        "--client",
        "gnutls:NONE:+VERS-TLS1.2:+AES-128-GCM:+AES-256-GCM:+AEAD:+ECDHE-RSA:+SIGN-ALL:+GROUP-ALL",
        "--server",
        "gnutls:NORMAL:%SERVER_PRECEDENCE",
    ]);
    assert_eq!(v["suite"]["iana"], "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    cipherdex()
        .args(["negotiate", "--client", "gnutls:NORMAL:+AES-129-GCM"])
        .args(["--server", "gnutls:NORMAL"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean AES-128-GCM"));
    cipherdex()
        .args(["negotiate", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("gnutls:PRIORITY"));
}

#[test]
fn a_scanner_report_as_the_server_gives_its_versions() {
    // The report shows TLS 1.1 and 1.2 only: no TLS 1.3 default is filled in.
    let report =
        "Accepted  TLSv1.2  128 bits  AES128-SHA\nAccepted  TLSv1.1  128 bits  AES128-SHA\n";
    let out = cipherdex()
        .args([
            "negotiate",
            "--client",
            "AES128-SHA",
            "--server",
            "-",
            "--json",
        ])
        .write_stdin(report)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "TLS1.2", "{v}");
    let out = cipherdex()
        .args([
            "negotiate",
            "--client",
            "TLS_AES_128_GCM_SHA256",
            "--client-versions",
            "1.3",
        ])
        .args(["--server", "-", "--json"])
        .write_stdin(report)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{v}");
    assert_eq!(v["failure"], "no_common_version", "{v}");
}

#[test]
fn openssl_3_5_applies_its_default_groups_and_level() {
    // Two default 3.5 sides: X25519MLKEM768, on the key share the client sends.
    let (v, code) = json(&[
        "negotiate",
        "--client",
        "",
        "--server",
        "",
        "--openssl",
        "3.5",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["group"]["name"], "X25519MLKEM768");
    assert_eq!(v["hello_retry"], false);
    // Without --openssl: 3.0's defaults, x25519.
    let (v, _) = json(&["negotiate", "--client", "", "--server", ""]);
    assert_eq!(v["group"]["name"], "x25519");
    // 3.5's syntax: the server's first tuple holds only P-256, which the client lists
    // without a key share, so the server asks for it (client order in the tuple).
    let (v, code) = json(&[
        "negotiate",
        "--client",
        "",
        "--server",
        "",
        "--openssl",
        "3.5.1",
        "--server-groups",
        "P-256 / X25519MLKEM768:x25519",
        "--prefer",
        "client",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["group"]["name"], "secp256r1");
    assert_eq!(v["hello_retry"], true);
    // 3.5's level 2 refuses a 1024-bit RSA key; 3.0's rules without a level do not.
    let (v, code) = json(&[
        "negotiate",
        "--client",
        "",
        "--server",
        "",
        "--cert",
        "rsa:1024",
        "--openssl",
        "3.5",
    ]);
    assert_eq!((code, &v["failure"]), (1, &Value::from("key_too_small")));
    let (_, code) = json(&[
        "negotiate",
        "--client",
        "",
        "--server",
        "",
        "--cert",
        "rsa:1024",
    ]);
    assert_eq!(code, 0);
    // A release with no defaults row is an input error that says what would do.
    cipherdex()
        .args([
            "negotiate",
            "--client",
            "",
            "--server",
            "",
            "--openssl",
            "2.0",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("3.5"));
}

#[test]
fn a_scanner_report_as_the_server_brings_its_groups_and_certificate() {
    let report = format!(
        "@{}",
        workspace_fixture("servers/sslscan_rsa3072.xml").display()
    );
    // The report lists secp384r1 and x25519: a TLS 1.3 client with P-256 alone fails.
    let (v, code) = json(&[
        "negotiate",
        "--client",
        "",
        "--client-groups",
        "P-256",
        "--client-versions",
        "1.3",
        "--server",
        &report,
    ]);
    assert_eq!((code, &v["failure"]), (1, &Value::from("no_shared_group")));
    // With P-384 it works, and the RSA 3072 certificate serves it.
    let (v, code) = json(&[
        "negotiate",
        "--client",
        "",
        "--client-groups",
        "P-384",
        "--server",
        &report,
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["group"]["name"], "secp384r1");
    // nmap states no groups: the server's are not checked (no default filled in), so the
    // client's key share is taken.
    let nmap = format!(
        "@{}",
        workspace_fixture("servers/nmap_rsa3072.xml").display()
    );
    let (v, code) = json(&[
        "negotiate",
        "--client",
        "",
        "--client-groups",
        "P-256",
        "--client-versions",
        "1.3",
        "--server",
        &nmap,
    ]);
    assert_eq!((code, &v["group"]["name"]), (0, &Value::from("secp256r1")));
}

#[test]
fn the_output_states_each_sides_openssl_defaults_and_security_level() {
    use cipherdex::openssl::DEFAULT_RELEASE;
    let default_level = cipherdex::defaults::openssl(DEFAULT_RELEASE)
        .and_then(|d| d.security_level())
        .expect("the default release has a defaults row with a level");
    // Without --openssl: a suite list takes the default release's defaults and
    // level; a Windows profile states its own and has no OpenSSL level.
    let (v, _) = json(&[
        "negotiate",
        "--client",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "--server",
        "windows:server-2022",
    ]);
    assert_eq!(v["openssl"], DEFAULT_RELEASE, "{v}");
    let client = &v["defaults"]["client"];
    assert_eq!(client["openssl"], DEFAULT_RELEASE, "{v}");
    assert_eq!(client["security_level"], default_level, "{v}");
    assert_eq!(client["security_level_default"], true, "{v}");
    let server = &v["defaults"]["server"];
    assert_eq!(server["openssl"], Value::Null, "{v}");
    assert_eq!(server["security_level"], Value::Null, "{v}");
    // The text says the same, one line per side.
    let out = cipherdex()
        .args([
            "negotiate",
            "--client",
            "ECDHE-RSA-AES128-GCM-SHA256",
            "--server",
            "windows:server-2022",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let line = |side: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{side}: ")))
            .unwrap_or_else(|| panic!("no {side} line in:\n{text}"))
            .to_owned()
    };
    let client = line("client");
    assert!(
        client.contains(&format!("OpenSSL {DEFAULT_RELEASE} defaults"))
            && client.contains(&format!(
                "security level {default_level} (OpenSSL {DEFAULT_RELEASE}'s default)"
            )),
        "{client}"
    );
    let server = line("server");
    assert!(
        server.contains("its own") && server.contains("no security level"),
        "{server}"
    );
    // The default level is applied, not only stated: OpenSSL 3.0's level 1
    // refuses TLS 1.0 (SHA-1/MD5 signatures), level 0 stated on both sides does not.
    let tls10 = [
        "negotiate",
        "--client",
        "ECDHE-RSA-AES128-SHA",
        "--client-versions",
        "1.0",
        "--server",
        "ECDHE-RSA-AES128-SHA",
    ];
    let (v, code) = json(&tls10);
    assert_eq!(
        (code, &v["failure"]),
        (1, &Value::from("security_level")),
        "{v}"
    );
    let mut stated = tls10.to_vec();
    stated.extend(["--client-seclevel", "0", "--server-seclevel", "0"]);
    let (v, code) = json(&stated);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["defaults"]["client"]["security_level"], 0, "{v}");
    assert_eq!(
        v["defaults"]["client"]["security_level_default"], false,
        "{v}"
    );
    // --openssl 3.5: that release's defaults row and its level on both list sides.
    let row = cipherdex::defaults::openssl("3.5").expect("a 3.5 row");
    let (v, _) = json(&[
        "negotiate",
        "--client",
        "",
        "--server",
        "",
        "--openssl",
        "3.5",
    ]);
    // 3.5 is a release of its own, not 3.2's rules.
    assert_eq!(v["openssl"], "3.5", "{v}");
    for side in ["client", "server"] {
        let d = &v["defaults"][side];
        assert_eq!(d["openssl"], row.release(), "{v}");
        assert_eq!(d["security_level"], row.security_level().unwrap(), "{v}");
        assert_eq!(d["security_level_default"], true, "{v}");
    }
}

#[test]
fn the_sni_of_a_client_hello_is_the_name_checked() {
    // The hello asks for printer.example (its server_name); the certificate's
    // subjectAltName covers www.example.org and *.example.org only.
    let hello = format!(
        "@{}",
        workspace_fixture("scan/openssl_s_client-msg_tls12_sni.txt").display()
    );
    let cert = workspace_fixture("certs/rsa-san.pem").display().to_string();
    let base = [
        "negotiate",
        "--client",
        &hello,
        "--server",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "--cert",
        &cert,
        "--ca",
        &cert,
        "--at",
        "2030-01-01",
    ];
    let (v, code) = json(&base);
    assert_eq!(
        (code, &v["ok"], &v["verify_ok"]),
        (1, &true.into(), &false.into()),
        "{v}"
    );
    let findings = v["cert_findings"].as_array().expect("findings");
    let mismatch = findings
        .iter()
        .find(|f| f["cause"] == "hostname_mismatch")
        .unwrap_or_else(|| panic!("no hostname_mismatch in {v}"));
    assert_eq!(mismatch["fails"], true, "{v}");
    let text = mismatch["text"].as_str().unwrap_or_default();
    assert!(text.contains("printer.example"), "{text}");
    // The text output names it too.
    cipherdex()
        .args(base)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("not for printer.example"));
    // --sni overrides the hello's name: a name the certificate covers passes.
    let (v, code) = json(&[&base[..], &["--sni", "mail.example.org"]].concat());
    assert_eq!((code, &v["verify_ok"]), (0, &true.into()), "{v}");
}

#[test]
fn a_windows_server_uses_the_one_certificate_bound_to_its_endpoint() {
    // An ECDSA-only client: an OpenSSL-like server picks the ECDSA certificate of
    // the two; SChannel (IIS, HTTP.sys) has the first bound and never uses the other.
    let args = |server: &'static str| {
        [
            "negotiate",
            "--client",
            "ECDHE-ECDSA-AES128-GCM-SHA256",
            "--client-versions",
            "1.2",
            "--server",
            server,
            "--cert",
            "rsa",
            "--cert",
            "ecdsa-p256",
        ]
    };
    let (v, code) = json(&args(
        "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256",
    ));
    assert_eq!((code, &v["cert"]["index"]), (0, &Value::from(1)), "{v}");
    assert_eq!(v["unused_certs"], serde_json::json!([]), "{v}");
    let (v, code) = json(&args("windows:server-2022"));
    assert_eq!(
        (code, &v["failure"]),
        (1, &Value::from("no_fitting_certificate")),
        "{v}"
    );
    assert_eq!(v["unused_certs"], serde_json::json!([1]), "{v}");
    // The text says which certificate is not used, and why.
    cipherdex()
        .args(args("windows:server-2022"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("certificates not used: --cert 2"))
        .stdout(predicate::str::contains(
            "binds one certificate per endpoint",
        ));
}
