//! Certificate fit: which server certificate (key type, curve, keyUsage,
//! signer) can serve which cipher suite in which protocol version, and why not.
//!
//! TLS 1.2 and older suites name the certificate they need in their name:
//! `TLS_ECDHE_RSA_*` signs the key exchange with an RSA key, `TLS_RSA_*`
//! encrypts the premaster secret to an RSA key, `TLS_ECDH_ECDSA_*` uses the
//! certificate's EC key itself for key agreement. TLS 1.3 suites work with
//! any key that can sign in TLS 1.3. [`fits`] applies those rules, with the
//! traps that bite in practice (Ed25519 below TLS 1.2, DSA in TLS 1.3, RSA-PSS
//! keys and key transport, keyUsage bits).
//!
//! ```
//! use cipherdex::cert::{fits, CertKey};
//! use cipherdex::Protocol;
//!
//! let suite = cipherdex::lookup("ECDHE-ECDSA-AES128-GCM-SHA256").ok_or("unknown")?;
//! let rsa: CertKey = "rsa".parse()?;
//! let fit = fits(suite, &rsa, Protocol::Tls12);
//! assert!(!fit.ok);
//! assert!(fit.to_string().contains("ECDSA"));
//! assert!(fits(suite, &"ecdsa-p256".parse()?, Protocol::Tls12).ok);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::attrs::{Authentication, KeyExchange, Protocol};
use crate::suite::Suite;

mod chain;

pub use chain::{format_time, parse_time, CertInfo, Chain};

/// The kind of public key in a certificate.
///
/// ```
/// use cipherdex::cert::KeyType;
/// assert_eq!(KeyType::RsaPss.to_string(), "RSA-PSS");
/// assert!(KeyType::Ed25519.can_sign() && !KeyType::Dh.can_sign());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeyType {
    /// RSA (`rsaEncryption`): signs, and decrypts for RSA key transport.
    Rsa,
    /// RSA restricted to PSS signatures (`id-RSASSA-PSS`): signs, TLS 1.2 and later only.
    RsaPss,
    /// An elliptic-curve key (`id-ecPublicKey`) used for ECDSA signatures.
    Ecdsa,
    /// Ed25519 (RFC 8410).
    Ed25519,
    /// Ed448 (RFC 8410).
    Ed448,
    /// DSA (DSS).
    Dsa,
    /// A static Diffie-Hellman key (`dhpublicnumber`), for `DH_RSA`/`DH_DSS` suites.
    Dh,
    /// An elliptic-curve key meant for static ECDH (keyUsage keyAgreement only),
    /// for `ECDH_ECDSA`/`ECDH_RSA` suites.
    Ecdh,
    /// No certificate: PSK, SRP or anonymous suites only.
    None,
    /// A key type cipherdex does not model (GOST, SM2, ...).
    Other,
}

impl KeyType {
    /// Every key type, in declaration order.
    pub const ALL: &'static [KeyType] = &[
        KeyType::Rsa,
        KeyType::RsaPss,
        KeyType::Ecdsa,
        KeyType::Ed25519,
        KeyType::Ed448,
        KeyType::Dsa,
        KeyType::Dh,
        KeyType::Ecdh,
        KeyType::None,
        KeyType::Other,
    ];

    /// A short human name: `RSA`, `RSA-PSS`, `ECDSA`, `Ed25519`, ...
    pub const fn as_str(self) -> &'static str {
        match self {
            KeyType::Rsa => "RSA",
            KeyType::RsaPss => "RSA-PSS",
            KeyType::Ecdsa => "ECDSA",
            KeyType::Ed25519 => "Ed25519",
            KeyType::Ed448 => "Ed448",
            KeyType::Dsa => "DSA",
            KeyType::Dh => "DH",
            KeyType::Ecdh => "ECDH",
            KeyType::None => "no certificate",
            KeyType::Other => "unsupported key type",
        }
    }

    /// True for keys that can make a handshake signature.
    pub const fn can_sign(self) -> bool {
        matches!(
            self,
            KeyType::Rsa
                | KeyType::RsaPss
                | KeyType::Ecdsa
                | KeyType::Ed25519
                | KeyType::Ed448
                | KeyType::Dsa
        )
    }
}

impl fmt::Display for KeyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The named curve of an elliptic-curve key.
///
/// ```
/// use cipherdex::cert::NamedCurve;
/// assert!(NamedCurve::P384.tls13_ok());
/// assert!(!NamedCurve::Secp256k1.tls13_ok()); // no TLS 1.3 signature scheme
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NamedCurve {
    /// NIST P-256 (secp256r1, prime256v1).
    P256,
    /// NIST P-384 (secp384r1).
    P384,
    /// NIST P-521 (secp521r1).
    P521,
    /// NIST P-224 (secp224r1).
    P224,
    /// NIST P-192 (prime192v1).
    P192,
    /// secp256k1.
    Secp256k1,
    /// brainpoolP256r1.
    BrainpoolP256r1,
    /// brainpoolP384r1.
    BrainpoolP384r1,
    /// brainpoolP512r1.
    BrainpoolP512r1,
    /// Another curve (or explicit parameters).
    Other,
}

