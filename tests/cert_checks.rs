//! Proof of `verify::check` against real verification: chains made with the
//! `openssl` command (a root, an intermediate, leaves that are expired, not
//! yet valid, for other names, SHA-1-signed, with small keys; chains out of
//! order or without their intermediate) are checked by cipherdex and by
//! OpenSSL 3.0 twice: `openssl verify` and a real handshake, `s_server`
//! sending the chain as given and `s_client -verify_return_error
//! -servername NAME -verify_hostname NAME -attime T`. Where cipherdex says
//! verification fails, both must fail, for a reason cipherdex names; where
//! it says it passes, both must pass.

mod common;

use std::path::{Path, PathBuf};

use cipherdex::cert::Chain;
use cipherdex::openssl::{Release, SecurityLevel};
use cipherdex::verify::{check, Checks};
use common::{
    openssl_command, require_tool, run_with_timeout, CertKey as Files, KeyKind, OpensslServer,
    TempDir, TOOL_TIMEOUT,
};

const DAY: i64 = 86_400;

fn openssl(dir: &Path, args: &[&str]) {
    let mut cmd = openssl_command(args);
    cmd.current_dir(dir);
    let out = run_with_timeout(&mut cmd, TOOL_TIMEOUT).expect("openssl runs");
    assert!(out.success(), "openssl {}\n{out}", args.join(" "));
}

/// Extension sections for `openssl x509 -req -extfile`.
const EXTENSIONS: &str = "\
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf]
basicConstraints = CA:FALSE
subjectAltName = DNS:www.example.test, DNS:*.apps.example.test
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
";

/// A key and a certificate signed by `issuer`.
fn issue(dir: &Path, name: &str, cn: &str, key: &str, issuer: &str, ext: &str, md: &str) {
    let (k, csr, crt) = (
        format!("{name}.key"),
        format!("{name}.csr"),
        format!("{name}.pem"),
    );
    let subj = format!("/CN={cn}");
    openssl(
        dir,
        &[
            "req", "-new", "-newkey", key, "-nodes", "-keyout", &k, "-subj", &subj, "-out", &csr,
        ],
    );
    let mut args = vec![
        "x509",
        "-req",
        "-in",
        &csr,
        "-days",
        "30",
        "-extfile",
        "ext.cnf",
        "-extensions",
        ext,
        md,
        "-out",
        &crt,
    ];
    let (ca, cakey) = (format!("{issuer}.pem"), format!("{issuer}.key"));
    args.extend(["-CA", &ca, "-CAkey", &cakey, "-CAcreateserial"]);
    openssl(dir, &args);
}

/// A self-signed root CA certificate and key.
fn root(dir: &Path) {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "root.key",
            "-out",
            "root.pem",
            "-subj",
            "/CN=Test Root",
            "-days",
            "30",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
    );
}

/// Concatenate certificate files into `name`.
fn bundle(dir: &Path, name: &str, parts: &[&str]) -> PathBuf {
    let text: String = parts
        .iter()
        .map(|p| std::fs::read_to_string(dir.join(format!("{p}.pem"))).expect("pem"))
        .collect();
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write bundle");
    path
}

struct Case {
    what: &'static str,
    /// The chain as the server sends it (leaf first), as file stems.
    chain: &'static [&'static str],
    name: &'static str,
    /// Days from now.
    at: i64,
    level: u8,
}

const CASES: &[Case] = &[
    Case {
        what: "good chain",
        chain: &["leaf", "int"],
        name: "www.example.test",
        at: 0,
        level: 1,
    },
    Case {
        what: "good chain with its root",
        chain: &["leaf", "int", "root"],
        name: "www.example.test",
        at: 0,
        level: 2,
    },
    Case {
        what: "wildcard name",
        chain: &["leaf", "int"],
        name: "x.apps.example.test",
        at: 0,
        level: 1,
    },
    Case {
        what: "wildcard one label too deep",
        chain: &["leaf", "int"],
        name: "a.b.apps.example.test",
        at: 0,
        level: 1,
    },
    Case {
        what: "wildcard without its label",
        chain: &["leaf", "int"],
        name: "apps.example.test",
        at: 0,
        level: 1,
    },
    Case {
        what: "wrong name",
        chain: &["leaf", "int"],
        name: "www.other.test",
        at: 0,
        level: 1,
    },
    Case {
        what: "expired",
        chain: &["leaf", "int"],
        name: "www.example.test",
        at: 60,
        level: 1,
    },
    Case {
        what: "not yet valid",
        chain: &["leaf", "int"],
        name: "www.example.test",
        at: -2,
        level: 1,
    },
    Case {
        what: "missing intermediate",
        chain: &["leaf"],
        name: "www.example.test",
        at: 0,
        level: 1,
    },
    Case {
        what: "out of order",
        chain: &["leaf", "root", "int"],
        name: "www.example.test",
        at: 0,
        level: 1,
    },
    Case {
        what: "SHA-1 signed at level 1",
        chain: &["sha1", "int"],
        name: "www.example.test",
        at: 0,
        level: 1,
    },
    Case {
        what: "SHA-1 signed at level 0",
        chain: &["sha1", "int"],
        name: "www.example.test",
        at: 0,
        level: 0,
    },
    Case {
        what: "RSA 1024 at level 2",
        chain: &["small", "int"],
        name: "www.example.test",
        at: 0,
        level: 2,
    },
    Case {
        what: "RSA 1024 at level 1",
        chain: &["small", "int"],
        name: "www.example.test",
        at: 0,
        level: 1,
    },
];

