//! Live: real sslscan, nmap and `openssl s_client -msg` against a local
//! `openssl s_server` on 127.0.0.1 offering a random cipher list; cipherdex
//! must read back exactly that list. The expected codes come from
//! `openssl ciphers -V` for the same string, not from cipherdex.
//!
//! A missing tool skips loudly; under `CI=true` it fails. Every process runs
//! under a time bound and is stopped (the server on `Drop`).

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use cipherdex::hello;
use cipherdex::input::{self, Format, Preference};
use cipherdex::Protocol;
use common::{
    openssl_command, require_tools, run_with_timeout, self_signed, KeyKind, OpensslServer, TempDir,
    TlsVersion,
};

/// TLS 1.2 suites an OpenSSL 3.0 s_server with an RSA certificate can negotiate
/// at the default security level.
const POOL: &[&str] = &[
    "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-RSA-CHACHA20-POLY1305",
    "DHE-RSA-AES128-GCM-SHA256",
    "DHE-RSA-AES256-GCM-SHA384",
    "DHE-RSA-CHACHA20-POLY1305",
    "ECDHE-RSA-AES128-SHA256",
    "ECDHE-RSA-AES256-SHA384",
    "ECDHE-RSA-AES128-SHA",
    "ECDHE-RSA-AES256-SHA",
    "DHE-RSA-AES128-SHA256",
    "DHE-RSA-AES256-SHA256",
    "AES128-GCM-SHA256",
    "AES256-GCM-SHA384",
    "AES128-SHA256",
    "AES256-SHA",
    "CAMELLIA128-SHA",
    "DHE-RSA-CAMELLIA256-SHA256",
    "ECDHE-ARIA128-GCM-SHA256",
    "DHE-RSA-AES256-CCM8",
    "AES128-CCM",
];

/// A small xorshift generator; the seed is printed so a failure can be replayed
/// with `CIPHERDEX_SEED`.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = std::env::var("CIPHERDEX_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
                    | 1
            });
        eprintln!("scan_live: CIPHERDEX_SEED={seed}");
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// A random cipher string of 4 to 8 suites from [`POOL`], in random order.
fn random_list(rng: &mut Rng) -> String {
    let mut pool: Vec<&str> = POOL.to_vec();
    let n = 4 + (rng.next() % 5) as usize;
    let mut out = Vec::new();
    for _ in 0..n {
        let i = (rng.next() % pool.len() as u64) as usize;
        out.push(pool.remove(i));
    }
    out.join(":")
}

/// The codes `openssl ciphers -V` gives for `list` (TLS 1.3 suites left out), in order.
fn openssl_codes(list: &str) -> Vec<u32> {
    let out = run_with_timeout(
        &mut openssl_command(["ciphers", "-V", "-ciphersuites", "", list]),
        Duration::from_secs(10),
    )
    .expect("openssl ciphers");
    assert!(
        out.success(),
        "openssl ciphers -V {list}: {}",
        out.combined()
    );
    out.stdout
        .lines()
        .map(|l| {
            // "          0xC0,0x2F - ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 Kx=ECDH ..."
            let code = l.split_whitespace().next().expect("code column");
            let (hi, lo) = code.split_once(',').expect("0xHH,0xHH");
            let byte = |s: &str| u32::from_str_radix(s.trim_start_matches("0x"), 16).unwrap();
            (byte(hi) << 8) | byte(lo)
        })
        .collect()
}

fn server(dir: &TempDir, list: &str) -> OpensslServer {
    let cert = self_signed(dir.path(), KeyKind::Rsa);
    OpensslServer::builder()
        .cert(&cert)
        .cipher(list)
        .ciphersuites("")
        .min_protocol(TlsVersion::Tls12)
        .max_protocol(TlsVersion::Tls12)
        .serverpref(true)
        .www(true)
        .start()
        .expect("s_server")
}

fn codes_in(r: &input::Report, p: Protocol) -> Vec<u32> {
    r.entries
        .iter()
        .filter(|e| e.protocol == Some(p))
        .map(|e| e.suite.code().expect("a code"))
        .collect()
}

