//! Oracle harness for integration tests: real TLS stacks (OpenSSL, GnuTLS) used as
//! independent oracles.
//!
//! Include it from a test file with `mod common;`. Everything here is std-only.
//!
//! Rules the harness keeps, so tests can rely on them:
//! * Network traffic stays on 127.0.0.1. `gnutls-serv` cannot bind one address, so it only
//!   ever runs inside a private network namespace (`unshare -n`) together with its clients.
//! * Every child process runs under a time bound and is killed (with its process group) and
//!   reaped; servers are also stopped on `Drop`, and `timeout(1)` bounds their life even if
//!   the test process itself dies.
//! * A missing tool skips the test loudly ([`require_tool`]); under `CI=true` it fails the test,
//!   because `.ci/run` installs every tool.
//! * `OPENSSL_CONF=/dev/null` for every `openssl` run, so a local configuration file cannot
//!   change the results.

#![allow(dead_code)] // each test binary uses a different part of the harness

pub mod rng;

use std::ffi::OsStr;
use std::fmt;
use std::fs;
use std::io::{self, Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc;
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

/// Upper bound for one client or one-shot tool run (`openssl s_client`, `gnutls-cli`, ...).
pub const TOOL_TIMEOUT: Duration = Duration::from_secs(10);

/// Upper bound on the wait for a server to start listening.
pub const SERVER_START_TIMEOUT: Duration = Duration::from_secs(5);

/// Upper bound, in seconds, on the life of any server the harness starts. `timeout(1)`
/// enforces it, so a server is stopped even if the test process is killed before `Drop` runs.
pub const SERVER_LIFETIME_SECS: u32 = 300;

// ---------------------------------------------------------------------------------------------
// Tools

/// True when the environment variable `CI` is `true` (set by `.ci/run` and most CI services).
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// The Debian package that provides `tool`, for skip messages.
fn package_of(tool: &str) -> &'static str {
    match tool {
        "openssl" => "openssl",
        "gnutls-cli" | "gnutls-serv" => "gnutls-bin",
        "nmap" => "nmap",
        "sslscan" => "sslscan",
        "testssl" => "testssl.sh",
        "ip" => "iproute2",
        "unshare" => "util-linux",
        "timeout" => "coreutils",
        "curl" => "curl",
        "wget" => "wget",
        "python3" => "python3",
        "node" => "nodejs",
        "java" => "default-jre-headless",
        _ => "the package that provides it",
    }
}

/// Full path of `name` if it is an executable file in a `PATH` directory (no message).
pub fn find_tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0))
}

/// Report a missing prerequisite: panic under `CI=true`, otherwise print a loud skip
/// message to stderr.
fn skip_or_fail(message: &str) {
    let message = format!("SKIPPED: {message}");
    if under_ci() {
        panic!("{message} (CI=true: a missing oracle is a failure)");
    }
    // Straight to the stderr handle: libtest captures `eprintln!` of passing tests, and a
    // skip must be seen.
    let banner = format!("\n**********\n{message}\n**********\n");
    let _ = io::stderr().lock().write_all(banner.as_bytes());
}

/// True if the program `name` is on `PATH`.
///
/// Otherwise prints a loud skip message to stderr, such as
/// `SKIPPED: tool 'gnutls-cli' not found; install gnutls-bin (.ci/run does)`, and returns
/// false; the caller then returns early. Under `CI=true` it panics with that message instead,
/// because CI installs every tool.
pub fn require_tool(name: &str) -> bool {
    if find_tool(name).is_some() {
        return true;
    }
    skip_or_fail(&format!(
        "tool '{name}' not found; install {} (.ci/run does)",
        package_of(name)
    ));
    false
}

/// [`require_tool`] for each name (all are checked and reported); true if all are present.
pub fn require_tools(names: &[&str]) -> bool {
    let mut all = true;
    for name in names {
        // No short-circuit: report every missing tool at once.
        all &= require_tool(name);
    }
    all
}

/// True if a private network namespace can be made (`unshare -n`, which needs root or
/// CAP_SYS_ADMIN) and `ip` is available to bring its loopback up.
///
/// The GnuTLS helpers need it. Otherwise it reports like [`require_tool`]: a loud skip, or a
/// panic under `CI=true`.
pub fn require_netns() -> bool {
    if !require_tools(&["unshare", "ip"]) {
        return false;
    }
    let mut cmd = Command::new("unshare");
    cmd.args(["-n", "ip", "link", "set", "lo", "up"]);
    match run_with_timeout(&mut cmd, TOOL_TIMEOUT) {
        Ok(out) if out.success() => true,
        Ok(out) => {
            skip_or_fail(&format!(
                "cannot create a network namespace with 'unshare -n' (needs root or \
                 CAP_SYS_ADMIN; .ci/run runs as root): {}",
                out.combined().trim()
            ));
            false
        }
        Err(e) => {
            skip_or_fail(&format!("cannot run 'unshare -n': {e}"));
            false
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Running commands

/// What a command run by [`run_with_timeout`] did.
#[derive(Debug)]
pub struct CmdOutput {
    /// Exit status; `None` if the command was killed at the time limit.
    pub status: Option<ExitStatus>,
    /// True if the time limit was reached and the command was killed.
    pub timed_out: bool,
    /// Standard output, decoded lossily as UTF-8.
    pub stdout: String,
    /// Standard error, decoded lossily as UTF-8.
    pub stderr: String,
}

impl CmdOutput {
    /// True if the command finished in time with exit status 0.
    pub fn success(&self) -> bool {
        !self.timed_out && self.status.is_some_and(|s| s.success())
    }

    /// Standard output followed by standard error, for parsing tools that mix them.
    pub fn combined(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

impl fmt::Display for CmdOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.timed_out, self.status) {
            (true, _) => writeln!(f, "status: killed at the time limit")?,
            (false, Some(s)) => writeln!(f, "status: {s}")?,
            (false, None) => writeln!(f, "status: unknown")?,
        }
        writeln!(f, "--- stdout ---\n{}", self.stdout)?;
        write!(f, "--- stderr ---\n{}", self.stderr)
    }
}

/// Send SIGKILL to the process group `pgid` (a group this harness created with
/// `process_group(0)`, so its id is the id of the child we started).
fn kill_group(pgid: u32) {
    // Through the shell's `kill` builtin: std has no signal API and procps may be absent.
    let _ = Command::new("sh")
        .args(["-c", "kill -s KILL -- \"-$1\" 2>/dev/null", "sh"])
        .arg(pgid.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// Kill `child` and everything in its process group, then reap it.
pub fn kill_and_reap(child: &mut Child) {
    kill_group(child.id());
    let _ = child.kill();
    let _ = child.wait();
}

/// Read a pipe to the end on a thread; the bytes arrive on the returned channel.
fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut buf);
        }
        let _ = tx.send(buf);
    });
    rx
}

