//! What a client and a server will negotiate, or exactly why they cannot.
//!
//! The rules, in the order real stacks apply them (checked against OpenSSL
//! 3.0 handshakes in `tests/negotiate_openssl.rs`):
//!
//! 1. **Version**: a client that enables TLS 1.3 lists its versions, and the
//!    server takes the highest both enable; an older client announces only its
//!    highest version, the server answers with it or the highest it has below
//!    it (RFC 5246 E.1), and the client must have enabled the answer. A server skips TLS
//!    1.3 only when it has no certificate that can sign in TLS 1.3 (a DSA-only
//!    or anonymous-only server then speaks TLS 1.2). It does *not* skip TLS
//!    1.3 for lack of shared TLS 1.3 suites: once TLS 1.3 is chosen and no TLS
//!    1.3 suite is shared, the handshake fails; nothing falls back to TLS 1.2.
//! 0. **Sanity** ([`Peer::refuse_without_max_version_suites`], on by
//!    default as in OpenSSL): a side that has no suite for its own highest
//!    version refuses every handshake ("no ciphers available"), even one
//!    that would settle on a lower version.
//! 3. **Suites** usable in the chosen version and enabled on both sides.
//! 4. **Certificate**: the server needs a certificate that fits the suite
//!    ([`cert::fits`]). A server with several certificates chooses as
//!    OpenSSL 3.0 does: the first signature scheme, in the deciding order,
//!    that fits one of the certificates serving the suite (in TLS 1.2 that
//!    decides between ECDSA and EdDSA keys, or RSA and RSA-PSS ones); with no
//!    signature to make, the first certificate that serves it. A Windows
//!    server ([`CertChoice::Bound`]) has one certificate bound to its
//!    endpoint: the first; the others are never used ([`Peer::unused_certs`]).
//! 5. **Order**: the server's order or the client's ([`Preference`]), first
//!    suite that passes 3 and 4 wins.
//!
//! ```
//! use cipherdex::negotiate::{negotiate, Peer, Preference};
//! use cipherdex::cert::CertKey;
//!
//! let client = Peer::from_names(["ECDHE-ECDSA-AES128-GCM-SHA256", "AES128-SHA"])?;
//! let mut server = Peer::from_names(["ECDHE-RSA-AES128-GCM-SHA256", "AES128-SHA"])?;
//! server.tls13_suites.clear(); // TLS 1.3 on but no TLS 1.3 suites:
//! let n = negotiate(&client, &server);
//! assert!(!n.is_ok()); // OpenSSL servers then refuse every handshake
//!
//! server.versions = cipherdex::negotiate::parse_versions("1.0-1.2")?;
//! let n = negotiate(&client, &server);
//! assert_eq!(n.version().map(|v| v.as_str()), Some("TLS1.2"));
//! assert_eq!(n.suite().map(|s| s.canonical_name()), Some("TLS_RSA_WITH_AES_128_CBC_SHA"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::attrs::{Authentication, Cipher, KeyExchange, Mac, Mode, Protocol, Protocols};
use crate::cause::Cause;
use crate::cert::{self, CertKey, FitReason, KeyType, Need};
use crate::lookup::UnknownNameError;
use crate::openssl::{finite_field_strength, key_strength, SecurityLevel};
use crate::records::{Group, SignatureScheme};
use crate::stack::Stack;
use crate::suite::Suite;

mod floors;
mod kx;

pub use floors::{FloorKind, KeyFloors};

/// Whose order decides among the shared suites.
///
/// ```
/// use cipherdex::negotiate::Preference;
/// assert_eq!("client".parse::<Preference>().unwrap(), Preference::Client);
/// assert_eq!(Preference::default(), Preference::Server);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Preference {
    /// The server's order wins (OpenSSL `-serverpref`, SChannel, most servers).
    #[default]
    Server,
    /// The client's order wins (OpenSSL and GnuTLS servers by default).
    Client,
}

impl Preference {
    /// `server` or `client`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Preference::Server => "server",
            Preference::Client => "client",
        }
    }
}

impl fmt::Display for Preference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Preference {
    type Err = NegotiateInputError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "server" => Ok(Preference::Server),
            "client" => Ok(Preference::Client),
            _ => Err(NegotiateInputError::Preference {
                input: s.to_owned(),
            }),
        }
    }
}

/// How a server with several certificates chooses the one it uses.
///
/// ```
/// use cipherdex::negotiate::{negotiate, CertChoice, Peer};
/// let client = Peer::from_names(["TLS_AES_128_GCM_SHA256"])?; // OpenSSL's schemes: ECDSA first
/// let mut server = Peer::from_names(["TLS_AES_128_GCM_SHA256"])?;
/// server.certs = vec!["ed25519".parse()?, "ecdsa-p256".parse()?];
/// assert_eq!(negotiate(&client, &server).outcome.unwrap().cert, Some(1));
/// server.cert_choice = CertChoice::InOrder; // GnuTLS: the first that can sign
/// assert_eq!(negotiate(&client, &server).outcome.unwrap().cert, Some(0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum CertChoice {
    /// OpenSSL 3.0: the first signature scheme, in the deciding order, that
    /// fits one of the certificates serving the suite picks it (in TLS 1.2
    /// too, between ECDSA and EdDSA or RSA and RSA-PSS keys).
    #[default]
    BySignatureScheme,
    /// GnuTLS 3.7: the first certificate, in the order configured, that serves
    /// the suite and has a signature scheme the client accepts.
    InOrder,
    /// SChannel as IIS and HTTP.sys set it up: one certificate is bound to
    /// an endpoint (IP:port or host name:port; `netsh http add sslcert ...
    /// certhash=`, IIS's `SSLBinding.Create(IPAddress, Port, CertificateHash,
    /// StoreName)`), so only the first of [`Peer::certs`] serves and the
    /// others are not used ([`Peer::unused_certs`]). (The SChannel API itself
    /// takes several certificates in one credential, `SCHANNEL_CRED.paCred`,
    /// "typically one for each key exchange method"; what an application
    /// other than IIS does with that is not modelled.)
    Bound,
}

/// A suite a peer supports but has not enabled, with the way to enable it.
///
/// Profiles fill this in (for example the Windows releases: supported by the
/// release, not enabled by default, enabled with `Enable-TlsCipherSuite`).
///
/// ```
/// use cipherdex::negotiate::{negotiate, Diagnosis, Dormant, Peer};
/// let client = Peer::from_names(["DES-CBC3-SHA"]).unwrap();
/// let mut server = Peer::from_names(["AES128-SHA"]).unwrap();
/// server.versions = cipherdex::negotiate::parse_versions("1.2").unwrap();
/// server.dormant.push(Dormant::new(
///     cipherdex::lookup("DES-CBC3-SHA").unwrap(),
///     "add DES-CBC3-SHA to ssl_ciphers",
/// ));
/// let f = negotiate(&client, &server).outcome.unwrap_err();
/// assert!(f.diagnosis.iter().any(|d| matches!(d, Diagnosis::NotEnabled { .. })));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Dormant {
    /// The suite.
    pub suite: &'static Suite,
    /// How to enable it, as one line (a command or a setting).
    pub how: String,
}

impl Dormant {
    /// `suite`, enabled by `how` (one line: a command or a setting).
    pub fn new(suite: &'static Suite, how: impl Into<String>) -> Dormant {
        Dormant {
            suite,
            how: how.into(),
        }
    }
}

/// A protocol version a peer supports but has not enabled, with the way to enable it.
///
/// ```
/// use cipherdex::negotiate::{negotiate, parse_versions, DormantVersion, Peer};
/// let mut client = Peer::from_names(["AES128-SHA"]).unwrap();
/// client.versions = parse_versions("1.0").unwrap();
/// client.dormant_versions.push(DormantVersion::new(
///     cipherdex::Protocol::Tls12,
///     "set MinProtocol",
/// ));
/// let mut server = client.clone();
/// server.versions = parse_versions("1.2").unwrap();
/// let f = negotiate(&client, &server).outcome.unwrap_err();
/// assert!(f.diagnosis[1].to_string().contains("set MinProtocol"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DormantVersion {
    /// The version.
    pub version: Protocol,
    /// How to enable it, as one line.
    pub how: String,
}

impl DormantVersion {
    /// `version`, enabled by `how` (one line: a command or a setting).
    pub fn new(version: Protocol, how: impl Into<String>) -> DormantVersion {
        DormantVersion {
            version,
            how: how.into(),
        }
    }
}

/// OpenSSL's default TLS 1.3 suites, in its order (`-ciphersuites` default).
pub const OPENSSL_DEFAULT_TLS13: [&str; 3] = [
    "TLS_AES_256_GCM_SHA384",
    "TLS_CHACHA20_POLY1305_SHA256",
    "TLS_AES_128_GCM_SHA256",
];

