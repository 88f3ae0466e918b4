//! Proof of the negotiation engine against GnuTLS, which still speaks RC4 and
//! 3DES and follows the client's order by default.
//!
//! Each side is a GnuTLS priority string. GnuTLS itself says which suites, in
//! which order, and which versions a priority string enables
//! (`gnutls-cli --list --priority P`); cipherdex predicts the handshake from
//! that, and a real `gnutls-serv`/`gnutls-cli` handshake (inside a private
//! network namespace) must agree, for every pair.

mod common;

use std::collections::HashMap;

use cipherdex::negotiate::{negotiate, Peer, Preference};
use cipherdex::{Protocol, Protocols, Suite};
use common::rng::{seed, Rng};
use common::{
    gnutls_handshakes, require_netns, require_tools, run_with_timeout, self_signed, KeyKind,
    TempDir, TOOL_TIMEOUT,
};

/// What `gnutls-cli --list --priority P` says: suites in order (with their
/// GnuTLS names) and enabled versions.
struct Listing {
    suites: Vec<(String, &'static Suite)>,
    versions: Protocols,
}

fn list_priority(priority: &str) -> Listing {
    let mut cmd = std::process::Command::new("gnutls-cli");
    cmd.args(["--list", "--priority", priority]);
    let out = run_with_timeout(&mut cmd, TOOL_TIMEOUT).expect("gnutls-cli --list");
    // A string that selects no suite makes GnuTLS say "No or insufficient priorities".
    assert!(
        out.success() || out.stderr.contains("insufficient priorities"),
        "gnutls-cli --list --priority {priority}:\n{out}"
    );
    let mut suites = Vec::new();
    let mut versions = Protocols::EMPTY;
    let mut in_suites = false;
    for line in out.stdout.lines() {
        if line.starts_with("Cipher suites for ") {
            in_suites = true;
            continue;
        }
        if in_suites {
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            if fields.len() >= 2 && fields[1].starts_with("0x") {
                let code = u32::from_str_radix(&fields[1].replace("0x", "").replace(", ", ""), 16)
                    .unwrap_or_else(|e| panic!("bad code in {line:?}: {e}"));
                let suite = Suite::from_code(code)
                    .unwrap_or_else(|| panic!("cipherdex has no suite {code:#06X} ({line})"));
                suites.push((fields[0].to_owned(), suite));
                continue;
            }
            in_suites = false;
        }
        if let Some(list) = line.strip_prefix("Protocols: ") {
            for v in list.split(", ") {
                let v = v.trim().trim_start_matches("VERS-");
                if let Ok(p) = v.parse::<Protocol>() {
                    versions = versions.with(p);
                }
            }
        }
    }
    Listing { suites, versions }
}

/// A random priority string that selects at least one suite, with its listing.
fn random_listed(rng: &mut Rng, wide: bool) -> (String, Listing) {
    for _ in 0..100 {
        let p = random_priority(rng, wide);
        let l = list_priority(&p);
        if !l.suites.is_empty() {
            return (p, l);
        }
    }
    panic!("no random priority string with suites in 100 tries");
}

fn peer(listing: &Listing, preference: Preference) -> Peer {
    let mut p = Peer::from_suites(listing.suites.iter().map(|(_, s)| *s));
    if !listing.suites.iter().any(|(_, s)| s.is_tls13()) {
        p.tls13_suites.clear();
    }
    p.versions = listing.versions;
    p.preference = preference;
    p.certs = vec!["rsa".parse().unwrap()];
    // GnuTLS has no OpenSSL-style refusal; only offer what has suites.
    p.refuse_without_max_version_suites = false;
    p
}

const LEGACY: &str = "NORMAL:+3DES-CBC:+ARCFOUR-128:+RSA:+VERS-TLS1.0:+VERS-TLS1.1";
const RC4_ONLY: &str =
    "NONE:+VERS-TLS1.2:+VERS-TLS1.1:+VERS-TLS1.0:+ARCFOUR-128:+SHA1:+MD5:+RSA:+SIGN-ALL:+COMP-NULL";

const CLIENTS: &[&str] = &[
    "NONE:+VERS-TLS1.2:+ARCFOUR-128:+3DES-CBC:+SHA1:+RSA:+SIGN-ALL:+COMP-NULL",
    "NONE:+VERS-TLS1.2:+3DES-CBC:+ARCFOUR-128:+SHA1:+RSA:+SIGN-ALL:+COMP-NULL",
    "NONE:+VERS-TLS1.0:+3DES-CBC:+SHA1:+DHE-RSA:+RSA:+SIGN-ALL:+COMP-NULL:+GROUP-ALL",
    "NONE:+VERS-TLS1.2:+ARCFOUR-128:+MD5:+RSA:+SIGN-ALL:+COMP-NULL",
    "NONE:+VERS-TLS1.2:+AES-128-CBC:+3DES-CBC:+SHA1:+ECDHE-RSA:+RSA:+SIGN-ALL:+COMP-NULL:+GROUP-ALL",
    "NONE:+VERS-TLS1.1:+VERS-TLS1.0:+CAMELLIA-128-CBC:+3DES-CBC:+ARCFOUR-128:+SHA1:+RSA:+DHE-RSA:+SIGN-ALL:+COMP-NULL:+GROUP-ALL",
    "NONE:+VERS-TLS1.2:+ARCFOUR-128:+SHA1:+ECDHE-ECDSA:+SIGN-ALL:+COMP-NULL:+GROUP-ALL",
    "NORMAL:-VERS-TLS1.3",
    "NORMAL",
];

/// 1 to `max` distinct items of `pool`, in random order.
fn some<'a>(rng: &mut Rng, pool: &[&'a str], max: usize) -> Vec<&'a str> {
    let mut v = rng.shuffled(pool);
    let n = 1 + rng.below(max.min(v.len()));
    v.truncate(n);
    v
}

