//! One named static per IANA-registered suite (`cipherdex::suites`), each
//! pointing into `SUITES`, with a doc line giving its code, IANA's
//! Recommended value and its reference.

use std::fmt::Write as _;

use crate::attrs::Origin;
use crate::suites::Kb;

/// Emits `pub static NAME: &Suite = &super::SUITES[i];` for every suite whose
/// origin is IANA, named exactly as the registry spells it.
pub fn emit(kb: &Kb) -> Result<String, Vec<String>> {
    let mut o = String::new();
    let mut errors = Vec::new();
    for (i, s) in kb.suites.iter().enumerate() {
        if s.origin != Origin::Iana {
            continue;
        }
        let ident_ok = s.name.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if !ident_ok {
            errors.push(format!(
                "data/suites.csv: IANA name {:?} (0x{:04X}) is not a Rust identifier: \
                 cipherdex::suites needs letters, digits and `_`",
                s.name, s.code
            ));
            continue;
        }
        let recommended = s.recommended.map_or("-", |r| r.as_str());
        let reference = if s.reference.is_empty() {
            "-".to_owned()
        } else {
            s.reference
                .split_whitespace()
                .map(|r| {
                    // rustdoc links URLs only in angle brackets.
                    if r.starts_with("http") {
                        format!("<{r}>")
                    } else {
                        r.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            o,
            "/// `0x{:04X}` · Recommended: `{recommended}` · {reference}",
            s.code
        );
        let _ = writeln!(o, "pub static {}: &Suite = &super::SUITES[{i}];", s.name);
    }
    if errors.is_empty() {
        Ok(o)
    } else {
        Err(errors)
    }
}
