//! OpenSSL cipher strings, evaluated exactly as OpenSSL does, without OpenSSL.
//!
//! [`evaluate`] turns a cipher string such as `HIGH:!aNULL:!MD5` into the
//! ordered list of cipher suites that `openssl ciphers -ciphersuites ''
//! 'HIGH:!aNULL:!MD5'` prints for the chosen [`Release`] build.
//! [`evaluate_ciphersuites`] does the same for the TLS 1.3 `-ciphersuites`
//! list, and [`evaluate_full`] combines both like an `SSL_CTX` does. The
//! [`write`](mod@write) module goes the other way, from a suite list to configuration
//! text for OpenSSL, GnuTLS, nginx, Apache and HAProxy.
//!
//! ```
//! use cipherdex::openssl::{evaluate, Release};
//!
//! let x = evaluate("HIGH:!aNULL:!MD5", Release::default()).unwrap();
//! assert_eq!(x.ciphers()[0].name(), "ECDHE-ECDSA-AES256-GCM-SHA384");
//! assert!(x.warnings().is_empty());
//! ```

mod eval;
mod groups;
mod keywords;
mod security;
pub mod write;

pub use groups::{parse_groups, GroupList};
pub use write::{Dialect, DialectError};

use std::fmt;
use std::str::FromStr;

pub use security::{cipher_strength, finite_field_strength, key_strength, Refusal, SecurityLevel};

use crate::records::openssl_bits::*;
use crate::records::OpenSslReleaseRow;
use crate::tables::{
    BY_NAME_V111, BY_NAME_V111_WEAK, BY_NAME_V30, BY_NAME_V32, BY_NAME_V35, CIPHERS_V111,
    CIPHERS_V111_WEAK, CIPHERS_V30, CIPHERS_V32, CIPHERS_V35, OPENSSL_RELEASES, TLS13_V111,
    TLS13_V111_WEAK, TLS13_V30, TLS13_V32, TLS13_V35,
};
use eval::List;

pub use crate::records::OpenSslCipher;

impl OpenSslCipher {
    /// The knowledge-base entry for this suite.
    ///
    /// ```
    /// let c = cipherdex::openssl::Release::default().cipher_by_name("AES128-SHA").unwrap();
    /// assert_eq!(c.suite().name(cipherdex::Scheme::Iana), Some("TLS_RSA_WITH_AES_128_CBC_SHA"));
    /// ```
    pub fn suite(&self) -> &'static crate::suite::Suite {
        // The build checks every engine row against data/suites.csv and
        // data/names.csv (build/check.rs); fall back to the first suite,
        // TLS_NULL_WITH_NULL_NULL, otherwise (a constant index into a
        // fixed-size array: checked at compile time).
        crate::suite::Suite::from_code(u32::from(self.code)).unwrap_or(&crate::tables::SUITES[0])
    }
    /// The two-byte TLS code point, e.g. `0xC02F`.
    pub fn code(&self) -> u16 {
        self.code
    }
    /// OpenSSL's name (`ECDHE-RSA-AES128-GCM-SHA256`; the IANA name for TLS 1.3).
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// Whether this is a TLS 1.3 suite (configured with `-ciphersuites`).
    pub fn is_tls13(&self) -> bool {
        self.min_tls == 0x0304
    }
    /// OpenSSL's lowest protocol for the suite: `SSLv3`, `TLSv1`, `TLSv1.2` or `TLSv1.3`.
    pub fn min_protocol(&self) -> &'static str {
        match self.min_tls {
            SSL3 => "SSLv3",
            TLS1 => "TLSv1",
            TLS1_2 => "TLSv1.2",
            _ => "TLSv1.3",
        }
    }
    /// OpenSSL's `strength_bits` (the key used by `@STRENGTH`).
    pub fn strength_bits(&self) -> u16 {
        self.strength_bits
    }
    /// OpenSSL's `alg_bits` (nominal key size of the bulk cipher).
    pub fn alg_bits(&self) -> u16 {
        self.alg_bits
    }
    /// OpenSSL's strength class: `HIGH`, `MEDIUM`, `LOW` or `NONE`.
    pub fn strength_class(&self) -> &'static str {
        if self.strength & S_HIGH != 0 {
            "HIGH"
        } else if self.strength & S_MEDIUM != 0 {
            "MEDIUM"
        } else if self.strength & S_LOW != 0 {
            "LOW"
        } else {
            "NONE"
        }
    }
    /// Whether the suite is excluded from OpenSSL's `DEFAULT` (in `COMPLEMENTOFDEFAULT`).
    pub fn not_default(&self) -> bool {
        self.strength & S_NOT_DEFAULT != 0
    }
    /// Whether the suite is authenticated by a pre-shared key or SRP and so
    /// needs application callbacks to be usable.
    pub fn needs_psk_or_srp(&self) -> bool {
        self.kx & (K_PSK_ALL | K_SRP) != 0
    }
}

