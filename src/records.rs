//! The records that generated code builds: every struct and enum that a
//! table in `$OUT_DIR` is made of, and nothing else.
//!
//! The build script (`build/`) writes the tables from `data/`; `tables`
//! includes them; the concept modules (`suite`, `policy`, `windows`, `group`, `sigalg`,
//! `openssl`) hold the `impl`s and re-export the public types where their
//! API has them (`cipherdex::Suite`, `cipherdex::policy::MozillaConfig`).
//! This module depends only on the ground floor (`attrs`, `name_hash`), so
//! the tables sit below every module that reads them.

pub(crate) mod openssl_bits;

use crate::attrs::{
    Authentication, Cipher, Curve, GroupKind, HashAlgorithm, KeyExchange, Mac, Mode, NameKind,
    Origin, Prf, Protocol, ProtocolState, Protocols, Recommended, Scheme, SignatureAlgorithm,
};

// Suites (data/suites.csv, data/names.csv); impls in `suite`.

/// A cipher suite: its code, every name it has had, and its parts.
///
/// Suites are static data compiled from `data/` at build time; get one with
/// [`lookup`](crate::lookup) or [`Suite::from_code`], never construct one.
///
/// ```
/// use cipherdex::{KeyExchange, Mode, Scheme, Suite};
/// let s = Suite::from_code(0xC02B).unwrap();
/// assert_eq!(s.name(Scheme::Iana), Some("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
/// assert_eq!(s.name(Scheme::OpenSsl), Some("ECDHE-ECDSA-AES128-GCM-SHA256"));
/// assert_eq!(s.kex(), KeyExchange::Ecdhe);
/// assert_eq!(s.mode(), Mode::Gcm);
/// assert!(s.is_aead() && s.has_forward_secrecy());
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct Suite {
    pub(crate) code: u32,
    pub(crate) name: &'static str,
    pub(crate) origin: Origin,
    pub(crate) dtls_ok: bool,
    pub(crate) recommended: Option<Recommended>,
    pub(crate) reference: &'static str,
    pub(crate) protocols: Protocols,
    pub(crate) kex: KeyExchange,
    pub(crate) auth: Authentication,
    pub(crate) cipher: Cipher,
    pub(crate) cipher_bits: u16,
    pub(crate) mode: Mode,
    pub(crate) mac: Mac,
    pub(crate) prf: Prf,
    pub(crate) export: bool,
    pub(crate) signalling: bool,
    pub(crate) note: &'static str,
    pub(crate) aliases: &'static [Alias],
}

/// One name of a suite in one scheme.
///
/// ```
/// use cipherdex::{NameKind, Scheme};
/// let s = cipherdex::lookup("DHE-RSA-DES-CBC3-SHA").unwrap();
/// let legacy: Vec<_> = s
///     .aliases()
///     .iter()
///     .filter(|a| a.scheme() == Scheme::OpenSsl && a.kind() == NameKind::Legacy)
///     .map(|a| a.name())
///     .collect();
/// assert_eq!(legacy, ["EDH-RSA-DES-CBC3-SHA"]);
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct Alias {
    pub(crate) scheme: Scheme,
    pub(crate) name: &'static str,
    pub(crate) kind: NameKind,
    pub(crate) curve: Option<Curve>,
    pub(crate) since: &'static str,
    pub(crate) until: &'static str,
    pub(crate) note: &'static str,
}

// Policies (data/policies/); impls in `policy`.

/// Mozilla's three server configurations.
///
/// ```
/// use cipherdex::policy::MozillaLevel;
/// assert_eq!("Intermediate".parse::<MozillaLevel>(), Ok(MozillaLevel::Intermediate));
/// assert_eq!(MozillaLevel::Old.as_str(), "old");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum MozillaLevel {
    /// TLS 1.3 only: for clients from 2019 on.
    Modern,
    /// TLS 1.2 and 1.3 with AEAD suites: the general-purpose default.
    Intermediate,
    /// Down to TLS 1.0 and 3DES, for very old clients (none in guideline 6.0).
    Old,
}

