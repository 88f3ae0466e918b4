//! A scanner report as the server side of a negotiation (`Report::server`):
//! the groups and certificates real sslscan, testssl.sh and nmap reports state
//! (`tests/fixtures/servers/`, described in its README), and, live, sslscan,
//! nmap and testssl.sh run against `openssl s_server`s with known groups and
//! certificates on 127.0.0.1, whose reports must predict real `s_client`
//! handshakes.

mod common;

use std::path::Path;

use cipherdex::cert::{KeyType, NamedCurve};
use cipherdex::input::{self, Format};
use cipherdex::negotiate::{negotiate, Peer, Preference};
use cipherdex::openssl::{evaluate, Release, SecurityLevel};
use cipherdex::{Group, Protocol};
use common::{
    openssl_command, require_tools, run_with_timeout, self_signed, KeyKind, OpensslServer, TempDir,
    TOOL_TIMEOUT,
};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/servers")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

fn server(format: Format, text: &str) -> Peer {
    input::report(format, text)
        .expect("a report")
        .server()
        .expect("a scanner report")
}

fn group_names(p: &Peer) -> Option<Vec<&'static str>> {
    p.groups
        .as_ref()
        .map(|g| g.iter().map(|g| g.iana_name()).collect())
}

#[test]
fn sslscan_reports_give_groups_and_certificate() {
    for format in [Format::SslscanText, Format::SslscanXml] {
        let ext = if format == Format::SslscanXml {
            "xml"
        } else {
            "txt"
        };
        let rsa = server(format, &fixture(&format!("sslscan_rsa3072.{ext}")));
        assert_eq!(
            group_names(&rsa),
            Some(vec!["secp384r1", "x25519"]),
            "{format}"
        );
        assert_eq!(rsa.certs.len(), 1, "{format}: {:?}", rsa.certs);
        assert_eq!(
            (rsa.certs[0].key, rsa.certs[0].bits, rsa.certs[0].signed_by),
            (KeyType::Rsa, Some(3072), Some(KeyType::Rsa))
        );
        assert!(rsa.sigalgs.is_none() && rsa.security_level.is_none());
        assert!(rsa.versions.contains(Protocol::Tls13) && !rsa.versions.contains(Protocol::Tls11));
        let ec = server(format, &fixture(&format!("sslscan_p384.{ext}")));
        assert_eq!(
            group_names(&ec),
            Some(vec!["secp256r1", "secp384r1", "x25519"]),
            "{format}"
        );
        assert_eq!(ec.certs.len(), 1, "{format}: {:?}", ec.certs);
        assert_eq!(
            (ec.certs[0].key, ec.certs[0].curve, ec.certs[0].signed_by),
            (KeyType::Ecdsa, Some(NamedCurve::P384), Some(KeyType::Ecdsa))
        );
        assert!(ec
            .tls12_suites
            .iter()
            .all(|s| s.canonical_name().contains("ECDSA")));
    }
}

#[test]
fn testssl_reports_give_curves_and_key_size() {
    for (format, ext) in [(Format::TestsslText, "txt"), (Format::TestsslJson, "json")] {
        let rsa = server(format, &fixture(&format!("testssl_E_f_S_rsa3072.{ext}")));
        assert_eq!(
            group_names(&rsa),
            Some(vec!["secp384r1", "x25519"]),
            "{format}"
        );
        assert_eq!(
            rsa.certs
                .iter()
                .map(|c| (c.key, c.bits))
                .collect::<Vec<_>>(),
            [(KeyType::Rsa, Some(3072))],
            "{format}"
        );
        assert!(!rsa.tls12_suites.is_empty() && !rsa.tls13_suites.is_empty());
        let ec = server(format, &fixture(&format!("testssl_E_f_S_p384.{ext}")));
        assert_eq!(
            group_names(&ec),
            Some(vec!["secp256r1", "secp384r1", "x25519"]),
            "{format}"
        );
        assert_eq!(
            ec.certs
                .iter()
                .map(|c| (c.key, c.curve))
                .collect::<Vec<_>>(),
            [(KeyType::Ecdsa, Some(NamedCurve::P384))],
            "{format}"
        );
    }
}

#[test]
fn nmap_states_rsa_key_size_and_no_groups() {
    for (format, ext) in [(Format::NmapText, "nmap"), (Format::NmapXml, "xml")] {
        let rsa = server(format, &fixture(&format!("nmap_rsa3072.{ext}")));
        assert_eq!(
            group_names(&rsa),
            None,
            "{format}: nmap states no group list"
        );
        assert_eq!(
            rsa.certs
                .iter()
                .map(|c| (c.key, c.bits))
                .collect::<Vec<_>>(),
            [(KeyType::Rsa, Some(3072))]
        );
        assert_eq!(rsa.preference, Preference::Server);
    }
}