/// One side of a handshake: what it enables, in which order, and (for a
/// server) its certificates. A plain struct: fill it from a list, a profile
/// or by hand.
///
/// ```
/// use cipherdex::negotiate::{Peer, Preference};
/// let p = Peer::new();
/// assert_eq!(p.versions.to_string(), "TLS1.0 TLS1.1 TLS1.2 TLS1.3");
/// assert_eq!(p.tls13_suites.len(), 3);
/// assert_eq!(p.preference, Preference::Server);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Peer {
    /// A name for messages, such as `Windows Server 2025`.
    pub name: Option<String>,
    /// TLS 1.2-and-older suites in preference order (TLS 1.3 suites here are ignored).
    pub tls12_suites: Vec<&'static Suite>,
    /// TLS 1.3 suites in preference order (others here are ignored).
    pub tls13_suites: Vec<&'static Suite>,
    /// Protocol versions enabled (SSL 3.0 to TLS 1.3; DTLS is ignored).
    pub versions: Protocols,
    /// Server certificates (ignored for a client). Empty means none: anonymous,
    /// PSK and SRP suites only.
    pub certs: Vec<CertKey>,
    /// Whose order wins (used for the server).
    pub preference: Preference,
    /// Suites supported but not enabled, with how to enable them (for diagnosis).
    pub dormant: Vec<Dormant>,
    /// Versions supported but not enabled, with how to enable them (for diagnosis).
    pub dormant_versions: Vec<DormantVersion>,
    /// Refuse every handshake when no suite can be used at this side's own
    /// highest enabled version, as OpenSSL clients and servers do ("no ciphers
    /// available": a server with TLS 1.3 enabled and `-ciphersuites ''`
    /// fails even TLS 1.2 clients). When false, the side behaves as if it did
    /// not enable that version.
    pub refuse_without_max_version_suites: bool,
    /// Supported groups (`supported_groups`) in preference order. `None`:
    /// not stated, so groups are neither checked nor reported; an empty list
    /// offers no group at all.
    pub groups: Option<Vec<&'static Group>>,
    /// The groups a client sends TLS 1.3 key shares for, in order. `None`:
    /// one share, for the first TLS 1.3 group of [`Peer::groups`].
    pub key_shares: Option<Vec<&'static Group>>,
    /// How a server picks the TLS 1.3 group. `None`: OpenSSL 3.0's way (up
    /// to 3.4): the client's first key share the server supports, else a
    /// HelloRetryRequest for the first shared group in the server's order.
    /// `Some(sizes)`: OpenSSL 3.5's way, with [`Peer::groups`] split into
    /// tuples of these sizes (`/` in `-groups`; one tuple when it has none):
    /// the first tuple that holds a group of the client decides, taking a
    /// key share when one is in it, else asking for a group by
    /// HelloRetryRequest, in the deciding side's order ([`Peer::preference`]).
    /// Ignored for a client.
    pub group_tuples: Option<Vec<usize>>,
    /// Signature schemes (`signature_algorithms`) in preference order.
    /// `None`: not stated, no restriction. An empty list on a client is a
    /// ClientHello without the extension: in TLS 1.2 the server may then sign
    /// only with SHA-1 (RFC 5246 7.4.1.4.1), and TLS 1.3 cannot work.
    pub sigalgs: Option<Vec<&'static SignatureScheme>>,
    /// Schemes of [`Peer::sigalgs`] this side uses only in some versions, as
    /// (code, versions). GnuTLS has a TLS 1.2 form of each ECDSA scheme
    /// (`SIGN-ECDSA-SHA256`, any curve) and a TLS 1.3 form
    /// (`SIGN-ECDSA-SECP256R1-SHA256`) on one code point, and a priority
    /// string may enable one form only. A server signs only with a scheme it
    /// uses in the version; a client still sends the code, and refuses the
    /// server's signature with a scheme it does not use in the version.
    /// Empty: every scheme in every version it supports.
    pub sigalg_versions: Vec<(u16, Protocols)>,
    /// The OpenSSL security level this side applies (`@SECLEVEL=n`), or `None`
    /// for no level rules.
    pub security_level: Option<SecurityLevel>,
    /// The smallest server keys a client accepts outside a security level
    /// (Java's `keySize` rules, SChannel's `ClientMinKeyBitLength`); see
    /// [`KeyFloors`]. Ignored for a server.
    pub key_floors: KeyFloors,
    /// The size of the DH prime a server uses for DHE suites when it was
    /// given parameters (`-dhparam`, `ssl_dhparam`). `None`: OpenSSL's
    /// automatic parameters, matched to the certificate key's strength (or,
    /// for [`Stack::Gnutls`], the RFC 7919 group). Ignored for a client.
    pub dh_bits: Option<u32>,
    /// The host name a client asks for (`server_name`, SNI) and verifies the
    /// server's certificate against; `None` when not known. Negotiation
    /// does not use it; [`crate::verify`] does.
    pub server_name: Option<String>,
    /// How this server chooses among several certificates.
    pub cert_choice: CertChoice,
    /// Whose rules this side follows where implementations differ:
    /// [`Stack::Openssl`] (OpenSSL 3.0's, the default) or [`Stack::Gnutls`]
    /// (GnuTLS 3.7's, for `gnutls:` profiles: TLS 1.3 without regard to the
    /// certificate, its group from `supported_groups` and a
    /// HelloRetryRequest when the client sent no share for it, RFC 7919
    /// groups for DHE, the client's order for signature schemes, no check of
    /// an ECDSA certificate's curve in TLS 1.2; as a client, it offers its
    /// suites whatever its signature schemes). Other stacks follow OpenSSL's.
    pub stack: Stack,
}

impl Default for Peer {
    fn default() -> Self {
        Peer::new()
    }
}

impl Peer {
    /// OpenSSL-like defaults: TLS 1.0 to 1.3, OpenSSL's default TLS 1.3
    /// suites, no TLS 1.2 suites, one RSA certificate, server preference,
    /// and the default groups, key share and signature schemes of the
    /// default OpenSSL release, [`crate::openssl::DEFAULT_RELEASE`] (3.0;
    /// [`crate::defaults`]); no security level (set one to apply its rules).
    pub fn new() -> Peer {
        let openssl = crate::defaults::openssl(crate::openssl::DEFAULT_RELEASE);
        Peer {
            name: None,
            tls12_suites: Vec::new(),
            tls13_suites: OPENSSL_DEFAULT_TLS13
                .iter()
                .filter_map(|n| crate::lookup::lookup(n))
                .collect(),
            versions: range(Protocol::Tls10, Protocol::Tls13),
            certs: vec![CertKey::new(KeyType::Rsa)],
            preference: Preference::Server,
            dormant: Vec::new(),
            dormant_versions: Vec::new(),
            refuse_without_max_version_suites: true,
            groups: openssl.map(|d| d.groups().collect()),
            key_shares: openssl.map(|d| d.key_shares().collect()),
            group_tuples: openssl.and_then(|d| d.tuples().map(<[usize]>::to_vec)),
            sigalgs: openssl.and_then(|d| d.sigalgs().map(Iterator::collect)),
            sigalg_versions: Vec::new(),
            security_level: None,
            key_floors: KeyFloors::NONE,
            dh_bits: None,
            server_name: None,
            cert_choice: CertChoice::BySignatureScheme,
            stack: Stack::Openssl,
        }
    }

    /// [`Peer::new`] with `suites` as its lists: TLS 1.3 suites go to
    /// `tls13_suites` (replacing the default TLS 1.3 list if there is any), the
    /// others to `tls12_suites`, keeping their order.
    pub fn from_suites<I: IntoIterator<Item = &'static Suite>>(suites: I) -> Peer {
        let mut peer = Peer::new();
        peer.set_suites(suites);
        peer
    }

    /// The client a captured ClientHello shows, taking from it everything it
    /// states: versions (`supported_versions`, or the range up to
    /// `legacy_version`: a hello before TLS 1.3 states only its highest version,
    /// and cipherdex then assumes the client accepts TLS 1.0 and later), the TLS
    /// 1.2 and TLS 1.3 suites in order (an empty TLS 1.3 list when it offers
    /// none), groups, key shares, signature schemes and the server name (SNI). Codes cipherdex does
    /// not know and GREASE values are left out; a missing `signature_algorithms`
    /// extension becomes an empty list (SHA-1 only in TLS 1.2), and so does a
    /// missing `supported_groups` extension (no group: OpenSSL 3.0 servers then
    /// skip ECDHE suites, as `tests/negotiate_handshake.rs` shows).
    ///
    /// ```
    /// use cipherdex::negotiate::Peer;
    /// // A TLS 1.2 hello offering AES128-SHA only, without extensions.
    /// let mut b = vec![0x01, 0x00, 0x00, 0x29, 0x03, 0x03];
    /// b.extend([0u8; 32]);
    /// b.extend([0x00, 0x00, 0x02, 0x00, 0x2f, 0x01, 0x00]);
    /// let hello = cipherdex::hello::decode(&b)?;
    /// let p = Peer::from_hello(&hello);
    /// assert_eq!(p.versions.to_string(), "TLS1.0 TLS1.1 TLS1.2");
    /// assert!(p.tls13_suites.is_empty());
    /// assert_eq!(p.tls12_suites[0].canonical_name(), "TLS_RSA_WITH_AES_128_CBC_SHA");
    /// assert_eq!(p.sigalgs, Some(vec![]));
    /// assert_eq!(p.server_name, None); // no server_name extension: no SNI
    /// # Ok::<(), cipherdex::hello::HelloError>(())
    /// ```
    pub fn from_hello(hello: &crate::hello::ClientHello) -> Peer {
        let version = |v: u16| match v {
            0x0300 => Some(Protocol::Ssl3),
            0x0301 => Some(Protocol::Tls10),
            0x0302 => Some(Protocol::Tls11),
            0x0303 => Some(Protocol::Tls12),
            0x0304 => Some(Protocol::Tls13),
            _ => None,
        };
        let versions = if hello.supported_versions.is_empty() {
            version(hello.legacy_version).map_or(Protocols::EMPTY, |max| {
                if rank(max) < rank(Protocol::Tls10) {
                    Protocols::EMPTY.with(max)
                } else {
                    range(Protocol::Tls10, max)
                }
            })
        } else {
            hello
                .supported_versions
                .iter()
                .filter_map(|v| version(*v))
                .fold(Protocols::EMPTY, |acc, v| acc.with(v))
        };
        let suites: Vec<&'static Suite> = hello.known_suites().collect();
        let (tls13_suites, tls12_suites): (Vec<_>, Vec<_>) =
            suites.into_iter().partition(|s| s.is_tls13());
        let groups = |codes: &[u16]| -> Vec<&'static Group> {
            codes
                .iter()
                .filter_map(|c| Group::from_code(*c))
                .filter(|g| !g.is_grease())
                .collect()
        };
        Peer {
            name: hello
                .server_name
                .as_ref()
                .map(|n| format!("the client of the ClientHello for {n}")),
            tls12_suites,
            tls13_suites,
            versions,
            certs: Vec::new(),
            preference: Preference::Client,
            dormant: Vec::new(),
            dormant_versions: Vec::new(),
            refuse_without_max_version_suites: false,
            // No supported_groups extension: no group (an OpenSSL 3.0 server
            // then skips every ECDHE suite).
            groups: Some(groups(&hello.supported_groups)),
            key_shares: hello.has_extension(51).then(|| groups(&hello.key_shares)),
            group_tuples: None,
            sigalgs: Some(
                hello
                    .signature_algorithms
                    .iter()
                    .filter_map(|c| SignatureScheme::from_code(*c))
                    .filter(|s| !s.is_grease())
                    .collect(),
            ),
            sigalg_versions: Vec::new(),
            security_level: None,
            key_floors: KeyFloors::NONE,
            dh_bits: None,
            server_name: hello.server_name.clone(),
            cert_choice: CertChoice::BySignatureScheme,
            stack: Stack::Openssl,
        }
    }

    /// [`Peer::from_suites`] from names in any scheme.
    ///
    /// # Errors
    /// [`NegotiateInputError::UnknownSuites`] listing every unknown name.
    pub fn from_names<'n, I: IntoIterator<Item = &'n str>>(
        names: I,
    ) -> Result<Peer, NegotiateInputError> {
        let mut suites = Vec::new();
        let mut unknown = Vec::new();
        for n in names {
            match crate::lookup::lookup(n) {
                Some(s) => suites.push(s),
                None => unknown.push(UnknownNameError::new(n)),
            }
        }
        if unknown.is_empty() {
            Ok(Peer::from_suites(suites))
        } else {
            Err(NegotiateInputError::UnknownSuites { unknown })
        }
    }

    /// Take the groups, key shares, group tuples and (where recorded) the
    /// signature schemes of an implementation's defaults; the security
    /// level is the caller's to set, with the rules of its release.
    ///
    /// ```
    /// use cipherdex::negotiate::Peer;
    /// let mut server = Peer::new();
    /// server.set_defaults(cipherdex::defaults::openssl("3.5").ok_or("no row")?);
    /// assert_eq!(server.group_tuples, Some(vec![1, 2, 3, 2]));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn set_defaults(&mut self, d: &crate::defaults::PeerDefaults) {
        self.groups = Some(d.groups().collect());
        self.key_shares = Some(d.key_shares().collect());
        self.group_tuples = d.tuples().map(<[usize]>::to_vec);
        if let Some(s) = d.sigalgs() {
            self.sigalgs = Some(s.collect());
        }
    }

    /// Replace both suite lists from one list, as [`Peer::from_suites`] does.
    pub fn set_suites<I: IntoIterator<Item = &'static Suite>>(&mut self, suites: I) {
        let (t13, t12): (Vec<_>, Vec<_>) = suites.into_iter().partition(|s| s.is_tls13());
        if !t13.is_empty() {
            self.tls13_suites = t13;
        }
        self.tls12_suites = t12;
    }

    /// The certificates this server uses: all of [`Peer::certs`], or the
    /// first alone for [`CertChoice::Bound`] (SChannel under IIS or
    /// HTTP.sys binds one certificate per endpoint).
    ///
    /// ```
    /// use cipherdex::negotiate::{CertChoice, Peer};
    /// let mut server = Peer::new();
    /// server.certs = vec!["rsa".parse()?, "ecdsa-p256".parse()?];
    /// assert_eq!(server.served_certs().len(), 2);
    /// server.cert_choice = CertChoice::Bound;
    /// assert_eq!(server.served_certs().len(), 1);
    /// assert_eq!(server.unused_certs(), 1..2);
    /// # Ok::<(), cipherdex::cert::CertError>(())
    /// ```
    pub fn served_certs(&self) -> &[CertKey] {
        let n = self.certs.len();
        match self.cert_choice {
            CertChoice::Bound => &self.certs[..n.min(1)],
            _ => &self.certs,
        }
    }

    /// The indices (into [`Peer::certs`]) of the certificates given but not
    /// used: those after the first for [`CertChoice::Bound`], none otherwise.
    pub fn unused_certs(&self) -> std::ops::Range<usize> {
        let n = self.certs.len();
        match self.cert_choice {
            CertChoice::Bound => n.min(1)..n,
            _ => n..n,
        }
    }

    /// The certificates to check suites against: the served ones, or "no certificate".
    fn cert_list(&self) -> &[CertKey] {
        const NONE: &[CertKey] = &[CertKey::none()];
        let served = self.served_certs();
        if served.is_empty() {
            NONE
        } else {
            served
        }
    }

    /// Index (into [`Peer::certs`]) of the first certificate that serves `suite`
    /// at `version`, `Some(None)` when it needs no certificate and the peer has
    /// none, `None` when nothing fits.
    fn cert_for(&self, suite: &Suite, version: Protocol) -> Option<Option<usize>> {
        let mut quiet = |_: FitReason| {};
        self.cert_list()
            .iter()
            .position(|c| cert::check(suite, c, version, &mut quiet))
            .map(|i| (!self.served_certs().is_empty()).then_some(i))
    }
}

