//! Proof of the negotiation engine: random client/server configurations, each
//! run as a real `openssl s_server` / `openssl s_client` handshake on
//! 127.0.0.1, and cipherdex must predict the same version and suite, or a
//! failure, every time.
//!
//! * The suite pool is what this OpenSSL can negotiate, asked from OpenSSL
//!   itself: `openssl ciphers -s -tls1_2 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'`
//!   (no PSK or SRP: those need credentials a certificate does not give).
//! * Certificates: RSA, P-256, Ed25519, DSA, or RSA and P-256 together.
//! * Random version ranges, random TLS 1.2 and TLS 1.3 lists (TLS 1.3 lists
//!   can be empty), server or client preference. `@SECLEVEL=0` on both ends,
//!   so that only the protocol rules apply.
//! * Deterministic: the seed is fixed unless `CIPHERDEX_NEGOTIATE_SEED` is set;
//!   it is printed with every failing case. `CIPHERDEX_NEGOTIATE_CASES` changes
//!   the number of server configurations (4 clients each).

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use cipherdex::cert::CertKey;
use cipherdex::negotiate::{
    negotiate, range, Diagnosis, Failure, FailureKind, Peer, Preference, Side as PeerSide,
};
use cipherdex::{Protocol, Scheme, Suite};
use common::rng::{seed, Rng};
use common::{
    openssl_command, openssl_handshake, require_tool, run_with_timeout, self_signed,
    CertKey as Files, KeyKind, OpensslClient, OpensslServer, TempDir, TlsVersion, TOOL_TIMEOUT,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CertSet {
    Rsa,
    Ec,
    Ed25519,
    Dsa,
    RsaEc,
}

impl CertSet {
    const ALL: [CertSet; 5] = [
        CertSet::Rsa,
        CertSet::Ec,
        CertSet::Ed25519,
        CertSet::Dsa,
        CertSet::RsaEc,
    ];

    fn keys(self) -> Vec<CertKey> {
        let names: &[&str] = match self {
            CertSet::Rsa => &["rsa"],
            CertSet::Ec => &["ecdsa-p256"],
            CertSet::Ed25519 => &["ed25519"],
            CertSet::Dsa => &["dsa"],
            CertSet::RsaEc => &["rsa", "ecdsa-p256"],
        };
        names.iter().map(|n| n.parse().unwrap()).collect()
    }

    /// Suites whose certificate this set has (to bias lists towards success).
    fn matches(self, s: &Suite) -> bool {
        use cipherdex::Authentication as A;
        match self {
            CertSet::Rsa => s.auth() == A::Rsa,
            CertSet::Ec | CertSet::Ed25519 => s.auth() == A::Ecdsa,
            CertSet::Dsa => s.auth() == A::Dss,
            CertSet::RsaEc => matches!(s.auth(), A::Rsa | A::Ecdsa),
        }
    }
}

/// One side's configuration, both as OpenSSL arguments and as a cipherdex [`Peer`].
#[derive(Clone, Debug)]
struct Side {
    tls12: Vec<&'static Suite>,
    tls13: Vec<&'static Suite>,
    min: TlsVersion,
    max: TlsVersion,
}

impl Side {
    fn cipher_arg(&self) -> String {
        let names: Vec<&str> = self.tls12.iter().map(|s| openssl_name(s)).collect();
        format!("{}:@SECLEVEL=0", names.join(":"))
    }

    fn ciphersuites_arg(&self) -> String {
        let names: Vec<&str> = self.tls13.iter().map(|s| s.canonical_name()).collect();
        names.join(":")
    }

    fn peer(&self) -> Peer {
        let mut p = Peer::new();
        p.tls12_suites = self.tls12.clone();
        p.tls13_suites = self.tls13.clone();
        p.versions = range(protocol(self.min), protocol(self.max));
        p
    }

    fn describe(&self) -> String {
        format!(
            "versions {}-{} -cipher '{}' -ciphersuites '{}'",
            self.min.openssl_name(),
            self.max.openssl_name(),
            self.cipher_arg(),
            self.ciphersuites_arg()
        )
    }
}

fn openssl_name(s: &Suite) -> &'static str {
    s.name(Scheme::OpenSsl)
        .unwrap_or_else(|| panic!("{} has no OpenSSL name", s.canonical_name()))
}

