//! JSON pieces that several commands print the same way (`negotiate` and
//! `simulate`): a suite by code and names, a group or signature scheme by
//! code and IANA name.

use cipherdex::{Group, Scheme, SignatureScheme, Suite};
use serde::Serialize;

/// A group or signature scheme: `{"code": "0x001D", "name": "x25519"}`.
#[derive(Serialize)]
pub struct CodeDoc {
    code: String,
    name: &'static str,
}

impl CodeDoc {
    /// A supported group by its code and IANA name.
    pub fn group(g: &Group) -> CodeDoc {
        CodeDoc {
            code: g.code_hex().to_string(),
            name: g.iana_name(),
        }
    }

    /// A signature scheme by its code and IANA name.
    pub fn sigalg(s: &SignatureScheme) -> CodeDoc {
        CodeDoc {
            code: s.code_hex().to_string(),
            name: s.iana_name(),
        }
    }
}

/// A suite: `{"code": "0xC02F", "iana": "TLS_...", "openssl": "ECDHE-..."}`.
#[derive(Serialize)]
pub struct SuiteDoc {
    code: String,
    iana: Option<&'static str>,
    openssl: Option<&'static str>,
}

impl SuiteDoc {
    /// A suite by its code and its IANA and OpenSSL names.
    pub fn new(s: &Suite) -> SuiteDoc {
        SuiteDoc {
            code: s.code_hex().to_string(),
            iana: s.name(Scheme::Iana),
            openssl: s.name(Scheme::OpenSsl),
        }
    }
}
