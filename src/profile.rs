//! Named profiles usable as either side of a negotiation: Windows releases
//! (`windows:server-2022`), Mozilla configurations (`mozilla:intermediate`,
//! `mozilla:old:5.7`), OpenSSL cipher strings (`openssl:HIGH:!aNULL`) and
//! GnuTLS priority strings (`gnutls:NORMAL:-VERS-TLS1.3`, evaluated as
//! GnuTLS 3.7 does by [`crate::gnutls`]).
//!
//! ```
//! use cipherdex::negotiate::{negotiate, Peer, Preference};
//! use cipherdex::profile::{resolve, Role};
//!
//! let server = resolve("windows:server-2016", Role::Server)?.ok_or("not a profile")?;
//! assert_eq!(server.preference, Some(Preference::Server));
//! let client = Peer::from_names(["ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384"])?;
//! let mut client = client;
//! client.versions = cipherdex::negotiate::parse_versions("1.2")?;
//! let n = negotiate(&client, &server.peer);
//! assert_eq!(n.suite().map(|s| s.canonical_name()), Some("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use crate::attrs::Protocol;
use crate::gnutls;
use crate::negotiate::{CertChoice, Dormant, DormantVersion, Peer, Preference};
use crate::openssl;
use crate::openssl::SecurityLevel;
use crate::policy::{self, MozillaLevel};
use crate::windows::ProtocolState;
use crate::windows::{self, Release};

/// Which side a profile plays (Windows releases differ by side).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The client.
    Client,
    /// The server.
    Server,
}

/// The profile kinds, as written before the colon.
pub const KINDS: &[&str] = &["windows", "mozilla", "openssl", "gnutls"];

/// A resolved profile.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Profile {
    /// The profile as named (`windows:server-2022`).
    pub name: String,
    /// The side it describes. Its certificates are the default (RSA): a profile
    /// does not know them.
    pub peer: Peer,
    /// The suite order the profile itself implies, if it says (SChannel
    /// servers use their own order; Mozilla's old configuration asks for the
    /// server's order, modern and intermediate for the client's).
    pub preference: Option<Preference>,
}

/// Resolve `spec` if it names a profile (`KIND:REST` with a known kind, or a
/// word that is no suite name before a colon); `Ok(None)` when it is a plain
/// suite list.
///
/// # Errors
/// [`ProfileError`] for an unknown kind, release, level or a bad OpenSSL
/// cipher string or GnuTLS priority string.
pub fn resolve(spec: &str, role: Role) -> Result<Option<Profile>, ProfileError> {
    resolve_with(spec, role, openssl::Release::default())
}

/// [`resolve`], with an `openssl:STRING` profile evaluated by `release`'s
/// rules, with its default groups, key shares and signature schemes
/// ([`Release::defaults`](openssl::Release::defaults)) and at its default
/// security level when the string states none (`--openssl` on the command line).
///
/// ```
/// use cipherdex::openssl::Release;
/// use cipherdex::profile::{resolve_with, Role};
/// let p = resolve_with("openssl:HIGH", Role::Server, Release::OpenSsl32)?.ok_or("no profile")?;
/// assert_eq!(p.peer.security_level.map(|l| l.level()), Some(2));
/// let p = resolve_with("openssl:HIGH", Role::Server, Release::OpenSsl35)?.ok_or("no profile")?;
/// assert_eq!(p.peer.groups.as_ref().and_then(|g| g.first()).map(|g| g.iana_name()), Some("X25519MLKEM768"));
/// assert_eq!(p.peer.group_tuples, Some(vec![1, 2, 3, 2]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`resolve`].
pub fn resolve_with(
    spec: &str,
    role: Role,
    release: openssl::Release,
) -> Result<Option<Profile>, ProfileError> {
    let spec = spec.trim();
    let Some((kind, rest)) = spec.split_once(':') else {
        return Ok(None);
    };
    let kind_lc = kind.trim().to_ascii_lowercase();
    let profile = |peer: Peer, preference| {
        Ok(Some(Profile {
            name: spec.to_owned(),
            peer,
            preference,
        }))
    };
    match kind_lc.as_str() {
        "windows" => {
            let release: Release = rest.parse().map_err(ProfileError::Windows)?;
            profile(windows_peer(release, role), Some(Preference::Server))
        }
        "mozilla" => {
            let (level, version) = match rest.split_once(':') {
                Some((l, v)) => (l, Some(v.trim())),
                None => (rest, None),
            };
            let bad = || ProfileError::Mozilla {
                input: rest.to_owned(),
            };
            let level: MozillaLevel = level.parse().map_err(|_| bad())?;
            let config = policy::mozilla(level, version).ok_or_else(bad)?;
            let mut peer = Peer::from_suites(config.tls12_suites());
            peer.tls13_suites = config.tls13_suites().collect();
            peer.versions = config.protocols();
            peer.name = Some(format!("Mozilla {level} {}", config.version()));
            let pref = if level == MozillaLevel::Old {
                Preference::Server
            } else {
                Preference::Client
            };
            profile(peer, Some(pref))
        }
        "openssl" => {
            let x = openssl::evaluate(rest, release).map_err(ProfileError::OpenSsl)?;
            let mut peer = Peer::new();
            if let Some(d) = release.defaults() {
                peer.set_defaults(d);
            }
            peer.tls12_suites = x.suites();
            let level = match x.sec_level().and_then(|l| SecurityLevel::new(release, l)) {
                Some(l) => l,
                None => SecurityLevel::default_for(release),
            };
            peer.security_level = Some(level);
            let stated = if x.sec_level().is_some() {
                ""
            } else {
                ", the default"
            };
            peer.name = Some(format!(
                "OpenSSL {} \"{rest}\" (security level {}{stated})",
                release.label(),
                level.level()
            ));
            profile(peer, None)
        }
        "gnutls" => {
            let p = gnutls::evaluate(rest).map_err(ProfileError::Gnutls)?;
            let preference = p.peer().preference;
            profile(p.peer(), Some(preference))
        }
        _ => {
            let word = kind.trim();
            let is_word = !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if is_word && crate::lookup::lookup(word).is_none() && !word.contains('-') {
                Err(ProfileError::UnknownKind {
                    kind: word.to_owned(),
                })
            } else {
                Ok(None)
            }
        }
    }
}

