//! The group and signature-scheme names checked against the real tools:
//! every OpenSSL name the data says OpenSSL 3.0 accepts is given to
//! `openssl s_client -groups NAME` (or `-sigalgs NAME`), every GnuTLS name
//! to `gnutls-cli --priority NORMAL:-GROUP-ALL:+GROUP-NAME` (or `SIGN-`),
//! and the code the tool puts in its ClientHello must be the code in our
//! tables. The ClientHello is caught by a listener on 127.0.0.1 that reads
//! one record per connection and closes it; the extensions are read here by
//! a parser of our own, so the library's decoder is not what is tested.

mod common;

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use cipherdex::{Group, Protocol, Scheme, SignatureScheme};
use common::{openssl_command, require_tool, run_with_timeout, TOOL_TIMEOUT};

/// A listener on 127.0.0.1 that hands over the first TLS record of each
/// connection. Its thread ends when the channel's receiver is dropped.
struct Catcher {
    port: u16,
    hellos: mpsc::Receiver<Vec<u8>>,
}

impl Catcher {
    fn start() -> Catcher {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("address").port();
        let (tx, hellos) = mpsc::channel();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                if tx.send(first_record(stream)).is_err() {
                    break;
                }
            }
        });
        Catcher { port, hellos }
    }

    /// The record the tool sent, or empty if none came in time.
    fn next(&self) -> Vec<u8> {
        self.hellos
            .recv_timeout(Duration::from_secs(5))
            .unwrap_or_default()
    }
}