impl NamedCurve {
    /// The curve's usual name: `P-256`, `brainpoolP256r1`, ...
    pub const fn as_str(self) -> &'static str {
        match self {
            NamedCurve::P256 => "P-256",
            NamedCurve::P384 => "P-384",
            NamedCurve::P521 => "P-521",
            NamedCurve::P224 => "P-224",
            NamedCurve::P192 => "P-192",
            NamedCurve::Secp256k1 => "secp256k1",
            NamedCurve::BrainpoolP256r1 => "brainpoolP256r1",
            NamedCurve::BrainpoolP384r1 => "brainpoolP384r1",
            NamedCurve::BrainpoolP512r1 => "brainpoolP512r1",
            NamedCurve::Other => "an unnamed curve",
        }
    }

    /// True if TLS 1.3 has an ECDSA signature scheme for this curve (RFC 8446
    /// section 4.2.3 for the NIST curves, RFC 8734 for brainpool).
    pub const fn tls13_ok(self) -> bool {
        matches!(
            self,
            NamedCurve::P256
                | NamedCurve::P384
                | NamedCurve::P521
                | NamedCurve::BrainpoolP256r1
                | NamedCurve::BrainpoolP384r1
                | NamedCurve::BrainpoolP512r1
        )
    }

    /// The curve for a dotted OID (`1.2.840.10045.3.1.7` is P-256); `Other`
    /// for an OID that names none of these curves.
    ///
    /// ```
    /// use cipherdex::cert::NamedCurve;
    /// assert_eq!(NamedCurve::from_oid("1.3.132.0.34"), NamedCurve::P384);
    /// assert_eq!(NamedCurve::from_oid("1.2.3"), NamedCurve::Other);
    /// ```
    pub fn from_oid(oid: &str) -> NamedCurve {
        match oid {
            "1.2.840.10045.3.1.7" => NamedCurve::P256,
            "1.3.132.0.34" => NamedCurve::P384,
            "1.3.132.0.35" => NamedCurve::P521,
            "1.3.132.0.33" => NamedCurve::P224,
            "1.2.840.10045.3.1.1" => NamedCurve::P192,
            "1.3.132.0.10" => NamedCurve::Secp256k1,
            "1.3.36.3.3.2.8.1.1.7" => NamedCurve::BrainpoolP256r1,
            "1.3.36.3.3.2.8.1.1.11" => NamedCurve::BrainpoolP384r1,
            "1.3.36.3.3.2.8.1.1.13" => NamedCurve::BrainpoolP512r1,
            _ => NamedCurve::Other,
        }
    }

    /// The curve's size in bits (`None` for `Other`).
    ///
    /// ```
    /// assert_eq!(cipherdex::cert::NamedCurve::P521.bits(), Some(521));
    /// ```
    pub const fn bits(self) -> Option<u32> {
        match self {
            NamedCurve::P256 | NamedCurve::Secp256k1 | NamedCurve::BrainpoolP256r1 => Some(256),
            NamedCurve::P384 | NamedCurve::BrainpoolP384r1 => Some(384),
            NamedCurve::P521 => Some(521),
            NamedCurve::P224 => Some(224),
            NamedCurve::P192 => Some(192),
            NamedCurve::BrainpoolP512r1 => Some(512),
            NamedCurve::Other => None,
        }
    }
}

impl fmt::Display for NamedCurve {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The keyUsage bits that matter to TLS (RFC 5280 section 4.2.1.3).
///
/// ```
/// use cipherdex::cert::KeyUsage;
/// let u = KeyUsage::NONE.with_digital_signature();
/// assert!(u.digital_signature && !u.key_encipherment);
/// assert_eq!(u.to_string(), "digitalSignature");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct KeyUsage {
    /// `digitalSignature`: the key may sign handshake messages ((EC)DHE, TLS 1.3).
    pub digital_signature: bool,
    /// `keyEncipherment`: the key may decrypt the premaster secret (static RSA).
    pub key_encipherment: bool,
    /// `keyAgreement`: the key may be used for static (EC)DH.
    pub key_agreement: bool,
}

impl KeyUsage {
    /// An extension with none of the bits set.
    pub const NONE: KeyUsage = KeyUsage {
        digital_signature: false,
        key_encipherment: false,
        key_agreement: false,
    };

    /// These bits plus `digitalSignature`.
    pub const fn with_digital_signature(mut self) -> KeyUsage {
        self.digital_signature = true;
        self
    }

    /// These bits plus `keyEncipherment`.
    pub const fn with_key_encipherment(mut self) -> KeyUsage {
        self.key_encipherment = true;
        self
    }

    /// These bits plus `keyAgreement`.
    pub const fn with_key_agreement(mut self) -> KeyUsage {
        self.key_agreement = true;
        self
    }
}

impl fmt::Display for KeyUsage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut bits = Vec::new();
        if self.digital_signature {
            bits.push("digitalSignature");
        }
        if self.key_encipherment {
            bits.push("keyEncipherment");
        }
        if self.key_agreement {
            bits.push("keyAgreement");
        }
        if bits.is_empty() {
            f.write_str("none of digitalSignature, keyEncipherment, keyAgreement")
        } else {
            f.write_str(&bits.join(", "))
        }
    }
}

/// What a server certificate holds that decides which suites it can serve.
///
/// Build one from a type name (`"rsa".parse()`), with [`CertKey::new`] and
/// the `with_*` methods, or (feature `x509`) from a real certificate with
/// `CertKey::from_pem_or_der`.
///
/// ```
/// use cipherdex::cert::{CertKey, KeyType, KeyUsage, NamedCurve};
/// let c: CertKey = "ecdsa-p384".parse()?;
/// assert_eq!((c.key, c.curve), (KeyType::Ecdsa, Some(NamedCurve::P384)));
/// assert_eq!(CertKey::new(KeyType::Rsa).key_usage, None); // no keyUsage: any use
///
/// let built = CertKey::new(KeyType::Ecdsa)
///     .with_curve(NamedCurve::P384)
///     .with_key_usage(KeyUsage::NONE.with_digital_signature())
///     .with_signer(KeyType::Rsa);
/// assert_eq!(built.bits, Some(384));
/// # Ok::<(), cipherdex::cert::CertError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CertKey {
    /// The public key type.
    pub key: KeyType,
    /// The curve, for EC keys (`None` when not known).
    pub curve: Option<NamedCurve>,
    /// Key size in bits, when known.
    pub bits: Option<u32>,
    /// The keyUsage extension; `None` when the certificate has none (any use allowed).
    pub key_usage: Option<KeyUsage>,
    /// The algorithm of the key that signed this certificate (the issuer's), when
    /// known. It matters only for static `DH_*`/`ECDH_*` suites below TLS 1.2.
    pub signed_by: Option<KeyType>,
}

impl CertKey {
    /// A certificate with a key of this type, no keyUsage extension, no known
    /// curve, size or signer.
    pub const fn new(key: KeyType) -> CertKey {
        CertKey {
            key,
            curve: None,
            bits: None,
            key_usage: None,
            signed_by: None,
        }
    }

    /// No certificate at all (PSK, SRP and anonymous suites only).
    pub const fn none() -> CertKey {
        CertKey::new(KeyType::None)
    }

    /// This certificate with its EC key on `curve` (and the curve's size as
    /// [`bits`](CertKey::bits)).
    pub const fn with_curve(mut self, curve: NamedCurve) -> CertKey {
        self.curve = Some(curve);
        if let Some(bits) = curve.bits() {
            self.bits = Some(bits);
        }
        self
    }

    /// This certificate with a key of `bits` bits.
    pub const fn with_bits(mut self, bits: u32) -> CertKey {
        self.bits = Some(bits);
        self
    }

