//! `serde::Serialize` for suites and attribute types (feature `serde`).
//!
//! A suite serializes as the object documented in README.md ("JSON output"):
//! `code` as `"0xC02B"`, `names` keyed by scheme (`null` where the scheme has
//! none), `protocols` as `["TLS1.2"]`, attributes as their canonical spellings.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use crate::attrs::{
    Authentication, Cipher, Curve, GroupKind, HashAlgorithm, KeyExchange, Mac, Mode, NameKind,
    Origin, Prf, Protocol, Protocols, Recommended, Scheme, SignatureAlgorithm,
};
use crate::policy::{ListVerdict, Policy, Verdict};
use crate::rating::{Level, Rating};
use crate::records::{Group, SignatureScheme};
use crate::registry::Registry;
use crate::suite::{CodeHex, Suite};
use crate::weakness::{Severity, Weakness, Weaknesses};

macro_rules! as_str {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    )*};
}
as_str!(
    Authentication,
    Cipher,
    Curve,
    KeyExchange,
    Mac,
    Mode,
    NameKind,
    Origin,
    Prf,
    Protocol,
    Recommended,
    Scheme,
    Level,
    Severity,
    GroupKind,
    SignatureAlgorithm,
    HashAlgorithm
);

impl Serialize for Protocols {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl Serialize for CodeHex {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The names object: every scheme, `null` where the suite has no name in it.
struct Names<'a>(&'a Suite);

impl Serialize for Names<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(Scheme::ALL.len()))?;
        for scheme in Scheme::ALL {
            m.serialize_entry(scheme.as_str(), &self.0.name(*scheme))?;
        }
        m.end()
    }
}

impl Serialize for Suite {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Suite", 19)?;
        st.serialize_field("code", &self.code_hex())?;
        st.serialize_field("name", self.canonical_name())?;
        st.serialize_field("names", &Names(self))?;
        st.serialize_field("protocols", &self.protocols())?;
        st.serialize_field("kex", &self.kex())?;
        st.serialize_field("auth", &self.auth())?;
        st.serialize_field("cipher", &self.cipher())?;
        st.serialize_field("cipher_bits", &self.cipher_bits())?;
        st.serialize_field("mode", &self.mode())?;
        st.serialize_field("mac", &self.mac())?;
        st.serialize_field("prf", &self.prf())?;
        st.serialize_field("aead", &self.is_aead())?;
        st.serialize_field("pfs", &self.has_forward_secrecy())?;
        st.serialize_field("export", &self.is_export())?;
        st.serialize_field("anonymous", &self.is_anonymous())?;
        st.serialize_field("iana_recommended", &self.iana_recommended())?;
        st.serialize_field("origin", &self.origin())?;
        let rating = self.rating();
        st.serialize_field("rating", &rating.level())?;
        st.serialize_field("reasons", &rating.reasons())?;
        st.end()
    }
}

/// A weakness: `{"id", "severity", "explanation", "reference"}`.
impl Serialize for Weakness {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Weakness", 4)?;
        st.serialize_field("id", self.id())?;
        st.serialize_field("severity", &self.severity())?;
        st.serialize_field("explanation", self.explanation())?;
        st.serialize_field("reference", self.reference())?;
        st.end()
    }
}

/// An array of weakness objects, most serious first.
impl Serialize for Weaknesses {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// `{"level": "weak" | null, "reasons": [...]}`.
impl Serialize for Rating {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Rating", 2)?;
        st.serialize_field("level", &self.level())?;
        st.serialize_field("reasons", &self.reasons())?;
        st.end()
    }
}

/// `{"allowed": bool, "reasons": ["..."]}`.
impl Serialize for Verdict {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Verdict", 2)?;
        st.serialize_field("allowed", &self.allowed)?;
        st.serialize_field("reasons", &self.reasons)?;
        st.end()
    }
}

/// `{"name", "family", "version", "date", "title", "source"}`.
impl Serialize for Policy {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Policy", 6)?;
        st.serialize_field("name", self.name())?;
        st.serialize_field("family", self.family())?;
        st.serialize_field("version", self.version())?;
        st.serialize_field("date", &self.date())?;
        st.serialize_field("title", self.title())?;
        st.serialize_field("source", self.source())?;
        st.end()
    }
}

/// One suite of a [`ListVerdict`]: `{"code", "name", "allowed", "reasons"}`.
struct Item<'a>(&'a Suite, &'a Verdict);

impl Serialize for Item<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Item", 4)?;
        st.serialize_field("code", &self.0.code_hex())?;
        st.serialize_field("name", self.0.canonical_name())?;
        st.serialize_field("allowed", &self.1.allowed)?;
        st.serialize_field("reasons", &self.1.reasons)?;
        st.end()
    }
}

/// `{"policy": "...", "allowed": bool, "allowed_count", "denied_count", "items": [...]}`.
impl Serialize for ListVerdict {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("ListVerdict", 5)?;
        st.serialize_field("policy", self.policy.name())?;
        st.serialize_field("allowed", &self.allowed())?;
        st.serialize_field("allowed_count", &self.allowed_count())?;
        st.serialize_field("denied_count", &self.denied_count())?;
        let items: Vec<Item<'_>> = self.items.iter().map(|(s, v)| Item(s, v)).collect();
        st.serialize_field("items", &items)?;
        st.end()
    }
}

/// The names object of a group or signature scheme: every scheme of its
/// registry, `null` where it has no name there.
struct RegistryNames(Registry, &'static [crate::records::Alias]);

impl Serialize for RegistryNames {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let schemes = self.0.schemes();
        let mut m = s.serialize_map(Some(schemes.len()))?;
        for scheme in schemes {
            let name = self.1.iter().find(|a| a.scheme == *scheme).map(|a| a.name);
            m.serialize_entry(scheme.as_str(), &name)?;
        }
        m.end()
    }
}

/// A group as README.md documents it: `code` (`"0x11EC"`), `name` (IANA),
/// `names` by scheme, and the attributes.
impl Serialize for Group {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Group", 11)?;
        st.serialize_field("code", &self.code_hex())?;
        st.serialize_field("name", self.iana_name())?;
        st.serialize_field("names", &RegistryNames(Registry::Groups, self.aliases()))?;
        st.serialize_field("kind", &self.kind())?;
        st.serialize_field("bits", &self.bits())?;
        st.serialize_field("protocols", &self.protocols())?;
        st.serialize_field("iana_recommended", &self.iana_recommended())?;
        st.serialize_field("dtls_ok", &self.dtls_ok())?;
        st.serialize_field("reference", &self.reference())?;
        st.serialize_field("origin", &self.origin())?;
        st.serialize_field("note", &self.note())?;
        st.end()
    }
}

/// A signature scheme as README.md documents it.
impl Serialize for SignatureScheme {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("SignatureScheme", 12)?;
        st.serialize_field("code", &self.code_hex())?;
        st.serialize_field("name", self.iana_name())?;
        st.serialize_field("names", &RegistryNames(Registry::Sigalgs, self.aliases()))?;
        st.serialize_field("algorithm", &self.algorithm())?;
        st.serialize_field("hash", &self.hash())?;
        st.serialize_field("curve", &self.curve().map(Group::iana_name))?;
        st.serialize_field("bits", &self.bits())?;
        st.serialize_field("protocols", &self.protocols())?;
        st.serialize_field("iana_recommended", &self.iana_recommended())?;
        st.serialize_field("reference", &self.reference())?;
        st.serialize_field("origin", &self.origin())?;
        st.serialize_field("note", &self.note())?;
        st.end()
    }
}
