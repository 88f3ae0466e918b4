//! `cipherdex convert`: the seed use-case, input forms, errors, exit status.

use assert_cmd::Command;
use predicates::prelude::*;

fn cipherdex() -> Command {
    Command::cargo_bin("cipherdex").expect("binary built")
}

#[test]
fn seed_use_case_openssl_to_iana_and_back() {
    cipherdex()
        .args(["convert", "--to", "iana", "ECDHE-ECDSA-AES256-SHA"])
        .assert()
        .success()
        .stdout("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA\n")
        .stderr("");
    cipherdex()
        .args([
            "convert",
            "--to",
            "openssl",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
        ])
        .assert()
        .success()
        .stdout("ECDHE-ECDSA-AES256-SHA\n");
}

#[test]
fn unknown_suite_suggests_and_the_rest_converts() {
    cipherdex()
        .args([
            "convert",
            "--to",
            "iana",
            "AES128-SHA",
            "ECDHE-RSA-AES256-GCM-SHA348",
            "AES256-SHA",
        ])
        .assert()
        .code(1)
        .stdout("TLS_RSA_WITH_AES_128_CBC_SHA\n-\nTLS_RSA_WITH_AES_256_CBC_SHA\n")
        .stderr(
            predicate::str::contains("unknown suite \"ECDHE-RSA-AES256-GCM-SHA348\"")
                .and(predicate::str::contains("did you mean ECDHE-RSA-AES256-GCM-SHA384")),
        );
}

#[test]
fn bad_scheme_lists_valid_ones() {
    cipherdex()
        .args(["convert", "--to", "klingon", "AES128-SHA"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::starts_with("cipherdex: error:")
                .and(predicate::str::contains("klingon"))
                .and(predicate::str::contains("openssl"))
                .and(predicate::str::contains("windows"))
                .and(predicate::str::contains("hex")),
        );
}
