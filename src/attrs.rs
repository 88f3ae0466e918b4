//! Attribute types of a cipher suite: protocol versions, key exchange,
//! authentication, cipher, mode, MAC, PRF hash, naming schemes; and the
//! default state of a protocol version on a Windows release.
//!
//! This file is compiled twice: into the library, and into the build script
//! (`build.rs` includes it with `#[path]`), so that every token in
//! `data/` is checked into exactly the enums the library uses. It therefore
//! uses only `core` and `std`, never `crate::` paths.

use std::fmt;
use std::str::FromStr;

/// Error returned when a string names no variant of an attribute enum.
///
/// ```
/// use cipherdex::KeyExchange;
/// let err = "ECDHX".parse::<KeyExchange>().unwrap_err();
/// assert!(err.to_string().contains("ECDHE"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributeError {
    kind: &'static str,
    input: String,
    expected: &'static [&'static str],
}

impl AttributeError {
    /// What kind of attribute was being parsed (`"key exchange"`, ...).
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The canonical spellings that would have been accepted.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl fmt::Display for AttributeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} {:?} (expected one of: {})",
            self.kind,
            self.input,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for AttributeError {}

/// Declares an attribute enum with its canonical spelling, accepted aliases,
/// `ALL`, `as_str`, `Display` and a case-insensitive `FromStr`.
macro_rules! attribute {
    (
        $(#[$meta:meta])*
        $name:ident, $kind:literal {
            $( $(#[$vmeta:meta])* $var:ident = $s:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $var, )+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$var, )+ ];
            const SPELLINGS: &'static [&'static str] = &[ $( $s, )+ ];

            /// The canonical spelling, as printed and as accepted by `FromStr`.
            pub const fn as_str(self) -> &'static str {
                match self { $( $name::$var => $s, )+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = AttributeError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $(
                    if s.eq_ignore_ascii_case($s) $(|| s.eq_ignore_ascii_case($alias))* {
                        return Ok($name::$var);
                    }
                )+
                Err(AttributeError { kind: $kind, input: s.to_string(), expected: Self::SPELLINGS })
            }
        }
    };
}

attribute! {
    /// A protocol version a suite can be negotiated in.
    Protocol, "protocol version" {
        /// SSL 2.0 (its own three-byte cipher kinds).
        Ssl2 = "SSL2" | "SSLv2" | "SSL 2.0" | "2",
        /// SSL 3.0.
        Ssl3 = "SSL3" | "SSLv3" | "SSL 3.0" | "3",
        /// TLS 1.0.
        Tls10 = "TLS1.0" | "TLSv1" | "TLSv1.0" | "TLS 1.0" | "1.0" | "tls1",
        /// TLS 1.1.
        Tls11 = "TLS1.1" | "TLSv1.1" | "TLS 1.1" | "1.1" | "tls1_1",
        /// TLS 1.2.
        Tls12 = "TLS1.2" | "TLSv1.2" | "TLS 1.2" | "1.2" | "tls1_2",
        /// TLS 1.3.
        Tls13 = "TLS1.3" | "TLSv1.3" | "TLS 1.3" | "1.3" | "tls1_3",
        /// DTLS 1.0 (the datagram form of TLS 1.1).
        Dtls10 = "DTLS1.0" | "DTLSv1" | "DTLSv1.0" | "DTLS 1.0",
        /// DTLS 1.2.
        Dtls12 = "DTLS1.2" | "DTLSv1.2" | "DTLS 1.2",
        /// DTLS 1.3.
        Dtls13 = "DTLS1.3" | "DTLSv1.3" | "DTLS 1.3",
    }
}

impl Protocol {
    /// The version number on the wire (`0x0303` for TLS 1.2); SSL 2.0 is `0x0002`.
    pub const fn wire_version(self) -> u16 {
        match self {
            Protocol::Ssl2 => 0x0002,
            Protocol::Ssl3 => 0x0300,
            Protocol::Tls10 => 0x0301,
            Protocol::Tls11 => 0x0302,
            Protocol::Tls12 => 0x0303,
            Protocol::Tls13 => 0x0304,
            Protocol::Dtls10 => 0xFEFF,
            Protocol::Dtls12 => 0xFEFD,
            Protocol::Dtls13 => 0xFEFC,
        }
    }

    /// True for the DTLS versions.
    pub const fn is_dtls(self) -> bool {
        matches!(self, Protocol::Dtls10 | Protocol::Dtls12 | Protocol::Dtls13)
    }

    const fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A set of protocol versions, such as the versions a suite can be negotiated in.
///
/// ```
/// use cipherdex::{Protocol, Protocols};
/// let p = Protocols::EMPTY.with(Protocol::Tls12).with(Protocol::Tls13);
/// assert!(p.contains(Protocol::Tls12));
/// assert_eq!(p.to_string(), "TLS1.2 TLS1.3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Protocols(u16);

impl Protocols {
    /// No version at all (signalling values, GREASE).
    pub const EMPTY: Protocols = Protocols(0);

    /// Builds a set from its raw bits (as emitted by the build script).
    #[doc(hidden)]
    pub const fn from_bits(bits: u16) -> Protocols {
        Protocols(bits)
    }

    /// The raw bits: bit `n` is the `n`-th variant of [`Protocol::ALL`].
    pub const fn bits(self) -> u16 {
        self.0
    }

    /// This set with `p` added.
    pub const fn with(self, p: Protocol) -> Protocols {
        Protocols(self.0 | p.bit())
    }

    /// True if `p` is in the set.
    pub const fn contains(self, p: Protocol) -> bool {
        self.0 & p.bit() != 0
    }

    /// True if the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The versions in the set, oldest first (SSL and TLS before DTLS).
    pub fn iter(self) -> impl Iterator<Item = Protocol> {
        Protocol::ALL
            .iter()
            .copied()
            .filter(move |p| self.contains(*p))
    }

    /// The lowest TLS/SSL (not DTLS) version in the set.
    pub fn min_tls(self) -> Option<Protocol> {
        self.iter().find(|p| !p.is_dtls())
    }

    /// The highest TLS/SSL (not DTLS) version in the set.
    pub fn max_tls(self) -> Option<Protocol> {
        self.iter().filter(|p| !p.is_dtls()).last()
    }
}

impl fmt::Display for Protocols {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for p in self.iter() {
            if !first {
                f.write_str(" ")?;
            }
            first = false;
            f.write_str(p.as_str())?;
        }
        Ok(())
    }
}

attribute! {
    /// How the premaster secret is agreed.
    KeyExchange, "key exchange" {
        /// None at all (`TLS_NULL_WITH_NULL_NULL`, signalling values).
        Null = "NULL" | "none",
        /// Negotiated separately from the suite (TLS 1.3 suites).
        Any = "any",
        /// RSA key transport: the client encrypts the secret to the server's RSA key.
        Rsa = "RSA",
        /// Static Diffie-Hellman with the key in the certificate.
        Dh = "DH",
        /// Ephemeral Diffie-Hellman.
        Dhe = "DHE" | "EDH",
        /// Static elliptic-curve Diffie-Hellman with the key in the certificate.
        Ecdh = "ECDH",
        /// Ephemeral elliptic-curve Diffie-Hellman.
        Ecdhe = "ECDHE" | "EECDH",
        /// Elliptic-curve MQV (early ECC drafts only).
        Ecmqv = "ECMQV",
        /// Pre-shared key alone.
        Psk = "PSK",
        /// Pre-shared key with ephemeral Diffie-Hellman.
        DhePsk = "DHE_PSK" | "DHEPSK",
        /// Pre-shared key with ephemeral ECDH.
        EcdhePsk = "ECDHE_PSK" | "ECDHEPSK",
        /// Pre-shared key with RSA key transport.
        RsaPsk = "RSA_PSK" | "RSAPSK",
        /// Secure Remote Password.
        Srp = "SRP",
        /// Kerberos 5.
        Krb5 = "KRB5",
        /// Fortezza KEA.
        Fortezza = "FORTEZZA",
        /// GOST R 34.10-94 VKO.
        Gost94 = "GOST94",
        /// GOST R 34.10-2001 VKO.
        Gost01 = "GOST01",
        /// GOST R 34.10-2012 VKO.
        Gost12 = "GOST12",
        /// ECC password authentication (RFC 8492).
        Eccpwd = "ECCPWD",
        /// EC-JPAKE (Thread).
        Ecjpake = "ECJPAKE",
        /// CECPQ1 (X25519 plus NewHope, a 2016 experiment).
        Cecpq1 = "CECPQ1",
        /// Chinese SM2 key exchange (GM/T 0024).
        Sm2 = "SM2" | "ECC",
        /// Chinese identity-based key exchange (GM/T 0024).
        Ibc = "IBC",
        /// Chinese identity-based DH (GM/T 0024).
        Ibsdh = "IBSDH",
        /// A private wolfSSL scheme.
        Wdm = "WDM",
    }
}

impl KeyExchange {
    /// True if the key exchange is ephemeral, so that a later theft of the
    /// server's long-term key does not reveal past sessions.
    pub const fn is_ephemeral(self) -> bool {
        matches!(
            self,
            KeyExchange::Any
                | KeyExchange::Dhe
                | KeyExchange::Ecdhe
                | KeyExchange::DhePsk
                | KeyExchange::EcdhePsk
                | KeyExchange::Cecpq1
                | KeyExchange::Eccpwd
                | KeyExchange::Ecjpake
                | KeyExchange::Srp
        )
    }

    /// True for the pre-shared-key families.
    pub const fn uses_psk(self) -> bool {
        matches!(
            self,
            KeyExchange::Psk | KeyExchange::DhePsk | KeyExchange::EcdhePsk | KeyExchange::RsaPsk
        )
    }
}

attribute! {
    /// How the server proves who it is (what its certificate must hold).
    Authentication, "authentication" {
        /// No authentication: anonymous suites.
        Null = "NULL" | "anon" | "none",
        /// Negotiated separately from the suite (TLS 1.3 suites).
        Any = "any",
        /// RSA certificate.
        Rsa = "RSA",
        /// DSA (DSS) certificate.
        Dss = "DSS" | "DSA",
        /// ECDSA certificate.
        Ecdsa = "ECDSA",
        /// Pre-shared key.
        Psk = "PSK",
        /// SRP password verifier.
        Srp = "SRP",
        /// Kerberos 5 ticket.
        Krb5 = "KRB5",
        /// Fortezza card.
        Fortezza = "FORTEZZA",
        /// GOST R 34.10-94 certificate.
        Gost94 = "GOST94",
        /// GOST R 34.10-2001 certificate.
        Gost01 = "GOST01",
        /// GOST R 34.10-2012 certificate.
        Gost12 = "GOST12",
        /// ECC password (RFC 8492).
        Eccpwd = "ECCPWD",
        /// EC-JPAKE password.
        Ecjpake = "ECJPAKE",
        /// Elliptic-curve Nyberg-Rueppel (early ECC drafts only).
        Ecnra = "ECNRA",
        /// Chinese SM2 certificate.
        Sm2 = "SM2",
        /// Chinese identity-based signature.
        Ibc = "IBC",
        /// A private wolfSSL scheme.
        Wdm = "WDM",
    }
}

attribute! {
    /// The bulk cipher.
    Cipher, "cipher" {
        /// No encryption.
        Null = "NULL" | "none",
        /// RC4 stream cipher.
        Rc4 = "RC4",
        /// RC2 block cipher.
        Rc2 = "RC2",
        /// Single DES (including its 40-bit export form).
        Des = "DES",
        /// Triple DES (EDE).
        TripleDes = "3DES",
        /// IDEA.
        Idea = "IDEA",
        /// AES.
        Aes = "AES",
        /// Camellia.
        Camellia = "CAMELLIA",
        /// ARIA.
        Aria = "ARIA",
        /// SEED.
        Seed = "SEED",
        /// ChaCha20.
        ChaCha20 = "CHACHA20",
        /// Chinese SM1 (secret algorithm).
        Sm1 = "SM1",
        /// Chinese SM4.
        Sm4 = "SM4",
        /// GOST 28147-89.
        Gost89 = "GOST89" | "28147",
        /// GOST R 34.12-2015 Kuznyechik.
        Kuznyechik = "KUZNYECHIK",
        /// GOST R 34.12-2015 Magma.
        Magma = "MAGMA",
        /// Fortezza SKIPJACK.
        Skipjack = "SKIPJACK" | "FORTEZZA",
        /// AEGIS.
        Aegis = "AEGIS",
        /// Ascon-AEAD128.
        Ascon = "ASCON",
        /// Salsa20 (and its eSTREAM form).
        Salsa20 = "SALSA20",
    }
}

impl Cipher {
    /// The block size in bits, or 0 for stream ciphers and NULL.
    pub const fn block_bits(self) -> u16 {
        match self {
            Cipher::Rc2 | Cipher::Des | Cipher::TripleDes | Cipher::Idea | Cipher::Gost89 => 64,
            Cipher::Magma | Cipher::Skipjack => 64,
            Cipher::Aes | Cipher::Camellia | Cipher::Aria | Cipher::Seed => 128,
            Cipher::Sm1 | Cipher::Sm4 | Cipher::Kuznyechik => 128,
            _ => 0,
        }
    }
}

attribute! {
    /// How the bulk cipher is used.
    Mode, "mode" {
        /// No encryption.
        None = "none" | "NULL",
        /// Cipher block chaining, with a separate MAC.
        Cbc = "CBC",
        /// A stream cipher (RC4, Salsa20), with a separate MAC.
        Stream = "stream",
        /// Galois/counter mode (AEAD).
        Gcm = "GCM",
        /// Counter with CBC-MAC, 16-byte tag (AEAD).
        Ccm = "CCM",
        /// Counter with CBC-MAC, 8-byte tag (AEAD).
        Ccm8 = "CCM_8" | "CCM8",
        /// ChaCha20 with Poly1305 (AEAD).
        Poly1305 = "POLY1305" | "CHACHA20_POLY1305",
        /// Counter mode with a separate MAC (GOST CNT, CTR_OMAC).
        Ctr = "CTR" | "CNT",
        /// Multilinear Galois mode (GOST, AEAD).
        Mgm = "MGM",
        /// An AEAD cipher with no separate mode (AEGIS, Ascon).
        Aead = "AEAD",
        /// Cipher feedback (an SSLv2-era private suite).
        Cfb = "CFB",
    }
}

impl Mode {
    /// True for authenticated-encryption modes.
    pub const fn is_aead(self) -> bool {
        matches!(
            self,
            Mode::Gcm | Mode::Ccm | Mode::Ccm8 | Mode::Poly1305 | Mode::Mgm | Mode::Aead
        )
    }
}

attribute! {
    /// The record MAC, or `AEAD` when the cipher authenticates itself.
    Mac, "MAC" {
        /// No MAC.
        Null = "NULL" | "none",
        /// The AEAD cipher's own tag.
        Aead = "AEAD",
        /// HMAC-MD5.
        Md5 = "MD5",
        /// HMAC-SHA1.
        Sha1 = "SHA1" | "SHA",
        /// HMAC-SHA256.
        Sha256 = "SHA256",
        /// HMAC-SHA384.
        Sha384 = "SHA384",
        /// HMAC-SM3.
        Sm3 = "SM3",
        /// GOST 28147-89 IMIT.
        Gost89 = "GOST89MAC" | "IMIT",
        /// HMAC with GOST R 34.11-94.
        Gost94 = "GOST94" | "GOSTR3411",
        /// HMAC with GOST R 34.11-2012 (Streebog-256).
        Streebog256 = "GOST12" | "STREEBOG256",
        /// OMAC (CMAC) of the GOST R 34.12-2015 cipher.
        Omac = "OMAC",
        /// RIPEMD-160 (never-published drafts).
        Rmd160 = "RMD" | "RIPEMD160",
    }
}

attribute! {
    /// The hash behind the TLS 1.2 PRF or the TLS 1.3 HKDF.
    Prf, "PRF hash" {
        /// No PRF (SSL 2.0, signalling values).
        None = "none",
        /// The MD5 and SHA-1 PRF of SSL 3.0 to TLS 1.1 (the suite predates TLS 1.2).
        Legacy = "MD5+SHA1" | "legacy",
        /// SHA-256.
        Sha256 = "SHA256",
        /// SHA-384.
        Sha384 = "SHA384",
        /// SHA-512.
        Sha512 = "SHA512",
        /// SM3.
        Sm3 = "SM3",
        /// GOST R 34.11-94.
        Gost94 = "GOST94",
        /// Streebog-256.
        Streebog256 = "STREEBOG256",
        /// Ascon-Hash256.
        AsconHash256 = "ASCONHASH256",
    }
}

attribute! {
    /// Where a code point comes from.
    Origin, "origin" {
        /// Assigned in the IANA TLS Cipher Suites registry.
        Iana = "iana",
        /// Reserved by RFC 8701 (GREASE): never a real suite.
        Grease = "grease",
        /// An SSL 2.0 three-byte cipher kind.
        Ssl2 = "sslv2",
        /// Not assigned by IANA: a draft, vendor or national code point.
        Unofficial = "unofficial",
        /// A TLS 1.2 hash/signature pair (RFC 5246) that the TLS 1.3
        /// SignatureScheme registry only reserves for backward compatibility.
        Legacy = "legacy",
    }
}

attribute! {
    /// IANA's "Recommended" column.
    Recommended, "IANA recommended value" {
        /// `Y`: IETF-reviewed and recommended.
        Yes = "Y",
        /// `N`: not recommended (or not reviewed).
        No = "N",
        /// `D`: discouraged (RFC 9847).
        Discouraged = "D",
    }
}

attribute! {
    /// A naming scheme: whose spelling of suite names.
    Scheme, "naming scheme" {
        /// The IANA registry (also used by Wireshark, Go, NSS, GnuTLS's canonical names).
        Iana = "iana" | "rfc" | "ietf",
        /// OpenSSL (and LibreSSL, BoringSSL): `ECDHE-RSA-AES128-GCM-SHA256`.
        OpenSsl = "openssl",
        /// GnuTLS: `TLS_ECDHE_RSA_AES_128_GCM_SHA256`.
        GnuTls = "gnutls",
        /// NSS (Firefox) constants.
        Nss = "nss",
        /// Java JSSE standard names (`SSL_` prefix for SSL 3.0-era suites).
        Java = "java" | "jsse",
        /// Go `crypto/tls` constants.
        Go = "go" | "golang",
        /// Windows SChannel (including the `_P256` curve-suffixed names of Vista to 8.1).
        Windows = "windows" | "schannel",
        /// Mbed TLS string names: `TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256`.
        MbedTls = "mbedtls",
        /// wolfSSL names (`TLS13-AES128-GCM-SHA256`).
        WolfSsl = "wolfssl",
        /// Wireshark's display names.
        Wireshark = "wireshark" | "tshark",
        /// nmap's `ssl-enum-ciphers` names (`TLS_AKE_WITH_*`, `-draft`).
        Nmap = "nmap",
        /// Spellings only testssl.sh uses (`_OLD`, OpenSSL-style names OpenSSL never had).
        Testssl = "testssl" | "testssl.sh",
    }
}

attribute! {
    /// What kind of name an alias is, within its scheme.
    NameKind, "name kind" {
        /// The scheme's current name for the suite.
        Primary = "primary",
        /// Another accepted spelling in the same scheme.
        Alias = "alias",
        /// A name the scheme used in older versions.
        Legacy = "legacy",
        /// A Windows name with a curve suffix (`_P256`, `_P384`, `_P521`).
        Curve = "curve",
    }
}

attribute! {
    /// A named elliptic curve in a curve-suffixed Windows name.
    Curve, "curve" {
        /// NIST P-256 (secp256r1).
        P256 = "P256" | "secp256r1" | "prime256v1",
        /// NIST P-384 (secp384r1).
        P384 = "P384" | "secp384r1",
        /// NIST P-521 (secp521r1).
        P521 = "P521" | "secp521r1",
    }
}

/// Whether a protocol version is on by default on one side of a Windows
/// release (the "Protocols in TLS/SSL (Schannel SSP)" page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProtocolState {
    /// Supported and enabled by default.
    Enabled,
    /// Supported but disabled by default (a registry setting turns it on).
    Disabled,
    /// Not implemented by this release.
    Unsupported,
    /// Taken out of the release (SSL 2.0 from Windows 10 1607).
    Removed,
    /// The documentation does not say (Windows XP / Server 2003).
    Unknown,
}

impl ProtocolState {
    /// Every state.
    pub const ALL: &'static [ProtocolState] = &[
        ProtocolState::Enabled,
        ProtocolState::Disabled,
        ProtocolState::Unsupported,
        ProtocolState::Removed,
        ProtocolState::Unknown,
    ];

    /// The spelling used in `data/schannel/protocols.csv` and in output.
    pub const fn as_str(self) -> &'static str {
        match self {
            ProtocolState::Enabled => "enabled",
            ProtocolState::Disabled => "disabled",
            ProtocolState::Unsupported => "unsupported",
            ProtocolState::Removed => "removed",
            ProtocolState::Unknown => "unknown",
        }
    }

    /// True when the release can speak the version at all (enabled or disabled by default).
    pub const fn is_supported(self) -> bool {
        matches!(self, ProtocolState::Enabled | ProtocolState::Disabled)
    }
}