/// One Mozilla Server Side TLS configuration of one guideline version:
/// the protocol versions and the suite lists in their published order.
///
/// ```
/// use cipherdex::policy::{self, MozillaLevel};
/// let c = policy::mozilla(MozillaLevel::Intermediate, None).unwrap();
/// assert_eq!(c.version(), "6.0");
/// let first = c.tls12_suites().next().unwrap();
/// assert_eq!(first.name(cipherdex::Scheme::OpenSsl), Some("ECDHE-ECDSA-AES128-GCM-SHA256"));
/// assert_eq!(c.tls13_suites().count(), 3);
/// assert_eq!(c.protocols().to_string(), "TLS1.2 TLS1.3");
/// ```
#[derive(Debug)]
pub struct MozillaConfig {
    pub(crate) version: &'static str,
    pub(crate) level: MozillaLevel,
    pub(crate) date: &'static str,
    pub(crate) protocols: Protocols,
    pub(crate) tls12: &'static [u32],
    pub(crate) iana_order: &'static [u32],
    pub(crate) tls13: &'static [u32],
}

/// Which of Go's lists a Go policy checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GoList {
    /// `CipherSuites()`.
    Secure,
    /// `CipherSuites()` plus `InsecureCipherSuites()`.
    Implemented,
    /// Enabled when `Config.CipherSuites` is nil.
    Default,
}

/// How a policy decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// IANA Recommended = Y; `true` adds RFC 10015's D marks.
    Iana(bool),
    /// Index into `MOZILLA`.
    Mozilla(usize),
    /// Go's list; `true` for the newer Go releases (`go_newer_since` to
    /// `go_newer` in `data/meta.csv`), `false` for `go_older`.
    Go(GoList, bool),
    /// NIST SP 800-52r2.
    Nist,
    /// BSI TR-02102-2 edition.
    Bsi(&'static str),
    /// HTTP/2 block list.
    Http2,
}

/// The data of one policy (emitted by the build script).
#[derive(Debug)]
pub(crate) struct PolicyDef {
    pub(crate) name: &'static str,
    pub(crate) family: &'static str,
    pub(crate) version: &'static str,
    pub(crate) date: &'static str,
    pub(crate) rule: Rule,
    pub(crate) title: &'static str,
    pub(crate) source: &'static str,
}

/// A named, dated policy: asks whether suites are allowed, with reasons.
///
/// Get one with [`Policy::all`] or by its stable name
/// (`"nist-800-52r2".parse::<&Policy>()`). Names are `FAMILY-VERSION`
/// (`mozilla-intermediate-5.7`, `bsi-tr-02102-2-2025-01`); the family
/// alone (`mozilla-intermediate`) means its newest version.
///
/// ```
/// use cipherdex::Policy;
/// let names: Vec<_> = Policy::all().iter().map(|p| p.name()).collect();
/// assert!(names.contains(&"mozilla-old-5.8") && names.contains(&"http2-rfc9113"));
/// let p: &Policy = "mozilla-old".parse()?;
/// assert_eq!(p.version(), "5.8"); // 6.0 has no old configuration
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Policy(pub(crate) PolicyDef);

/// One suite of Go's crypto/tls (a row of `data/policies/go.csv`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct GoSuite {
    pub(crate) code: u32,
    /// In `CipherSuites()` (secure) in the older Go release.
    pub(crate) secure_older: bool,
    /// In `CipherSuites()` (secure) in the newer Go releases.
    pub(crate) secure_newer: bool,
    /// Enabled by default in the newest Go release.
    pub(crate) default_newest: bool,
    /// Why not enabled by default, where the source says.
    pub(crate) why_not_default: &'static str,
}

/// One suite of NIST SP 800-52r2 (a row of `data/policies/nist-sp800-52r2.csv`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct NistSuite {
    pub(crate) code: u32,
    /// TLS versions (`1.2`, `1.3`, `1.2 1.3`).
    pub(crate) tls: &'static str,
    /// Certificate type (`ECDSA`, `RSA`).
    pub(crate) cert: &'static str,
    /// Section of the document (`3.3.1.1.1`, `Appendix D`).
    pub(crate) section: &'static str,
}