/// A random GnuTLS priority string of legacy-capable algorithms, in random order.
fn random_priority(rng: &mut Rng, wide: bool) -> String {
    let k = if wide { 6 } else { 3 };
    const VERSIONS: [&str; 3] = ["VERS-TLS1.0", "VERS-TLS1.1", "VERS-TLS1.2"];
    let versions = if wide {
        // Servers get a range without holes: a GnuTLS server refuses an announced
        // version that falls into a hole of its own, where RFC 5246 E.1 (and
        // OpenSSL, and cipherdex) answer with the next lower version.
        let (a, b) = (rng.below(3), rng.below(3));
        VERSIONS[a.min(b)..=a.max(b)].to_vec()
    } else {
        // Clients may have holes: they announce only their highest version.
        some(rng, &VERSIONS, 3)
    };
    let ciphers = some(
        rng,
        &[
            "ARCFOUR-128",
            "3DES-CBC",
            "AES-128-CBC",
            "AES-256-GCM",
            "CAMELLIA-128-CBC",
            "CHACHA20-POLY1305",
        ],
        k,
    );
    let macs = some(rng, &["SHA1", "MD5", "SHA256"], if wide { 3 } else { 2 });
    let kx = some(rng, &["RSA", "DHE-RSA", "ECDHE-RSA", "ECDHE-ECDSA"], k);
    let mut p = String::from("NONE");
    for part in versions
        .iter()
        .chain(&ciphers)
        .chain(&macs)
        .chain(&["AEAD"])
        .chain(&kx)
    {
        p.push_str(":+");
        p.push_str(part);
    }
    p.push_str(":+SIGN-ALL:+COMP-NULL:+GROUP-ALL");
    p
}

