//! OpenSSL security levels (`@SECLEVEL=n`, `SSL_CTX_set_security_level`):
//! which suites, versions, keys and signatures a level lets through.
//!
//! The rules are OpenSSL's default security callback (`ssl/ssl_cert.c`), one
//! row per release and level in `data/openssl-security-levels.csv`: a minimum
//! strength in bits for everything (the cipher, the certificate key, the DH
//! or ECDH group, signatures), no anonymous suites and no MD5 MAC from level 1,
//! forward secrecy from level 3, SHA-1 MACs from level 4, and a lowest
//! protocol version. From OpenSSL 3.0, SHA-1 and MD5+SHA-1 signatures count
//! as less than 80 bits, so TLS 1.0 and 1.1 (whose handshakes sign with them)
//! work only at level 0.
//!
//! ```
//! use cipherdex::openssl::{SecurityLevel, Release};
//!
//! let debian = SecurityLevel::debian_default(Release::OpenSsl30);
//! assert_eq!(debian.level(), 2);
//! let anon = cipherdex::lookup("ADH-AES128-GCM-SHA256").ok_or("unknown")?;
//! assert!(debian.check_suite(anon).is_err());
//! assert!(SecurityLevel::new(Release::OpenSsl30, 0).ok_or("level")?.check_suite(anon).is_ok());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use crate::attrs::{Authentication, Cipher, Mac, Protocol};
use crate::cert::{CertKey, KeyType, NamedCurve};
use crate::records::{DefaultFor, SecurityLevelRow};
use crate::suite::Suite;
use crate::tables::{FINITE_FIELD_STRENGTH, SECURITY_LEVELS};

use super::Release;

/// One OpenSSL security level of one release.
#[derive(Clone, Copy)]
pub struct SecurityLevel {
    row: &'static SecurityLevelRow,
}

impl fmt::Debug for SecurityLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "SecurityLevel({} @ {})",
            self.row.level, self.row.release
        )
    }
}

impl PartialEq for SecurityLevel {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.row, other.row)
    }
}

impl Eq for SecurityLevel {}

impl fmt::Display for SecurityLevel {
    /// `@SECLEVEL=2`, as written in a cipher string.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "@SECLEVEL={}", self.row.level)
    }
}

/// Why a security level refuses something.
///
/// ```
/// use cipherdex::openssl::{Refusal, SecurityLevel, Release};
/// let l3 = SecurityLevel::new(Release::OpenSsl30, 3).unwrap();
/// let rsa = cipherdex::lookup("AES128-GCM-SHA256").unwrap();
/// assert_eq!(l3.check_suite(rsa), Err(Refusal::NoForwardSecrecy));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Refusal {
    /// The cipher is weaker than the level's minimum strength.
    CipherTooWeak {
        /// The cipher's strength in bits.
        bits: u16,
        /// The level's minimum.
        min_bits: u16,
    },
    /// Anonymous (unauthenticated) suites are refused from level 1.
    Anonymous,
    /// MD5 MACs are refused from level 1.
    Md5Mac,
    /// SHA-1 MACs are refused from level 4.
    Sha1Mac,
    /// RC4 is refused from level 2 (OpenSSL 3.0 and 1.1.1).
    Rc4,
    /// Suites without forward secrecy are refused from level 3.
    NoForwardSecrecy,
    /// The protocol version is below the level's lowest.
    Version {
        /// The lowest version the level allows.
        lowest: Protocol,
    },
    /// The handshake needs SHA-1 or MD5+SHA-1 signatures, refused above level 0.
    LegacySignature,
    /// A key (certificate, DH parameters or group) is weaker than the level's minimum.
    KeyTooSmall {
        /// The key's strength in bits.
        bits: u16,
        /// The level's minimum.
        min_bits: u16,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::CipherTooWeak { bits, min_bits } => write!(
                f,
                "the cipher has {bits} bits of security, below the level's {min_bits}"
            ),
            Refusal::Anonymous => f.write_str("anonymous suites need security level 0"),
            Refusal::Md5Mac => f.write_str("MD5 MACs need security level 0"),
            Refusal::Sha1Mac => f.write_str("SHA-1 MACs need security level 3 or lower"),
            Refusal::Rc4 => f.write_str("RC4 needs security level 1 or lower"),
            Refusal::NoForwardSecrecy => {
                f.write_str("suites without forward secrecy need security level 2 or lower")
            }
            Refusal::Version { lowest } => {
                write!(f, "the level allows {lowest} and later only")
            }
            Refusal::LegacySignature => f.write_str(
                "the handshake signs with SHA-1 or MD5+SHA-1, which need security level 0",
            ),
            Refusal::KeyTooSmall { bits, min_bits } => write!(
                f,
                "the key has {bits} bits of security, below the level's {min_bits}"
            ),
        }
    }
}

