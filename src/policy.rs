//! Named, dated policies: IANA Recommended, Mozilla Server Side TLS, Go
//! crypto/tls, NIST SP 800-52r2, BSI TR-02102-2 and the HTTP/2 block list.
//! Each answers "is this suite allowed?" with reasons; the list-shaped ones
//! (Mozilla above all) are also suite lists in their published order.
//!
//! ```
//! use cipherdex::Policy;
//! let p: &Policy = "mozilla-intermediate-5.7".parse()?;
//! let dhe = cipherdex::lookup("DHE-RSA-AES128-GCM-SHA256").ok_or("unknown")?;
//! assert!(p.verdict(dhe).allowed);
//! let newest: &Policy = "mozilla-intermediate".parse()?;
//! assert_eq!(newest.name(), "mozilla-intermediate-6.0");
//! assert!(!newest.verdict(dhe).allowed);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use crate::attrs::{Cipher, Protocols, Recommended};
use crate::records::{BsiSuite, GoList, GoSuite, KexDeprecation, NistSuite, Rule};
pub use crate::records::{MozillaConfig, MozillaLevel, Policy};
use crate::suite::Suite;
use crate::tables;
use crate::weakness::Weakness;

impl MozillaLevel {
    /// The three configurations.
    pub const ALL: &'static [MozillaLevel] = &[
        MozillaLevel::Modern,
        MozillaLevel::Intermediate,
        MozillaLevel::Old,
    ];

    /// `modern`, `intermediate` or `old`.
    pub const fn as_str(self) -> &'static str {
        match self {
            MozillaLevel::Modern => "modern",
            MozillaLevel::Intermediate => "intermediate",
            MozillaLevel::Old => "old",
        }
    }
}

impl fmt::Display for MozillaLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Error from parsing a [`MozillaLevel`].
///
/// ```
/// let e = "strict".parse::<cipherdex::policy::MozillaLevel>().unwrap_err();
/// assert!(e.to_string().contains("modern, intermediate, old"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MozillaLevelError(String);

impl fmt::Display for MozillaLevelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown Mozilla configuration {:?} (expected one of: modern, intermediate, old)",
            self.0
        )
    }
}

impl std::error::Error for MozillaLevelError {}

impl FromStr for MozillaLevel {
    type Err = MozillaLevelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MozillaLevel::ALL
            .iter()
            .copied()
            .find(|l| l.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| MozillaLevelError(s.to_string()))
    }
}

fn suites_of(codes: &'static [u32]) -> impl Iterator<Item = &'static Suite> + Clone {
    // Every code was checked against data/suites.csv at build time.
    codes.iter().filter_map(|c| Suite::from_code(*c))
}

impl MozillaConfig {
    /// Every configuration of every guideline version (5.0 to 6.0).
    pub fn all() -> &'static [MozillaConfig] {
        &tables::MOZILLA
    }

    /// The guideline version (`5.7`, `6.0`).
    pub fn version(&self) -> &'static str {
        self.version
    }

    /// Modern, intermediate or old.
    pub fn level(&self) -> MozillaLevel {
        self.level
    }

    /// The release date (`2023-05-15` for 5.7), from the generator's changelog.
    pub fn date(&self) -> Option<&'static str> {
        (!self.date.is_empty()).then_some(self.date)
    }

    /// The protocol versions the configuration enables.
    pub fn protocols(&self) -> Protocols {
        self.protocols
    }

    /// The TLS 1.2-and-older suites in the published order (the
    /// `openssl_ciphers` list, i.e. OpenSSL's `ssl_ciphers` order).
    pub fn tls12_suites(&self) -> impl Iterator<Item = &'static Suite> + Clone {
        suites_of(self.tls12)
    }

    /// The same suites in the order of Mozilla's `iana_ciphers` list
    /// (5.1 and later; empty for 5.0). In 5.1 to 5.7 it differs from
    /// [`tls12_suites`](Self::tls12_suites).
    pub fn tls12_iana_order(&self) -> impl Iterator<Item = &'static Suite> + Clone {
        suites_of(self.iana_order)
    }

    /// The TLS 1.3 suites (`ciphersuites`), in order.
    pub fn tls13_suites(&self) -> impl Iterator<Item = &'static Suite> + Clone {
        suites_of(self.tls13)
    }

    /// Every suite: TLS 1.3 first, then TLS 1.2, as OpenSSL offers them.
    pub fn suites(&self) -> impl Iterator<Item = &'static Suite> + Clone {
        self.tls13_suites().chain(self.tls12_suites())
    }
}

