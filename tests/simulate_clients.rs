//! Proof of `cipherdex::simulate`: the real clients of the catalogue's
//! captures (`data/clients/captures.csv`: OpenSSL `s_client`, `gnutls-cli`,
//! curl, wget, Python, Node, Java, NSS `tstclnt`, Go, headless Chromium
//! and Firefox ESR) connect to real servers
//! with random suites, TLS 1.3 suites, versions, groups, certificates (RSA,
//! ECDSA, both) and security levels drawn from a seed, and what
//! `simulate` predicts for each catalogue entry must be what happened:
//! outcome, version and suite, every run.
//!
//! * `openssl s_server -brief` on 127.0.0.1 (the outcome is read from the
//!   server's log, one connection at a time, so every client is judged alike);
//! * `gnutls-serv` with random modifications of `NORMAL`, inside a private
//!   network namespace with its clients (it cannot bind one address); the
//!   model's server is what `gnutls-cli --list` says the priority enables,
//!   and again the `gnutls:PRIORITY` profile (no GnuTLS involved);
//! * one server given to `simulate` only as its `sslscan --xml` report:
//!   outcome and version.
//!
//! Deterministic: the seed is fixed unless `CIPHERDEX_NEGOTIATE_SEED` is set,
//! and printed with every disagreement. `CIPHERDEX_SIMULATE_SERVERS` sets the
//! number of `s_server` configurations (default 28; each meets every cheap
//! client once, Java every fourth). A client whose installed version is not
//! the catalogue entry's (CI installs Debian's Node 18, the entry is Node 20)
//! is left out with a loud note.

mod common;

use std::fs;
use std::io::Read;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use cipherdex::cert::CertKey;
use cipherdex::clients::{self, Client};
use cipherdex::input::{self, Format};
use cipherdex::negotiate::{range, Peer, Preference};
use cipherdex::openssl::{Release, SecurityLevel};
use cipherdex::profile::{resolve, Role};
use cipherdex::simulate::{simulate, Outcome};
use cipherdex::{Group, Protocol, Protocols, Suite};
use common::rng::{seed, Rng};
use common::{
    find_tool, kill_and_reap, openssl_command, require_netns, require_tools, run_with_timeout,
    under_ci, TempDir, SERVER_LIFETIME_SECS, SERVER_START_TIMEOUT, TOOL_TIMEOUT,
};

// ---------------------------------------------------------------------------------------------
// The real clients

/// How to run one catalogue client for real.
#[derive(Clone, Copy)]
struct RealClient {
    /// The catalogue id.
    id: &'static str,
    /// Programs it needs (`.ci/run` installs them).
    tools: &'static [&'static str],
    /// A command printing the installed version, and what its output must
    /// hold for it to be the catalogue's client (empty: not checked).
    probe: &'static [&'static str],
    expect: &'static str,
    /// Slow to start (a JVM, a browser): run on every fourth server only.
    heavy: bool,
    /// A browser: its absence skips only this client (loudly; under
    /// `CI=true` it fails the test), not the whole proof.
    browser: bool,
    /// The command line for a server on `port`.
    argv: fn(&Env, &str) -> Vec<String>,
}

/// What the client commands need: the repository, the NSS database, the Go
/// client, a directory for browser profiles.
struct Env {
    root: PathBuf,
    nssdb: PathBuf,
    go_client: PathBuf,
    profiles: PathBuf,
    /// An NSS database that trusts every test certificate, copied into each
    /// fresh Firefox profile (Firefox rejects an unknown issuer, alert 42).
    firefox_trust: PathBuf,
}

