//! The client catalogue: real TLS clients and what they do in a handshake,
//! from `data/clients/clients.csv`.
//!
//! Each [`Client`] is either [`Basis::Captured`] (its ClientHello and its
//! behaviour against real servers were recorded here; the captures are in
//! `data/clients/captures/`) or [`Basis::Documented`] (from a primary source,
//! named in [`Client::source`]). [`Client::peer`] turns an entry into the
//! client side of [`negotiate`](crate::negotiate::negotiate): its versions,
//! suites in order, groups, key shares, signature schemes and security
//! level, so that "which clients can reach this server?" is one loop.
//!
//! ```
//! use cipherdex::clients;
//! use cipherdex::negotiate::{negotiate, parse_versions, Peer};
//!
//! // A server that speaks only TLS 1.2 with AES-GCM.
//! let mut server = Peer::from_names(["ECDHE-RSA-AES128-GCM-SHA256"])?;
//! server.versions = parse_versions("1.2")?;
//! let java = clients::find("Java-17").ok_or("no such client")?.peer();
//! let n = negotiate(&java, &server);
//! assert_eq!(n.suite().map(|s| s.canonical_name()), Some("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use crate::attrs::Protocols;
use crate::negotiate::{KeyFloors, Peer};
use crate::openssl::{Release, SecurityLevel};
pub use crate::records::{Basis, Client};
use crate::records::{Group, SignatureScheme};
use crate::suite::Suite;
use crate::tables::CLIENTS;

/// Every client of the catalogue, in file order.
///
/// ```
/// let all = cipherdex::clients::all();
/// assert!(all.iter().any(|c| c.id() == "openssl-3.0-debian12"));
/// ```
pub fn all() -> &'static [Client] {
    &CLIENTS
}

/// The client whose id is `id`, ignoring ASCII case.
///
/// ```
/// let c = cipherdex::clients::find("CHROMIUM-156").ok_or("missing")?;
/// assert_eq!(c.software(), "Chromium");
/// assert!(cipherdex::clients::find("netscape-4").is_none());
/// # Ok::<(), &str>(())
/// ```
pub fn find(id: &str) -> Option<&'static Client> {
    let id = id.trim();
    CLIENTS.iter().find(|c| c.id.eq_ignore_ascii_case(id))
}

/// The clients a pattern selects, in catalogue order: comma-separated
/// terms, each an id or a glob with `*` (`windows-*`, `*-debian12`,
/// `java-*,go-1.19`), compared ignoring ASCII case. `*` selects every
/// client; an empty pattern, or an empty term (`java-*,`), is bad input.
///
/// ```
/// let java = cipherdex::clients::select("JAVA-*")?;
/// assert!(java.iter().all(|c| c.software() == "Java"));
/// let e = cipherdex::clients::select("java-*,netscape-4").unwrap_err();
/// assert_eq!(e.unmatched(), ["netscape-4"]);
/// let e = cipherdex::clients::select("").unwrap_err();
/// assert!(e.is_empty_term());
/// assert!(e.to_string().contains("windows-*"));
/// # Ok::<(), cipherdex::clients::ClientPatternError>(())
/// ```
///
/// # Errors
/// [`ClientPatternError`] naming every term that selects no client, or
/// saying that the pattern or one of its terms is empty.
pub fn select(pattern: &str) -> Result<Vec<&'static Client>, ClientPatternError> {
    let terms: Vec<&str> = pattern.split(',').map(str::trim).collect();
    if terms.iter().any(|t| t.is_empty()) {
        return Err(ClientPatternError {
            pattern: pattern.to_owned(),
            unmatched: Vec::new(),
            empty_term: true,
        });
    }
    let unmatched: Vec<String> = terms
        .iter()
        .filter(|t| !CLIENTS.iter().any(|c| glob(t, c.id)))
        .map(|t| (*t).to_owned())
        .collect();
    if !unmatched.is_empty() {
        return Err(ClientPatternError {
            pattern: pattern.to_owned(),
            unmatched,
            empty_term: false,
        });
    }
    Ok(CLIENTS
        .iter()
        .filter(|c| terms.iter().any(|t| glob(t, c.id)))
        .collect())
}