    /// This certificate with a keyUsage extension holding `usage`.
    pub const fn with_key_usage(mut self, usage: KeyUsage) -> CertKey {
        self.key_usage = Some(usage);
        self
    }

    /// This certificate signed by an issuer key of type `signer`.
    pub const fn with_signer(mut self, signer: KeyType) -> CertKey {
        self.signed_by = Some(signer);
        self
    }

    /// The type names accepted by [`FromStr`], for help texts.
    pub const TYPE_NAMES: &'static [&'static str] = &[
        "rsa",
        "rsa-pss",
        "ecdsa",
        "ecdsa-p256",
        "ecdsa-p384",
        "ecdsa-p521",
        "ed25519",
        "ed448",
        "dsa",
        "dh",
        "dh-rsa",
        "dh-dss",
        "ecdh",
        "ecdh-rsa",
        "ecdh-ecdsa",
        "none",
    ];

    /// Read the leaf certificate of a PEM file (one certificate or a chain;
    /// the first certificate is the leaf) or of a DER certificate.
    ///
    /// ```
    /// use cipherdex::cert::{CertError, CertKey};
    /// assert!(matches!(CertKey::from_pem_or_der(b"hello"), Err(CertError::NotACertificate { .. })));
    /// ```
    ///
    /// # Errors
    /// [`CertError`] when the bytes hold no certificate, or one that cannot be parsed.
    #[cfg(feature = "x509")]
    #[cfg_attr(docsrs, doc(cfg(feature = "x509")))]
    pub fn from_pem_or_der(bytes: &[u8]) -> Result<CertKey, CertError> {
        let looks_pem = bytes
            .windows(11)
            .any(|w| w.eq_ignore_ascii_case(b"-----BEGIN "));
        if looks_pem {
            for pem in x509_parser::pem::Pem::iter_from_buffer(bytes) {
                let pem = pem.map_err(|e| CertError::BadPem {
                    detail: e.to_string(),
                })?;
                if pem.label == "CERTIFICATE" || pem.label == "X509 CERTIFICATE" {
                    return CertKey::from_der(&pem.contents);
                }
            }
            return Err(CertError::NotACertificate {
                detail: "PEM text without a CERTIFICATE block".to_owned(),
            });
        }
        CertKey::from_der(bytes)
    }

    /// Read one DER-encoded X.509 certificate.
    ///
    /// # Errors
    /// [`CertError::NotACertificate`] when the bytes are not a DER certificate.
    #[cfg(feature = "x509")]
    #[cfg_attr(docsrs, doc(cfg(feature = "x509")))]
    pub fn from_der(der: &[u8]) -> Result<CertKey, CertError> {
        use x509_parser::prelude::FromDer;
        let (_, cert) = x509_parser::certificate::X509Certificate::from_der(der).map_err(|e| {
            CertError::NotACertificate {
                detail: e.to_string(),
            }
        })?;
        CertKey::from_parsed(&cert)
    }

    /// The key of a parsed certificate.
    #[cfg(feature = "x509")]
    pub(crate) fn from_parsed(
        cert: &x509_parser::certificate::X509Certificate<'_>,
    ) -> Result<CertKey, CertError> {
        let spki = cert.public_key();
        let alg = spki.algorithm.algorithm.to_id_string();
        let key_usage = match cert.key_usage() {
            Ok(Some(ext)) => Some(KeyUsage {
                digital_signature: ext.value.digital_signature(),
                key_encipherment: ext.value.key_encipherment(),
                key_agreement: ext.value.key_agreement(),
            }),
            Ok(None) => None,
            Err(e) => {
                return Err(CertError::NotACertificate {
                    detail: format!("bad keyUsage extension: {e}"),
                })
            }
        };
        let size = spki.parsed().ok().map(|k| k.key_size()).filter(|&s| s > 0);
        let mut out = CertKey {
            key: KeyType::Other,
            curve: None,
            bits: size.and_then(|s| u32::try_from(s).ok()),
            key_usage,
            signed_by: Some(signer_of(
                &cert.signature_algorithm.algorithm.to_id_string(),
            )),
        };
        match alg.as_str() {
            "1.2.840.113549.1.1.1" => out.key = KeyType::Rsa,
            "1.2.840.113549.1.1.10" => out.key = KeyType::RsaPss,
            "1.2.840.10045.2.1" => {
                let curve = spki
                    .algorithm
                    .parameters
                    .as_ref()
                    .and_then(|p| p.as_oid().ok())
                    .map_or(NamedCurve::Other, |oid| {
                        NamedCurve::from_oid(&oid.to_id_string())
                    });
                out.curve = Some(curve);
                out.bits = curve.bits().or(out.bits);
                // A key that may only agree keys is a static-ECDH key.
                let agree_only = key_usage.is_some_and(|u| u.key_agreement && !u.digital_signature);
                out.key = if agree_only {
                    KeyType::Ecdh
                } else {
                    KeyType::Ecdsa
                };
            }
            "1.3.101.112" => {
                out.key = KeyType::Ed25519;
                out.bits = Some(256);
            }
            "1.3.101.113" => {
                out.key = KeyType::Ed448;
                out.bits = Some(456);
            }
            "1.2.840.10040.4.1" => out.key = KeyType::Dsa,
            // dhpublicnumber (X9.42) and PKCS #3 dhKeyAgreement.
            "1.2.840.10046.2.1" | "1.2.840.113549.1.3.1" => out.key = KeyType::Dh,
            _ => {}
        }
        Ok(out)
    }
}

/// The key type of a certificate-signature algorithm OID.
#[cfg(feature = "x509")]
fn signer_of(oid: &str) -> KeyType {
    match oid {
        "1.2.840.113549.1.1.10" => KeyType::RsaPss,
        o if o.starts_with("1.2.840.113549.1.1.") => KeyType::Rsa,
        o if o.starts_with("1.2.840.10045.4.") => KeyType::Ecdsa,
        "1.3.101.112" => KeyType::Ed25519,
        "1.3.101.113" => KeyType::Ed448,
        o if o.starts_with("1.2.840.10040.4.") || o.starts_with("2.16.840.1.101.3.4.3.") => {
            KeyType::Dsa
        }
        _ => KeyType::Other,
    }
}

impl FromStr for CertKey {
    type Err = CertError;