/// Which side of the handshake.
///
/// ```
/// assert_eq!(cipherdex::negotiate::Side::Server.to_string(), "server");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The client.
    Client,
    /// The server.
    Server,
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Side::Client => "client",
            Side::Server => "server",
        })
    }
}

/// The versions from `lo` to `hi` (inclusive) among SSL 3.0 to TLS 1.3.
///
/// ```
/// use cipherdex::Protocol;
/// let r = cipherdex::negotiate::range(Protocol::Tls11, Protocol::Tls13);
/// assert_eq!(r.to_string(), "TLS1.1 TLS1.2 TLS1.3");
/// ```
pub fn range(lo: Protocol, hi: Protocol) -> Protocols {
    TLS_VERSIONS
        .iter()
        .filter(|v| rank(**v) >= rank(lo) && rank(**v) <= rank(hi))
        .fold(Protocols::EMPTY, |acc, v| acc.with(*v))
}

/// Parse a version or a range: `1.2`, `TLS1.2`, `1.0-1.3`, `tls1-tls1_2`.
///
/// ```
/// let v = cipherdex::negotiate::parse_versions("1.1-1.2")?;
/// assert_eq!(v.to_string(), "TLS1.1 TLS1.2");
/// assert!(cipherdex::negotiate::parse_versions("1.4").is_err());
/// # Ok::<(), cipherdex::negotiate::NegotiateInputError>(())
/// ```
///
/// # Errors
/// [`NegotiateInputError::Versions`] when a bound is not an SSL 3.0 to TLS 1.3
/// version, or the range is backwards.
pub fn parse_versions(input: &str) -> Result<Protocols, NegotiateInputError> {
    let err = || NegotiateInputError::Versions {
        input: input.to_owned(),
    };
    let one = |s: &str| -> Result<Protocol, NegotiateInputError> {
        let p: Protocol = s.trim().parse().map_err(|_| err())?;
        if TLS_VERSIONS.contains(&p) {
            Ok(p)
        } else {
            Err(err())
        }
    };
    let t = input.trim();
    // A dash separates a range, but SSL/TLS names do not contain one.
    let (lo, hi) = match t.split_once('-') {
        Some((a, b)) => (one(a)?, one(b)?),
        None => {
            let p = one(t)?;
            (p, p)
        }
    };
    if rank(lo) > rank(hi) {
        return Err(err());
    }
    Ok(range(lo, hi))
}

/// SSL 3.0 to TLS 1.3, oldest first.
const TLS_VERSIONS: [Protocol; 5] = [
    Protocol::Ssl3,
    Protocol::Tls10,
    Protocol::Tls11,
    Protocol::Tls12,
    Protocol::Tls13,
];

const fn rank(p: Protocol) -> u8 {
    match p {
        Protocol::Ssl3 => 1,
        Protocol::Tls10 => 2,
        Protocol::Tls11 => 3,
        Protocol::Tls12 => 4,
        Protocol::Tls13 => 5,
        _ => 0,
    }
}

fn tls_only(p: Protocols) -> Protocols {
    TLS_VERSIONS
        .iter()
        .filter(|v| p.contains(**v))
        .fold(Protocols::EMPTY, |acc, v| acc.with(*v))
}

fn highest(p: Protocols) -> Option<Protocol> {
    TLS_VERSIONS.iter().rev().copied().find(|v| p.contains(*v))
}

/// What they agree on.
///
/// ```
/// use cipherdex::negotiate::{negotiate, Peer};
/// let mut server = Peer::from_names(["AES128-SHA"]).unwrap();
/// server.certs = vec!["ecdsa".parse().unwrap(), "rsa".parse().unwrap()];
/// let mut client = Peer::from_names(["AES128-SHA"]).unwrap();
/// client.versions = cipherdex::negotiate::parse_versions("1.2").unwrap();
/// let a = negotiate(&client, &server).outcome.unwrap();
/// assert_eq!(a.cert, Some(1)); // the RSA certificate
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Agreement {
    /// The protocol version.
    pub version: Protocol,
    /// The cipher suite.
    pub suite: &'static Suite,
    /// Index into the server's [`Peer::certs`] of the certificate used (`None`
    /// when the suite needs none and the server has none).
    pub cert: Option<usize>,
    /// The group of the key exchange (ECDHE, TLS 1.3), when the sides state
    /// their groups; `None` for RSA and DHE key exchange or when not stated.
    pub group: Option<&'static Group>,
    /// The scheme the server signs with, when the handshake has a signature
    /// and the version names schemes (TLS 1.2 and 1.3).
    pub sigalg: Option<&'static SignatureScheme>,
    /// Whether the server had to send a HelloRetryRequest for [`Agreement::group`]
    /// (TLS 1.3: no key share the client sent fits the server).
    pub hello_retry: bool,
}

/// The three ways a negotiation fails.
///
/// ```
/// use cipherdex::negotiate::FailureKind;
/// assert_eq!(FailureKind::NoSharedSuite.as_str(), "no_shared_suite");
/// assert_eq!(FailureKind::NoSharedSuite.to_string(), "no shared cipher suite");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FailureKind {
    /// The sides enable no common protocol version (that the server can use).
    NoCommonVersion,
    /// No suite is enabled on both sides for the chosen version.
    NoSharedSuite,
    /// Suites are shared, but no server certificate fits any of them.
    NoFittingCertificate,
    /// No group both sides list for the key exchange (TLS 1.3, or every shared ECDHE suite).
    NoSharedGroup,
    /// No signature scheme both accept fits the server's certificate.
    NoSharedSigalg,
    /// A certificate key or DH parameters are weaker than a side's security
    /// level allows, or smaller than its key-size floor ([`KeyFloors`]).
    KeyTooSmall,
    /// The handshake needs what a side's security level forbids (TLS 1.0 and
    /// 1.1 sign with SHA-1 and MD5+SHA-1: OpenSSL 3.0 allows that only at level 0).
    SecurityLevel,
}

impl FailureKind {
    /// The [`Cause`] this failure is, in the vocabulary `explain` shares: its
    /// id is the same as [`FailureKind::as_str`].
    ///
    /// ```
    /// use cipherdex::negotiate::FailureKind;
    /// let k = FailureKind::NoCommonVersion;
    /// assert_eq!(k.cause().id(), k.as_str());
    /// ```
    pub const fn cause(self) -> Cause {
        match self {
            FailureKind::NoCommonVersion => Cause::NoCommonVersion,
            FailureKind::NoSharedSuite => Cause::NoSharedSuite,
            FailureKind::NoFittingCertificate => Cause::NoFittingCertificate,
            FailureKind::NoSharedGroup => Cause::NoSharedGroup,
            FailureKind::NoSharedSigalg => Cause::NoSharedSigalg,
            FailureKind::KeyTooSmall => Cause::KeyTooSmall,
            FailureKind::SecurityLevel => Cause::SecurityLevel,
        }
    }

    /// `no_common_version`, `no_shared_suite`, `no_fitting_certificate`.
    pub const fn as_str(self) -> &'static str {
        match self {
            FailureKind::NoCommonVersion => "no_common_version",
            FailureKind::NoSharedSuite => "no_shared_suite",
            FailureKind::NoFittingCertificate => "no_fitting_certificate",
            FailureKind::NoSharedGroup => "no_shared_group",
            FailureKind::NoSharedSigalg => "no_shared_sigalg",
            FailureKind::KeyTooSmall => "key_too_small",
            FailureKind::SecurityLevel => "security_level",
        }
    }
}

impl fmt::Display for FailureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FailureKind::NoCommonVersion => "no common protocol version",
            FailureKind::NoSharedSuite => "no shared cipher suite",
            FailureKind::NoFittingCertificate => "no certificate fits a shared suite",
            FailureKind::NoSharedGroup => "no shared group",
            FailureKind::NoSharedSigalg => "no shared signature scheme",
            FailureKind::KeyTooSmall => {
                "a key is too small for a side's security level or key-size floor"
            }
            FailureKind::SecurityLevel => "refused by a security level",
        })
    }
}

