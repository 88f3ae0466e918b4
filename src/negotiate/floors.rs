//! Key-size floors: the smallest keys a side accepts from the other, outside
//! any OpenSSL security level (Java's `keySize` rules in
//! `jdk.tls.disabledAlgorithms` and `jdk.certpath.disabledAlgorithms`,
//! SChannel's `ClientMinKeyBitLength`).

use std::fmt;

use crate::cert::{CertKey, KeyType};
use crate::records::Group;

/// Which kind of key a floor is for.
///
/// ```
/// use cipherdex::negotiate::FloorKind;
/// assert_eq!(FloorKind::Dh.to_string(), "DH");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FloorKind {
    /// An RSA (or RSA-PSS) certificate key: the modulus size.
    Rsa,
    /// An elliptic-curve (ECDSA) certificate key: the curve's size.
    Ec,
    /// Finite-field Diffie-Hellman (DHE) parameters: the prime's size.
    Dh,
}

impl fmt::Display for FloorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            FloorKind::Rsa => "RSA",
            FloorKind::Ec => "EC",
            FloorKind::Dh => "DH",
        })
    }
}

/// The smallest keys a client accepts from the server, in bits; `None`
/// where the side states no floor. A key below a floor ends the handshake
/// after the server has chosen (the client refuses the certificate or the
/// `ServerKeyExchange`), so nothing falls back to another suite.
///
/// Set on the client side of a negotiation ([`Peer::key_floors`](super::Peer::key_floors));
/// a server's floors are not used (client certificates are not modelled).
/// A key whose size is not known passes.
///
/// ```
/// use cipherdex::negotiate::{negotiate, parse_versions, FailureKind, KeyFloors, Peer};
/// let mut client = Peer::from_names(["ECDHE-RSA-AES128-GCM-SHA256"])?;
/// client.key_floors = KeyFloors::new(Some(1024), Some(1024), Some(224)); // Java's
/// let mut server = client.clone();
/// server.versions = parse_versions("1.2")?;
/// server.certs = vec!["rsa:768".parse()?];
/// let f = negotiate(&client, &server).outcome.unwrap_err();
/// assert_eq!(f.kind, FailureKind::KeyTooSmall);
/// assert!(f.diagnosis[0].to_string().contains("768-bit RSA key"));
/// server.certs = vec!["rsa:1024".parse()?];
/// assert!(negotiate(&client, &server).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct KeyFloors {
    /// The smallest RSA modulus accepted in the server's certificate.
    pub rsa: Option<u16>,
    /// The smallest DH prime accepted for DHE key exchange.
    pub dh: Option<u16>,
    /// The smallest elliptic curve (bits) accepted for the server's ECDSA key.
    pub ec: Option<u16>,
}

impl KeyFloors {
    /// No floor at all.
    pub const NONE: KeyFloors = KeyFloors {
        rsa: None,
        dh: None,
        ec: None,
    };

    /// Floors for RSA keys, DH parameters and EC keys, in bits.
    ///
    /// ```
    /// let f = cipherdex::negotiate::KeyFloors::new(Some(1024), None, None);
    /// assert_eq!(f.rsa, Some(1024));
    /// assert!(!f.is_none());
    /// ```
    pub const fn new(rsa: Option<u16>, dh: Option<u16>, ec: Option<u16>) -> KeyFloors {
        KeyFloors { rsa, dh, ec }
    }

    /// True when no floor is set.
    pub const fn is_none(&self) -> bool {
        self.rsa.is_none() && self.dh.is_none() && self.ec.is_none()
    }

    /// The floor for `kind`.
    pub const fn get(&self, kind: FloorKind) -> Option<u16> {
        match kind {
            FloorKind::Rsa => self.rsa,
            FloorKind::Ec => self.ec,
            FloorKind::Dh => self.dh,
        }
    }

    /// The floor a certificate key is below, as (kind, the key's size, the
    /// floor); `None` when it passes or its size is not known. RSA and
    /// RSA-PSS keys meet the RSA floor, ECDSA keys the EC floor (their
    /// curve's size); other keys meet none.
    ///
    /// ```
    /// use cipherdex::negotiate::{FloorKind, KeyFloors};
    /// let f = KeyFloors::new(Some(1024), None, Some(224));
    /// assert_eq!(f.refuses_cert(&"rsa:512".parse()?), Some((FloorKind::Rsa, 512, 1024)));
    /// assert_eq!(f.refuses_cert(&"ecdsa-p256".parse()?), None);
    /// # Ok::<(), cipherdex::cert::CertError>(())
    /// ```
    pub fn refuses_cert(&self, key: &CertKey) -> Option<(FloorKind, u32, u16)> {
        let kind = match key.key {
            KeyType::Rsa | KeyType::RsaPss => FloorKind::Rsa,
            KeyType::Ecdsa => FloorKind::Ec,
            _ => return None,
        };
        let floor = self.get(kind)?;
        let bits = key
            .bits
            .or_else(|| key.curve.and_then(|c| c.bits()))
            .filter(|b| *b > 0)?;
        (bits < u32::from(floor)).then_some((kind, bits, floor))
    }

    /// The DH floor, when DHE parameters of `bits` are below it.
    ///
    /// ```
    /// let f = cipherdex::negotiate::KeyFloors::new(None, Some(1024), None);
    /// assert_eq!(f.refuses_dh(768), Some(1024));
    /// assert_eq!(f.refuses_dh(2048), None);
    /// ```
    pub fn refuses_dh(&self, bits: u32) -> Option<u16> {
        self.dh.filter(|floor| bits < u32::from(*floor))
    }
}

/// The prime size of an RFC 7919 group (`ffdhe2048`: 2048); `None` for others.
pub(super) fn ffdhe_bits(g: &'static Group) -> Option<u32> {
    match g.code() {
        0x0100 => Some(2048),
        0x0101 => Some(3072),
        0x0102 => Some(4096),
        0x0103 => Some(6144),
        0x0104 => Some(8192),
        _ => None,
    }
}
