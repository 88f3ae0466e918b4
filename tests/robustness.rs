//! Property tests: no input makes a public parsing function panic, and names
//! and codes round-trip through their suites in any spelling.
//!
//! Inputs are arbitrary Unicode strings, arbitrary bytes read as (lossy)
//! UTF-8, and strings built from the characters cipher suite names and code
//! spellings are made of, so the generator reaches the parsers' deeper paths.

use cipherdex::{Scheme, Suite};
use proptest::prelude::*;

/// Strings over the alphabet of names and code spellings.
fn namey() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[A-Za-z0-9_\\-{}, x\t]{0,80}").expect("valid regex")
}

/// Arbitrary bytes, as a caller holding raw input would pass them on.
fn bytes_as_str() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<u8>(), 0..200)
        .prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

fn any_input() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), namey(), bytes_as_str()]
}

/// Every (suite, alias name) pair, in table order.
fn all_names() -> Vec<(&'static Suite, &'static str)> {
    Suite::all()
        .iter()
        .flat_map(|s| s.aliases().iter().map(move |a| (s, a.name())))
        .collect()
}

/// `name` with each ASCII letter's case set by the bits of `mask` (cycled).
fn recase(name: &str, mask: u64) -> String {
    name.chars()
        .enumerate()
        .map(|(i, c)| {
            if mask >> (i % 64) & 1 == 1 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn lookup_never_panics(s in any_input()) {
        let one = cipherdex::lookup(&s);
        let all: Vec<_> = cipherdex::lookup_all(&s).collect();
        // lookup is the first of lookup_all, whatever the input.
        prop_assert_eq!(one, all.first().copied());
    }

    #[test]
    fn parse_code_never_panics_and_agrees_with_lookup(s in any_input()) {
        if let Some(code) = cipherdex::parse_code(&s) {
            prop_assert!(code <= 0xFF_FFFF, "{code:#x} from {s:?} is wider than three bytes");
            // A code that names a suite is found by lookup too, unless the
            // spelling is also a name (no name looks like a code today).
            if let Some(suite) = Suite::from_code(code) {
                prop_assert!(cipherdex::lookup(&s).is_some(), "{s:?} -> {suite:?}");
            }
        }
    }

    #[test]
    fn any_name_in_any_case_finds_its_suite(i in any::<prop::sample::Index>(), mask in any::<u64>(), pad in "[ \t]{0,3}") {
        let names = all_names();
        let (suite, name) = names[i.index(names.len())];
        let input = format!("{pad}{}{pad}", recase(name, mask));
        let found: Vec<_> = cipherdex::lookup_all(&input).collect();
        prop_assert!(found.contains(&suite), "{input:?} did not find {}", suite.canonical_name());
        let first = cipherdex::lookup(&input).expect("found above");
        prop_assert!(
            first.aliases().iter().any(|a| a.name().eq_ignore_ascii_case(name)),
            "{input:?} -> {}, which has no such name", first.canonical_name()
        );
    }

    #[test]
    fn lookup_has_no_false_positives(s in any_input()) {
        // A name match means the input is one of the suite's names, ignoring case.
        if let Some(suite) = cipherdex::lookup(&s) {
            let t = s.trim();
            prop_assert!(
                suite.aliases().iter().any(|a| a.name().eq_ignore_ascii_case(t))
                    || suite.canonical_name().eq_ignore_ascii_case(t)
                    || cipherdex::parse_code(t) == Some(suite.code()),
                "{s:?} -> {}", suite.canonical_name()
            );
        }
    }

    #[test]
    fn a_name_one_byte_off_is_not_found_as_that_name(
        i in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        byte in 0x20u8..0x7f,
    ) {
        let names = all_names();
        let (_, name) = names[i.index(names.len())];
        let mut b = name.as_bytes().to_vec();
        let at = at.index(b.len());
        if b[at].eq_ignore_ascii_case(&byte) {
            return Ok(());
        }
        b[at] = byte;
        let changed = String::from_utf8(b).expect("ASCII");
        if let Some(suite) = cipherdex::lookup(&changed) {
            let t = changed.trim();
            prop_assert!(
                suite.aliases().iter().any(|a| a.name().eq_ignore_ascii_case(t))
                    || suite.canonical_name().eq_ignore_ascii_case(t)
                    || cipherdex::parse_code(t).is_some(),
                "{changed:?} (from {name:?}) -> {}", suite.canonical_name()
            );
        }
    }

    #[test]
    fn codes_round_trip_in_every_spelling(code in any::<u16>(), upper in any::<bool>()) {
        let (hi, lo) = (code >> 8, code & 0xFF);
        let mut spellings = vec![
            format!("0x{code:04x}"),
            format!("{code:04x}"),
            format!("x{code:x}"),
            format!("0x{hi:02x},0x{lo:02x}"),
            format!("{{0x{hi:02x}, 0x{lo:02x}}}"),
            format!("{hi:02x} {lo:02x}"),
        ];
        if upper {
            spellings = spellings.iter().map(|s| s.to_ascii_uppercase()).collect();
        }
        for s in &spellings {
            prop_assert_eq!(cipherdex::parse_code(s), Some(u32::from(code)), "{}", s);
            prop_assert_eq!(
                cipherdex::lookup(s).map(Suite::code),
                Suite::from_code(u32::from(code)).map(Suite::code),
                "{}", s
            );
        }
    }
}

proptest! {
    // suggest compares against every known name: fewer cases keep debug runs short.
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn suggest_never_panics(s in any_input(), max in 0usize..8) {
        let found = cipherdex::suggest(&s, max);
        prop_assert!(found.len() <= max);
        for name in found {
            prop_assert!(cipherdex::lookup(name).is_some(), "suggested unknown {name:?}");
        }
    }
}

#[test]
fn every_name_round_trips_exactly() {
    // name -> suite -> the same name in the same scheme, for every alias.
    for suite in Suite::all() {
        for alias in suite.aliases() {
            let found: Vec<_> = cipherdex::lookup_all(alias.name()).collect();
            assert!(
                found.contains(&suite),
                "{} lost {}",
                alias.name(),
                suite.code_hex()
            );
            assert!(
                suite
                    .names_in(alias.scheme())
                    .any(|a| a.name() == alias.name()),
                "{:?} name {} not listed under its scheme",
                alias.scheme(),
                alias.name()
            );
        }
        // The current name in each scheme leads back to this suite.
        for scheme in Scheme::ALL {
            if let Some(n) = suite.name(*scheme) {
                assert!(cipherdex::lookup_all(n).any(|s| s == suite), "{n}");
            }
        }
    }
}

#[test]
fn huge_inputs_are_answered() {
    let long = "ECDHE-RSA-AES256-GCM-SHA384".repeat(400_000); // about 10 MB
    assert!(cipherdex::lookup(&long).is_none());
    assert!(cipherdex::parse_code(&long).is_none());
    assert!(cipherdex::suggest(&long[..10_000], 3).is_empty());
}
