//! Suite lists: `input::split`, `input::parse`, and `input::read` in the
//! detected format and in every format.

#![no_main]

use cipherdex::input::{self, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let split = input::split(s);
    let parsed = input::parse(s);
    assert_eq!(split.len(), parsed.len());
    let _ = input::read(input::detect(s), s);
    for &f in Format::ALL {
        let _ = input::read(f, s);
    }
});
