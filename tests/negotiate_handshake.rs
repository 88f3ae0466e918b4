//! Proof of the handshake model (groups, signature schemes, security levels,
//! key sizes): random OpenSSL 3.0 `s_server`/`s_client` pairs on 127.0.0.1,
//! each with random `-groups`, optional `-sigalgs`, `@SECLEVEL` 0-2, version
//! limits, server or client preference and a certificate (RSA 1024, 2048 and
//! 3072, RSA-PSS, ECDSA P-256, P-384 and P-521, Ed25519, Ed448) or an RSA and
//! an ECDSA certificate together (`-cert` and `-dcert`; also ECDSA with EdDSA
//! and RSA with RSA-PSS), and cipherdex must
//! predict the outcome, version, suite, group, signature scheme and
//! HelloRetryRequest of each real handshake, and which certificate served it.
//!
//! Deterministic: the seed is fixed unless `CIPHERDEX_NEGOTIATE_SEED` is set,
//! and printed with every failing case. `CIPHERDEX_HANDSHAKE_CASES` sets the
//! number of server configurations (4 clients each; default 250, so 1,000
//! handshakes). About half the clients are given to cipherdex only as the
//! ClientHello they sent (`s_client -msg` prints it).

mod common;

use std::path::{Path, PathBuf};

use cipherdex::cert::CertKey;
use cipherdex::negotiate::{negotiate, range, Peer, Preference};
use cipherdex::openssl::{Release, SecurityLevel};
use cipherdex::{Group, Protocol, Scheme, SignatureScheme};
use common::rng::{seed, Rng};
use common::{
    openssl_command, require_tool, run_with_timeout, CertKey as Files, KeyKind, OpensslServer,
    TempDir, TOOL_TIMEOUT,
};

/// Certificates: (model type, `openssl req -newkey` arguments).
const CERTS: &[(&str, &[&str])] = &[
    ("rsa:2048", &["-newkey", "rsa:2048"]),
    ("rsa:1024", &["-newkey", "rsa:1024"]),
    ("rsa:3072", &["-newkey", "rsa:3072"]),
    (
        "ecdsa-p256",
        &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
    ),
    (
        "ecdsa-p384",
        &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"],
    ),
    (
        "ecdsa-p521",
        &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-521"],
    ),
    ("ed25519", &["-newkey", "ed25519"]),
    ("ed448", &["-newkey", "ed448"]),
    (
        "rsa-pss:2048",
        &["-newkey", "rsa-pss", "-pkeyopt", "rsa_keygen_bits:2048"],
    ),
];

/// What a server is given: one certificate (`-cert`), or two (`-cert` and
/// `-dcert`), as indices into [`CERTS`]. Pairs are an RSA and an ECDSA
/// certificate, in both orders, and pairs where the signature scheme decides
/// in TLS 1.2 too: ECDSA and EdDSA, RSA and RSA-PSS.
const SERVER_CERTS: &[&[usize]] = &[
    &[0],
    &[1],
    &[2],
    &[3],
    &[4],
    &[5],
    &[6],
    &[7],
    &[8],
    &[0, 3],
    &[3, 0],
    &[4, 2],
    &[2, 5],
    &[6, 3],
    &[4, 7],
    &[8, 0],
];

/// Groups as OpenSSL spells them for `-groups`.
const GROUPS: &[&str] = &[
    "X25519",
    "P-256",
    "P-384",
    "P-521",
    "X448",
    "ffdhe2048",
    "ffdhe3072",
];

/// Signature schemes as OpenSSL spells them for `-sigalgs`.
const SIGALGS: &[&str] = &[
    "rsa_pss_rsae_sha256",
    "rsa_pss_rsae_sha384",
    "rsa_pss_pss_sha256",
    "RSA+SHA256",
    "RSA+SHA384",
    "ECDSA+SHA256",
    "ECDSA+SHA384",
    "ECDSA+SHA512",
    "ed25519",
    "ed448",
];