impl SecurityLevel {
    /// Level `level` (0 to 5) with the rules of `release`; `None` for a level
    /// above 5. OpenSSL 1.1.1 targets use the rules of 3.0's table, whose
    /// suite and version rules they share; 3.2 to 3.4 use 3.2's, 3.5 and later 3.5's.
    pub fn new(release: Release, level: u8) -> Option<SecurityLevel> {
        let name = release_rules(release);
        SECURITY_LEVELS
            .iter()
            .find(|r| r.release == name && r.level == level)
            .map(|row| SecurityLevel { row })
    }

    /// The level OpenSSL itself builds `release` with (3.0: 1; 3.2 and later: 2).
    pub fn default_for(release: Release) -> SecurityLevel {
        Self::marked(release, DefaultFor::Upstream)
    }

    /// The level Debian builds `release` with, where it differs from upstream
    /// (Debian 12's OpenSSL 3.0: 2), else [`SecurityLevel::default_for`].
    pub fn debian_default(release: Release) -> SecurityLevel {
        let name = release_rules(release);
        SECURITY_LEVELS
            .iter()
            .find(|r| r.release == name && r.default == Some(DefaultFor::Debian))
            .map_or_else(|| Self::default_for(release), |row| SecurityLevel { row })
    }

    fn marked(release: Release, which: DefaultFor) -> SecurityLevel {
        let name = release_rules(release);
        let row = SECURITY_LEVELS
            .iter()
            .find(|r| r.release == name && r.default == Some(which))
            .unwrap_or(&SECURITY_LEVELS[0]);
        SecurityLevel { row }
    }

    /// The level, 0 to 5.
    pub fn level(self) -> u8 {
        self.row.level
    }

    /// The minimum strength in bits (0, 80, 112, 128, 192, 256).
    pub fn min_bits(self) -> u16 {
        self.row.min_bits
    }

    /// Whether `suite` may be offered or chosen at this level.
    ///
    /// # Errors
    /// The first [`Refusal`] that applies, in OpenSSL's order.
    pub fn check_suite(self, suite: &Suite) -> Result<(), Refusal> {
        let r = self.row;
        if r.level == 0 {
            return Ok(());
        }
        let bits = cipher_strength(suite);
        if bits < r.min_bits {
            return Err(Refusal::CipherTooWeak {
                bits,
                min_bits: r.min_bits,
            });
        }
        if r.no_anonymous && suite.auth() == Authentication::Null && !suite.is_tls13() {
            return Err(Refusal::Anonymous);
        }
        if r.no_md5_mac && suite.mac() == Mac::Md5 {
            return Err(Refusal::Md5Mac);
        }
        if r.no_sha1_mac && suite.mac() == Mac::Sha1 {
            return Err(Refusal::Sha1Mac);
        }
        if r.no_rc4 && suite.cipher() == Cipher::Rc4 {
            return Err(Refusal::Rc4);
        }
        if !r.forward_secrecy_kex.is_empty()
            && !suite.is_tls13()
            && !r.forward_secrecy_kex.contains(&suite.kex())
        {
            return Err(Refusal::NoForwardSecrecy);
        }
        Ok(())
    }

    /// Whether protocol version `v` is allowed at this level.
    ///
    /// # Errors
    /// [`Refusal::Version`] with the lowest version allowed.
    pub fn check_version(self, v: Protocol) -> Result<(), Refusal> {
        if rank(v) < rank(self.row.lowest_version) {
            Err(Refusal::Version {
                lowest: self.row.lowest_version,
            })
        } else {
            Ok(())
        }
    }

    /// Whether SHA-1 and MD5+SHA-1 signatures are allowed (what TLS 1.0 and
    /// 1.1 handshakes sign with, and `rsa_pkcs1_sha1`/`ecdsa_sha1` in TLS 1.2).
    pub fn allows_sha1_signatures(self) -> bool {
        self.row.sha1_signatures
    }

    /// Whether something of `bits` bits of security passes the level.
    pub fn allows_bits(self, bits: u16) -> bool {
        bits >= self.row.min_bits
    }

    /// Whether the certificate key is strong enough; a key whose size is not
    /// known passes.
    ///
    /// # Errors
    /// [`Refusal::KeyTooSmall`].
    ///
    /// ```
    /// use cipherdex::cert::CertKey;
    /// use cipherdex::openssl::{SecurityLevel, Release};
    /// let l2 = SecurityLevel::new(Release::OpenSsl30, 2).unwrap();
    /// assert!(l2.check_key(&"rsa:1024".parse::<CertKey>().unwrap()).is_err());
    /// assert!(l2.check_key(&"rsa:2048".parse::<CertKey>().unwrap()).is_ok());
    /// ```
    pub fn check_key(self, key: &CertKey) -> Result<(), Refusal> {
        match key_strength(key) {
            Some(bits) if !self.allows_bits(bits) => Err(Refusal::KeyTooSmall {
                bits,
                min_bits: self.row.min_bits,
            }),
            _ => Ok(()),
        }
    }
}