/// Why they cannot agree.
///
/// ```
/// use cipherdex::negotiate::{negotiate, parse_versions, FailureKind, Peer};
/// let mut client = Peer::from_names(["AES128-SHA"]).unwrap();
/// client.versions = parse_versions("1.0").unwrap();
/// let mut server = client.clone();
/// server.versions = parse_versions("1.2-1.3").unwrap();
/// let f = negotiate(&client, &server).outcome.unwrap_err();
/// assert_eq!(f.kind, FailureKind::NoCommonVersion);
/// assert!(f.to_string().starts_with("no common protocol version\n  - the client offers TLS1.0"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Failure {
    /// What failed.
    pub kind: FailureKind,
    /// The version the handshake reached, if one was chosen.
    pub version: Option<Protocol>,
    /// What is closest to working, and what to change.
    pub diagnosis: Vec<Diagnosis>,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind)?;
        if let Some(v) = self.version {
            write!(f, " in {v}")?;
        }
        for d in &self.diagnosis {
            write!(f, "\n  - {d}")?;
        }
        Ok(())
    }
}

/// A group of suites described by one shared feature, for diagnosis.
///
/// ```
/// use cipherdex::negotiate::Family;
/// use cipherdex::{Mac, Mode};
/// assert_eq!(Family::ModeMac(Mode::Cbc, Mac::Sha1).to_string(), "CBC-SHA");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Family {
    /// All use this cipher (`3DES`, `RC4`, ...).
    Cipher(Cipher),
    /// All use this mode with this MAC (`CBC` with `SHA1`).
    ModeMac(Mode, Mac),
    /// All use this key exchange.
    Kex(KeyExchange),
    /// All use this authentication.
    Auth(Authentication),
}

impl Family {
    fn of(self, s: &Suite) -> bool {
        match self {
            Family::Cipher(c) => s.cipher() == c,
            Family::ModeMac(m, mac) => s.mode() == m && s.mac() == mac,
            Family::Kex(k) => s.kex() == k,
            Family::Auth(a) => s.auth() == a,
        }
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Family::Cipher(c) => write!(f, "{c}"),
            Family::ModeMac(m, Mac::Sha1) => write!(f, "{m}-SHA"),
            Family::ModeMac(m, mac) => write!(f, "{m}-{mac}"),
            Family::Kex(KeyExchange::Rsa) => f.write_str("static-RSA key exchange"),
            Family::Kex(k) => write!(f, "{k} key exchange"),
            Family::Auth(Authentication::Null) => f.write_str("anonymous"),
            Family::Auth(a) => write!(f, "{a}-authenticated"),
        }
    }
}

/// One finding about a failed (or fragile) negotiation: what is closest to
/// working and what would change the outcome.
///
/// ```
/// use cipherdex::negotiate::{negotiate, parse_versions, Diagnosis, Peer};
/// let client = Peer::from_names(["AES128-SHA", "AES256-SHA"]).unwrap();
/// let mut server = Peer::from_names(["ECDHE-RSA-AES128-GCM-SHA256"]).unwrap();
/// server.versions = parse_versions("1.2").unwrap();
/// let f = negotiate(&client, &server).outcome.unwrap_err();
/// let text: Vec<String> = f.diagnosis.iter().map(ToString::to_string).collect();
/// assert_eq!(text[0], "the client offers only CBC-SHA suites; the server allows none");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Diagnosis {
    /// The groups do not overlap (after each side's security level).
    GroupMismatch {
        /// The client's groups.
        client: Vec<&'static Group>,
        /// The server's groups.
        server: Vec<&'static Group>,
    },
    /// No signature scheme both accept fits a server certificate.
    SigalgMismatch {
        /// The client's schemes (empty: the extension is absent).
        client: Vec<&'static SignatureScheme>,
        /// The server's certificate key types.
        keys: Vec<KeyType>,
    },
    /// A certificate key is below a side's security level.
    KeyBelowLevel {
        /// The side whose level refuses the key.
        side: Side,
        /// The key's strength in bits.
        bits: u16,
        /// The level.
        level: u8,
        /// The level's minimum strength.
        min_bits: u16,
    },
    /// The DH parameters the server picks for a DHE suite are below the
    /// client's security level (OpenSSL's automatic parameters follow the
    /// certificate key's strength: a 1024-bit RSA key gets 1024-bit DH).
    DhBelowLevel {
        /// The DH prime's size in bits.
        dh_bits: u32,
        /// Its strength in bits.
        bits: u16,
        /// The client's level.
        level: u8,
        /// The level's minimum strength.
        min_bits: u16,
    },
    /// A key the server sends (its certificate key, or its DHE parameters)
    /// is below the smallest the client accepts ([`Peer::key_floors`]).
    KeyBelowFloor {
        /// The side that refuses the key.
        side: Side,
        /// That side's name, if known (`Java 17 JSSE`).
        peer: Option<String>,
        /// Which floor.
        kind: FloorKind,
        /// The key's size in bits.
        bits: u32,
        /// The floor: the smallest size the side accepts.
        floor: u16,
    },
    /// A TLS 1.0/1.1 handshake needs SHA-1 or MD5+SHA-1 signatures, which the
    /// side's security level refuses.
    LegacySignature {
        /// The side whose level refuses it.
        side: Side,
        /// The version.
        version: Protocol,
        /// The level.
        level: u8,
    },
    /// The enabled versions do not overlap.
    VersionMismatch {
        /// Client versions.
        client: Protocols,
        /// Server versions.
        server: Protocols,
    },
    /// Both enable a common version, but a pre-TLS 1.3 client announces only its
    /// highest one, and the server's answer is not one the client enabled.
    LegacyVersionMismatch {
        /// The version the client announces (its highest).
        announced: Protocol,
        /// The server's answer: the announced version or the highest it has
        /// below it (`None`: it has nothing that low).
        answer: Option<Protocol>,
    },
    /// A side has no suite for its own highest version and refuses every handshake.
    NoSuiteForMaxVersion {
        /// Which side.
        side: Side,
        /// That side's highest version.
        version: Protocol,
    },
    /// The only common version is TLS 1.3, but the server's certificate cannot sign in it.
    ServerCannotUseTls13 {
        /// The server's (first) key type.
        key: KeyType,
    },
    /// TLS 1.3 was chosen, but no TLS 1.3 suite is shared; there is no fallback.
    NoTls13Fallback {
        /// Number of TLS 1.3 suites the client offers.
        client: usize,
        /// Number the server allows.
        server: usize,
    },
    /// With the versions capped below the failing one, they would agree on this.
    WouldAgreeAt {
        /// The version.
        version: Protocol,
        /// The suite.
        suite: &'static Suite,
    },
    /// A side has no suites at all for the version.
    EmptyList {
        /// Which side.
        side: Side,
        /// The version.
        version: Protocol,
    },
    /// The client offers only one family of suites, and the server allows none of it.
    ClientOffersOnly {
        /// The family.
        family: Family,
    },
    /// Nothing in common: counts of usable suites on each side.
    NothingInCommon {
        /// The version.
        version: Protocol,
        /// Client suites usable in that version.
        client: usize,
        /// Server suites usable in that version.
        server: usize,
    },
    /// A suite both enable, but only in versions other than the chosen one.
    SharedButNotInVersion {
        /// The suite.
        suite: &'static Suite,
        /// The chosen version.
        version: Protocol,
    },
    /// The server would accept this suite with another kind of certificate.
    WouldAcceptWithCert {
        /// The suite.
        suite: &'static Suite,
        /// What the suite needs.
        need: Need,
        /// Why the server's certificate does not fit.
        reason: FitReason,
    },
    /// A side supports a version the other enables, but has not enabled it.
    VersionNotEnabled {
        /// The side that could enable it.
        side: Side,
        /// That side's name, if known.
        peer: Option<String>,
        /// The version.
        version: Protocol,
        /// How to enable it.
        how: String,
    },
    /// A side supports a suite the other offers, but has not enabled it.
    NotEnabled {
        /// The side that could enable it.
        side: Side,
        /// That side's name, if known (`Windows Server 2025`).
        peer: Option<String>,
        /// The suite.
        suite: &'static Suite,
        /// How to enable it.
        how: String,
    },
}