    /// Parse a certificate type name: `rsa`, `rsa-pss`, `ecdsa` (`ecdsa-p256`,
    /// `ecdsa-p384`, `ecdsa-p521`), `ed25519`, `ed448`, `dsa`, `dh` (`dh-rsa`,
    /// `dh-dss`: signed by that key type), `ecdh` (`ecdh-rsa`, `ecdh-ecdsa`), `none`.
    ///
    /// A size may follow a finite-field type (`rsa:1024`, `rsa-pss:3072`,
    /// `dsa:2048`, `dh:2048`) and a curve an EC type (`ecdsa:p384`).
    fn from_str(s: &str) -> Result<CertKey, CertError> {
        let lower = s.trim().to_ascii_lowercase();
        if let Some((base, size)) = lower.split_once(':') {
            let mut key: CertKey = base.parse().map_err(|_| CertError::UnknownType {
                input: s.to_owned(),
                suggestions: suggest_type(base),
            })?;
            let finite = matches!(
                key.key,
                KeyType::Rsa | KeyType::RsaPss | KeyType::Dsa | KeyType::Dh
            );
            let ec = matches!(key.key, KeyType::Ecdsa | KeyType::Ecdh) && key.curve.is_none();
            if finite {
                if let Ok(bits @ 256..=65536) = size.parse::<u32>() {
                    key.bits = Some(bits);
                    return Ok(key);
                }
            } else if ec {
                if let Ok(with_curve) = format!("ecdsa-{size}").parse::<CertKey>() {
                    key.curve = with_curve.curve;
                    key.bits = with_curve.bits;
                    return Ok(key);
                }
            }
            return Err(CertError::UnknownType {
                input: s.to_owned(),
                suggestions: vec![
                    "rsa:2048",
                    "rsa-pss:3072",
                    "dsa:2048",
                    "dh:2048",
                    "ecdsa:p384",
                ],
            });
        }
        let t = lower;
        let ec = |key, curve: Option<NamedCurve>| CertKey {
            key,
            curve,
            bits: curve.and_then(NamedCurve::bits),
            key_usage: None,
            signed_by: None,
        };
        let signed = |key, by| CertKey {
            signed_by: Some(by),
            ..CertKey::new(key)
        };
        Ok(match t.as_str() {
            "rsa" => CertKey::new(KeyType::Rsa),
            "rsa-pss" | "rsapss" => CertKey::new(KeyType::RsaPss),
            "ecdsa" | "ec" => ec(KeyType::Ecdsa, None),
            "ecdsa-p256" | "p256" | "p-256" => ec(KeyType::Ecdsa, Some(NamedCurve::P256)),
            "ecdsa-p384" | "p384" | "p-384" => ec(KeyType::Ecdsa, Some(NamedCurve::P384)),
            "ecdsa-p521" | "p521" | "p-521" => ec(KeyType::Ecdsa, Some(NamedCurve::P521)),
            "ed25519" => CertKey::new(KeyType::Ed25519),
            "ed448" => CertKey::new(KeyType::Ed448),
            "dsa" | "dss" => CertKey::new(KeyType::Dsa),
            "dh" => CertKey::new(KeyType::Dh),
            "dh-rsa" => signed(KeyType::Dh, KeyType::Rsa),
            "dh-dss" | "dh-dsa" => signed(KeyType::Dh, KeyType::Dsa),
            "ecdh" => CertKey::new(KeyType::Ecdh),
            "ecdh-rsa" => signed(KeyType::Ecdh, KeyType::Rsa),
            "ecdh-ecdsa" => signed(KeyType::Ecdh, KeyType::Ecdsa),
            "none" | "anon" | "psk" => CertKey::none(),
            _ => {
                return Err(CertError::UnknownType {
                    input: s.to_owned(),
                    suggestions: suggest_type(&t),
                })
            }
        })
    }
}

/// Type names close to `input` (shared prefix, or one edit away).
fn suggest_type(input: &str) -> Vec<&'static str> {
    CertKey::TYPE_NAMES
        .iter()
        .copied()
        .filter(|name| {
            (!input.is_empty() && (name.starts_with(input) || input.starts_with(name)))
                || (name.len().abs_diff(input.len()) <= 2
                    && crate::distance::levenshtein(name, input) <= 2)
        })
        .take(4)
        .collect()
}

impl fmt::Display for CertKey {
    /// `ECDSA P-256 key (256 bits), keyUsage digitalSignature, signed with RSA`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key == KeyType::None {
            return f.write_str("no certificate");
        }
        write!(f, "{} key", self.key)?;
        if let Some(c) = self.curve {
            write!(f, " on {c}")?;
        }
        if let Some(b) = self.bits {
            write!(f, " ({b} bits)")?;
        }
        if let Some(u) = self.key_usage {
            write!(f, ", keyUsage {u}")?;
        }
        if let Some(s) = self.signed_by {
            write!(f, ", signed with {s}")?;
        }
        Ok(())
    }
}

/// Why a certificate could not be read or named.
///
/// ```
/// let err = "rsa2048".parse::<cipherdex::cert::CertKey>().unwrap_err();
/// assert!(err.to_string().contains("did you mean rsa"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CertError {
    /// The name is not a certificate type name.
    UnknownType {
        /// What was given.
        input: String,
        /// Close type names.
        suggestions: Vec<&'static str>,
    },
    /// A PEM block is malformed.
    BadPem {
        /// The parser's message.
        detail: String,
    },
    /// The bytes are not an X.509 certificate.
    NotACertificate {
        /// The parser's message.
        detail: String,
    },
    /// Not a date or time ([`parse_time`]).
    BadTime {
        /// What was given.
        input: String,
    },
}

impl fmt::Display for CertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CertError::UnknownType { input, suggestions } => {
                write!(f, "unknown certificate type {input:?}")?;
                if !suggestions.is_empty() {
                    write!(f, " (did you mean {}?)", suggestions.join(", "))?;
                }
                write!(
                    f,
                    "; expected one of: {}, or a certificate file (PEM or DER)",
                    CertKey::TYPE_NAMES.join(", ")
                )
            }
            CertError::BadPem { detail } => write!(f, "malformed PEM: {detail}"),
            CertError::NotACertificate { detail } => {
                write!(f, "not an X.509 certificate (PEM or DER): {detail}")
            }
            CertError::BadTime { input } => write!(
                f,
                "invalid date {input:?}: expected YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS][Z] (UTC) or @SECONDS since 1970"
            ),
        }
    }
}

impl std::error::Error for CertError {}

// ---------------------------------------------------------------------------------------------
// Fit