/// Run `cmd` with stdin from `/dev/null`, capture stdout and stderr, and kill it (with its
/// whole process group) if it runs longer than `timeout`.
///
/// The command gets its own process group, so helpers it starts in the background are
/// killed with it. A timeout is not an `Err`: it shows as [`CmdOutput::timed_out`].
///
/// # Errors
/// Only when the command cannot be started (for example, the program does not exist).
pub fn run_with_timeout(cmd: &mut Command, timeout: Duration) -> io::Result<CmdOutput> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()?;
    let out_rx = drain(child.stdout.take());
    let err_rx = drain(child.stderr.take());
    let deadline = Instant::now() + timeout;
    let mut timed_out = false;
    let mut status = None;
    let mut pause = Duration::from_millis(1);
    loop {
        match child.try_wait() {
            Ok(Some(s)) => {
                status = Some(s);
                break;
            }
            Ok(None) if Instant::now() < deadline => {
                thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(20));
            }
            Ok(None) | Err(_) => {
                timed_out = true;
                kill_and_reap(&mut child);
                break;
            }
        }
    }
    // A background helper of the command may still hold the pipes open: wait for the
    // readers only until the deadline (plus a grace second), then kill the group.
    let grace = deadline.max(Instant::now()) + Duration::from_secs(1);
    let mut collect = |rx: mpsc::Receiver<Vec<u8>>| {
        let wait = grace.saturating_duration_since(Instant::now());
        match rx.recv_timeout(wait) {
            Ok(bytes) => bytes,
            Err(_) => {
                timed_out = true;
                kill_group(child.id());
                rx.recv_timeout(Duration::from_secs(2)).unwrap_or_default()
            }
        }
    };
    let stdout = collect(out_rx);
    let stderr = collect(err_rx);
    Ok(CmdOutput {
        status: if timed_out { None } else { status },
        timed_out,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    })
}

/// An `openssl` command with `OPENSSL_CONF=/dev/null` and the given arguments.
pub fn openssl_command<I, S>(args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut cmd = Command::new("openssl");
    cmd.env("OPENSSL_CONF", "/dev/null").args(args);
    cmd
}

// ---------------------------------------------------------------------------------------------
// Temporary directories

/// A fresh directory under the system temp dir, removed with its contents on `Drop`.
#[derive(Debug)]
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    /// Create `<tmp>/cipherdex-<label>-<pid>-<n>`.
    ///
    /// # Panics
    /// If no directory can be created after a bounded number of attempts.
    pub fn new(label: &str) -> TempDir {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let base = std::env::temp_dir();
        let mut last_error = None;
        for _ in 0..100 {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let path = base.join(format!("cipherdex-{label}-{}-{n}", std::process::id()));
            match fs::create_dir(&path) {
                Ok(()) => return TempDir { path },
                Err(e) => last_error = Some(e),
            }
        }
        panic!("cannot create a temporary directory in {base:?}: {last_error:?}");
    }

    /// The directory's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

// ---------------------------------------------------------------------------------------------
// Certificates

/// Key type of a self-signed test certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyKind {
    /// RSA 2048.
    Rsa,
    /// ECDSA on P-256.
    Ec,
    /// Ed25519.
    Ed25519,
    /// DSA 2048 (signed with SHA-256).
    Dsa,
}

impl KeyKind {
    /// All kinds, in a fixed order.
    pub const ALL: [KeyKind; 4] = [KeyKind::Rsa, KeyKind::Ec, KeyKind::Ed25519, KeyKind::Dsa];

    /// File stem used for this kind's files: `rsa`, `ec`, `ed25519`, `dsa`.
    pub fn stem(self) -> &'static str {
        match self {
            KeyKind::Rsa => "rsa",
            KeyKind::Ec => "ec",
            KeyKind::Ed25519 => "ed25519",
            KeyKind::Dsa => "dsa",
        }
    }
}

/// A certificate and its private key, as PEM files on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertKey {
    /// The key type.
    pub kind: KeyKind,
    /// Path of the self-signed certificate (`CN=localhost`).
    pub cert: PathBuf,
    /// Path of the unencrypted private key.
    pub key: PathBuf,
}