/// A Mozilla configuration by level and guideline version; `None` for the
/// newest version that has the level (`old` is last in 5.8: 6.0 has none).
///
/// ```
/// use cipherdex::policy::{self, MozillaLevel};
/// assert_eq!(policy::mozilla(MozillaLevel::Old, None).unwrap().version(), "5.8");
/// assert!(policy::mozilla(MozillaLevel::Old, Some("6.0")).is_none());
/// assert_eq!(policy::mozilla(MozillaLevel::Old, Some("5.0")).unwrap().tls12_suites().count(), 26);
/// ```
pub fn mozilla(level: MozillaLevel, version: Option<&str>) -> Option<&'static MozillaConfig> {
    let mut it = tables::MOZILLA.iter().filter(|m| m.level == level);
    match version {
        Some(v) => it.find(|m| m.version == v),
        None => it.max_by(|a, b| version_cmp(a.version, b.version)),
    }
}

fn version_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    // The numbers in order, compared as sequences (no allocation: the
    // `show` card compares versions for every suite).
    fn numbers(s: &str) -> impl Iterator<Item = u32> + '_ {
        s.split(|c: char| !c.is_ascii_digit())
            .filter_map(|p| p.parse().ok())
    }
    numbers(a).cmp(numbers(b))
}

/// The HTTP/2 block list (RFC 9113 Appendix A, from RFC 7540), in the RFC's order.
///
/// ```
/// let first = cipherdex::policy::http2_blocklist().next().unwrap();
/// assert_eq!(first.canonical_name(), "TLS_NULL_WITH_NULL_NULL");
/// assert_eq!(cipherdex::policy::http2_blocklist().count(), 276);
/// ```
pub fn http2_blocklist() -> impl Iterator<Item = &'static Suite> + Clone {
    suites_of(&tables::HTTP2_BLOCKLIST)
}

/// Whether a policy allows a suite, and why.
///
/// ```
/// use cipherdex::Policy;
/// let p: &Policy = "bsi-tr-02102-2-2025-01".parse()?;
/// let v = p.verdict(cipherdex::lookup("DHE-RSA-AES128-GCM-SHA256").ok_or("?")?);
/// assert!(v.allowed);
/// assert!(v.reasons[0].to_string().contains("2029"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verdict {
    /// True if the policy allows the suite (signalling values are always allowed: no policy is about them).
    pub allowed: bool,
    /// Why, the decisive reason first (each displays as one sentence).
    pub reasons: Vec<Reason>,
}

impl Verdict {
    /// The reasons as one line, in order, separated by `"; "`.
    ///
    /// ```
    /// let p: &cipherdex::Policy = "nist-800-52r2".parse()?;
    /// let v = p.verdict(cipherdex::lookup("ECDHE-PSK-CHACHA20-POLY1305").ok_or("?")?);
    /// assert!(v.reasons_line().starts_with("not in SP 800-52r2's suite lists; ChaCha20"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reasons_line(&self) -> String {
        let mut out = String::new();
        for (i, r) in self.reasons.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            out.push_str(&r.to_string());
        }
        out
    }
}

/// A policy's verdict on a whole list of suites.
///
/// ```
/// use cipherdex::Policy;
/// let p: &Policy = "mozilla-intermediate".parse()?;
/// let list: Vec<_> = ["ECDHE-RSA-AES128-GCM-SHA256", "AES128-SHA"]
///     .iter()
///     .filter_map(|n| cipherdex::lookup(n))
///     .collect();
/// let v = p.audit(list.iter().copied());
/// assert!(!v.allowed());
/// assert_eq!((v.allowed_count(), v.denied_count()), (1, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ListVerdict {
    /// The policy asked.
    pub policy: &'static Policy,
    /// Each suite with its verdict, in input order.
    pub items: Vec<(&'static Suite, Verdict)>,
}

impl ListVerdict {
    /// True if the policy allows every suite of the list.
    pub fn allowed(&self) -> bool {
        self.items.iter().all(|(_, v)| v.allowed)
    }

    /// How many suites the policy allows.
    pub fn allowed_count(&self) -> usize {
        self.items.iter().filter(|(_, v)| v.allowed).count()
    }

    /// How many suites the policy does not allow.
    pub fn denied_count(&self) -> usize {
        self.items.len() - self.allowed_count()
    }

    /// The suites the policy does not allow, with their verdicts.
    pub fn denied(&self) -> impl Iterator<Item = &(&'static Suite, Verdict)> {
        self.items.iter().filter(|(_, v)| !v.allowed)
    }
}

