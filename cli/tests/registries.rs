//! `cipherdex group` and `cipherdex sigalg`: cards, the registry tables,
//! `--to`, JSON fields, unknown names and exit status. The JSON is checked
//! against the library's tables, which `tests/registries_oracle.rs` checks
//! against the real tools.

mod common;

use cipherdex::{Group, Scheme, SignatureScheme};
use common::{cipherdex, stdout_of};
use serde_json::Value;

fn json(args: &[&str]) -> (Option<i32>, Value) {
    let out = cipherdex().args(args).arg("--json").output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {out:?}"));
    (out.status.code(), v)
}

#[test]
fn group_card_names_every_scheme() {
    let out = cipherdex().args(["group", "P-256"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = stdout_of(&out);
    assert!(text.starts_with("secp256r1  0x0017\n"), "{text}");
    for line in [
        "  kind         elliptic",
        "  bits         128",
        "  openssl      secp256r1, P-256, prime256v1",
        "  gnutls       SECP256R1, GROUP-SECP256R1, CURVE-SECP256R1",
        "  go           CurveP256",
        "  windows      NistP256, secP256r1",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "no line {line:?} in\n{text}"
        );
    }
    let text = stdout_of(&cipherdex().args(["group", "0x11EC"]).output().unwrap());
    assert!(text.contains("X25519MLKEM768 (since 3.5)"), "{text}");
    assert!(text.contains("  versions     TLS1.3 DTLS1.3"), "{text}");
}

#[test]
fn whole_registry_as_a_table() {
    let out = cipherdex().arg("group").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = stdout_of(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("code    name"), "{}", lines[0]);
    assert_eq!(lines.len(), Group::all().len() + 1);
    assert!(lines
        .iter()
        .any(|l| l.starts_with("0x001D  x25519") && l.contains("TLS1.0-1.3")));
    let text = stdout_of(&cipherdex().arg("sigalg").output().unwrap());
    assert_eq!(text.lines().count(), SignatureScheme::all().len() + 1);
    assert!(text
        .lines()
        .any(|l| l.starts_with("0x0804  rsa_pss_rsae_sha256") && l.contains("RSA-PSS-RSAE")));
}

#[test]
fn to_prints_one_line_per_input() {
    let out = cipherdex()
        .args([
            "group",
            "--to",
            "windows",
            "x25519:P-384",
            "ffdhe2048",
            "hex-is-no-group",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout_of(&out), "curve25519\nNistP384\n-\n-\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("ffdhe2048 (0x0100) has no windows name"),
        "{err}"
    );
    assert!(err.contains("unknown group \"hex-is-no-group\""), "{err}");
    let out = cipherdex()
        .args(["sigalg", "--to", "hex", "RSA-PSS+SHA256", "ed25519"])
        .output()
        .unwrap();
    assert_eq!(
        (out.status.code(), stdout_of(&out)),
        (Some(0), "0x0804\n0x0807\n".to_string())
    );
    let out = cipherdex()
        .args(["sigalg", "--to", "go", "rsa_pss_rsae_sha256"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&out), "PSSWithSHA256\n");
}

#[test]
fn json_objects_carry_code_name_names_and_attributes() {
    let (code, v) = json(&["group", "0x11EC", "curve25519"]);
    assert_eq!(code, Some(0));
    let a = v.as_array().unwrap();
    assert_eq!(a.len(), 2);
    assert_eq!(a[0]["code"], "0x11EC");
    assert_eq!(a[0]["name"], "X25519MLKEM768");
    assert_eq!(a[0]["kind"], "hybrid");
    assert_eq!(a[0]["bits"], 192);
    assert_eq!(a[0]["names"]["go"], "X25519MLKEM768");
    assert_eq!(a[0]["names"]["windows"], "x25519_mlkem768");
    assert_eq!(a[0]["protocols"], serde_json::json!(["TLS1.3", "DTLS1.3"]));
    assert_eq!(a[1]["name"], "x25519");
    assert_eq!(a[1]["names"]["nss"], "ssl_grp_ec_curve25519");
    // Every group of the registry, every scheme's name as the library has it.
    let (_, all) = json(&["group"]);
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), Group::all().len());
    for (j, g) in all.iter().zip(Group::all()) {
        assert_eq!(j["code"], g.code_hex().to_string());
        for s in [
            Scheme::Iana,
            Scheme::OpenSsl,
            Scheme::GnuTls,
            Scheme::Windows,
        ] {
            assert_eq!(j["names"][s.as_str()].as_str(), g.name(s), "{g} {s}");
        }
    }
    let (_, v) = json(&["sigalg", "ECDSA+SHA384"]);
    assert_eq!(v[0]["code"], "0x0503");
    assert_eq!(v[0]["algorithm"], "ECDSA");
    assert_eq!(v[0]["hash"], "SHA384");
    assert_eq!(v[0]["curve"], "secp384r1");
    assert_eq!(v[0]["iana_recommended"], "Y");
    assert_eq!(v[0]["names"]["gnutls"], "ECDSA-SECP384R1-SHA384");
}

#[test]
fn unknown_names_are_reported_with_close_names() {
    let out = cipherdex()
        .args(["group", "x25519", "secp265r1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown group \"secp265r1\" (did you mean secp256r1"),
        "{err}"
    );
    assert!(stdout_of(&out).starts_with("x25519  0x001D"));
    let out = cipherdex().args(["sigalg", ":,"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = cipherdex()
        .args(["group", "--to", "klingon", "x25519"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
