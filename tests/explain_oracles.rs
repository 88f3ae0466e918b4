//! `explain` against real stacks: make OpenSSL, GnuTLS, Python, Node, curl,
//! wget and Java fail for a known reason on 127.0.0.1, give their output to
//! `cipherdex::explain::explain`, and check that the known reason is among
//! the first three causes of a finding.
//!
//! Reasons: no shared suite, no common version, no shared group, a key too
//! small for the client's security level, an untrusted, an expired
//! certificate (made with `openssl x509 -days -1`), a name mismatch, and TLS
//! spoken to a plain HTTP port (a tiny server in a thread). Every case runs
//! in its own thread; servers are stopped when the test ends.
//!
//! Each tool is required like the other oracle tests: missing, it is skipped
//! loudly, and under `CI=true` that is a failure (`.ci/run` installs them).

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use cipherdex::cause::Cause;
use common::{openssl_command, require_tool, run_with_timeout, OpensslServer, TempDir};

const CLIENT_TIMEOUT: Duration = Duration::from_secs(30);

/// Certificates for the servers: `name.crt` and `name.key` in `dir`.
fn make_cert(dir: &Path, name: &str, key: &str, days: &str) -> (PathBuf, PathBuf) {
    let crt = dir.join(format!("{name}.crt"));
    let k = dir.join(format!("{name}.key"));
    let tmp = dir.join(format!("{name}.tmp.crt"));
    let s = |p: &Path| p.display().to_string();
    let out = run_with_timeout(
        &mut openssl_command([
            "req",
            "-x509",
            "-newkey",
            key,
            "-nodes",
            "-keyout",
            &s(&k),
            "-out",
            &s(&tmp),
            "-subj",
            "/CN=localhost",
            "-days",
            "30",
        ]),
        CLIENT_TIMEOUT,
    )
    .expect("openssl runs");
    assert!(out.success(), "openssl req: {out:?}");
    // Re-sign with the validity asked for (`-days -1`: expired yesterday).
    let out = run_with_timeout(
        &mut openssl_command([
            "x509",
            "-in",
            &s(&tmp),
            "-signkey",
            &s(&k),
            "-days",
            days,
            "-out",
            &s(&crt),
        ]),
        CLIENT_TIMEOUT,
    )
    .expect("openssl runs");
    assert!(out.success(), "openssl x509: {out:?}");
    (crt, k)
}

fn server(cert: &(PathBuf, PathBuf), args: &[&str]) -> OpensslServer {
    let mut b = OpensslServer::builder().cert(&common::CertKey {
        kind: common::KeyKind::Rsa,
        cert: cert.0.clone(),
        key: cert.1.clone(),
    });
    for a in args {
        b = b.arg(a);
    }
    b.start().unwrap_or_else(|e| panic!("s_server: {e}"))
}

/// A plain HTTP server that answers 400 to whatever arrives, until stopped.
struct PlainHttp {
    port: u16,
    stop: Arc<AtomicBool>,
    handle: Option<thread::JoinHandle<()>>,
}

impl PlainHttp {
    fn start() -> PlainHttp {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("local addr").port();
        listener.set_nonblocking(true).expect("nonblocking");
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let handle = thread::spawn(move || {
            // Bounded: at most 10 minutes of polling, and stops when asked.
            for _ in 0..60_000 {
                if flag.load(Ordering::Relaxed) {
                    return;
                }
                match listener.accept() {
                    Ok((mut s, _)) => {
                        let _ = s.set_nonblocking(false);
                        let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
                        let mut buf = [0u8; 4096];
                        let _ = s.read(&mut buf);
                        let _ = s.write_all(
                            b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                        );
                    }
                    Err(_) => thread::sleep(Duration::from_millis(10)),
                }
            }
        });
        PlainHttp {
            port,
            stop,
            handle: Some(handle),
        }
    }
}

impl Drop for PlainHttp {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

/// One failing run: its label, the tool, the command, and the cause expected.
struct Case {
    label: &'static str,
    tool: &'static str,
    cmd: Command,
    expect: Cause,
}

fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).env("OPENSSL_CONF", "/dev/null");
    c
}

/// `Ok(())` if some finding in `text` ranks `expect` among its first three causes.
fn check(label: &str, text: &str, expect: Cause) -> Result<(), String> {
    let found = cipherdex::explain::explain(text).map_err(|e| format!("{label}: {e}"))?;
    if found
        .iter()
        .any(|f| f.causes.iter().take(3).any(|&c| c == expect))
    {
        return Ok(());
    }
    let summary: Vec<String> = found
        .iter()
        .map(|f| {
            let ids: Vec<&str> = f.causes.iter().map(|c| c.id()).collect();
            format!("line {}: {:?} -> {}", f.line, f.message, ids.join(" "))
        })
        .collect();
    Err(format!(
        "{label}: {} not in the first three causes of any finding\n  findings: {summary:#?}\n  output:\n{text}",
        expect.id()
    ))
}

