//! ClientHello bytes and hex: `hello::decode`, `hello::decode_hex` and the
//! ClientHello and cipher-vector input formats.

#![no_main]

use cipherdex::hello;
use cipherdex::input::{self, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = hello::decode(data);
    // The same bytes as one hex stream, and the input itself as text.
    let hex: String = data.iter().map(|b| format!("{b:02x}")).collect();
    let _ = hello::decode_hex(&hex);
    let _ = input::report(Format::ClientHello, &hex);
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = hello::decode_hex(s);
        let _ = input::report(Format::CipherVector, s);
        let _ = input::report(Format::ClientHello, s);
    }
});