/// Certificate and key PEM text, generated once per test process and kind.
struct Pem {
    cert: String,
    key: String,
}

/// Run one `openssl` step of certificate generation; panic with its output on failure.
fn openssl_step(dir: &Path, args: &[&str]) {
    let mut cmd = openssl_command(args);
    cmd.current_dir(dir);
    // DSA parameter generation is the slow step: a few seconds, rarely more.
    let out = run_with_timeout(&mut cmd, Duration::from_secs(120))
        .unwrap_or_else(|e| panic!("cannot run openssl (is it installed?): {e}"));
    assert!(out.success(), "openssl {}\n{out}", args.join(" "));
}

/// Generate the PEMs for `kind` in a scratch directory.
fn generate_pem(kind: KeyKind) -> Pem {
    let scratch = TempDir::new("certgen");
    let dir = scratch.path();
    let subject = ["-subj", "/CN=localhost", "-days", "30"];
    let out = ["-nodes", "-keyout", "k.pem", "-out", "c.pem"];
    let newkey: &[&str] = match kind {
        KeyKind::Rsa => &["-newkey", "rsa:2048"],
        KeyKind::Ec => &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
        KeyKind::Ed25519 => &["-newkey", "ed25519"],
        KeyKind::Dsa => {
            openssl_step(
                dir,
                &[
                    "genpkey",
                    "-genparam",
                    "-algorithm",
                    "DSA",
                    "-pkeyopt",
                    "dsa_paramgen_bits:2048",
                    "-out",
                    "dsaparam.pem",
                ],
            );
            &["-newkey", "dsa:dsaparam.pem", "-sha256"]
        }
    };
    let mut args = vec!["req", "-x509"];
    args.extend_from_slice(newkey);
    args.extend_from_slice(&out);
    args.extend_from_slice(&subject);
    openssl_step(dir, &args);
    let read = |name: &str| {
        fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("reading {name}: {e}"))
    };
    Pem {
        cert: read("c.pem"),
        key: read("k.pem"),
    }
}

/// The PEMs for `kind`, generated on first use and then cached for the test process.
fn cached_pem(kind: KeyKind) -> &'static Pem {
    static RSA: OnceLock<Pem> = OnceLock::new();
    static EC: OnceLock<Pem> = OnceLock::new();
    static ED25519: OnceLock<Pem> = OnceLock::new();
    static DSA: OnceLock<Pem> = OnceLock::new();
    let cell = match kind {
        KeyKind::Rsa => &RSA,
        KeyKind::Ec => &EC,
        KeyKind::Ed25519 => &ED25519,
        KeyKind::Dsa => &DSA,
    };
    cell.get_or_init(|| generate_pem(kind))
}

/// Write a self-signed certificate of `kind` (`CN=localhost`, 30 days) and its key into
/// `dir` as `<stem>.crt` and `<stem>.key` (see [`KeyKind::stem`]).
///
/// Keys are made with the `openssl` CLI once per test process and kind (DSA parameter
/// generation takes seconds), then reused, so two calls give the same key.
///
/// # Panics
/// If `openssl` fails or the files cannot be written. Call `require_tool("openssl")` first.
pub fn self_signed(dir: &Path, kind: KeyKind) -> CertKey {
    let pem = cached_pem(kind);
    let cert = dir.join(format!("{}.crt", kind.stem()));
    let key = dir.join(format!("{}.key", kind.stem()));
    fs::write(&cert, &pem.cert).unwrap_or_else(|e| panic!("writing {cert:?}: {e}"));
    fs::write(&key, &pem.key).unwrap_or_else(|e| panic!("writing {key:?}: {e}"));
    CertKey { kind, cert, key }
}

/// An RSA and an EC (P-256) certificate in `dir`, for dual-certificate servers.
///
/// # Panics
/// Like [`self_signed`].
pub fn rsa_ec_pair(dir: &Path) -> (CertKey, CertKey) {
    (
        self_signed(dir, KeyKind::Rsa),
        self_signed(dir, KeyKind::Ec),
    )
}

// ---------------------------------------------------------------------------------------------
// OpenSSL s_server / s_client

/// One handshake's outcome: `Ok((version, suite name))`, or `Err(failure text)`.
pub type Handshake = Result<(String, String), String>;

/// A TLS protocol version, as OpenSSL's and GnuTLS's tools spell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TlsVersion {
    /// TLS 1.0.
    Tls10,
    /// TLS 1.1.
    Tls11,
    /// TLS 1.2.
    Tls12,
    /// TLS 1.3.
    Tls13,
}

impl TlsVersion {
    /// OpenSSL's name, as in `-min_protocol` and in `s_client -brief` output: `TLSv1.2`.
    pub fn openssl_name(self) -> &'static str {
        match self {
            TlsVersion::Tls10 => "TLSv1",
            TlsVersion::Tls11 => "TLSv1.1",
            TlsVersion::Tls12 => "TLSv1.2",
            TlsVersion::Tls13 => "TLSv1.3",
        }
    }

    /// OpenSSL's single-version flag: `-tls1_2`.
    pub fn openssl_flag(self) -> &'static str {
        match self {
            TlsVersion::Tls10 => "-tls1",
            TlsVersion::Tls11 => "-tls1_1",
            TlsVersion::Tls12 => "-tls1_2",
            TlsVersion::Tls13 => "-tls1_3",
        }
    }

    /// GnuTLS's name, as in `- Description: (TLS1.2-X.509)...`: `TLS1.2`.
    pub fn gnutls_name(self) -> &'static str {
        match self {
            TlsVersion::Tls10 => "TLS1.0",
            TlsVersion::Tls11 => "TLS1.1",
            TlsVersion::Tls12 => "TLS1.2",
            TlsVersion::Tls13 => "TLS1.3",
        }
    }
}

