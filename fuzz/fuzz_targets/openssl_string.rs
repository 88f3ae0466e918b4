//! OpenSSL cipher strings and TLS 1.3 ciphersuites lists, for every target
//! version; an expansion written back as a string expands to the same list.

#![no_main]

use cipherdex::openssl::{self, Release};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    for target in [
        Release::OpenSsl111,
        Release::OpenSsl111Weak,
        Release::OpenSsl30,
        Release::OpenSsl32,
    ] {
        let _ = openssl::evaluate_ciphersuites(s, target);
        let Ok(first) = openssl::evaluate(s, target) else {
            continue;
        };
        let suites = first.suites();
        if suites.is_empty() {
            continue;
        }
        let written = openssl::write::openssl_string(&suites, target);
        let again = openssl::evaluate(written.text(), target)
            .unwrap_or_else(|e| panic!("{s:?} -> {:?}: {e}", written.text()));
        assert_eq!(
            again.codes(),
            first.codes(),
            "{s:?} -> {:?}",
            written.text()
        );
    }
});
