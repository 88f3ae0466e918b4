//! `serde` support (feature `serde`): `Serialize` for suites, attribute
//! types, ratings, verdicts and policies; `Deserialize` for what a user sends
//! back (suites, attribute types, levels, weaknesses, policies, releases).
//!
//! A suite serializes as the object documented in README.md ("JSON output"):
//! `code` as `"0xC02B"`, `names` keyed by scheme (`null` where the scheme has
//! none), `protocols` as `["TLS1.2"]`, attributes as their canonical spellings.
//! It deserializes from that object (by its `code`) or from a string holding
//! any name or code, as [`lookup`](crate::lookup) reads it.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use crate::attrs::{
    Authentication, Cipher, Curve, GroupKind, HashAlgorithm, KeyExchange, Mac, Mode, NameKind,
    Origin, Prf, Protocol, Protocols, Recommended, Scheme, SignatureAlgorithm,
};
use crate::openssl::{self, Dialect};
use crate::policy::{ListVerdict, MozillaLevel, Policy, Reason, Verdict};
use crate::rating::{Level, Rating};
use crate::records::{Group, SignatureScheme};
use crate::registry::Registry;
use crate::suite::{CodeHex, Suite};
use crate::weakness::{Severity, Weakness, Weaknesses};
use crate::windows;

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
    HashAlgorithm,
    MozillaLevel
);

impl Serialize for openssl::Release {
    /// The label: `"3.0"`, `"1.1.1-weak"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

impl Serialize for Dialect {
    /// `"openssl"`, `"gnutls"`, `"nginx"`, `"apache"`, `"haproxy"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for windows::Release {
    /// The release name: `"server-2022"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

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

/// A policy reason: its sentence (as `Display` writes it).
impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
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

/// `{"code": "0x001D", "name": "x25519"}`: an entry of a list, as negotiate's JSON writes it.
struct CodeName(CodeHex, &'static str);

impl Serialize for CodeName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("CodeName", 2)?;
        st.serialize_field("code", &self.0)?;
        st.serialize_field("name", self.1)?;
        st.end()
    }
}

impl Serialize for crate::clients::Basis {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A catalogue client as README.md documents it (`cipherdex clients --json`):
/// its identity and source, then its handshake facts (lists as `{code, name}`
/// objects, `null` where not stated).
impl Serialize for crate::clients::Client {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let groups = |l: Option<&'static [&'static Group]>| {
            l.map(|l| {
                l.iter()
                    .map(|g| CodeName(g.code_hex(), g.iana_name()))
                    .collect::<Vec<_>>()
            })
        };
        let suites: Vec<CodeName> = self
            .suites()
            .iter()
            .map(|x| CodeName(x.code_hex(), x.canonical_name()))
            .collect();
        let sigalgs = self.sigalgs().map(|l| {
            l.iter()
                .map(|x| CodeName(x.code_hex(), x.iana_name()))
                .collect::<Vec<_>>()
        });
        let mut st = s.serialize_struct("Client", 19)?;
        st.serialize_field("id", self.id())?;
        st.serialize_field("name", self.name())?;
        st.serialize_field("software", self.software())?;
        st.serialize_field("version", self.version())?;
        st.serialize_field("released", &self.released())?;
        st.serialize_field("basis", &self.basis())?;
        st.serialize_field("source", self.source())?;
        st.serialize_field("captures", self.captures())?;
        st.serialize_field("versions", &self.versions())?;
        st.serialize_field("suites", &suites)?;
        st.serialize_field("groups", &groups(self.groups()))?;
        st.serialize_field("key_shares", &groups(self.key_shares()))?;
        st.serialize_field("sigalgs", &sigalgs)?;
        st.serialize_field("security_level", &self.security_level().map(|l| l.level()))?;
        st.serialize_field("min_rsa_bits", &self.min_rsa_bits())?;
        st.serialize_field("min_dh_bits", &self.min_dh_bits())?;
        st.serialize_field("min_ec_bits", &self.min_ec_bits())?;
        st.serialize_field("extensions", self.extensions())?;
        st.serialize_field("notes", self.notes())?;
        st.end()
    }
}

// ---------------------------------------------------------------------------------------------
// Deserialize: each value reads back from the spelling it serializes to (and from
// every spelling its `FromStr` accepts).

