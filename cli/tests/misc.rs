//! Help, version, completions, man page, unknown flags, closed pipes.

mod common;

use std::io::Read;
use std::process::{Command as StdCommand, Stdio};

use common::cipherdex;
use predicates::prelude::*;

#[test]
fn help_and_version_exit_zero() {
    cipherdex().arg("--help").assert().success().stdout(
        predicate::str::contains("show")
            .and(predicate::str::contains("convert"))
            .and(predicate::str::contains("list"))
            .and(predicate::str::contains("completions"))
            .and(predicate::str::contains("@FILE")),
    );
    cipherdex()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("cipherdex "));
    for sub in ["show", "convert", "list", "completions", "man"] {
        cipherdex().args([sub, "--help"]).assert().success();
    }
}

#[test]
fn unknown_flag_is_a_usage_error() {
    cipherdex()
        .args(["list", "--frobnicate"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::starts_with("cipherdex: error: unexpected argument '--frobnicate'")
                .and(predicate::str::contains("Valid options of 'list':"))
                .and(predicate::str::contains("--iana-recommended"))
                .and(predicate::str::contains("--json")),
        );
    cipherdex()
        .args(["convert", "--frobnicate"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--windows-release"));
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef cipherdex"),
        ("fish", "complete -c cipherdex"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        cipherdex()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(marker).and(predicate::str::contains("convert")));
    }
    // Value lists reach the completions: --to offers the schemes.
    cipherdex()
        .args(["completions", "bash"])
        .assert()
        .stdout(predicate::str::contains("openssl").and(predicate::str::contains("ECDHE")));
    cipherdex()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bash"));
}

#[test]
fn man_page() {
    cipherdex().arg("man").assert().success().stdout(
        predicate::str::contains(".TH cipherdex 1")
            .and(predicate::str::contains("convert"))
            .and(predicate::str::contains("list")),
    );
}

#[test]
fn closed_pipe_is_not_an_error() {
    // The reader goes away before cipherdex writes: every write fails with EPIPE.
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["convert", "--to", "iana", "AES128-SHA"],
    ] {
        let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("cipherdex"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

#[test]
fn list_into_head_exits_zero_quietly() {
    let bin = assert_cmd::cargo::cargo_bin("cipherdex");
    let out = StdCommand::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{}' list | head -1",
            bin.display()
        ))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    assert!(out.stderr.is_empty(), "{out:?}");
}

#[test]
fn mistyped_command_gets_a_hint() {
    cipherdex().arg("lsit").assert().code(1).stderr(
        predicate::str::contains("\"lsit\" is not a command; did you mean 'cipherdex list'?")
            .and(predicate::str::contains("unknown suite \"lsit\"")),
    );
    cipherdex()
        .args(["lsit", "--kex", "ECDHE"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean 'cipherdex list'?"));
}

#[test]
fn terminal_stdin_and_no_suites_is_a_usage_error_not_a_hang() {
    // `script` gives cipherdex a terminal as standard input.
    let bin = assert_cmd::cargo::cargo_bin("cipherdex");
    let script = std::path::Path::new("/usr/bin/script");
    if !script.exists() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "`script` (util-linux) is missing under CI"
        );
        eprintln!("SKIPPED: `script` (util-linux) not found; install util-linux");
        return;
    }
    let out = StdCommand::new(script)
        .args(["-qec", &format!("'{}' show", bin.display()), "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("cipherdex: error: no suites given"), "{text}");
}