/// Whether `id` matches `pattern` (`*` any run of characters), ignoring ASCII case.
fn glob(pattern: &str, id: &str) -> bool {
    let (p, s) = (pattern.as_bytes(), id.as_bytes());
    let (mut pi, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, si));
            pi += 1;
        } else if pi < p.len() && p[pi].eq_ignore_ascii_case(&s[si]) {
            pi += 1;
            si += 1;
        } else if let Some((sp, ss)) = star {
            pi = sp + 1;
            si = ss + 1;
            star = Some((sp, ss + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == b'*')
}

/// A client pattern that is empty, has an empty term, or has terms that
/// select no client.
///
/// ```
/// let e = cipherdex::clients::select("windows-95").unwrap_err();
/// assert!(e.to_string().contains("cipherdex clients"));
/// assert!(!e.is_empty_term());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientPatternError {
    pattern: String,
    unmatched: Vec<String>,
    empty_term: bool,
}

impl ClientPatternError {
    /// Every term that selects nothing (empty when the pattern or a term is empty).
    pub fn unmatched(&self) -> &[String] {
        &self.unmatched
    }

    /// True when the pattern is empty or has an empty term (`java-*,`).
    pub fn is_empty_term(&self) -> bool {
        self.empty_term
    }

    /// The pattern as given.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }
}

impl fmt::Display for ClientPatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.empty_term {
            let what = if self.pattern.trim().is_empty() {
                "the client pattern is empty".to_owned()
            } else {
                format!("the client pattern {:?} has an empty term", self.pattern)
            };
            return write!(
                f,
                "{what}: give ids or globs separated by commas, such as windows-* or \
                 java-17,go-1.19, or * for every client (cipherdex clients lists the ids)"
            );
        }
        let terms: Vec<String> = self.unmatched.iter().map(|t| format!("{t:?}")).collect();
        write!(
            f,
            "no client in the catalogue matches {}: give ids or globs such as windows-* or \
             java-17 (cipherdex clients lists the ids)",
            terms.join(", ")
        )
    }
}

impl std::error::Error for ClientPatternError {}