/// What a suite needs from the server's certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Need {
    /// Nothing: PSK, SRP-only or anonymous suites.
    Nothing,
    /// An RSA key that decrypts the premaster secret (static `RSA`, `RSA_PSK`).
    RsaDecrypt,
    /// An RSA (or, at TLS 1.2, RSA-PSS) key that signs the key exchange.
    RsaSign,
    /// A DSA key that signs the key exchange.
    DsaSign,
    /// An ECDSA key (or, at TLS 1.2, Ed25519/Ed448) that signs the key exchange.
    EcdsaSign,
    /// A static DH key in the certificate, signed by `signer` (below TLS 1.2).
    StaticDh {
        /// The key type the certificate must be signed with.
        signer: KeyType,
    },
    /// A static EC key in the certificate, signed by `signer` (below TLS 1.2).
    StaticEcdh {
        /// The key type the certificate must be signed with.
        signer: KeyType,
    },
    /// Any key that signs in TLS 1.3: RSA, RSA-PSS, ECDSA, Ed25519, Ed448.
    Tls13Signer,
    /// Something cipherdex does not model (Kerberos, GOST, SM2, ...).
    Unmodelled,
    /// Never negotiated (signalling values, GREASE, `TLS_NULL_WITH_NULL_NULL`).
    Never,
}

impl Need {
    /// What `suite` needs from the server's certificate.
    ///
    /// ```
    /// use cipherdex::cert::{KeyType, Need};
    /// let s = cipherdex::lookup("ECDH-RSA-AES128-SHA").unwrap();
    /// assert_eq!(Need::of(s), Need::StaticEcdh { signer: KeyType::Rsa });
    /// ```
    pub fn of(suite: &Suite) -> Need {
        if suite.is_signalling() || suite.is_grease() || suite.protocols().is_empty() {
            return Need::Never;
        }
        if suite.is_tls13() {
            return Need::Tls13Signer;
        }
        let auth = suite.auth();
        match (suite.kex(), auth) {
            (KeyExchange::Null, _) => Need::Never,
            (_, Authentication::Null | Authentication::Psk | Authentication::Srp) => Need::Nothing,
            (KeyExchange::Rsa | KeyExchange::RsaPsk, Authentication::Rsa) => Need::RsaDecrypt,
            (KeyExchange::Dh, Authentication::Rsa) => Need::StaticDh {
                signer: KeyType::Rsa,
            },
            (KeyExchange::Dh, Authentication::Dss) => Need::StaticDh {
                signer: KeyType::Dsa,
            },
            (KeyExchange::Ecdh, Authentication::Rsa) => Need::StaticEcdh {
                signer: KeyType::Rsa,
            },
            (KeyExchange::Ecdh, Authentication::Ecdsa) => Need::StaticEcdh {
                signer: KeyType::Ecdsa,
            },
            (KeyExchange::Dhe | KeyExchange::Ecdhe | KeyExchange::Srp | KeyExchange::Cecpq1, a) => {
                match a {
                    Authentication::Rsa => Need::RsaSign,
                    Authentication::Dss => Need::DsaSign,
                    Authentication::Ecdsa => Need::EcdsaSign,
                    _ => Need::Unmodelled,
                }
            }
            _ => Need::Unmodelled,
        }
    }

    /// The simplest certificate type that meets this need at `version`, if any.
    pub fn example_key(self, version: Protocol) -> Option<KeyType> {
        match self {
            Need::Nothing => Some(KeyType::None),
            Need::RsaDecrypt | Need::RsaSign => Some(KeyType::Rsa),
            Need::DsaSign => Some(KeyType::Dsa),
            Need::EcdsaSign => Some(KeyType::Ecdsa),
            Need::StaticDh { .. } => Some(KeyType::Dh),
            Need::StaticEcdh { .. } => Some(KeyType::Ecdh),
            Need::Tls13Signer if version == Protocol::Tls13 => Some(KeyType::Rsa),
            Need::Tls13Signer | Need::Unmodelled | Need::Never => None,
        }
    }
}

impl fmt::Display for Need {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Need::Nothing => f.write_str("no certificate"),
            Need::RsaDecrypt => f.write_str("an RSA key that can decrypt (keyEncipherment)"),
            Need::RsaSign => f.write_str("an RSA key that signs (digitalSignature)"),
            Need::DsaSign => f.write_str("a DSA key"),
            Need::EcdsaSign => f.write_str("an ECDSA key, or from TLS 1.2 an Ed25519/Ed448 key"),
            Need::StaticDh { signer } => {
                write!(f, "a static DH key in a certificate signed with {signer}")
            }
            Need::StaticEcdh { signer } => {
                write!(
                    f,
                    "a static EC (ECDH) key in a certificate signed with {signer}"
                )
            }
            Need::Tls13Signer => {
                f.write_str("a key that signs in TLS 1.3 (RSA, RSA-PSS, ECDSA, Ed25519 or Ed448)")
            }
            Need::Unmodelled => f.write_str("a kind of credential cipherdex does not model"),
            Need::Never => f.write_str("nothing: it is never negotiated"),
        }
    }
}

/// Which keyUsage bit a suite needs.
///
/// ```
/// assert_eq!(cipherdex::cert::UsageBit::KeyEncipherment.to_string(), "keyEncipherment");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UsageBit {
    /// `digitalSignature`.
    DigitalSignature,
    /// `keyEncipherment`.
    KeyEncipherment,
    /// `keyAgreement`.
    KeyAgreement,
}

impl fmt::Display for UsageBit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UsageBit::DigitalSignature => "digitalSignature",
            UsageBit::KeyEncipherment => "keyEncipherment",
            UsageBit::KeyAgreement => "keyAgreement",
        })
    }
}

