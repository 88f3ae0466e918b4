//! The [`Suite`] record: one cipher suite (or signalling value), its names
//! and what it is made of.

use std::fmt;

use crate::attrs::{
    Authentication, Cipher, Curve, KeyExchange, Mac, Mode, NameKind, Origin, Prf, Protocol,
    Protocols, Recommended, Scheme,
};
use crate::tables;

pub use crate::records::{Alias, Suite};

impl Alias {
    /// The naming scheme.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }
    /// The name, spelled as its scheme spells it.
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// Current name, other spelling, older name or curve-suffixed name.
    pub fn kind(&self) -> NameKind {
        self.kind
    }
    /// The curve a Windows `_P256`/`_P384`/`_P521` name fixes.
    pub fn curve(&self) -> Option<Curve> {
        self.curve
    }
    /// The first version of the scheme's software that used the name, where known
    /// (OpenSSL: `1.0.0`, `<=0.9.8`; GnuTLS: its minimum protocol).
    pub fn since(&self) -> Option<&'static str> {
        non_empty(self.since)
    }
    /// The last version that used the name, where known (OpenSSL only).
    pub fn until(&self) -> Option<&'static str> {
        non_empty(self.until)
    }
    /// A remark from the data (build conditions, where the name was seen).
    pub fn note(&self) -> Option<&'static str> {
        non_empty(self.note)
    }
}

fn non_empty(s: &'static str) -> Option<&'static str> {
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

impl Suite {
    /// The suite with this code: `0xC02B`, or a three-byte SSL 2.0 kind such as `0x010080`.
    ///
    /// A direct table, no hashing: two array reads for two-byte codes.
    ///
    /// ```
    /// let s = cipherdex::Suite::from_code(0x010080).unwrap();
    /// assert_eq!(s.name(cipherdex::Scheme::OpenSsl), Some("RC4-MD5"));
    /// assert!(cipherdex::Suite::from_code(0x0047_0000).is_none());
    /// ```
    #[inline]
    pub fn from_code(code: u32) -> Option<&'static Suite> {
        if code <= 0xFFFF {
            let block = tables::CODE_HI[(code >> 8) as usize];
            if block == 0 {
                return None;
            }
            let idx = tables::CODE_BLOCKS[block as usize - 1][(code & 0xFF) as usize];
            if idx == 0 {
                None
            } else {
                Some(&tables::SUITES[idx as usize - 1])
            }
        } else {
            tables::SSL2_CODES
                .binary_search_by_key(&code, |e| e.0)
                .ok()
                .map(|i| &tables::SUITES[tables::SSL2_CODES[i].1 as usize])
        }
    }

    /// Every known suite, signalling value and GREASE value, sorted by code.
    ///
    /// ```
    /// let all = cipherdex::Suite::all();
    /// assert!(all.len() > 450);
    /// assert!(all.windows(2).all(|w| w[0].code() < w[1].code()));
    /// ```
    pub fn all() -> &'static [Suite] {
        &tables::SUITES
    }

    /// The code point: two bytes for TLS and SSL 3.0, three for SSL 2.0.
    pub fn code(&self) -> u32 {
        self.code
    }

    /// The code as printed everywhere in cipherdex: `0xC02B`, `0x010080`.
    ///
    /// ```
    /// let s = cipherdex::lookup("AES128-SHA").unwrap();
    /// assert_eq!(s.code_hex().to_string(), "0x002F");
    /// ```
    pub fn code_hex(&self) -> CodeHex {
        CodeHex(self.code)
    }

    /// The suite's canonical name: the IANA name where IANA assigns the code,
    /// otherwise the spelling most sources use.
    pub fn canonical_name(&self) -> &'static str {
        self.name
    }

    /// The current name in `scheme`, or `None` if the scheme has no name for it.
    ///
    /// For OpenSSL this is the newest name (`DHE-RSA-DES-CBC3-SHA`, not the
    /// pre-1.1.0 `EDH-RSA-DES-CBC3-SHA`); older names are in [`Suite::aliases`].
    pub fn name(&self, scheme: Scheme) -> Option<&'static str> {
        self.aliases
            .iter()
            .find(|a| a.scheme == scheme && a.kind == NameKind::Primary)
            .map(|a| a.name)
    }

    /// Every name of the suite, in every scheme, current names first within a scheme.
    pub fn aliases(&self) -> &'static [Alias] {
        self.aliases
    }

    /// Every name the suite has in `scheme` (current, other spellings, older names).
    pub fn names_in(&self, scheme: Scheme) -> impl Iterator<Item = &'static Alias> {
        self.aliases.iter().filter(move |a| a.scheme == scheme)
    }

    /// Where the code point comes from (IANA, GREASE, SSL 2.0, unofficial).
    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// The protocol versions the suite can be negotiated in.
    pub fn protocols(&self) -> Protocols {
        self.protocols
    }

    /// True if the suite can be negotiated in protocol version `p`.
    pub fn supports(&self, p: Protocol) -> bool {
        self.protocols.contains(p)
    }

    /// The key exchange (`Any` for TLS 1.3 suites, which negotiate it separately).
    pub fn kex(&self) -> KeyExchange {
        self.kex
    }

    /// The authentication, i.e. what the certificate (or credential) must be.
    pub fn auth(&self) -> Authentication {
        self.auth
    }

    /// The bulk cipher.
    pub fn cipher(&self) -> Cipher {
        self.cipher
    }

    /// The cipher's key size in bits (ChaCha20: 256; 3DES: 168; export RC4: 40).
    pub fn cipher_bits(&self) -> u16 {
        self.cipher_bits
    }

    /// The cipher mode.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The record MAC, or [`Mac::Aead`].
    pub fn mac(&self) -> Mac {
        self.mac
    }

    /// The hash of the TLS 1.2 PRF (or TLS 1.3 HKDF).
    pub fn prf(&self) -> Prf {
        self.prf
    }

    /// True for authenticated encryption (GCM, CCM, CCM_8, ChaCha20-Poly1305, ...).
    pub fn is_aead(&self) -> bool {
        self.mode.is_aead()
    }

    /// True if the key exchange is ephemeral (forward secrecy). TLS 1.3 suites always are.
    pub fn has_forward_secrecy(&self) -> bool {
        !self.signalling && self.kex.is_ephemeral()
    }

    /// True for the deliberately weakened 1990s export suites.
    pub fn is_export(&self) -> bool {
        self.export
    }

    /// True if the server is not authenticated at all (`DH_anon`, `ECDH_anon`).
    pub fn is_anonymous(&self) -> bool {
        !self.signalling && self.auth == Authentication::Null && self.kex != KeyExchange::Null
    }

    /// True if records are not encrypted (NULL cipher; includes `TLS_SHA256_SHA256`).
    pub fn is_null_encryption(&self) -> bool {
        !self.signalling && self.cipher == Cipher::Null
    }

    /// True for signalling values (`TLS_EMPTY_RENEGOTIATION_INFO_SCSV`,
    /// `TLS_FALLBACK_SCSV`) and GREASE: code points that are not suites.
    pub fn is_signalling(&self) -> bool {
        self.signalling
    }

    /// True for the RFC 8701 GREASE values (`0x0A0A`, `0x1A1A`, ... `0xFAFA`).
    pub fn is_grease(&self) -> bool {
        self.origin == Origin::Grease
    }

    /// True for a TLS 1.3 suite (usable in TLS 1.3 only).
    pub fn is_tls13(&self) -> bool {
        self.protocols.contains(Protocol::Tls13)
    }

    /// IANA's "Recommended" value (`None` for codes IANA does not assign).
    pub fn iana_recommended(&self) -> Option<Recommended> {
        self.recommended
    }

    /// IANA's DTLS-OK flag.
    pub fn dtls_ok(&self) -> bool {
        self.dtls_ok
    }

    /// The defining documents as IANA lists them (`RFC5288`, `RFC8446`), if any.
    pub fn reference(&self) -> Option<&'static str> {
        non_empty(self.reference)
    }

    /// The defining RFCs as numbers (`RFC5288 RFC8422` gives `[5288, 8422]`).
    pub fn rfcs(&self) -> impl Iterator<Item = u32> {
        self.reference
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter_map(|t| t.strip_prefix("RFC").and_then(|n| n.parse().ok()))
    }

    /// A remark from the data (draft origin, vendor), if any.
    pub fn note(&self) -> Option<&'static str> {
        non_empty(self.note)
    }
}

