//! Scanner reports (sslscan, nmap, testssl.sh text/XML/JSON, server config
//! lines) and every other input format: detection and every reader.

#![no_main]

use cipherdex::input::{self, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = input::report(input::detect(s), s);
    for &f in Format::ALL {
        let _ = input::report(f, s);
    }
});
