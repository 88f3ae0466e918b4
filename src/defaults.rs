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

/// The plain-build OpenSSL row for `version` (`3.5`, `3.5.1`, `openssl
/// 3.3`): the latest row of the same major release not after it (3.3 and
/// 3.4 take 3.2's row, 3.6 takes 3.5's), or `None` for a version before
/// every row or not of the form `MAJOR.MINOR[.PATCH]`.
///
/// ```
/// use cipherdex::defaults;
/// let row = defaults::openssl("3.5.1").ok_or("no row")?;
/// assert_eq!((row.release(), row.tuples()), ("3.5", Some(&[1, 2, 3, 2][..])));
/// assert_eq!(defaults::openssl("3.4").map(|r| r.release()), Some("3.2"));
/// assert!(defaults::openssl("2.0").is_none());
/// # Ok::<(), &str>(())
/// ```
pub fn openssl(version: &str) -> Option<&'static PeerDefaults> {
    let number = |v: &str| -> Option<Vec<u32>> {
        let v = v.trim();
        let v = v
            .strip_prefix("OpenSSL")
            .or_else(|| v.strip_prefix("openssl"))
            .unwrap_or(v)
            .trim_start_matches([' ', '-', '_']);
        v.split('.')
            .map(|p| {
                let digits: String = p.chars().take_while(char::is_ascii_digit).collect();
                digits.parse().ok()
            })
            .collect()
    };
    let want = number(version).filter(|v| v.len() >= 2)?;
    PEER_DEFAULTS
        .iter()
        .filter(|d| d.implementation == "openssl" && d.profile.is_empty())
        .filter_map(|d| Some((number(d.release)?, d)))
        .filter(|(have, _)| have[0] == want[0] && *have <= want)
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, d)| d)
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

    /// OpenSSL 3.5's tuples of equally preferred groups: how many of
    /// [`PeerDefaults::groups`] each holds, in order (`/` in the groups
    /// string); `None` for the releases before 3.5, which have no tuples.
    ///
    /// ```
    /// let ossl = cipherdex::defaults::find("openssl", "3.0", None).ok_or("no row")?;
    /// assert_eq!(ossl.tuples(), None);
    /// # Ok::<(), &str>(())
    /// ```
    pub fn tuples(&self) -> Option<&'static [usize]> {
        self.tuples
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
