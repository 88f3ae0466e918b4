//! Tests of the oracle harness in `tests/common/`: the tools answer, the harness reads them
//! right, and failures are reported as failures. Also checks that the tool dumps in
//! `tests/fixtures/mapping/` still match the installed tools.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{
    gnutls_handshakes, openssl_command, openssl_handshake, require_netns, require_tool,
    require_tools, rsa_ec_pair, run_with_timeout, self_signed, under_ci, KeyKind, OpensslClient,
    OpensslServer, TempDir, TlsVersion, TOOL_TIMEOUT,
};

fn ok(version: &str, suite: &str) -> Result<(String, String), String> {
    Ok((version.to_owned(), suite.to_owned()))
}

// ---------------------------------------------------------------------------------------------
// Tools and commands

#[test]
fn require_tool_finds_sh_and_reports_a_missing_tool() {
    assert!(require_tool("sh"));
    let missing = "cipherdex-no-such-tool";
    if under_ci() {
        let result = std::panic::catch_unwind(|| require_tool(missing));
        assert!(result.is_err(), "under CI=true a missing tool must panic");
    } else {
        assert!(!require_tool(missing));
    }
}

#[test]
fn run_with_timeout_captures_both_streams_and_status() {
    let mut cmd = Command::new("sh");
    cmd.args(["-c", "echo out; echo err >&2; exit 3"]);
    let out = run_with_timeout(&mut cmd, TOOL_TIMEOUT).unwrap();
    assert!(!out.timed_out);
    assert_eq!(out.status.and_then(|s| s.code()), Some(3), "{out}");
    assert!(!out.success());
    assert_eq!(out.stdout, "out\n");
    assert_eq!(out.stderr, "err\n");
}

/// True once `/proc/<pid>` is gone or a zombie, polling for at most 5 s.
fn process_ended(pid: u32) -> bool {
    let stat = format!("/proc/{pid}/stat");
    for _ in 0..500 {
        match fs::read_to_string(&stat) {
            Err(_) => return true,
            // Field 3 (after the parenthesised name) is the state.
            Ok(s)
                if s.rsplit(')')
                    .next()
                    .is_some_and(|r| r.trim_start().starts_with('Z')) =>
            {
                return true
            }
            Ok(_) => std::thread::sleep(Duration::from_millis(10)),
        }
    }
    false
}

#[test]
fn run_with_timeout_kills_the_command_and_its_background_helpers() {
    // The background sleep keeps stdout open: only killing the process group ends it.
    let mut cmd = Command::new("sh");
    cmd.args(["-c", "sleep 60 & echo $!; wait"]);
    let out = run_with_timeout(&mut cmd, Duration::from_millis(300)).unwrap();
    assert!(out.timed_out, "{out}");
    assert!(out.status.is_none());
    let helper: u32 = out.stdout.trim().parse().expect("helper pid on stdout");
    assert!(
        process_ended(helper),
        "background helper {helper} still runs"
    );
}

// ---------------------------------------------------------------------------------------------
// Certificates

#[test]
fn certificates_have_the_requested_key_types() {
    if !require_tool("openssl") {
        return;
    }
    let dir = TempDir::new("certs-test");
    for kind in KeyKind::ALL {
        let ck = self_signed(dir.path(), kind);
        assert_eq!(ck.kind, kind);
        let cert = ck.cert.to_str().unwrap();
        let out = run_with_timeout(
            &mut openssl_command(["x509", "-noout", "-text", "-in", cert]),
            TOOL_TIMEOUT,
        )
        .unwrap();
        assert!(out.success(), "{out}");
        let algorithm = out
            .stdout
            .lines()
            .find_map(|l| l.trim().strip_prefix("Public Key Algorithm: "))
            .unwrap_or_default()
            .to_owned();
        let expected = match kind {
            KeyKind::Rsa => "rsaEncryption",
            KeyKind::Ec => "id-ecPublicKey",
            KeyKind::Ed25519 => "ED25519",
            KeyKind::Dsa => "dsaEncryption",
        };
        assert_eq!(algorithm, expected, "{kind:?}");
        assert!(out.stdout.contains("Subject: CN = localhost"), "{kind:?}");
        let size = match kind {
            KeyKind::Rsa | KeyKind::Dsa => Some("(2048 bit)"),
            KeyKind::Ec => Some("(256 bit)"),
            KeyKind::Ed25519 => None,
        };
        if let Some(size) = size {
            assert!(out.stdout.contains(size), "{kind:?}: {}", out.stdout);
        }
        assert!(ck.key.is_file());
    }
}

// ---------------------------------------------------------------------------------------------
// OpenSSL