/// One reason in a [`Fit`]: why a certificate serves a suite, or why it does not.
///
/// ```
/// use cipherdex::cert::{fits, CertKey, FitReason};
/// let s = cipherdex::lookup("DHE-DSS-AES128-SHA").unwrap();
/// let fit = fits(s, &"dsa".parse().unwrap(), cipherdex::Protocol::Tls12);
/// assert!(matches!(fit.reasons[0], FitReason::Serves { .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FitReason {
    /// It fits: the suite needs `need`, and the certificate provides it.
    Serves {
        /// What the suite needs.
        need: Need,
    },
    /// The suite cannot be used at this protocol version at all.
    NotInVersion {
        /// The version asked about.
        version: Protocol,
    },
    /// The suite needs a different kind of key.
    WrongKey {
        /// What the suite needs.
        need: Need,
        /// The certificate's key.
        have: KeyType,
    },
    /// The key type is right but cannot be used at this version (Ed25519 and
    /// Ed448 below TLS 1.2, RSA-PSS below TLS 1.2).
    KeyTooNewForVersion {
        /// The certificate's key.
        key: KeyType,
        /// The version asked about.
        version: Protocol,
    },
    /// An RSA-PSS key can only sign; it cannot decrypt a premaster secret.
    RsaPssCannotDecrypt,
    /// DSA has no signature scheme in TLS 1.3 (RFC 8446).
    DsaNotInTls13,
    /// The EC key's curve has no TLS 1.3 signature scheme.
    CurveNotInTls13 {
        /// The curve.
        curve: NamedCurve,
    },
    /// The keyUsage extension lacks the bit this suite needs.
    KeyUsageMissing {
        /// The missing bit.
        bit: UsageBit,
    },
    /// Static (EC)DH below TLS 1.2 needs the certificate signed with `need`.
    WrongSigner {
        /// The signer the suite name requires.
        need: KeyType,
        /// The actual signer.
        have: KeyType,
        /// The version asked about.
        version: Protocol,
    },
    /// Note on a fit: the signer is unknown, and below TLS 1.2 it must be `need`.
    SignerUnchecked {
        /// The signer the suite name requires below TLS 1.2.
        need: KeyType,
    },
    /// The suite never fits a certificate (signalling values, GREASE, unmodelled kinds).
    NotNegotiable {
        /// Why.
        need: Need,
    },
}

impl fmt::Display for FitReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FitReason::Serves { need: Need::Nothing } => {
                f.write_str("needs no certificate (PSK, SRP or anonymous)")
            }
            FitReason::Serves { need } => write!(f, "needs {need}, which the certificate has"),
            FitReason::NotInVersion { version } => {
                write!(f, "the suite cannot be used in {version}")
            }
            FitReason::WrongKey { need, have } => {
                write!(f, "needs {need}, but the certificate has ")?;
                match have {
                    KeyType::None => f.write_str("none"),
                    k => write!(f, "an {k} key"),
                }
            }
            FitReason::KeyTooNewForVersion { key, version } => write!(
                f,
                "{key} keys can only sign in TLS 1.2 and later, not in {version}"
            ),
            FitReason::RsaPssCannotDecrypt => f.write_str(
                "an RSA-PSS key can only sign; static RSA key exchange needs an rsaEncryption key that decrypts",
            ),
            FitReason::DsaNotInTls13 => {
                f.write_str("TLS 1.3 has no DSA signatures; a DSA certificate cannot serve TLS 1.3")
            }
            FitReason::CurveNotInTls13 { curve } => {
                write!(f, "TLS 1.3 has no ECDSA signature scheme for {curve}")
            }
            FitReason::KeyUsageMissing { bit } => write!(
                f,
                "the certificate's keyUsage lacks {bit}, which this suite needs"
            ),
            FitReason::WrongSigner { need, have, version } => write!(
                f,
                "in {version} this static-key suite needs the certificate signed with {need}, \
                 but it is signed with {have} (TLS 1.2 lifts that rule, RFC 5246 7.4.2)"
            ),
            FitReason::SignerUnchecked { need } => write!(
                f,
                "before TLS 1.2 the certificate must be signed with {need} (signer not known here)"
            ),
            FitReason::NotNegotiable { need } => write!(f, "needs {need}"),
        }
    }
}

/// The answer of [`fits`]: whether a certificate can serve a suite, and why.
///
/// ```
/// use cipherdex::cert::fits;
/// let s = cipherdex::lookup("AES128-SHA").unwrap();
/// let fit = fits(s, &"rsa-pss".parse().unwrap(), cipherdex::Protocol::Tls12);
/// assert!(!fit.ok);
/// assert!(fit.to_string().starts_with("does not fit: an RSA-PSS key can only sign"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Fit {
    /// True if the certificate can serve the suite at that version.
    pub ok: bool,
    /// Why (when `ok`, what the suite needs and notes; otherwise every problem found).
    pub reasons: Vec<FitReason>,
}

impl fmt::Display for Fit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.ok { "fits" } else { "does not fit" })?;
        for (i, r) in self.reasons.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { "; " })?;
            write!(f, "{r}")?;
        }
        Ok(())
    }
}

/// Can a server with certificate `cert` serve `suite` in `version`?
///
/// ```
/// use cipherdex::cert::{fits, CertKey, KeyType};
/// use cipherdex::Protocol;
///
/// let suite = cipherdex::lookup("ECDHE-ECDSA-AES128-SHA").ok_or("unknown")?;
/// let ed = CertKey::new(KeyType::Ed25519);
/// assert!(fits(suite, &ed, Protocol::Tls12).ok);
/// assert!(!fits(suite, &ed, Protocol::Tls10).ok); // EdDSA needs TLS 1.2
/// # Ok::<(), &str>(())
/// ```
pub fn fits(suite: &Suite, cert: &CertKey, version: Protocol) -> Fit {
    let mut reasons = Vec::new();
    let ok = check(suite, cert, version, &mut |r| reasons.push(r));
    Fit { ok, reasons }
}