/// Settings for an [`OpensslServer`], built with chained calls and started with
/// [`OpensslServerBuilder::start`].
#[derive(Clone, Debug, Default)]
pub struct OpensslServerBuilder {
    cert: Option<CertKey>,
    dcert: Option<CertKey>,
    cipher: Option<String>,
    ciphersuites: Option<String>,
    min_protocol: Option<TlsVersion>,
    max_protocol: Option<TlsVersion>,
    serverpref: bool,
    www: bool,
    extra: Vec<String>,
    program: Option<PathBuf>,
}

impl OpensslServerBuilder {
    /// Run this `openssl` program instead of the one on `PATH` (such as the OpenSSL 3.5
    /// that `scripts/build-openssl35.sh` builds).
    pub fn program(mut self, program: &Path) -> Self {
        self.program = Some(program.to_owned());
        self
    }

    /// Main certificate (`-cert`/`-key`). Without one the server runs with `-nocert`,
    /// which serves anonymous suites only.
    pub fn cert(mut self, cert: &CertKey) -> Self {
        self.cert = Some(cert.clone());
        self
    }

    /// Second certificate (`-dcert`/`-dkey`), such as EC next to RSA.
    pub fn dcert(mut self, cert: &CertKey) -> Self {
        self.dcert = Some(cert.clone());
        self
    }

    /// TLS 1.2-and-older cipher string (`-cipher`, OpenSSL names only). Add `@SECLEVEL=0`
    /// for NULL, anonymous or TLS 1.0/1.1 suites.
    pub fn cipher(mut self, cipher: &str) -> Self {
        self.cipher = Some(cipher.to_owned());
        self
    }

    /// TLS 1.3 suites (`-ciphersuites`, IANA names, `:`-separated; empty disables TLS 1.3 suites).
    pub fn ciphersuites(mut self, suites: &str) -> Self {
        self.ciphersuites = Some(suites.to_owned());
        self
    }

    /// Lowest protocol version accepted (`-min_protocol`).
    pub fn min_protocol(mut self, version: TlsVersion) -> Self {
        self.min_protocol = Some(version);
        self
    }

    /// Highest protocol version accepted (`-max_protocol`).
    pub fn max_protocol(mut self, version: TlsVersion) -> Self {
        self.max_protocol = Some(version);
        self
    }

    /// Use the server's cipher order (`-serverpref`); otherwise the client's order wins.
    pub fn serverpref(mut self, on: bool) -> Self {
        self.serverpref = on;
        self
    }

    /// Answer `GET /` with a status page (`-www`) instead of echoing.
    pub fn www(mut self, on: bool) -> Self {
        self.www = on;
        self
    }

    /// Any other `s_server` argument, appended as is (for example `-psk`, `-psk_identity`).
    pub fn arg(mut self, arg: &str) -> Self {
        self.extra.push(arg.to_owned());
        self
    }

    /// The `s_server` arguments these settings give, after `-accept`.
    fn args(&self) -> Vec<String> {
        let mut args = Vec::new();
        let cert = |args: &mut Vec<String>, (cflag, kflag): (&str, &str), c: &CertKey| {
            args.extend([cflag.to_owned(), c.cert.display().to_string()]);
            args.extend([kflag.to_owned(), c.key.display().to_string()]);
        };
        match &self.cert {
            Some(c) => cert(&mut args, ("-cert", "-key"), c),
            None => args.push("-nocert".to_owned()),
        }
        if let Some(c) = &self.dcert {
            cert(&mut args, ("-dcert", "-dkey"), c);
        }
        let options = [
            ("-cipher", self.cipher.as_deref()),
            ("-ciphersuites", self.ciphersuites.as_deref()),
            (
                "-min_protocol",
                self.min_protocol.map(TlsVersion::openssl_name),
            ),
            (
                "-max_protocol",
                self.max_protocol.map(TlsVersion::openssl_name),
            ),
        ];
        for (flag, value) in options {
            if let Some(value) = value {
                args.push(flag.to_owned());
                args.push(value.to_owned());
            }
        }
        if self.serverpref {
            args.push("-serverpref".to_owned());
        }
        if self.www {
            args.push("-www".to_owned());
        }
        args.extend(self.extra.iter().cloned());
        args
    }

