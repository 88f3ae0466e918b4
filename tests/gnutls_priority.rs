//! The GnuTLS priority-string evaluator against GnuTLS itself: for a few
//! hundred random priority strings drawn from a seed, `gnutls-cli --list
//! --priority P` prints the suites in order, the protocols, ciphers, MACs,
//! key exchanges, groups and signature algorithms, or the error; cipherdex's
//! [`cipherdex::gnutls::evaluate`] must say the same, every time.

mod common;

use cipherdex::gnutls::{self, PriorityErrorKind};
use common::rng::{seed, Rng};
use common::{require_tool, run_with_timeout, TOOL_TIMEOUT};

/// What `gnutls-cli --list --priority P` says.
#[derive(Debug, PartialEq, Eq)]
enum Listing {
    /// The lists: suite codes, then the lines by name.
    Lists {
        suites: Vec<u32>,
        protocols: Vec<String>,
        ciphers: Vec<String>,
        macs: Vec<String>,
        kx: Vec<String>,
        groups: Vec<String>,
        signs: Vec<String>,
    },
    /// `Syntax error at: REST`: the rest of the string from the bad item.
    Syntax(String),
    /// `Error in priorities: ...` (nothing left).
    Insufficient,
}

fn items(line: &str, strip: &str) -> Vec<String> {
    if line.trim() == "none" {
        return Vec::new();
    }
    line.split(", ")
        .map(|s| s.trim().trim_start_matches(strip).to_owned())
        .collect()
}

fn listing(priority: &str) -> Listing {
    let mut cmd = std::process::Command::new("gnutls-cli");
    cmd.args(["--list", "--priority", priority]);
    let out = run_with_timeout(&mut cmd, TOOL_TIMEOUT).expect("gnutls-cli runs");
    if let Some(rest) = out
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("Syntax error at: "))
    {
        return Listing::Syntax(rest.to_owned());
    }
    if out.stderr.contains("Error in priorities") {
        return Listing::Insufficient;
    }
    assert!(
        out.success(),
        "gnutls-cli --list --priority {priority:?}:\n{out}"
    );
    let mut suites = Vec::new();
    let mut lines = std::collections::HashMap::new();
    for line in out.stdout.lines() {
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if fields.len() >= 3 && fields[1].starts_with("0x") {
            let hex = fields[1].replace("0x", "").replace(", ", "");
            suites.push(u32::from_str_radix(&hex, 16).expect("a suite code"));
        } else if let Some((name, rest)) = line.split_once(": ") {
            lines.insert(name.to_owned(), rest.to_owned());
        }
    }
    let get = |name: &str, strip: &str| items(lines.get(name).map_or("none", |s| s), strip);
    Listing::Lists {
        suites,
        protocols: get("Protocols", "VERS-"),
        ciphers: get("Ciphers", ""),
        macs: get("MACs", ""),
        kx: get("Key Exchange Algorithms", ""),
        groups: get("Groups", "GROUP-"),
        signs: get("PK-signatures", "SIGN-"),
    }
}

fn predicted(priority: &str) -> Result<Listing, String> {
    match gnutls::evaluate(priority) {
        Ok(p) => {
            let own = |v: Vec<&str>| v.into_iter().map(str::to_owned).collect();
            Ok(Listing::Lists {
                suites: p.suites().iter().map(|s| s.code()).collect(),
                protocols: own(p.version_names()),
                ciphers: own(p.cipher_names()),
                macs: own(p.mac_names()),
                kx: own(p.kx_names()),
                groups: own(p.group_names()),
                signs: own(p.sign_names()),
            })
        }
        Err(e) => match e.kind() {
            PriorityErrorKind::Insufficient => Ok(Listing::Insufficient),
            PriorityErrorKind::NotModelled | PriorityErrorKind::System => Err(e.to_string()),
            _ => {
                // GnuTLS points at the rest of the string from the bad item.
                let rest: Vec<&str> = priority.split(':').skip(e.index()).collect();
                Ok(Listing::Syntax(rest.join(":")))
            }
        },
    }
}

const STARTS: &[&str] = &[
    "NORMAL",
    "NONE",
    "PFS",
    "SECURE128",
    "SECURE",
    "SECURE192",
    "SECURE256",
    "PERFORMANCE",
    "LEGACY",
    "SUITEB128",
    "SUITEB192",
    "normal",
    "+AES-128-GCM",
];

const ITEMS: &[&str] = &[
    "VERS-TLS1.0",
    "VERS-TLS1.1",
    "VERS-TLS1.2",
    "VERS-TLS1.3",
    "VERS-DTLS1.0",
    "VERS-DTLS1.2",
    "VERS-SSL3.0",
    "VERS-ALL",
    "VERS-TLS-ALL",
    "VERS-DTLS-ALL",
    "AES-128-GCM",
    "AES-256-GCM",
    "AES-128-CBC",
    "AES-256-CBC",
    "AES-128-CCM",
    "AES-128-CCM-8",
    "CAMELLIA-128-GCM",
    "CAMELLIA-256-CBC",
    "CHACHA20-POLY1305",
    "3DES-CBC",
    "ARCFOUR-128",
    "NULL",
    "CIPHER-ALL",
    "SHA1",
    "SHA256",
    "SHA384",
    "MD5",
    "AEAD",
    "MAC-ALL",
    "RSA",
    "DHE-RSA",
    "ECDHE-RSA",
    "ECDHE-ECDSA",
    "DHE-DSS",
    "PSK",
    "DHE-PSK",
    "ECDHE-PSK",
    "RSA-PSK",
    "SRP",
    "ANON-DH",
    "ANON-ECDH",
    "KX-ALL",
    "GROUP-ALL",
    "GROUP-EC-ALL",
    "GROUP-DH-ALL",
    "GROUP-X25519",
    "GROUP-X448",
    "GROUP-SECP256R1",
    "GROUP-SECP384R1",
    "GROUP-FFDHE2048",
    "GROUP-FFDHE4096",
    "CURVE-SECP521R1",
    "CURVE-ALL",
    "SIGN-ALL",
    "SIGN-RSA-SHA256",
    "SIGN-RSA-PSS-RSAE-SHA256",
    "SIGN-RSA-PSS-SHA384",
    "SIGN-ECDSA-SHA256",
    "SIGN-ECDSA-SECP256R1-SHA256",
    "SIGN-EdDSA-Ed25519",
    "SIGN-RSA-SHA1",
    "SIGN-DSA-SHA1",
    "SIGN-RSA-MD5",
    "COMP-NULL",
    "CTYPE-X509",
    "NORMAL",
    "SECURE128",
    "PERFORMANCE",
];