/// One suite of one BSI TR-02102-2 edition (a row of `data/policies/bsi-tr-02102-2.csv`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct BsiSuite {
    pub(crate) code: u32,
    /// The edition (`2025-01`).
    pub(crate) edition: &'static str,
    /// TLS version (`1.2`, `1.3`).
    pub(crate) tls: &'static str,
    /// Recommended until the end of this year.
    pub(crate) until: u16,
    /// True for `2030+`: a later edition may extend it.
    pub(crate) may_extend: bool,
    pub(crate) note: &'static str,
}

/// One suite whose key exchange RFC 10015 deprecates (a row of
/// `data/policies/obsolete-kex-deprecations.csv`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct KexDeprecation {
    pub(crate) code: u32,
    /// `static-dh`, `rsa`, `ffdhe`...
    pub(crate) category: &'static str,
    /// The TLS 1.2 requirement (`MUST NOT`, `SHOULD NOT`).
    pub(crate) requirement: &'static str,
}

// Windows SChannel tables (data/schannel/); read by `windows`.

/// One published SChannel table (one `data/schannel/windows-*.csv`).
#[derive(Debug)]
pub(crate) struct RawTable {
    pub(crate) file: &'static str,
    pub(crate) title: &'static str,
    pub(crate) client_products: &'static str,
    pub(crate) server_products: &'static str,
    pub(crate) version_codes: &'static str,
    pub(crate) builds: &'static str,
    pub(crate) source: &'static str,
    pub(crate) page_commit: &'static str,
    pub(crate) ms_date: &'static str,
    pub(crate) notes: &'static str,
    pub(crate) rows: &'static [RawRow],
}

/// One row of an SChannel table.
#[derive(Debug)]
pub(crate) struct RawRow {
    /// Index into `SUITES`.
    pub(crate) suite: usize,
    pub(crate) name: &'static str,
    pub(crate) curve: Option<Curve>,
    pub(crate) priority: Option<u16>,
    pub(crate) enabled: Option<bool>,
    pub(crate) strong_crypto: Option<bool>,
    pub(crate) protocols: Protocols,
    pub(crate) notes: &'static str,
}

/// One Windows product and its table.
#[derive(Debug)]
pub(crate) struct RawProduct {
    pub(crate) product: &'static str,
    pub(crate) server: bool,
    pub(crate) version_code: &'static str,
    pub(crate) build: &'static str,
    /// Index into `WINDOWS_TABLES`.
    pub(crate) table: usize,
    pub(crate) basis: &'static str,
    /// Has the `TLS` PowerShell module (`data/schannel/products.csv`, `tls_module`).
    pub(crate) tls_module: bool,
}

/// One default supported group.
#[derive(Debug)]
pub(crate) struct RawGroup {
    pub(crate) applies_to: &'static str,
    pub(crate) priority: Option<u16>,
    pub(crate) name: &'static str,
    pub(crate) enabled: bool,
    pub(crate) notes: &'static str,
}

/// The default state of one protocol version on one table's releases.
#[derive(Debug)]
pub(crate) struct RawProtocol {
    /// Index into `WINDOWS_TABLES`.
    pub(crate) table: usize,
    pub(crate) protocol: Protocol,
    pub(crate) client: ProtocolState,
    pub(crate) server: ProtocolState,
    pub(crate) os: &'static str,
    pub(crate) notes: &'static str,
}

// OpenSSL cipher tables (data/openssl.csv); impls in `openssl`.

/// One cipher suite as OpenSSL's cipher table describes it.
///
/// ```
/// let c = cipherdex::openssl::Release::default().cipher_by_name("AES128-SHA").unwrap();
/// assert_eq!(c.code(), 0x002F);
/// assert_eq!(c.strength_bits(), 128);
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct OpenSslCipher {
    pub(crate) code: u16,
    pub(crate) name: &'static str,
    pub(crate) min_tls: u16,
    /// Bits of [`openssl_bits`]: `K_*`, `A_*`, `E_*`, `M_*`, `S_*`.
    pub(crate) kx: u32,
    pub(crate) au: u32,
    pub(crate) enc: u32,
    pub(crate) mac: u32,
    pub(crate) strength: u8,
    pub(crate) strength_bits: u16,
    pub(crate) alg_bits: u16,
}