    /// Start `openssl s_server` on `127.0.0.1` and wait (at most [`SERVER_START_TIMEOUT`])
    /// until it listens.
    ///
    /// The server listens on a port the kernel picks (`-accept 127.0.0.1:0`; OpenSSL 3.0
    /// prints `ACCEPT 127.0.0.1:<port>` once it listens), so there is no race for a port.
    ///
    /// # Errors
    /// The server's output if it exits or does not listen in time.
    pub fn start(self) -> Result<OpensslServer, String> {
        let log_dir = TempDir::new("s_server");
        let log_path = log_dir.path().join("s_server.log");
        let log = fs::File::create(&log_path).map_err(|e| format!("{log_path:?}: {e}"))?;
        let log_err = log.try_clone().map_err(|e| e.to_string())?;
        let mut cmd = Command::new("timeout");
        cmd.arg(SERVER_LIFETIME_SECS.to_string())
            .arg(self.program.as_deref().unwrap_or(Path::new("openssl")))
            .args(["s_server", "-accept", "127.0.0.1:0"])
            .args(self.args())
            .env("OPENSSL_CONF", "/dev/null")
            // Without -www, s_server stops a connection when stdin ends; keep it open.
            .stdin(Stdio::piped())
            .stdout(log)
            .stderr(log_err)
            .process_group(0);
        let child = cmd
            .spawn()
            .map_err(|e| format!("cannot start openssl s_server: {e}"))?;
        let mut server = OpensslServer {
            child: Some(child),
            stdin: None,
            port: 0,
            log_path,
            _log_dir: log_dir,
        };
        server.stdin = server.child.as_mut().and_then(|c| c.stdin.take());
        let deadline = Instant::now() + SERVER_START_TIMEOUT;
        loop {
            if let Some(port) = server.log().lines().find_map(parse_accept_line) {
                server.port = port;
                return Ok(server);
            }
            let exited = server
                .child
                .as_mut()
                .is_some_and(|c| !matches!(c.try_wait(), Ok(None)));
            if exited || Instant::now() >= deadline {
                server.stop();
                let why = if exited {
                    "exited"
                } else {
                    "did not listen in time"
                };
                return Err(format!("openssl s_server {why}:\n{}", server.log()));
            }
            thread::sleep(Duration::from_millis(10));
        }
    }
}

/// The port in `s_server`'s `ACCEPT 127.0.0.1:<port>` line.
fn parse_accept_line(line: &str) -> Option<u16> {
    line.strip_prefix("ACCEPT 127.0.0.1:")?.trim().parse().ok()
}

/// A running `openssl s_server` on `127.0.0.1`; stopped (killed and reaped) on `Drop`.
#[derive(Debug)]
pub struct OpensslServer {
    child: Option<Child>,
    stdin: Option<ChildStdin>,
    port: u16,
    log_path: PathBuf,
    _log_dir: TempDir,
}

impl OpensslServer {
    /// Settings for a new server: no certificate (`-nocert`), OpenSSL's default cipher
    /// lists, client preference, echo mode.
    pub fn builder() -> OpensslServerBuilder {
        OpensslServerBuilder::default()
    }

    /// The port it listens on, on `127.0.0.1`.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Everything the server printed so far (stdout and stderr), for failure messages.
    pub fn log(&self) -> String {
        fs::read_to_string(&self.log_path).unwrap_or_default()
    }

    /// Stop the server now: kill its process group and reap it. Safe to call twice.
    pub fn stop(&mut self) {
        self.stdin = None;
        if let Some(mut child) = self.child.take() {
            kill_and_reap(&mut child);
        }
    }
}

impl Drop for OpensslServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Client settings for [`openssl_handshake`], built with chained calls.
#[derive(Clone, Debug, Default)]
pub struct OpensslClient {
    version: Option<TlsVersion>,
    cipher: Option<String>,
    ciphersuites: Option<String>,
    extra: Vec<String>,
}

impl OpensslClient {
    /// OpenSSL's defaults: every version the build allows, default cipher lists.
    pub fn new() -> Self {
        Self::default()
    }

    /// Offer only this protocol version (`-tls1_2` and so on).
    pub fn version(mut self, version: TlsVersion) -> Self {
        self.version = Some(version);
        self
    }

    /// TLS 1.2-and-older cipher string (`-cipher`, OpenSSL names only).
    pub fn cipher(mut self, cipher: &str) -> Self {
        self.cipher = Some(cipher.to_owned());
        self
    }

    /// TLS 1.3 suites (`-ciphersuites`, IANA names).
    pub fn ciphersuites(mut self, suites: &str) -> Self {
        self.ciphersuites = Some(suites.to_owned());
        self
    }

    /// Any other `s_client` argument, appended as is.
    pub fn arg(mut self, arg: &str) -> Self {
        self.extra.push(arg.to_owned());
        self
    }
}

/// Connect `openssl s_client -brief` to `127.0.0.1:port` once.
///
/// Returns the negotiated version and OpenSSL cipher name, such as
/// `("TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256")`, read from the `-brief` lines
/// `Protocol version:` and `Ciphersuite:`.
///
/// # Errors
/// A short failure text: the reason field of OpenSSL's `:error:` line with the alert number
/// when there is one (`sslv3 alert handshake failure (SSL alert number 40)`,
/// `no cipher match`, ...), or the tool's output when there is no such line. The client is
/// killed after [`TOOL_TIMEOUT`].
pub fn openssl_handshake(port: u16, client: &OpensslClient) -> Handshake {
    let connect = format!("127.0.0.1:{port}");
    let mut args = vec!["s_client", "-connect", connect.as_str(), "-brief"];
    if let Some(v) = client.version {
        args.push(v.openssl_flag());
    }
    if let Some(c) = &client.cipher {
        args.extend(["-cipher", c]);
    }
    if let Some(c) = &client.ciphersuites {
        args.extend(["-ciphersuites", c]);
    }
    args.extend(client.extra.iter().map(String::as_str));
    let out = run_with_timeout(&mut openssl_command(&args), TOOL_TIMEOUT)
        .map_err(|e| format!("cannot run openssl s_client: {e}"))?;
    parse_s_client_brief(&out)
}

