//! The ClientHello: what a client offers, decoded from the bytes it sent.
//!
//! [`decode`] reads a TLS record (one or several carrying one hello), a bare
//! handshake message or an SSL 2.0-format hello into a [`ClientHello`]: the
//! versions offered (`legacy_version` and `supported_versions`), the cipher
//! suites (GREASE and unknown codes kept, in order), the groups, the key
//! shares, `signature_algorithms` and `signature_algorithms_cert`, the SNI
//! host name, ALPN, and every extension with its byte offset. A hello that
//! is cut off or corrupt is a [`HelloError`] naming the field, its byte
//! offset and what was expected.
//!
//! Hellos are mostly met as text: [`decode_hex`] takes a hex dump, a
//! Wireshark hex stream or a whole `openssl s_client -msg` transcript and
//! gives the bytes to decode. Negotiation reads a client from a
//! [`ClientHello`]; the input formats (`cipherdex::input`) read one as a
//! suite list.
//!
//! The lists are kept as the code points sent (`cipher_suites`,
//! `supported_groups`, ...); [`ClientHello::suites`], [`ClientHello::groups`],
//! [`ClientHello::key_share_groups`], [`ClientHello::signature_schemes`] and
//! [`ClientHello::signature_schemes_cert`] give the same lists as registry
//! entries ([`Suite`], [`Group`], [`SignatureScheme`]), each an [`Offered`]:
//! known, GREASE, or a code cipherdex does not know. Names come from those
//! registries; [`extension_name`] and [`version_name`] name the rest.
//!
//! ```
//! use cipherdex::hello;
//!
//! let text = "16 03 01 00 2f 01 00 00 2b 03 03 \
//!     00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 \
//!     00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 \
//!     00 00 04 c0 2f 00 ff 01 00";
//! let bytes = hello::decode_hex(text)?;
//! let hello = hello::decode(&bytes.bytes)?;
//! assert_eq!(hello.record_version, Some(0x0301));
//! assert_eq!(hello.offered_versions(), [0x0303]);
//! assert_eq!(hello.cipher_suites, [0xC02F, 0x00FF]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod decode;
mod hex;
mod names;

use std::fmt;

use crate::group::Group;
use crate::sigalg::SignatureScheme;
use crate::suite::Suite;

pub use decode::decode;
pub use hex::{decode_hex, HexBytes, HexError};
pub(crate) use hex::{is_transcript, looks_like_hex, starts_like_hello};
pub use names::{extension_name, version_name};

/// True for the GREASE values of RFC 8701 (`0x0A0A`, `0x1A1A`, ... `0xFAFA`),
/// which clients send in every list to keep servers tolerant.
///
/// ```
/// assert!(cipherdex::hello::is_grease(0x3A3A));
/// assert!(!cipherdex::hello::is_grease(0x3A3B));
/// ```
pub fn is_grease(v: u16) -> bool {
    v & 0x0F0F == 0x0A0A && (v >> 8) == (v & 0xFF)
}

/// A decoded ClientHello.
///
/// ```
/// use cipherdex::hello;
/// // Handshake header, version, random, empty session id, 2 suites, null compression.
/// let mut b = vec![0x01, 0x00, 0x00, 0x2b, 0x03, 0x03];
/// b.extend([0u8; 32]);
/// b.extend([0x00, 0x00, 0x04, 0x00, 0x67, 0x00, 0xff, 0x01, 0x00]);
/// let hello = hello::decode(&b)?;
/// assert_eq!(hello.legacy_version, 0x0303);
/// assert_eq!(hello.cipher_suites, [0x0067, 0x00FF]);
/// assert_eq!(hello.server_name, None);
/// assert!(hello.extensions.is_empty());
/// # Ok::<(), cipherdex::hello::HelloError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClientHello {
    /// The version in the TLS record header, when the input starts with the record.
    pub record_version: Option<u16>,
    /// True for an SSL 2.0-format ClientHello (`80 xx 01 ...`).
    pub sslv2_format: bool,
    /// `legacy_version` (the highest version offered before TLS 1.3).
    pub legacy_version: u16,
    /// The client random (SSL 2.0: the challenge).
    pub random: Vec<u8>,
    /// The legacy session id.
    pub session_id: Vec<u8>,
    /// The offered cipher suites, in the client's order, GREASE and unknown codes
    /// included (SSL 2.0 hellos can hold three-byte kinds).
    pub cipher_suites: Vec<u32>,
    /// The compression methods (`[0]` = null only). Empty for SSL 2.0 hellos.
    pub compression_methods: Vec<u8>,
    /// Every extension, in order.
    pub extensions: Vec<Extension>,
    /// The `server_name` (SNI) host name, if the extension is there.
    pub server_name: Option<String>,
    /// The `supported_versions` list (TLS 1.3 clients), empty without the extension.
    pub supported_versions: Vec<u16>,
    /// The `supported_groups` list (curves and finite-field groups).
    pub supported_groups: Vec<u16>,
    /// The groups of the `key_share` entries (TLS 1.3), in order; empty
    /// without the extension.
    pub key_shares: Vec<u16>,
    /// The `signature_algorithms` list (signature scheme codes).
    pub signature_algorithms: Vec<u16>,
    /// The `signature_algorithms_cert` list, empty without the extension.
    pub signature_algorithms_cert: Vec<u16>,
    /// The ALPN protocol names (`h2`, `http/1.1`).
    pub alpn: Vec<String>,
}