/// An OpenSSL release the cipher-string engine models
/// (`data/openssl-releases.csv`): its label, the versions it stands for
/// (dotted numbers; `last` compares on as many parts as it has) and its name
/// in words. Impls in `openssl` (`openssl::Release`).
#[derive(Debug)]
pub(crate) struct OpenSslReleaseRow {
    pub(crate) label: &'static str,
    pub(crate) first: &'static [u16],
    pub(crate) last: &'static [u16],
    pub(crate) weak: bool,
    pub(crate) name: &'static str,
}

// Supported groups and signature schemes (data/groups.csv, data/sigalgs.csv
// and their name files); impls in `group` and `sigalg`.

/// A TLS supported group (named group, formerly "elliptic curve"): the
/// `supported_groups` and `key_share` code points.
///
/// Every entry of the IANA TLS Supported Groups registry is here, with
/// every spelling that OpenSSL, GnuTLS, NSS, Java, Go and Windows use.
/// Equality, hashing and order go by code.
///
/// ```
/// use cipherdex::{Group, GroupKind, Scheme};
/// let g: &Group = "X25519MLKEM768".parse()?;
/// assert_eq!(g.code(), 0x11EC);
/// assert_eq!(g.kind(), GroupKind::Hybrid);
/// assert_eq!(g.name(Scheme::Go), Some("X25519MLKEM768"));
/// assert_eq!(Group::from_code(0x0017).map(|g| g.iana_name()), Some("secp256r1"));
/// # Ok::<(), cipherdex::RegistryNameError>(())
/// ```
#[derive(Debug)]
pub struct Group {
    pub(crate) code: u16,
    pub(crate) name: &'static str,
    pub(crate) origin: Origin,
    pub(crate) recommended: Option<Recommended>,
    pub(crate) reference: &'static str,
    pub(crate) protocols: Protocols,
    /// Security strength in bits; 0 where none is stated.
    pub(crate) bits: u16,
    pub(crate) note: &'static str,
    pub(crate) dtls_ok: bool,
    pub(crate) kind: GroupKind,
    pub(crate) aliases: &'static [Alias],
}

/// A TLS signature scheme: the `signature_algorithms` and
/// `signature_algorithms_cert` code points (in TLS 1.2 a hash and signature
/// algorithm pair).
///
/// Every entry of the IANA TLS SignatureScheme registry is here, plus the
/// TLS 1.2 pairs it only reserves (`dsa_sha256`, `rsa_pkcs1_sha224`...),
/// GREASE and the pre-RFC GOST code points, with every spelling that
/// OpenSSL (`rsa_pss_rsae_sha256`, `RSA-PSS+SHA256`), GnuTLS
/// (`SIGN-RSA-PSS-RSAE-SHA256`), NSS, Java and Go use. Equality, hashing and
/// order go by code.
///
/// ```
/// use cipherdex::{HashAlgorithm, Scheme, SignatureAlgorithm, SignatureScheme};
/// let s: &SignatureScheme = "RSA-PSS+SHA256".parse()?;
/// assert_eq!(s.iana_name(), "rsa_pss_rsae_sha256");
/// assert_eq!(s.algorithm(), SignatureAlgorithm::RsaPssRsae);
/// assert_eq!(s.hash(), Some(HashAlgorithm::Sha256));
/// assert_eq!(s.name(Scheme::GnuTls), Some("RSA-PSS-RSAE-SHA256"));
/// # Ok::<(), cipherdex::RegistryNameError>(())
/// ```
#[derive(Debug)]
pub struct SignatureScheme {
    pub(crate) code: u16,
    pub(crate) name: &'static str,
    pub(crate) origin: Origin,
    pub(crate) recommended: Option<Recommended>,
    pub(crate) reference: &'static str,
    pub(crate) protocols: Protocols,
    /// Security strength in bits; 0 where none is stated.
    pub(crate) bits: u16,
    pub(crate) note: &'static str,
    pub(crate) algorithm: SignatureAlgorithm,
    pub(crate) hash: Option<HashAlgorithm>,
    /// The code of the group (curve) the scheme fixes.
    pub(crate) curve: Option<u16>,
    pub(crate) aliases: &'static [Alias],
}