impl fmt::Display for Suite {
    /// The canonical name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name)
    }
}

impl std::hash::Hash for Suite {
    /// By code: codes are unique, so this agrees with `==`.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.code.hash(state);
    }
}

impl PartialOrd for Suite {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Suite {
    /// By code, as [`Suite::all`] is sorted: `0x0000` first, SSL 2.0 kinds last.
    ///
    /// ```
    /// use std::collections::{BTreeSet, HashSet};
    /// use cipherdex::Suite;
    /// let a = Suite::from_code(0xC02F).unwrap();
    /// let b = Suite::from_code(0x009C).unwrap();
    /// assert!(b < a);
    /// let set: HashSet<&Suite> = [a, b, a].into_iter().collect();
    /// assert_eq!(set.len(), 2);
    /// let sorted: Vec<u32> = [a, b].into_iter().collect::<BTreeSet<_>>().iter().map(|s| s.code()).collect();
    /// assert_eq!(sorted, [0x009C, 0xC02F]);
    /// ```
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.code.cmp(&other.code)
    }
}

/// A two-byte code that names no known suite.
///
/// The error of `<&Suite>::try_from(u16)`.
///
/// ```
/// use cipherdex::{Suite, UnknownCodeError};
/// let e: UnknownCodeError = <&Suite>::try_from(0xC0FEu16).unwrap_err();
/// assert_eq!(e.code(), 0xC0FE);
/// assert!(e.to_string().contains("0xC0FE"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownCodeError(u16);

impl UnknownCodeError {
    /// The code as given.
    pub fn code(&self) -> u16 {
        self.0
    }
}

impl fmt::Display for UnknownCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no known cipher suite has code 0x{:04X}: it is unassigned, private use or not yet in cipherdex's data (`cipherdex list` shows every known code)",
            self.0
        )
    }
}

impl std::error::Error for UnknownCodeError {}

impl TryFrom<u16> for &'static Suite {
    type Error = UnknownCodeError;

    /// The suite with this two-byte code (TLS, DTLS, SSL 3.0, signalling,
    /// GREASE). SSL 2.0's three-byte kinds go through [`Suite::from_code`].
    ///
    /// ```
    /// use cipherdex::Suite;
    /// let s = <&Suite>::try_from(0x1301u16)?;
    /// assert_eq!(s.canonical_name(), "TLS_AES_128_GCM_SHA256");
    /// # Ok::<(), cipherdex::UnknownCodeError>(())
    /// ```
    fn try_from(code: u16) -> Result<Self, Self::Error> {
        Suite::from_code(u32::from(code)).ok_or(UnknownCodeError(code))
    }
}

/// A code formatted as `0xC02B` (four digits) or `0x010080` (six, SSL 2.0).
///
/// ```
/// assert_eq!(cipherdex::CodeHex(0x9E).to_string(), "0x009E");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeHex(pub u32);

impl fmt::Display for CodeHex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 > 0xFFFF {
            write!(f, "0x{:06X}", self.0)
        } else {
            write!(f, "0x{:04X}", self.0)
        }
    }
}
