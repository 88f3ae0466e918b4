//! Suite-list input, the same for every command: lists in one argument,
//! code spellings, `-`, `@FILE`, implicit standard input, a 10,000-line batch.

mod common;

use std::io::Write;

use common::{cipherdex, openssl_dump, stdout_of};
use predicates::prelude::*;

fn convert_iana() -> assert_cmd::Command {
    let mut c = cipherdex();
    c.args(["convert", "--to", "iana"]);
    c
}

#[test]
fn one_argument_holding_a_list() {
    for list in [
        "AES128-SHA:AES256-SHA",
        "AES128-SHA,AES256-SHA",
        "AES128-SHA AES256-SHA",
        "AES128-SHA\nAES256-SHA\n",
        " aes128-sha , aes256-sha ",
    ] {
        convert_iana()
            .arg(list)
            .assert()
            .success()
            .stdout("TLS_RSA_WITH_AES_128_CBC_SHA\nTLS_RSA_WITH_AES_256_CBC_SHA\n");
    }
}

#[test]
fn windows_policy_string() {
    // As the Group Policy "SSL Cipher Suite Order" setting holds it.
    convert_iana()
        .arg("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384_P384,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256,TLS_RSA_WITH_AES_128_CBC_SHA")
        .assert()
        .success()
        .stdout(
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384\nTLS_ECDHE_RSA_WITH_AES_128_CBC_SHA\nTLS_RSA_WITH_AES_128_CBC_SHA\n",
        );
}

#[test]
fn code_spellings_with_separators_stay_whole() {
    for code in [
        "0xC02B",
        "C02B",
        "0xC0,0x2B",
        "{0xC0,0x2B}",
        "{0xC0, 0x2B}",
        "c0 2b",
        "xc02b",
    ] {
        convert_iana()
            .arg(code)
            .assert()
            .success()
            .stdout("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256\n");
    }
    convert_iana()
        .arg("{0xC0,0x2B},{0xC0,0x2F}")
        .arg("0xC0,0x2C,0xC0,0x30")
        .assert()
        .success()
        .stdout(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256\nTLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n\
             TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384\nTLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\n",
        );
}

#[test]
fn dash_reads_standard_input_in_place() {
    convert_iana()
        .args(["AES128-SHA", "-", "AES256-SHA"])
        .write_stdin("DES-CBC3-SHA:RC4-SHA\n")
        .assert()
        .success()
        .stdout(
            "TLS_RSA_WITH_AES_128_CBC_SHA\nTLS_RSA_WITH_3DES_EDE_CBC_SHA\nTLS_RSA_WITH_RC4_128_SHA\nTLS_RSA_WITH_AES_256_CBC_SHA\n",
        );
}

#[test]
fn no_arguments_reads_standard_input() {
    convert_iana()
        .write_stdin("AES128-SHA\r\nAES256-SHA\r\n")
        .assert()
        .success()
        .stdout("TLS_RSA_WITH_AES_128_CBC_SHA\nTLS_RSA_WITH_AES_256_CBC_SHA\n");
    // The same without a subcommand: show.
    cipherdex()
        .write_stdin("AES128-SHA")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "TLS_RSA_WITH_AES_128_CBC_SHA  0x002F\n",
        ));
}

#[test]
fn empty_input_is_a_usage_error() {
    convert_iana()
        .write_stdin("")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "cipherdex: error: no suites given",
        ));
    convert_iana()
        .arg(" , : ")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no suites given"));
}

#[test]
fn at_file_reads_a_file_with_comments() {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    write!(
        f,
        "# accepted by the printer\nECDHE-RSA-AES128-SHA\n\n0x00,0x2F  # the fallback\n"
    )
    .unwrap();
    f.flush().unwrap();
    convert_iana()
        .arg(format!("@{}", f.path().display()))
        .arg("AES256-SHA")
        .assert()
        .success()
        .stdout("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA\nTLS_RSA_WITH_AES_128_CBC_SHA\nTLS_RSA_WITH_AES_256_CBC_SHA\n")
        .stderr("");
}

#[test]
fn windows_powershell_utf16_file() {
    // Windows PowerShell 5.1: `(Get-TlsCipherSuite).Name > suites.txt` writes
    // UTF-16LE with a byte-order mark and CRLF line ends.
    let text =
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\r\nTLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(&bytes).unwrap();
    f.flush().unwrap();
    cipherdex()
        .args(["convert", "--to", "openssl"])
        .arg(format!("@{}", f.path().display()))
        .assert()
        .success()
        .stdout("ECDHE-RSA-AES256-GCM-SHA384\nECDHE-RSA-AES128-SHA\n");
    // The same bytes on standard input.
    cipherdex()
        .args(["convert", "--to", "openssl"])
        .write_stdin(bytes)
        .assert()
        .success()
        .stdout("ECDHE-RSA-AES256-GCM-SHA384\nECDHE-RSA-AES128-SHA\n");
}

#[test]
fn missing_file_is_an_input_error() {
    convert_iana()
        .arg("@/nonexistent/cipherdex-suites.txt")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "cipherdex: error: cannot read /nonexistent/cipherdex-suites.txt",
        ));
    convert_iana()
        .arg("@")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("'@' needs a file name"));
}

#[test]
fn batch_of_ten_thousand_lines_in_order() {
    let rows = openssl_dump();
    let mut input = String::new();
    let mut want = String::new();
    for i in 0..10_000 {
        let row = &rows[i % rows.len()];
        // Every tenth line is unknown; the rest alternate between spellings.
        if i % 10 == 9 {
            input.push_str(&format!("NO-SUCH-SUITE-{i}\n"));
            want.push_str("-\n");
        } else {
            let spelled = match i % 3 {
                0 => row.openssl.clone(),
                1 => row.code.clone(),
                _ => row.iana.to_lowercase(),
            };
            input.push_str(&spelled);
            input.push('\n');
            want.push_str(&row.iana);
            want.push('\n');
        }
    }
    let out = convert_iana().write_stdin(input).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout_of(&out), want);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.lines().count(),
        1_000,
        "one error line per unknown input"
    );
    assert!(stderr
        .lines()
        .all(|l| l.starts_with("cipherdex: error: unknown suite \"NO-SUCH-SUITE-")));
}

#[test]
fn garbage_input_never_panics() {
    // Deterministic pseudo-random text over separators, braces, hex digits,
    // letters and non-ASCII: every command that reads suites reports and goes on.
    let alphabet: Vec<char> = "{}0xXc2bF9,: \n\t#@-_ABCDEHRSTW13é€\u{0}\u{FEFF}"
        .chars()
        .collect();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let text: String = (0..4000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            alphabet[(state % alphabet.len() as u64) as usize]
        })
        .collect();
    for args in [
        vec!["show"],
        vec!["convert", "--to", "openssl"],
        vec!["convert", "--to", "hex", "--format", "csv"],
        vec!["--json", "show"],
    ] {
        let out = cipherdex()
            .args(&args)
            .write_stdin(text.clone())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(0..=2)),
            "{args:?}: {:?}",
            out.status
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(stderr.contains("unknown suite"), "{args:?}");
    }
    // Raw bytes that are not UTF-8 at all.
    let bytes: Vec<u8> = (0..4000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let out = cipherdex()
        .args(["convert", "--to", "iana"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(1..=2)), "{:?}", out.status);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}
