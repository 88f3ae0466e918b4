//! Certificates: DER, PEM and the textual key descriptions `CertKey` parses.

#![no_main]

use std::str::FromStr;

use cipherdex::cert::CertKey;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = CertKey::from_der(data);
    let _ = CertKey::from_pem_or_der(data);
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = CertKey::from_str(s);
    }
});
