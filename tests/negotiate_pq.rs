//! Post-quantum and hybrid groups against a real OpenSSL 3.5: `s_server` and
//! `s_client` of OpenSSL 3.5, built from the `openssl-src` crate's sources by
//! `scripts/build-openssl35.sh` into `target/openssl-3.5/bin/openssl`, run on
//! 127.0.0.1 with random `-groups` in 3.5's syntax (tuples `/`, key shares
//! `*`) over the hybrid (X25519MLKEM768, SecP256r1MLKEM768,
//! SecP384r1MLKEM1024), pure ML-KEM and classical groups, or with 3.5's
//! defaults; and the ClientHellos captured from Chromium, Firefox and rustls
//! (they offer X25519MLKEM768) sent as they are to 3.5 servers. cipherdex must
//! predict the outcome, version, suite, group, signature scheme (where the
//! oracle shows it) and HelloRetryRequest of each.
//!
//! Deterministic: the seed is fixed unless `CIPHERDEX_NEGOTIATE_SEED` is set,
//! and printed with every failing case. `CIPHERDEX_PQ_CASES` sets the number of
//! server configurations (5 clients each; default 40). Without the binary the
//! tests skip loudly; under `CI=true` they run the build script (which copies
//! a machine-wide cached build when there is one) and fail if it fails.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use cipherdex::cert::CertKey;
use cipherdex::negotiate::{negotiate, Peer, Preference};
use cipherdex::openssl::{evaluate, parse_groups, Release, SecurityLevel};
use cipherdex::{defaults, Group, Protocol, Protocols};
use common::rng::{seed, Rng};
use common::{
    require_tool, run_with_timeout, self_signed, under_ci, KeyKind, OpensslServer, TempDir,
    TOOL_TIMEOUT,
};

/// Groups as OpenSSL 3.5 spells them for `-groups`.
const GROUPS: &[&str] = &[
    "X25519MLKEM768",
    "SecP256r1MLKEM768",
    "SecP384r1MLKEM1024",
    "MLKEM512",
    "MLKEM768",
    "MLKEM1024",
    "X25519",
    "P-256",
    "P-384",
    "P-521",
    "X448",
    "ffdhe2048",
];

/// The OpenSSL release that models 3.5 (`3.5` parses to it).
fn release() -> Release {
    "3.5".parse().expect("3.5 is a known release")
}

/// The OpenSSL 3.5 program: built (or copied from the machine's cache) by the
/// script when missing under `CI=true`; `None` (after a loud skip) otherwise.
fn openssl35() -> Option<&'static Path> {
    static PATH: OnceLock<Option<PathBuf>> = OnceLock::new();
    PATH.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let bin = match std::env::var_os("CIPHERDEX_OPENSSL35") {
            Some(p) => PathBuf::from(p),
            None => root.join("target/openssl-3.5/bin/openssl"),
        };
        if !bin.is_file() && under_ci() {
            let status = Command::new("bash")
                .arg(root.join("scripts/build-openssl35.sh"))
                .status();
            assert!(
                status.is_ok_and(|s| s.success()),
                "CI=true: OpenSSL 3.5 is missing at {bin:?} and scripts/build-openssl35.sh failed"
            );
        }
        if bin.is_file() {
            return Some(bin);
        }
        let banner = format!(
            "\n**********\nSKIPPED: no OpenSSL 3.5 at {bin:?}; run scripts/build-openssl35.sh (.ci/run does)\n**********\n"
        );
        let _ = std::io::stderr().lock().write_all(banner.as_bytes());
        None
    })
    .as_deref()
}

/// A random `-groups` value: 1-5 distinct groups; a server's split into
/// tuples with `/`, a client's with some `*` key-share marks.
fn groups_spec(rng: &mut Rng, server: bool) -> String {
    let n = 1 + rng.below(5);
    let picked: Vec<&str> = rng.shuffled(GROUPS).into_iter().take(n).collect();
    let mut out = String::new();
    for (i, g) in picked.iter().enumerate() {
        if i > 0 {
            out.push(if server && rng.chance(35) { '/' } else { ':' });
        }
        if !server && rng.chance(30) {
            out.push('*');
        }
        out.push_str(g);
    }
    out
}