/// An OpenSSL build whose cipher-string behaviour cipherdex reproduces.
///
/// | target | differences |
/// |---|---|
/// | `OpenSsl30` (default) | OpenSSL 3.0/3.1 default build, default provider: no RC4, DES, 3DES, IDEA, SEED, GOST, export; CCM8 suites are `HIGH` |
/// | `OpenSsl32` | 3.2 to 3.4: as 3.0, but the CCM8 suites are `MEDIUM` with 64 strength bits; default security level 2 |
/// | `OpenSsl35` | 3.5 and later: the ciphers and security levels of 3.2; its defaults ([`crate::defaults::openssl`]) put X25519MLKEM768 first, in group tuples |
/// | `OpenSsl111` | 1.1.1 default build: as 3.0, plus IDEA-CBC-SHA and the SEED suites; no `CBC` keyword |
/// | `OpenSsl111Weak` | 1.1.1 built with `enable-weak-ssl-ciphers`: plus the RC4 and 3DES suites |
///
/// ```
/// use cipherdex::openssl::Release;
/// assert_eq!("3.0".parse::<Release>().unwrap(), Release::OpenSsl30);
/// assert_eq!("1.1.1w".parse::<Release>().unwrap(), Release::OpenSsl111);
/// assert_eq!("3.4".parse::<Release>().unwrap(), Release::OpenSsl32);
/// assert_eq!("3.5.1".parse::<Release>().unwrap(), Release::OpenSsl35);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Release {
    /// OpenSSL 1.1.1, default build.
    OpenSsl111,
    /// OpenSSL 1.1.1 built with `enable-weak-ssl-ciphers` (RC4, 3DES).
    OpenSsl111Weak,
    /// OpenSSL 3.0 and 3.1, default build and provider.
    OpenSsl30,
    /// OpenSSL 3.2 to 3.4, default build and provider.
    OpenSsl32,
    /// OpenSSL 3.5 and later, default build and provider.
    OpenSsl35,
}

impl Release {
    /// Every target, oldest first.
    pub const ALL: [Release; 5] = [
        Release::OpenSsl111,
        Release::OpenSsl111Weak,
        Release::OpenSsl30,
        Release::OpenSsl32,
        Release::OpenSsl35,
    ];