#[test]
fn reports_without_groups_or_certificates_state_none_and_infer_key_types() {
    // The -E-only testssl report of the rsa+ec server states neither.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text =
        std::fs::read_to_string(root.join("testssl_E_openssl-rsa-ec.json")).expect("fixture");
    let p = server(Format::TestsslJson, &text);
    assert_eq!(p.groups, None);
    let mut keys: Vec<KeyType> = p.certs.iter().map(|c| c.key).collect();
    keys.sort_by_key(|k| format!("{k:?}"));
    assert_eq!(
        keys,
        [KeyType::Ecdsa, KeyType::Rsa],
        "from the accepted suites"
    );
    assert!(p.certs.iter().all(|c| c.bits.is_none()));
    // A suite list is no scanner report.
    let r = input::report(Format::Plain, "AES128-SHA").expect("a list");
    assert!(r.server().is_none());
}

/// What `s_client -brief` (OpenSSL 3.0) saw: version, suite, group.
fn handshake(port: u16, args: &[&str]) -> Result<(String, String, Option<String>), String> {
    let connect = format!("127.0.0.1:{port}");
    let mut all = vec!["s_client", "-connect", connect.as_str(), "-brief"];
    all.extend_from_slice(args);
    let out =
        run_with_timeout(&mut openssl_command(&all), TOOL_TIMEOUT).map_err(|e| e.to_string())?;
    let text = out.combined();
    let field = |p: &str| text.lines().find_map(|l| l.strip_prefix(p)).map(str::trim);
    let (Some(v), Some(c)) = (field("Protocol version:"), field("Ciphersuite:")) else {
        return Err(text
            .lines()
            .find(|l| l.contains(":error:"))
            .unwrap_or("failed")
            .to_string());
    };
    let suite = cipherdex::lookup(c).ok_or(format!("unknown suite {c}"))?;
    let group =
        field("Server Temp Key:").and_then(|k| match k.split(", ").collect::<Vec<_>>()[..] {
            ["ECDH", curve, _] => Group::lookup(curve),
            ["DH", _] => None,
            [name, _] => Group::lookup(name),
            _ => None,
        });
    Ok((
        v.replace("TLSv", "TLS"),
        suite.canonical_name().to_string(),
        group.map(|g| g.iana_name().to_string()),
    ))
}

/// An OpenSSL 3.0 client (Debian's level 2) with `args`' groups and version.
fn client(groups: Option<&str>, tls12: bool) -> Peer {
    let mut p = Peer::new();
    p.tls12_suites = evaluate("DEFAULT", Release::OpenSsl30)
        .expect("DEFAULT")
        .ciphers()
        .iter()
        .filter(|c| !c.needs_psk_or_srp())
        .map(|c| c.suite())
        .collect();
    if let Some(g) = groups {
        p.groups = Some(Group::parse_list(g).expect("groups"));
        p.key_shares = None;
    }
    if tls12 {
        p.versions = cipherdex::Protocols::EMPTY.with(Protocol::Tls12);
    }
    p.security_level = Some(SecurityLevel::debian_default(Release::OpenSsl30));
    p
}