impl Drop for Catcher {
    fn drop(&mut self) {
        // Wake the accept loop so that its send fails and the thread ends.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// The first TLS record on `stream` (header and body), at most 64 KiB.
fn first_record(mut stream: TcpStream) -> Vec<u8> {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(3)));
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let want = buf
            .get(3..5)
            .map(|l| 5 + usize::from(u16::from_be_bytes([l[0], l[1]])));
        if want.is_some_and(|w| buf.len() >= w) || buf.len() > 65_536 {
            return buf;
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return buf,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}

/// The u16 list of extension `kind` of the ClientHello in `record`.
fn extension_list(record: &[u8], kind: u16) -> Option<Vec<u16>> {
    let at = |p: usize| record.get(p).copied().map(usize::from);
    let u16_at = |p: usize| Some(at(p)? << 8 | at(p + 1)?);
    // Record header 5, handshake header 4, version 2, random 32.
    let mut p = 5 + 4 + 2 + 32;
    p += 1 + at(p)?; // session id
    p += 2 + u16_at(p)?; // cipher suites
    p += 1 + at(p)?; // compression methods
    let end = p + 2 + u16_at(p)?;
    p += 2;
    while p + 4 <= end {
        let (t, len) = (u16_at(p)?, u16_at(p + 2)?);
        if t == usize::from(kind) {
            let n = u16_at(p + 4)?;
            return (0..n / 2)
                .map(|i| u16_at(p + 6 + 2 * i).map(|v| v as u16))
                .collect();
        }
        p += 4 + len;
    }
    None
}

const SUPPORTED_GROUPS: u16 = 10;
const SIGNATURE_ALGORITHMS: u16 = 13;

/// Names of `scheme` in the data that the release checked live has
/// (`since` empty), with their code and TLS versions.
fn names<'a>(
    all: impl Iterator<Item = (u16, &'static [cipherdex::Alias], cipherdex::Protocols)> + 'a,
    scheme: Scheme,
) -> Vec<(&'static str, u16, cipherdex::Protocols)> {
    all.flat_map(|(code, aliases, p)| {
        aliases
            .iter()
            .filter(move |a| a.scheme() == scheme && a.since().is_none())
            .map(move |a| (a.name(), code, p))
    })
    .collect()
}

fn group_names(scheme: Scheme) -> Vec<(&'static str, u16, cipherdex::Protocols)> {
    names(
        Group::all()
            .iter()
            .map(|g| (g.code(), g.aliases(), g.protocols())),
        scheme,
    )
}

fn sigalg_names(scheme: Scheme) -> Vec<(&'static str, u16, cipherdex::Protocols)> {
    names(
        SignatureScheme::all()
            .iter()
            .map(|s| (s.code(), s.aliases(), s.protocols())),
        scheme,
    )
}

/// What `openssl s_client` offers for one `-groups` or `-sigalgs` value.
fn openssl_offers(
    catcher: &Catcher,
    flag: &str,
    name: &str,
    tls13: bool,
    kind: u16,
) -> Option<Vec<u16>> {
    let port = catcher.port.to_string();
    let mut args = vec![
        "s_client",
        "-connect",
        "",
        flag,
        name,
        "-cipher",
        "ALL:@SECLEVEL=0",
    ];
    let addr = format!("127.0.0.1:{port}");
    args[2] = &addr;
    if !tls13 {
        args.push("-tls1_2");
    }
    let out = run_with_timeout(&mut openssl_command(&args), TOOL_TIMEOUT).expect("run openssl");
    if out.combined().contains("Call to SSL_CONF_cmd") {
        return None; // the name was refused
    }
    extension_list(&catcher.next(), kind)
}

#[test]
fn openssl_names_give_our_codes() {
    if !require_tool("openssl") {
        return;
    }
    let catcher = Catcher::start();
    let mut wrong = Vec::new();
    let groups = group_names(Scheme::OpenSsl);
    let sigalgs = sigalg_names(Scheme::OpenSsl);
    assert!(groups.len() > 40 && sigalgs.len() > 30);
    for (list, flag, kind) in [
        (&groups, "-groups", SUPPORTED_GROUPS),
        (&sigalgs, "-sigalgs", SIGNATURE_ALGORITHMS),
    ] {
        for (name, code, protocols) in list {
            // GOST needs an engine this OpenSSL lacks; the data marks those names.
            if name.starts_with("GC") || name.starts_with("gost") {
                continue;
            }
            let tls13 = protocols.contains(Protocol::Tls13);
            let got = openssl_offers(&catcher, flag, name, tls13, kind);
            if got.as_deref() != Some(&[*code][..]) {
                wrong.push(format!(
                    "openssl {flag} {name}: sent {got:04X?}, we say 0x{code:04X}"
                ));
            }
        }
    }
    // And what OpenSSL 3.0 refuses, our data must date later (`since`).
    for (flag, name) in [
        ("-groups", "X25519MLKEM768"),
        ("-groups", "brainpoolP256r1tls13"),
        ("-sigalgs", "mldsa65"),
        ("-sigalgs", "ecdsa_sha1"),
    ] {
        let known = if flag == "-groups" {
            Group::from_name(name).map(|g| {
                g.names_in(Scheme::OpenSsl)
                    .any(|a| a.name() == name && a.since().is_some())
            })
        } else {
            SignatureScheme::from_name(name).map(|s| {
                s.names_in(Scheme::OpenSsl)
                    .any(|a| a.name() == name && a.since().is_some())
            })
        };
        assert_eq!(known, Some(true), "{name} should carry a later `since`");
        let got = openssl_offers(&catcher, flag, name, true, SUPPORTED_GROUPS);
        assert_eq!(got, None, "OpenSSL 3.0 accepted {name}: drop its `since`");
    }
    assert!(
        wrong.is_empty(),
        "{} mismatches:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn gnutls_names_give_our_codes() {
    if !require_tool("gnutls-cli") {
        return;
    }
    let catcher = Catcher::start();
    let mut wrong = Vec::new();
    let run = |priority: String| {
        let mut cmd = std::process::Command::new("gnutls-cli");
        cmd.args([
            "--insecure",
            "--port",
            &catcher.port.to_string(),
            "--priority",
            &priority,
            "127.0.0.1",
        ]);
        let _ = run_with_timeout(&mut cmd, TOOL_TIMEOUT).expect("run gnutls-cli");
    };
    for (name, code, _) in group_names(Scheme::GnuTls) {
        let Some(bare) = name.strip_prefix("GROUP-") else {
            continue;
        };
        run(format!("NORMAL:-GROUP-ALL:+GROUP-{bare}"));
        let got = extension_list(&catcher.next(), SUPPORTED_GROUPS);
        if got.as_deref() != Some(&[code][..]) {
            wrong.push(format!(
                "gnutls GROUP-{bare}: sent {got:04X?}, we say 0x{code:04X}"
            ));
        }
    }
    for (name, code, _) in sigalg_names(Scheme::GnuTls) {
        let Some(bare) = name.strip_prefix("SIGN-") else {
            continue;
        };
        run(format!(
            "NORMAL:-SIGN-ALL:+SIGN-{bare}:%VERIFY_ALLOW_SIGN_WITH_SHA1"
        ));
        let got = extension_list(&catcher.next(), SIGNATURE_ALGORITHMS);
        if got.as_deref() != Some(&[code][..]) {
            wrong.push(format!(
                "gnutls SIGN-{bare}: sent {got:04X?}, we say 0x{code:04X}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} mismatches:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The `key_share` groups of the ClientHello in `record`.
fn key_share_groups(record: &[u8]) -> Option<Vec<u16>> {
    let at = |p: usize| record.get(p).copied().map(usize::from);
    let u16_at = |p: usize| Some(at(p)? << 8 | at(p + 1)?);
    let mut p = 5 + 4 + 2 + 32;
    p += 1 + at(p)?;
    p += 2 + u16_at(p)?;
    p += 1 + at(p)?;
    let end = p + 2 + u16_at(p)?;
    p += 2;
    while p + 4 <= end {
        let (t, len) = (u16_at(p)?, u16_at(p + 2)?);
        if t == 51 {
            let stop = p + 6 + u16_at(p + 4)?;
            let mut q = p + 6;
            let mut out = Vec::new();
            while q + 4 <= stop {
                out.push(u16_at(q)? as u16);
                q += 4 + u16_at(q + 2)?;
            }
            return Some(out);
        }
        p += 4 + len;
    }
    None
}

/// The recorded defaults of a row against what the real client sends.
fn compare_defaults(row: &cipherdex::defaults::PeerDefaults, record: &[u8]) -> Vec<String> {
    let mut wrong = Vec::new();
    let codes = |it: &mut dyn Iterator<Item = u16>| it.collect::<Vec<u16>>();
    let want_groups = codes(&mut row.groups().map(|g| g.code()));
    let want_shares = codes(&mut row.key_shares().map(|g| g.code()));
    let got_groups = extension_list(record, SUPPORTED_GROUPS);
    if got_groups.as_deref() != Some(&want_groups[..]) {
        wrong.push(format!(
            "groups: sent {got_groups:04X?}, data {want_groups:04X?}"
        ));
    }
    let got_shares = key_share_groups(record);
    if got_shares.as_deref() != Some(&want_shares[..]) {
        wrong.push(format!(
            "key shares: sent {got_shares:04X?}, data {want_shares:04X?}"
        ));
    }
    if let Some(s) = row.sigalgs() {
        let want = codes(&mut s.map(|s| s.code()));
        let got = extension_list(record, SIGNATURE_ALGORITHMS);
        if got.as_deref() != Some(&want[..]) {
            wrong.push(format!("sigalgs: sent {got:04X?}, data {want:04X?}"));
        }
    }
    wrong
}

#[test]
fn recorded_defaults_are_what_the_clients_send() {
    let (openssl, gnutls) = (require_tool("openssl"), require_tool("gnutls-cli"));
    let catcher = Catcher::start();
    let addr = format!("127.0.0.1:{}", catcher.port);
    let mut wrong = Vec::new();
    if openssl {
        let row = cipherdex::defaults::find("openssl", "3.0", None).expect("openssl 3.0 row");
        assert!(row.is_live());
        let out = run_with_timeout(
            &mut openssl_command(["s_client", "-connect", &addr]),
            TOOL_TIMEOUT,
        );
        assert!(out.is_ok());
        let version = run_with_timeout(&mut openssl_command(["version"]), TOOL_TIMEOUT)
            .expect("openssl version");
        let hello = catcher.next();
        if version.stdout.starts_with("OpenSSL 3.0.") {
            wrong.extend(
                compare_defaults(row, &hello)
                    .into_iter()
                    .map(|w| format!("openssl 3.0 {w}")),
            );
        } else {
            eprintln!(
                "NOTE: {} is not 3.0; its defaults are not compared",
                version.stdout.trim()
            );
        }
    }
    if gnutls {
        let row = cipherdex::defaults::find("gnutls", "3.7", Some("NORMAL")).expect("gnutls row");
        let mut cmd = std::process::Command::new("gnutls-cli");
        cmd.args([
            "--insecure",
            "--port",
            &catcher.port.to_string(),
            "--priority",
            "NORMAL",
            "127.0.0.1",
        ]);
        let _ = run_with_timeout(&mut cmd, TOOL_TIMEOUT).expect("run gnutls-cli");
        let hello = catcher.next();
        let version = run_with_timeout(
            std::process::Command::new("gnutls-cli").arg("--version"),
            TOOL_TIMEOUT,
        )
        .expect("gnutls-cli --version");
        if version.stdout.contains("3.7.") {
            wrong.extend(
                compare_defaults(row, &hello)
                    .into_iter()
                    .map(|w| format!("gnutls NORMAL {w}")),
            );
        } else {
            eprintln!("NOTE: gnutls-cli is not 3.7; its defaults are not compared");
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