    /// A short label: `1.1.1`, `1.1.1-weak`, `3.0`, `3.2` or `3.5`.
    ///
    /// ```
    /// assert_eq!(cipherdex::openssl::Release::OpenSsl32.label(), "3.2");
    /// ```
    pub fn label(self) -> &'static str {
        self.row().label
    }

    /// The release's row of `data/openssl-releases.csv` (the build keeps
    /// the rows in the order of [`Release::ALL`]).
    fn row(self) -> &'static OpenSslReleaseRow {
        let i = match self {
            Release::OpenSsl111 => 0,
            Release::OpenSsl111Weak => 1,
            Release::OpenSsl30 => 2,
            Release::OpenSsl32 => 3,
            Release::OpenSsl35 => 4,
        };
        &OPENSSL_RELEASES[i]
    }

    /// Whether the release stands for OpenSSL `version` (dotted numbers,
    /// missing parts 0), built with weak ciphers or not.
    fn covers(self, version: &[u16], weak: bool) -> bool {
        let row = self.row();
        let part = |v: &[u16], i: usize| v.get(i).copied().unwrap_or(0);
        let from = (0..3)
            .map(|i| part(version, i))
            .cmp((0..3).map(|i| part(row.first, i)));
        let to = (0..row.last.len())
            .map(|i| part(version, i))
            .cmp(row.last.iter().copied());
        row.weak == weak && from.is_ge() && to.is_le()
    }

    /// The target's TLS <= 1.2 ciphers in OpenSSL's initial table order.
    ///
    /// ```
    /// assert_eq!(cipherdex::openssl::Release::OpenSsl30.ciphers().len(), 155);
    /// ```
    pub fn ciphers(self) -> &'static [OpenSslCipher] {
        match self {
            Release::OpenSsl111 => &CIPHERS_V111,
            Release::OpenSsl111Weak => &CIPHERS_V111_WEAK,
            Release::OpenSsl30 => &CIPHERS_V30,
            Release::OpenSsl32 => &CIPHERS_V32,
            Release::OpenSsl35 => &CIPHERS_V35,
        }
    }

    /// The target's TLS 1.3 ciphersuites.
    ///
    /// ```
    /// assert_eq!(cipherdex::openssl::Release::default().tls13_ciphersuites().len(), 5);
    /// ```
    pub fn tls13_ciphersuites(self) -> &'static [OpenSslCipher] {
        match self {
            Release::OpenSsl111 => &TLS13_V111,
            Release::OpenSsl111Weak => &TLS13_V111_WEAK,
            Release::OpenSsl30 => &TLS13_V30,
            Release::OpenSsl32 => &TLS13_V32,
            Release::OpenSsl35 => &TLS13_V35,
        }
    }

    fn initial_list(self) -> &'static List {
        static V111: List = List::initial(&CIPHERS_V111);
        static V111_WEAK: List = List::initial(&CIPHERS_V111_WEAK);
        static V30: List = List::initial(&CIPHERS_V30);
        static V32: List = List::initial(&CIPHERS_V32);
        static V35: List = List::initial(&CIPHERS_V35);
        match self {
            Release::OpenSsl111 => &V111,
            Release::OpenSsl111Weak => &V111_WEAK,
            Release::OpenSsl30 => &V30,
            Release::OpenSsl32 => &V32,
            Release::OpenSsl35 => &V35,
        }
    }

    fn by_name(self) -> &'static [u8] {
        match self {
            Release::OpenSsl111 => &BY_NAME_V111,
            Release::OpenSsl111Weak => &BY_NAME_V111_WEAK,
            Release::OpenSsl30 => &BY_NAME_V30,
            Release::OpenSsl32 => &BY_NAME_V32,
            Release::OpenSsl35 => &BY_NAME_V35,
        }
    }

    /// The defaults of the release's plain build ([`crate::defaults::openssl`]):
    /// groups, key shares, group tuples, signature schemes where recorded,
    /// and security level; `None` where no row covers it.
    ///
    /// ```
    /// use cipherdex::openssl::Release;
    /// let d = Release::OpenSsl35.defaults().ok_or("no row")?;
    /// assert_eq!(d.groups().next().map(|g| g.iana_name()), Some("X25519MLKEM768"));
    /// assert_eq!(d.security_level(), Some(2));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn defaults(self) -> Option<&'static crate::defaults::PeerDefaults> {
        crate::defaults::openssl(self.label())
    }

    /// Looks up a TLS <= 1.2 cipher by its exact (case-sensitive) OpenSSL name,
    /// the way the cipher-string parser does.
    ///
    /// ```
    /// use cipherdex::openssl::Release;
    /// assert!(Release::OpenSsl30.cipher_by_name("DES-CBC3-SHA").is_none());
    /// assert!(Release::OpenSsl111Weak.cipher_by_name("DES-CBC3-SHA").is_some());
    /// ```
    pub fn cipher_by_name(self, name: &str) -> Option<&'static OpenSslCipher> {
        let table = self.ciphers();
        let idx = self.by_name();
        idx.binary_search_by(|&i| table[i as usize].name.cmp(name))
            .ok()
            .map(|k| &table[idx[k] as usize])
    }

    /// Looks up any suite of the target (TLS 1.3 included) by code point.
    ///
    /// ```
    /// let t = cipherdex::openssl::Release::default();
    /// assert_eq!(t.cipher_by_code(0x1301).unwrap().name(), "TLS_AES_128_GCM_SHA256");
    /// ```
    pub fn cipher_by_code(self, code: u16) -> Option<&'static OpenSslCipher> {
        self.ciphers()
            .iter()
            .chain(self.tls13_ciphersuites())
            .find(|c| c.code == code)
    }

    /// Algorithms the target cannot use at run time: (kx, au, enc, mac).
    fn disabled(self) -> (u32, u32, u32, u32) {
        let kx = K_GOST | K_GOST18;
        let au = A_GOST01 | A_GOST12;
        let mac = M_GOST94
            | M_GOST89MAC
            | M_GOST89MAC12
            | M_GOST12_256
            | M_GOST12_512
            | M_MAGMAOMAC
            | M_KUZNYECHIKOMAC;
        let mut enc = E_GOST;
        if matches!(
            self,
            Release::OpenSsl30 | Release::OpenSsl32 | Release::OpenSsl35
        ) {
            enc |= E_DES | E_RC4 | E_RC2 | E_IDEA | E_SEED;
        }
        (kx, au, enc, mac)
    }

    /// Whether OpenSSL puts this alias in its lookup list for this target (an
    /// alias whose algorithms are all unavailable is treated as unknown).
    fn has_alias(self, a: &keywords::Alias) -> bool {
        if a.since == 30 && matches!(self, Release::OpenSsl111 | Release::OpenSsl111Weak) {
            return false;
        }
        let (dk, da, de, dm) = self.disabled();
        (a.kx == 0 || a.kx & !dk != 0)
            && (a.au == 0 || a.au & !da != 0)
            && (a.enc == 0 || a.enc & !de != 0)
            && (a.mac == 0 || a.mac & !dm != 0)
    }

    /// Whether `word` is a keyword or cipher name of this target.
    ///
    /// ```
    /// use cipherdex::openssl::Release;
    /// assert!(Release::OpenSsl30.knows("HIGH"));
    /// assert!(!Release::OpenSsl30.knows("RC4"));
    /// assert!(Release::OpenSsl111Weak.knows("RC4"));
    /// ```
    pub fn knows(self, word: &str) -> bool {
        self.cipher_by_name(word).is_some()
            || keywords::ALIASES
                .iter()
                .any(|a| a.name == word && self.has_alias(a))
    }
}

