//! OpenSSL security levels against the real OpenSSL 3.0: for every level 0 to
//! 5, the suites `openssl ciphers -s -psk 'ALL:COMPLEMENTOFALL:@SECLEVEL=n'`
//! keeps are exactly the suites cipherdex's level rules let through (SRP
//! suites left out on both sides: `-s` drops them without `-srp`).

mod common;

use std::collections::BTreeSet;

use cipherdex::openssl::{evaluate, Release, SecurityLevel};
use cipherdex::KeyExchange;
use common::{openssl_command, require_tool, run_with_timeout, TOOL_TIMEOUT};

fn openssl_kept(level: u8) -> BTreeSet<u32> {
    let out = run_with_timeout(
        &mut openssl_command([
            "ciphers",
            "-s",
            "-psk",
            "-V",
            "-ciphersuites",
            "",
            &format!("ALL:COMPLEMENTOFALL:@SECLEVEL={level}"),
        ]),
        TOOL_TIMEOUT,
    )
    .expect("openssl runs");
    assert!(out.success(), "openssl ciphers failed: {out}");
    out.stdout
        .lines()
        .filter_map(|l| {
            let code = l.split_whitespace().next()?;
            let (hi, lo) = code.split_once(',')?;
            let hi = u32::from_str_radix(hi.trim_start_matches("0x"), 16).ok()?;
            let lo = u32::from_str_radix(lo.trim_start_matches("0x"), 16).ok()?;
            Some(hi << 8 | lo)
        })
        .collect()
}

#[test]
fn suites_kept_at_each_level_match_openssl_3_0() {
    if !require_tool("openssl") {
        return;
    }
    let all = evaluate("ALL:COMPLEMENTOFALL", Release::OpenSsl30).expect("valid string");
    for level in 0..=5u8 {
        let rules = SecurityLevel::new(Release::OpenSsl30, level).expect("level 0-5");
        let ours: BTreeSet<u32> = all
            .ciphers()
            .iter()
            .map(|c| c.suite())
            .filter(|s| s.kex() != KeyExchange::Srp && rules.check_suite(s).is_ok())
            .map(|s| s.code())
            .collect();
        let theirs = openssl_kept(level);
        assert!(
            !theirs.is_empty(),
            "openssl listed nothing at level {level}"
        );
        let missing: Vec<String> = theirs
            .difference(&ours)
            .map(|c| format!("{c:#06X}"))
            .collect();
        let extra: Vec<String> = ours
            .difference(&theirs)
            .map(|c| format!("{c:#06X}"))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "level {level}: OpenSSL keeps {} suites, cipherdex {}; only OpenSSL: {missing:?}; only cipherdex: {extra:?}",
            theirs.len(),
            ours.len()
        );
    }
}