impl fmt::Display for Diagnosis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Diagnosis::GroupMismatch { client, server } => write!(
                f,
                "the client offers groups {} and the server accepts {}; add one of the client's \
                 groups to the server (OpenSSL: -groups / Groups = ...; Windows: Enable-TlsEccCurve) \
                 or the reverse",
                names(client.iter().map(|g| g.iana_name())),
                names(server.iter().map(|g| g.iana_name()))
            ),
            Diagnosis::SigalgMismatch { client, keys } => write!(
                f,
                "the client accepts signature schemes {} and none fits the server's {} \
                 certificate; issue a certificate whose key the client accepts, or allow a scheme \
                 for it on the client (OpenSSL: -sigalgs / SignatureAlgorithms = ...)",
                if client.is_empty() {
                    "(no signature_algorithms extension: SHA-1 only)".to_string()
                } else {
                    names(client.iter().map(|s| s.iana_name()))
                },
                names(keys.iter().map(|k| k.to_string()))
            ),
            Diagnosis::KeyBelowLevel {
                side,
                bits,
                level,
                min_bits,
            } => write!(
                f,
                "the server certificate's key has {bits} bits of security; the {side}'s security \
                 level {level} needs {min_bits}: issue a larger key (RSA 2048+ for level 2, 3072+ \
                 for level 3) or lower the level (@SECLEVEL)"
            ),
            Diagnosis::DhBelowLevel {
                dh_bits,
                bits,
                level,
                min_bits,
            } => write!(
                f,
                "the server's DHE parameters ({dh_bits}-bit, chosen to match its certificate key \
                 as OpenSSL does without -dhparam) have {bits} bits of security; the client's \
                 security level {level} needs {min_bits}: give the server 2048-bit or larger DH \
                 parameters (-dhparam, ssl_dhparam) or a larger key, prefer ECDHE suites, or \
                 lower the client's level"
            ),
            Diagnosis::KeyBelowFloor {
                side,
                peer,
                kind,
                bits,
                floor,
            } => {
                let who = match peer {
                    Some(p) => format!("the {side} ({p})"),
                    None => format!("the {side}"),
                };
                match kind {
                    FloorKind::Dh => write!(
                        f,
                        "the server's DHE parameters are {bits}-bit; {who} accepts DH of \
                         {floor} bits and more: give the server 2048-bit or larger DH parameters \
                         (-dhparam, ssl_dhparam; or an RFC 7919 group such as ffdhe2048) or prefer \
                         ECDHE suites"
                    ),
                    FloorKind::Rsa => write!(
                        f,
                        "the server certificate has a {bits}-bit RSA key; {who} accepts RSA keys \
                         of {floor} bits and more: issue a certificate with a 2048-bit (or larger) \
                         RSA key, or an ECDSA P-256 one"
                    ),
                    _ => write!(
                        f,
                        "the server certificate has a {bits}-bit {kind} key; {who} accepts {kind} \
                         keys of {floor} bits and more: issue a certificate on P-256 or P-384"
                    ),
                }
            }
            Diagnosis::LegacySignature {
                side,
                version,
                level,
            } => write!(
                f,
                "{version} signs with SHA-1 or MD5+SHA-1, which the {side}'s security level \
                 {level} refuses (OpenSSL 3.0 allows it only at level 0): use TLS 1.2, or \
                 @SECLEVEL=0 on the {side}"
            ),
            Diagnosis::VersionMismatch { client, server } => write!(
                f,
                "the client offers {} and the server accepts {}; enable a common version on one side",
                or_none(*client),
                or_none(*server)
            ),
            Diagnosis::LegacyVersionMismatch { announced, answer } => {
                write!(
                    f,
                    "without TLS 1.3 the client announces only its highest version, {announced}; "
                )?;
                match answer {
                    Some(a) => write!(
                        f,
                        "the server answers {a}, which the client has not enabled; enable the versions between on the client"
                    ),
                    None => write!(f, "the server has nothing at or below it"),
                }
            }
            Diagnosis::NoSuiteForMaxVersion { side, version } => write!(
                f,
                "the {side} enables {version} but has no suite for it, so it refuses every handshake \
                 (OpenSSL: \"no ciphers available\"); give it {version} suites or cap its versions below {version}"
            ),
            Diagnosis::ServerCannotUseTls13 { key } => write!(
                f,
                "the only common version is TLS1.3, but the server's certificate ({key}) cannot sign in TLS 1.3; \
                 use an RSA, ECDSA or EdDSA certificate, or let the client use TLS 1.2"
            ),
            Diagnosis::NoTls13Fallback { client, server } => write!(
                f,
                "both sides enable TLS1.3, so TLS1.3 is chosen, but the client offers {client} TLS 1.3 suite(s) \
                 and the server allows {server}, none in common; the handshake does not fall back to TLS1.2"
            ),
            Diagnosis::WouldAgreeAt { version, suite } => write!(
                f,
                "with {version} as the highest version they would agree on {version} {}",
                suite.canonical_name()
            ),
            Diagnosis::EmptyList { side, version } => {
                write!(f, "the {side} has no suite usable in {version}")
            }
            Diagnosis::ClientOffersOnly { family } => write!(
                f,
                "the client offers only {family} suites; the server allows none"
            ),
            Diagnosis::NothingInCommon {
                version,
                client,
                server,
            } => write!(
                f,
                "in {version} the client offers {client} suite(s) and the server allows {server}; none in common"
            ),
            Diagnosis::SharedButNotInVersion { suite, version } => write!(
                f,
                "both enable {} but it cannot be used in {version} (only {})",
                suite.canonical_name(),
                suite.protocols()
            ),
            Diagnosis::WouldAcceptWithCert {
                suite,
                need,
                reason,
            } => {
                write!(f, "the server would accept {}", suite.canonical_name())?;
                match need.example_key(Protocol::Tls12) {
                    Some(KeyType::None) | None => write!(f, " but {reason}"),
                    Some(k) => write!(f, " if its certificate were {k} ({reason})"),
                }
            }
            Diagnosis::VersionNotEnabled {
                side,
                peer,
                version,
                how,
            } => {
                write!(f, "{version} is supported by ")?;
                match peer {
                    Some(p) => write!(f, "{p}")?,
                    None => write!(f, "the {side}")?,
                }
                write!(f, " but not enabled; enable it with: {how}")
            }
            Diagnosis::NotEnabled {
                side,
                peer,
                suite,
                how,
            } => {
                write!(f, "{} is supported by ", suite.canonical_name())?;
                match peer {
                    Some(p) => write!(f, "{p}")?,
                    None => write!(f, "the {side}")?,
                }
                write!(f, " but not enabled; enable it with: {how}")?;
                // Never suggest enabling a broken suite without saying so.
                let rating = suite.rating();
                match rating.level() {
                    Some(level @ (crate::rating::Level::Insecure | crate::rating::Level::Weak)) => {
                        let top = rating.reasons().max_severity();
                        let ids: Vec<&str> = rating
                            .reasons()
                            .iter()
                            .filter(|w| Some(w.severity()) == top)
                            .map(|w| w.id())
                            .collect();
                        write!(f, " (but it is rated {level}: {})", ids.join(", "))
                    }
                    _ => Ok(()),
                }
            }
        }
    }
}

/// `a, b, c`, or `none`.
fn names<S: AsRef<str>>(items: impl Iterator<Item = S>) -> String {
    let v: Vec<String> = items.map(|s| s.as_ref().to_string()).collect();
    if v.is_empty() {
        "none".to_string()
    } else {
        v.join(", ")
    }
}

fn or_none(p: Protocols) -> String {
    if p.is_empty() {
        "no version".to_owned()
    } else {
        p.to_string()
    }
}

/// The result of [`negotiate`]: the agreement or the failure, and the shared suites.
///
/// ```
/// use cipherdex::negotiate::{negotiate, Peer, Preference};
/// let client = Peer::from_names(["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"]).unwrap();
/// let mut server = Peer::from_names(["TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"]).unwrap();
/// server.preference = Preference::Client;
/// let n = negotiate(&client, &server);
/// assert_eq!(n.suite().unwrap().canonical_name(), "TLS_AES_128_GCM_SHA256");
/// assert_eq!(n.shared().count(), 2);
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Negotiation<'a> {
    client: &'a Peer,
    server: &'a Peer,
    /// The version the handshake reached (the agreed one, or where it failed).
    reached: Option<Protocol>,
    /// What they agree on, or why not.
    pub outcome: Result<Agreement, Failure>,
}

impl<'a> Negotiation<'a> {
    /// True if a handshake would succeed.
    pub fn is_ok(&self) -> bool {
        self.outcome.is_ok()
    }

    /// The agreed version.
    pub fn version(&self) -> Option<Protocol> {
        self.outcome.as_ref().ok().map(|a| a.version)
    }

    /// The agreed suite.
    pub fn suite(&self) -> Option<&'static Suite> {
        self.outcome.as_ref().ok().map(|a| a.suite)
    }

    /// The version the handshake chose (also when it then failed), if any.
    pub fn reached_version(&self) -> Option<Protocol> {
        self.reached
    }

    /// Suites both sides enable that can be used in the chosen version (or,
    /// when no version was chosen, in the highest version both enable), in the
    /// order that decides (server's or client's), whether or not a certificate fits.
    pub fn shared(&self) -> impl Iterator<Item = &'static Suite> + 'a {
        let version = self.reached.or_else(|| {
            highest(tls_only(self.client.versions))
                .into_iter()
                .chain(highest(tls_only(self.server.versions)))
                .min_by_key(|v| rank(*v))
        });
        let (pref, other) = ordered(self.client, self.server, version == Some(Protocol::Tls13));
        pref.iter()
            .copied()
            .filter(move |s| version.is_some_and(|v| usable(s, v)) && contains(other, s))
    }
}

fn usable(s: &Suite, v: Protocol) -> bool {
    s.supports(v) && s.is_tls13() == (v == Protocol::Tls13)
}

fn contains(list: &[&'static Suite], s: &Suite) -> bool {
    let code = s.code();
    list.iter().any(|o| o.code() == code)
}

/// The deciding list and the other one.
fn ordered<'p>(
    client: &'p Peer,
    server: &'p Peer,
    tls13: bool,
) -> (&'p [&'static Suite], &'p [&'static Suite]) {
    let pick = |p: &'p Peer| -> &'p [&'static Suite] {
        if tls13 {
            &p.tls13_suites
        } else {
            &p.tls12_suites
        }
    };
    match server.preference {
        Preference::Server => (pick(server), pick(client)),
        Preference::Client => (pick(client), pick(server)),
    }
}

/// Predict what `client` and `server` negotiate.
///
/// A successful prediction does not allocate; a failure builds its diagnosis.
///
/// ```
/// use cipherdex::negotiate::{negotiate, FailureKind, Peer};
/// let client = Peer::from_names(["ECDHE-ECDSA-AES256-GCM-SHA384"])?;
/// let mut server = Peer::from_names(["ECDHE-ECDSA-AES256-GCM-SHA384", "AES256-SHA"])?;
/// client_and_server_at_tls12(&mut server);
/// let n = negotiate(&client, &server); // server has the default RSA certificate
/// let failure = n.outcome.as_ref().unwrap_err();
/// assert_eq!(failure.kind, FailureKind::NoFittingCertificate);
/// assert!(failure.diagnosis[0].to_string().contains("if its certificate were ECDSA"));
/// # fn client_and_server_at_tls12(p: &mut Peer) { p.versions = cipherdex::negotiate::parse_versions("1.2").unwrap(); }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn negotiate<'a>(client: &'a Peer, server: &'a Peer) -> Negotiation<'a> {
    let (reached, outcome) = run(
        client,
        server,
        tls_only(client.versions),
        tls_only(server.versions),
    );
    Negotiation {
        client,
        server,
        reached,
        outcome,
    }
}

