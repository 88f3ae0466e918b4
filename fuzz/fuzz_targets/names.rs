//! Names and code spellings: `lookup`, `lookup_all`, `parse_code`, `suggest`.
//! A hit must be one of the suite's names (ignoring case) or a code.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let one = cipherdex::lookup(s);
    assert_eq!(one, cipherdex::lookup_all(s).next());
    if let Some(suite) = one {
        let t = s.trim();
        assert!(
            suite
                .aliases()
                .iter()
                .any(|a| a.name().eq_ignore_ascii_case(t))
                || suite.canonical_name().eq_ignore_ascii_case(t)
                || cipherdex::parse_code(t) == Some(suite.code()),
            "{s:?} -> {}",
            suite.canonical_name()
        );
    }
    let _ = cipherdex::parse_code(s);
    // suggest compares with every name (milliseconds a call): only for short
    // inputs that start with '?', so the lookup paths get most executions.
    if s.len() <= 64 && s.starts_with('?') {
        let s = &s[1..];
        for name in cipherdex::suggest(s, 3) {
            assert!(cipherdex::lookup(name).is_some());
        }
    }
});