#[test]
fn predictions_match_real_gnutls_handshakes_for_random_priorities() {
    if !require_tools(&["gnutls-serv", "gnutls-cli", "openssl"]) || !require_netns() {
        return;
    }
    let seed = seed();
    let mut rng = Rng(seed);
    let dir = TempDir::new("negotiate-gnutls-random");
    let rsa = self_signed(dir.path(), KeyKind::Rsa);
    let ec = self_signed(dir.path(), KeyKind::Ec);
    let mut mismatches = Vec::new();
    let (mut total, mut ok) = (0, 0);
    for round in 0..6 {
        let (mut server_priority, _) = random_listed(&mut rng, true);
        let preference = if round % 2 == 0 {
            Preference::Client
        } else {
            server_priority.push_str(":%SERVER_PRECEDENCE");
            Preference::Server
        };
        let clients: Vec<String> = (0..8).map(|_| random_listed(&mut rng, false).0).collect();
        let client_refs: Vec<&str> = clients.iter().map(String::as_str).collect();
        let server_listing = list_priority(&server_priority);
        let mut server = peer(&server_listing, preference);
        server.certs = vec!["rsa".parse().unwrap(), "ecdsa-p256".parse().unwrap()];
        let client_listings: Vec<Listing> = clients.iter().map(|c| list_priority(c)).collect();
        let names: HashMap<String, u32> = server_listing
            .suites
            .iter()
            .chain(client_listings.iter().flat_map(|l| l.suites.iter()))
            .map(|(n, s)| (format!("GNUTLS_{}", n.trim_start_matches("TLS_")), s.code()))
            .collect();
        let results = gnutls_handshakes(&server_priority, &[&rsa, &ec], &client_refs)
            .unwrap_or_else(|e| panic!("seed {seed}: gnutls-serv {server_priority}: {e}"));
        for ((client_priority, listing), real) in clients.iter().zip(&client_listings).zip(results)
        {
            total += 1;
            let client = peer(listing, Preference::Client);
            let predicted = negotiate(&client, &server);
            let agree = match (&real, &predicted.outcome) {
                (Ok((v, name)), Ok(a)) => {
                    ok += 1;
                    v.parse::<Protocol>().ok() == Some(a.version)
                        && names.get(name.as_str()) == Some(&a.suite.code())
                }
                (Err(_), Err(_)) => true,
                _ => false,
            };
            if !agree {
                let p = match &predicted.outcome {
                    Ok(a) => format!("{} {}", a.version, a.suite.canonical_name()),
                    Err(f) => format!("failure ({f})"),
                };
                mismatches.push(format!(
                    "server {server_priority:?} ({preference} order)\n  client {client_priority:?}\n  gnutls says {real:?}, cipherdex predicts {p}"
                ));
            }
        }
    }
    eprintln!("gnutls random oracle: seed {seed}, {total} handshakes, {ok} succeeded");
    assert!(
        mismatches.is_empty(),
        "seed {seed} (CIPHERDEX_NEGOTIATE_SEED reruns it): {} of {total} differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    assert!(ok >= total / 8 && ok < total, "{ok} of {total} succeeded");
}

#[test]
fn predictions_match_real_gnutls_handshakes_with_rc4_3des_and_client_order() {
    if !require_tools(&["gnutls-serv", "gnutls-cli", "openssl"]) || !require_netns() {
        return;
    }
    let dir = TempDir::new("negotiate-gnutls");
    let rsa = self_signed(dir.path(), KeyKind::Rsa);
    let servers = [
        (LEGACY.to_owned(), Preference::Client),
        (format!("{LEGACY}:%SERVER_PRECEDENCE"), Preference::Server),
        (RC4_ONLY.to_owned(), Preference::Client),
    ];
    let client_listings: Vec<Listing> = CLIENTS.iter().map(|c| list_priority(c)).collect();
    assert!(client_listings.iter().all(|l| !l.suites.is_empty()));
    let mut mismatches = Vec::new();
    let (mut total, mut ok, mut legacy_agreed) = (0, 0, 0);
    for (server_priority, preference) in &servers {
        let server_listing = list_priority(server_priority);
        let server = peer(&server_listing, *preference);
        let names: HashMap<String, u32> = server_listing
            .suites
            .iter()
            .chain(client_listings.iter().flat_map(|l| l.suites.iter()))
            .map(|(n, s)| (format!("GNUTLS_{}", n.trim_start_matches("TLS_")), s.code()))
            .collect();
        let results = gnutls_handshakes(server_priority, &[&rsa], CLIENTS)
            .unwrap_or_else(|e| panic!("gnutls-serv {server_priority}: {e}"));
        for ((client_priority, listing), real) in CLIENTS.iter().zip(&client_listings).zip(results)
        {
            total += 1;
            let client = peer(listing, Preference::Client);
            let predicted = negotiate(&client, &server);
            let agree = match (&real, &predicted.outcome) {
                (Ok((v, name)), Ok(a)) => {
                    ok += 1;
                    let same = v.parse::<Protocol>().ok() == Some(a.version)
                        && names.get(name.as_str()) == Some(&a.suite.code());
                    if same
                        && matches!(
                            a.suite.cipher(),
                            cipherdex::Cipher::Rc4 | cipherdex::Cipher::TripleDes
                        )
                    {
                        legacy_agreed += 1;
                    }
                    same
                }
                (Err(_), Err(_)) => true,
                _ => false,
            };
            if !agree {
                let p = match &predicted.outcome {
                    Ok(a) => format!("{} {}", a.version, a.suite.canonical_name()),
                    Err(f) => format!("failure ({f})"),
                };
                mismatches.push(format!(
                    "server {server_priority:?} ({preference} order)\n  client {client_priority:?}\n  gnutls says {real:?}, cipherdex predicts {p}"
                ));
            }
        }
    }
    eprintln!("gnutls oracle: {total} handshakes, {ok} succeeded, {legacy_agreed} RC4/3DES");
    assert!(
        mismatches.is_empty(),
        "{} of {total} differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    assert!(
        legacy_agreed >= 6,
        "only {legacy_agreed} RC4/3DES handshakes"
    );
    assert!(ok < total, "no failing case at all");
}