/// Read an `s_client -brief` run: `Ok((version, cipher))` or `Err(reason)`.
fn parse_s_client_brief(out: &CmdOutput) -> Handshake {
    let text = out.combined();
    let field = |prefix: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(prefix))
            .map(|v| v.trim().to_owned())
    };
    if out.success() {
        if let (Some(version), Some(cipher)) = (field("Protocol version:"), field("Ciphersuite:")) {
            return Ok((version, cipher));
        }
    }
    if out.timed_out {
        return Err(format!("timed out after {TOOL_TIMEOUT:?}\n{out}"));
    }
    // <hex>:error:<code>:SSL routines:<function>:<reason>:<file>:<line>:[SSL alert number N]
    let reason = text.lines().find(|l| l.contains(":error:")).map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        let reason = fields.get(5).copied().unwrap_or(line);
        match fields.last() {
            Some(alert) if alert.contains("alert number") => format!("{reason} ({alert})"),
            _ => reason.to_owned(),
        }
    });
    Err(reason.unwrap_or_else(|| {
        let text = text.trim();
        if text.is_empty() {
            format!("no output, {out}")
        } else {
            text.to_owned()
        }
    }))
}

// ---------------------------------------------------------------------------------------------
// GnuTLS gnutls-serv / gnutls-cli in a private network namespace

/// The script run as `unshare -n bash -c SCRIPT bash DIR LIFETIME SERVER_PRIORITY NCERTS
/// CERT KEY ... CLIENT_PRIORITY...`.
///
/// In the new namespace only `lo` exists and nothing else listens, so a fixed port is free.
/// `timeout --foreground` keeps every helper in the script's process group, so
/// [`run_with_timeout`] can kill all of them at once.
/// It prints, for each client, `@@CLIENT i`, the client's `-d 4` output and `@@EXIT i status`,
/// then `@@SERVER-LOG`, the server's output and `@@DONE`. If the server does not start, it
/// prints `@@SERVER-FAILED` and the server's output instead.
const GNUTLS_SCRIPT: &str = r#"
set -u
dir=$1; lifetime=$2; sprio=$3; ncert=$4; shift 4
certargs=()
i=0
while [ "$i" -lt "$ncert" ]; do
  certargs+=(--x509certfile "$1" --x509keyfile "$2"); shift 2; i=$((i + 1))
done
port=4433
ip link set lo up || { echo '@@SERVER-FAILED cannot bring up lo'; exit 0; }
timeout --foreground "$lifetime" gnutls-serv -q ${GNUTLS_SERV_EXTRA:-} -p "$port" "${certargs[@]}" --priority "$sprio" \
  </dev/null >"$dir/gnutls-serv.log" 2>&1 &
srv=$!
up=0
for _ in $(seq 1 100); do
  if grep -q 'listening on IPv4.*done' "$dir/gnutls-serv.log"; then up=1; break; fi
  kill -0 "$srv" 2>/dev/null || break
  sleep 0.05
done
if [ "$up" -ne 1 ]; then
  echo '@@SERVER-FAILED'; cat "$dir/gnutls-serv.log"
  kill "$srv" 2>/dev/null; wait "$srv" 2>/dev/null; exit 0
fi
n=0
for prio in "$@"; do
  echo "@@CLIENT $n"
  if [ "${GNUTLS_CLIENT:-gnutls}" = openssl ]; then
    # $prio is the s_client arguments, split at spaces.
    OPENSSL_CONF=/dev/null timeout --foreground 10 openssl s_client -connect "127.0.0.1:$port" -brief $prio </dev/null 2>&1
  else
    timeout --foreground 10 gnutls-cli -d 4 --insecure -p "$port" --priority "$prio" 127.0.0.1 </dev/null 2>&1
  fi
  echo "@@EXIT $n $?"
  n=$((n + 1))
done
kill "$srv" 2>/dev/null; wait "$srv" 2>/dev/null
echo '@@SERVER-LOG'; cat "$dir/gnutls-serv.log"
echo '@@DONE'
"#;

/// Run one `gnutls-serv` with `server_priority` and `certs`, and connect `gnutls-cli` to it
/// once per entry of `client_priorities`, all inside one private network namespace
/// (`unshare -n`, loopback only).
///
/// Each client result is `Ok((version, suite))`, such as
/// `("TLS1.2", "GNUTLS_ECDHE_RSA_AES_256_GCM_SHA384")`: the version from the
/// `- Description: (TLS1.2-X.509)-...` line and the suite from the `-d 4` line
/// `Selected cipher suite: ...`. A failed client gives `Err` with gnutls-cli's error lines,
/// such as `*** Received alert [40]: Handshake failed` or `Syntax error at: BOGUS`.
/// The server follows the client's order unless `server_priority` has `%SERVER_PRECEDENCE`.
/// Call [`require_tools`] for `gnutls-serv` and `gnutls-cli`, and [`require_netns`], first.
///
/// # Errors
/// When the namespace or the server cannot be set up (bad server priority string, unusable
/// certificate): the server's output.
pub fn gnutls_handshakes(
    server_priority: &str,
    certs: &[&CertKey],
    client_priorities: &[&str],
) -> Result<Vec<Handshake>, String> {
    let out = run_gnutls_script(server_priority, certs, client_priorities)?;
    parse_gnutls_script(&out, client_priorities.len())
}