impl Policy {
    /// Every policy: IANA, Mozilla (by configuration, oldest version
    /// first), Go, NIST, BSI, HTTP/2.
    pub fn all() -> &'static [Policy] {
        &tables::POLICIES
    }

    /// The stable name (`mozilla-intermediate-5.7`).
    pub fn name(&self) -> &'static str {
        self.0.name
    }

    /// The family (`mozilla-intermediate`): the name without the version.
    pub fn family(&self) -> &'static str {
        self.0.family
    }

    /// The version within the family (`5.7`, `2025-01`, `rev2`).
    pub fn version(&self) -> &'static str {
        self.0.version
    }

    /// The publication date of this version (`2025-01-21`, or `2019-08`), where known.
    pub fn date(&self) -> Option<&'static str> {
        (!self.0.date.is_empty()).then_some(self.0.date)
    }

    /// One line saying what the policy is.
    pub fn title(&self) -> &'static str {
        self.0.title
    }

    /// Where cipherdex's copy of it comes from (see `data/README.md`).
    pub fn source(&self) -> &'static str {
        self.0.source
    }

    /// True if this is the newest version of its family (what the family name alone means).
    pub fn is_newest(&self) -> bool {
        Policy::newest_versions()
            .iter()
            .any(|p| std::ptr::eq(*p, self))
    }

    /// The newest version of every family, in [`Policy::all`] order
    /// (computed on the first call).
    ///
    /// ```
    /// let newest = cipherdex::Policy::newest_versions();
    /// assert!(newest.iter().all(|p| p.is_newest()));
    /// assert!(newest.iter().any(|p| p.family() == "mozilla-intermediate"));
    /// ```
    pub fn newest_versions() -> &'static [&'static Policy] {
        static NEWEST: OnceLock<Vec<&'static Policy>> = OnceLock::new();
        NEWEST.get_or_init(|| {
            Policy::all()
                .iter()
                .filter(|p| newest(p.family()).is_some_and(|n| std::ptr::eq(n, *p)))
                .collect()
        })
    }

    /// The Mozilla configuration behind a Mozilla policy.
    ///
    /// ```
    /// let p: &cipherdex::Policy = "mozilla-old-5.7".parse()?;
    /// assert_eq!(p.mozilla_config().unwrap().tls12_suites().count(), 26);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mozilla_config(&self) -> Option<&'static MozillaConfig> {
        match self.0.rule {
            Rule::Mozilla(i) => tables::MOZILLA.get(i),
            _ => None,
        }
    }

    /// Looks a policy up by name; same as `name.parse::<&Policy>()`.
    ///
    /// ```
    /// let e = cipherdex::Policy::named("mozila-intermediate").unwrap_err();
    /// assert!(e.to_string().contains("did you mean mozilla-intermediate"));
    /// ```
    pub fn named(name: &str) -> Result<&'static Policy, PolicyError> {
        name.parse()
    }

    /// The suites the policy allows, in the policy's own order where it has
    /// one (Mozilla: TLS 1.3 list then the published TLS 1.2 list; NIST and
    /// BSI: document order), else by code. Signalling values are left out.
    ///
    /// ```
    /// let p: &cipherdex::Policy = "nist-800-52r2".parse()?;
    /// assert_eq!(p.suites().len(), 70);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn suites(&self) -> Vec<&'static Suite> {
        match self.0.rule {
            Rule::Mozilla(i) => tables::MOZILLA[i].suites().collect(),
            Rule::Nist => suites_of_rows(tables::NIST.iter().map(|r| r.code)),
            Rule::Bsi(ed) => suites_of_rows(
                tables::BSI
                    .iter()
                    .filter(|r| r.edition == ed)
                    .map(|r| r.code),
            ),
            _ => Suite::all()
                .iter()
                .filter(|s| !s.is_signalling() && self.verdict(s).allowed)
                .collect(),
        }
    }

    /// True if the policy allows the suite: the same answer as
    /// [`verdict`](Self::verdict)`.allowed`.
    ///
    /// ```
    /// let p: &cipherdex::Policy = "go-default".parse()?;
    /// assert!(p.allows(cipherdex::lookup("ECDHE-RSA-AES128-GCM-SHA256").ok_or("?")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allows(&self, s: &Suite) -> bool {
        self.verdict(s).allowed
    }

    /// The policy's verdict on one suite.
    ///
    /// ```
    /// let p: &cipherdex::Policy = "http2".parse()?;
    /// let v = p.verdict(cipherdex::lookup("AES128-GCM-SHA256").ok_or("?")?);
    /// assert!(!v.allowed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verdict(&self, s: &Suite) -> Verdict {
        if s.is_signalling() {
            return verdict(true, Reason::NotACipherSuite);
        }
        let mut v = match self.0.rule {
            Rule::Iana(rfc10015) => iana(s, rfc10015),
            Rule::Mozilla(i) => mozilla_verdict(s, &tables::MOZILLA[i]),
            Rule::Go(list, newer) => go(s, list, newer),
            Rule::Nist => nist(s),
            Rule::Bsi(ed) => bsi(s, ed),
            Rule::Http2 => http2(s),
        };
        if !v.allowed && s.weaknesses().contains(Weakness::NationalCipher) {
            v.reasons.push(Reason::NationalCipher);
        }
        v
    }

    /// The policy's verdict on every suite of a list, in order.
    pub fn audit<I>(&'static self, suites: I) -> ListVerdict
    where
        I: IntoIterator<Item = &'static Suite>,
    {
        ListVerdict {
            policy: self,
            items: suites.into_iter().map(|s| (s, self.verdict(s))).collect(),
        }
    }
}