/// The cause id of OpenSSL's verify error text.
fn cause_of(text: &str) -> Option<&'static str> {
    let t = text.to_ascii_lowercase();
    [
        ("certificate has expired", "cert_expired"),
        ("certificate is not yet valid", "cert_not_yet_valid"),
        ("hostname mismatch", "hostname_mismatch"),
        (
            "unable to get local issuer certificate",
            "cert_chain_incomplete",
        ),
        ("key too small", "key_too_small"),
        ("key too weak", "key_too_small"),
        ("md too weak", "cert_invalid"),
        ("digest algorithm too weak", "cert_invalid"),
        ("self-signed certificate", "cert_untrusted"),
    ]
    .iter()
    .find(|(m, _)| t.contains(m))
    .map(|(_, c)| *c)
}

#[test]
fn verification_findings_match_openssl_verify_and_s_client() {
    if !require_tool("openssl") {
        return;
    }
    let tmp = TempDir::new("cert_checks");
    let dir = tmp.path();
    std::fs::write(dir.join("ext.cnf"), EXTENSIONS).expect("write ext.cnf");
    root(dir);
    issue(
        dir,
        "int",
        "Test Intermediate",
        "rsa:2048",
        "root",
        "ca",
        "-sha256",
    );
    issue(
        dir,
        "leaf",
        "www.example.test",
        "rsa:2048",
        "int",
        "leaf",
        "-sha256",
    );
    issue(
        dir,
        "sha1",
        "www.example.test",
        "rsa:2048",
        "int",
        "leaf",
        "-sha1",
    );
    issue(
        dir,
        "small",
        "www.example.test",
        "rsa:1024",
        "int",
        "leaf",
        "-sha256",
    );
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs() as i64;
    let root = dir.join("root.pem");
    let anchors = Chain::from_pem_or_der(&std::fs::read(&root).expect("root")).expect("root pem");
    let mut failures = Vec::new();
    let (mut failing, mut passing) = (0, 0);
    for (n, case) in CASES.iter().enumerate() {
        let chain_file = bundle(dir, &format!("chain{n}.pem"), case.chain);
        let chain =
            Chain::from_pem_or_der(&std::fs::read(&chain_file).expect("chain")).expect("chain pem");
        let at = now + case.at * DAY + if case.at == 0 { 0 } else { 60 };
        let mut checks = Checks::at(at);
        checks.name = Some(case.name.to_owned());
        checks.level = SecurityLevel::new(Release::OpenSsl30, case.level);
        checks.anchors = Some(anchors.certs.clone());
        let findings = check(&chain, &checks);
        let fails: Vec<&str> = findings
            .iter()
            .filter(|f| f.fails)
            .map(|f| f.cause().id())
            .collect();
        let predicted_ok = fails.is_empty();
        if predicted_ok {
            passing += 1;
        } else {
            failing += 1;
        }
        let at_s = at.to_string();
        let level_s = case.level.to_string();
        // 1. openssl verify: the leaf, the rest of the chain as untrusted certificates.
        let leaf = dir.join(format!("{}.pem", case.chain[0]));
        let rest = bundle(dir, &format!("rest{n}.pem"), &case.chain[1..]);
        let mut args = vec![
            "verify".to_owned(),
            "-CAfile".to_owned(),
            root.display().to_string(),
            "-attime".to_owned(),
            at_s.clone(),
            "-verify_hostname".to_owned(),
            case.name.to_owned(),
            "-auth_level".to_owned(),
            level_s.clone(),
        ];
        if case.chain.len() > 1 {
            args.extend(["-untrusted".to_owned(), rest.display().to_string()]);
        }
        args.push(leaf.display().to_string());
        let out = run_with_timeout(&mut openssl_command(&args), TOOL_TIMEOUT).expect("verify runs");
        let verify_text = out.combined();
        // 2. A handshake: s_server sends the chain as given.
        let files = Files {
            kind: KeyKind::Rsa,
            cert: leaf.clone(),
            key: dir.join(format!("{}.key", case.chain[0])),
        };
        let mut b = OpensslServer::builder()
            .cert(&files)
            .www(true)
            .arg("-cipher")
            .arg("DEFAULT:@SECLEVEL=0");
        let rest_s = rest.display().to_string();
        if case.chain.len() > 1 {
            b = b.arg("-cert_chain").arg(&rest_s);
        }
        let server = b
            .start()
            .unwrap_or_else(|e| panic!("{}: s_server: {e}", case.what));
        let connect = format!("127.0.0.1:{}", server.port());
        let cipher = format!("DEFAULT:@SECLEVEL={}", case.level);
        let root_s = root.display().to_string();
        let client = [
            "s_client",
            "-connect",
            &connect,
            "-brief",
            "-verify_return_error",
            "-CAfile",
            &root_s,
            "-servername",
            case.name,
            "-verify_hostname",
            case.name,
            "-attime",
            &at_s,
            "-cipher",
            &cipher,
        ];
        let out2 = run_with_timeout(&mut openssl_command(client), TOOL_TIMEOUT).expect("s_client");
        let client_text = out2.combined();
        drop(server);
        let verify_ok = out.success() && verify_text.contains(": OK");
        let handshake_ok = client_text.contains("Verification: OK");
        for (tool, ok, text) in [
            ("openssl verify", verify_ok, &verify_text),
            ("s_client", handshake_ok, &client_text),
        ] {
            let reason = cause_of(text);
            let agree = if predicted_ok {
                ok
            } else {
                !ok && reason.is_some_and(|r| fails.contains(&r))
            };
            if !agree {
                failures.push(format!(
                    "{}: cipherdex fails with {fails:?}, {tool} {} (reason {reason:?}):\n{text}\nfindings: {findings:#?}",
                    case.what,
                    if ok { "passes" } else { "fails" },
                ));
            }
        }
    }
    eprintln!(
        "{} cases: {failing} fail verification, {passing} pass",
        CASES.len()
    );
    assert!(failing >= 8 && passing >= 4, "the cases prove little");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