impl ClientHello {
    /// True if the hello carries an extension of type `kind`.
    ///
    /// ```
    /// # let mut b = vec![0x01, 0x00, 0x00, 0x2f, 0x03, 0x03];
    /// # b.extend([0u8; 32]);
    /// # b.extend([0x00, 0x00, 0x02, 0x00, 0x2f, 0x01, 0x00, 0x00, 0x04, 0x00, 0x17, 0x00, 0x00]);
    /// let hello = cipherdex::hello::decode(&b)?;
    /// assert!(hello.has_extension(23)); // extended_master_secret
    /// assert!(!hello.has_extension(0)); // no SNI
    /// # Ok::<(), cipherdex::hello::HelloError>(())
    /// ```
    pub fn has_extension(&self, kind: u16) -> bool {
        self.extensions.iter().any(|e| e.kind == kind)
    }

    /// The versions offered: `supported_versions` without GREASE when present,
    /// otherwise `legacy_version` alone.
    pub fn offered_versions(&self) -> Vec<u16> {
        let v: Vec<u16> = self
            .supported_versions
            .iter()
            .copied()
            .filter(|&v| !is_grease(v))
            .collect();
        if v.is_empty() {
            vec![self.legacy_version]
        } else {
            v
        }
    }

    /// The offered cipher suites cipherdex knows, in the client's order;
    /// GREASE values, signalling values kept, unknown codes left out (they
    /// stay in [`ClientHello::cipher_suites`]).
    ///
    /// ```
    /// # let mut b = vec![0x01, 0x00, 0x00, 0x2d, 0x03, 0x03];
    /// # b.extend([0u8; 32]);
    /// # b.extend([0x00, 0x00, 0x06, 0x0a, 0x0a, 0x00, 0x67, 0x77, 0x77, 0x01, 0x00]);
    /// let hello = cipherdex::hello::decode(&b)?;
    /// assert_eq!(hello.cipher_suites, [0x0A0A, 0x0067, 0x7777]);
    /// let known: Vec<_> = hello.known_suites().map(|s| s.code()).collect();
    /// assert_eq!(known, [0x0067]);
    /// # Ok::<(), cipherdex::hello::HelloError>(())
    /// ```
    pub fn known_suites(&self) -> impl Iterator<Item = &'static Suite> + '_ {
        self.cipher_suites
            .iter()
            .filter(|&&c| !(c <= 0xFFFF && is_grease(c as u16)))
            .filter_map(|&c| Suite::from_code(c))
    }