/// What one TLS implementation offers by default (one row of
/// `data/group-defaults.csv`); see [`crate::defaults`].
#[derive(Debug)]
pub struct PeerDefaults {
    pub(crate) implementation: &'static str,
    pub(crate) release: &'static str,
    pub(crate) profile: &'static str,
    /// Group codes, in the client's order.
    pub(crate) groups: &'static [u16],
    pub(crate) key_shares: &'static [u16],
    /// OpenSSL 3.5's group tuples (sizes, in order); `None` before 3.5.
    pub(crate) tuples: Option<&'static [usize]>,
    /// Signature scheme codes; `None` where not recorded.
    pub(crate) sigalgs: Option<&'static [u16]>,
    pub(crate) security_level: Option<u8>,
    pub(crate) live: bool,
    pub(crate) source: &'static str,
}

// The client catalogue (data/clients/clients.csv); impls in `clients`.

/// Where a catalogue entry's facts come from; see [`crate::clients`].
///
/// ```
/// use cipherdex::clients::{self, Basis};
/// assert!(clients::all().iter().any(|c| c.basis() == Basis::Captured));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Basis {
    /// Recorded here from the real client's ClientHello and its behaviour
    /// against real servers (the captures are in `data/clients/captures/`).
    Captured,
    /// Taken from a primary source (documentation, source code at a tag).
    Documented,
}

/// One TLS client of the catalogue (one row of `data/clients/clients.csv`);
/// see [`crate::clients`].
#[derive(Debug)]
pub struct Client {
    pub(crate) id: &'static str,
    pub(crate) name: &'static str,
    pub(crate) software: &'static str,
    pub(crate) version: &'static str,
    /// `YYYY-MM-DD`, `YYYY-MM` or empty (not known).
    pub(crate) released: &'static str,
    pub(crate) basis: Basis,
    pub(crate) source: &'static str,
    /// Capture stems in `data/clients/captures/`.
    pub(crate) captures: &'static [&'static str],
    pub(crate) versions: Protocols,
    /// Every suite in the client's order (TLS 1.3 and older together).
    pub(crate) suites: &'static [&'static Suite],
    pub(crate) groups: Option<&'static [&'static Group]>,
    pub(crate) key_shares: Option<&'static [&'static Group]>,
    pub(crate) sigalgs: Option<&'static [&'static SignatureScheme]>,
    /// OpenSSL release (`3.0`) and level.
    pub(crate) security_level: Option<(&'static str, u8)>,
    pub(crate) min_rsa_bits: Option<u16>,
    pub(crate) min_dh_bits: Option<u16>,
    pub(crate) min_ec_bits: Option<u16>,
    pub(crate) extensions: &'static str,
    pub(crate) notes: &'static str,
}
// Explain (data/alerts.csv, data/errors.csv); read by `explain`. `cause` and `stack`
// are std-only modules the build script shares, like the ground floor.

use crate::cause::Cause;
use crate::stack::Stack;

/// One TLS alert of the IANA registry, with each stack's spelling.
#[derive(Debug)]
pub(crate) struct AlertRecord {
    pub(crate) code: u8,
    pub(crate) name: &'static str,
    pub(crate) openssl: &'static str,
    pub(crate) gnutls: &'static str,
    pub(crate) go: &'static str,
    pub(crate) dotnet: &'static str,
    pub(crate) meaning: &'static str,
    pub(crate) causes: &'static [Cause],
}

/// The numeric identity of a message, for direct look-ups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MessageCode {
    /// An SSPI or certificate status (HRESULT), `0x80090331`.
    Hresult(u32),
    /// An SChannel event id, 36888.
    Event(u32),
    /// A curl exit code.
    Curl(u32),
    /// An OpenSSL 3 error code (`0A0000C1`).
    Openssl(u32),
}

