//! Scanner reports (sslscan, nmap, testssl.sh text/XML/JSON, server config
//! lines): detection and every parser.

#![no_main]

use cipherdex::scan;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = scan::detect(s);
    let _ = scan::parse(s);
    for &f in scan::Format::ALL {
        let _ = scan::parse_as(f, s);
    }
});