/// A Windows release as one side: the suites it offers by default in its
/// priority order, its default protocol versions for that side, server order,
/// and every supported-but-disabled suite with the command that enables it.
///
/// ```
/// use cipherdex::profile::{windows_peer, Role};
/// let r: cipherdex::windows::Release = "server-2025".parse().unwrap();
/// let p = windows_peer(r, Role::Server);
/// assert!(p.tls12_suites.len() > 10 && !p.dormant.is_empty());
/// ```
pub fn windows_peer(release: Release, role: Role) -> Peer {
    let mut peer = Peer::from_suites(release.offered_suites());
    if !release.offered_suites().iter().any(|s| s.is_tls13()) {
        peer.tls13_suites.clear();
    }
    peer.versions = release.protocols(role == Role::Server);
    peer.preference = Preference::Server;
    peer.name = Some(release.product().to_owned());
    peer.refuse_without_max_version_suites = false;
    // IIS and HTTP.sys bind one certificate per endpoint.
    peer.cert_choice = CertChoice::Bound;
    // Windows 10 and later list their curves; before, the curve is part of
    // the suite name and the release states no group list.
    let groups = release.enabled_groups();
    peer.groups = (!groups.is_empty()).then_some(groups);
    peer.key_shares = None;
    // No primary source gives SChannel's default signature schemes.
    peer.sigalgs = None;
    let side = if role == Role::Server {
        "Server"
    } else {
        "Client"
    };
    for (version, label) in [
        (Protocol::Ssl3, "SSL 3.0"),
        (Protocol::Tls10, "TLS 1.0"),
        (Protocol::Tls11, "TLS 1.1"),
        (Protocol::Tls12, "TLS 1.2"),
        (Protocol::Tls13, "TLS 1.3"),
    ] {
        if release.protocol_state(version, role == Role::Server) == ProtocolState::Disabled {
            // Microsoft: a version is on when Enabled=1 and DisabledByDefault=0.
            let key = format!(
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\{label}\\{side}"
            );
            peer.dormant_versions.push(DormantVersion {
                version,
                how: format!(
                    "reg add \"{key}\" /v Enabled /t REG_DWORD /d 1 /f; \
                     reg add \"{key}\" /v DisabledByDefault /t REG_DWORD /d 0 /f; then restart"
                ),
            });
        }
    }
    let offered = release.offered_suites();
    for suite in release.supported_suites() {
        if offered.iter().any(|o| o.code() == suite.code()) {
            continue;
        }
        let fix = release.diagnose(suite).fix_commands();
        if !fix.is_empty() {
            peer.dormant.push(Dormant {
                suite,
                how: fix.join("; "),
            });
        }
    }
    peer
}