/// A new empty directory under `env.profiles` (a browser's profile).
fn fresh_dir(env: &Env, label: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = env
        .profiles
        .join(format!("{label}-{}", N.fetch_add(1, Ordering::Relaxed)));
    fs::create_dir_all(&dir).expect("profile directory");
    dir.display().to_string()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn script(env: &Env, name: &str) -> String {
    env.root
        .join("scripts/clients")
        .join(name)
        .display()
        .to_string()
}

fn s_client(_: &Env, port: &str) -> Vec<String> {
    strings(&[
        "openssl",
        "s_client",
        "-connect",
        &format!("127.0.0.1:{port}"),
    ])
}
fn gnutls_cli(_: &Env, port: &str) -> Vec<String> {
    strings(&["gnutls-cli", "--insecure", "-p", port, "127.0.0.1"])
}
fn curl(_: &Env, port: &str) -> Vec<String> {
    strings(&[
        "curl",
        "-sk",
        "-o",
        "/dev/null",
        &format!("https://127.0.0.1:{port}/"),
    ])
}
fn wget(_: &Env, port: &str) -> Vec<String> {
    strings(&[
        "wget",
        "-q",
        "--no-check-certificate",
        "--tries=1",
        "-O",
        "/dev/null",
        &format!("https://127.0.0.1:{port}/"),
    ])
}
fn python(env: &Env, port: &str) -> Vec<String> {
    let s = script(env, "python_client.py");
    strings(&["/usr/bin/python3", &s, port])
}
fn node(env: &Env, port: &str) -> Vec<String> {
    let s = script(env, "node_client.js");
    strings(&["node", &s, port])
}
fn java(env: &Env, port: &str) -> Vec<String> {
    let s = script(env, "JavaClient.java");
    strings(&["java", &s, port])
}
fn tstclnt(env: &Env, port: &str) -> Vec<String> {
    let db = format!("sql:{}", env.nssdb.display());
    strings(&["tstclnt", "-d", &db, "-h", "127.0.0.1", "-p", port, "-o"])
}
fn go(env: &Env, port: &str) -> Vec<String> {
    vec![env.go_client.display().to_string(), port.to_string()]
}
/// Headless Chromium as `scripts/capture-clients.sh` ran it, with the flags
/// this kind of machine needs (/work/.library/env/machines/rust.md): a fresh
/// profile each time, and certificate errors ignored (they do not change
/// the ClientHello or the suite choice).
fn chromium(env: &Env, port: &str) -> Vec<String> {
    let profile = fresh_dir(env, "chromium");
    strings(&[
        "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        &format!("--user-data-dir={profile}"),
        "--ignore-certificate-errors",
        "--dump-dom",
        &format!("https://127.0.0.1:{port}/"),
    ])
}
/// Headless Firefox ESR with a fresh profile that trusts the test
/// certificates (self-signed, with the address in subjectAltName).
fn firefox(env: &Env, port: &str) -> Vec<String> {
    let profile = fresh_dir(env, "firefox");
    for f in ["cert9.db", "key4.db", "pkcs11.txt"] {
        let from = env.firefox_trust.join(f);
        if from.exists() {
            fs::copy(&from, Path::new(&profile).join(f)).expect("copy the NSS database");
        }
    }
    strings(&[
        "firefox-esr",
        "--headless",
        "--profile",
        &profile,
        &format!("https://127.0.0.1:{port}/"),
    ])
}

/// The NSS database Firefox profiles start from: every test certificate trusted.
fn make_firefox_trust(env: &Env, files: &[Files]) {
    fs::create_dir_all(&env.firefox_trust).expect("trust database directory");
    let db = format!("sql:{}", env.firefox_trust.display());
    let out = run_with_timeout(
        Command::new("certutil").args(["-N", "--empty-password", "-d", &db]),
        TOOL_TIMEOUT,
    )
    .expect("certutil runs");
    assert!(out.success(), "certutil -N: {out}");
    for (i, f) in files.iter().enumerate() {
        let out = run_with_timeout(
            Command::new("certutil")
                .args(["-A", "-n", &format!("test-{i}"), "-t", "C,,", "-i"])
                .arg(&f.cert)
                .args(["-d", &db]),
            TOOL_TIMEOUT,
        )
        .expect("certutil runs");
        assert!(out.success(), "certutil -A: {out}");
    }
}

/// The commands are those of `scripts/capture-clients.sh`, which recorded the captures.
const REAL: &[RealClient] = &[
    RealClient {
        id: "openssl-3.0-debian12",
        tools: &["openssl"],
        probe: &["openssl", "version"],
        expect: "OpenSSL 3.0.",
        heavy: false,
        browser: false,
        argv: s_client,
    },
    RealClient {
        id: "gnutls-3.7-debian12",
        tools: &["gnutls-cli"],
        probe: &["gnutls-cli", "--version"],
        expect: "gnutls-cli 3.7.",
        heavy: false,
        browser: false,
        argv: gnutls_cli,
    },
    RealClient {
        id: "curl-7.88-debian12",
        tools: &["curl"],
        probe: &["curl", "--version"],
        expect: "curl 7.88.",
        heavy: false,
        browser: false,
        argv: curl,
    },
    RealClient {
        id: "wget-1.21-debian12",
        tools: &["wget"],
        probe: &["wget", "--version"],
        expect: "Wget 1.21",
        heavy: false,
        browser: false,
        argv: wget,
    },
    RealClient {
        id: "python-3.11-debian12",
        tools: &["python3"],
        probe: &["/usr/bin/python3", "--version"],
        expect: "Python 3.11.",
        heavy: false,
        browser: false,
        argv: python,
    },
    RealClient {
        id: "node-20",
        tools: &["node"],
        probe: &["node", "--version"],
        expect: "v20.",
        heavy: false,
        browser: false,
        argv: node,
    },
    RealClient {
        id: "nss-3.87-debian12",
        tools: &["tstclnt", "certutil"],
        probe: &[],
        expect: "",
        heavy: false,
        browser: false,
        argv: tstclnt,
    },
    RealClient {
        id: "go-1.19",
        tools: &["go"],
        probe: &["go", "version"],
        expect: "go1.19",
        heavy: false,
        browser: false,
        argv: go,
    },
    RealClient {
        id: "java-17",
        tools: &["java"],
        probe: &["java", "-version"],
        expect: "\"17.",
        heavy: true,
        browser: false,
        argv: java,
    },
    RealClient {
        id: "chromium-156",
        tools: &["chromium"],
        probe: &["chromium", "--version"],
        expect: "Chromium 156.",
        heavy: true,
        browser: true,
        argv: chromium,
    },
    RealClient {
        id: "firefox-esr-153",
        tools: &["firefox-esr", "certutil"],
        probe: &["firefox-esr", "--version"],
        expect: "Firefox 153.",
        heavy: true,
        browser: true,
        argv: firefox,
    },
];

/// The clients that can run here, with their catalogue entries; the NSS
/// database made and the Go client built. `None` when a tool is missing
/// (a loud skip; under `CI=true` a failure).
fn setup(dir: &Path) -> Option<(Env, Vec<(RealClient, &'static Client)>)> {
    let tools: Vec<&str> = REAL
        .iter()
        .filter(|c| !c.browser)
        .flat_map(|c| c.tools.iter().copied())
        .collect();
    if !require_tools(&tools) {
        return None;
    }
    let env = Env {
        root: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        nssdb: dir.join("nssdb"),
        go_client: PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("simulate-go-client"),
        profiles: dir.join("profiles"),
        firefox_trust: dir.join("firefox-trust"),
    };
    fs::create_dir_all(&env.nssdb).expect("nss database directory");
    let db = format!("sql:{}", env.nssdb.display());
    let out = run_with_timeout(
        Command::new("certutil").args(["-N", "--empty-password", "-d", &db]),
        TOOL_TIMEOUT,
    )
    .expect("certutil runs");
    assert!(out.success(), "certutil -N: {out}");
    // Offline, like scripts/capture-clients.sh: no module, no proxy.
    let out = run_with_timeout(
        Command::new("go")
            .args(["build", "-o"])
            .arg(&env.go_client)
            .arg(env.root.join("scripts/clients/go_client.go"))
            .env("GO111MODULE", "off")
            .env("GOPROXY", "off")
            .env("GOFLAGS", ""),
        Duration::from_secs(300),
    )
    .expect("go runs");
    assert!(
        out.success(),
        "go build scripts/clients/go_client.go: {out}"
    );
    let mut usable = Vec::new();
    for c in REAL {
        let entry =
            clients::find(c.id).unwrap_or_else(|| panic!("the catalogue has no entry {:?}", c.id));
        if c.browser {
            if let Some(missing) = c.tools.iter().find(|t| find_tool(t).is_none()) {
                assert!(
                    !under_ci(),
                    "{missing} is not installed (.ci/run installs it): client {} cannot run",
                    c.id
                );
                eprintln!("NOT RUN: client {} — {missing} is not installed", c.id);
                continue;
            }
        }
        if !c.probe.is_empty() {
            let out = run_with_timeout(Command::new(c.probe[0]).args(&c.probe[1..]), TOOL_TIMEOUT)
                .expect("version probe runs");
            let text = out.combined();
            if !text.contains(c.expect) {
                eprintln!(
                    "NOT RUN: client {} — the installed one is not the catalogue's \
                     ({} says {:?}, expected {:?})",
                    c.id,
                    c.probe.join(" "),
                    text.lines().next().unwrap_or(""),
                    c.expect
                );
                continue;
            }
        }
        usable.push((*c, entry));
    }
    Some((env, usable))
}

// ---------------------------------------------------------------------------------------------
// Processes

/// A port on 127.0.0.1 that was free a moment ago.
fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    l.local_addr().expect("local address").port()
}

/// True if something listens on 127.0.0.1:`port` (from `/proc/net/tcp`,
/// without connecting: a connection would reach the server).
fn listening(port: u16) -> bool {
    let want = format!("0100007F:{port:04X}");
    fs::read_to_string("/proc/net/tcp").is_ok_and(|t| {
        t.lines().any(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            f.len() > 3 && f[1] == want && f[3] == "0A"
        })
    })
}

