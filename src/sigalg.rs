//! [`SignatureScheme`]: the TLS signature schemes, by code and by any spelling.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use crate::attrs::{
    HashAlgorithm, Origin, Protocol, Protocols, Recommended, Scheme, SignatureAlgorithm,
};
use crate::records::Group;
pub use crate::records::SignatureScheme;
use crate::registry::{self, RegistryListError, RegistryNameError};
use crate::suite::{Alias, CodeHex};
use crate::tables;

impl SignatureScheme {
    /// Every known signature scheme, sorted by code.
    ///
    /// ```
    /// let all = cipherdex::SignatureScheme::all();
    /// assert!(all.windows(2).all(|w| w[0].code() < w[1].code()));
    /// ```
    pub fn all() -> &'static [SignatureScheme] {
        &tables::SIGALGS
    }

    /// The scheme with this code.
    ///
    /// ```
    /// let s = cipherdex::SignatureScheme::from_code(0x0804).ok_or("unknown")?;
    /// assert_eq!(s.iana_name(), "rsa_pss_rsae_sha256");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn from_code(code: u16) -> Option<&'static SignatureScheme> {
        registry::by_code(code)
    }

    /// The scheme one of whose names in any scheme is `name`, in any letter
    /// case (`rsa_pss_rsae_sha256`, `RSA-PSS+SHA256`, `PSSWithSHA256`,
    /// `SIGN-RSA-PSS-RSAE-SHA256`). Does not allocate.
    ///
    /// ```
    /// use cipherdex::SignatureScheme;
    /// for n in ["ECDSA+SHA256", "ecdsa_secp256r1_sha256", "ECDSAWithP256AndSHA256"] {
    ///     assert_eq!(SignatureScheme::from_name(n).map(SignatureScheme::code), Some(0x0403));
    /// }
    /// ```
    pub fn from_name(name: &str) -> Option<&'static SignatureScheme> {
        registry::by_name(name)
    }

    /// The scheme a name (as [`SignatureScheme::from_name`]) or a code
    /// (`0x0804`, `2052`) names.
    pub fn lookup(input: &str) -> Option<&'static SignatureScheme> {
        registry::lookup(input)
    }

    /// Reads a list of signature schemes in any spelling (and codes),
    /// separated by `:`, `,` or white space, as `-sigalgs`,
    /// `SignatureAlgorithms`, `--client-sigalgs` take them.
    ///
    /// # Errors
    ///
    /// Every unknown item (with close names) and every repeated one, at once.
    ///
    /// ```
    /// use cipherdex::SignatureScheme;
    /// let list = SignatureScheme::parse_list("ECDSA+SHA256:RSA-PSS+SHA256:ed25519")?;
    /// let names: Vec<&str> = list.iter().map(|s| s.iana_name()).collect();
    /// assert_eq!(names, ["ecdsa_secp256r1_sha256", "rsa_pss_rsae_sha256", "ed25519"]);
    /// # Ok::<(), cipherdex::RegistryListError>(())
    /// ```
    pub fn parse_list(list: &str) -> Result<Vec<&'static SignatureScheme>, RegistryListError> {
        registry::parse_list(list)
    }

    /// Up to `max` known names close to `input`, closest first (feature
    /// `suggest`; without it the list is empty).
    ///
    /// ```
    /// assert_eq!(cipherdex::SignatureScheme::suggest("rsa_pss_rsae_sha265", 1), ["rsa_pss_rsae_sha256"]);
    /// ```
    pub fn suggest(input: &str, max: usize) -> Vec<&'static str> {
        registry::suggest::<SignatureScheme>(input, max)
    }

    /// The code point (in TLS 1.2: hash byte, then signature byte).
    pub fn code(&self) -> u16 {
        self.code
    }

    /// The code as `0x0804`.
    pub fn code_hex(&self) -> CodeHex {
        CodeHex(u32::from(self.code))
    }

    /// The canonical name: IANA's where the SignatureScheme registry has
    /// the code, else the name OpenSSL and Java use (`dsa_sha256`).
    pub fn iana_name(&self) -> &'static str {
        self.name
    }

    /// The scheme's current name for it, if it has one
    /// ([`Scheme::OpenSsl`]: `rsa_pss_rsae_sha256`; [`Scheme::Go`]: `PSSWithSHA256`).
    ///
    /// ```
    /// use cipherdex::Scheme;
    /// let s = cipherdex::sigalgs::ECDSA_SECP384R1_SHA384;
    /// assert_eq!(s.name(Scheme::Go), Some("ECDSAWithP384AndSHA384"));
    /// assert_eq!(s.name(Scheme::GnuTls), Some("ECDSA-SECP384R1-SHA384"));
    /// ```
    pub fn name(&self, scheme: Scheme) -> Option<&'static str> {
        self.names_in(scheme).next().map(|a| a.name)
    }

    /// Every name, scheme by scheme (primary names first within a scheme).
    pub fn aliases(&self) -> &'static [Alias] {
        self.aliases
    }

    /// The names in one scheme, primary first.
    pub fn names_in(&self, scheme: Scheme) -> impl Iterator<Item = &'static Alias> {
        self.aliases.iter().filter(move |a| a.scheme == scheme)
    }

    /// The signature algorithm (RSA-PKCS1, RSA-PSS-RSAE, ECDSA, EdDSA...).
    pub fn algorithm(&self) -> SignatureAlgorithm {
        self.algorithm
    }

    /// The hash it signs with; [`HashAlgorithm::Intrinsic`] for EdDSA and
    /// ML-DSA; `None` where the registry does not say (GREASE, some
    /// identity-based schemes).
    pub fn hash(&self) -> Option<HashAlgorithm> {
        self.hash
    }

    /// The curve the scheme fixes (TLS 1.3 ECDSA, SM2, GOST), as a group.
    ///
    /// ```
    /// use cipherdex::sigalgs;
    /// assert_eq!(sigalgs::ECDSA_SECP256R1_SHA256.curve().map(|g| g.iana_name()), Some("secp256r1"));
    /// assert!(sigalgs::RSA_PSS_RSAE_SHA256.curve().is_none());
    /// ```
    pub fn curve(&self) -> Option<&'static Group> {
        self.curve.and_then(Group::from_code)
    }

    /// The security strength in bits (of the hash and curve); `None` where
    /// it is not stated.
    pub fn bits(&self) -> Option<u16> {
        (self.bits > 0).then_some(self.bits)
    }

    /// The protocol versions in which the scheme can be negotiated.
    pub fn protocols(&self) -> Protocols {
        self.protocols
    }

    /// True if the scheme can be negotiated in `p`.
    ///
    /// ```
    /// use cipherdex::{sigalgs, Protocol};
    /// assert!(sigalgs::RSA_PKCS1_SHA1.supports(Protocol::Tls12));
    /// assert!(!sigalgs::DSA_SHA256.supports(Protocol::Tls13));
    /// ```
    pub fn supports(&self, p: Protocol) -> bool {
        self.protocols.contains(p)
    }

    /// Where the code point comes from: the registry, a TLS 1.2 pair it
    /// only reserves ([`Origin::Legacy`]), GREASE, or unofficial.
    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// True for the RFC 8701 GREASE values.
    pub fn is_grease(&self) -> bool {
        self.algorithm == SignatureAlgorithm::Grease
    }

    /// IANA's Recommended column.
    pub fn iana_recommended(&self) -> Option<Recommended> {
        self.recommended
    }

    /// IANA's reference, if any.
    pub fn reference(&self) -> Option<&'static str> {
        (!self.reference.is_empty()).then_some(self.reference)
    }

    /// A note from the data.
    pub fn note(&self) -> Option<&'static str> {
        (!self.note.is_empty()).then_some(self.note)
    }
}

