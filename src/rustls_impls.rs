//! Conversions between [`Suite`] and rustls's `CipherSuite` (feature `rustls`).
//!
//! rustls is used without its crypto provider (`default-features = false`):
//! only its protocol enums are needed.

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