/// The TLS 1.2 suites of OpenSSL's `DEFAULT` that a side without PSK or SRP
/// callbacks offers.
fn default_tls12() -> Vec<&'static cipherdex::Suite> {
    evaluate("DEFAULT", release())
        .expect("DEFAULT evaluates")
        .ciphers()
        .iter()
        .filter(|c| !c.needs_psk_or_srp())
        .map(|c| c.suite())
        .collect()
}

/// A 3.5 side with `-groups spec` (or the defaults), at the default level 2.
fn peer(spec: Option<&str>, server: bool) -> Peer {
    let mut p = Peer::new();
    p.tls12_suites = default_tls12();
    let row = defaults::openssl("3.5").expect("an OpenSSL 3.5 defaults row");
    match spec {
        None => p.set_defaults(row),
        Some(s) => {
            let g = parse_groups(s).expect("known groups");
            p.groups = Some(g.groups);
            p.key_shares = g.key_shares;
            p.group_tuples = server.then_some(g.tuples);
        }
    }
    p.security_level = row
        .security_level()
        .and_then(|l| SecurityLevel::new(release(), l));
    p
}

/// What the handshake gave: version, suite (IANA), group (IANA), HelloRetryRequest.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    version: String,
    suite: String,
    group: Option<String>,
    /// The signature scheme (`None` where the oracle does not show it: a replayed hello).
    sigalg: Option<String>,
    hello_retry: bool,
}

fn field<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.lines()
        .find_map(|l| l.trim_start().strip_prefix(prefix))
        .map(str::trim)
}

/// Reads `s_client -brief -msg` output.
fn seen(text: &str) -> Result<Seen, String> {
    let (Some(version), Some(cipher)) = (
        field(text, "Protocol version:"),
        field(text, "Ciphersuite:"),
    ) else {
        return Err(text
            .lines()
            .find(|l| l.contains(":error:"))
            .unwrap_or("failed")
            .to_string());
    };
    let suite = cipherdex::lookup(cipher).ok_or(format!("unknown suite {cipher}"))?;
    let version = version.replace("TLSv", "TLS");
    // TLS 1.3: `Negotiated TLS1.3 group: NAME`; TLS 1.2: `Peer Temp Key: ECDH, prime256v1, 256 bits`
    // or `X25519, 253 bits`; `DH, 2048 bits` is ffdhe2048 in TLS 1.3, the server's own
    // parameters (no group) in TLS 1.2.
    let group = match field(text, "Negotiated TLS1.3 group:") {
        Some(name) => Some(Group::lookup(name).ok_or(format!("unknown group {name}"))?),
        None => field(text, "Peer Temp Key:")
            .or_else(|| field(text, "Server Temp Key:"))
            .and_then(|k| match k.split(", ").collect::<Vec<_>>().as_slice() {
                ["DH", bits] if version == "TLS1.3" => {
                    Group::lookup(&format!("ffdhe{}", bits.trim_end_matches(" bits")))
                }
                ["DH", _] => None,
                ["ECDH", curve, _] => Group::lookup(curve),
                [name, _] => Group::lookup(name),
                _ => None,
            }),
    };
    let hello_retry = text
        .lines()
        .filter(|l| l.starts_with("<<<") && l.ends_with("], ServerHello"))
        .count()
        > 1;
    Ok(Seen {
        version,
        suite: suite.canonical_name().to_string(),
        group: group.map(|g| g.iana_name().to_string()),
        // 3.5 prints the scheme's IANA name.
        sigalg: field(text, "Signature type:").map(str::to_string),
        hello_retry,
    })
}

/// `s_client -brief -msg` of OpenSSL 3.5 once: what it saw, and its output.
fn connect(bin: &Path, port: u16, args: &[String]) -> (Result<Seen, String>, String) {
    let connect = format!("127.0.0.1:{port}");
    let mut cmd = Command::new(bin);
    cmd.env("OPENSSL_CONF", "/dev/null")
        .args(["s_client", "-connect", &connect, "-brief", "-msg"])
        .args(args);
    match run_with_timeout(&mut cmd, TOOL_TIMEOUT) {
        Ok(out) => {
            let text = out.combined();
            (seen(&text), text)
        }
        Err(e) => (Err(format!("cannot run s_client: {e}")), String::new()),
    }
}