/// The negotiation with each side's versions replaced by `cv` and `sv`.
fn run(
    client: &Peer,
    server: &Peer,
    cv: Protocols,
    sv: Protocols,
) -> (Option<Protocol>, Result<Agreement, Failure>) {
    let fail = |kind, version, diagnosis| {
        Err(Failure {
            kind,
            version,
            diagnosis,
        })
    };
    // Each side's own check of its highest version: the client before it sends
    // anything, the server before it reads the ClientHello.
    let mut client_versions = level_versions(client, cv);
    let mut server_versions = level_versions(server, sv);
    for side in [Side::Client, Side::Server] {
        let (peer, versions) = match side {
            Side::Client => (client, &mut client_versions),
            Side::Server => (server, &mut server_versions),
        };
        while let Some(max) = highest(*versions) {
            if has_suite_at(peer, max) {
                break;
            }
            let lower = below(*versions, max);
            if !peer.refuse_without_max_version_suites {
                // Such a peer simply does not enable that version.
                *versions = lower.unwrap_or(Protocols::EMPTY);
                continue;
            }
            let mut d = vec![Diagnosis::NoSuiteForMaxVersion { side, version: max }];
            if let Some(lower) = lower {
                let retry = match side {
                    Side::Client => run(client, server, lower, sv),
                    Side::Server => run(client, server, cv, lower),
                };
                if let (_, Ok(a)) = retry {
                    d.push(Diagnosis::WouldAgreeAt {
                        version: a.version,
                        suite: a.suite,
                    });
                }
            }
            return (None, fail(FailureKind::NoSharedSuite, None, d));
        }
    }
    let common_all = Protocols::from_bits(client_versions.bits() & server_versions.bits());
    // A server takes TLS 1.3 only with a certificate that can sign in it; an
    // ECDSA one also needs a scheme for its curve in the server's own list
    // (OpenSSL 3.0's is_tls13_capable checks the curve only).
    // GnuTLS 3.7 takes TLS 1.3 whatever its certificate, and then fails
    // (tests/negotiate_gnutls_priorities.rs).
    let server_tls13 = server.cert_list().iter().any(|c| {
        cert::serves_tls13(c)
            && (c.key != KeyType::Ecdsa
                || server.stack == Stack::Gnutls
                || server.sigalgs.as_ref().map_or(true, |l| {
                    l.is_empty() || l.iter().any(|s| kx::fits(s, c, Protocol::Tls13))
                }))
    });
    let version = if client_versions.contains(Protocol::Tls13) {
        // The client lists its versions (supported_versions): the server takes
        // the highest it shares.
        TLS_VERSIONS
            .iter()
            .rev()
            .copied()
            .filter(|v| common_all.contains(*v))
            .find(|v| *v != Protocol::Tls13 || server_tls13)
    } else {
        // Before TLS 1.3 the client announces only its highest version; the
        // server answers with that one or the highest it has below it, and the
        // client must have enabled the answer.
        let answer = highest(client_versions).and_then(|cmax| {
            TLS_VERSIONS
                .iter()
                .rev()
                .copied()
                .find(|v| rank(*v) <= rank(cmax) && server_versions.contains(*v))
        });
        match answer {
            Some(v) if client_versions.contains(v) => Some(v),
            _ if common_all.is_empty() => None,
            _ => {
                let d = vec![Diagnosis::LegacyVersionMismatch {
                    announced: highest(client_versions).unwrap_or(Protocol::Tls12),
                    answer,
                }];
                return (None, fail(FailureKind::NoCommonVersion, None, d));
            }
        }
    };
    let Some(version) = version else {
        if common_all.is_empty() {
            let mut d = vec![Diagnosis::VersionMismatch {
                client: client_versions,
                server: server_versions,
            }];
            for (side, peer, other) in [
                (Side::Server, server, client_versions),
                (Side::Client, client, server_versions),
            ] {
                for dv in peer
                    .dormant_versions
                    .iter()
                    .filter(|dv| other.contains(dv.version))
                {
                    d.push(Diagnosis::VersionNotEnabled {
                        side,
                        peer: peer.name.clone(),
                        version: dv.version,
                        how: dv.how.clone(),
                    });
                }
            }
            return (None, fail(FailureKind::NoCommonVersion, None, d));
        }
        let key = server.cert_list().first().map_or(KeyType::None, |c| c.key);
        let d = vec![Diagnosis::ServerCannotUseTls13 { key }];
        return (None, fail(FailureKind::NoFittingCertificate, None, d));
    };
    let tls13 = version == Protocol::Tls13;
    // TLS 1.0 and 1.1 sign with SHA-1 / MD5+SHA-1: a server whose level
    // refuses that fails every handshake there (OpenSSL: internal error).
    if rank(version) < rank(Protocol::Tls12) && !server.served_certs().is_empty() {
        if let Some(level) = server
            .security_level
            .filter(|l| !l.allows_sha1_signatures())
        {
            let d = vec![Diagnosis::LegacySignature {
                side: Side::Server,
                version,
                level: level.level(),
            }];
            return (
                Some(version),
                fail(FailureKind::SecurityLevel, Some(version), d),
            );
        }
    }
    let (mut group13, mut hello_retry) = (None, false);
    if tls13 {
        match kx::tls13_group(client, server) {
            kx::KeyShare::NotStated => {}
            kx::KeyShare::Agreed(g, hrr) => (group13, hello_retry) = (Some(g), hrr),
            kx::KeyShare::NoSharedGroup => {
                let d = vec![group_mismatch(client, server, version)];
                return (
                    Some(version),
                    fail(FailureKind::NoSharedGroup, Some(version), d),
                );
            }
        }
    }
    let (pref, other) = ordered(client, server, tls13);
    let mut any_shared = false;
    let mut cert_fit = false;
    let mut missing: Option<(FailureKind, Diagnosis)> = None;
    for s in pref {
        if !usable(s, version)
            || !contains(other, s)
            || !level_allows(client, s)
            || !level_allows(server, s)
            || !kx::client_can_verify(client, s)
        {
            continue;
        }
        any_shared = true;
        let Some(cert) = server.cert_for(s, version) else {
            continue;
        };
        cert_fit = true;
        if tls13 {
            let key = cert.map(|i| &server.served_certs()[i]);
            if let Some(d) = key.and_then(|k| key_refusal(client, server, k)) {
                missing.get_or_insert((FailureKind::KeyTooSmall, d));
                continue;
            }
            // The scheme picks the certificate among those that serve TLS 1.3.
            let serves = |_: usize, c: &CertKey| {
                cert::serves_tls13(c) && key_refusal(client, server, c).is_none()
            };
            let (sigalg, cert) = if server.served_certs().is_empty() {
                (None, cert)
            } else {
                match pick_cert(client, server, serves, version) {
                    Some((sig, i)) => (sig, Some(i)),
                    None => {
                        let d = sigalg_mismatch(client, server);
                        return (
                            Some(version),
                            fail(FailureKind::NoSharedSigalg, Some(version), vec![d]),
                        );
                    }
                }
            };
            // The client checks the certificate it receives against its floors.
            if let Some(d) =
                floor_refusal(client, server, cert, group13.and_then(floors::ffdhe_bits))
            {
                return (
                    Some(version),
                    fail(FailureKind::KeyTooSmall, Some(version), vec![d]),
                );
            }
            let a = Agreement {
                version,
                suite: s,
                cert,
                group: group13,
                sigalg,
                hello_retry,
            };
            return (Some(version), Ok(a));
        }
        // TLS 1.2 and older: a certificate that serves the suite must also
        // pass the server's level, share a signature scheme (TLS 1.2: OpenSSL
        // 3.0 does not use a certificate without one, not even for RSA key
        // transport) and, for ECDHE with an ECDSA key, have a curve the client
        // lists. With several such certificates the signature scheme picks
        // (OpenSSL 3.0's tls_choose_sigalg: the first shared scheme in the
        // deciding order that fits one of them), else the first one serves.
        let ecdhe = matches!(s.kex(), KeyExchange::Ecdhe | KeyExchange::EcdhePsk);
        let problem = |c: &CertKey| -> Option<FailureKind> {
            if key_refusal(client, server, c).is_some() {
                Some(FailureKind::KeyTooSmall)
            } else if version == Protocol::Tls12
                && server.stack != Stack::Gnutls
                && !kx::shared_sigalg_fits(client, server, c)
            {
                // GnuTLS still does RSA key transport with it.
                Some(FailureKind::NoSharedSigalg)
            } else if ecdhe
                // A GnuTLS server takes the ECDHE suite of a hello without
                // EC groups; the handshake fails below ("wrong curve").
                && !(server.stack == Stack::Gnutls && kx::openssl_hello_without_groups(client))
                && kx::tls12_ecdhe_group(client, server, Some(c)).is_none()
            {
                Some(FailureKind::NoSharedGroup)
            } else {
                None
            }
        };
        let serving =
            |_: usize, c: &CertKey| cert::check(s, c, version, &mut |_| {}) && problem(c).is_none();
        let mut cert = cert;
        if let Some(first) = cert {
            match server
                .served_certs()
                .iter()
                .enumerate()
                .find(|(j, c)| serving(*j, c))
            {
                Some((j, _)) => cert = Some(j),
                None => {
                    let k = &server.served_certs()[first];
                    let d = match problem(k) {
                        Some(FailureKind::KeyTooSmall) => {
                            key_refusal(client, server, k).map(|d| (FailureKind::KeyTooSmall, d))
                        }
                        Some(FailureKind::NoSharedGroup) => Some((
                            FailureKind::NoSharedGroup,
                            group_mismatch(client, server, version),
                        )),
                        _ => None,
                    };
                    missing.get_or_insert(d.unwrap_or_else(|| {
                        (FailureKind::NoSharedSigalg, sigalg_mismatch(client, server))
                    }));
                    continue;
                }
            }
        }
        let key = cert.map(|i| &server.served_certs()[i]);
        let mut group = None;
        if server.stack == Stack::Gnutls && matches!(s.kex(), KeyExchange::Dhe) {
            match kx::tls12_dhe_group(client, server) {
                // Its own parameters are the first RFC 7919 group of its own
                // list; without one the handshake fails (internal error).
                Some(None) if !kx::lists_ffdhe(server) => {
                    let d = vec![group_mismatch(client, server, version)];
                    return (
                        Some(version),
                        fail(FailureKind::NoSharedGroup, Some(version), d),
                    );
                }
                Some(g) => group = g,
                None => {
                    missing.get_or_insert((
                        FailureKind::NoSharedGroup,
                        group_mismatch(client, server, version),
                    ));
                    continue;
                }
            }
        }
        if ecdhe {
            if server.stack == Stack::Gnutls && kx::openssl_hello_without_groups(client) {
                let d = vec![group_mismatch(client, server, version)];
                return (
                    Some(version),
                    fail(FailureKind::NoSharedGroup, Some(version), d),
                );
            }
            match kx::tls12_ecdhe_group(client, server, key) {
                Some(g) => group = g,
                None => {
                    missing.get_or_insert((
                        FailureKind::NoSharedGroup,
                        group_mismatch(client, server, version),
                    ));
                    continue;
                }
            }
        }
        let mut sigalg = None;
        if kx::server_signs(s) {
            if version == Protocol::Tls12 {
                if cert.is_some() {
                    match pick_cert(client, server, serving, version) {
                        Some((sig, i)) => (sigalg, cert) = (sig, Some(i)),
                        None => {
                            missing.get_or_insert((
                                FailureKind::NoSharedSigalg,
                                sigalg_mismatch(client, server),
                            ));
                            continue;
                        }
                    }
                }
            } else if let Some(level) = client
                .security_level
                .filter(|l| !l.allows_sha1_signatures())
            {
                // The server picks it; the client refuses the signature.
                let d = vec![Diagnosis::LegacySignature {
                    side: Side::Client,
                    version,
                    level: level.level(),
                }];
                return (
                    Some(version),
                    fail(FailureKind::SecurityLevel, Some(version), d),
                );
            }
        }
        // The client checks the certificate (then the DHE parameters) against
        // its key-size floors once the server has committed to the suite.
        let dh_params = if s.kex() != KeyExchange::Dhe {
            None
        } else if server.stack == Stack::Gnutls {
            group.and_then(floors::ffdhe_bits)
        } else {
            server.dh_bits.or_else(|| {
                cert.map(|i| &server.served_certs()[i])
                    .and_then(|k| auto_dh_bits(server, k))
            })
        };
        if let Some(d) = floor_refusal(client, server, cert, dh_params) {
            return (
                Some(version),
                fail(FailureKind::KeyTooSmall, Some(version), vec![d]),
            );
        }
        // DHE: the server's parameters must pass the client's level, which
        // checks them only after the server has committed to the suite.
        if s.kex() == KeyExchange::Dhe && server.stack != Stack::Gnutls {
            if let (Some(dh_bits), Some(level)) = (dh_params, client.security_level) {
                let bits = finite_field_strength(dh_bits);
                if !level.allows_bits(bits) {
                    let d = vec![Diagnosis::DhBelowLevel {
                        dh_bits,
                        bits,
                        level: level.level(),
                        min_bits: level.min_bits(),
                    }];
                    return (
                        Some(version),
                        fail(FailureKind::KeyTooSmall, Some(version), d),
                    );
                }
            }
        }
        // A GnuTLS server has chosen; an OpenSSL client then refuses an
        // ECDSA certificate on a curve it does not list.
        if server.stack == Stack::Gnutls
            && cert
                .map(|i| &server.served_certs()[i])
                .is_some_and(|k| kx::client_refuses_curve(client, k))
        {
            let d = vec![group_mismatch(client, server, version)];
            return (
                Some(version),
                fail(FailureKind::NoSharedGroup, Some(version), d),
            );
        }
        let a = Agreement {
            version,
            suite: s,
            cert,
            group,
            sigalg,
            hello_retry: false,
        };
        return (Some(version), Ok(a));
    }
    let (kind, extra) = match missing {
        Some((kind, d)) => (kind, Some(d)),
        None if any_shared && !cert_fit => (FailureKind::NoFittingCertificate, None),
        None => (FailureKind::NoSharedSuite, None),
    };
    let mut d = match extra {
        Some(d) => vec![d],
        None => diagnose(client, server, version, kind),
    };
    if let Some(lower) = below(client_versions, version) {
        if let (_, Ok(a)) = run(client, server, lower, server_versions) {
            d.push(Diagnosis::WouldAgreeAt {
                version: a.version,
                suite: a.suite,
            });
        }
    }
    (Some(version), fail(kind, Some(version), d))
}