#[test]
fn openssl_rsa_tls12_reports_the_exact_suite() {
    if !require_tool("openssl") {
        return;
    }
    let dir = TempDir::new("ossl-rsa");
    let rsa = self_signed(dir.path(), KeyKind::Rsa);
    let server = OpensslServer::builder()
        .cert(&rsa)
        .cipher("ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA")
        .start()
        .unwrap();
    let client = OpensslClient::new()
        .version(TlsVersion::Tls12)
        .cipher("ECDHE-RSA-AES128-GCM-SHA256");
    assert_eq!(
        openssl_handshake(server.port(), &client),
        ok("TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256"),
        "server log:\n{}",
        server.log()
    );
    // A second connection to the same server works too, and reports the other suite.
    let client = OpensslClient::new()
        .version(TlsVersion::Tls12)
        .cipher("AES128-SHA");
    assert_eq!(
        openssl_handshake(server.port(), &client),
        ok("TLSv1.2", "AES128-SHA")
    );
}

#[test]
fn openssl_certificate_mismatch_fails_with_alert_40() {
    if !require_tool("openssl") {
        return;
    }
    let dir = TempDir::new("ossl-mismatch");
    let ec = self_signed(dir.path(), KeyKind::Ec);
    let server = OpensslServer::builder()
        .cert(&ec)
        .www(true)
        .start()
        .unwrap();
    let client = OpensslClient::new()
        .version(TlsVersion::Tls12)
        .cipher("ECDHE-RSA-AES128-GCM-SHA256");
    let err = openssl_handshake(server.port(), &client).unwrap_err();
    assert!(err.contains("handshake failure"), "{err}");
    assert!(err.contains("SSL alert number 40"), "{err}");
    // The same server does serve the ECDSA suite.
    let client = OpensslClient::new()
        .version(TlsVersion::Tls12)
        .cipher("ECDHE-ECDSA-AES128-GCM-SHA256");
    assert_eq!(
        openssl_handshake(server.port(), &client),
        ok("TLSv1.2", "ECDHE-ECDSA-AES128-GCM-SHA256")
    );
}

#[test]
fn openssl_client_errors_are_reported() {
    if !require_tool("openssl") {
        return;
    }
    let dir = TempDir::new("ossl-errors");
    let rsa = self_signed(dir.path(), KeyKind::Rsa);
    let server = OpensslServer::builder()
        .cert(&rsa)
        .www(true)
        .start()
        .unwrap();
    // IANA names are not accepted by -cipher.
    let client = OpensslClient::new()
        .version(TlsVersion::Tls12)
        .cipher("TLS_RSA_WITH_AES_128_CBC_SHA");
    let err = openssl_handshake(server.port(), &client).unwrap_err();
    assert!(err.contains("no cipher match"), "{err}");
    // PSK suites without -psk: the client has nothing to offer.
    let client = OpensslClient::new()
        .version(TlsVersion::Tls12)
        .cipher("PSK-AES128-GCM-SHA256");
    let err = openssl_handshake(server.port(), &client).unwrap_err();
    assert!(err.contains("no ciphers available"), "{err}");
}

#[test]
fn openssl_server_preference_and_protocol_options_apply() {
    if !require_tool("openssl") {
        return;
    }
    let dir = TempDir::new("ossl-pref");
    let rsa = self_signed(dir.path(), KeyKind::Rsa);
    let list = "AES128-SHA:ECDHE-RSA-AES256-GCM-SHA384";
    let reversed = "ECDHE-RSA-AES256-GCM-SHA384:AES128-SHA";
    let client = OpensslClient::new()
        .version(TlsVersion::Tls12)
        .cipher(reversed);
    let by_server = OpensslServer::builder()
        .cert(&rsa)
        .cipher(list)
        .serverpref(true)
        .start()
        .unwrap();
    assert_eq!(
        openssl_handshake(by_server.port(), &client),
        ok("TLSv1.2", "AES128-SHA")
    );
    let by_client = OpensslServer::builder()
        .cert(&rsa)
        .cipher(list)
        .start()
        .unwrap();
    assert_eq!(
        openssl_handshake(by_client.port(), &client),
        ok("TLSv1.2", "ECDHE-RSA-AES256-GCM-SHA384")
    );

    // TLS 1.3 suites come from -ciphersuites; -max_protocol caps the version.
    let tls13 = OpensslServer::builder()
        .cert(&rsa)
        .ciphersuites("TLS_CHACHA20_POLY1305_SHA256")
        .start()
        .unwrap();
    assert_eq!(
        openssl_handshake(tls13.port(), &OpensslClient::new()),
        ok("TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256")
    );
    let capped = OpensslServer::builder()
        .cert(&rsa)
        .cipher("ECDHE-RSA-AES128-GCM-SHA256")
        .max_protocol(TlsVersion::Tls12)
        .start()
        .unwrap();
    assert_eq!(
        openssl_handshake(capped.port(), &OpensslClient::new()),
        ok("TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256")
    );
    let floor = OpensslServer::builder()
        .cert(&rsa)
        .min_protocol(TlsVersion::Tls13)
        .start()
        .unwrap();
    let client = OpensslClient::new().version(TlsVersion::Tls12);
    let err = openssl_handshake(floor.port(), &client).unwrap_err();
    assert!(err.contains("protocol version"), "{err}");
}