/// The label of the release whose rules and defaults apply when none is
/// named (`data/meta.csv`'s `openssl_default_release`): what
/// [`Release::default`] is, whose defaults [`crate::negotiate::Peer::new`]
/// takes, and what `cipherdex negotiate` and `simulate` use without `--openssl`.
///
/// ```
/// use cipherdex::openssl::{Release, DEFAULT_RELEASE};
/// assert_eq!(Release::default().label(), DEFAULT_RELEASE);
/// assert_eq!(DEFAULT_RELEASE.parse::<Release>().ok(), Some(Release::default()));
/// ```
pub const DEFAULT_RELEASE: &str = crate::tables::OPENSSL_DEFAULT_RELEASE;

impl Default for Release {
    /// The release labelled [`DEFAULT_RELEASE`].
    fn default() -> Release {
        Release::ALL[crate::tables::OPENSSL_DEFAULT_RELEASE_INDEX]
    }
}

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.row().name)
    }
}

impl FromStr for Release {
    type Err = CipherStringError;

    /// Accepts `3.0`, `3.0.13`, `3.1`, `3.2` ... `3.9`, `1.1.1`, `1.1.1w`,
    /// `1.1.1-weak` (or `1.1.1+weak`), optionally prefixed by `openssl`/`OpenSSL `.
    fn from_str(s: &str) -> Result<Release, CipherStringError> {
        let t = s.trim();
        let t = t
            .strip_prefix("OpenSSL")
            .or_else(|| t.strip_prefix("openssl"))
            .unwrap_or(t)
            .trim_start_matches([' ', '-', '_']);
        let lower = t.to_ascii_lowercase();
        let (ver, weak) = match lower
            .strip_suffix("-weak")
            .or_else(|| lower.strip_suffix("+weak"))
        {
            Some(v) => (v, true),
            None => (lower.as_str(), false),
        };
        // Up to three dotted numbers; a letter after one (`1.1.1w`) is a
        // patch letter, a part without digits ends the version.
        let version: Vec<u16> = ver
            .split('.')
            .map(|p| {
                let digits: String = p.chars().take_while(|c| c.is_ascii_digit()).collect();
                digits.parse::<u16>().ok()
            })
            .take_while(Option::is_some)
            .flatten()
            .take(3)
            .collect();
        Release::ALL
            .into_iter()
            .find(|r| !version.is_empty() && r.covers(&version, weak))
            .ok_or_else(|| CipherStringError::UnknownRelease(s.to_string()))
    }
}