/// The signature scheme and the certificate (index into the server's
/// certificates, among those `usable` lets through), as the server's
/// [`CertChoice`] picks them. No allocation.
fn pick_cert(
    client: &Peer,
    server: &Peer,
    usable: impl Fn(usize, &CertKey) -> bool + Copy,
    version: Protocol,
) -> Option<(Option<&'static SignatureScheme>, usize)> {
    match server.cert_choice {
        CertChoice::BySignatureScheme | CertChoice::Bound => {
            kx::choose_sigalg(client, server, server.served_certs(), usable, version)
        }
        CertChoice::InOrder => (0..server.served_certs().len()).find_map(|i| {
            let only = |j: usize, c: &CertKey| j == i && usable(j, c);
            kx::choose_sigalg(client, server, server.served_certs(), only, version)
        }),
    }
}

/// `versions` without `v` and everything above it (`None` if that leaves nothing).
fn group_mismatch(client: &Peer, server: &Peer, version: Protocol) -> Diagnosis {
    let list = |p: &Peer| -> Vec<&'static Group> {
        p.groups
            .iter()
            .flatten()
            .copied()
            .filter(|g| g.supports(version) && !g.is_grease())
            .filter(|g| {
                p.security_level
                    .map_or(true, |l| g.bits().map_or(true, |b| l.allows_bits(b)))
            })
            .collect()
    };
    Diagnosis::GroupMismatch {
        client: list(client),
        server: list(server),
    }
}

fn sigalg_mismatch(client: &Peer, server: &Peer) -> Diagnosis {
    Diagnosis::SigalgMismatch {
        client: client.sigalgs.clone().unwrap_or_default(),
        keys: server.served_certs().iter().map(|c| c.key).collect(),
    }
}

fn below(versions: Protocols, v: Protocol) -> Option<Protocols> {
    let lower = TLS_VERSIONS
        .iter()
        .filter(|x| rank(**x) < rank(v) && versions.contains(**x))
        .fold(Protocols::EMPTY, |acc, x| acc.with(*x));
    (!lower.is_empty()).then_some(lower)
}

fn has_suite_at(p: &Peer, v: Protocol) -> bool {
    let list = if v == Protocol::Tls13 {
        &p.tls13_suites
    } else {
        &p.tls12_suites
    };
    list.iter()
        .any(|s| usable(s, v) && level_allows(p, s) && kx::client_can_verify(p, s))
}

/// Whether the side's security level lets `s` through.
fn level_allows(p: &Peer, s: &Suite) -> bool {
    p.security_level.map_or(true, |l| l.check_suite(s).is_ok())
}

/// `versions` without those the side's security level refuses.
fn level_versions(p: &Peer, versions: Protocols) -> Protocols {
    let Some(level) = p.security_level else {
        return versions;
    };
    TLS_VERSIONS
        .iter()
        .filter(|v| versions.contains(**v) && level.check_version(**v).is_ok())
        .fold(Protocols::EMPTY, |acc, v| acc.with(*v))
}

/// The server's security level refusing its own certificate key. (A client
/// checks the server's key only when it verifies the chain, which the model
/// does not assume: OpenSSL's `s_client` without `-verify` accepts it.)
fn key_refusal(_client: &Peer, server: &Peer, key: &CertKey) -> Option<Diagnosis> {
    let bits = key_strength(key)?;
    [(Side::Server, server)].into_iter().find_map(|(side, p)| {
        let level = p.security_level?;
        (!level.allows_bits(bits)).then(|| Diagnosis::KeyBelowLevel {
            side,
            bits,
            level: level.level(),
            min_bits: level.min_bits(),
        })
    })
}

/// The client's refusal of the server's certificate `cert` (an index into
/// its certificates) or of DHE parameters of `dh_bits`, by the client's
/// [`KeyFloors`]. No allocation when nothing is refused.
fn floor_refusal(
    client: &Peer,
    server: &Peer,
    cert: Option<usize>,
    dh_bits: Option<u32>,
) -> Option<Diagnosis> {
    let floors = &client.key_floors;
    if floors.is_none() {
        return None;
    }
    let refused = cert
        .and_then(|i| server.served_certs().get(i))
        .and_then(|k| floors.refuses_cert(k))
        .or_else(|| {
            dh_bits.and_then(|b| floors.refuses_dh(b).map(|floor| (FloorKind::Dh, b, floor)))
        })?;
    let (kind, bits, floor) = refused;
    Some(Diagnosis::KeyBelowFloor {
        side: Side::Client,
        peer: client.name.clone(),
        kind,
        bits,
        floor,
    })
}

/// The size of the DH prime an OpenSSL 3.0 server without configured
/// parameters (`SSL_CTX_set_dh_auto`, `s_server`'s default) uses with
/// certificate `key`: the key's strength, at least the server's own level's,
/// rounded to an RFC 2409/3526 group (`ssl_get_auto_dh`). `None` when the
/// key's strength is not known.
fn auto_dh_bits(server: &Peer, key: &CertKey) -> Option<u32> {
    let floor = server.security_level.map_or(0, |l| l.min_bits());
    Some(match key_strength(key)?.max(floor) {
        192.. => 8192,
        152.. => 4096,
        128.. => 3072,
        112.. => 2048,
        _ => 1024,
    })
}

/// Build the diagnosis of a failure in `version`.
fn diagnose(client: &Peer, server: &Peer, version: Protocol, kind: FailureKind) -> Vec<Diagnosis> {
    let mut d = Vec::new();
    let tls13 = version == Protocol::Tls13;
    let list = |p: &Peer| -> Vec<&'static Suite> {
        let l = if tls13 {
            &p.tls13_suites
        } else {
            &p.tls12_suites
        };
        l.iter().copied().filter(|s| usable(s, version)).collect()
    };
    let (c, s) = (list(client), list(server));
    if kind == FailureKind::NoFittingCertificate {
        let (pref, other) = ordered(client, server, tls13);
        for suite in pref
            .iter()
            .filter(|x| usable(x, version) && contains(other, x))
        {
            let cert = server
                .cert_list()
                .first()
                .cloned()
                .unwrap_or(CertKey::none());
            let mut first = None;
            cert::check(suite, &cert, version, &mut |r| {
                if first.is_none() && !matches!(r, FitReason::Serves { .. }) {
                    first = Some(r);
                }
            });
            if let Some(reason) = first {
                d.push(Diagnosis::WouldAcceptWithCert {
                    suite,
                    need: Need::of(suite),
                    reason,
                });
            }
            if d.len() >= 3 {
                break;
            }
        }
        return d;
    }
    if tls13 {
        d.push(Diagnosis::NoTls13Fallback {
            client: c.len(),
            server: s.len(),
        });
    } else {
        if c.is_empty() {
            d.push(Diagnosis::EmptyList {
                side: Side::Client,
                version,
            });
        }
        if s.is_empty() {
            d.push(Diagnosis::EmptyList {
                side: Side::Server,
                version,
            });
        }
        if !c.is_empty() && !s.is_empty() {
            if let Some(family) = only_family(&c, &s) {
                d.push(Diagnosis::ClientOffersOnly { family });
            }
            d.push(Diagnosis::NothingInCommon {
                version,
                client: c.len(),
                server: s.len(),
            });
        }
        // Both enable it, but not for this version.
        for x in client.tls12_suites.iter().filter(|x| !x.supports(version)) {
            if contains(&server.tls12_suites, x) {
                d.push(Diagnosis::SharedButNotInVersion { suite: x, version });
                break;
            }
        }
    }
    // Suites one side could enable for what the other offers.
    for (side, peer, offers) in [(Side::Server, server, &c), (Side::Client, client, &s)] {
        for dormant in &peer.dormant {
            if usable(dormant.suite, version)
                && contains(offers, dormant.suite)
                && (side == Side::Client || server.cert_for(dormant.suite, version).is_some())
            {
                d.push(Diagnosis::NotEnabled {
                    side,
                    peer: peer.name.clone(),
                    suite: dormant.suite,
                    how: dormant.how.clone(),
                });
            }
        }
    }
    d
}

/// A feature every client suite shares and no server suite has.
fn only_family(client: &[&'static Suite], server: &[&'static Suite]) -> Option<Family> {
    let first = client.first()?;
    let candidates = [
        Family::Cipher(first.cipher()),
        Family::ModeMac(first.mode(), first.mac()),
        Family::Kex(first.kex()),
        Family::Auth(first.auth()),
    ];
    candidates
        .into_iter()
        .find(|f| client.iter().all(|s| f.of(s)) && !server.iter().any(|s| f.of(s)))
}

/// Why negotiation input could not be read.
///
/// ```
/// let e = cipherdex::negotiate::parse_versions("1.5").unwrap_err();
/// assert!(e.to_string().contains("1.0-1.3"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NegotiateInputError {
    /// Not a version or version range.
    Versions {
        /// What was given.
        input: String,
    },
    /// Not `server` or `client`.
    Preference {
        /// What was given.
        input: String,
    },
    /// Names that are no known suite.
    UnknownSuites {
        /// Each unknown name with suggestions.
        unknown: Vec<UnknownNameError>,
    },
}