#[test]
fn openssl_dual_and_other_certificates_serve_their_suites() {
    if !require_tool("openssl") {
        return;
    }
    let dir = TempDir::new("ossl-dual");
    let (rsa, ec) = rsa_ec_pair(dir.path());
    let dual = OpensslServer::builder()
        .cert(&rsa)
        .dcert(&ec)
        .www(true)
        .start()
        .unwrap();
    for suite in [
        "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-AES128-GCM-SHA256",
    ] {
        let client = OpensslClient::new()
            .version(TlsVersion::Tls12)
            .cipher(suite);
        assert_eq!(
            openssl_handshake(dual.port(), &client),
            ok("TLSv1.2", suite)
        );
    }

    let cases = [
        (KeyKind::Ed25519, "ECDHE-ECDSA-AES256-GCM-SHA384"),
        (KeyKind::Dsa, "DHE-DSS-AES128-GCM-SHA256"),
    ];
    for (kind, suite) in cases {
        let cert = self_signed(dir.path(), kind);
        let server = OpensslServer::builder()
            .cert(&cert)
            .cipher("ALL:@SECLEVEL=0")
            .start()
            .unwrap();
        let client = OpensslClient::new()
            .version(TlsVersion::Tls12)
            .cipher(&format!("{suite}:@SECLEVEL=0"));
        assert_eq!(
            openssl_handshake(server.port(), &client),
            ok("TLSv1.2", suite),
            "{kind:?}"
        );
    }

    // No certificate: anonymous suites only.
    let anon = OpensslServer::builder()
        .cipher("aNULL:@SECLEVEL=0")
        .start()
        .unwrap();
    let client = OpensslClient::new()
        .version(TlsVersion::Tls12)
        .cipher("AECDH-AES128-SHA:@SECLEVEL=0");
    assert_eq!(
        openssl_handshake(anon.port(), &client),
        ok("TLSv1.2", "AECDH-AES128-SHA")
    );
}

