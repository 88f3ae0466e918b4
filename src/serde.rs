//! `serde::Serialize` for suites and attribute types (feature `serde`).
//!
//! A suite serializes as the object documented in README.md ("JSON output"):
//! `code` as `"0xC02B"`, `names` keyed by scheme (`null` where the scheme has
//! none), `protocols` as `["TLS1.2"]`, attributes as their canonical spellings.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use crate::attrs::{
    Authentication, Cipher, Curve, KeyExchange, Mac, Mode, NameKind, Origin, Prf, Protocol,
    Protocols, Recommended, Scheme,
};
use crate::suite::{CodeHex, Suite};

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
    Scheme
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
        let mut st = s.serialize_struct("Suite", 17)?;
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
        st.end()
    }
}
