//! Pieces of the Windows module that the build script compiles too
//! (`build/main.rs` includes this file with `#[path]`): how a release name is
//! normalised, and the default state of a protocol version. Only `std` here,
//! never `crate::` paths.

use std::fmt;

/// Normalises a Windows release name so that its spellings meet:
/// `"Windows Server 2012 R2"`, `"windows:server-2012r2"` and
/// `"server 2012r2"` all become `server-2012r2`; `"Windows 10 version 21H2"`
/// and `"win10-21h2"` become `10-21h2`.
///
/// Lower case; a leading `windows:` dropped; words split on anything but
/// letters, digits and `.`; the words `microsoft`, `windows`, `win`,
/// `version`, `edition` and `enterprise` dropped (also when glued to a
/// number: `win10`, `v1809`); `r2` glued to the word before; words joined
/// with `-`.
pub fn normalize_release(input: &str) -> String {
    let s = input.trim();
    let s = match s.get(..8) {
        Some(p) if p.eq_ignore_ascii_case("windows:") => &s[8..],
        _ => s,
    };
    let mut words: Vec<String> = Vec::new();
    for word in s
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .filter(|w| !w.is_empty())
    {
        let mut w = word.trim_matches('.').to_ascii_lowercase();
        for prefix in ["windows", "win", "v"] {
            if let Some(rest) = w.strip_prefix(prefix) {
                if rest.starts_with(|c: char| c.is_ascii_digit()) {
                    w = rest.to_string();
                    break;
                }
            }
        }
        match w.as_str() {
            "" | "microsoft" | "windows" | "win" | "version" | "edition" | "enterprise" => {}
            "r2" if !words.is_empty() => {
                if let Some(last) = words.last_mut() {
                    last.push_str("r2");
                }
            }
            _ => words.push(w),
        }
    }
    words.join("-")
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