    /// Every offered cipher suite, in the client's order, as the registry
    /// entry where cipherdex knows the code, GREASE, or the unknown code
    /// (three-byte SSL 2.0 kinds included).
    ///
    /// ```
    /// use cipherdex::hello::Offered;
    /// # let mut b = vec![0x01, 0x00, 0x00, 0x2d, 0x03, 0x03];
    /// # b.extend([0u8; 32]);
    /// # b.extend([0x00, 0x00, 0x06, 0x0a, 0x0a, 0x00, 0x67, 0x77, 0x77, 0x01, 0x00]);
    /// let hello = cipherdex::hello::decode(&b)?;
    /// let s: Vec<_> = hello.suites().collect();
    /// assert_eq!(s[0], Offered::Grease(0x0A0A));
    /// assert_eq!(s[1].known().map(|s| s.canonical_name()), Some("TLS_DHE_RSA_WITH_AES_128_CBC_SHA256"));
    /// assert_eq!(s[2], Offered::Unknown(0x7777));
    /// assert_eq!(s[2].name(), None);
    /// # Ok::<(), cipherdex::hello::HelloError>(())
    /// ```
    pub fn suites(&self) -> impl Iterator<Item = Offered<Suite, u32>> + '_ {
        self.cipher_suites.iter().map(|&c| {
            if u16::try_from(c).is_ok_and(is_grease) {
                Offered::Grease(c)
            } else {
                Suite::from_code(c).map_or(Offered::Unknown(c), Offered::Known)
            }
        })
    }

    /// The `supported_groups` list as registry entries, in the client's order.
    ///
    /// ```
    /// # let mut b = vec![0x01, 0x00, 0x00, 0x39, 0x03, 0x03];
    /// # b.extend([0u8; 32]);
    /// # b.extend([0x00, 0x00, 0x02, 0x13, 0x01, 0x01, 0x00]);
    /// # b.extend([0x00, 0x0e, 0x00, 0x0a, 0x00, 0x0a, 0x00, 0x08]);
    /// # b.extend([0x0a, 0x0a, 0x00, 0x1d, 0x00, 0x17, 0x12, 0x34]);
    /// let hello = cipherdex::hello::decode(&b)?;
    /// assert_eq!(hello.supported_groups, [0x0A0A, 0x001D, 0x0017, 0x1234]);
    /// let names: Vec<_> = hello.groups().map(|g| g.name().unwrap_or("?")).collect();
    /// assert_eq!(names, ["GREASE", "x25519", "secp256r1", "?"]);
    /// assert_eq!(hello.groups().nth(1).and_then(|g| g.known()), Some(cipherdex::groups::X25519));
    /// # Ok::<(), cipherdex::hello::HelloError>(())
    /// ```
    pub fn groups(&self) -> impl Iterator<Item = Offered<Group>> + '_ {
        self.supported_groups
            .iter()
            .map(|&c| Offered::of(c, Group::from_code))
    }

    /// The groups of the `key_share` entries as registry entries, in order.
    pub fn key_share_groups(&self) -> impl Iterator<Item = Offered<Group>> + '_ {
        self.key_shares
            .iter()
            .map(|&c| Offered::of(c, Group::from_code))
    }

    /// The `signature_algorithms` list as registry entries, in the client's
    /// order (TLS 1.2 hash/signature pairs included).
    ///
    /// ```
    /// # let mut b = vec![0x01, 0x00, 0x00, 0x37, 0x03, 0x03];
    /// # b.extend([0u8; 32]);
    /// # b.extend([0x00, 0x00, 0x02, 0x13, 0x01, 0x01, 0x00]);
    /// # b.extend([0x00, 0x0c, 0x00, 0x0d, 0x00, 0x08, 0x00, 0x06, 0x04, 0x03, 0x08, 0x04, 0x03, 0x01]);
    /// let hello = cipherdex::hello::decode(&b)?;
    /// let names: Vec<_> = hello.signature_schemes().filter_map(|s| s.name()).collect();
    /// assert_eq!(names, ["ecdsa_secp256r1_sha256", "rsa_pss_rsae_sha256", "rsa_pkcs1_sha224"]);
    /// # Ok::<(), cipherdex::hello::HelloError>(())
    /// ```
    pub fn signature_schemes(&self) -> impl Iterator<Item = Offered<SignatureScheme>> + '_ {
        self.signature_algorithms
            .iter()
            .map(|&c| Offered::of(c, SignatureScheme::from_code))
    }

    /// The `signature_algorithms_cert` list as registry entries, in order.
    pub fn signature_schemes_cert(&self) -> impl Iterator<Item = Offered<SignatureScheme>> + '_ {
        self.signature_algorithms_cert
            .iter()
            .map(|&c| Offered::of(c, SignatureScheme::from_code))
    }
}

/// One code point a ClientHello offers: the registry entry where cipherdex
/// knows it, a GREASE value (RFC 8701), or a code it does not know. `C` is
/// the code's type: `u16` for groups and signature schemes, `u32` for
/// cipher suites (SSL 2.0 hellos carry three-byte kinds).
///
/// ```
/// use cipherdex::hello::Offered;
/// use cipherdex::Group;
/// let g: Offered<Group> = Offered::Unknown(0x1234);
/// assert_eq!((g.code(), g.name(), g.known()), (0x1234, None, None));
/// ```
#[derive(Debug, PartialEq, Eq)]
pub enum Offered<T: 'static, C = u16> {
    /// In cipherdex's registry.
    Known(&'static T),
    /// A GREASE value.
    Grease(C),
    /// A code cipherdex does not know.
    Unknown(C),
}

impl<T: 'static, C: Copy> Clone for Offered<T, C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static, C: Copy> Copy for Offered<T, C> {}