impl PartialEq for Policy {
    /// Policies are static: two are equal when they are the same one.
    fn eq(&self, other: &Policy) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Policy {}

impl fmt::Display for Policy {
    /// The name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

fn suites_of_rows(codes: impl Iterator<Item = u32>) -> Vec<&'static Suite> {
    codes.filter_map(Suite::from_code).collect()
}

fn verdict(allowed: bool, reason: Reason) -> Verdict {
    Verdict {
        allowed,
        reasons: vec![reason],
    }
}

fn iana(s: &Suite, rfc10015: bool) -> Verdict {
    // The registry copy is the policy without RFC 10015's marks: its version
    // names the copy, its date the day it was taken.
    let copy = Policy::all().iter().find(|q| q.0.rule == Rule::Iana(false));
    if rfc10015 {
        if let Ok(i) = tables::KEX_DEPRECATED.binary_search_by_key(&s.code(), |k| k.code) {
            let KexDeprecation {
                category,
                requirement,
                ..
            } = tables::KEX_DEPRECATED[i];
            return verdict(
                false,
                Reason::KexDeprecated {
                    category,
                    requirement,
                    registry: copy.map_or("unknown date", Policy::version),
                    registry_says: s.iana_recommended(),
                },
            );
        }
    }
    let date = copy.and_then(Policy::date).unwrap_or("unknown date");
    match s.iana_recommended() {
        Some(value) => verdict(
            value == Recommended::Yes,
            Reason::IanaRecommended {
                value,
                registry: date,
            },
        ),
        None => verdict(false, Reason::NotInIana),
    }
}

fn position(list: &[u32], code: u32) -> Option<usize> {
    list.iter().position(|c| *c == code).map(|i| i + 1)
}

fn mozilla_verdict(s: &Suite, m: &MozillaConfig) -> Verdict {
    let code = s.code();
    if let Some(position) = position(m.tls13, code) {
        return verdict(
            true,
            Reason::InMozilla {
                level: m.level,
                version: m.version,
                tls13: true,
                position,
                of: m.tls13.len(),
                protocols: m.protocols,
            },
        );
    }
    if let Some(position) = position(m.tls12, code) {
        return verdict(
            true,
            Reason::InMozilla {
                level: m.level,
                version: m.version,
                tls13: false,
                position,
                of: m.tls12.len(),
                protocols: m.protocols,
            },
        );
    }
    let mut reasons = vec![Reason::NotInMozilla {
        level: m.level,
        version: m.version,
    }];
    // Where else it is: the newest configuration that still lists it.
    if let Some(o) = newest_mozilla_listing(code) {
        reasons.push(Reason::LastInMozilla {
            level: o.level,
            version: o.version,
        });
    }
    Verdict {
        allowed: false,
        reasons,
    }
}

/// The newest Mozilla configuration that lists `code` (of two with one
/// version, the higher level). A table by code, built on the first call:
/// a `show` card asks for every suite not in the newest configurations.
fn newest_mozilla_listing(code: u32) -> Option<&'static MozillaConfig> {
    static BY_CODE: OnceLock<Vec<(u32, usize)>> = OnceLock::new();
    let by_code = BY_CODE.get_or_init(|| {
        let newer = |a: &MozillaConfig, b: &MozillaConfig| {
            version_cmp(a.version, b.version).then(b.level.cmp(&a.level))
        };
        let mut all: Vec<(u32, usize)> = Vec::new();
        for (i, o) in tables::MOZILLA.iter().enumerate() {
            all.extend(o.tls12.iter().chain(o.tls13).map(|&c| (c, i)));
        }
        // Stable: within one code, configurations stay in table order, and
        // of equals the later one wins, as `Iterator::max_by` picks.
        all.sort_by_key(|&(c, _)| c);
        let mut newest: Vec<(u32, usize)> = Vec::new();
        for (c, i) in all {
            match newest.last_mut() {
                Some(last) if last.0 == c => {
                    if newer(&tables::MOZILLA[i], &tables::MOZILLA[last.1]).is_ge() {
                        last.1 = i;
                    }
                }
                _ => newest.push((c, i)),
            }
        }
        newest
    });
    let i = by_code.binary_search_by_key(&code, |&(c, _)| c).ok()?;
    tables::MOZILLA.get(by_code[i].1)
}

