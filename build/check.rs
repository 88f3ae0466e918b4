//! The checks across files: every table that names a suite by code or by
//! name is checked here against the knowledge base (`data/suites.csv` and
//! `data/names.csv`, loaded by `suites`). Each check reports
//! `data/FILE:LINE: what is wrong`.

use std::collections::HashMap;

use crate::attrs::{Curve, Scheme};
use crate::openssl::Cipher;
use crate::read::{self, Row};
use crate::suites::Kb;

/// Reads column `code` of a policy row and checks that it is a known suite
/// and that the name in `name_col` (if non-empty) is one of its names.
pub fn suite_code(kb: &Kb, row: &Row<'_>, name_col: &str, errors: &mut Vec<String>) -> Option<u32> {
    let code = match read::code(row.get("code")) {
        Ok(c) => c,
        Err(e) => {
            errors.push(format!("{}: column code: {e}", row.at()));
            return None;
        }
    };
    let Some(idx) = kb.suites.iter().position(|s| s.code == code) else {
        errors.push(format!(
            "{}: code {:04X} is not a suite in data/suites.csv",
            row.at(),
            code
        ));
        return None;
    };
    let name = row.get(name_col);
    if !name.is_empty() {
        let named = kb
            .by_name
            .get(&name.to_ascii_uppercase())
            .is_some_and(|l| l.contains(&idx));
        if !named {
            errors.push(format!(
                "{}: {name_col} {name:?} is not a name of {:04X} {}",
                row.at(),
                code,
                kb.suites[idx].name
            ));
        }
    }
    Some(code)
}

/// Every Windows (SChannel) name of `data/names.csv`: name -> (suite index, curve).
pub fn windows_names(kb: &Kb) -> HashMap<&str, (usize, Option<Curve>)> {
    let mut names = HashMap::new();
    for (i, s) in kb.suites.iter().enumerate() {
        for a in s.aliases.iter().filter(|a| a.scheme == Scheme::Windows) {
            names.insert(a.name.as_str(), (i, a.curve));
        }
    }
    names
}

/// Every row of the OpenSSL engine tables names a suite of `data/suites.csv`
/// by its code, and by an OpenSSL name of that suite in `data/names.csv` (the
/// IANA name for TLS 1.3, as OpenSSL spells those).
pub fn openssl_engine(kb: &Kb, rows: &[Cipher], errors: &mut Vec<String>) {
    for r in rows {
        let Some(s) = kb.suites.iter().find(|s| s.code == u32::from(r.code)) else {
            errors.push(format!(
                "{}: code {:04X} is not a suite in data/suites.csv",
                r.at, r.code
            ));
            continue;
        };
        let named = s
            .aliases
            .iter()
            .any(|a| a.scheme == Scheme::OpenSsl && a.name == r.name)
            || r.tls13 && s.name == r.name;
        if !named {
            let known: Vec<&str> = s
                .aliases
                .iter()
                .filter(|a| a.scheme == Scheme::OpenSsl)
                .map(|a| a.name.as_str())
                .collect();
            errors.push(format!(
                "{}: openssl_name {:?} is not an OpenSSL name of {:04X} {} in data/names.csv (its OpenSSL names: {})",
                r.at,
                r.name,
                r.code,
                s.name,
                if known.is_empty() { "none".to_string() } else { known.join(", ") }
            ));
        }
    }
}

/// GnuTLS's facts against the others: every suite of
/// `data/gnutls-suites.csv` is a suite of `data/suites.csv`, with its
/// GnuTLS name among that suite's names; every group and signature code of
/// `data/gnutls-algorithms.csv` is in the registries.
pub fn gnutls(
    kb: &Kb,
    registries: &crate::registries::Registries,
    g: &crate::gnutls::Gnutls,
    errors: &mut Vec<String>,
) {
    for s in &g.suites {
        let Some(idx) = kb.suites.iter().position(|k| k.code == u32::from(s.code)) else {
            errors.push(format!(
                "data/gnutls-suites.csv: {} 0x{:04X} is not a suite in data/suites.csv",
                s.name, s.code
            ));
            continue;
        };
        let gnutls_name = format!("GNUTLS_{}", s.name.trim_start_matches("TLS_"));
        let named = [s.name.as_str(), gnutls_name.as_str()].iter().any(|n| {
            kb.by_name
                .get(&n.to_ascii_uppercase())
                .is_some_and(|l| l.contains(&idx))
        });
        if !named {
            errors.push(format!(
                "data/gnutls-suites.csv: {} is not a name of 0x{:04X} {} in data/names.csv",
                s.name, s.code, kb.suites[idx].name
            ));
        }
    }
    for a in &g.algorithms {
        let Some(code) = a.code else { continue };
        let known = match a.kind {
            "group" | "curve" => registries.groups.iter().any(|r| r.common.code == code),
            "sign" => registries.sigalgs.iter().any(|r| r.common.code == code),
            _ => true,
        };
        if !known {
            errors.push(format!(
                "data/gnutls-algorithms.csv: {} {} has code 0x{code:04X}, which is not in the registry files",
                a.kind, a.name
            ));
        }
    }
}