const JAVA_CLIENT: &str = r#"
import javax.net.ssl.*;
public class ExplainClient {
    public static void main(String[] a) throws Exception {
        SSLSocket s = (SSLSocket) SSLSocketFactory.getDefault().createSocket(a[0], Integer.parseInt(a[1]));
        s.setSoTimeout(10000);
        s.startHandshake();
        System.out.println("connected " + s.getSession().getProtocol());
    }
}
"#;

#[test]
fn real_stacks_fail_and_explain_names_the_cause() {
    if !require_tool("openssl") || !require_tool("timeout") {
        return;
    }
    let dir = TempDir::new("explain");
    let d = dir.path();
    let good = make_cert(d, "good", "rsa:2048", "30");
    let expired = make_cert(d, "expired", "rsa:2048", "-1");
    let weak = make_cert(d, "weak", "rsa:1024", "30");
    let s = |p: &Path| p.display().to_string();

    let suite_srv = server(
        &good,
        &["-cipher", "AES128-SHA", "-max_protocol", "TLSv1.2"],
    );
    let v13_srv = server(&good, &["-min_protocol", "TLSv1.3"]);
    let group_srv = server(
        &good,
        &[
            "-groups",
            "X25519",
            "-cipher",
            "ECDHE-RSA-AES128-GCM-SHA256",
        ],
    );
    let weak_srv = server(&weak, &["-cipher", "DEFAULT@SECLEVEL=0"]);
    let good_srv = server(&good, &[]);
    let expired_srv = server(&expired, &[]);
    let http = PlainHttp::start();
    let at = |p: u16| format!("127.0.0.1:{p}");
    let url = |p: u16| format!("https://127.0.0.1:{p}/");

    let mut cases = vec![
        Case {
            label: "s_client: no shared suite",
            tool: "openssl",
            cmd: cmd("openssl", &["s_client", "-connect", &at(suite_srv.port()), "-tls1_2", "-cipher", "ECDHE-RSA-AES256-GCM-SHA384"]),
            expect: Cause::NoSharedSuite,
        },
        Case {
            label: "s_client: no common version",
            tool: "openssl",
            cmd: cmd("openssl", &["s_client", "-connect", &at(v13_srv.port()), "-tls1_2"]),
            expect: Cause::NoCommonVersion,
        },
        Case {
            label: "s_client: no shared group",
            tool: "openssl",
            cmd: cmd("openssl", &["s_client", "-connect", &at(group_srv.port()), "-groups", "P-521"]),
            expect: Cause::NoSharedGroup,
        },
        Case {
            label: "s_client: key too small for level 2",
            tool: "openssl",
            cmd: cmd("openssl", &["s_client", "-connect", &at(weak_srv.port()), "-verify_return_error"]),
            expect: Cause::KeyTooSmall,
        },
        Case {
            label: "s_client: untrusted",
            tool: "openssl",
            cmd: cmd("openssl", &["s_client", "-connect", &at(good_srv.port()), "-verify_return_error"]),
            expect: Cause::CertUntrusted,
        },
        Case {
            label: "s_client: expired",
            tool: "openssl",
            cmd: cmd("openssl", &["s_client", "-connect", &at(expired_srv.port()), "-verify_return_error", "-CAfile", &s(&expired.0)]),
            expect: Cause::CertExpired,
        },
        Case {
            label: "s_client: name mismatch",
            tool: "openssl",
            cmd: cmd("openssl", &["s_client", "-connect", &at(good_srv.port()), "-verify_return_error", "-CAfile", &s(&good.0), "-verify_hostname", "wrong.example"]),
            expect: Cause::HostnameMismatch,
        },
        Case {
            label: "s_client: TLS to plain HTTP",
            tool: "openssl",
            cmd: cmd("openssl", &["s_client", "-connect", &at(http.port)]),
            expect: Cause::NotTls,
        },
        Case {
            label: "gnutls-cli: no shared suite",
            tool: "gnutls-cli",
            cmd: cmd("gnutls-cli", &["--insecure", "-p", &suite_srv.port().to_string(), "--priority", "NORMAL:-CIPHER-ALL:+CHACHA20-POLY1305:-VERS-ALL:+VERS-TLS1.2", "127.0.0.1"]),
            expect: Cause::NoSharedSuite,
        },
        Case {
            label: "gnutls-cli: untrusted",
            tool: "gnutls-cli",
            cmd: cmd("gnutls-cli", &["-p", &good_srv.port().to_string(), "127.0.0.1"]),
            expect: Cause::CertUntrusted,
        },
        Case {
            label: "python: untrusted",
            tool: "python3",
            cmd: cmd("python3", &["-c", &format!(
                "import socket, ssl\nc = ssl.create_default_context()\ns = socket.create_connection(('127.0.0.1', {}), timeout=10)\nc.wrap_socket(s, server_hostname='localhost')",
                good_srv.port()
            )]),
            expect: Cause::CertUntrusted,
        },
        Case {
            label: "python: no common version",
            tool: "python3",
            cmd: cmd("python3", &["-c", &format!(
                "import socket, ssl\nc = ssl.create_default_context()\nc.check_hostname = False\nc.verify_mode = ssl.CERT_NONE\nc.maximum_version = ssl.TLSVersion.TLSv1_2\ns = socket.create_connection(('127.0.0.1', {}), timeout=10)\nc.wrap_socket(s)",
                v13_srv.port()
            )]),
            expect: Cause::NoCommonVersion,
        },
        Case {
            label: "node: untrusted",
            tool: "node",
            cmd: cmd("node", &["-e", &format!(
                "const s = require('tls').connect({{host: '127.0.0.1', port: {}, servername: 'localhost'}}, () => {{ console.log('connected'); s.end(); }}); s.on('error', e => {{ console.error(e.code + ': ' + e.message); process.exit(1); }});",
                good_srv.port()
            )]),
            expect: Cause::CertUntrusted,
        },
        Case {
            label: "node: no common version",
            tool: "node",
            cmd: cmd("node", &["-e", &format!(
                "const s = require('tls').connect({{host: '127.0.0.1', port: {}, rejectUnauthorized: false, maxVersion: 'TLSv1.2'}}, () => {{ console.log('connected'); s.end(); }}); s.on('error', e => {{ console.error(e.code + ': ' + e.message); process.exit(1); }});",
                v13_srv.port()
            )]),
            expect: Cause::NoCommonVersion,
        },
        Case {
            label: "curl: name mismatch",
            tool: "curl",
            cmd: cmd("curl", &["-sS", "-o", "/dev/null", "--max-time", "10", "--cacert", &s(&good.0), &url(good_srv.port())]),
            expect: Cause::HostnameMismatch,
        },
        Case {
            label: "curl: expired",
            tool: "curl",
            cmd: cmd("curl", &["-sS", "-o", "/dev/null", "--max-time", "10", "--cacert", &s(&expired.0), "--resolve", &format!("localhost:{}:127.0.0.1", expired_srv.port()), &format!("https://localhost:{}/", expired_srv.port())]),
            expect: Cause::CertExpired,
        },
        Case {
            label: "curl: TLS to plain HTTP",
            tool: "curl",
            cmd: cmd("curl", &["-sS", "-k", "-o", "/dev/null", "--max-time", "10", &url(http.port)]),
            expect: Cause::NotTls,
        },
        Case {
            label: "curl: no common version",
            tool: "curl",
            cmd: cmd("curl", &["-sS", "-k", "-o", "/dev/null", "--max-time", "10", "--tls-max", "1.2", &url(v13_srv.port())]),
            expect: Cause::NoCommonVersion,
        },
        Case {
            label: "wget: untrusted",
            tool: "wget",
            cmd: cmd("wget", &["--tries=1", "--timeout=10", "-O", "/dev/null", &url(good_srv.port())]),
            expect: Cause::CertUntrusted,
        },
    ];
    let java_src = d.join("ExplainClient.java");
    std::fs::write(&java_src, JAVA_CLIENT).expect("write the Java client");
    cases.push(Case {
        label: "java: untrusted",
        tool: "java",
        cmd: cmd(
            "java",
            &[&s(&java_src), "127.0.0.1", &good_srv.port().to_string()],
        ),
        expect: Cause::CertUntrusted,
    });
    cases.push(Case {
        label: "java: no common version",
        tool: "java",
        cmd: cmd(
            "java",
            &[
                "-Djdk.tls.client.protocols=TLSv1.2",
                &s(&java_src),
                "127.0.0.1",
                &v13_srv.port().to_string(),
            ],
        ),
        expect: Cause::NoCommonVersion,
    });

    let mut handles = Vec::new();
    for mut case in cases {
        if !require_tool(case.tool) {
            continue;
        }
        handles.push(thread::spawn(move || {
            case.cmd.stdin(std::process::Stdio::null());
            let out = run_with_timeout(&mut case.cmd, CLIENT_TIMEOUT)
                .map_err(|e| format!("{}: cannot run {}: {e}", case.label, case.tool))?;
            if out.success() {
                return Err(format!(
                    "{}: the handshake did not fail:\n{}",
                    case.label,
                    out.combined()
                ));
            }
            check(case.label, &out.combined(), case.expect)
        }));
    }
    let mut failures: Vec<String> = handles
        .into_iter()
        .filter_map(|h| match h.join() {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(e),
            Err(_) => Some("a case panicked".to_string()),
        })
        .collect();
    // The servers' own logs: s_server names the reason on its side too.
    if let Err(e) = check(
        "s_server log: no shared cipher",
        &suite_srv.log(),
        Cause::NoSharedSuite,
    ) {
        failures.push(e);
    }
    drop((
        suite_srv,
        v13_srv,
        group_srv,
        weak_srv,
        good_srv,
        expired_srv,
        http,
    ));
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
