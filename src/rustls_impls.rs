//! Conversions between cipherdex's registries and rustls's protocol enums
//! (feature `rustls`): [`Suite`] and `CipherSuite`, [`Group`] and
//! `NamedGroup`, [`SignatureScheme`] and `rustls::SignatureScheme`.
//!
//! rustls is used without its crypto provider (`default-features = false`):
//! only its protocol enums are needed.

use crate::records::{Group, SignatureScheme};
use crate::registry::RegistryNameError;
use crate::suite::{Suite, UnknownCodeError};

/// The rustls value with the suite's code. Every two-byte code converts
/// (rustls keeps codes it has no name for as `CipherSuite::Unknown`); SSL 2.0's
/// three-byte kinds have no TLS code and become `CipherSuite::Unknown` of their
/// low two bytes, so check [`Suite::origin`] first if they can occur.
///
/// ```
/// use cipherdex::suites::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
/// let rs = rustls::CipherSuite::from(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
/// assert_eq!(rs, rustls::CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
/// ```
impl From<&Suite> for rustls::CipherSuite {
    fn from(suite: &Suite) -> rustls::CipherSuite {
        // SSL 2.0 kinds are the only codes above 0xFFFF.
        rustls::CipherSuite::from(suite.code() as u16)
    }
}

/// The suite with rustls's code, named or `Unknown`.
///
/// ```
/// use cipherdex::Suite;
/// let s = <&Suite>::try_from(rustls::CipherSuite::TLS13_CHACHA20_POLY1305_SHA256)?;
/// assert_eq!(s.canonical_name(), "TLS_CHACHA20_POLY1305_SHA256");
/// assert!(<&Suite>::try_from(rustls::CipherSuite::Unknown(0xC0FE)).is_err());
/// # Ok::<(), cipherdex::UnknownCodeError>(())
/// ```
impl TryFrom<rustls::CipherSuite> for &'static Suite {
    type Error = UnknownCodeError;

    fn try_from(suite: rustls::CipherSuite) -> Result<&'static Suite, UnknownCodeError> {
        <&'static Suite>::try_from(u16::from(suite))
    }
}

/// The rustls value with the group's code (`NamedGroup::Unknown` for codes
/// rustls has no name for).
///
/// ```
/// let g = rustls::NamedGroup::from(cipherdex::groups::X25519);
/// assert_eq!(g, rustls::NamedGroup::X25519);
/// ```
impl From<&Group> for rustls::NamedGroup {
    fn from(group: &Group) -> rustls::NamedGroup {
        rustls::NamedGroup::from(group.code())
    }
}

/// The group with rustls's code, named or `Unknown`.
///
/// ```
/// use cipherdex::Group;
/// let g = <&Group>::try_from(rustls::NamedGroup::secp384r1)?;
/// assert_eq!(g.iana_name(), "secp384r1");
/// assert!(<&Group>::try_from(rustls::NamedGroup::Unknown(0x7777)).is_err());
/// # Ok::<(), cipherdex::RegistryNameError>(())
/// ```
impl TryFrom<rustls::NamedGroup> for &'static Group {
    type Error = RegistryNameError;

    fn try_from(group: rustls::NamedGroup) -> Result<&'static Group, RegistryNameError> {
        <&'static Group>::try_from(u16::from(group))
    }
}

/// The rustls value with the scheme's code (`SignatureScheme::Unknown` for
/// codes rustls has no name for).
///
/// ```
/// let s = rustls::SignatureScheme::from(cipherdex::sigalgs::RSA_PSS_RSAE_SHA256);
/// assert_eq!(s, rustls::SignatureScheme::RSA_PSS_SHA256);
/// ```
impl From<&SignatureScheme> for rustls::SignatureScheme {
    fn from(scheme: &SignatureScheme) -> rustls::SignatureScheme {
        rustls::SignatureScheme::from(scheme.code())
    }
}

/// The signature scheme with rustls's code, named or `Unknown`.
///
/// ```
/// use cipherdex::SignatureScheme;
/// let s = <&SignatureScheme>::try_from(rustls::SignatureScheme::ED25519)?;
/// assert_eq!(s.iana_name(), "ed25519");
/// # Ok::<(), cipherdex::RegistryNameError>(())
/// ```
impl TryFrom<rustls::SignatureScheme> for &'static SignatureScheme {
    type Error = RegistryNameError;

    fn try_from(
        scheme: rustls::SignatureScheme,
    ) -> Result<&'static SignatureScheme, RegistryNameError> {
        <&'static SignatureScheme>::try_from(u16::from(scheme))
    }
}