/// TLS 1.2 suites (OpenSSL names).
const SUITES: &[&str] = &[
    "ECDHE-ECDSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384",
    "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-RSA-CHACHA20-POLY1305",
    "DHE-RSA-AES128-GCM-SHA256",
    "AES128-GCM-SHA256",
    "AES256-SHA",
];

fn make_cert(dir: &Path, i: usize) -> Files {
    let cert = dir.join(format!("c{i}.crt"));
    let key = dir.join(format!("c{i}.key"));
    // The subject names the certificate, so s_client shows which one served.
    let subject = format!("/CN=cert{i}");
    let mut args = vec!["req", "-x509", "-nodes", "-subj", &subject, "-days", "30"];
    args.extend_from_slice(CERTS[i].1);
    let (k, c) = (
        key.to_string_lossy().into_owned(),
        cert.to_string_lossy().into_owned(),
    );
    args.extend(["-keyout", &k, "-out", &c]);
    let out = run_with_timeout(&mut openssl_command(&args), TOOL_TIMEOUT).expect("openssl runs");
    assert!(out.success(), "openssl req failed: {out}");
    Files {
        kind: KeyKind::Rsa,
        cert,
        key,
    }
}

fn subset<'a>(rng: &mut Rng, pool: &[&'a str], min: usize) -> Vec<&'a str> {
    let n = min + rng.below(pool.len() - min + 1);
    rng.shuffled(pool).into_iter().take(n.max(min)).collect()
}

/// One side's configuration, as flags and as the model sees it.
#[derive(Debug, Clone)]
struct Side {
    suites: Vec<&'static str>,
    groups: Vec<&'static str>,
    sigalgs: Option<Vec<&'static str>>,
    level: u8,
    versions: Option<&'static str>,
}

impl Side {
    fn random(rng: &mut Rng, client: bool) -> Side {
        Side {
            suites: subset(rng, SUITES, 1),
            groups: subset(rng, GROUPS, 1),
            sigalgs: rng.chance(40).then(|| subset(rng, SIGALGS, 1)),
            level: *rng.pick(&[0u8, 1, 2]),
            versions: if client {
                *rng.pick(&[None, Some("-tls1_2"), Some("-tls1_3"), Some("-tls1")])
            } else {
                *rng.pick(&[None, None, Some("-tls1_2")])
            },
        }
    }

    fn flags(&self) -> Vec<String> {
        let mut f = vec![
            "-cipher".to_string(),
            format!("{}:@SECLEVEL={}", self.suites.join(":"), self.level),
            "-groups".to_string(),
            self.groups.join(":"),
        ];
        if let Some(s) = &self.sigalgs {
            f.extend(["-sigalgs".to_string(), s.join(":")]);
        }
        f
    }

    fn peer(&self, certs: Vec<CertKey>) -> Peer {
        let mut p = Peer::from_names(self.suites.iter().copied()).expect("known suites");
        p.versions = match self.versions {
            Some("-tls1_2") => range(Protocol::Tls12, Protocol::Tls12),
            Some("-tls1_3") => range(Protocol::Tls13, Protocol::Tls13),
            Some("-tls1") => range(Protocol::Tls10, Protocol::Tls10),
            _ => range(Protocol::Tls10, Protocol::Tls13),
        };
        p.groups = Some(Group::parse_list(&self.groups.join(":")).expect("known groups"));
        p.key_shares = None; // one share, for the first group, as s_client -groups sends
                             // Unstated: OpenSSL's default list, which `Peer` starts from.
        if let Some(s) = &self.sigalgs {
            p.sigalgs = Some(SignatureScheme::parse_list(&s.join(":")).expect("known sigalgs"));
        }
        p.security_level = SecurityLevel::new(Release::OpenSsl30, self.level);
        p.certs = certs;
        p
    }
}

/// What s_client reports: version, suite (IANA), certificate (its model
/// type), group, scheme, HelloRetryRequest.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    version: String,
    suite: String,
    cert: Option<&'static str>,
    group: Option<String>,
    sigalg: Option<String>,
    hello_retry: bool,
}

fn field<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.lines()
        .find_map(|l| l.strip_prefix(prefix))
        .map(str::trim)
}