/// [`fits`] without allocating: true if `cert` can serve `suite` in
/// `version`; each reason (the same ones [`Fit::reasons`] holds, in the same
/// order) goes to `note` as it is found.
///
/// For hot loops (negotiation calls it for every suite and certificate):
/// pass a closure that counts, keeps the first reason, or ignores them.
///
/// ```
/// use cipherdex::cert::{check, CertKey, KeyType, FitReason};
/// use cipherdex::Protocol;
///
/// let suite = cipherdex::lookup("ECDHE-ECDSA-AES128-SHA").ok_or("unknown")?;
/// let mut first = None;
/// let ok = check(suite, &CertKey::new(KeyType::Rsa), Protocol::Tls12, &mut |r| {
///     first.get_or_insert(r);
/// });
/// assert!(!ok);
/// assert!(matches!(first, Some(FitReason::WrongKey { .. })));
/// assert!(check(suite, &CertKey::new(KeyType::Ecdsa), Protocol::Tls12, &mut |_| {}));
/// # Ok::<(), &str>(())
/// ```
pub fn check(
    suite: &Suite,
    cert: &CertKey,
    version: Protocol,
    note: &mut dyn FnMut(FitReason),
) -> bool {
    let need = Need::of(suite);
    if matches!(need, Need::Never | Need::Unmodelled) {
        note(FitReason::NotNegotiable { need });
        return false;
    }
    let mut ok = true;
    if !suite.supports(version) {
        note(FitReason::NotInVersion { version });
        ok = false;
    }
    let modern = version_at_least_12(version);
    let key = cert.key;
    let usage = |bit: UsageBit| match cert.key_usage {
        None => true,
        Some(u) => match bit {
            UsageBit::DigitalSignature => u.digital_signature,
            UsageBit::KeyEncipherment => u.key_encipherment,
            UsageBit::KeyAgreement => u.key_agreement,
        },
    };
    let mut fail = |r: FitReason, ok: &mut bool| {
        note(r);
        *ok = false;
    };
    let wrong = FitReason::WrongKey { need, have: key };
    match need {
        Need::Nothing => {}
        Need::RsaDecrypt => match key {
            KeyType::Rsa => {
                if !usage(UsageBit::KeyEncipherment) {
                    fail(
                        FitReason::KeyUsageMissing {
                            bit: UsageBit::KeyEncipherment,
                        },
                        &mut ok,
                    );
                }
            }
            KeyType::RsaPss => fail(FitReason::RsaPssCannotDecrypt, &mut ok),
            _ => fail(wrong, &mut ok),
        },
        Need::RsaSign => match key {
            KeyType::Rsa | KeyType::RsaPss => {
                if key == KeyType::RsaPss && !modern {
                    fail(FitReason::KeyTooNewForVersion { key, version }, &mut ok);
                }
                if !usage(UsageBit::DigitalSignature) {
                    fail(
                        FitReason::KeyUsageMissing {
                            bit: UsageBit::DigitalSignature,
                        },
                        &mut ok,
                    );
                }
            }
            _ => fail(wrong, &mut ok),
        },
        Need::DsaSign => match key {
            KeyType::Dsa => {
                if !usage(UsageBit::DigitalSignature) {
                    fail(
                        FitReason::KeyUsageMissing {
                            bit: UsageBit::DigitalSignature,
                        },
                        &mut ok,
                    );
                }
            }
            _ => fail(wrong, &mut ok),
        },
        Need::EcdsaSign => match key {
            KeyType::Ecdsa | KeyType::Ed25519 | KeyType::Ed448 => {
                if key != KeyType::Ecdsa && !modern {
                    fail(FitReason::KeyTooNewForVersion { key, version }, &mut ok);
                }
                if !usage(UsageBit::DigitalSignature) {
                    fail(
                        FitReason::KeyUsageMissing {
                            bit: UsageBit::DigitalSignature,
                        },
                        &mut ok,
                    );
                }
            }
            _ => fail(wrong, &mut ok),
        },
        Need::StaticDh { signer } | Need::StaticEcdh { signer } => {
            let key_ok = match need {
                Need::StaticDh { .. } => key == KeyType::Dh,
                _ => matches!(key, KeyType::Ecdh | KeyType::Ecdsa),
            };
            if !key_ok {
                fail(wrong, &mut ok);
            } else {
                if !usage(UsageBit::KeyAgreement) {
                    fail(
                        FitReason::KeyUsageMissing {
                            bit: UsageBit::KeyAgreement,
                        },
                        &mut ok,
                    );
                }
                if !modern {
                    match cert.signed_by {
                        None => note(FitReason::SignerUnchecked { need: signer }),
                        Some(have) if have == signer => {}
                        Some(have) => fail(
                            FitReason::WrongSigner {
                                need: signer,
                                have,
                                version,
                            },
                            &mut ok,
                        ),
                    }
                }
            }
        }
        Need::Tls13Signer => match key {
            KeyType::Rsa => {
                if !usage(UsageBit::DigitalSignature) {
                    fail(
                        FitReason::KeyUsageMissing {
                            bit: UsageBit::DigitalSignature,
                        },
                        &mut ok,
                    );
                }
            }
            KeyType::RsaPss | KeyType::Ed25519 | KeyType::Ed448 | KeyType::Ecdsa => {
                if let Some(curve) = cert
                    .curve
                    .filter(|c| key == KeyType::Ecdsa && !c.tls13_ok())
                {
                    fail(FitReason::CurveNotInTls13 { curve }, &mut ok);
                }
                if !usage(UsageBit::DigitalSignature) {
                    fail(
                        FitReason::KeyUsageMissing {
                            bit: UsageBit::DigitalSignature,
                        },
                        &mut ok,
                    );
                }
            }
            KeyType::Dsa => fail(FitReason::DsaNotInTls13, &mut ok),
            _ => fail(wrong, &mut ok),
        },
        // Returned early above.
        Need::Unmodelled | Need::Never => return false,
    }
    if ok {
        note(FitReason::Serves { need });
    }
    ok
}

/// True for TLS 1.2, TLS 1.3 and DTLS 1.2/1.3.
pub(crate) const fn version_at_least_12(v: Protocol) -> bool {
    matches!(
        v,
        Protocol::Tls12 | Protocol::Tls13 | Protocol::Dtls12 | Protocol::Dtls13
    )
}