impl<T: 'static, C: Copy> Offered<T, C> {
    /// The registry entry, if cipherdex knows the code.
    pub fn known(self) -> Option<&'static T> {
        match self {
            Offered::Known(t) => Some(t),
            Offered::Grease(_) | Offered::Unknown(_) => None,
        }
    }
}

impl<T: 'static> Offered<T> {
    fn of(code: u16, find: fn(u16) -> Option<&'static T>) -> Offered<T> {
        if is_grease(code) {
            Offered::Grease(code)
        } else {
            find(code).map_or(Offered::Unknown(code), Offered::Known)
        }
    }
}

impl Offered<Group> {
    /// The code point.
    pub fn code(self) -> u16 {
        match self {
            Offered::Known(g) => g.code(),
            Offered::Grease(c) | Offered::Unknown(c) => c,
        }
    }
    /// The IANA name, `GREASE`, or `None` for an unknown code.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Offered::Known(g) => Some(g.iana_name()),
            Offered::Grease(_) => Some("GREASE"),
            Offered::Unknown(_) => None,
        }
    }
}

impl Offered<SignatureScheme> {
    /// The code point.
    pub fn code(self) -> u16 {
        match self {
            Offered::Known(s) => s.code(),
            Offered::Grease(c) | Offered::Unknown(c) => c,
        }
    }
    /// The IANA name, `GREASE`, or `None` for an unknown code.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Offered::Known(s) => Some(s.iana_name()),
            Offered::Grease(_) => Some("GREASE"),
            Offered::Unknown(_) => None,
        }
    }
}

impl Offered<Suite, u32> {
    /// The code point (three bytes for SSL 2.0 kinds).
    pub fn code(self) -> u32 {
        match self {
            Offered::Known(s) => s.code(),
            Offered::Grease(c) | Offered::Unknown(c) => c,
        }
    }
    /// The suite's canonical name, `GREASE`, or `None` for an unknown code.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Offered::Known(s) => Some(s.canonical_name()),
            Offered::Grease(_) => Some("GREASE"),
            Offered::Unknown(_) => None,
        }
    }
}

/// One ClientHello extension.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Extension {
    /// The extension type number.
    pub kind: u16,
    /// Byte offset of the extension (its type field) in the input.
    pub offset: usize,
    /// The extension data.
    pub data: Vec<u8>,
}

impl Extension {
    /// The IANA name of the extension type, `GREASE`, or `None` if unknown.
    ///
    /// ```
    /// # let mut b = vec![0x01, 0x00, 0x00, 0x2f, 0x03, 0x03];
    /// # b.extend([0u8; 32]);
    /// # b.extend([0x00, 0x00, 0x02, 0x00, 0x2f, 0x01, 0x00, 0x00, 0x04, 0x00, 0x17, 0x00, 0x00]);
    /// let hello = cipherdex::hello::decode(&b)?;
    /// assert_eq!(hello.extensions[0].name(), Some("extended_master_secret"));
    /// # Ok::<(), cipherdex::hello::HelloError>(())
    /// ```
    pub fn name(&self) -> Option<&'static str> {
        extension_name(self.kind)
    }
}

/// What was wrong with a ClientHello.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum HelloErrorKind {
    /// The input ends before the field does.
    Truncated,
    /// The field has a value that cannot be right.
    Invalid,
    /// Bytes left over where the structure should end.
    Trailing,
}

/// A ClientHello that is cut off or corrupt: which field, at which byte
/// offset of the input, what was expected and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HelloError {
    /// Cut off, invalid, or with bytes left over.
    pub kind: HelloErrorKind,
    /// The field being read (`cipher_suites length`).
    pub field: &'static str,
    /// Byte offset in the input where the field starts.
    pub offset: usize,
    /// What the field should hold.
    pub expected: String,
    /// What was there.
    pub found: String,
}

impl fmt::Display for HelloError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            HelloErrorKind::Truncated => "ClientHello is cut off",
            HelloErrorKind::Invalid => "ClientHello is corrupt",
            HelloErrorKind::Trailing => "ClientHello has bytes left over",
        };
        write!(
            f,
            "{what} in {} at byte {}: expected {}, found {}",
            self.field, self.offset, self.expected, self.found
        )
    }
}

impl std::error::Error for HelloError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grease_values() {
        let all: Vec<u16> = (0..=0xFFFFu16).filter(|&v| is_grease(v)).collect();
        assert_eq!(all.len(), 16);
        assert_eq!(all[0], 0x0A0A);
        assert_eq!(all[15], 0xFAFA);
    }
}