#[test]
fn openssl_server_with_bad_options_fails_to_start() {
    if !require_tool("openssl") {
        return;
    }
    let err = OpensslServer::builder()
        .cipher("NO-SUCH-CIPHER")
        .start()
        .unwrap_err();
    assert!(err.contains("s_server exited"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// GnuTLS

fn gnutls_ready() -> bool {
    require_tools(&["openssl", "gnutls-serv", "gnutls-cli"]) && require_netns()
}

#[test]
fn gnutls_handshakes_name_the_suite_or_the_failure() {
    if !gnutls_ready() {
        return;
    }
    let dir = TempDir::new("gnutls");
    let rsa = self_signed(dir.path(), KeyKind::Rsa);
    let results = gnutls_handshakes(
        "NORMAL:+ARCFOUR-128:+RSA",
        &[&rsa],
        &[
            "NORMAL:-VERS-ALL:+VERS-TLS1.2",
            "NORMAL:-VERS-ALL:+VERS-TLS1.3",
            "NONE:+VERS-TLS1.2:+ARCFOUR-128:+SHA1:+RSA:+SIGN-ALL:+COMP-NULL",
            "NORMAL:-KX-ALL:+ECDHE-ECDSA:-VERS-ALL:+VERS-TLS1.2",
            "BOGUS",
        ],
    )
    .unwrap();
    assert_eq!(results.len(), 5);
    assert_eq!(
        results[0],
        ok("TLS1.2", "GNUTLS_ECDHE_RSA_AES_256_GCM_SHA384")
    );
    assert_eq!(results[1], ok("TLS1.3", "GNUTLS_AES_256_GCM_SHA384"));
    assert_eq!(results[2], ok("TLS1.2", "GNUTLS_RSA_ARCFOUR_128_SHA1"));
    let err = results[3].as_ref().unwrap_err();
    assert!(err.contains("Received alert [40]"), "{err}");
    let err = results[4].as_ref().unwrap_err();
    assert!(err.contains("Syntax error at: BOGUS"), "{err}");
}

#[test]
fn gnutls_server_precedence_and_dual_certificates() {
    if !gnutls_ready() {
        return;
    }
    let dir = TempDir::new("gnutls-dual");
    let (rsa, ec) = rsa_ec_pair(dir.path());
    let client = "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-GCM:+CHACHA20-POLY1305";
    let by_client = gnutls_handshakes("NORMAL", &[&rsa, &ec], &[client]).unwrap();
    assert_eq!(
        by_client[0],
        ok("TLS1.2", "GNUTLS_ECDHE_ECDSA_AES_128_GCM_SHA256")
    );
    let server = "NORMAL:-CIPHER-ALL:+CHACHA20-POLY1305:+AES-128-GCM:%SERVER_PRECEDENCE";
    let by_server = gnutls_handshakes(server, &[&rsa, &ec], &[client]).unwrap();
    assert_eq!(
        by_server[0],
        ok("TLS1.2", "GNUTLS_ECDHE_ECDSA_CHACHA20_POLY1305")
    );
}

#[test]
fn gnutls_bad_server_priority_is_an_error() {
    if !gnutls_ready() {
        return;
    }
    let dir = TempDir::new("gnutls-bad");
    let rsa = self_signed(dir.path(), KeyKind::Rsa);
    let err = gnutls_handshakes("BOGUS", &[&rsa], &["NORMAL"]).unwrap_err();
    assert!(err.contains("BOGUS"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Fixtures: the committed dumps are what the installed tools print today
// (regenerate with scripts/regen-oracle-fixtures.sh when a tool update changes them).

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mapping")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

/// Run `cmd` and compare its stdout (the lines `filter` keeps) with the fixture `name`.
fn assert_live_matches(name: &str, cmd: &mut Command, filter: fn(&str) -> bool) {
    let out = run_with_timeout(cmd, TOOL_TIMEOUT).unwrap();
    assert!(out.success(), "{out}");
    let live: String = out
        .stdout
        .lines()
        .filter(|l| filter(l))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_same_as_fixture(name, &live);
}

/// Compare `live` with the fixture `name`; on a difference, say where and how to refresh.
fn assert_same_as_fixture(name: &str, live: &str) {
    let want = fixture(name);
    if live != want {
        let (l, w): (Vec<_>, Vec<_>) = (live.lines().collect(), want.lines().collect());
        let first = l.iter().zip(&w).position(|(a, b)| a != b);
        panic!(
            "tests/fixtures/mapping/{name} differs from the installed tool \
             ({} live lines, {} fixture lines; first difference at line {:?}).\n\
             Run scripts/regen-oracle-fixtures.sh and review the diff.",
            l.len(),
            w.len(),
            first.map(|i| i + 1)
        );
    }
}

#[test]
fn fixture_dumps_have_the_documented_sizes() {
    let count =
        |name: &str, pred: fn(&str) -> bool| fixture(name).lines().filter(|l| pred(l)).count();
    assert_eq!(
        count("openssl-ciphers-V-stdname.txt", |l| l
            .trim_start()
            .starts_with("0x")),
        160
    );
    assert_eq!(count("gnutls-cli-list.txt", |l| l.starts_with("TLS_")), 188);
    assert_eq!(
        count("testssl-cipher-mapping.txt", |l| l
            .trim_start()
            .starts_with("0x")),
        370
    );
    assert_eq!(
        count("nmap-dump-tls-ciphers.tsv", |l| l.starts_with("0x")),
        399
    );
}

#[test]
fn openssl_ciphers_fixture_matches_the_installed_openssl() {
    if !require_tool("openssl") {
        return;
    }
    let t13 = "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:\
               TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256";
    let mut cmd = openssl_command(["ciphers", "-V", "-stdname", "-ciphersuites", t13]);
    cmd.arg("ALL:COMPLEMENTOFALL:@SECLEVEL=0");
    assert_live_matches("openssl-ciphers-V-stdname.txt", &mut cmd, |_| true);
}

#[test]
fn gnutls_list_fixture_matches_the_installed_gnutls() {
    if !require_tool("gnutls-cli") {
        return;
    }
    let mut cmd = Command::new("gnutls-cli");
    cmd.arg("--list");
    assert_live_matches("gnutls-cli-list.txt", &mut cmd, |_| true);
}

#[test]
fn testssl_mapping_fixture_matches_the_installed_testssl() {
    let installed = Path::new("/etc/testssl/cipher-mapping.txt");
    if !installed.exists() {
        if !require_tool("testssl") {
            return;
        }
        panic!("testssl is installed but {installed:?} is missing");
    }
    let live = fs::read_to_string(installed).unwrap();
    assert_same_as_fixture("testssl-cipher-mapping.txt", &live);
}

#[test]
fn nmap_fixture_matches_a_live_run_of_the_dump_script() {
    if !require_tool("nmap") {
        return;
    }
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tools/dump-tls-ciphers.nse");
    let mut cmd = Command::new("nmap");
    cmd.args(["-n", "-sn", "-oN", "/dev/null", "--script"])
        .arg(&script);
    assert_live_matches("nmap-dump-tls-ciphers.tsv", &mut cmd, |l| {
        l.starts_with("0x")
    });
}