/// True if a server holding `cert` can take part in TLS 1.3 at all (it has a
/// key that signs in TLS 1.3). OpenSSL and other servers skip TLS 1.3 in
/// version negotiation when they have no such certificate.
///
/// ```
/// use cipherdex::cert::serves_tls13;
/// assert!(serves_tls13(&"ecdsa-p256".parse().unwrap()));
/// assert!(!serves_tls13(&"dsa".parse().unwrap()));
/// ```
pub fn serves_tls13(cert: &CertKey) -> bool {
    let usage_ok = cert.key_usage.map_or(true, |u| u.digital_signature);
    usage_ok
        && match cert.key {
            KeyType::Rsa | KeyType::RsaPss | KeyType::Ed25519 | KeyType::Ed448 => true,
            KeyType::Ecdsa => cert.curve.map_or(true, NamedCurve::tls13_ok),
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suite(name: &str) -> &'static Suite {
        crate::lookup::lookup(name).unwrap_or_else(|| panic!("no suite {name}"))
    }

    fn ok(name: &str, cert: &str, v: Protocol) -> bool {
        fits(suite(name), &cert.parse().unwrap(), v).ok
    }

    use Protocol::{Tls10, Tls11, Tls12, Tls13};

    #[test]
    fn rsa_cannot_serve_ecdsa_and_ecdsa_cannot_serve_rsa() {
        assert!(!ok("ECDHE-ECDSA-AES128-GCM-SHA256", "rsa", Tls12));
        assert!(ok("ECDHE-RSA-AES128-GCM-SHA256", "rsa", Tls12));
        assert!(!ok("ECDHE-RSA-AES128-GCM-SHA256", "ecdsa", Tls12));
        assert!(!ok("AES128-SHA", "ecdsa-p256", Tls12));
        assert!(ok("ECDHE-ECDSA-AES128-GCM-SHA256", "ecdsa-p256", Tls12));
        let fit = fits(suite("AES128-SHA"), &"ecdsa".parse().unwrap(), Tls12);
        assert_eq!(
            fit.reasons,
            [FitReason::WrongKey {
                need: Need::RsaDecrypt,
                have: KeyType::Ecdsa
            }]
        );
    }

    #[test]
    fn ecdh_rsa_needs_an_ec_key_signed_by_rsa_before_tls12() {
        let s = "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA";
        assert!(ok(s, "ecdh-rsa", Tls10));
        assert!(!ok(s, "ecdh-ecdsa", Tls10));
        assert!(!ok(s, "rsa", Tls10));
        // RFC 5246 7.4.2: at TLS 1.2 the signer is not restricted.
        assert!(ok(s, "ecdh-ecdsa", Tls12));
        assert!(ok(
            "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA",
            "ecdh-ecdsa",
            Tls11
        ));
        assert!(ok("TLS_DH_RSA_WITH_AES_128_CBC_SHA", "dh-rsa", Tls10));
        assert!(!ok("TLS_DH_DSS_WITH_AES_128_CBC_SHA", "dh-rsa", Tls10));
        assert!(!ok("TLS_DH_RSA_WITH_AES_128_CBC_SHA", "rsa", Tls12));
    }

    #[test]
    fn key_usage_bits() {
        let sign_only = CertKey {
            key_usage: Some(KeyUsage {
                digital_signature: true,
                ..KeyUsage::default()
            }),
            ..CertKey::new(KeyType::Rsa)
        };
        let enc_only = CertKey {
            key_usage: Some(KeyUsage {
                key_encipherment: true,
                ..KeyUsage::default()
            }),
            ..CertKey::new(KeyType::Rsa)
        };
        let rsa_kx = suite("TLS_RSA_WITH_AES_128_GCM_SHA256");
        let dhe = suite("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
        assert!(!fits(rsa_kx, &sign_only, Tls12).ok);
        assert!(fits(rsa_kx, &sign_only, Tls12)
            .reasons
            .contains(&FitReason::KeyUsageMissing {
                bit: UsageBit::KeyEncipherment
            }));
        assert!(fits(dhe, &sign_only, Tls12).ok);
        assert!(fits(rsa_kx, &enc_only, Tls12).ok);
        assert!(!fits(dhe, &enc_only, Tls12).ok);
        assert!(!fits(suite("TLS_AES_128_GCM_SHA256"), &enc_only, Tls13).ok);
    }

    #[test]
    fn eddsa_dsa_and_rsa_pss_version_traps() {
        let s = "ECDHE-ECDSA-AES128-SHA";
        assert!(ok(s, "ed25519", Tls12));
        assert!(!ok(s, "ed25519", Tls11));
        assert!(!ok(s, "ed448", Tls10));
        assert!(ok("DHE-DSS-AES128-SHA", "dsa", Tls10));
        assert!(!ok("DHE-DSS-AES128-SHA", "rsa", Tls10));
        assert!(!ok("TLS_AES_128_GCM_SHA256", "dsa", Tls13));
        for key in [
            "rsa",
            "rsa-pss",
            "ecdsa-p256",
            "ecdsa-p521",
            "ed25519",
            "ed448",
        ] {
            assert!(ok("TLS_AES_256_GCM_SHA384", key, Tls13), "{key}");
        }
        assert!(!ok("TLS_AES_256_GCM_SHA384", "none", Tls13));
        assert!(!ok("AES128-SHA", "rsa-pss", Tls12));
        assert!(ok("ECDHE-RSA-AES128-SHA", "rsa-pss", Tls12));
        assert!(!ok("ECDHE-RSA-AES128-SHA", "rsa-pss", Tls10));
        let fit = fits(suite("AES128-SHA"), &"rsa-pss".parse().unwrap(), Tls12);
        assert_eq!(fit.reasons, [FitReason::RsaPssCannotDecrypt]);
    }

    #[test]
    fn psk_and_anon_need_no_certificate_and_versions_are_checked() {
        for cert in ["none", "rsa", "dsa", "ecdsa"] {
            assert!(ok("ADH-AES128-SHA", cert, Tls10), "{cert}");
            assert!(ok("PSK-AES128-CBC-SHA", cert, Tls12), "{cert}");
        }
        assert!(!ok("RSA-PSK-AES128-CBC-SHA", "none", Tls12));
        assert!(ok("RSA-PSK-AES128-CBC-SHA", "rsa", Tls12));
        // GCM suites exist only from TLS 1.2; TLS 1.3 suites only in TLS 1.3.
        assert!(!ok("ECDHE-RSA-AES128-GCM-SHA256", "rsa", Tls11));
        assert!(!ok("TLS_AES_128_GCM_SHA256", "rsa", Tls12));
        assert!(!ok("AES128-SHA", "rsa", Tls13));
        assert!(
            !fits(
                suite("TLS_EMPTY_RENEGOTIATION_INFO_SCSV"),
                &CertKey::new(KeyType::Rsa),
                Tls12
            )
            .ok
        );
    }

    #[test]
    fn type_names_parse_and_errors_suggest() {
        for name in CertKey::TYPE_NAMES {
            assert!(name.parse::<CertKey>().is_ok(), "{name}");
        }
        let err = "ecdsa-p265".parse::<CertKey>().unwrap_err();
        let text = err.to_string();
        assert!(text.contains("ecdsa-p256"), "{text}");
        assert!(text.contains("certificate file"), "{text}");
    }

    #[test]
    fn tls13_capability() {
        assert!(serves_tls13(&"rsa".parse().unwrap()));
        assert!(serves_tls13(&"ed25519".parse().unwrap()));
        assert!(!serves_tls13(&"dsa".parse().unwrap()));
        assert!(!serves_tls13(&CertKey::none()));
        let p192 = CertKey {
            curve: Some(NamedCurve::P192),
            ..CertKey::new(KeyType::Ecdsa)
        };
        assert!(!serves_tls13(&p192));
        assert!(fits(suite("TLS_AES_128_GCM_SHA256"), &p192, Tls13)
            .reasons
            .contains(&FitReason::CurveNotInTls13 {
                curve: NamedCurve::P192
            }));
    }
}