impl Basis {
    /// `captured` or `documented`.
    ///
    /// ```
    /// assert_eq!(cipherdex::clients::Basis::Captured.as_str(), "captured");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Basis::Captured => "captured",
            Basis::Documented => "documented",
        }
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl Client {
    /// The catalogue id: `<software>-<version>`, lower case, plus the
    /// platform when the build differs from upstream (`openssl-3.0-debian12`).
    ///
    /// ```
    /// let c = &cipherdex::clients::all()[0];
    /// assert_eq!(c.id(), c.id().to_lowercase());
    /// ```
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// A readable name (`Java 17 JSSE (default SSLContext)`).
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The software (`OpenSSL`, `Java`, `Windows`).
    pub fn software(&self) -> &'static str {
        self.software
    }

    /// The version the entry describes, as its maker writes it (`3.0.19`).
    pub fn version(&self) -> &'static str {
        self.version
    }

    /// Its release date, `YYYY-MM-DD` or `YYYY-MM`, or `None` when not known.
    ///
    /// ```
    /// let c = cipherdex::clients::find("java-17").ok_or("missing")?;
    /// assert_eq!(c.released(), Some("2025-04-15"));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn released(&self) -> Option<&'static str> {
        (!self.released.is_empty()).then_some(self.released)
    }

    /// Captured here or documented.
    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// Where the facts come from: the capture and its command, or the
    /// primary source with its version and date.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// The capture files (stems in `data/clients/captures/`) of a captured
    /// client; empty for a documented one.
    ///
    /// ```
    /// let c = cipherdex::clients::find("chromium-156").ok_or("missing")?;
    /// assert_eq!(c.captures(), ["chromium-156.1", "chromium-156.2"]);
    /// # Ok::<(), &str>(())
    /// ```
    pub fn captures(&self) -> &'static [&'static str] {
        self.captures
    }

    /// The protocol versions it enables (it refuses a server outside them).
    ///
    /// ```
    /// let c = cipherdex::clients::find("go-1.19").ok_or("missing")?;
    /// assert_eq!(c.versions().to_string(), "TLS1.2 TLS1.3");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn versions(&self) -> Protocols {
        self.versions
    }

    /// Every suite it offers, in its order (TLS 1.3 suites where it puts them).
    pub fn suites(&self) -> &'static [&'static Suite] {
        self.suites
    }

    /// Its `supported_groups`, in order; `None` where the source does not say.
    pub fn groups(&self) -> Option<&'static [&'static Group]> {
        self.groups
    }

    /// The groups it sends TLS 1.3 key shares for; `None` where not stated
    /// (then one share, for its first TLS 1.3 group).
    pub fn key_shares(&self) -> Option<&'static [&'static Group]> {
        self.key_shares
    }

    /// Its `signature_algorithms`, in order; `None` where the source does not say.
    pub fn sigalgs(&self) -> Option<&'static [&'static SignatureScheme]> {
        self.sigalgs
    }

    /// The OpenSSL security level it runs at, for clients built on OpenSSL
    /// (Debian's OpenSSL 3.0 builds run at level 2).
    ///
    /// ```
    /// let c = cipherdex::clients::find("openssl-3.0-debian12").ok_or("missing")?;
    /// assert_eq!(c.security_level().map(|l| l.level()), Some(2));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn security_level(&self) -> Option<SecurityLevel> {
        let (release, level) = self.security_level?;
        let release: Release = release.parse().ok()?;
        SecurityLevel::new(release, level)
    }

    /// The smallest RSA key (modulus bits) it accepts from a server, where documented.
    ///
    /// ```
    /// let c = cipherdex::clients::find("java-17").ok_or("missing")?;
    /// assert_eq!(c.min_rsa_bits(), Some(1024));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn min_rsa_bits(&self) -> Option<u16> {
        self.min_rsa_bits
    }

    /// The smallest finite-field Diffie-Hellman group (bits) it accepts, where documented.
    pub fn min_dh_bits(&self) -> Option<u16> {
        self.min_dh_bits
    }

    /// The smallest elliptic-curve key (bits) it accepts, where documented.
    pub fn min_ec_bits(&self) -> Option<u16> {
        self.min_ec_bits
    }

    /// The extensions it sends that change outcomes, as a note (ALPN, SNI, ...).
    pub fn extensions(&self) -> &'static str {
        self.extensions
    }

    /// Remarks: behaviour, configuration, what differs from upstream.
    pub fn notes(&self) -> &'static str {
        self.notes
    }

    /// The client as the client side of a negotiation: its versions, its
    /// TLS 1.2 and TLS 1.3 suites in its order, groups, key shares,
    /// signature schemes, security level, key-size floors
    /// ([`Peer::key_floors`]: a server key below them fails with
    /// `key_too_small`) and name.
    ///
    /// ```
    /// use cipherdex::negotiate::{negotiate, parse_versions, FailureKind, Peer};
    /// let python = cipherdex::clients::find("python-3.11-openssl-3.0").ok_or("missing")?;
    /// let mut old = Peer::from_names(["ECDHE-RSA-AES128-SHA"])?;
    /// old.versions = parse_versions("1.0-1.1")?;
    /// let f = negotiate(&python.peer(), &old).outcome.unwrap_err();
    /// assert_eq!(f.kind, FailureKind::NoCommonVersion);
    ///
    /// // Java refuses an RSA key below 1024 bits (jdk.certpath.disabledAlgorithms).
    /// let java = cipherdex::clients::find("java-17").ok_or("missing")?;
    /// let mut small = Peer::from_names(["ECDHE-RSA-AES128-GCM-SHA256"])?;
    /// small.versions = parse_versions("1.2")?;
    /// small.certs = vec!["rsa:768".parse()?];
    /// let f = negotiate(&java.peer(), &small).outcome.unwrap_err();
    /// assert_eq!(f.kind, FailureKind::KeyTooSmall);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn peer(&self) -> Peer {
        let mut peer = Peer::new();
        let (tls13, tls12): (Vec<&'static Suite>, Vec<&'static Suite>) =
            self.suites.iter().copied().partition(|s| s.is_tls13());
        peer.tls13_suites = tls13;
        peer.tls12_suites = tls12;
        peer.versions = self.versions;
        peer.name = Some(self.name.to_owned());
        peer.groups = self.groups.map(<[_]>::to_vec);
        peer.key_shares = self.key_shares.map(<[_]>::to_vec);
        peer.sigalgs = self.sigalgs.map(<[_]>::to_vec);
        peer.security_level = self.security_level();
        peer.key_floors = KeyFloors::new(self.min_rsa_bits, self.min_dh_bits, self.min_ec_bits);
        // A client offers what it has; it does not refuse for want of a
        // suite at a version it lists (every entry has suites for its versions).
        peer.refuse_without_max_version_suites = false;
        peer
    }
}