/// The release whose rules table applies to `release`.
fn release_rules(release: Release) -> &'static str {
    match release {
        Release::OpenSsl32 => "3.2",
        Release::OpenSsl35 => "3.5",
        _ => "3.0",
    }
}

fn rank(p: Protocol) -> u8 {
    match p {
        Protocol::Ssl2 => 0,
        Protocol::Ssl3 => 1,
        Protocol::Tls10 | Protocol::Dtls10 => 2,
        Protocol::Tls11 => 3,
        Protocol::Tls12 | Protocol::Dtls12 => 4,
        Protocol::Tls13 | Protocol::Dtls13 => 5,
    }
}

/// A cipher's strength as OpenSSL counts it: the key bits, 112 for 3DES, 0 for NULL.
pub fn cipher_strength(suite: &Suite) -> u16 {
    match suite.cipher() {
        Cipher::TripleDes => 112,
        Cipher::Null => 0,
        _ => suite.cipher_bits(),
    }
}

/// Security strength in bits of a finite-field key (RSA, DSA, DH) of `bits` bits,
/// as NIST SP 800-57 and OpenSSL count it (2048: 112; 3072: 128).
///
/// ```
/// assert_eq!(cipherdex::openssl::finite_field_strength(2048), 112);
/// assert_eq!(cipherdex::openssl::finite_field_strength(1023), 0);
/// ```
pub fn finite_field_strength(bits: u32) -> u16 {
    FINITE_FIELD_STRENGTH
        .iter()
        .rev()
        .find(|(min, _)| bits >= *min)
        .map_or(0, |(_, s)| *s)
}

/// Security strength in bits of a certificate key, when its size or curve is known.
pub fn key_strength(key: &CertKey) -> Option<u16> {
    match key.key {
        KeyType::Rsa | KeyType::RsaPss | KeyType::Dsa | KeyType::Dh => {
            key.bits.map(finite_field_strength)
        }
        KeyType::Ed25519 => Some(128),
        KeyType::Ed448 => Some(224),
        KeyType::Ecdsa | KeyType::Ecdh => key
            .curve
            .map(curve_strength)
            .or_else(|| key.bits.map(|b| u16::try_from(b / 2).unwrap_or(u16::MAX))),
        _ => None,
    }
}

/// Security strength of a named curve: half its order's size.
fn curve_strength(c: NamedCurve) -> u16 {
    match c {
        NamedCurve::P192 => 96,
        NamedCurve::P224 => 112,
        NamedCurve::P256 | NamedCurve::Secp256k1 | NamedCurve::BrainpoolP256r1 => 128,
        NamedCurve::P384 | NamedCurve::BrainpoolP384r1 => 192,
        NamedCurve::P521 => 260,
        _ => 256,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_release_has_six_levels_in_order_of_strength() {
        for t in [Release::OpenSsl30, Release::OpenSsl32, Release::OpenSsl35] {
            let bits: Vec<u16> = (0..=5)
                .map(|l| SecurityLevel::new(t, l).unwrap().min_bits())
                .collect();
            assert_eq!(bits, [0, 80, 112, 128, 192, 256], "{t:?}");
            assert!(SecurityLevel::new(t, 6).is_none());
        }
        assert_eq!(SecurityLevel::default_for(Release::OpenSsl30).level(), 1);
        assert_eq!(SecurityLevel::default_for(Release::OpenSsl32).level(), 2);
        assert_eq!(SecurityLevel::default_for(Release::OpenSsl35).level(), 2);
        assert_eq!(SecurityLevel::debian_default(Release::OpenSsl30).level(), 2);
    }

    #[test]
    fn versions_by_level() {
        let l = |t, n| SecurityLevel::new(t, n).unwrap();
        assert!(l(Release::OpenSsl30, 1)
            .check_version(Protocol::Tls10)
            .is_ok());
        assert!(l(Release::OpenSsl30, 3)
            .check_version(Protocol::Tls10)
            .is_err());
        assert!(l(Release::OpenSsl32, 1)
            .check_version(Protocol::Tls11)
            .is_err());
        assert!(l(Release::OpenSsl32, 0)
            .check_version(Protocol::Tls10)
            .is_ok());
        assert!(!l(Release::OpenSsl30, 1).allows_sha1_signatures());
        assert!(l(Release::OpenSsl30, 0).allows_sha1_signatures());
    }
}
