//! Which certificate a GnuTLS 3.7 server with several uses: the first one,
//! in the order configured, that serves the suite and signs with a scheme the
//! client accepts (`CertChoice::InOrder`; OpenSSL 3.0 lets the signature
//! scheme pick instead, proved in `tests/negotiate_handshake.rs`).
//!
//! `gnutls-serv` gets two certificates (ECDSA P-256 and Ed25519, or RSA and
//! ECDSA, in both orders); `gnutls-cli` clients with priority strings that
//! order the signature schemes both ways, at TLS 1.2 and 1.3, connect to it.
//! cipherdex, given both sides as `gnutls:` profiles, must predict the
//! version, the suite and the certificate (read from the subject that
//! `gnutls-cli` prints) of every handshake.

mod common;

use std::path::Path;

use cipherdex::negotiate::negotiate;
use cipherdex::profile::{resolve, Role};
use common::{
    gnutls_transcripts, openssl_command, require_netns, require_tools, run_with_timeout,
    CertKey as Files, KeyKind, TempDir, TOOL_TIMEOUT,
};

/// The certificates: (model type, `openssl req -newkey` arguments).
const CERTS: &[(&str, &[&str])] = &[
    (
        "ecdsa-p256",
        &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
    ),
    ("ed25519", &["-newkey", "ed25519"]),
    ("rsa:2048", &["-newkey", "rsa:2048"]),
];

/// Server certificate sets, as indices into [`CERTS`], in configuration order.
const SETS: &[&[usize]] = &[&[0, 1], &[1, 0], &[2, 0], &[0, 2]];

/// Client priority strings.
const CLIENTS: &[&str] = &[
    "NORMAL",
    "NORMAL:-VERS-ALL:+VERS-TLS1.3:-SIGN-ALL:+SIGN-EDDSA-ED25519:+SIGN-ECDSA-SECP256R1-SHA256:+SIGN-RSA-PSS-RSAE-SHA256",
    "NORMAL:-VERS-ALL:+VERS-TLS1.3:-SIGN-ALL:+SIGN-ECDSA-SECP256R1-SHA256:+SIGN-EDDSA-ED25519:+SIGN-RSA-PSS-RSAE-SHA256",
    "NORMAL:-VERS-ALL:+VERS-TLS1.3:-SIGN-ALL:+SIGN-RSA-PSS-RSAE-SHA256:+SIGN-ECDSA-SECP256R1-SHA256",
    "NORMAL:-VERS-ALL:+VERS-TLS1.2:-SIGN-ALL:+SIGN-EDDSA-ED25519:+SIGN-ECDSA-SHA256:+SIGN-RSA-SHA256",
    "NORMAL:-VERS-ALL:+VERS-TLS1.2:-SIGN-ALL:+SIGN-ECDSA-SHA256:+SIGN-EDDSA-ED25519:+SIGN-RSA-SHA256",
    "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+ECDHE-RSA:+ECDHE-ECDSA",
    "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+ECDHE-ECDSA:+ECDHE-RSA:-SIGN-ALL:+SIGN-ECDSA-SHA256:+SIGN-RSA-SHA256",
];

fn make_cert(dir: &Path, i: usize) -> Files {
    let cert = dir.join(format!("c{i}.crt"));
    let key = dir.join(format!("c{i}.key"));
    let subject = format!("/CN=cert{i}");
    let (k, c) = (
        key.to_string_lossy().into_owned(),
        cert.to_string_lossy().into_owned(),
    );
    let mut args = vec!["req", "-x509", "-nodes", "-subj", &subject, "-days", "30"];
    args.extend_from_slice(CERTS[i].1);
    args.extend(["-keyout", &k, "-out", &c]);
    let out = run_with_timeout(&mut openssl_command(&args), TOOL_TIMEOUT).expect("openssl runs");
    assert!(out.success(), "openssl req failed: {out}");
    Files {
        kind: KeyKind::Rsa,
        cert,
        key,
    }
}

/// (version, IANA suite, certificate type) of one gnutls-cli transcript, or its failure.
fn seen(text: &str) -> Result<(String, String, &'static str), String> {
    let version = text
        .lines()
        .find_map(|l| l.strip_prefix("- Description: ("))
        .and_then(|d| d.split(['-', ')']).next())
        .ok_or_else(|| "no handshake".to_owned())?;
    let suite = text
        .lines()
        .rev()
        .find_map(|l| {
            l.split_once("Selected cipher suite: ")
                .map(|(_, s)| s.trim())
        })
        .ok_or("no suite")?;
    let suite = cipherdex::lookup(suite).ok_or(format!("unknown suite {suite}"))?;
    let cert = text
        .lines()
        .find_map(|l| l.split_once("subject `CN=cert"))
        .and_then(|(_, rest)| rest.split('\'').next())
        .and_then(|i| i.parse::<usize>().ok())
        .and_then(|i| CERTS.get(i))
        .map(|c| c.0)
        .ok_or("no certificate subject")?;
    Ok((version.to_owned(), suite.canonical_name().to_owned(), cert))
}

#[test]
fn gnutls_takes_the_first_certificate_that_fits() {
    if !require_tools(&["gnutls-serv", "gnutls-cli", "openssl"]) || !require_netns() {
        return;
    }
    let dir = TempDir::new("cert_choice");
    let files: Vec<Files> = (0..CERTS.len()).map(|i| make_cert(dir.path(), i)).collect();
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut orders_differ = 0;
    for set in SETS {
        let server_files: Vec<&Files> = set.iter().map(|&i| &files[i]).collect();
        let transcripts = gnutls_transcripts("NORMAL", &server_files, CLIENTS)
            .unwrap_or_else(|e| panic!("gnutls-serv with {set:?}: {e}"));
        let mut server = resolve("gnutls:NORMAL", Role::Server)
            .expect("a profile")
            .expect("gnutls profile")
            .peer;
        server.certs = set
            .iter()
            .map(|&i| CERTS[i].0.parse().expect("cert type"))
            .collect();
        for (prio, text) in CLIENTS.iter().zip(&transcripts) {
            let client = resolve(&format!("gnutls:{prio}"), Role::Client)
                .expect("a profile")
                .expect("gnutls profile")
                .peer;
            let n = negotiate(&client, &server);
            let predicted = n.outcome.as_ref().map_err(|f| f.to_string()).map(|a| {
                (
                    a.version.to_string(),
                    a.suite.canonical_name().to_owned(),
                    a.cert.map_or("none", |i| CERTS[set[i]].0),
                )
            });
            let real = seen(text);
            checked += 1;
            if let Ok((_, _, cert)) = &real {
                if *cert != CERTS[set[0]].0 {
                    orders_differ += 1;
                }
            }
            let agree = match (&real, &predicted) {
                (Ok(r), Ok(p)) => r.0 == p.0 && r.1 == p.1 && r.2 == p.2,
                (Err(_), Err(_)) => true,
                _ => false,
            };
            if !agree {
                failures.push(format!(
                    "certs {:?}, client {prio}:\n  gnutls: {real:?}\n  cipherdex: {predicted:?}",
                    set.iter().map(|&i| CERTS[i].0).collect::<Vec<_>>()
                ));
            }
        }
    }
    eprintln!(
        "{checked} GnuTLS handshakes, {orders_differ} served by the second certificate, {} disagreements",
        failures.len()
    );
    assert!(
        orders_differ > 0,
        "no handshake used the second certificate: the cases prove little"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