/// The text of `path` from byte `offset` on.
fn read_from(path: &Path, offset: u64) -> String {
    let mut bytes = Vec::new();
    if let Ok(mut f) = fs::File::open(path) {
        use std::io::Seek;
        let _ = f.seek(std::io::SeekFrom::Start(offset));
        let _ = f.read_to_end(&mut bytes);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn size(path: &Path) -> u64 {
    fs::metadata(path).map_or(0, |m| m.len())
}

/// Wait until `path` stops growing for 40 ms (at most 500 ms).
fn settle(path: &Path) {
    let deadline = Instant::now() + Duration::from_millis(500);
    let mut last = size(path);
    while Instant::now() < deadline {
        thread::sleep(Duration::from_millis(40));
        let now = size(path);
        if now == last {
            return;
        }
        last = now;
    }
}

/// A running `openssl s_server -brief` on 127.0.0.1; stopped on `Drop`.
struct SServer {
    child: Option<Child>,
    _stdin: Option<ChildStdin>,
    port: u16,
    log: PathBuf,
    _dir: TempDir,
}

impl SServer {
    fn start(args: &[String]) -> Result<SServer, String> {
        let dir = TempDir::new("simulate-s_server");
        let log = dir.path().join("s_server.log");
        let f = fs::File::create(&log).map_err(|e| e.to_string())?;
        let f2 = f.try_clone().map_err(|e| e.to_string())?;
        let port = free_port();
        let mut child = Command::new("timeout")
            .arg(SERVER_LIFETIME_SECS.to_string())
            .args(["openssl", "s_server", "-brief", "-accept"])
            .arg(format!("127.0.0.1:{port}"))
            .args(args)
            .env("OPENSSL_CONF", "/dev/null")
            // Echo mode: s_server stops a connection when stdin ends; keep it open.
            .stdin(Stdio::piped())
            .stdout(f)
            .stderr(f2)
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot start openssl s_server: {e}"))?;
        let stdin = child.stdin.take();
        let mut server = SServer {
            child: Some(child),
            _stdin: stdin,
            port,
            log,
            _dir: dir,
        };
        let deadline = Instant::now() + SERVER_START_TIMEOUT;
        loop {
            if listening(port) {
                return Ok(server);
            }
            let exited = server
                .child
                .as_mut()
                .is_some_and(|c| !matches!(c.try_wait(), Ok(None)));
            if exited || Instant::now() >= deadline {
                server.stop();
                return Err(format!(
                    "s_server {}: {}",
                    if exited { "exited" } else { "did not listen" },
                    read_from(&server.log, 0)
                ));
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// True while the server runs.
    fn alive(&mut self) -> bool {
        self.child
            .as_mut()
            .is_some_and(|c| matches!(c.try_wait(), Ok(None)))
    }

    fn stop(&mut self) {
        self._stdin = None;
        if let Some(mut c) = self.child.take() {
            kill_and_reap(&mut c);
        }
    }
}

impl Drop for SServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// What really happened: `Ok((version as "TLS1.2", suite))` or `Err(why)`.
type Real = Result<(String, &'static Suite), String>;

fn version_name(v: &str) -> String {
    match v.trim() {
        "TLSv1" | "TLSv1.0" | "TLS1.0" => "TLS1.0".into(),
        "TLSv1.1" | "TLS1.1" => "TLS1.1".into(),
        "TLSv1.2" | "TLS1.2" => "TLS1.2".into(),
        "TLSv1.3" | "TLS1.3" => "TLS1.3".into(),
        other => other.into(),
    }
}

/// One connection in `s_server -brief`'s log: done when it shows the
/// suite or an SSL error (other than the end of a previous connection).
fn read_s_server(segment: &str) -> Option<Real> {
    let mut version = None;
    for line in segment.lines() {
        if let Some(v) = line.strip_prefix("Protocol version:") {
            version = Some(version_name(v));
        }
        if let Some(c) = line.strip_prefix("Ciphersuite:") {
            let suite = cipherdex::lookup(c.trim());
            return Some(match (version.clone(), suite) {
                (Some(v), Some(s)) => Ok((v, s)),
                _ => Err(format!("unreadable handshake: {segment}")),
            });
        }
        if line.contains(":SSL routines:") && !line.contains("unexpected eof") {
            let reason = line.split(':').nth(5).unwrap_or(line);
            return Some(Err(reason.to_string()));
        }
    }
    None
}

/// Run `argv` against the server, and read the outcome from the server's
/// log. The client is stopped (with its process group) as soon as the server
/// logged the handshake or its failure: HTTP clients wait for an answer
/// that an echoing s_server never sends.
fn run_client(server: &SServer, argv: &[String], out: &Path) -> (Real, String) {
    let offset = size(&server.log);
    let file = fs::File::create(out).expect("client log");
    let file2 = file.try_clone().expect("client log");
    let mut child = match Command::new(&argv[0])
        .args(&argv[1..])
        .stdin(Stdio::null())
        .stdout(file)
        .stderr(file2)
        .process_group(0)
        .spawn()
    {
        Ok(c) => c,
        Err(e) => return (Err(format!("cannot start {}: {e}", argv[0])), String::new()),
    };
    let start = Instant::now();
    let mut exited: Option<Instant> = None;
    let real = loop {
        if let Some(r) = read_s_server(&read_from(&server.log, offset)) {
            break r;
        }
        if exited.is_none() && !matches!(child.try_wait(), Ok(None)) {
            exited = Some(Instant::now());
        }
        if exited.is_some_and(|t| t.elapsed() > Duration::from_secs(1)) {
            break Err(format!(
                "the client ended; the server logged no handshake: {:?}",
                read_from(&server.log, offset)
            ));
        }
        if start.elapsed() > TOOL_TIMEOUT {
            break Err(format!("no handshake in {TOOL_TIMEOUT:?}"));
        }
        thread::sleep(Duration::from_millis(5));
    };
    kill_and_reap(&mut child);
    settle(&server.log);
    (real, read_from(out, 0))
}

// ---------------------------------------------------------------------------------------------
// Servers

/// Certificates: (model type, `openssl req -newkey` arguments).
const CERTS: &[(&str, &[&str])] = &[
    ("rsa:2048", &["-newkey", "rsa:2048"]),
    (
        "ecdsa-p256",
        &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
    ),
    (
        "ecdsa-p384",
        &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"],
    ),
    ("rsa:1024", &["-newkey", "rsa:1024"]),
];

/// Certificate sets a server may have (indexes into [`CERTS`]; the second is `-dcert`).
const CERT_SETS: &[&[usize]] = &[&[0], &[1], &[2], &[3], &[0, 1], &[1, 0]];

struct Files {
    cert: PathBuf,
    key: PathBuf,
}

fn make_cert(dir: &Path, i: usize) -> Files {
    let cert = dir.join(format!("c{i}.crt"));
    let key = dir.join(format!("c{i}.key"));
    let (k, c) = (key.display().to_string(), cert.display().to_string());
    // An end-entity certificate for the address the clients use: Firefox,
    // trusting it, then accepts it (it refuses a CA certificate as a server's).
    let mut args = vec![
        "req",
        "-x509",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-days",
        "30",
        "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "-addext",
        "basicConstraints=critical,CA:FALSE",
    ];
    args.extend_from_slice(CERTS[i].1);
    args.extend(["-keyout", &k, "-out", &c]);
    let out = run_with_timeout(&mut openssl_command(&args), TOOL_TIMEOUT).expect("openssl runs");
    assert!(out.success(), "openssl req failed: {out}");
    Files { cert, key }
}

/// TLS 1.2-and-older suites a server may enable (OpenSSL names).
const SUITES: &[&str] = &[
    "ECDHE-ECDSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-CHACHA20-POLY1305",
    "ECDHE-ECDSA-AES128-SHA",
    "ECDHE-ECDSA-AES256-SHA384",
    "ECDHE-ECDSA-AES128-CCM",
    "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-RSA-CHACHA20-POLY1305",
    "ECDHE-RSA-AES256-SHA",
    "ECDHE-RSA-AES128-SHA256",
    "ECDHE-RSA-DES-CBC3-SHA",
    "DHE-RSA-AES128-GCM-SHA256",
    "DHE-RSA-AES256-SHA",
    "DHE-RSA-AES256-SHA256",
    "AES128-GCM-SHA256",
    "AES256-GCM-SHA384",
    "AES128-SHA",
    "AES256-SHA256",
    "DES-CBC3-SHA",
];

const TLS13: &[&str] = &[
    "TLS_AES_256_GCM_SHA384",
    "TLS_CHACHA20_POLY1305_SHA256",
    "TLS_AES_128_GCM_SHA256",
    "TLS_AES_128_CCM_SHA256",
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

const VERSIONS: [(Protocol, &str); 4] = [
    (Protocol::Tls10, "TLSv1"),
    (Protocol::Tls11, "TLSv1.1"),
    (Protocol::Tls12, "TLSv1.2"),
    (Protocol::Tls13, "TLSv1.3"),
];

/// `n` in `lo..=hi` distinct items of `pool`, in random order.
fn some<'a>(rng: &mut Rng, pool: &[&'a str], lo: usize, hi: usize) -> Vec<&'a str> {
    let n = lo + rng.below(hi - lo + 1);
    rng.shuffled(pool).into_iter().take(n).collect()
}

/// One `s_server` configuration, as flags and as the model's server.
#[derive(Debug, Clone)]
struct SConfig {
    suites: Vec<&'static str>,
    tls13: Vec<&'static str>,
    min: usize,
    max: usize,
    groups: Option<Vec<&'static str>>,
    level: u8,
    certs: &'static [usize],
    serverpref: bool,
}

impl SConfig {
    fn random(rng: &mut Rng) -> SConfig {
        let certs = *rng.pick(CERT_SETS);
        let min = *rng.pick(&[0, 0, 1, 2, 2, 2, 3]);
        let max = (*rng.pick(&[1, 2, 2, 3, 3])).max(min);
        let level = if certs.contains(&3) {
            // s_server does not load a key below its own level.
            *rng.pick(&[0, 1])
        } else {
            *rng.pick(&[0, 1, 2])
        };
        SConfig {
            suites: some(rng, SUITES, 1, 5),
            tls13: if rng.chance(20) {
                Vec::new()
            } else {
                some(rng, TLS13, 1, 3)
            },
            min,
            max,
            groups: rng.chance(70).then(|| some(rng, GROUPS, 1, 3)),
            level,
            certs,
            serverpref: rng.chance(50),
        }
    }

    fn args(&self, files: &[Files]) -> Vec<String> {
        let mut a = Vec::new();
        for (i, &c) in self.certs.iter().enumerate() {
            let (cf, kf) = if i == 0 {
                ("-cert", "-key")
            } else {
                ("-dcert", "-dkey")
            };
            a.extend([cf.to_string(), files[c].cert.display().to_string()]);
            a.extend([kf.to_string(), files[c].key.display().to_string()]);
        }
        a.extend([
            "-cipher".to_string(),
            format!("{}:@SECLEVEL={}", self.suites.join(":"), self.level),
            "-ciphersuites".to_string(),
            self.tls13.join(":"),
            "-min_protocol".to_string(),
            VERSIONS[self.min].1.to_string(),
            "-max_protocol".to_string(),
            VERSIONS[self.max].1.to_string(),
        ]);
        if let Some(g) = &self.groups {
            a.extend(["-groups".to_string(), g.join(":")]);
        }
        if self.serverpref {
            a.push("-serverpref".to_string());
        }
        a
    }

    fn peer(&self) -> Peer {
        // What OpenSSL 3.0 makes of the `-cipher` string: Debian's build has
        // no 3DES (ECDHE-RSA-DES-CBC3-SHA is an unknown word there).
        let cipher = format!("{}:@SECLEVEL={}", self.suites.join(":"), self.level);
        let enabled = cipherdex::openssl::evaluate(&cipher, Release::OpenSsl30)
            .expect("the cipher string evaluates")
            .suites();
        let mut p = Peer::from_suites(enabled);
        p.tls13_suites = self
            .tls13
            .iter()
            .map(|n| cipherdex::lookup(n).expect("known TLS 1.3 suite"))
            .collect();
        p.versions = range(VERSIONS[self.min].0, VERSIONS[self.max].0);
        if let Some(g) = &self.groups {
            p.groups = Some(Group::parse_list(&g.join(":")).expect("known groups"));
        }
        // Unstated groups: OpenSSL 3.0's defaults, which `Peer` starts from.
        p.security_level = SecurityLevel::new(Release::OpenSsl30, self.level);
        p.certs = self.certs.iter().map(|&c| cert_key(c)).collect();
        p.preference = if self.serverpref {
            Preference::Server
        } else {
            Preference::Client
        };
        p
    }
}

fn cert_key(i: usize) -> CertKey {
    CERTS[i].0.parse().expect("certificate type")
}

// ---------------------------------------------------------------------------------------------
// Judging

/// One run: what simulate said against what happened.
struct Run {
    client: &'static str,
    /// The client's last words.
    said: String,
    real: Real,
    predicted: Outcome,
}

impl Run {
    /// Outcome and version always; the suite too unless `suite` is false.
    fn agrees(&self, suite: bool) -> bool {
        match (&self.real, &self.predicted.result) {
            (Ok((v, s)), Ok(a)) => {
                *v == a.version.to_string() && (!suite || s.code() == a.suite.code())
            }
            (Err(_), Err(_)) => true,
            _ => false,
        }
    }

    fn describe(&self) -> String {
        let real = match &self.real {
            Ok((v, s)) => format!("{v} {}", s.canonical_name()),
            Err(e) => format!("no handshake ({e})"),
        };
        let predicted = match &self.predicted.result {
            Ok(a) => format!("{} {}", a.version, a.suite.canonical_name()),
            Err(f) => format!("no handshake ({})", f.to_string().replace('\n', " ")),
        };
        format!("{}: real {real}; simulate {predicted}", self.client)
    }
}

/// Outcome, version and suite of `real` and `predicted` agree.
fn agrees(real: &Real, predicted: &Outcome) -> bool {
    match (real, &predicted.result) {
        (Ok((v, s)), Ok(a)) => *v == a.version.to_string() && s.code() == a.suite.code(),
        (Err(_), Err(_)) => true,
        _ => false,
    }
}

fn predict(server: &Peer, entry: &'static Client) -> Outcome {
    simulate(server, &[entry]).remove(0)
}

// ---------------------------------------------------------------------------------------------
// GnuTLS

/// Run as `unshare -n bash -c SCRIPT bash DIR LIFETIME PRIORITY NCERTS CERT KEY ...
/// CLIENT...`: `gnutls-serv` (line-buffered, `-d 2` for the suite it picks)
/// and then each client command (`{port}` replaced) one at a time, all in a
/// private network namespace. Before each client it appends `@@CLIENT n` to
/// the server log; a client is stopped, with every process of its session
/// (browsers leave some behind), once the server logged its handshake or
/// failure, after 1 s past its own end, or after 10 s.
const GNUTLS_SCRIPT: &str = r#"
set -u
dir=$1; lifetime=$2; prio=$3; ncert=$4; shift 4
certargs=()
i=0
while [ "$i" -lt "$ncert" ]; do
  certargs+=(--x509certfile "$1" --x509keyfile "$2"); shift 2; i=$((i + 1))
done
port=4433
log=$dir/serv.log
ip link set lo up || { echo '@@SERVER-FAILED cannot bring up lo'; exit 0; }
timeout --foreground "$lifetime" stdbuf -oL -eL gnutls-serv -d 2 -p "$port" "${certargs[@]}" \
  --priority "$prio" </dev/null >>"$log" 2>&1 &
srv=$!
up=0
for _ in $(seq 1 100); do
  if grep -q 'listening on IPv4.*done' "$log"; then up=1; break; fi
  kill -0 "$srv" 2>/dev/null || break
  sleep 0.05
done
if [ "$up" -ne 1 ]; then
  echo '@@SERVER-FAILED'; cat "$log"
  kill "$srv" 2>/dev/null; wait "$srv" 2>/dev/null; exit 0
fi
n=0
for cmd in "$@"; do
  echo "@@CLIENT $n" >>"$log"
  off=$(stat -c %s "$log")
  cmd=${cmd//\{port\}/$port}
  # Its own session (setsid may fork: the session leader writes its pid): a
  # browser leaves processes behind, and the whole group goes.
  rm -f "$dir/client.pgid"
  setsid -w bash -c 'echo $$ >"$1"; shift; exec timeout --foreground -s KILL 10 bash -c "exec $*"' \
    bash "$dir/client.pgid" "$cmd" </dev/null >"$dir/client$n.log" 2>&1 &
  cpid=$!
  ended=0
  for _ in $(seq 1 1000); do
    # A browser opens several connections and drops the spare ones ("non-properly
    # terminated"): only a handshake or another error is a verdict.
    if tail -c +$((off + 1)) "$log" | grep -e '^- Version:' -e '^Error in handshake' \
      | grep -qv 'non-properly terminated'; then break; fi
    if ! kill -0 "$cpid" 2>/dev/null; then
      ended=$((ended + 1))
      [ "$ended" -gt 100 ] && break
    fi
    sleep 0.01
  done
  pgid=$(cat "$dir/client.pgid" 2>/dev/null)
  [ -n "$pgid" ] && kill -KILL -- "-$pgid" 2>/dev/null
  kill -KILL "$cpid" 2>/dev/null; wait "$cpid" 2>/dev/null
  sleep 0.05
  n=$((n + 1))
done
kill "$srv" 2>/dev/null; wait "$srv" 2>/dev/null
echo '@@DONE'
"#;

/// What the server logged for each client, in order.
fn gnutls_runs(
    priority: &str,
    certs: &[&Files],
    commands: &[String],
) -> Result<Vec<(Real, String)>, String> {
    let dir = TempDir::new("simulate-gnutls");
    let mut cmd = Command::new("unshare");
    cmd.args(["-n", "bash", "-c", GNUTLS_SCRIPT, "bash"])
        .arg(dir.path())
        .arg(SERVER_LIFETIME_SECS.to_string())
        .arg(priority)
        .arg(certs.len().to_string());
    for c in certs {
        cmd.arg(&c.cert).arg(&c.key);
    }
    cmd.args(commands);
    let n = u32::try_from(commands.len()).unwrap_or(u32::MAX);
    let limit = SERVER_START_TIMEOUT + TOOL_TIMEOUT.saturating_mul(n + 1);
    let out = run_with_timeout(&mut cmd, limit).map_err(|e| format!("unshare: {e}"))?;
    if !out.stdout.contains("@@DONE") {
        return Err(format!("gnutls-serv did not run to the end\n{out}"));
    }
    let log = read_from(&dir.path().join("serv.log"), 0);
    let mut segments: Vec<String> = Vec::new();
    for line in log.lines() {
        if line.starts_with("@@CLIENT ") {
            segments.push(String::new());
        } else if let Some(s) = segments.last_mut() {
            s.push_str(line);
            s.push('\n');
        }
    }
    if segments.len() != commands.len() {
        return Err(format!(
            "{} client segments in the log:\n{log}",
            segments.len()
        ));
    }
    Ok(segments
        .iter()
        .enumerate()
        .map(|(i, seg)| {
            let client = read_from(&dir.path().join(format!("client{i}.log")), 0);
            (read_gnutls_serv(seg), client)
        })
        .collect())
}

/// What the client's connections in `gnutls-serv -d 2`'s log show: the version from `- Version:`,
/// the suite from the code in `Selected ... cert based on ciphersuite c0.2f`.
fn read_gnutls_serv(segment: &str) -> Real {
    let version = segment
        .lines()
        .find_map(|l| l.strip_prefix("- Version:"))
        .map(version_name);
    let code = segment.lines().rev().find_map(|l| {
        let (_, rest) = l.split_once("based on ciphersuite ")?;
        let (hex, _) = rest.split_once(':')?;
        let (hi, lo) = hex.split_once('.')?;
        Some(u32::from_str_radix(hi, 16).ok()? << 8 | u32::from_str_radix(lo, 16).ok()?)
    });
    match (version, code) {
        (Some(v), Some(c)) => Suite::from_code(c)
            .map_or_else(|| Err(format!("unknown code {c:#06x}")), |s| Ok((v, s))),
        (Some(_), None) => Err(format!("no suite in the log: {segment}")),
        // A connection the client dropped (a browser's spare one) is no verdict
        // when another connection has one.
        _ => {
            let errors = || {
                segment
                    .lines()
                    .filter(|l| l.starts_with("Error in handshake"))
            };
            Err(errors()
                .find(|l| !l.contains("non-properly terminated"))
                .or_else(|| errors().next())
                .unwrap_or("no handshake logged")
                .to_string())
        }
    }
}

/// GnuTLS's own account of a priority string: suites in order, versions,
/// groups (`gnutls-cli --list --priority P`).
fn gnutls_server(priority: &str, certs: &[usize]) -> Option<Peer> {
    let out = run_with_timeout(
        Command::new("gnutls-cli").args(["--list", "--priority", priority]),
        TOOL_TIMEOUT,
    )
    .expect("gnutls-cli --list");
    if !out.success() {
        return None;
    }
    let mut suites = Vec::new();
    let mut versions = Protocols::EMPTY;
    let mut groups = Vec::new();
    for line in out.stdout.lines() {
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if fields.len() >= 2 && fields[1].starts_with("0x") {
            let code = u32::from_str_radix(&fields[1].replace("0x", "").replace(", ", ""), 16)
                .expect("a code");
            suites.push(Suite::from_code(code).expect("a known suite"));
        } else if let Some(list) = line.strip_prefix("Protocols: ") {
            for v in list.split(", ") {
                if let Ok(p) = v.trim().trim_start_matches("VERS-").parse::<Protocol>() {
                    versions = versions.with(p);
                }
            }
        } else if let Some(list) = line.strip_prefix("Groups: ") {
            for g in list.split(", ") {
                groups.push(Group::lookup(g.trim()).expect("a known group"));
            }
        }
    }
    if suites.is_empty() {
        return None;
    }
    let mut p = Peer::from_suites(suites.iter().copied());
    if !suites.iter().any(|s| s.is_tls13()) {
        p.tls13_suites.clear();
    }
    p.versions = versions;
    p.groups = Some(groups);
    p.preference = Preference::Client;
    p.certs = certs.iter().map(|&c| cert_key(c)).collect();
    // GnuTLS has no OpenSSL-style refusal; only offer what has suites.
    p.refuse_without_max_version_suites = false;
    Some(p)
}

/// Changes to `NORMAL` a GnuTLS server may get.
const GNUTLS_CHANGES: &[&str] = &[
    "-VERS-TLS1.3",
    "-VERS-TLS1.2",
    "+VERS-TLS1.0:+VERS-TLS1.1",
    "-AES-128-CBC:-AES-256-CBC",
    "-RSA",
    "-ECDHE-RSA:-ECDHE-ECDSA",
    "-CHACHA20-POLY1305",
    "-AES-256-GCM",
    "-AES-128-GCM",
    "+3DES-CBC",
    "-GROUP-ALL:+GROUP-SECP384R1",
    "-GROUP-X25519",
    "+DHE-RSA",
];

fn shell_quote(argv: &[String]) -> String {
    argv.iter()
        .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------------
// The test

#[test]
fn simulate_predicts_real_clients_against_real_servers() {
    if !require_tools(&[
        "openssl",
        "gnutls-serv",
        "sslscan",
        "unshare",
        "timeout",
        "stdbuf",
    ]) {
        return;
    }
    let dir = TempDir::new("simulate-clients");
    let Some((env, usable)) = setup(dir.path()) else {
        return;
    };
    let files: Vec<Files> = (0..CERTS.len()).map(|i| make_cert(dir.path(), i)).collect();
    if usable.iter().any(|(c, _)| c.id.starts_with("firefox")) {
        make_firefox_trust(&env, &files);
    }
    let seed = seed();
    let servers: usize = std::env::var("CIPHERDEX_SIMULATE_SERVERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(28);
    let mut rng = Rng(seed);
    let mut runs: Vec<Run> = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    let started = Instant::now();

    // openssl s_server.
    let mut scan_target: Option<(SConfig, Vec<(&'static Client, Real)>)> = None;
    let (mut not_started, mut restarts) = (0, 0);
    for case in 0..servers {
        let config = SConfig::random(&mut rng);
        let mut server = match SServer::start(&config.args(&files)) {
            Ok(s) => s,
            Err(e) => {
                // s_server refuses some lists outright (3DES alone: "no cipher match").
                eprintln!(
                    "case {case}: the server does not start ({}); next",
                    e.lines().nth(1).unwrap_or(&e)
                );
                not_started += 1;
                continue;
            }
        };
        let model = config.peer();
        let mut seen = Vec::new();
        for (i, (c, entry)) in rng.shuffled(&usable).into_iter().enumerate() {
            if c.heavy && case % 4 != 0 {
                continue;
            }
            if !server.alive() {
                // s_server exits after some failures ("no ciphers available"):
                // the same server again, for the next client.
                server = SServer::start(&config.args(&files)).expect("the server starts again");
                restarts += 1;
            }
            let log = dir.path().join(format!("s{case}-{i}.log"));
            let (mut real, mut said) =
                run_client(&server, &(c.argv)(&env, &server.port.to_string()), &log);
            if real
                .as_ref()
                .is_err_and(|e| e.starts_with("the client ended"))
                && !server.alive()
            {
                // The server was still on its way out after the previous
                // client's failure when this one connected: start it again
                // and run this client once more.
                server = SServer::start(&config.args(&files)).expect("the server starts again");
                restarts += 1;
                (real, said) = run_client(&server, &(c.argv)(&env, &server.port.to_string()), &log);
            }
            seen.push((entry, real.clone()));
            let run = Run {
                client: c.id,
                said: said.clone(),
                real,
                predicted: predict(&model, entry),
            };
            if !run.agrees(true) {
                failures.push(format!(
                    "s_server case {case} (seed {seed}) {}\n  server {config:?}\n  client said: {}",
                    run.describe(),
                    said.lines().rev().take(3).collect::<Vec<_>>().join(" | ")
                ));
            }
            runs.push(run);
        }
        if scan_target.is_none() {
            // The first server is also scanned, below.
            scan_target = Some((config, seen));
        }
        drop(server);
    }
    let openssl_runs = runs.len();
    assert!(
        not_started * 4 < servers,
        "{not_started} of {servers} s_server configurations did not start"
    );

    // gnutls-serv, inside a private network namespace.
    if require_netns() {
        for case in 0..servers.div_ceil(5) {
            let mut priority = "NORMAL".to_string();
            for change in some(&mut rng, GNUTLS_CHANGES, 0, 3) {
                priority.push(':');
                priority.push_str(change);
            }
            let certs = *rng.pick(&[&[0usize][..], &[1], &[0, 1]]);
            let Some(model) = gnutls_server(&priority, certs) else {
                continue; // the changes left no suite
            };
            // The same server as a user gives it: the `gnutls:` profile, which
            // evaluates the priority string without GnuTLS.
            let mut profiled = resolve(&format!("gnutls:{priority}"), Role::Server)
                .unwrap_or_else(|e| panic!("gnutls:{priority}: {e}"))
                .expect("a profile")
                .peer;
            profiled.certs = model.certs.clone();
            let chosen: Vec<(RealClient, &'static Client)> = usable
                .iter()
                .copied()
                .filter(|(c, _)| !c.heavy || case % 3 == 0)
                .collect();
            let commands: Vec<String> = chosen
                .iter()
                .map(|(c, _)| {
                    // The script puts its port where `{port}` is.
                    shell_quote(&(c.argv)(&env, "{port}"))
                })
                .collect();
            let cert_files: Vec<&Files> = certs.iter().map(|&c| &files[c]).collect();
            let results = gnutls_runs(&priority, &cert_files, &commands)
                .unwrap_or_else(|e| panic!("gnutls case {case} (seed {seed}) {priority}: {e}"));
            for ((c, entry), (real, said)) in chosen.iter().zip(results) {
                let run = Run {
                    client: c.id,
                    said: said.clone(),
                    real,
                    predicted: predict(&model, entry),
                };
                if !run.agrees(true) {
                    failures.push(format!(
                        "gnutls-serv case {case} (seed {seed}) {}\n  server --priority {priority} certs {certs:?}\n  client said: {}",
                        run.describe(),
                        said.lines().rev().take(3).collect::<Vec<_>>().join(" | ")
                    ));
                }
                let from_profile = predict(&profiled, entry);
                if !agrees(&run.real, &from_profile) {
                    failures.push(format!(
                        "gnutls-serv case {case} (seed {seed}) {}: the gnutls:{priority} profile predicts {}",
                        run.describe(),
                        from_profile.result.as_ref().map_or_else(|f| f.kind.to_string(), |a| format!("{} {}", a.version, a.suite.canonical_name()))
                    ));
                }
                runs.push(run);
            }
        }
    }
    let gnutls_runs_count = runs.len() - openssl_runs;

    // The first s_server again, scanned by sslscan, and given to simulate only as its report.
    let (config, seen) = scan_target.expect("at least one server");
    let server = SServer::start(&config.args(&files)).expect("the scanned server starts again");
    let out = run_with_timeout(
        Command::new("sslscan")
            .args([
                "--no-colour",
                "--no-heartbleed",
                "--no-renegotiation",
                "--no-fallback",
                "--xml=-",
            ])
            .arg(format!("127.0.0.1:{}", server.port)),
        Duration::from_secs(120),
    )
    .expect("sslscan runs");
    drop(server);
    let report = input::report(Format::SslscanXml, &out.stdout)
        .unwrap_or_else(|e| panic!("sslscan report: {e}\n{out}"));
    let mut scanned = report.server().expect("the report names versions");
    // A report does not say what the certificate is: given as with --cert.
    scanned.certs = config.certs.iter().map(|&c| cert_key(c)).collect();
    let mut scan_runs = 0;
    let direct = config.peer();
    for (entry, real) in seen {
        // A report that states no groups cannot predict a failure for want of
        // a shared group (sslscan 2.0 lists no groups for a TLS 1.2-only
        // server): such a run is not judged from the report, and says so.
        if scanned.groups.is_none()
            && predict(&direct, entry).failure_kind()
                == Some(cipherdex::negotiate::FailureKind::NoSharedGroup)
        {
            eprintln!(
                "sslscan report: {} not judged: it fails for want of a shared group, \
                 and the report states no groups",
                entry.id()
            );
            continue;
        }
        let run = Run {
            client: entry.id(),
            said: String::new(),
            real,
            predicted: predict(&scanned, entry),
        };
        if !run.agrees(false) {
            failures.push(format!(
                "sslscan report of the first s_server (seed {seed}) {}\n  server {config:?}\n  from the report: {} {:?}",
                run.describe(),
                scanned.versions,
                scanned.tls12_suites.iter().chain(&scanned.tls13_suites).map(|s| s.canonical_name()).collect::<Vec<_>>()
            ));
        }
        scan_runs += 1;
    }

    let ok = runs.iter().filter(|r| r.real.is_ok()).count();
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for r in &runs {
        let kind = r.predicted.failure_kind().map_or("ok", |k| k.as_str());
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((kind, 1)),
        }
    }
    let mut per_client: Vec<(&str, usize)> = Vec::new();
    for r in &runs {
        match per_client.iter_mut().find(|(id, _)| *id == r.client) {
            Some((_, n)) => *n += 1,
            None => per_client.push((r.client, 1)),
        }
    }
    eprintln!(
        "{} client runs ({openssl_runs} against s_server, {gnutls_runs_count} against gnutls-serv; \
         {ok} completed; {restarts} s_server restarts; predicted: {kinds:?}) and {scan_runs} predictions from an sslscan report in {:.1?}; \
         per client: {per_client:?}; \
         {} disagreements",
        runs.len(),
        started.elapsed(),
        failures.len()
    );
    // A failure the harness made up (a client that never reached the server,
    // a time-out) proves nothing: every real failure names the server's error.
    let made_up: Vec<String> = runs
        .iter()
        .filter(|r| {
            r.real.as_ref().is_err_and(|e| {
                e.starts_with("the client ended")
                    || e.starts_with("no handshake in")
                    || e.starts_with("cannot start")
            })
        })
        .map(|r| {
            format!(
                "{} ({})",
                r.describe(),
                r.said.lines().rev().take(3).collect::<Vec<_>>().join(" | ")
            )
        })
        .collect();
    let mut reasons: Vec<(String, usize)> = Vec::new();
    for r in &runs {
        if let Err(e) = &r.real {
            match reasons.iter_mut().find(|(k, _)| k == e) {
                Some((_, n)) => *n += 1,
                None => reasons.push((e.clone(), 1)),
            }
        }
    }
    eprintln!("real failures: {reasons:?}");
    assert!(
        made_up.is_empty(),
        "runs without a server verdict:\n{}",
        made_up.join("\n")
    );
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
    if under_ci() {
        assert!(
            runs.len() >= 200,
            "only {} client runs under CI",
            runs.len()
        );
    }
    assert!(
        ok > runs.len() / 4 && ok < runs.len(),
        "{ok} of {} runs completed: the cases prove little",
        runs.len()
    );
}

// ---------------------------------------------------------------------------------------------
// Key-size floors, against the real Java client

/// One server for the key-floor proof: its certificate (`openssl req`
/// arguments and the model's key), its DH parameters, suites and versions.
struct FloorCase {
    what: &'static str,
    req: &'static [&'static str],
    key: fn() -> CertKey,
    dhparam: Option<u32>,
    cipher: &'static str,
    max: &'static str,
    /// The model must name this failure kind (`None`: the handshake completes).
    kind: Option<cipherdex::negotiate::FailureKind>,
}

fn rsa_key(bits: u32) -> CertKey {
    format!("rsa:{bits}").parse().expect("rsa key")
}

/// Java 17 (`java-17`: RSA floor 1024 from `jdk.certpath.disabledAlgorithms`,
/// DH 1024 and EC 224 from `jdk.tls.disabledAlgorithms`) against `s_server`
/// at `@SECLEVEL=0` with keys below and at its floors: `simulate` must
/// predict what the real client does, and name `key_too_small` where the
/// real client refused the certificate (alerts 43 and 46 in the server's
/// log). OpenSSL cannot serve DH parameters below 1024 bits even at level 0
/// (its `SSL_SECOP_TMP_DH` rule), so the DH floor is proven at the floor
/// only; below it `tests/clients.rs` checks the model.
#[test]
fn java_key_floors_match_the_real_client() {
    use cipherdex::cert::NamedCurve;
    use cipherdex::negotiate::FailureKind;
    if !require_tools(&["openssl", "java", "timeout"]) {
        return;
    }
    let out = run_with_timeout(Command::new("java").arg("-version"), TOOL_TIMEOUT)
        .expect("java -version runs");
    if !out.combined().contains("\"17.") {
        let msg = format!(
            "NOT RUN: the installed Java is not the catalogue's java-17: {:?}",
            out.combined().lines().next()
        );
        assert!(!under_ci(), "{msg}");
        eprintln!("{msg}");
        return;
    }
    let entry = clients::find("java-17").expect("java-17 in the catalogue");
    assert_eq!(
        (
            entry.min_rsa_bits(),
            entry.min_dh_bits(),
            entry.min_ec_bits()
        ),
        (Some(1024), Some(1024), Some(224))
    );
    let cases = [
        FloorCase {
            what: "RSA 512, TLS 1.2",
            req: &["-newkey", "rsa:512"],
            key: || rsa_key(512),
            dhparam: None,
            cipher: "ECDHE-RSA-AES128-GCM-SHA256",
            max: "TLSv1.2",
            kind: Some(FailureKind::KeyTooSmall),
        },
        FloorCase {
            what: "RSA 768, TLS 1.2, static RSA",
            req: &["-newkey", "rsa:768"],
            key: || rsa_key(768),
            dhparam: None,
            cipher: "AES128-GCM-SHA256",
            max: "TLSv1.2",
            kind: Some(FailureKind::KeyTooSmall),
        },
        FloorCase {
            what: "RSA 768, TLS 1.3",
            req: &["-newkey", "rsa:768"],
            key: || rsa_key(768),
            dhparam: None,
            cipher: "ECDHE-RSA-AES128-GCM-SHA256",
            max: "TLSv1.3",
            kind: Some(FailureKind::KeyTooSmall),
        },
        FloorCase {
            what: "RSA 1024 (at the floor), DHE with automatic 1024-bit parameters",
            req: &["-newkey", "rsa:1024"],
            key: || rsa_key(1024),
            dhparam: None,
            cipher: "DHE-RSA-AES128-GCM-SHA256",
            max: "TLSv1.2",
            kind: None,
        },
        FloorCase {
            what: "RSA 2048, DHE with given 1024-bit parameters (at the floor)",
            req: &["-newkey", "rsa:2048"],
            key: || rsa_key(2048),
            dhparam: Some(1024),
            cipher: "DHE-RSA-AES128-GCM-SHA256",
            max: "TLSv1.2",
            kind: None,
        },
        FloorCase {
            what: "ECDSA P-192 (Java lists no such curve)",
            req: &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-192"],
            key: || CertKey::new(cipherdex::cert::KeyType::Ecdsa).with_curve(NamedCurve::P192),
            dhparam: None,
            cipher: "ECDHE-ECDSA-AES128-GCM-SHA256",
            max: "TLSv1.2",
            kind: Some(FailureKind::NoSharedGroup),
        },
    ];
    let dir = TempDir::new("simulate-floors");
    let env = Env {
        root: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        nssdb: dir.path().join("unused"),
        go_client: dir.path().join("unused"),
        profiles: dir.path().join("unused"),
        firefox_trust: dir.path().join("unused"),
    };
    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let (cert, key) = (
            dir.path().join(format!("f{i}.crt")),
            dir.path().join(format!("f{i}.key")),
        );
        let (c, k) = (cert.display().to_string(), key.display().to_string());
        let mut args = vec![
            "req",
            "-x509",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-days",
            "30",
        ];
        args.extend_from_slice(case.req);
        args.extend(["-keyout", &k, "-out", &c]);
        let out =
            run_with_timeout(&mut openssl_command(&args), TOOL_TIMEOUT).expect("openssl runs");
        assert!(out.success(), "openssl req: {out}");
        let mut server_args: Vec<String> = strings(&[
            "-cert",
            &c,
            "-key",
            &k,
            "-cipher",
            &format!("{}:@SECLEVEL=0", case.cipher),
            "-max_protocol",
            case.max,
        ]);
        if let Some(bits) = case.dhparam {
            let dh = dir.path().join(format!("dh{i}.pem"));
            let out = run_with_timeout(
                &mut openssl_command([
                    "dhparam",
                    "-out",
                    &dh.display().to_string(),
                    &bits.to_string(),
                ]),
                Duration::from_secs(120),
            )
            .expect("openssl dhparam runs");
            assert!(out.success(), "openssl dhparam: {out}");
            server_args.extend(["-dhparam".to_string(), dh.display().to_string()]);
        }
        let server = SServer::start(&server_args).unwrap_or_else(|e| panic!("{}: {e}", case.what));
        let (real, said) = run_client(
            &server,
            &java(&env, &server.port.to_string()),
            &dir.path().join(format!("java{i}.log")),
        );
        drop(server);
        let mut model = Peer::from_names([case.cipher]).expect("known suite");
        model.versions = range(
            Protocol::Tls10,
            if case.max == "TLSv1.3" {
                Protocol::Tls13
            } else {
                Protocol::Tls12
            },
        );
        model.security_level = SecurityLevel::new(Release::OpenSsl30, 0);
        model.certs = vec![(case.key)()];
        model.dh_bits = case.dhparam;
        model.preference = Preference::Client;
        let predicted = predict(&model, entry);
        let kind = predicted.failure_kind();
        let run = Run {
            client: entry.id(),
            said: said.clone(),
            real: real.clone(),
            predicted,
        };
        if !run.agrees(true) || kind != case.kind {
            failures.push(format!(
                "{}: {} (expected failure kind {:?}, got {:?}); java said: {}",
                case.what,
                run.describe(),
                case.kind,
                kind,
                said.lines().rev().take(2).collect::<Vec<_>>().join(" | ")
            ));
        }
        if case.kind == Some(FailureKind::KeyTooSmall) {
            // The real refusal is the client's: it rejects the certificate.
            let refused = said.contains("algorithm constraints")
                || real.as_ref().is_err_and(|e| {
                    e.contains("unsupported certificate") || e.contains("certificate unknown")
                });
            if !refused {
                failures.push(format!(
                    "{}: the real failure is not Java refusing the certificate: {real:?} / {said}",
                    case.what
                ));
            }
        }
        eprintln!("{}: {}", case.what, run.describe());
    }
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