#[test]
fn live_scans_predict_real_handshakes() {
    if !require_tools(&["openssl", "sslscan", "nmap", "testssl"]) {
        return;
    }
    let dir = TempDir::new("scan-server");
    let rsa = self_signed(dir.path(), KeyKind::Rsa);
    let ec = self_signed(dir.path(), KeyKind::Ec);
    // (certificate, -groups, -serverpref, what the report must state)
    let servers = [
        (&rsa, "P-384:X25519", true, KeyType::Rsa),
        (&ec, "X25519:P-256:P-521", false, KeyType::Ecdsa),
    ];
    let clients: &[(Option<&str>, bool)] = &[
        (None, false),
        (Some("P-256"), false),
        (Some("P-521:X25519"), false),
        (Some("X448:P-384"), false),
        (Some("P-384"), true),
        (Some("P-256:X25519"), true),
        (Some("X448"), true),
    ];
    let (mut checked, mut failures) = (0, Vec::new());
    for (cert, groups, serverpref, key) in servers {
        let s = OpensslServer::builder()
            .cert(cert)
            .arg("-groups")
            .arg(groups)
            .serverpref(serverpref)
            .www(true)
            .start()
            .expect("a server");
        let target = format!("127.0.0.1:{}", s.port());
        let xml = dir.path().join("scan.xml");
        let mut cmd = std::process::Command::new("sslscan");
        cmd.arg("--no-colour")
            .arg(format!("--xml={}", xml.display()))
            .arg(&target);
        let out =
            run_with_timeout(&mut cmd, std::time::Duration::from_secs(60)).expect("sslscan runs");
        assert!(out.success(), "sslscan: {out}");
        let mut reports = vec![
            (Format::SslscanText, out.stdout.clone()),
            (
                Format::SslscanXml,
                std::fs::read_to_string(&xml).expect("sslscan's XML"),
            ),
        ];
        let mut cmd = std::process::Command::new("nmap");
        cmd.args([
            "-Pn",
            "-p",
            &s.port().to_string(),
            "--script",
            "ssl-enum-ciphers",
            "-oX",
            "-",
            "127.0.0.1",
        ]);
        let out =
            run_with_timeout(&mut cmd, std::time::Duration::from_secs(120)).expect("nmap runs");
        assert!(out.success(), "nmap: {out}");
        reports.push((Format::NmapXml, out.stdout));
        // testssl.sh: suites per version (-E), the server's curves (-f) and its
        // certificate (-S), as text and as its JSON file (about 60 s a server).
        let json = dir.path().join("testssl.json");
        let _ = std::fs::remove_file(&json);
        let mut cmd = std::process::Command::new("testssl");
        cmd.args([
            "--quiet",
            "--color",
            "0",
            "--nodns",
            "none",
            "--warnings",
            "off",
            "-E",
            "-f",
            "-S",
            "--jsonfile",
        ])
        .arg(&json)
        .arg(&target);
        let out =
            run_with_timeout(&mut cmd, std::time::Duration::from_secs(300)).expect("testssl runs");
        assert!(
            out.stdout.contains("Testing ciphers per protocol"),
            "testssl: {out}"
        );
        reports.push((Format::TestsslText, out.stdout.clone()));
        reports.push((
            Format::TestsslJson,
            std::fs::read_to_string(&json).expect("testssl's JSON file"),
        ));
        for (format, text) in &reports {
            let mut speer = server(*format, text);
            // What the report states: the server's groups (sslscan, testssl.sh), its
            // certificate type.
            if format != &Format::NmapXml {
                let mut stated: Vec<u16> =
                    speer.groups.iter().flatten().map(|g| g.code()).collect();
                let mut want: Vec<u16> = Group::parse_list(groups)
                    .expect("groups")
                    .iter()
                    .map(|g| g.code())
                    .collect();
                stated.sort_unstable();
                want.sort_unstable();
                assert_eq!(stated, want, "{format} groups");
            }
            assert!(
                speer.certs.iter().any(|c| c.key == key),
                "{format}: {:?}",
                speer.certs
            );
            if speer.groups.is_none() {
                // nmap states no groups: the model then does not check them.
                continue;
            }
            speer.preference = if serverpref {
                Preference::Server
            } else {
                Preference::Client
            };
            for (cgroups, tls12) in clients {
                let mut args: Vec<&str> = Vec::new();
                if let Some(g) = cgroups {
                    args.extend(["-groups", g]);
                }
                if *tls12 {
                    args.push("-tls1_2");
                }
                let real = handshake(s.port(), &args);
                let cpeer = client(*cgroups, *tls12);
                let n = negotiate(&cpeer, &speer);
                let model = n
                    .outcome
                    .as_ref()
                    .map(|a| {
                        (
                            a.version.to_string(),
                            a.suite.canonical_name().to_string(),
                            a.group.map(|g| g.iana_name().to_string()),
                        )
                    })
                    .map_err(|f| f.to_string());
                checked += 1;
                let agree = match (&real, &model) {
                    (Ok(a), Ok(b)) => a == b,
                    (Err(_), Err(_)) => true,
                    _ => false,
                };
                if !agree {
                    failures.push(format!(
                        "{format} of -groups {groups} serverpref {serverpref}; client {args:?}\n  openssl: {real:?}\n  cipherdex: {model:?}"
                    ));
                }
            }
        }
    }
    eprintln!(
        "{checked} handshakes predicted from live scanner reports, {} disagreements",
        failures.len()
    );
    assert!(checked >= 40, "only {checked} handshakes");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unknown_suites_in_a_report_are_listed_not_dropped() {
    let text = "Accepted  TLSv1.2  128 bits  AES128-SHA\n\
                Accepted  TLSv1.2  256 bits  NOT-A-SUITE\n\
                Accepted  TLSv1.3  128 bits  TLS_AES_128_GCM_SHA256\n";
    let r = input::report(Format::SslscanText, text).expect("a report");
    let p = r.server().expect("a scanner report");
    assert_eq!(p.tls12_suites.len(), 1);
    let unknown = r.unknown_suites();
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert_eq!(unknown[0].line, Some(2));
    assert_eq!(unknown[0].protocol, Some(Protocol::Tls12));
    // A report of known suites only lists none.
    let r = input::report(
        Format::SslscanText,
        "Accepted  TLSv1.2  128 bits  AES128-SHA\n",
    )
    .expect("a report");
    assert!(r.unknown_suites().is_empty());
}