/// Like [`gnutls_handshakes`], but each client's whole `gnutls-cli -d 4` output, for
/// what a [`Handshake`] leaves out (the server's certificate, the signature scheme).
///
/// # Errors
/// As [`gnutls_handshakes`].
pub fn gnutls_transcripts(
    server_priority: &str,
    certs: &[&CertKey],
    client_priorities: &[&str],
) -> Result<Vec<String>, String> {
    let out = run_gnutls_script(server_priority, certs, client_priorities)?;
    if out.stdout.contains("@@SERVER-FAILED") || !out.stdout.contains("@@DONE") {
        return Err(format!("gnutls-serv did not run to the end\n{out}"));
    }
    let mut results = Vec::new();
    let mut current: Option<String> = None;
    for line in out.stdout.lines() {
        if line.starts_with("@@CLIENT ") {
            current = Some(String::new());
        } else if line.starts_with("@@EXIT ") {
            results.push(current.take().unwrap_or_default());
        } else if let Some(text) = current.as_mut() {
            text.push_str(line);
            text.push('\n');
        }
    }
    if results.len() != client_priorities.len() {
        return Err(format!(
            "expected {} client results, parsed {}\n{out}",
            client_priorities.len(),
            results.len()
        ));
    }
    Ok(results)
}

/// Run [`GNUTLS_SCRIPT`] in a private network namespace.
fn run_gnutls_script(
    server_priority: &str,
    certs: &[&CertKey],
    client_priorities: &[&str],
) -> Result<CmdOutput, String> {
    let dir = TempDir::new("gnutls");
    let mut cmd = Command::new("unshare");
    cmd.args(["-n", "bash", "-c", GNUTLS_SCRIPT, "bash"])
        .arg(dir.path())
        .arg(SERVER_LIFETIME_SECS.to_string())
        .arg(server_priority)
        .arg(certs.len().to_string());
    for c in certs {
        cmd.arg(&c.cert).arg(&c.key);
    }
    cmd.args(client_priorities);
    // Server start (at most 5 s) plus at most 10 s per client, plus slack.
    let clients = u32::try_from(client_priorities.len()).unwrap_or(u32::MAX);
    let limit = SERVER_START_TIMEOUT + TOOL_TIMEOUT.saturating_mul(clients) + TOOL_TIMEOUT;
    run_with_timeout(&mut cmd, limit).map_err(|e| format!("cannot run unshare: {e}"))
}

/// Split the script's output into one result per client.
fn parse_gnutls_script(out: &CmdOutput, clients: usize) -> Result<Vec<Handshake>, String> {
    if out.stdout.contains("@@SERVER-FAILED") || !out.stdout.contains("@@DONE") {
        return Err(format!("gnutls-serv did not run to the end\n{out}"));
    }
    // gnutls-serv checks its priority string only when a client connects, then exits.
    let (clients_part, server_log) = out.stdout.split_once("@@SERVER-LOG\n").unwrap_or_default();
    if server_log.contains("Syntax error") {
        return Err(format!("gnutls-serv failed: {}", server_log.trim()));
    }
    let mut results = Vec::with_capacity(clients);
    let mut current: Option<Vec<&str>> = None;
    for line in clients_part.lines() {
        if line.starts_with("@@CLIENT ") {
            current = Some(Vec::new());
        } else if let Some(status) = line.strip_prefix("@@EXIT ") {
            let lines = current.take().unwrap_or_default();
            results.push(parse_gnutls_cli(&lines, status));
        } else if let Some(lines) = current.as_mut() {
            lines.push(line);
        }
    }
    if results.len() != clients {
        return Err(format!(
            "expected {clients} client results, parsed {}\n{out}",
            results.len()
        ));
    }
    Ok(results)
}

/// Read one `gnutls-cli -d 4` run. `status` is the script's `<index> <exit status>`.
fn parse_gnutls_cli(lines: &[&str], status: &str) -> Handshake {
    let description = lines
        .iter()
        .find_map(|l| l.strip_prefix("- Description: ("));
    let suite = lines.iter().rev().find_map(|l| {
        l.split_once("Selected cipher suite: ")
            .map(|(_, s)| s.trim())
    });
    if let (Some(description), Some(suite)) = (description, suite) {
        let version = description.split(['-', ')']).next().unwrap_or_default();
        return Ok((version.to_owned(), suite.to_owned()));
    }
    let errors: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| {
            (l.starts_with("*** ") && !l.starts_with("*** PKI verification"))
                || l.starts_with("Syntax error")
                || l.starts_with("Error ")
        })
        .collect();
    if errors.is_empty() {
        Err(format!(
            "no handshake (exit {status}):\n{}",
            lines.join("\n")
        ))
    } else {
        Err(errors.join("; "))
    }
}

/// One GnuTLS handshake as `gnutls-cli -d 4` reports it: the version and the
/// `GNUTLS_` suite name, and from the `- Description:` line the group
/// (`SECP256R1`, `FFDHE2048`; `None` for RSA key exchange) and the signature
/// algorithm (`RSA-PSS-RSAE-SHA256`; `None` when the server signed nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GnutlsSession {
    /// `TLS1.2`.
    pub version: String,
    /// `GNUTLS_ECDHE_RSA_AES_256_GCM_SHA384`.
    pub suite: String,
    /// The GnuTLS group name.
    pub group: Option<String>,
    /// The GnuTLS signature-algorithm name.
    pub sign: Option<String>,
}