fn go(s: &Suite, list: GoList, newer: bool) -> Verdict {
    let newest = tables::GO_NEWER;
    let (first, last) = if newer {
        (tables::GO_NEWER_SINCE, newest)
    } else {
        (tables::GO_OLDER, tables::GO_OLDER)
    };
    let Ok(i) = tables::GO.binary_search_by_key(&s.code(), |g| g.code) else {
        return verdict(false, Reason::GoNotImplemented);
    };
    let GoSuite {
        secure_older: secure21,
        secure_newer: secure24,
        default_newest: default24,
        why_not_default: why,
        ..
    } = tables::GO[i];
    let secure = if newer { secure24 } else { secure21 };
    match list {
        GoList::Secure | GoList::Implemented if secure => {
            verdict(true, Reason::GoSecure { first, last })
        }
        GoList::Secure => verdict(false, Reason::GoInsecure { first, last }),
        GoList::Implemented => verdict(true, Reason::GoInsecureOptIn { first, last }),
        GoList::Default => verdict(
            default24,
            Reason::GoDefault {
                release: newest,
                enabled: default24,
                why_not: (!default24 && !why.is_empty()).then_some(why),
            },
        ),
    }
}

fn nist(s: &Suite) -> Verdict {
    if let Some(NistSuite {
        tls, cert, section, ..
    }) = tables::NIST.iter().find(|r| r.code == s.code())
    {
        return verdict(true, Reason::InNist { section, cert, tls });
    }
    let mut v = verdict(false, Reason::NotInNist);
    if s.cipher() == Cipher::ChaCha20 {
        v.reasons.push(Reason::NotNistApproved);
    }
    if s.kex().uses_psk() {
        v.reasons.push(Reason::NistPskNotInData);
    }
    v
}

fn bsi(s: &Suite, edition: &'static str) -> Verdict {
    let row = tables::BSI
        .iter()
        .find(|r| r.code == s.code() && r.edition == edition);
    match row {
        Some(BsiSuite {
            tls,
            until,
            may_extend,
            note,
            ..
        }) => Verdict {
            allowed: true,
            reasons: vec![
                Reason::InBsi {
                    edition,
                    tls,
                    until: *until,
                    may_extend: *may_extend,
                },
                Reason::Note(note),
            ],
        },
        None => verdict(false, Reason::NotInBsi { edition }),
    }
}

fn http2(s: &Suite) -> Verdict {
    match position(&tables::HTTP2_BLOCKLIST, s.code()) {
        Some(entry) => verdict(false, Reason::Http2Blocked { entry }),
        None => verdict(true, Reason::Http2NotBlocked),
    }
}