fn protocol(v: TlsVersion) -> Protocol {
    match v {
        TlsVersion::Tls10 => Protocol::Tls10,
        TlsVersion::Tls11 => Protocol::Tls11,
        TlsVersion::Tls12 => Protocol::Tls12,
        TlsVersion::Tls13 => Protocol::Tls13,
    }
}

const VERSIONS: [TlsVersion; 4] = [
    TlsVersion::Tls10,
    TlsVersion::Tls11,
    TlsVersion::Tls12,
    TlsVersion::Tls13,
];

fn random_range(rng: &mut Rng) -> (TlsVersion, TlsVersion) {
    // Mostly the full range or a cap, sometimes any range.
    let (a, b) = match rng.below(4) {
        0 => (0, 3),
        1 => (0, rng.below(4)),
        _ => {
            let a = rng.below(4);
            let b = rng.below(4);
            (a.min(b), a.max(b))
        }
    };
    (VERSIONS[a], VERSIONS[b])
}

/// `n` distinct items of `pool`, in random order.
fn sample<T: Copy>(rng: &mut Rng, pool: &[T], n: usize) -> Vec<T> {
    let mut v = rng.shuffled(pool);
    v.truncate(n);
    v
}

fn random_tls13(rng: &mut Rng, pool: &[&'static Suite]) -> Vec<&'static Suite> {
    if rng.chance(20) {
        return Vec::new();
    }
    let n = 1 + rng.below(pool.len());
    sample(rng, pool, n)
}

struct Pools {
    tls12: Vec<&'static Suite>,
    tls13: Vec<&'static Suite>,
}

/// A server configuration and the clients that connect to it.
struct Group {
    certs: CertSet,
    serverpref: bool,
    server: Side,
    clients: Vec<Side>,
}

fn random_group(rng: &mut Rng, pools: &Pools) -> Group {
    let certs = *rng.pick(&CertSet::ALL);
    let fitting: Vec<&'static Suite> = pools
        .tls12
        .iter()
        .copied()
        .filter(|s| certs.matches(s))
        .collect();
    let n = 1 + rng.below(6);
    let mut server_list = sample(rng, &pools.tls12, n);
    if rng.chance(70) {
        let n = 1 + rng.below(4);
        let extra = sample(rng, &fitting, n);
        for s in extra {
            if !server_list.contains(&s) {
                let at = rng.below(server_list.len() + 1);
                server_list.insert(at, s);
            }
        }
    }
    let (min, max) = random_range(rng);
    let server = Side {
        tls12: server_list.clone(),
        tls13: random_tls13(rng, &pools.tls13),
        min,
        max,
    };
    let clients = (0..4)
        .map(|_| {
            let n = rng.below(5);
            let mut list = sample(rng, &pools.tls12, n);
            if rng.chance(75) {
                let n = 1 + rng.below(3);
                for s in sample(rng, &server_list, n) {
                    if !list.contains(&s) {
                        let at = rng.below(list.len() + 1);
                        list.insert(at, s);
                    }
                }
            }
            if list.is_empty() {
                list.push(*rng.pick(&pools.tls12));
            }
            let (min, max) = random_range(rng);
            Side {
                tls12: list,
                tls13: random_tls13(rng, &pools.tls13),
                min,
                max,
            }
        })
        .collect();
    Group {
        certs,
        serverpref: rng.chance(50),
        server,
        clients,
    }
}

/// The suites this OpenSSL can negotiate with a certificate (no PSK, no SRP), from OpenSSL.
fn openssl_pool() -> Pools {
    let out = run_with_timeout(
        &mut openssl_command([
            "ciphers",
            "-s",
            "-tls1_2",
            "-ciphersuites",
            "",
            "ALL:COMPLEMENTOFALL:@SECLEVEL=0",
        ]),
        TOOL_TIMEOUT,
    )
    .expect("openssl ciphers");
    assert!(out.success(), "openssl ciphers failed:\n{out}");
    let tls12: Vec<&'static Suite> = out
        .stdout
        .trim()
        .split(':')
        .map(|n| cipherdex::lookup(n).unwrap_or_else(|| panic!("cipherdex does not know {n}")))
        .collect();
    assert!(
        tls12.len() >= 80,
        "only {} suites from openssl",
        tls12.len()
    );
    let tls13 = [
        "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_AES_128_GCM_SHA256",
        "TLS_AES_128_CCM_SHA256",
        "TLS_AES_128_CCM_8_SHA256",
    ]
    .iter()
    .map(|n| cipherdex::lookup(n).unwrap())
    .collect();
    Pools { tls12, tls13 }
}

/// Does OpenSSL's failure reason tell the same story as cipherdex's failure?
///
/// * `no ciphers available`: the client refused to send anything, because it
///   has no suite for its highest version.
/// * alert 70 (`protocol version`) or `unsupported protocol`: no common version
///   (or the server cannot take part in the only common one, TLS 1.3).
/// * alert 40 (`handshake failure`): the server found no shared suite that its
///   certificate fits, or refused for lack of suites for its own highest version,
///   or (no common version) it went on in its own highest version and found no
///   suite there before the client could object to the version.
fn same_failure(reason: &str, f: &Failure) -> bool {
    let refused_by = |side: PeerSide| {
        f.diagnosis
            .iter()
            .any(|d| matches!(d, Diagnosis::NoSuiteForMaxVersion { side: s, .. } if *s == side))
    };
    if reason.contains("no ciphers available") {
        return refused_by(PeerSide::Client);
    }
    if refused_by(PeerSide::Client) {
        return false;
    }
    if reason.contains("protocol version") || reason.contains("unsupported protocol") {
        return f.kind == FailureKind::NoCommonVersion
            || f.diagnosis
                .iter()
                .any(|d| matches!(d, Diagnosis::ServerCannotUseTls13 { .. }));
    }
    if reason.contains("handshake failure") {
        // Without a common version, a server whose highest version is below the
        // client's answers in its own highest version and picks a suite there;
        // when that fails first, the client sees alert 40 instead of its own
        // version complaint.
        let server_went_on = f.diagnosis.iter().any(|d| {
            matches!(d, Diagnosis::VersionMismatch { client, server }
                if client.max_tls() > server.max_tls())
        });
        if f.kind == FailureKind::NoCommonVersion {
            return server_went_on;
        }
        return matches!(
            f.kind,
            FailureKind::NoSharedSuite | FailureKind::NoFittingCertificate
        ) && !f
            .diagnosis
            .iter()
            .any(|d| matches!(d, Diagnosis::ServerCannotUseTls13 { .. }));
    }
    false
}

fn describe_prediction(p: &cipherdex::negotiate::Negotiation<'_>) -> String {
    match &p.outcome {
        Ok(a) => format!("{} {}", a.version, a.suite.canonical_name()),
        Err(f) => format!("failure ({f})"),
    }
}

#[test]
fn predictions_match_real_openssl_handshakes() {
    if !require_tool("openssl") {
        return;
    }
    let seed = seed();
    let groups: usize = std::env::var("CIPHERDEX_NEGOTIATE_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(80);
    let pools = openssl_pool();
    let mut rng = Rng(seed);
    let plan: Vec<Group> = (0..groups)
        .map(|_| random_group(&mut rng, &pools))
        .collect();

    let dir = TempDir::new("negotiate");
    let files = |k: KeyKind| -> Files { self_signed(dir.path(), k) };
    let rsa = files(KeyKind::Rsa);
    let ec = files(KeyKind::Ec);
    let ed = files(KeyKind::Ed25519);
    let dsa = files(KeyKind::Dsa);

    let next = AtomicUsize::new(0);
    let mismatches = Mutex::new(Vec::<String>::new());
    let stats = Mutex::new((0usize, 0usize)); // (handshakes, successes)
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(g) = plan.get(i) else { break };
                let mut builder = OpensslServer::builder()
                    .cipher(&g.server.cipher_arg())
                    .ciphersuites(&g.server.ciphersuites_arg())
                    .min_protocol(g.server.min)
                    .max_protocol(g.server.max)
                    .serverpref(g.serverpref)
                    .www(true);
                builder = match g.certs {
                    CertSet::Rsa => builder.cert(&rsa),
                    CertSet::Ec => builder.cert(&ec),
                    CertSet::Ed25519 => builder.cert(&ed),
                    CertSet::Dsa => builder.cert(&dsa),
                    CertSet::RsaEc => builder.cert(&rsa).dcert(&ec),
                };
                let server = match builder.start() {
                    Ok(s) => s,
                    Err(e) => {
                        mismatches.lock().unwrap().push(format!(
                            "group {i}: server did not start: {e}\n  server: {}",
                            g.server.describe()
                        ));
                        continue;
                    }
                };
                let mut server_peer = g.server.peer();
                server_peer.certs = g.certs.keys();
                server_peer.preference = if g.serverpref {
                    Preference::Server
                } else {
                    Preference::Client
                };
                for (j, c) in g.clients.iter().enumerate() {
                    let client = OpensslClient::new()
                        .cipher(&c.cipher_arg())
                        .ciphersuites(&c.ciphersuites_arg())
                        .arg("-min_protocol")
                        .arg(c.min.openssl_name())
                        .arg("-max_protocol")
                        .arg(c.max.openssl_name());
                    let real = openssl_handshake(server.port(), &client);
                    let client_peer = c.peer();
                    let predicted = negotiate(&client_peer, &server_peer);
                    let agree = match (&real, &predicted.outcome) {
                        (Ok((v, name)), Ok(a)) => {
                            v.parse::<Protocol>().ok() == Some(a.version)
                                && cipherdex::lookup(name).map(Suite::code) == Some(a.suite.code())
                        }
                        (Err(reason), Err(f)) => same_failure(reason, f),
                        _ => false,
                    };
                    {
                        let mut s = stats.lock().unwrap();
                        s.0 += 1;
                        s.1 += usize::from(real.is_ok());
                    }
                    if !agree {
                        mismatches.lock().unwrap().push(format!(
                            "case {i}.{j}: openssl says {real:?}, cipherdex predicts {}\n  \
                             certs {:?}, {}\n  server: {}\n  client: {}",
                            describe_prediction(&predicted),
                            g.certs,
                            if g.serverpref {
                                "-serverpref"
                            } else {
                                "client order"
                            },
                            g.server.describe(),
                            c.describe()
                        ));
                    }
                }
            });
        }
    });
    let (total, ok) = *stats.lock().unwrap();
    let mismatches = mismatches.into_inner().unwrap();
    eprintln!(
        "negotiate oracle: seed {seed}, {total} handshakes, {ok} succeeded, {} mismatches",
        mismatches.len()
    );
    assert!(
        mismatches.is_empty(),
        "seed {seed} (set CIPHERDEX_NEGOTIATE_SEED={seed} to rerun): {} of {total} cases differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    assert!(total >= 300, "only {total} handshakes ran");
    // The generator must produce both outcomes in quantity, or the test proves little.
    assert!(
        ok >= total / 4 && ok <= total * 3 / 4 + total / 5,
        "{ok} of {total} succeeded"
    );
}
