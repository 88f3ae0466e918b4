//! Suite lists: `list::split`, `list::parse`, `list::read` and every format.

#![no_main]

use cipherdex::list;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let split = list::split(s);
    let parsed = list::parse(s);
    assert_eq!(split.len(), parsed.len());
    let _ = list::read(s);
    for f in list::formats() {
        let _ = list::read_as(s, f.name());
    }
});