/// A problem OpenSSL silently ignores but cipherdex reports.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// A word that is neither a keyword nor a cipher name of the target;
    /// OpenSSL ignores the whole term containing it.
    UnknownWord {
        /// The word as written.
        word: String,
        /// Byte offset in the string.
        position: usize,
        /// A close known word, if any.
        suggestion: Option<String>,
        /// Set when the word selects suites in another target (e.g. `RC4` in 1.1.1 with weak ciphers).
        known_in: Option<Release>,
    },
    /// A `+` combination whose parts exclude each other (e.g. `AES+CHACHA20`);
    /// OpenSSL ignores it.
    EmptyCombination {
        /// The term as written.
        term: String,
        /// Byte offset in the string.
        position: usize,
    },
    /// Text after an `@` command up to the next separator, which OpenSSL skips.
    IgnoredText {
        /// The skipped text.
        text: String,
        /// Byte offset in the string.
        position: usize,
    },
}

impl Warning {
    fn unknown(target: Release, word: &str, position: usize) -> Warning {
        let known_in = Release::ALL.into_iter().find(|t| {
            *t != target
                && (t.cipher_by_name(word).is_some()
                    || keywords::ALIASES
                        .iter()
                        .any(|a| a.name == word && eval::alias_selects(*t, a)))
        });
        Warning::UnknownWord {
            word: word.to_string(),
            position,
            suggestion: suggest(target, word),
            known_in,
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::UnknownWord {
                word,
                position,
                suggestion,
                known_in,
            } => {
                write!(
                    f,
                    "unknown word `{word}` at byte {position} (ignored, as OpenSSL does)"
                )?;
                if let Some(t) = known_in {
                    write!(f, "; it exists in {t} but not in this target")?;
                }
                if let Some(s) = suggestion {
                    write!(f, "; did you mean `{s}`?")?;
                }
                Ok(())
            }
            Warning::EmptyCombination { term, position } => write!(
                f,
                "`{term}` at byte {position} combines keywords that no suite has together (ignored)"
            ),
            Warning::IgnoredText { text, position } => write!(
                f,
                "`{text}` at byte {position} follows an @ command and is ignored"
            ),
        }
    }
}

/// Finds a close known word: same word in another case, or within two edits.
fn suggest(target: Release, word: &str) -> Option<String> {
    let names = target
        .ciphers()
        .iter()
        .map(|c| c.name)
        .chain(
            keywords::ALIASES
                .iter()
                .filter(|a| target.has_alias(a))
                .map(|a| a.name),
        )
        .chain(keywords::SUITEB.iter().map(|(n, _)| *n));
    let mut best: Option<(usize, &str)> = None;
    let upper = word.to_ascii_uppercase();
    for n in names {
        if n.eq_ignore_ascii_case(word) {
            return Some(n.to_string());
        }
        // Lengths that differ by more than two are more than two edits apart:
        // skipping them keeps a megabyte-long word from costing minutes.
        if word.len() > 2 && n.len().abs_diff(word.len()) <= 2 {
            let d = crate::distance::levenshtein(&upper, &n.to_ascii_uppercase());
            if d <= 2 && best.map_or(true, |(bd, _)| d < bd) {
                best = Some((d, n));
            }
        }
    }
    best.map(|(_, n)| n.to_string())
}

