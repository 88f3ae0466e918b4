//! Windows listings (Get-TlsCipherSuite, the cipher suite order policy),
//! release names, negotiation profiles, policies and version ranges.

#![no_main]

use std::str::FromStr;

use cipherdex::{negotiate, profile, windows};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = windows::parse_windows_suite_list(s);
    let _ = windows::parse_get_tls_cipher_suite(s);
    let _ = windows::parse_tls_cipher_suite_names(s);
    let _ = windows::parse_cipher_suite_order(s);
    let _ = windows::Release::find(s);
    let _ = windows::Release::from_str(s);
    if s.len() <= 64 {
        let _ = windows::Release::suggest(s, 3);
    }
    for role in [profile::Role::Client, profile::Role::Server] {
        if let Ok(Some(p)) = profile::resolve(s, role) {
            // A resolved profile negotiates against itself without panicking.
            let _ = negotiate::negotiate(&p.peer, &p.peer).suite();
        }
    }
    let _ = <&'static cipherdex::Policy>::from_str(s);
    let _ = negotiate::parse_versions(s);
    let _ = negotiate::Preference::from_str(s);
});
