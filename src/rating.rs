//! The default rating of a suite: four levels, derived from its
//! [`Weakness`]es by the rules in [`rate`], which is the only place they
//! are written.

use std::fmt;
use std::str::FromStr;

use crate::attrs::Recommended;
use crate::suite::Suite;
use crate::weakness::{Severity, Weakness, Weaknesses};

/// A rating level, from worst to best: `insecure < weak < secure < recommended`.
///
/// ```
/// use cipherdex::Level;
/// let l: Level = "Secure".parse()?;
/// assert!(l > Level::Weak && l < Level::Recommended);
/// assert_eq!(l.to_string(), "secure");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Level {
    /// Broken in practice or forbidden by the IETF: turn it off.
    Insecure,
    /// Deprecated or theoretically weak: keep it only for peers that have nothing better.
    Weak,
    /// No known weakness, but not on the IETF's recommended list (or a national cipher).
    Secure,
    /// No known weakness and IANA Recommended = Y: use these.
    Recommended,
}

impl Level {
    /// Every level, worst first.
    pub const ALL: &'static [Level] = &[
        Level::Insecure,
        Level::Weak,
        Level::Secure,
        Level::Recommended,
    ];

    /// The stable spelling: `insecure`, `weak`, `secure`, `recommended`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Insecure => "insecure",
            Level::Weak => "weak",
            Level::Secure => "secure",
            Level::Recommended => "recommended",
        }
    }

    /// One line saying what the level means.
    pub const fn meaning(self) -> &'static str {
        match self {
            Level::Insecure => "broken in practice or forbidden by the IETF: disable it",
            Level::Weak => "deprecated or theoretically weak: keep only for old peers",
            Level::Secure => "no known weakness, but not recommended by the IETF",
            Level::Recommended => "no known weakness and recommended by the IETF (IANA Y)",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Error from parsing a [`Level`]: lists the valid levels.
///
/// ```
/// let e = "strong".parse::<cipherdex::Level>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown rating level \"strong\" (expected one of: insecure, weak, secure, recommended)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelError(String);

impl fmt::Display for LevelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown rating level {:?} (expected one of: insecure, weak, secure, recommended)",
            self.0
        )
    }
}

impl std::error::Error for LevelError {}

impl FromStr for Level {
    type Err = LevelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Level::ALL
            .iter()
            .copied()
            .find(|l| l.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| LevelError(s.to_string()))
    }
}

/// A suite's default rating: its level and the reasons for it.
///
/// Signalling values and GREASE are not cipher suites: their
/// [`level`](Rating::level) is `None` and their one reason is
/// [`Weakness::NotACipherSuite`].
///
/// ```
/// use cipherdex::{Level, Weakness};
/// let r = cipherdex::lookup("DHE-RSA-AES128-GCM-SHA256").unwrap().rating();
/// assert_eq!(r.level(), Some(Level::Weak));
/// assert!(r.reasons().contains(Weakness::Ffdhe));
///
/// let scsv = cipherdex::lookup("TLS_FALLBACK_SCSV").unwrap().rating();
/// assert_eq!(scsv.level(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rating {
    level: Option<Level>,
    reasons: Weaknesses,
}

impl Rating {
    /// The level, or `None` for a signalling or GREASE value.
    pub fn level(&self) -> Option<Level> {
        self.level
    }

    /// Every weakness found, most serious first. Empty only for
    /// `recommended` suites.
    pub fn reasons(&self) -> Weaknesses {
        self.reasons
    }

    /// True if the suite is rated at `level` or better.
    ///
    /// ```
    /// use cipherdex::Level;
    /// let r = cipherdex::lookup("TLS_AES_128_GCM_SHA256").unwrap().rating();
    /// assert!(r.is_at_least(Level::Secure));
    /// ```
    pub fn is_at_least(&self, level: Level) -> bool {
        self.level.is_some_and(|l| l >= level)
    }
}

impl fmt::Display for Rating {
    /// `weak (ffdhe, iana-not-recommended)`, `recommended`, `not rated (not-a-cipher-suite)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.level {
            Some(l) => f.write_str(l.as_str())?,
            None => f.write_str("not rated")?,
        }
        if !self.reasons.is_empty() {
            write!(f, " ({})", self.reasons)?;
        }
        Ok(())
    }
}

/// The rating rules, in one place.
///
/// 1. A signalling or GREASE value is not rated.
/// 2. Any weakness of severity `insecure` makes the suite **insecure**.
/// 3. Otherwise any weakness of severity `weak` makes it **weak**.
/// 4. Otherwise (no weakness, or only `info` ones) it is **recommended**
///    if IANA marks it Recommended = Y and no `info` weakness applies,
///    and **secure** if not.
pub(crate) fn rate(s: &Suite) -> Rating {
    let reasons = s.weaknesses();
    let level = if reasons.contains(Weakness::NotACipherSuite) {
        None
    } else {
        Some(match reasons.max_severity() {
            Some(Severity::Insecure) => Level::Insecure,
            Some(Severity::Weak) => Level::Weak,
            Some(Severity::Info) => Level::Secure,
            None if s.iana_recommended() == Some(Recommended::Yes) => Level::Recommended,
            None => Level::Secure,
        })
    };
    Rating { level, reasons }
}

impl Suite {
    /// The suite's default rating with its reasons (see [`Level`] and the
    /// "Ratings" section of the README for the rules).
    ///
    /// ```
    /// use cipherdex::{Level, Weakness};
    /// let r = cipherdex::lookup("ECDHE-RSA-AES128-GCM-SHA256").unwrap().rating();
    /// assert_eq!(r.level(), Some(Level::Recommended));
    /// assert!(r.reasons().is_empty());
    ///
    /// let r = cipherdex::lookup("RC4-SHA").unwrap().rating();
    /// assert_eq!(r.level(), Some(Level::Insecure));
    /// assert_eq!(r.reasons().iter().next(), Some(Weakness::Rc4));
    /// ```
    pub fn rating(&self) -> Rating {
        rate(self)
    }
}
