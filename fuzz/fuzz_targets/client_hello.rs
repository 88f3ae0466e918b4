//! ClientHello bytes and hex: `scan::decode_bytes`, `scan::decode_hex` and
//! the ClientHello and cipher-vector report formats.

#![no_main]

use cipherdex::scan;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = scan::decode_bytes(data);
    // The same bytes as one hex stream, and the input itself as text.
    let hex: String = data.iter().map(|b| format!("{b:02x}")).collect();
    let _ = scan::decode_hex(&hex);
    let _ = scan::parse_as(scan::Format::ClientHello, &hex);
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = scan::decode_hex(s);
        let _ = scan::parse_as(scan::Format::CipherVector, s);
        let _ = scan::parse_as(scan::Format::ClientHello, s);
    }
});