/// One reason of a [`Verdict`]: a fact from the policy's document, with what
/// it says about the suite. Its [`Display`](fmt::Display) is one sentence;
/// [`id`](Reason::id) is a stable snake_case name for programs.
///
/// ```
/// use cipherdex::policy::Reason;
/// use cipherdex::Policy;
/// let p: &Policy = "http2".parse()?;
/// let v = p.verdict(cipherdex::lookup("AES128-GCM-SHA256").ok_or("?")?);
/// assert!(matches!(v.reasons[0], Reason::Http2Blocked { entry: _ }));
/// assert_eq!(v.reasons[0].id(), "http2_blocked");
/// assert!(v.reasons[0].to_string().starts_with("on the HTTP/2 block list"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// A signalling or GREASE value: no policy is about them (always allowed).
    NotACipherSuite,
    /// A GOST or SM4 suite that the policy leaves out (added to a denial).
    NationalCipher,
    /// The suite's value in IANA's Recommended column.
    IanaRecommended {
        /// `Y`, `N` or `D`.
        value: Recommended,
        /// The date of the registry copy.
        registry: &'static str,
    },
    /// RFC 10015 deprecates the suite's key exchange.
    KexDeprecated {
        /// The key exchange category RFC 10015 names.
        category: &'static str,
        /// Its TLS 1.2 requirement level ("SHOULD NOT", "MUST NOT").
        requirement: &'static str,
        /// The date of the registry copy.
        registry: &'static str,
        /// What that registry copy still says.
        registry_says: Option<Recommended>,
    },
    /// The suite is not in the IANA registry.
    NotInIana,
    /// The suite is in this Mozilla configuration.
    InMozilla {
        /// The configuration's level.
        level: MozillaLevel,
        /// The guidelines' version.
        version: &'static str,
        /// In the TLS 1.3 list (else the TLS 1.2-and-older list).
        tls13: bool,
        /// 1-based position in that list.
        position: usize,
        /// The list's length.
        of: usize,
        /// The configuration's protocols.
        protocols: Protocols,
    },
    /// The suite is not in this Mozilla configuration.
    NotInMozilla {
        /// The configuration's level.
        level: MozillaLevel,
        /// The guidelines' version.
        version: &'static str,
    },
    /// The newest Mozilla configuration that still lists the suite.
    LastInMozilla {
        /// That configuration's level.
        level: MozillaLevel,
        /// The guidelines' version.
        version: &'static str,
    },
    /// Go's crypto/tls does not implement the suite.
    GoNotImplemented,
    /// In Go's `CipherSuites()`.
    GoSecure {
        /// The first Go release this holds for.
        first: &'static str,
        /// The last Go release this holds for (`first` when one release).
        last: &'static str,
    },
    /// In Go's `InsecureCipherSuites()`.
    GoInsecure {
        /// The first Go release this holds for.
        first: &'static str,
        /// The last Go release this holds for (`first` when one release).
        last: &'static str,
    },
    /// In Go's `InsecureCipherSuites()`, used only when configured.
    GoInsecureOptIn {
        /// The first Go release this holds for.
        first: &'static str,
        /// The last Go release this holds for (`first` when one release).
        last: &'static str,
    },
    /// Whether Go enables the suite by default.
    GoDefault {
        /// The Go release.
        release: &'static str,
        /// Enabled by default.
        enabled: bool,
        /// Why not, when Go says.
        why_not: Option<&'static str>,
    },
    /// Listed in NIST SP 800-52r2.
    InNist {
        /// The section that lists it.
        section: &'static str,
        /// The certificate it needs.
        cert: &'static str,
        /// The TLS versions.
        tls: &'static str,
    },
    /// Not in SP 800-52r2's suite lists.
    NotInNist,
    /// ChaCha20-Poly1305 is not a NIST-approved cipher.
    NotNistApproved,
    /// SP 800-52r2 Appendix C (PSK suites) is not in cipherdex's data.
    NistPskNotInData,
    /// Recommended by BSI TR-02102-2.
    InBsi {
        /// The edition.
        edition: &'static str,
        /// The TLS versions.
        tls: &'static str,
        /// The last year of the recommendation.
        until: u16,
        /// A later edition may extend it.
        may_extend: bool,
    },
    /// Not in this edition of BSI TR-02102-2.
    NotInBsi {
        /// The edition.
        edition: &'static str,
    },
    /// On the HTTP/2 block list (RFC 9113 Appendix A).
    Http2Blocked {
        /// 1-based entry number.
        entry: usize,
    },
    /// Not on the HTTP/2 block list.
    Http2NotBlocked,
    /// A remark from the policy's document, as written there.
    Note(&'static str),
}

impl Reason {
    /// A stable snake_case name for the kind of reason (`http2_blocked`, `in_mozilla`, ...).
    pub const fn id(&self) -> &'static str {
        match self {
            Reason::NotACipherSuite => "not_a_cipher_suite",
            Reason::NationalCipher => "national_cipher",
            Reason::IanaRecommended { .. } => "iana_recommended",
            Reason::KexDeprecated { .. } => "kex_deprecated",
            Reason::NotInIana => "not_in_iana",
            Reason::InMozilla { .. } => "in_mozilla",
            Reason::NotInMozilla { .. } => "not_in_mozilla",
            Reason::LastInMozilla { .. } => "last_in_mozilla",
            Reason::GoNotImplemented => "go_not_implemented",
            Reason::GoSecure { .. } => "go_secure",
            Reason::GoInsecure { .. } => "go_insecure",
            Reason::GoInsecureOptIn { .. } => "go_insecure_opt_in",
            Reason::GoDefault { .. } => "go_default",
            Reason::InNist { .. } => "in_nist",
            Reason::NotInNist => "not_in_nist",
            Reason::NotNistApproved => "not_nist_approved",
            Reason::NistPskNotInData => "nist_psk_not_in_data",
            Reason::InBsi { .. } => "in_bsi",
            Reason::NotInBsi { .. } => "not_in_bsi",
            Reason::Http2Blocked { .. } => "http2_blocked",
            Reason::Http2NotBlocked => "http2_not_blocked",
            Reason::Note(_) => "note",
        }
    }
}

/// `1.21`, or `1.22 to 1.24`.
struct GoReleases(&'static str, &'static str);