fn connect(port: u16, client: &Side) -> (Result<Seen, String>, String) {
    let connect = format!("127.0.0.1:{port}");
    let mut args: Vec<String> = ["s_client", "-connect", &connect, "-brief", "-msg"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    if let Some(v) = client.versions {
        args.push(v.to_string());
    }
    args.extend(client.flags());
    let out = match run_with_timeout(&mut openssl_command(&args), TOOL_TIMEOUT) {
        Ok(o) => o,
        Err(e) => return (Err(format!("cannot run s_client: {e}")), String::new()),
    };
    let text = out.combined();
    (seen(&text, version_of(&text)), text)
}

fn version_of(text: &str) -> Option<String> {
    field(text, "Protocol version:").map(str::to_string)
}

fn seen(text: &str, version: Option<String>) -> Result<Seen, String> {
    let (Some(version), Some(cipher)) = (version.as_deref(), field(text, "Ciphersuite:")) else {
        return Err(text
            .lines()
            .find(|l| l.contains(":error:"))
            .unwrap_or("failed")
            .to_string());
    };
    let suite = cipherdex::lookup(cipher).ok_or(format!("unknown suite {cipher}"))?;
    let version = match version {
        "TLSv1.3" => "TLS1.3",
        "TLSv1.2" => "TLS1.2",
        "TLSv1.1" => "TLS1.1",
        _ => "TLS1.0",
    };
    let group = field(text, "Server Temp Key:").and_then(|k| {
        let parts: Vec<&str> = k.split(", ").collect();
        match parts.as_slice() {
            ["ECDH", curve, _] => Group::lookup(curve).map(|g| g.iana_name().to_string()),
            ["DH", bits] if version == "TLS1.3" => {
                Some(format!("ffdhe{}", bits.trim_end_matches(" bits")))
            }
            ["DH", _] => None,
            [name, _] => Group::lookup(name).map(|g| g.iana_name().to_string()),
            _ => None,
        }
    });
    let cert = field(text, "Peer certificate: CN = cert")
        .and_then(|i| i.parse::<usize>().ok())
        .and_then(|i| CERTS.get(i))
        .map(|c| c.0);
    // An RSA-PSS signature is rsa_pss_pss_* when the certificate used has an RSA-PSS key.
    let pss_key = cert.is_some_and(|c| c.starts_with("rsa-pss"));
    let hash = field(text, "Hash used:").unwrap_or("");
    let sigalg = field(text, "Signature type:").and_then(|t| {
        let name = match (t, hash) {
            ("RSA-PSS", h) if pss_key => format!("rsa_pss_pss_{}", h.to_ascii_lowercase()),
            ("RSA-PSS", h) => format!("rsa_pss_rsae_{}", h.to_ascii_lowercase()),
            ("RSA", h) => format!("rsa_pkcs1_{}", h.to_ascii_lowercase()),
            ("ECDSA", "SHA256") => "ecdsa_secp256r1_sha256".into(),
            ("ECDSA", "SHA384") => "ecdsa_secp384r1_sha384".into(),
            ("ECDSA", "SHA512") => "ecdsa_secp521r1_sha512".into(),
            ("ed25519" | "Ed25519", _) => "ed25519".into(),
            ("ed448" | "Ed448", _) => "ed448".into(),
            _ => return None,
        };
        Some(name)
    });
    let hello_retry = text
        .lines()
        .filter(|l| l.starts_with("<<<") && l.ends_with("], ServerHello"))
        .count()
        > 1;
    Ok(Seen {
        version: version.to_string(),
        suite: suite.canonical_name().to_string(),
        cert,
        group,
        sigalg,
        hello_retry,
    })
}

#[test]
fn groups_sigalgs_and_security_levels_match_openssl_3_0() {
    if !require_tool("openssl") {
        return;
    }
    let seed = seed();
    let cases: usize = std::env::var("CIPHERDEX_HANDSHAKE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(250);
    let dir = TempDir::new("handshake");
    let files: Vec<Files> = (0..CERTS.len()).map(|i| make_cert(dir.path(), i)).collect();
    let mut rng = Rng(seed);
    let (mut checked, mut failures, mut ok, mut hellos) = (0, Vec::new(), 0, 0);
    for case in 0..cases {
        let certs = SERVER_CERTS[rng.below(SERVER_CERTS.len())];
        let mut server_side = Side::random(&mut rng, false);
        if certs.iter().any(|&c| CERTS[c].0 == "rsa:1024") {
            server_side.level = 0; // s_server will not load a key below its own level
        }
        let serverpref = rng.chance(50);
        let mut b = OpensslServer::builder()
            .cert(&files[certs[0]])
            .serverpref(serverpref)
            .www(true);
        if let Some(&second) = certs.get(1) {
            b = b.dcert(&files[second]);
        }
        if let Some(v) = server_side.versions {
            b = b.arg(v);
        }
        for f in server_side.flags() {
            b = b.arg(&f);
        }
        let server = match b.start() {
            Ok(s) => s,
            Err(e) => panic!("case {case} (seed {seed}): server did not start: {e}"),
        };
        let cert_names: Vec<&'static str> = certs.iter().map(|&c| CERTS[c].0).collect();
        let mut speer = server_side.peer(
            cert_names
                .iter()
                .map(|n| n.parse().expect("cert type"))
                .collect(),
        );
        speer.preference = if serverpref {
            Preference::Server
        } else {
            Preference::Client
        };
        for _ in 0..4 {
            let client_side = Side::random(&mut rng, true);
            let (seen, transcript) = connect(server.port(), &client_side);
            let mut cpeer = client_side.peer(Vec::new());
            // About half the clients are given only as the ClientHello they sent
            // (s_client -msg prints it), plus their security level, which a
            // hello does not carry.
            let from_hello = transcript.contains("ClientHello") && rng.chance(50);
            if from_hello {
                let bytes =
                    cipherdex::hello::decode_hex(&transcript).expect("a hello in the transcript");
                let hello = cipherdex::hello::decode(&bytes.bytes).expect("a valid hello");
                let level = cpeer.security_level;
                cpeer = Peer::from_hello(&hello);
                cpeer.security_level = level;
                hellos += 1;
            }
            let n = negotiate(&cpeer, &speer);
            checked += 1;
            let predicted = n.outcome.as_ref().map(|a| Seen {
                version: a.version.to_string(),
                suite: a.suite.canonical_name().to_string(),
                cert: a.cert.and_then(|i| cert_names.get(i).copied()),
                group: a.group.map(|g| g.iana_name().to_string()),
                sigalg: a.sigalg.map(|s| s.iana_name().to_string()),
                hello_retry: a.hello_retry,
            });
            let agree = match (&seen, &predicted) {
                (Ok(s), Ok(p)) => {
                    ok += 1;
                    let sig_ok = p.sigalg == s.sigalg;
                    s.version == p.version
                        && s.suite == p.suite
                        && s.cert == p.cert
                        && s.group == p.group
                        && sig_ok
                        && s.hello_retry == p.hello_retry
                }
                (Err(_), Err(_)) => true,
                _ => false,
            };
            if !agree {
                failures.push(format!(
                    "case {case} (seed {seed}) certs {} serverpref {serverpref} client from its hello: {from_hello}\n  server {server_side:?}\n  client {client_side:?}\n  openssl: {seen:?}\n  cipherdex: {:?}",
                    cert_names.join("+"),
                    predicted.map_err(|f| f.to_string())
                ));
            }
        }
        drop(server);
    }
    eprintln!(
        "{checked} handshakes ({hellos} clients given as their ClientHello), {ok} completed, {} disagreements",
        failures.len()
    );
    assert!(
        hellos > checked / 5,
        "too few clients given as their hello ({hellos} of {checked})"
    );
    assert!(
        ok > checked / 5,
        "too few handshakes completed ({ok} of {checked}): the cases prove little"
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} disagree:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let _ = (Scheme::Iana, PathBuf::new());
}
