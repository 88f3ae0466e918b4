//! What TLS implementations offer by default: supported groups, key shares,
//! signature schemes and OpenSSL security level, per implementation and
//! release, from the sources `data/README.md` names (`data/group-defaults.csv`).
//! Rows marked [`PeerDefaults::is_live`] were read from the ClientHello the
//! real program sends; the others come from its source code or release notes.
//!
//! ```
//! use cipherdex::{defaults, groups};
//!
//! let ossl = defaults::find("openssl", "3.5", None).ok_or("no row")?;
//! assert_eq!(ossl.groups().next(), Some(groups::X25519MLKEM768));
//! let shares: Vec<&str> = ossl.key_shares().map(|g| g.iana_name()).collect();
//! assert_eq!(shares, ["X25519MLKEM768", "x25519"]);
//! assert_eq!(ossl.security_level(), Some(2));
//! # Ok::<(), &str>(())
//! ```

pub use crate::records::PeerDefaults;
use crate::records::{Group, SignatureScheme};
use crate::tables::PEER_DEFAULTS;

/// Every row, in file order.
pub fn all() -> &'static [PeerDefaults] {
    &PEER_DEFAULTS
}

/// The row for `implementation` (`openssl`, `gnutls`, `java`, `go`) and
/// `release` (`3.0`, `3.7`, `17`, `1.24`), with `profile` (`debian`,
/// GnuTLS's `NORMAL`) or the plain build when `None`; names compare
/// ignoring ASCII case.
///
/// ```
/// let gnutls = cipherdex::defaults::find("gnutls", "3.7", Some("NORMAL")).ok_or("no row")?;
/// assert!(gnutls.is_live());
/// assert_eq!(gnutls.key_shares().map(|g| g.code()).collect::<Vec<_>>(), [0x0017, 0x001D]);
/// # Ok::<(), &str>(())
/// ```
pub fn find(
    implementation: &str,
    release: &str,
    profile: Option<&str>,
) -> Option<&'static PeerDefaults> {
    let profile = profile.unwrap_or("");
    PEER_DEFAULTS.iter().find(|d| {
        d.implementation.eq_ignore_ascii_case(implementation)
            && d.release.eq_ignore_ascii_case(release)
            && d.profile.eq_ignore_ascii_case(profile)
    })
}

impl PeerDefaults {
    /// `openssl`, `gnutls`, `java` or `go`.
    pub fn implementation(&self) -> &'static str {
        self.implementation
    }

    /// The release (`1.1.1`, `3.0`, `3.7`, `17`, `1.19`).
    pub fn release(&self) -> &'static str {
        self.release
    }

    /// A named configuration of the release (`debian`: Debian 12's
    /// `openssl.cnf`; `NORMAL`: the GnuTLS priority string), if any.
    pub fn profile(&self) -> Option<&'static str> {
        (!self.profile.is_empty()).then_some(self.profile)
    }

    /// The `supported_groups` a default client sends, in its order.
    pub fn groups(&self) -> impl Iterator<Item = &'static Group> {
        self.groups.iter().filter_map(|c| Group::from_code(*c))
    }

    /// The groups of the TLS 1.3 `key_share` a default client sends.
    pub fn key_shares(&self) -> impl Iterator<Item = &'static Group> {
        self.key_shares.iter().filter_map(|c| Group::from_code(*c))
    }

    /// The `signature_algorithms` a default client sends, in its order;
    /// `None` where the source was not recorded.
    ///
    /// ```
    /// let java = cipherdex::defaults::find("java", "17", None).ok_or("no row")?;
    /// let first = java.sigalgs().ok_or("not recorded")?.next().map(|s| s.iana_name());
    /// assert_eq!(first, Some("ecdsa_secp256r1_sha256"));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn sigalgs(&self) -> Option<impl Iterator<Item = &'static SignatureScheme>> {
        self.sigalgs
            .map(|s| s.iter().filter_map(|c| SignatureScheme::from_code(*c)))
    }

    /// The OpenSSL security level in force by default (OpenSSL rows only).
    pub fn security_level(&self) -> Option<u8> {
        self.security_level
    }

    /// True when the lists were read from the ClientHello of the real
    /// program; false when they come from its source or release notes.
    pub fn is_live(&self) -> bool {
        self.live
    }

    /// Where the row comes from.
    pub fn source(&self) -> &'static str {
        self.source
    }
}