fn predicted(client: &Peer, server: &Peer) -> Result<Seen, String> {
    let n = negotiate(client, server);
    n.outcome
        .as_ref()
        .map(|a| Seen {
            version: a.version.to_string(),
            suite: a.suite.canonical_name().to_string(),
            group: a.group.map(|g| g.iana_name().to_string()),
            sigalg: a.sigalg.map(|s| s.iana_name().to_string()),
            hello_retry: a.hello_retry,
        })
        .map_err(|f| f.to_string())
}

fn agree(real: &Result<Seen, String>, model: &Result<Seen, String>) -> bool {
    match (real, model) {
        (Ok(a), Ok(b)) => a == b,
        (Err(_), Err(_)) => true,
        _ => false,
    }
}

fn rsa_cert() -> CertKey {
    "rsa:2048".parse().expect("a certificate type")
}

#[test]
fn hybrid_and_ml_kem_groups_match_openssl_3_5() {
    let Some(bin) = openssl35() else { return };
    if !require_tool("openssl") {
        return; // the certificate is made with the system's openssl
    }
    let seed = seed();
    let cases: usize = std::env::var("CIPHERDEX_PQ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let dir = TempDir::new("pq");
    let files = self_signed(dir.path(), KeyKind::Rsa);
    let mut rng = Rng(seed ^ 0x3535);
    let (mut checked, mut ok, mut hrr, mut pq, mut hellos) = (0, 0, 0, 0, 0);
    let mut failures = Vec::new();
    for case in 0..cases {
        // A quarter of the servers keep 3.5's default groups.
        let server_spec = (!rng.chance(25)).then(|| groups_spec(&mut rng, true));
        let serverpref = rng.chance(50);
        let mut b = OpensslServer::builder()
            .program(bin)
            .cert(&files)
            .serverpref(serverpref)
            .www(true);
        if let Some(s) = &server_spec {
            b = b.arg("-groups").arg(s);
        }
        let server = b
            .start()
            .unwrap_or_else(|e| panic!("case {case} (seed {seed}): server did not start: {e}"));
        let mut speer = peer(server_spec.as_deref(), true);
        speer.certs = vec![rsa_cert()];
        speer.preference = if serverpref {
            Preference::Server
        } else {
            Preference::Client
        };
        for _ in 0..5 {
            let client_spec = (!rng.chance(25)).then(|| groups_spec(&mut rng, false));
            let tls12 = rng.chance(20);
            let mut args = Vec::new();
            if let Some(s) = &client_spec {
                args.extend(["-groups".to_string(), s.clone()]);
            }
            if tls12 {
                args.push("-tls1_2".to_string());
            }
            let (real, transcript) = connect(bin, server.port(), &args);
            let mut cpeer = peer(client_spec.as_deref(), false);
            if tls12 {
                cpeer.versions = Protocols::EMPTY.with(Protocol::Tls12);
            }
            // Some clients are given only as the ClientHello they sent, plus their level.
            if transcript.contains("ClientHello") && rng.chance(30) {
                let bytes = cipherdex::hello::decode_hex(&transcript).expect("a hello");
                let hello = cipherdex::hello::decode(&bytes.bytes).expect("a valid hello");
                let level = cpeer.security_level;
                cpeer = Peer::from_hello(&hello);
                cpeer.security_level = level;
                hellos += 1;
            }
            let model = predicted(&cpeer, &speer);
            checked += 1;
            if let Ok(s) = &real {
                ok += 1;
                hrr += usize::from(s.hello_retry);
                pq += usize::from(s.group.as_deref().is_some_and(|g| g.contains("MLKEM")));
            }
            if !agree(&real, &model) {
                failures.push(format!(
                    "case {case} (seed {seed}) serverpref {serverpref}\n  server -groups {server_spec:?}\n  client {args:?}\n  openssl 3.5: {real:?}\n  cipherdex:   {model:?}"
                ));
            }
        }
    }
    eprintln!(
        "{checked} OpenSSL 3.5 handshakes: {ok} completed, {pq} on an ML-KEM group, {hrr} after a HelloRetryRequest, {hellos} clients given as their ClientHello, {} disagreements",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} disagree:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(ok > checked / 3, "too few completed ({ok} of {checked})");
    assert!(
        pq > checked / 10,
        "too few on an ML-KEM group ({pq} of {checked})"
    );
    assert!(hrr > 0, "no HelloRetryRequest among {checked} handshakes");
}

#[test]
fn default_3_5_client_and_server() {
    let Some(bin) = openssl35() else { return };
    if !require_tool("openssl") {
        return;
    }
    let dir = TempDir::new("pq-default");
    let files = self_signed(dir.path(), KeyKind::Rsa);
    let server = OpensslServer::builder()
        .program(bin)
        .cert(&files)
        .www(true)
        .start()
        .expect("a default 3.5 server");
    let (real, transcript) = connect(bin, server.port(), &[]);
    let mut speer = peer(None, true);
    speer.certs = vec![rsa_cert()];
    speer.preference = Preference::Client;
    let model = predicted(&peer(None, false), &speer);
    assert!(
        agree(&real, &model),
        "openssl {real:?}\ncipherdex {model:?}"
    );
    assert_eq!(
        real.as_ref().ok().and_then(|s| s.group.as_deref()),
        Some("X25519MLKEM768")
    );
    let bytes = cipherdex::hello::decode_hex(&transcript).expect("a hello");
    let hello = cipherdex::hello::decode(&bytes.bytes).expect("a valid hello");
    // The defaults row is what the real client sends: groups, key shares, signature
    // schemes; and its suites are 3.5's default TLS 1.3 list and `DEFAULT`.
    let suites: Vec<u32> = peer(None, false)
        .tls13_suites
        .iter()
        .chain(&default_tls12())
        .map(|s| s.code())
        .collect();
    let sent: Vec<u32> = hello.known_suites().map(|s| s.code()).collect();
    assert_eq!(sent, suites, "3.5's default suites");
    let row = defaults::openssl("3.5").expect("a 3.5 row");
    let codes =
        |g: &mut dyn Iterator<Item = &'static Group>| g.map(|g| g.code()).collect::<Vec<_>>();
    assert_eq!(hello.supported_groups, codes(&mut row.groups()));
    assert_eq!(hello.key_shares, codes(&mut row.key_shares()));
    let want: Vec<u16> = row.sigalgs().expect("recorded").map(|s| s.code()).collect();
    assert_eq!(hello.signature_algorithms, want);
}

/// The first server flight's facts: a ServerHello (or HelloRetryRequest), or an alert.
fn server_hello(port: u16, hello: &[u8]) -> Result<Seen, String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(Duration::from_secs(5)))
        .map_err(|e| e.to_string())?;
    s.write_all(hello).map_err(|e| e.to_string())?;
    let mut header = [0u8; 5];
    s.read_exact(&mut header).map_err(|e| e.to_string())?;
    let len = usize::from(u16::from_be_bytes([header[3], header[4]]));
    let mut body = vec![0u8; len];
    s.read_exact(&mut body).map_err(|e| e.to_string())?;
    match header[0] {
        21 => return Err(format!("alert {:?}", body.get(1))),
        22 if body.first() == Some(&2) => {}
        t => return Err(format!("record type {t}, not a ServerHello")),
    }
    // handshake header (4), legacy_version (2), random (32), session id, suite, compression.
    const HRR: [u8; 8] = [0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11];
    let get = |i: usize| body.get(i).copied().ok_or("short ServerHello".to_string());
    let hello_retry = body.get(6..14) == Some(&HRR[..]);
    let mut i = 38;
    i += 1 + usize::from(get(i)?);
    let suite = u16::from_be_bytes([get(i)?, get(i + 1)?]);
    i += 3;
    let ext_end = i + 2 + usize::from(u16::from_be_bytes([get(i)?, get(i + 1)?]));
    i += 2;
    let (mut version, mut group) = (u16::from_be_bytes([get(4)?, get(5)?]), None);
    while i + 4 <= ext_end {
        let kind = u16::from_be_bytes([get(i)?, get(i + 1)?]);
        let n = usize::from(u16::from_be_bytes([get(i + 2)?, get(i + 3)?]));
        match kind {
            43 => version = u16::from_be_bytes([get(i + 4)?, get(i + 5)?]),
            51 => group = Some(u16::from_be_bytes([get(i + 4)?, get(i + 5)?])),
            _ => {}
        }
        i += 4 + n;
    }
    let version = match version {
        0x0304 => "TLS1.3",
        0x0303 => "TLS1.2",
        _ => "older",
    };
    let suite = cipherdex::Suite::from_code(u32::from(suite)).ok_or("unknown suite")?;
    Ok(Seen {
        version: version.to_string(),
        suite: suite.canonical_name().to_string(),
        group: group
            .and_then(Group::from_code)
            .map(|g| g.iana_name().to_string()),
        sigalg: None,
        hello_retry,
    })
}