impl fmt::Display for ProtocolState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl ProtocolState {
    /// Reads a `protocols.csv` cell.
    #[allow(dead_code)]
    pub(crate) fn from_data(s: &str) -> Option<ProtocolState> {
        ProtocolState::ALL
            .iter()
            .copied()
            .find(|p| p.as_str() == s.trim())
    }
}

attribute! {
    /// What a TLS supported group (named group) is made of.
    GroupKind, "group kind" {
        /// Elliptic-curve Diffie-Hellman (ECDHE): NIST, SEC, Brainpool, GOST
        /// and SM2 curves, X25519 and X448 (RFC 8422, RFC 8446).
        Elliptic = "elliptic" | "ec" | "ecdhe",
        /// Finite-field Diffie-Hellman with RFC 7919 parameters (DHE).
        FiniteField = "finite-field" | "ff" | "ffdhe" | "dhe",
        /// A classical ECDH group combined with a post-quantum KEM (X25519MLKEM768).
        Hybrid = "hybrid",
        /// A post-quantum key encapsulation mechanism alone (ML-KEM).
        PostQuantum = "post-quantum" | "pq" | "kem",
        /// Reserved by RFC 8701 (GREASE): never a real group.
        Grease = "grease",
    }
}

attribute! {
    /// The signature algorithm of a TLS signature scheme.
    SignatureAlgorithm, "signature algorithm" {
        /// RSASSA-PKCS1-v1_5.
        RsaPkcs1 = "RSA-PKCS1" | "rsa" | "pkcs1",
        /// RSASSA-PSS with a key whose certificate says rsaEncryption (RFC 8446 `rsa_pss_rsae_*`).
        RsaPssRsae = "RSA-PSS-RSAE" | "rsae",
        /// RSASSA-PSS with a key whose certificate says RSASSA-PSS (RFC 8446 `rsa_pss_pss_*`).
        RsaPssPss = "RSA-PSS-PSS",
        /// ECDSA (in TLS 1.3 tied to one curve).
        Ecdsa = "ECDSA",
        /// EdDSA: Ed25519 or Ed448.
        EdDsa = "EdDSA",
        /// DSA (TLS 1.2 and earlier).
        Dsa = "DSA" | "DSS",
        /// ML-DSA (FIPS 204), post-quantum.
        MlDsa = "ML-DSA" | "mldsa",
        /// SM2 (RFC 8998).
        Sm2 = "SM2",
        /// GOST R 34.10 (RFC 9189, RFC 9367).
        Gost = "GOST",
        /// Identity-based signatures (ECCSI, ISO/IEC 14888-3).
        Ibc = "IBC",
        /// Reserved by RFC 8701 (GREASE): never a real scheme.
        Grease = "GREASE",
    }
}

attribute! {
    /// The hash a signature scheme signs with.
    HashAlgorithm, "hash" {
        /// MD5.
        Md5 = "MD5",
        /// SHA-1.
        Sha1 = "SHA1" | "SHA-1",
        /// SHA-224.
        Sha224 = "SHA224" | "SHA-224",
        /// SHA-256.
        Sha256 = "SHA256" | "SHA-256",
        /// SHA-384.
        Sha384 = "SHA384" | "SHA-384",
        /// SHA-512.
        Sha512 = "SHA512" | "SHA-512",
        /// SM3 (RFC 8998).
        Sm3 = "SM3",
        /// GOST R 34.11-2012, 256-bit (Streebog).
        Streebog256 = "STREEBOG256",
        /// GOST R 34.11-2012, 512-bit (Streebog).
        Streebog512 = "STREEBOG512",
        /// GOST R 34.11-94.
        Gostr3411 = "GOSTR3411",
        /// No separate hash: the algorithm hashes internally (EdDSA, ML-DSA).
        Intrinsic = "INTRINSIC",
    }
}
