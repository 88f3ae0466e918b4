//! A flag given after the positional arguments works in every command, and
//! means the same as before them (`cipherdex decode 00 67 00 ff --json`).

mod common;

use common::cipherdex;

/// Runs `cipherdex ARGS` with `stdin`; returns (exit code, stdout, stderr).
fn run(args: &[&str], stdin: &str) -> (Option<i32>, String, String) {
    let out = cipherdex().args(args).write_stdin(stdin).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `late` (flag last) and `early` (flag first) give the same answer, which is
/// not a usage error and, where `json` is set, is a JSON document.
fn same(late: &[&str], early: &[&str], stdin: &str, json: bool) {
    let (code, out, err) = run(late, stdin);
    assert!(
        matches!(code, Some(0 | 1)),
        "cipherdex {late:?} exited {code:?}: {err}"
    );
    assert!(!out.is_empty(), "cipherdex {late:?} printed nothing: {err}");
    if json {
        serde_json::from_str::<serde_json::Value>(&out)
            .unwrap_or_else(|e| panic!("cipherdex {late:?} printed no JSON ({e}):\n{out}"));
    }
    assert_eq!(
        (code, out),
        {
            let (c, o, _) = run(early, stdin);
            (c, o)
        },
        "cipherdex {late:?} and {early:?} differ"
    );
}

#[test]
fn decode_hex_then_json() {
    same(
        &["decode", "00", "67", "00", "ff", "--json"],
        &["decode", "--json", "00", "67", "00", "ff"],
        "",
        true,
    );
}

#[test]
fn decode_stdin_then_json() {
    same(
        &["decode", "-", "--json"],
        &["decode", "--json", "-"],
        "c0 2b c0 2f\n",
        true,
    );
}

#[test]
fn bare_suites_then_json() {
    same(
        &["AES128-SHA", "0xC02B", "--json"],
        &["--json", "AES128-SHA", "0xC02B"],
        "",
        true,
    );
}

#[test]
fn show_then_json() {
    same(
        &["show", "AES128-SHA", "--json"],
        &["show", "--json", "AES128-SHA"],
        "",
        true,
    );
}

#[test]
fn show_stdin_then_json() {
    same(
        &["show", "-", "--json"],
        &["show", "--json", "-"],
        "AES128-SHA\n",
        true,
    );
}

#[test]
fn convert_then_to() {
    same(
        &["convert", "ECDHE-ECDSA-AES256-SHA", "--to", "iana"],
        &["convert", "--to", "iana", "ECDHE-ECDSA-AES256-SHA"],
        "",
        false,
    );
}

#[test]
fn list_option_value_then_json() {
    // `list` has no positional arguments: a flag after an option's value.
    same(
        &["list", "--kex", "ECDHE", "--json"],
        &["list", "--json", "--kex", "ECDHE"],
        "",
        true,
    );
}

#[test]
fn expand_then_json() {
    same(
        &["expand", "HIGH:!aNULL", "--json"],
        &["expand", "--json", "HIGH:!aNULL"],
        "",
        true,
    );
}

#[test]
fn expand_string_starting_with_a_hyphen_then_json() {
    same(
        &["expand", "-ALL:HIGH", "--json"],
        &["expand", "--json", "-ALL:HIGH"],
        "",
        true,
    );
}

#[test]
fn compile_then_target() {
    same(
        &["compile", "AES128-SHA", "0xC02B", "--target", "nginx"],
        &["compile", "--target", "nginx", "AES128-SHA", "0xC02B"],
        "",
        false,
    );
}

#[test]
fn audit_then_json() {
    same(
        &["audit", "AES128-SHA", "0xC02B", "--json"],
        &["audit", "--json", "AES128-SHA", "0xC02B"],
        "",
        true,
    );
}

#[test]
fn windows_release_then_json() {
    same(
        &["windows", "server-2022", "--json"],
        &["windows", "--json", "server-2022"],
        "",
        true,
    );
}

#[test]
fn windows_gpo_suites_then_json() {
    same(
        &[
            "windows",
            "server-2022",
            "--gpo",
            "0xC02B",
            "0xC02F",
            "--json",
        ],
        &[
            "windows",
            "--json",
            "server-2022",
            "--gpo",
            "0xC02B",
            "0xC02F",
        ],
        "",
        true,
    );
}

#[test]
fn check_cert_then_cert() {
    same(
        &["check-cert", "AES128-SHA", "--cert", "rsa"],
        &["check-cert", "--cert", "rsa", "AES128-SHA"],
        "",
        false,
    );
}

#[test]
fn negotiate_option_value_then_json() {
    // `negotiate` has no positional arguments: a flag after a list value.
    same(
        &[
            "negotiate",
            "--client",
            "-",
            "--server",
            "windows:7",
            "--json",
        ],
        &[
            "negotiate",
            "--json",
            "--client",
            "-",
            "--server",
            "windows:7",
        ],
        "AES128-SHA\n",
        true,
    );
}

#[test]
fn completions_shell_then_flag() {
    same(
        &["completions", "bash", "--json"],
        &["completions", "--json", "bash"],
        "",
        false,
    );
}

#[test]
fn man_then_flag() {
    // `man` has no positional arguments.
    same(&["man", "--json"], &["--json", "man"], "", false);
}

#[test]
fn clients_ids_then_json() {
    same(
        &["clients", "java-17", "go-*", "--json"],
        &["clients", "--json", "java-17", "go-*"],
        "",
        true,
    );
}

#[test]
fn simulate_option_values_then_json() {
    // `simulate` has no positional arguments: flags after list values.
    same(
        &[
            "simulate",
            "--server",
            "-",
            "--clients",
            "java-*,openssl-*",
            "--before-versions",
            "1.0-1.3",
            "--json",
        ],
        &[
            "simulate",
            "--json",
            "--before-versions",
            "1.0-1.3",
            "--clients",
            "java-*,openssl-*",
            "--server",
            "-",
        ],
        "AES128-SHA\n",
        true,
    );
}