/// [`gnutls_handshakes`], with each success read in full ([`GnutlsSession`]).
///
/// # Errors
/// Like [`gnutls_handshakes`].
pub fn gnutls_sessions(
    server_priority: &str,
    certs: &[&CertKey],
    client_priorities: &[&str],
) -> Result<Vec<Result<GnutlsSession, String>>, String> {
    let dir = TempDir::new("gnutls");
    let mut cmd = Command::new("unshare");
    cmd.args(["-n", "bash", "-c", GNUTLS_SCRIPT, "bash"])
        .arg(dir.path())
        .arg(SERVER_LIFETIME_SECS.to_string())
        .arg(server_priority)
        .arg(certs.len().to_string());
    for c in certs {
        cmd.arg(&c.cert).arg(&c.key);
    }
    cmd.args(client_priorities);
    // No CertificateRequest (gnutls-serv sends one by default): client
    // authentication is not part of what cipherdex predicts.
    cmd.env("GNUTLS_SERV_EXTRA", "--disable-client-cert");
    let clients = u32::try_from(client_priorities.len()).unwrap_or(u32::MAX);
    let limit = SERVER_START_TIMEOUT + TOOL_TIMEOUT.saturating_mul(clients) + TOOL_TIMEOUT;
    let out = run_with_timeout(&mut cmd, limit).map_err(|e| format!("cannot run unshare: {e}"))?;
    let results = parse_gnutls_script(&out, client_priorities.len())?;
    // The same output again, client by client, for the description lines.
    let (clients_part, _) = out.stdout.split_once("@@SERVER-LOG\n").unwrap_or_default();
    let descriptions: Vec<Option<&str>> = clients_part
        .split("@@CLIENT ")
        .skip(1)
        .map(|c| c.lines().find_map(|l| l.strip_prefix("- Description: ")))
        .collect();
    Ok(results
        .into_iter()
        .zip(descriptions)
        .map(|(r, d)| session_of(r?, d))
        .collect())
}

/// A [`GnutlsSession`] from a handshake's version and suite and its
/// `- Description:` line.
fn session_of(
    (version, suite): (String, String),
    description: Option<&str>,
) -> Result<GnutlsSession, String> {
    let d = description.ok_or_else(|| format!("no description line for {suite}"))?;
    // (TLS1.2-X.509)-(ECDHE-SECP256R1)-(RSA-SHA256)-(AES-256-GCM)[-(SHA1)]
    let parts: Vec<&str> = d
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .split(")-(")
        .collect();
    let group = parts.iter().find_map(|p| {
        p.strip_prefix("ECDHE-")
            .or_else(|| p.strip_prefix("DHE-"))
            // DHE-2048 or CUSTOM2048: the server's own parameters, no named group.
            .filter(|g| !g.chars().all(|c| c.is_ascii_digit()) && !g.starts_with("CUSTOM"))
            .map(str::to_owned)
    });
    // The signature sits between the key exchange and the cipher.
    let sign = (parts.len() >= 4)
        .then(|| parts[2])
        .filter(|s| s.contains("SHA") || s.starts_with("EdDSA"))
        .map(str::to_owned);
    Ok(GnutlsSession {
        version,
        suite,
        group,
        sign,
    })
}

/// Connect `gnutls-cli -d 4` with `priority` to a server on `127.0.0.1:port`
/// (an `openssl s_server`: a GnuTLS client needs no namespace) once.
pub fn gnutls_cli_session(port: u16, priority: &str) -> Result<GnutlsSession, String> {
    let mut cmd = Command::new("gnutls-cli");
    cmd.args([
        "-d",
        "4",
        "--insecure",
        "-p",
        &port.to_string(),
        "--priority",
        priority,
    ])
    .arg("127.0.0.1");
    let out = run_with_timeout(&mut cmd, TOOL_TIMEOUT)
        .map_err(|e| format!("cannot run gnutls-cli: {e}"))?;
    let text = out.combined();
    let lines: Vec<&str> = text.lines().collect();
    let status = format!("0 {:?}", out.status);
    let r = parse_gnutls_cli(&lines, &status)?;
    let d = lines.iter().find_map(|l| l.strip_prefix("- Description: "));
    session_of(r, d)
}

/// Run one `gnutls-serv` with `server_priority` and `certs` in a private
/// network namespace, and connect OpenSSL 3.0's `s_client -brief` to it once
/// per entry of `clients` (each the `s_client` arguments, separated by
/// spaces). Returns each client's output (stdout and stderr).
///
/// # Errors
/// Like [`gnutls_handshakes`].
pub fn gnutls_serv_openssl_clients(
    server_priority: &str,
    certs: &[&CertKey],
    clients: &[&str],
) -> Result<Vec<String>, String> {
    let dir = TempDir::new("gnutls-openssl");
    let mut cmd = Command::new("unshare");
    cmd.args(["-n", "bash", "-c", GNUTLS_SCRIPT, "bash"])
        .arg(dir.path())
        .arg(SERVER_LIFETIME_SECS.to_string())
        .arg(server_priority)
        .arg(certs.len().to_string());
    for c in certs {
        cmd.arg(&c.cert).arg(&c.key);
    }
    cmd.args(clients);
    cmd.env("GNUTLS_SERV_EXTRA", "--disable-client-cert")
        .env("GNUTLS_CLIENT", "openssl");
    let n = u32::try_from(clients.len()).unwrap_or(u32::MAX);
    let limit = SERVER_START_TIMEOUT + TOOL_TIMEOUT.saturating_mul(n) + TOOL_TIMEOUT;
    let out = run_with_timeout(&mut cmd, limit).map_err(|e| format!("cannot run unshare: {e}"))?;
    if out.stdout.contains("@@SERVER-FAILED") || !out.stdout.contains("@@DONE") {
        return Err(format!("gnutls-serv did not run to the end\n{out}"));
    }
    let (clients_part, _) = out.stdout.split_once("@@SERVER-LOG\n").unwrap_or_default();
    let texts: Vec<String> = clients_part
        .split("@@CLIENT ")
        .skip(1)
        .map(str::to_owned)
        .collect();
    if texts.len() != clients.len() {
        return Err(format!("expected {} client outputs\n{out}", clients.len()));
    }
    Ok(texts)
}