/// Reads a `T` from a string through its `FromStr`; the parser's message is the error.
struct Parsed<T>(PhantomData<T>, &'static str);

impl<T> Visitor<'_> for Parsed<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.1)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }
}

macro_rules! from_str {
    ($($t:ty => $what:literal),* $(,)?) => {$(
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_str(Parsed(PhantomData, $what))
            }
        }
    )*};
}
from_str!(
    Authentication => "an authentication name such as \"ECDSA\"",
    Cipher => "a cipher name such as \"AES\"",
    Curve => "a curve name such as \"P-256\"",
    KeyExchange => "a key exchange name such as \"ECDHE\"",
    Mac => "a MAC name such as \"SHA256\"",
    Mode => "a cipher mode such as \"GCM\"",
    NameKind => "a name kind such as \"current\"",
    Origin => "an origin such as \"iana\"",
    Prf => "a PRF name such as \"SHA256\"",
    Protocol => "a protocol version such as \"TLS1.2\"",
    Recommended => "an IANA Recommended value: \"Y\", \"N\" or \"D\"",
    Scheme => "a naming scheme such as \"openssl\"",
    Level => "a rating level: insecure, weak, secure or recommended",
    Severity => "a severity such as \"high\"",
    Weakness => "a weakness id such as \"sweet32\"",
    MozillaLevel => "a Mozilla level: modern, intermediate or old",
    openssl::Release => "an OpenSSL release such as \"3.0\"",
    Dialect => "a configuration dialect: openssl, gnutls, nginx, apache or haproxy",
    windows::Release => "a Windows release such as \"server-2022\"",
);

impl<'de> Deserialize<'de> for Protocols {
    /// A list of versions, as it serializes: `["TLS1.2", "TLS1.3"]`.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Protocols;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of protocol versions such as [\"TLS1.2\", \"TLS1.3\"]")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Protocols, A::Error> {
                let mut out = Protocols::EMPTY;
                while let Some(p) = seq.next_element::<Protocol>()? {
                    out = out.with(p);
                }
                Ok(out)
            }
        }
        d.deserialize_seq(V)
    }
}

/// A suite from a name or code string, or from the object it serializes to.
struct SuiteVisitor;

impl<'de> Visitor<'de> for SuiteVisitor {
    type Value = &'static Suite;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "a cipher suite: a name or code string (\"ECDHE-RSA-AES128-GCM-SHA256\", \"0xC02F\") \
             or a suite object with a \"code\" field",
        )
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<&'static Suite, E> {
        v.parse::<&'static Suite>().map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<&'static Suite, E> {
        u32::try_from(v)
            .ok()
            .and_then(Suite::from_code)
            .ok_or_else(|| E::custom(format!("no known cipher suite has code {v:#06X}")))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<&'static Suite, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "code" && found.is_none() {
                found = Some(map.next_value_seed(SuiteSeed)?);
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        found.ok_or_else(|| de::Error::missing_field("code"))
    }
}

/// The `code` field of a suite object: a code string or number.
struct SuiteSeed;

impl<'de> de::DeserializeSeed<'de> for SuiteSeed {
    type Value = &'static Suite;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<&'static Suite, D::Error> {
        d.deserialize_any(SuiteVisitor)
    }
}

impl<'de> Deserialize<'de> for &'static Suite {
    /// Any name or code as a string (as [`lookup`](crate::lookup) reads it), a
    /// number (the code), or the suite object cipherdex serializes (read by its
    /// `code`; the other fields are ignored).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SuiteVisitor)
    }
}

impl<'de> Deserialize<'de> for &'static Policy {
    /// A policy name (`"mozilla-intermediate-5.7"`; without a version, the
    /// newest), or the policy object cipherdex serializes (read by its `name`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = &'static Policy;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a policy name such as \"mozilla-intermediate-5.7\" or a policy object")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<&'static Policy, E> {
                v.parse::<&'static Policy>().map_err(E::custom)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<&'static Policy, A::Error> {
                let mut found = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key == "name" && found.is_none() {
                        let name = map.next_value::<std::borrow::Cow<'de, str>>()?;
                        found = Some(name.parse::<&'static Policy>().map_err(de::Error::custom)?);
                    } else {
                        map.next_value::<de::IgnoredAny>()?;
                    }
                }
                found.ok_or_else(|| de::Error::missing_field("name"))
            }
        }
        d.deserialize_any(V)
    }
}