impl fmt::Display for GoReleases {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == self.1 {
            f.write_str(self.0)
        } else {
            write!(f, "{} to {}", self.0, self.1)
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Reason::NotACipherSuite => {
                f.write_str("not a cipher suite (signalling or GREASE value): no policy applies")
            }
            Reason::NationalCipher => {
                f.write_str("national cipher (GOST or SM4): this policy leaves them out")
            }
            Reason::IanaRecommended { value, registry } => {
                write!(f, "IANA Recommended = {value} (registry of {registry})")?;
                match value {
                    Recommended::Yes => Ok(()),
                    Recommended::No => f.write_str(": the IETF has made no statement for it"),
                    Recommended::Discouraged => f.write_str(": discouraged by RFC 9847"),
                }
            }
            Reason::KexDeprecated {
                category,
                requirement,
                registry,
                registry_says,
            } => write!(
                f,
                "D: RFC 10015 deprecates {category} key exchange (TLS 1.2 {requirement}); the registry copy of {registry} still says {}",
                registry_says.map_or("unassigned", Recommended::as_str)
            ),
            Reason::NotInIana => f.write_str("not in the IANA registry"),
            Reason::InMozilla {
                level,
                version,
                tls13: true,
                position,
                of,
                ..
            } => write!(f, "in Mozilla {level} {version}: TLS 1.3 suite {position} of {of}"),
            Reason::InMozilla {
                level,
                version,
                position,
                of,
                protocols,
                ..
            } => write!(
                f,
                "in Mozilla {level} {version}: TLS 1.2 suite {position} of {of} (protocols {protocols})"
            ),
            Reason::NotInMozilla { level, version } => {
                write!(f, "not in Mozilla {level} {version}")
            }
            Reason::LastInMozilla { level, version } => {
                write!(f, "last listed in Mozilla {level} {version}")
            }
            Reason::GoNotImplemented => f.write_str("Go crypto/tls does not implement it"),
            Reason::GoSecure { first, last } => {
                write!(f, "in CipherSuites() of Go {}", GoReleases(first, last))
            }
            Reason::GoInsecure { first, last } => write!(
                f,
                "Go {} lists it in InsecureCipherSuites()",
                GoReleases(first, last)
            ),
            Reason::GoInsecureOptIn { first, last } => write!(
                f,
                "in InsecureCipherSuites() of Go {}: used only when set in Config.CipherSuites",
                GoReleases(first, last)
            ),
            Reason::GoDefault {
                release,
                enabled: true,
                ..
            } => write!(f, "enabled by default in Go {release}"),
            Reason::GoDefault {
                release, why_not, ..
            } => {
                write!(f, "not enabled by default in Go {release}")?;
                match why_not {
                    Some(why) => write!(f, ": {why}"),
                    None => Ok(()),
                }
            }
            Reason::InNist { section, cert, tls } => {
                write!(f, "SP 800-52r2 {section}: {cert} certificate, TLS {tls}")?;
                if section == "Appendix D" {
                    f.write_str(" (RSA key transport, being phased out)")?;
                }
                Ok(())
            }
            Reason::NotInNist => f.write_str("not in SP 800-52r2's suite lists"),
            Reason::NotNistApproved => {
                f.write_str("ChaCha20-Poly1305 is not a NIST-approved cipher")
            }
            Reason::NistPskNotInData => f.write_str(
                "SP 800-52r2 Appendix C (PSK suites) is not in cipherdex's data: check the document",
            ),
            Reason::InBsi {
                edition,
                tls,
                until,
                may_extend,
            } => {
                write!(
                    f,
                    "BSI TR-02102-2 {edition} recommends it for TLS {tls} until the end of {until}"
                )?;
                if may_extend {
                    f.write_str(" (a later edition may extend it)")?;
                }
                Ok(())
            }
            Reason::NotInBsi { edition } => write!(f, "not in BSI TR-02102-2 {edition}"),
            Reason::Http2Blocked { entry } => write!(
                f,
                "on the HTTP/2 block list (RFC 9113 Appendix A, entry {entry}): an HTTP/2 peer may refuse it"
            ),
            Reason::Http2NotBlocked => {
                f.write_str("not on the HTTP/2 block list (RFC 9113 Appendix A)")
            }
            Reason::Note(note) => f.write_str(note),
        }
    }
}

/// The newest policy of a family (the last one in [`Policy::all`] order).
fn newest(family: &str) -> Option<&'static Policy> {
    Policy::all()
        .iter()
        .filter(|p| p.family() == family)
        .max_by(|a, b| version_cmp(a.version(), b.version()).then(std::cmp::Ordering::Greater))
}

/// Short names accepted besides the families.
const ALIASES: &[(&str, &str)] = &[
    ("iana", "iana-recommended"),
    ("nist", "nist-800-52r2"),
    ("nist-sp800-52r2", "nist-800-52r2"),
    ("bsi", "bsi-tr-02102-2"),
    ("http2-blocklist", "http2"),
];