impl PartialEq for SignatureScheme {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl Eq for SignatureScheme {}

impl Hash for SignatureScheme {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.code.hash(state);
    }
}

impl PartialOrd for SignatureScheme {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SignatureScheme {
    fn cmp(&self, other: &Self) -> Ordering {
        self.code.cmp(&other.code)
    }
}

/// The canonical name.
impl fmt::Display for SignatureScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name)
    }
}

/// Any name in any scheme and case, or a code (`0x0804`, `2052`).
impl FromStr for &'static SignatureScheme {
    type Err = RegistryNameError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SignatureScheme::lookup(s).ok_or_else(|| RegistryNameError::new::<SignatureScheme>(s))
    }
}

/// The scheme with this code.
///
/// ```
/// use cipherdex::SignatureScheme;
/// let s: &SignatureScheme = 0x0807u16.try_into()?;
/// assert_eq!(s.iana_name(), "ed25519");
/// # Ok::<(), cipherdex::RegistryNameError>(())
/// ```
impl TryFrom<u16> for &'static SignatureScheme {
    type Error = RegistryNameError;
    fn try_from(code: u16) -> Result<Self, Self::Error> {
        SignatureScheme::from_code(code)
            .ok_or_else(|| RegistryNameError::new::<SignatureScheme>(&format!("0x{code:04X}")))
    }
}