/// Why a cipher string or ciphersuites list was rejected. OpenSSL rejects the
/// same strings (`openssl ciphers` prints "Error in cipher list").
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CipherStringError {
    /// A character that is neither a word character, an operator nor a
    /// separator, where OpenSSL expects a word (OpenSSL: "invalid command").
    InvalidCommand {
        /// Byte offset in the string.
        position: usize,
        /// The offending character (`None`: the string ended).
        found: Option<char>,
    },
    /// An `@` command other than `@STRENGTH` or `@SECLEVEL=0`..`@SECLEVEL=5`.
    BadSpecial {
        /// Byte offset of the `@`.
        position: usize,
        /// The command after `@`.
        command: String,
    },
    /// The cipher string selects no TLS <= 1.2 suite (OpenSSL: "no cipher match").
    NoCipherMatch,
    /// A non-empty TLS 1.3 ciphersuites list names no known TLS 1.3 suite.
    NoCiphersuiteMatch,
    /// A target version string that cipherdex does not model.
    UnknownRelease(String),
}

impl fmt::Display for CipherStringError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CipherStringError::InvalidCommand { position, found: Some(c) } => write!(
                f,
                "invalid character `{c}` at byte {position}: OpenSSL rejects the whole string \
                 (\"invalid command\"); words use only letters, digits and `-_.=`, terms are \
                 separated by `:`, `,`, `;` or space, and may start with one of `!`, `-`, `+`, `@`"
            ),
            CipherStringError::InvalidCommand { position, found: None } => write!(
                f,
                "a word is missing at byte {position} (after `+` or `@`, or at the end): OpenSSL \
                 rejects the whole string (\"invalid command\"); write e.g. `ECDHE+AESGCM` or `@STRENGTH`"
            ),
            CipherStringError::BadSpecial { position, command } => write!(
                f,
                "unknown command `@{command}` at byte {position}: OpenSSL rejects the whole string; \
                 the only @ commands are `@STRENGTH` and `@SECLEVEL=0` to `@SECLEVEL=5`"
            ),
            CipherStringError::NoCipherMatch => f.write_str(
                "the cipher string selects no TLS 1.2-or-older suite, so OpenSSL fails with \
                 \"no cipher match\"; start from a keyword such as `HIGH`, `ECDHE+AESGCM` or `DEFAULT`",
            ),
            CipherStringError::NoCiphersuiteMatch => f.write_str(
                "the TLS 1.3 ciphersuites list names no known TLS 1.3 suite (\"no cipher match\"); \
                 use exact names separated by `:`, e.g. `TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256`",
            ),
            CipherStringError::UnknownRelease(s) => write!(
                f,
                "unknown OpenSSL version `{s}`: use 1.1.1, 1.1.1-weak, 3.0, 3.1, 3.2 to 3.4, or 3.5 and later (e.g. `3.6`)"
            ),
        }
    }
}

impl std::error::Error for CipherStringError {}

/// The result of evaluating a cipher string: suites in OpenSSL's order.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Expansion {
    target: Release,
    ciphers: Vec<&'static OpenSslCipher>,
    tls13: usize,
    warnings: Vec<Warning>,
    sec_level: Option<u8>,
}