/// One error message of one stack.
#[derive(Debug)]
pub(crate) struct MessageRecord {
    pub(crate) stack: Stack,
    pub(crate) versions: &'static str,
    pub(crate) message: &'static str,
    pub(crate) code: Option<MessageCode>,
    pub(crate) alert: Option<u8>,
    pub(crate) meaning: &'static str,
    pub(crate) causes: &'static [Cause],
    pub(crate) source: &'static str,
}

/// What a pattern stands for: an index into the alerts or the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PatternTarget {
    Alert(u8),
    Message(u16),
}

/// One text to look for (lower-case ASCII) and what it means.
#[derive(Debug)]
pub(crate) struct PatternRecord {
    pub(crate) text: &'static str,
    pub(crate) stack: Stack,
    pub(crate) target: PatternTarget,
}

// OpenSSL security levels (data/openssl-security-levels.csv); impls in `openssl::security`.

/// For which build a security level is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DefaultFor {
    /// The release as OpenSSL ships it.
    Upstream,
    /// Debian's build of the release (`-DOPENSSL_TLS_SECURITY_LEVEL=2`).
    Debian,
}

/// One OpenSSL security level of one release.
#[derive(Debug)]
pub(crate) struct SecurityLevelRow {
    pub(crate) release: &'static str,
    pub(crate) level: u8,
    pub(crate) min_bits: u16,
    pub(crate) no_anonymous: bool,
    pub(crate) no_md5_mac: bool,
    pub(crate) no_sha1_mac: bool,
    pub(crate) no_rc4: bool,
    pub(crate) sha1_signatures: bool,
    pub(crate) forward_secrecy_kex: &'static [KeyExchange],
    pub(crate) lowest_version: Protocol,
    pub(crate) default: Option<DefaultFor>,
}

// GnuTLS 3.7 priority strings (data/gnutls-*.csv); impls in `gnutls`.
// Every algorithm is its index in `GNUTLS_ALGORITHMS`.

/// What a GnuTLS algorithm name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GnutlsKind {
    Version,
    Cipher,
    Mac,
    Kx,
    Group,
    Curve,
    Sign,
    Ctype,
}

/// One name GnuTLS priority strings accept.
#[derive(Debug)]
pub(crate) struct GnutlsAlgorithm {
    pub(crate) kind: GnutlsKind,
    pub(crate) name: &'static str,
    /// The TLS code: a version's wire value, a group's or signature scheme's code.
    pub(crate) code: Option<u16>,
    /// version: tls, tls13, dtls; group: ec, dh; sign: both, tls12, tls13,
    /// none (the TLS versions whose semantics it has); kx: invalid for a
    /// name GnuTLS accepts and ignores.
    pub(crate) class: &'static str,
    /// Whether the build has it (Debian's GnuTLS 3.7.9).
    pub(crate) available: bool,
}

/// One entry of GnuTLS's cipher-suite table.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct GnutlsSuite {
    pub(crate) name: &'static str,
    pub(crate) code: u16,
    pub(crate) kx: Option<u16>,
    pub(crate) cipher: u16,
    pub(crate) mac: u16,
    pub(crate) min_tls: u16,
    pub(crate) min_dtls: Option<u16>,
    pub(crate) prf: u16,
}

/// A list a keyword expands to.
#[derive(Debug)]
pub(crate) struct GnutlsList {
    pub(crate) name: &'static str,
    pub(crate) items: &'static [u16],
}

/// A priority keyword (`NORMAL`): its lists, as indices into `GNUTLS_LISTS`.
#[derive(Debug)]
pub(crate) struct GnutlsKeyword {
    pub(crate) name: &'static str,
    pub(crate) alias: Option<&'static str>,
    pub(crate) protocols: Option<u16>,
    pub(crate) ciphers: u16,
    pub(crate) macs: u16,
    pub(crate) kx: u16,
    pub(crate) signs: u16,
    pub(crate) groups: u16,
    /// The smallest DH prime a client with this keyword accepts, where
    /// measured above GnuTLS's lowest (`dh_min_bits`).
    pub(crate) dh_min_bits: Option<u16>,
}
