//! `cipherdex explain`: text, JSON, `-` and `@FILE`, exit status.

mod common;

use common::cipherdex;

fn json_of(args: &[&str], stdin: Option<&str>) -> (i32, serde_json::Value) {
    let mut cmd = cipherdex();
    cmd.arg("--json").args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.output().unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {out:?}"));
    (out.status.code().unwrap(), v)
}

#[test]
fn a_log_on_stdin_gives_every_match_with_its_line() {
    let log = "starting\n2026/12/02 [info] SSL_do_handshake() failed (SSL: error:0A0000C1:SSL routines::no shared cipher)\nok\nThe remote party sent a TLS alert: 'ProtocolVersion'\n";
    let (code, v) = json_of(&["explain", "-"], Some(log));
    assert_eq!(code, 0);
    let m = v["matches"].as_array().unwrap();
    let lines: Vec<u64> = m.iter().map(|x| x["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [2, 2, 4], "{v:#}");
    assert_eq!(m[0]["stack"], "nginx");
    assert_eq!(m[1]["alert"]["code"], 40);
    assert_eq!(m[1]["causes"][0]["id"], "no_shared_suite");
    assert_eq!(m[2]["stack"], "dotnet");
    assert_eq!(m[2]["alert"]["name"], "protocol_version");
    assert_eq!(m[2]["causes"][0]["id"], "no_common_version");
    assert!(m[2]["causes"][0]["check"]
        .as_str()
        .unwrap()
        .contains("versions"));
}

#[test]
fn direct_forms_and_files() {
    let (code, v) = json_of(&["explain", "0x80090331"], None);
    assert_eq!(code, 0);
    assert_eq!(v["matches"][0]["name"], "SEC_E_ALGORITHM_MISMATCH");
    let (_, v) = json_of(&["explain", "-2146893007"], None);
    assert_eq!(v["matches"][0]["stack"], "schannel");
    let (_, v) = json_of(&["explain", "alert", "40"], None);
    assert_eq!(v["matches"][0]["alert"]["name"], "handshake_failure");
    assert!(v["matches"][0]["stack"].is_null());
    let (_, v) = json_of(&["explain", "exit", "code", "60"], None);
    assert_eq!(v["matches"][0]["stack"], "curl");
    let dir = std::env::temp_dir().join(format!("cipherdex-explain-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("err.txt");
    std::fs::write(
        &file,
        "javax.net.ssl.SSLHandshakeException: PKIX path building failed\n",
    )
    .unwrap();
    let (code, v) = json_of(&["explain", &format!("@{}", file.display())], None);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 0);
    assert_eq!(v["matches"][0]["causes"][0]["id"], "cert_untrusted");
}

#[test]
fn nothing_recognised_exits_1_and_bad_input_2() {
    let out = cipherdex()
        .args(["explain", "all", "is", "well"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let (code, v) = json_of(&["explain", "all is well"], None);
    assert_eq!(code, 1);
    assert_eq!(v["matches"].as_array().map(Vec::len), Some(0));
    for bad in [
        &["explain", "alert", "300"][..],
        &["explain", "curl", "x"],
        &["explain", " "],
        &["explain", "@/nonexistent/cipherdex"],
    ] {
        let out = cipherdex().args(bad).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {out:?}");
        assert!(!out.stderr.is_empty(), "{bad:?}");
    }
}