impl Expansion {
    /// All selected suites in order: TLS 1.3 ones first (if any were
    /// requested), then TLS <= 1.2 ones.
    ///
    /// ```
    /// let x = cipherdex::openssl::evaluate("kRSA+AESGCM", Default::default()).unwrap();
    /// let names: Vec<_> = x.ciphers().iter().map(|c| c.name()).collect();
    /// assert_eq!(names, ["AES256-GCM-SHA384", "AES128-GCM-SHA256"]);
    /// ```
    pub fn ciphers(&self) -> &[&'static OpenSslCipher] {
        &self.ciphers
    }
    /// The selected suites as knowledge-base entries, in order.
    ///
    /// ```
    /// let x = cipherdex::openssl::evaluate("AES128-SHA", Default::default()).unwrap();
    /// assert_eq!(x.suites()[0].code(), 0x002F);
    /// ```
    pub fn suites(&self) -> Vec<&'static crate::suite::Suite> {
        self.ciphers.iter().map(|c| c.suite()).collect()
    }
    /// The TLS 1.3 part.
    ///
    /// ```
    /// let x = cipherdex::openssl::evaluate_full("HIGH", None, Default::default()).unwrap();
    /// assert_eq!(x.tls13().len(), 3);
    /// ```
    pub fn tls13(&self) -> &[&'static OpenSslCipher] {
        &self.ciphers[..self.tls13]
    }
    /// The TLS <= 1.2 part.
    ///
    /// ```
    /// let x = cipherdex::openssl::evaluate("AES128-SHA", Default::default()).unwrap();
    /// assert_eq!(x.tls12()[0].code(), 0x002F);
    /// ```
    pub fn tls12(&self) -> &[&'static OpenSslCipher] {
        &self.ciphers[self.tls13..]
    }
    /// Code points in order.
    ///
    /// ```
    /// let x = cipherdex::openssl::evaluate("AES128-SHA", Default::default()).unwrap();
    /// assert_eq!(x.codes(), [0x002F]);
    /// ```
    pub fn codes(&self) -> Vec<u16> {
        self.ciphers.iter().map(|c| c.code).collect()
    }
    /// What OpenSSL silently ignored.
    ///
    /// ```
    /// let x = cipherdex::openssl::evaluate("HIGH:!md5", Default::default()).unwrap();
    /// assert_eq!(x.warnings().len(), 1);
    /// assert!(x.warnings()[0].to_string().contains("did you mean `MD5`"));
    /// ```
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
    /// The last `@SECLEVEL=n` in the string. It does not filter this list
    /// (neither does `openssl ciphers` without `-s`); it applies later, when
    /// a connection is made.
    ///
    /// ```
    /// let x = cipherdex::openssl::evaluate("HIGH:@SECLEVEL=0", Default::default()).unwrap();
    /// assert_eq!(x.sec_level(), Some(0));
    /// ```
    pub fn sec_level(&self) -> Option<u8> {
        self.sec_level
    }
    /// The target this was evaluated for.
    ///
    /// ```
    /// let x = cipherdex::openssl::evaluate("HIGH", Default::default()).unwrap();
    /// assert_eq!(x.target(), cipherdex::openssl::Release::OpenSsl30);
    /// ```
    pub fn target(&self) -> Release {
        self.target
    }
    /// The names joined by `:`, as `openssl ciphers` prints them.
    ///
    /// ```
    /// let x = cipherdex::openssl::evaluate("ECDHE-RSA-AES128-SHA:AES128-SHA", Default::default()).unwrap();
    /// assert_eq!(x.to_string(), "ECDHE-RSA-AES128-SHA:AES128-SHA");
    /// ```
    pub fn names(&self) -> Vec<&'static str> {
        self.ciphers.iter().map(|c| c.name).collect()
    }
}

impl fmt::Display for Expansion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.names().join(":"))
    }
}

/// Evaluates a TLS <= 1.2 cipher string (`SSL_CTX_set_cipher_list`), like
/// `openssl ciphers -ciphersuites '' STRING`.
///
/// ```
/// use cipherdex::openssl::{evaluate, CipherStringError, Release};
/// let x = evaluate("ECDHE+AESGCM:!ECDSA", Release::OpenSsl30).unwrap();
/// assert_eq!(x.names(), ["ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256"]);
/// assert_eq!(evaluate("RC4", Release::OpenSsl30), Err(CipherStringError::NoCipherMatch));
/// ```
pub fn evaluate(cipher_list: &str, target: Release) -> Result<Expansion, CipherStringError> {
    let mut warnings = Vec::new();
    let mut sec_level = None;
    let mut list = *target.initial_list();
    let mut rule = cipher_list;
    let mut base = 0;
    if let Some((_, replacement)) = keywords::SUITEB
        .iter()
        .find(|(p, _)| cipher_list.starts_with(p))
    {
        rule = replacement;
    } else if let Some(rest) = cipher_list.strip_prefix("DEFAULT") {
        eval::process(
            target,
            keywords::DEFAULT_RULE,
            0,
            &mut list,
            &mut Vec::new(),
            &mut sec_level,
        )?;
        base = 7;
        rule = rest;
        if let Some(r) = rule.strip_prefix(':') {
            rule = r;
            base = 8;
        }
    }
    eval::process(target, rule, base, &mut list, &mut warnings, &mut sec_level)?;
    let ciphers: Vec<&'static OpenSslCipher> = list.active().collect();
    if ciphers.is_empty() {
        return Err(CipherStringError::NoCipherMatch);
    }
    Ok(Expansion {
        target,
        ciphers,
        tls13: 0,
        warnings,
        sec_level,
    })
}