const FLAGS: &[&str] = &[
    "%SERVER_PRECEDENCE",
    "%NO_EXTENSIONS",
    "%COMPAT",
    "%NO_TICKETS",
    "%PROFILE_LOW",
    "%VERIFY_ALLOW_SIGN_WITH_SHA1",
];

const BAD: &[&str] = &[
    "+AES-129-GCM",
    "+VERS-TLS1.4",
    "%server_precedence",
    "+GROUP-FOO",
    "-SIGN-RSA-SHA257",
    "FOO",
    "+CTYPE-PGP",
];

fn random_priority(rng: &mut Rng) -> String {
    let mut p = (*rng.pick(STARTS)).to_owned();
    let n = 1 + rng.below(9);
    for _ in 0..n {
        p.push(':');
        if rng.chance(3) {
            p.push_str(rng.pick::<&str>(BAD));
        } else if rng.chance(8) {
            p.push_str(rng.pick::<&str>(FLAGS));
        } else {
            let op = if rng.chance(60) {
                "+"
            } else if rng.chance(70) {
                "-"
            } else {
                "!"
            };
            p.push_str(op);
            p.push_str(rng.pick::<&str>(ITEMS));
        }
    }
    p
}

#[test]
fn evaluation_matches_gnutls_cli_list_for_random_priority_strings() {
    if !require_tool("gnutls-cli") {
        return;
    }
    let seed = seed();
    let mut rng = Rng(seed);
    let mut cases: Vec<String> = [
        "NORMAL",
        "PFS",
        "SECURE128",
        "SECURE192",
        "PERFORMANCE",
        "LEGACY",
        "SUITEB128",
        "SUITEB192",
        "NORMAL:-VERS-TLS1.3",
        "NORMAL:+VERS-TLS1.3:-VERS-TLS1.2",
        "NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+SIGN-ALL:+GROUP-ALL",
        "NORMAL:-VERS-ALL:+VERS-TLS1.3",
        "NORMAL:-GROUP-ALL",
        "NORMAL:-SIGN-ALL",
        "NORMAL:-KX-ALL:+DHE-RSA:+ECDHE-RSA",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    cases.extend((0..300).map(|_| random_priority(&mut rng)));
    let (mut lists, mut syntax, mut insufficient) = (0, 0, 0);
    let mut mismatches = Vec::new();
    for p in &cases {
        let real = listing(p);
        match predicted(p) {
            Ok(mine) if mine == real => match real {
                Listing::Lists { .. } => lists += 1,
                Listing::Syntax(_) => syntax += 1,
                Listing::Insufficient => insufficient += 1,
            },
            Ok(mine) => mismatches.push(format!(
                "{p:?}\n  gnutls-cli: {real:?}\n  cipherdex:  {mine:?}"
            )),
            Err(e) => mismatches.push(format!("{p:?}: cipherdex cannot model it: {e}")),
        }
    }
    eprintln!(
        "gnutls --list oracle: seed {seed}, {} strings: {lists} listed, {syntax} syntax errors, \
         {insufficient} with nothing left",
        cases.len()
    );
    assert!(
        mismatches.is_empty(),
        "seed {seed} (CIPHERDEX_NEGOTIATE_SEED reruns it): {} of {} differ:\n{}",
        mismatches.len(),
        cases.len(),
        mismatches.join("\n")
    );
    assert!(
        lists > 150 && syntax > 5 && insufficient > 5,
        "{lists} {syntax} {insufficient}"
    );
}

/// `NORMAL` as a peer offers what the real gnutls-cli 3.7.9 put in its
/// ClientHello (the live row of `data/group-defaults.csv`): the groups, the
/// two key shares and the signature schemes, in order.
#[test]
fn normal_peer_offers_what_the_captured_client_hello_offered() {
    let live = cipherdex::defaults::find("gnutls", "3.7", Some("NORMAL")).expect("a gnutls row");
    assert!(live.is_live());
    let peer = gnutls::evaluate("NORMAL").expect("NORMAL").peer();
    let codes = |v: &[&cipherdex::Group]| v.iter().map(|g| g.code()).collect::<Vec<_>>();
    let want: Vec<&cipherdex::Group> = live.groups().collect();
    assert_eq!(codes(peer.groups.as_deref().unwrap()), codes(&want));
    let want: Vec<&cipherdex::Group> = live.key_shares().collect();
    assert_eq!(codes(peer.key_shares.as_deref().unwrap()), codes(&want));
    let schemes: Vec<u16> = peer.sigalgs.unwrap().iter().map(|s| s.code()).collect();
    let want: Vec<u16> = live
        .sigalgs()
        .expect("recorded")
        .map(|s| s.code())
        .collect();
    assert_eq!(schemes, want);
}