impl fmt::Display for NegotiateInputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NegotiateInputError::Versions { input } => write!(
                f,
                "invalid version {input:?}: expected a version (1.2, TLS1.2, TLSv1.2) or a range (1.0-1.3), from SSL3 to TLS1.3"
            ),
            NegotiateInputError::Preference { input } => {
                write!(f, "invalid preference {input:?}: expected server or client")
            }
            NegotiateInputError::UnknownSuites { unknown } => {
                for (i, u) in unknown.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{u}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for NegotiateInputError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn peer(names: &[&str]) -> Peer {
        Peer::from_names(names.iter().copied()).unwrap()
    }

    fn v(s: &str) -> Protocols {
        parse_versions(s).unwrap()
    }

    #[test]
    fn highest_version_and_no_tls13_fallback() {
        let client = peer(&["AES128-SHA", "TLS_AES_256_GCM_SHA384"]);
        let mut server = peer(&["AES128-SHA", "TLS_AES_128_GCM_SHA256"]);
        let n = negotiate(&client, &server);
        let f = n.outcome.as_ref().unwrap_err();
        assert_eq!(f.kind, FailureKind::NoSharedSuite);
        assert_eq!(f.version, Some(Protocol::Tls13));
        assert!(matches!(
            f.diagnosis[0],
            Diagnosis::NoTls13Fallback {
                client: 1,
                server: 1
            }
        ));
        assert!(f.diagnosis.iter().any(|d| matches!(
            d,
            Diagnosis::WouldAgreeAt {
                version: Protocol::Tls12,
                ..
            }
        )));
        server.versions = v("1.0-1.2");
        let n = negotiate(&client, &server);
        assert_eq!(n.version(), Some(Protocol::Tls12));
    }

    #[test]
    fn a_side_without_suites_for_its_highest_version_refuses() {
        // OpenSSL: a server with TLS 1.3 on and `-ciphersuites ''` fails even TLS 1.2 clients.
        let mut client = peer(&["AES128-SHA"]);
        client.versions = v("1.0-1.2");
        let mut server = peer(&["AES128-SHA"]);
        server.tls13_suites.clear();
        let f = negotiate(&client, &server).outcome.unwrap_err();
        assert_eq!(f.kind, FailureKind::NoSharedSuite);
        assert_eq!(
            f.diagnosis[0],
            Diagnosis::NoSuiteForMaxVersion {
                side: Side::Server,
                version: Protocol::Tls13
            }
        );
        assert!(f.diagnosis[0]
            .to_string()
            .starts_with("the server enables TLS1.3 but has no suite for it"));
        server.refuse_without_max_version_suites = false;
        assert_eq!(negotiate(&client, &server).version(), Some(Protocol::Tls12));
    }

    #[test]
    fn dsa_or_anonymous_server_skips_tls13() {
        let client = peer(&["DHE-DSS-AES128-SHA", "ADH-AES128-SHA"]);
        let mut server = peer(&["DHE-DSS-AES128-SHA", "ADH-AES128-SHA"]);
        server.certs = vec!["dsa".parse().unwrap()];
        let n = negotiate(&client, &server);
        assert_eq!(n.version(), Some(Protocol::Tls12));
        assert_eq!(
            n.suite().unwrap().canonical_name(),
            "TLS_DHE_DSS_WITH_AES_128_CBC_SHA"
        );
        server.certs.clear();
        let n = negotiate(&client, &server);
        assert_eq!(
            n.suite().unwrap().canonical_name(),
            "TLS_DH_anon_WITH_AES_128_CBC_SHA"
        );
        // TLS 1.3 only on both sides: the DSA server cannot take part.
        server.certs = vec!["dsa".parse().unwrap()];
        server.versions = v("1.3");
        let mut c13 = client.clone();
        c13.versions = v("1.3");
        let f = negotiate(&c13, &server).outcome.unwrap_err();
        assert_eq!(f.kind, FailureKind::NoFittingCertificate);
    }

    #[test]
    fn preference_decides() {
        let client = peer(&["AES256-SHA", "AES128-SHA"]);
        let mut server = peer(&["AES128-SHA", "AES256-SHA"]);
        server.versions = v("1.2");
        assert_eq!(negotiate(&client, &server).suite().unwrap().code(), 0x002F);
        server.preference = Preference::Client;
        assert_eq!(negotiate(&client, &server).suite().unwrap().code(), 0x0035);
        // TLS 1.3 follows the same rule.
        let c13 = peer(&["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"]);
        let s13 = peer(&["TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"]);
        assert_eq!(negotiate(&c13, &s13).suite().unwrap().code(), 0x1302);
        let mut s13c = s13.clone();
        s13c.preference = Preference::Client;
        assert_eq!(negotiate(&c13, &s13c).suite().unwrap().code(), 0x1301);
    }

    #[test]
    fn certificate_picks_and_diagnosis() {
        let client = peer(&["ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA"]);
        let mut server = peer(&["ECDHE-RSA-AES128-SHA", "ECDHE-ECDSA-AES128-SHA"]);
        server.versions = v("1.2");
        server.preference = Preference::Client;
        // RSA certificate: the client's first choice does not fit, the second does.
        let n = negotiate(&client, &server);
        assert_eq!(n.suite().unwrap().code(), 0xC013);
        let shared: Vec<u32> = n.shared().map(Suite::code).collect();
        assert_eq!(shared, [0xC009, 0xC013]);
        server.certs.push("ecdsa-p256".parse().unwrap());
        let n = negotiate(&client, &server);
        assert_eq!(n.suite().unwrap().code(), 0xC009);
        assert_eq!(n.outcome.unwrap().cert, Some(1));
        let only_ecdsa = peer(&["ECDHE-ECDSA-AES128-SHA"]);
        server.certs = vec!["rsa".parse().unwrap()];
        let f = negotiate(&only_ecdsa, &server).outcome.unwrap_err();
        assert_eq!(f.kind, FailureKind::NoFittingCertificate);
        let text = f.diagnosis[0].to_string();
        assert!(
            text.contains(
                "would accept TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA if its certificate were ECDSA"
            ),
            "{text}"
        );
    }

    #[test]
    fn client_offers_only_cbc_sha() {
        let client = peer(&["AES128-SHA", "ECDHE-RSA-AES256-SHA"]);
        let mut server = peer(&["ECDHE-RSA-AES128-GCM-SHA256", "AES256-GCM-SHA384"]);
        server.versions = v("1.2");
        let f = negotiate(&client, &server).outcome.unwrap_err();
        assert_eq!(f.kind, FailureKind::NoSharedSuite);
        let texts: Vec<String> = f.diagnosis.iter().map(ToString::to_string).collect();
        assert!(
            texts
                .iter()
                .any(|t| t == "the client offers only CBC-SHA suites; the server allows none"),
            "{texts:?}"
        );
    }

    #[test]
    fn versions_and_client_refusal() {
        let mut client = peer(&["AES128-SHA"]);
        client.versions = v("1.0-1.1");
        let mut server = peer(&["AES128-SHA"]);
        server.versions = v("1.2-1.3");
        let f = negotiate(&client, &server).outcome.unwrap_err();
        assert_eq!(f.kind, FailureKind::NoCommonVersion);
        assert!(f.diagnosis[0].to_string().contains("TLS1.0 TLS1.1"));
        // A client with TLS 1.3 on and no TLS 1.3 suite refuses (OpenSSL).
        let mut client = peer(&["AES128-SHA"]);
        client.tls13_suites.clear();
        let server = peer(&["AES128-SHA"]);
        let f = negotiate(&client, &server).outcome.unwrap_err();
        assert_eq!(f.kind, FailureKind::NoSharedSuite);
        client.refuse_without_max_version_suites = false;
        // Without the OpenSSL rule the client just does not offer TLS 1.3.
        assert_eq!(negotiate(&client, &server).version(), Some(Protocol::Tls12));
        // GCM needs TLS 1.2: at TLS 1.1 it is shared but unusable.
        let mut client = peer(&["AES128-GCM-SHA256", "AES128-SHA"]);
        client.versions = v("1.0-1.1");
        let server = peer(&["AES128-GCM-SHA256"]);
        let f = negotiate(&client, &server).outcome.unwrap_err();
        assert!(f
            .diagnosis
            .iter()
            .any(|d| matches!(d, Diagnosis::SharedButNotInVersion { .. })));
    }

    #[test]
    fn dormant_suites_are_named() {
        let client = peer(&["DES-CBC3-SHA", "RC4-SHA"]);
        let mut server = peer(&["AES128-SHA"]);
        server.versions = v("1.2");
        server.name = Some("Example Server".to_owned());
        server.dormant.push(Dormant {
            suite: crate::lookup::lookup("DES-CBC3-SHA").unwrap(),
            how: "Enable-TlsCipherSuite -Name TLS_RSA_WITH_3DES_EDE_CBC_SHA".to_owned(),
        });
        let f = negotiate(&client, &server).outcome.unwrap_err();
        let texts: Vec<String> = f.diagnosis.iter().map(ToString::to_string).collect();
        assert!(texts.iter().any(|t| t.starts_with(
            "TLS_RSA_WITH_3DES_EDE_CBC_SHA is supported by Example Server but not enabled; enable it with: Enable-TlsCipherSuite"
        )), "{texts:?}");
    }

    #[test]
    fn pre_tls13_clients_announce_only_their_highest_version() {
        // Client with a hole: TLS 1.0 and 1.2. The server's answer to "1.2" is 1.1.
        let mut client = peer(&["AES128-SHA"]);
        client.versions = v("1.0").with(Protocol::Tls12);
        let mut server = peer(&["AES128-SHA"]);
        server.versions = v("1.0-1.1");
        let f = negotiate(&client, &server).outcome.unwrap_err();
        assert_eq!(f.kind, FailureKind::NoCommonVersion);
        assert_eq!(
            f.diagnosis[0],
            Diagnosis::LegacyVersionMismatch {
                announced: Protocol::Tls12,
                answer: Some(Protocol::Tls11)
            }
        );
        // A server with a hole answers the highest version it has below the announced one.
        let mut client = peer(&["AES128-SHA"]);
        client.versions = v("1.0-1.1");
        server.versions = v("1.0").with(Protocol::Tls12);
        assert_eq!(negotiate(&client, &server).version(), Some(Protocol::Tls10));
        // With TLS 1.3 the client lists every version, so holes do not matter.
        client.versions = v("1.0").with(Protocol::Tls13);
        server.versions = v("1.0-1.2");
        assert_eq!(negotiate(&client, &server).version(), Some(Protocol::Tls10));
    }

    #[test]
    fn dormant_versions_are_named() {
        let mut client = peer(&["AES128-SHA"]);
        client.versions = v("1.0");
        client.name = Some("Old Printer".to_owned());
        let mut server = peer(&["AES128-SHA"]);
        server.versions = v("1.2");
        client.dormant_versions.push(DormantVersion {
            version: Protocol::Tls12,
            how: "turn on TLS 1.2 in the web page".to_owned(),
        });
        let f = negotiate(&client, &server).outcome.unwrap_err();
        assert_eq!(f.kind, FailureKind::NoCommonVersion);
        assert_eq!(
            f.diagnosis[1].to_string(),
            "TLS1.2 is supported by Old Printer but not enabled; enable it with: turn on TLS 1.2 in the web page"
        );
    }

    #[test]
    fn parse_inputs() {
        assert_eq!(v("1.2").to_string(), "TLS1.2");
        assert_eq!(v("TLSv1.0-TLSv1.2").to_string(), "TLS1.0 TLS1.1 TLS1.2");
        assert!(parse_versions("1.3-1.0").is_err());
        assert!(parse_versions("DTLS1.2").is_err());
        assert_eq!("client".parse::<Preference>().unwrap(), Preference::Client);
        let e = Peer::from_names(["AES128-SHA", "AES128-SHAA", "bogus"]).unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("\"AES128-SHAA\"") && text.contains("\"bogus\""),
            "{text}"
        );
    }
}