/// Evaluates a TLS 1.3 ciphersuites list (`SSL_CTX_set_ciphersuites`,
/// `openssl ciphers -ciphersuites LIST`): exact, case-sensitive IANA names
/// separated by `:`, unknown names ignored. An empty list is allowed and
/// selects nothing.
///
/// ```
/// use cipherdex::openssl::{evaluate_ciphersuites, Release};
/// let x = evaluate_ciphersuites("TLS_AES_128_GCM_SHA256:TLS_FOO", Release::OpenSsl30).unwrap();
/// assert_eq!(x.names(), ["TLS_AES_128_GCM_SHA256"]);
/// assert_eq!(x.warnings().len(), 1);
/// ```
pub fn evaluate_ciphersuites(list: &str, target: Release) -> Result<Expansion, CipherStringError> {
    let mut warnings = Vec::new();
    let mut ciphers = Vec::new();
    let mut pos = 0;
    for elem in list.split(':') {
        let name = elem.trim_matches(|c: char| c.is_ascii_whitespace());
        let start = pos
            + (elem.len()
                - elem
                    .trim_start_matches(|c: char| c.is_ascii_whitespace())
                    .len());
        pos += elem.len() + 1;
        if list.is_empty() {
            break;
        }
        match target.tls13_ciphersuites().iter().find(|c| c.name == name) {
            Some(c) => ciphers.push(c),
            None => {
                let suggestion = target
                    .tls13_ciphersuites()
                    .iter()
                    .find(|c| c.name.eq_ignore_ascii_case(name))
                    .map(|c| c.name.to_string());
                warnings.push(Warning::UnknownWord {
                    word: name.to_string(),
                    position: start,
                    suggestion,
                    known_in: None,
                });
            }
        }
    }
    if !list.is_empty() && ciphers.is_empty() {
        return Err(CipherStringError::NoCiphersuiteMatch);
    }
    let tls13 = ciphers.len();
    Ok(Expansion {
        target,
        ciphers,
        tls13,
        warnings,
        sec_level: None,
    })
}

/// Evaluates both lists the way an OpenSSL `SSL_CTX` combines them: the TLS
/// 1.3 suites first, then the cipher string's. `ciphersuites: None` means
/// OpenSSL's default TLS 1.3 list
/// (`TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256`).
///
/// ```
/// let x = cipherdex::openssl::evaluate_full("ECDHE+AESGCM", Some(""), Default::default()).unwrap();
/// assert_eq!(x.tls13().len(), 0);
/// ```
pub fn evaluate_full(
    cipher_list: &str,
    ciphersuites: Option<&str>,
    target: Release,
) -> Result<Expansion, CipherStringError> {
    let t13 = evaluate_ciphersuites(
        ciphersuites.unwrap_or(keywords::DEFAULT_CIPHERSUITES),
        target,
    )?;
    let t12 = evaluate(cipher_list, target)?;
    let mut ciphers = t13.ciphers;
    let tls13 = ciphers.len();
    ciphers.extend(t12.ciphers);
    let mut warnings = t13.warnings;
    warnings.extend(t12.warnings);
    Ok(Expansion {
        target,
        ciphers,
        tls13,
        warnings,
        sec_level: t12.sec_level,
    })
}

/// The default TLS 1.3 ciphersuites list of OpenSSL 1.1.1 and 3.x.
///
/// ```
/// assert!(cipherdex::openssl::DEFAULT_CIPHERSUITES.starts_with("TLS_AES_256_GCM_SHA384"));
/// ```
pub const DEFAULT_CIPHERSUITES: &str = keywords::DEFAULT_CIPHERSUITES;