#[test]
fn sslscan_and_nmap_read_back_a_random_server_list() {
    if !require_tools(&["openssl", "sslscan", "nmap", "timeout"]) {
        return;
    }
    let mut rng = Rng::new();
    let list = random_list(&mut rng);
    let want = openssl_codes(&list);
    eprintln!("scan_live: server list {list} = {want:04X?}");
    let dir = TempDir::new("scan-live");
    let mut srv = server(&dir, &list);
    let port = srv.port().to_string();
    let target = format!("127.0.0.1:{port}");

    // sslscan: text and XML of one run.
    let xml = dir.path().join("sslscan.xml");
    let out = run_with_timeout(
        std::process::Command::new("sslscan")
            .args([
                "--no-colour",
                "--show-cipher-ids",
                "--no-groups",
                "--no-heartbleed",
            ])
            .args(["--no-renegotiation", "--no-compression", "--no-fallback"])
            .arg(format!("--xml={}", xml.display()))
            .arg(&target),
        Duration::from_secs(60),
    )
    .expect("sslscan runs");
    assert!(
        out.success() && !out.timed_out,
        "sslscan: {}",
        out.combined()
    );
    let text = input::report(input::detect(&out.stdout), &out.stdout).expect("sslscan text");
    assert_eq!(text.source, Format::SslscanText);
    assert_eq!(codes_in(&text, Protocol::Tls12), want, "sslscan text");
    assert_eq!(text.entries.len(), want.len(), "only TLS 1.2 is enabled");
    assert!(text.entries[0].preferred);
    let xml_text = std::fs::read_to_string(&xml).expect("sslscan XML written");
    let x = input::report(input::detect(&xml_text), &xml_text).expect("sslscan XML");
    assert_eq!(x.source, Format::SslscanXml);
    assert_eq!(codes_in(&x, Protocol::Tls12), want, "sslscan XML");

    // sslscan as most people run it: colours on, no id column (names only).
    let out = run_with_timeout(
        std::process::Command::new("sslscan")
            .args(["--no-groups", "--no-heartbleed", "--no-renegotiation"])
            .args(["--no-compression", "--no-fallback"])
            .arg(&target),
        Duration::from_secs(60),
    )
    .expect("sslscan runs");
    assert!(
        out.success() && !out.timed_out,
        "sslscan: {}",
        out.combined()
    );
    assert!(!out.stdout.contains(" 0xC0"), "no id column expected");
    let plain =
        input::report(input::detect(&out.stdout), &out.stdout).expect("sslscan text without ids");
    assert_eq!(plain.source, Format::SslscanText);
    assert_eq!(
        codes_in(&plain, Protocol::Tls12),
        want,
        "sslscan text without ids"
    );

    // nmap: normal and XML output of one run.
    let nmap_x = dir.path().join("nmap.xml");
    let nmap_n = dir.path().join("nmap.nmap");
    let out = run_with_timeout(
        std::process::Command::new("nmap")
            .args(["-Pn", "-n", "--script", "ssl-enum-ciphers", "-p", &port])
            .arg("-oX")
            .arg(&nmap_x)
            .arg("-oN")
            .arg(&nmap_n)
            .arg("127.0.0.1"),
        Duration::from_secs(90),
    )
    .expect("nmap runs");
    assert!(out.success() && !out.timed_out, "nmap: {}", out.combined());
    for (path, format) in [(&nmap_x, Format::NmapXml), (&nmap_n, Format::NmapText)] {
        let text = std::fs::read_to_string(path).expect("nmap output written");
        let r =
            input::report(input::detect(&text), &text).unwrap_or_else(|e| panic!("{format}: {e}"));
        assert_eq!(r.source, format);
        // Server preference: nmap lists the server's order.
        assert_eq!(codes_in(&r, Protocol::Tls12), want, "{format}");
        assert_eq!(r.entries.len(), want.len(), "{format}");
        assert_eq!(
            r.preference(Protocol::Tls12),
            Some(Preference::Server),
            "{format}"
        );
    }
    srv.stop();
}

#[test]
fn s_client_msg_clienthello_reads_back_the_client_list() {
    if !require_tools(&["openssl", "timeout"]) {
        return;
    }
    let mut rng = Rng::new();
    let list = random_list(&mut rng);
    let mut want = openssl_codes(&list);
    want.push(0x00FF); // OpenSSL appends TLS_EMPTY_RENEGOTIATION_INFO_SCSV
    let dir = TempDir::new("scan-live-msg");
    let mut srv = server(&dir, POOL.join(":").as_str());
    let out = run_with_timeout(
        &mut openssl_command([
            "s_client",
            "-msg",
            "-connect",
            &format!("127.0.0.1:{}", srv.port()),
            "-servername",
            "printer.example",
            "-tls1_2",
            "-cipher",
            &list,
        ]),
        Duration::from_secs(10),
    )
    .expect("s_client runs");
    let r = input::report(input::detect(&out.stdout), &out.stdout)
        .unwrap_or_else(|e| panic!("{e}\n{}", out.stdout));
    assert_eq!(r.source, Format::ClientHello);
    let got: Vec<u32> = r.entries.iter().map(|e| e.suite.code().unwrap()).collect();
    assert_eq!(got, want, "client list {list}");
    let h = r.client_hello.unwrap();
    assert_eq!(h.server_name.as_deref(), Some("printer.example"));
    assert_eq!(h.legacy_version, 0x0303);
    srv.stop();
}

#[test]
fn openssl_accepts_the_field_report_clienthello() {
    // The constructed field-report hello, sent raw: OpenSSL must answer with a
    // ServerHello choosing DHE-RSA-AES128-SHA256 (0x0067).
    if !require_tools(&["openssl", "timeout"]) {
        return;
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/scan/field-report_clienthello_hexstream.txt"
    );
    let hello = hello::decode_hex(&std::fs::read_to_string(path).unwrap())
        .unwrap()
        .bytes;
    let dir = TempDir::new("scan-live-field");
    let mut srv = server(&dir, "DHE-RSA-AES128-SHA256");
    let mut sock = TcpStream::connect(("127.0.0.1", srv.port())).expect("connect");
    sock.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    sock.write_all(&hello).unwrap();
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    // Read until the ServerHello record is complete (bounded by the timeout and size).
    while buf.len() < 5 || buf.len() < 5 + usize::from(u16::from_be_bytes([buf[3], buf[4]])) {
        let n = sock.read(&mut chunk).expect("server answers");
        assert!(n > 0, "server closed without a ServerHello: {buf:02x?}");
        buf.extend_from_slice(&chunk[..n]);
        assert!(buf.len() < 1 << 16);
    }
    assert_eq!(&buf[..3], &[0x16, 0x03, 0x03], "a TLS 1.2 handshake record");
    assert_eq!(buf[5], 0x02, "ServerHello");
    // type(1) len(3) version(2) random(32) session_id(1+n) cipher_suite(2)
    let sid = usize::from(buf[5 + 4 + 2 + 32]);
    let at = 5 + 4 + 2 + 32 + 1 + sid;
    assert_eq!(u16::from_be_bytes([buf[at], buf[at + 1]]), 0x0067);
    srv.stop();
}