/// Why a profile name could not be resolved.
///
/// ```
/// use cipherdex::profile::{resolve, Role};
/// let e = resolve("windows:server-2099", Role::Server).unwrap_err();
/// assert!(e.to_string().starts_with("windows:"));
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ProfileError {
    /// `KIND:` is not a profile kind (and the word is no suite either).
    UnknownKind {
        /// The word before the colon.
        kind: String,
    },
    /// Not a Windows release.
    Windows(windows::ReleaseError),
    /// Not a Mozilla configuration.
    Mozilla {
        /// What followed `mozilla:`.
        input: String,
    },
    /// The OpenSSL cipher string does not evaluate.
    OpenSsl(openssl::CipherStringError),
    /// The GnuTLS priority string does not evaluate.
    Gnutls(gnutls::PriorityError),
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileError::UnknownKind { kind } => {
                write!(
                    f,
                    "unknown profile kind \"{kind}:\" (valid: {}); as a suite name, \"{kind}\" is unknown too",
                    KINDS
                        .iter()
                        .map(|k| format!("{k}:"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )?;
                let close = crate::lookup::suggest(kind, 3);
                if !close.is_empty() {
                    write!(f, " (did you mean {}?)", close.join(", "))?;
                }
                Ok(())
            }
            ProfileError::Windows(e) => write!(f, "windows: {e}"),
            ProfileError::Mozilla { input } => {
                let versions: Vec<&str> = policy::MozillaConfig::all()
                    .iter()
                    .map(policy::MozillaConfig::version)
                    .fold(Vec::new(), |mut v, x| {
                        if !v.contains(&x) {
                            v.push(x);
                        }
                        v
                    });
                // The example names the newest guideline version in data/policies/mozilla-versions.csv.
                let example = versions
                    .last()
                    .map(|v| format!(" (mozilla:intermediate:{v})"))
                    .unwrap_or_default();
                write!(
                    f,
                    "unknown Mozilla configuration {input:?}: expected modern, intermediate or old, \
                     optionally with a guideline version{example}"
                )
            }
            ProfileError::OpenSsl(e) => write!(f, "openssl: {e}"),
            ProfileError::Gnutls(e) => write!(f, "gnutls: {e}"),
        }
    }
}

impl std::error::Error for ProfileError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::negotiate::{negotiate, parse_versions, Diagnosis};

    #[test]
    fn plain_lists_are_not_profiles() {
        for spec in [
            "AES128-SHA:AES256-SHA",
            "AES128-SHA",
            "ECDHE-RSA-AES128-GCM-SHA256:FOO",
            "",
        ] {
            assert!(resolve(spec, Role::Server).unwrap().is_none(), "{spec}");
        }
        let e = resolve("winodws:server-2022", Role::Server).unwrap_err();
        assert!(
            e.to_string()
                .contains("windows:, mozilla:, openssl:, gnutls:"),
            "{e}"
        );
    }

    #[test]
    fn windows_server_2025_names_3des_as_supported_not_enabled() {
        let server = resolve("windows:server-2025", Role::Server)
            .unwrap()
            .unwrap();
        let mut client = Peer::from_names(["DES-CBC3-SHA", "RC4-SHA"]).unwrap();
        client.versions = parse_versions("1.0-1.2").unwrap();
        let f = negotiate(&client, &server.peer).outcome.unwrap_err();
        let hit = f.diagnosis.iter().find_map(|d| match d {
            Diagnosis::NotEnabled { suite, how, .. } => Some((suite.code(), how.clone())),
            _ => None,
        });
        let (code, how) = hit.expect("a NotEnabled diagnosis");
        assert_eq!(code, 0x000A);
        assert!(
            how.contains("Enable-TlsCipherSuite -Name TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            "{how}"
        );
    }

    #[test]
    fn windows_7_client_names_disabled_tls12() {
        let client = resolve("windows:7", Role::Client).unwrap().unwrap();
        let mut server = Peer::from_names(["ECDHE-RSA-AES128-GCM-SHA256", "AES128-SHA"]).unwrap();
        server.versions = parse_versions("1.2").unwrap();
        let f = negotiate(&client.peer, &server).outcome.unwrap_err();
        let text: Vec<String> = f.diagnosis.iter().map(ToString::to_string).collect();
        assert!(
            text.iter().any(
                |t| t.starts_with("TLS1.2 is supported by Windows 7 but not enabled")
                    && t.contains(
                        "SCHANNEL\\Protocols\\TLS 1.2\\Client\" /v Enabled /t REG_DWORD /d 1"
                    )
            ),
            "{text:?}"
        );
    }

    #[test]
    fn mozilla_and_openssl_profiles() {
        let m = resolve("mozilla:intermediate", Role::Server)
            .unwrap()
            .unwrap();
        assert_eq!(m.preference, Some(Preference::Client));
        assert!(!m.peer.tls12_suites.is_empty() && !m.peer.tls13_suites.is_empty());
        assert!(resolve("mozilla:medium", Role::Server).is_err());
        // The error's example is the newest guideline version in the data, not a
        // version typed into the code.
        let newest = policy::MozillaConfig::all()
            .iter()
            .map(policy::MozillaConfig::version)
            .next_back()
            .unwrap();
        let e = resolve("mozilla:intermediate:0.1", Role::Server)
            .err()
            .unwrap()
            .to_string();
        assert!(
            e.contains(&format!("mozilla:intermediate:{newest})")),
            "{e}"
        );
        let o = resolve("openssl:ECDHE+AESGCM:!ECDSA", Role::Client)
            .unwrap()
            .unwrap();
        let names: Vec<&str> = o
            .peer
            .tls12_suites
            .iter()
            .map(|s| s.canonical_name())
            .collect();
        assert_eq!(
            names,
            [
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
            ]
        );
        assert!(resolve("openssl:RC4", Role::Client).is_err());
    }
}