#[test]
fn captured_browser_and_rustls_hellos_against_3_5_servers() {
    let Some(bin) = openssl35() else { return };
    if !require_tool("openssl") {
        return;
    }
    let dir = TempDir::new("pq-captures");
    let files = self_signed(dir.path(), KeyKind::Rsa);
    let captures = ["chromium-156.1", "firefox-esr-153.1", "rustls-0.23"];
    // (server -groups or None for the defaults, server preference)
    let servers: &[(Option<&str>, bool)] = &[
        (None, false),
        (None, true),
        (Some("P-256:X25519"), false),
        (Some("SecP256r1MLKEM768 / P-384:X25519MLKEM768"), true),
        (Some("MLKEM768 / P-256:X25519"), false),
        (Some("X25519:X25519MLKEM768"), true),
        (Some("SecP384r1MLKEM1024:MLKEM1024"), false),
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failures = Vec::new();
    let mut checked = 0;
    for (spec, serverpref) in servers {
        let mut b = OpensslServer::builder()
            .program(bin)
            .cert(&files)
            .serverpref(*serverpref)
            .www(true);
        if let Some(s) = spec {
            b = b.arg("-groups").arg(s);
        }
        let server = b.start().expect("a 3.5 server");
        let mut speer = peer(*spec, true);
        speer.certs = vec![rsa_cert()];
        speer.preference = if *serverpref {
            Preference::Server
        } else {
            Preference::Client
        };
        for name in captures {
            let path = root.join(format!("data/clients/captures/{name}.hex"));
            let text = std::fs::read_to_string(&path).expect("the capture");
            let bytes = cipherdex::hello::decode_hex(&text).expect("hex");
            let hello = cipherdex::hello::decode(&bytes.bytes).expect("a hello");
            assert!(
                hello.supported_groups.contains(&0x11EC),
                "{name} offers 0x11EC"
            );
            let real = server_hello(server.port(), &bytes.bytes);
            let model = predicted(&Peer::from_hello(&hello), &speer).map(|s| Seen {
                sigalg: None, // a ServerHello does not show it
                ..s
            });
            checked += 1;
            if !agree(&real, &model) {
                failures.push(format!(
                    "{name} vs -groups {spec:?} serverpref {serverpref}\n  openssl 3.5: {real:?}\n  cipherdex:   {model:?}"
                ));
            }
        }
    }
    eprintln!(
        "{checked} captured hellos against OpenSSL 3.5 servers, {} disagreements",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cipher_strings_evaluate_as_openssl_3_5_does() {
    // `--openssl 3.5` (`Release::OpenSsl35`) has the cipher tables of 3.2: check
    // them against the 3.5 program.
    let Some(bin) = openssl35() else { return };
    let strings = [
        "ALL:COMPLEMENTOFALL:@SECLEVEL=0",
        "DEFAULT",
        "HIGH:!aNULL:!MD5",
        "MEDIUM:@SECLEVEL=0",
        "ECDHE+AESGCM:CHACHA20",
        "kRSA:@STRENGTH",
        "AESCCM8:@SECLEVEL=0",
        "SUITEB128",
        "ALL:@STRENGTH:@SECLEVEL=0",
        "eNULL:@SECLEVEL=0",
        "aPSK:@SECLEVEL=0",
        "ECDSA:-SHA1:+AES128",
        "DHE:!CAMELLIA:@SECLEVEL=3",
    ];
    let mut failures = Vec::new();
    for s in strings {
        let mut cmd = Command::new(bin);
        cmd.env("OPENSSL_CONF", "/dev/null")
            .args(["ciphers", "-ciphersuites", "", s]);
        let out = run_with_timeout(&mut cmd, TOOL_TIMEOUT).expect("openssl ciphers runs");
        let real: Vec<String> = if out.success() {
            out.stdout.trim().split(':').map(str::to_string).collect()
        } else {
            Vec::new()
        };
        let model: Vec<String> = evaluate(s, release())
            .map(|x| x.ciphers().iter().map(|c| c.name().to_string()).collect())
            .unwrap_or_default();
        if real != model {
            failures.push(format!(
                "{s}:\n  openssl 3.5: {real:?}\n  cipherdex:   {model:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn release_3_5_is_the_3_5_program_with_its_levels_and_defaults() {
    let Some(bin) = openssl35() else { return };
    if !require_tool("openssl") {
        return; // the certificate is made with the system's openssl
    }
    // The program's own version names the release the library models it with.
    let mut cmd = Command::new(bin);
    cmd.arg("version");
    let out = run_with_timeout(&mut cmd, TOOL_TIMEOUT).expect("openssl version runs");
    let words: Vec<&str> = out.stdout.split_whitespace().take(2).collect();
    let version = words.join(" ");
    assert_eq!(
        version.parse::<Release>().ok(),
        Some(Release::OpenSsl35),
        "{version}"
    );
    assert_eq!(release(), Release::OpenSsl35);
    // An openssl: profile of the release carries its defaults row and level.
    let row = Release::OpenSsl35.defaults().expect("a 3.5 defaults row");
    let p = cipherdex::profile::resolve_with(
        "openssl:DEFAULT",
        cipherdex::profile::Role::Server,
        release(),
    )
    .expect("a valid profile")
    .expect("a profile");
    assert_eq!(p.peer.groups, Some(row.groups().collect()));
    assert_eq!(p.peer.group_tuples, row.tuples().map(<[usize]>::to_vec));
    assert_eq!(p.peer.sigalgs, row.sigalgs().map(Iterator::collect));
    assert_eq!(
        p.peer.security_level.map(|l| l.level()),
        row.security_level()
    );
    // The server's security level 0, 1, 2 (the default) against a TLS 1.1 client
    // at level 0: 3.5 (as 3.2) takes TLS 1.1 only at level 0.
    let dir = TempDir::new("pq-levels");
    let files = self_signed(dir.path(), KeyKind::Rsa);
    let mut failures = Vec::new();
    for level in [None, Some(0u8), Some(1)] {
        let mut b = OpensslServer::builder().program(bin).cert(&files).www(true);
        if let Some(l) = level {
            b = b.cipher(&format!("DEFAULT:@SECLEVEL={l}"));
        }
        let server = b.start().expect("a 3.5 server");
        let args: Vec<String> = ["-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"]
            .map(str::to_string)
            .to_vec();
        let (mut real, _) = connect(bin, server.port(), &args);
        // Before TLS 1.2 no signature scheme is negotiated (OpenSSL prints its
        // MD5+SHA-1 pseudo-scheme; cipherdex reports none).
        if let Ok(s) = &mut real {
            if s.sigalg.as_deref() == Some("rsa_pkcs1_md5_sha1") {
                s.sigalg = None;
            }
        }
        let mut speer = peer(None, true);
        speer.certs = vec![rsa_cert()];
        speer.preference = Preference::Client;
        if let Some(l) = level {
            speer.security_level = SecurityLevel::new(release(), l);
        }
        let mut cpeer = peer(None, false);
        cpeer.versions = Protocols::EMPTY.with(Protocol::Tls11);
        cpeer.security_level = SecurityLevel::new(release(), 0);
        let model = predicted(&cpeer, &speer);
        if !agree(&real, &model) {
            failures.push(format!(
                "server level {level:?}: openssl 3.5 {real:?}, cipherdex {model:?}"
            ));
        }
        if level == Some(0) && real.is_err() {
            failures.push(format!("level 0 should take TLS 1.1: {real:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