/// Error from looking up a policy by name: says what was wrong, suggests
/// close names and lists the valid ones.
///
/// ```
/// let e = "nist-800-52".parse::<&cipherdex::Policy>().unwrap_err();
/// assert_eq!(e.suggestions(), ["nist-800-52r2"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    input: String,
    suggestions: Vec<&'static str>,
    /// The family the input names, when only its version is wrong.
    family: Option<&'static str>,
}

impl PolicyError {
    /// The close names, best first.
    pub fn suggestions(&self) -> &[&'static str] {
        &self.suggestions
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown policy {:?}", self.input)?;
        if let Some(family) = self.family {
            let versions: Vec<&str> = Policy::all()
                .iter()
                .filter(|p| p.family() == family)
                .map(Policy::version)
                .collect();
            let newest = newest(family).map_or("", Policy::version);
            return write!(
                f,
                ": {family} has versions {} (without a version: the newest, {newest})",
                versions.join(", ")
            );
        }
        if !self.suggestions.is_empty() {
            write!(f, " (did you mean {}?)", self.suggestions.join(", "))?;
        }
        let mut families: Vec<&str> = Vec::new();
        for p in Policy::all() {
            if !families.contains(&p.family()) {
                families.push(p.family());
            }
        }
        write!(
            f,
            "; valid names: {}, each optionally with -VERSION (e.g. mozilla-intermediate-5.7; without a version: the newest)",
            families.join(", ")
        )
    }
}

impl std::error::Error for PolicyError {}

impl FromStr for &'static Policy {
    type Err = PolicyError;
    /// Accepts names in any case, with `-`, `_`, `:` or spaces between parts.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm: String = s
            .trim()
            .chars()
            .map(|c| match c {
                '_' | ':' | ' ' => '-',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        let go = go_release_alias(&norm);
        let norm = go.as_deref().unwrap_or(norm.as_str());
        let norm = ALIASES
            .iter()
            .find(|(a, _)| *a == norm)
            .map_or(norm, |(_, to)| to);
        if let Some(p) = Policy::all().iter().find(|p| p.name() == norm) {
            return Ok(p);
        }
        if let Some(p) = newest(norm) {
            return Ok(p);
        }
        let family = Policy::all()
            .iter()
            .map(Policy::family)
            .filter(|f| {
                norm.len() > f.len() + 1 && norm.starts_with(f) && norm[f.len()..].starts_with('-')
            })
            .max_by_key(|f| f.len());
        Err(PolicyError {
            input: s.to_string(),
            suggestions: family.map_or_else(|| suggest(norm), |f| vec![f]),
            family,
        })
    }
}

/// `go-secure-1.22` names `go-secure-1.24`: the Go releases from
/// `GO_NEWER_SINCE` to `GO_NEWER` (`data/meta.csv`) share their lists, and
/// the policy is named by the newest.
fn go_release_alias(norm: &str) -> Option<String> {
    let (family, v) = norm.rsplit_once('-')?;
    let within = matches!(family, "go-secure" | "go-insecure")
        && !v.is_empty()
        && v.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && version_cmp(v, tables::GO_NEWER_SINCE).is_ge()
        && version_cmp(v, tables::GO_NEWER).is_lt();
    within.then(|| format!("{family}-{}", tables::GO_NEWER))
}

/// Names and families within a small edit distance of `input`, closest first.
fn suggest(input: &str) -> Vec<&'static str> {
    let mut cands: Vec<&'static str> = Vec::new();
    for p in Policy::all() {
        for n in [p.family(), p.name()] {
            if !cands.contains(&n) {
                cands.push(n);
            }
        }
    }
    let limit = (input.len() / 4).max(2);
    // A misspelt start of a name ("mozila") is close to the start of it.
    let near_prefix = |c: &str| {
        input.len() >= 4
            && c.get(..input.len())
                .is_some_and(|p| crate::distance::levenshtein(input, p) <= 1 + input.len() / 8)
    };
    // Close whole names first, then families whose start is close, then versions.
    let mut scored: Vec<(usize, usize, &'static str)> = cands
        .into_iter()
        .filter_map(|c| {
            // Lengths further apart than the limit are further apart in
            // edits too: skipping them keeps a megabyte of input from
            // costing minutes.
            let d = if c.len().abs_diff(input.len()) <= limit {
                crate::distance::levenshtein(input, c)
            } else {
                usize::MAX
            };
            let versioned = Policy::all()
                .iter()
                .any(|p| p.name() == c && p.family() != c);
            if d <= limit {
                Some((d, d, c))
            } else if near_prefix(c) {
                // Here `c` is at least as long as `input`: cheap to compare.
                Some((
                    limit + 1 + usize::from(versioned),
                    crate::distance::levenshtein(input, c),
                    c,
                ))
            } else {
                None
            }
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, _, c)| c).collect()
}
