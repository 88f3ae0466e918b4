//! Windows SChannel: every release's cipher suites, default order, protocol
//! versions and names, and the settings that change them.
//!
//! A [`Release`] is one Windows product (`windows:server-2022`,
//! `windows:7`, `windows:10-1607`...) resolved to the Microsoft table that
//! describes it (`data/schannel/`). Client and server products that share a
//! table (Windows 8.1 and Server 2012 R2) are separate releases: they share
//! suites but not always protocol defaults (SSL 2.0 on Vista and 7 servers).
//!
//! ```
//! use cipherdex::windows::{Release, SuiteStatus};
//!
//! let r: Release = "Windows Server 2025".parse()?;
//! assert_eq!(r.to_string(), "windows:server-2025");
//! let des3 = cipherdex::lookup("DES-CBC3-SHA").ok_or("unknown suite")?;
//! assert_eq!(r.status(des3), SuiteStatus::Supported); // supported, not enabled by default
//! assert!(r.diagnose(des3).to_string().contains("Enable-TlsCipherSuite"));
//!
//! // Windows 7 names ECDHE suites with their curve.
//! let seven: Release = "7".parse()?;
//! let s = cipherdex::lookup("ECDHE-RSA-AES128-SHA").ok_or("unknown suite")?;
//! assert_eq!(seven.name_for(s), Some("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod config;
mod history;
mod parse;
mod shared;

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use crate::attrs::{Curve, Protocol, Protocols};
use crate::records::{RawProduct, RawRow, RawTable};
use crate::suite::Suite;
use crate::tables::{
    self, WINDOWS_ALIASES, WINDOWS_GROUPS, WINDOWS_PRODUCTS, WINDOWS_PROFILES, WINDOWS_PROTOCOLS,
    WINDOWS_TABLES,
};

pub use crate::attrs::ProtocolState;
pub use config::{
    GpoError, SelectError, Selected, Selection, SelectionWarning, UnknownItem, GPO_LIMIT,
    GPO_REGISTRY_KEY, GPO_REGISTRY_VALUE,
};
pub use history::{history, ReleaseRange, SuiteHistory};
pub use parse::{
    looks_like_cipher_suite_order, looks_like_get_tls_cipher_suite,
    looks_like_tls_cipher_suite_names, parse_cipher_suite_order, parse_get_tls_cipher_suite,
    parse_tls_cipher_suite_names, parse_windows_suite_list, Listed, ListingError, ListingProblem,
};
pub use shared::normalize_release;

/// Notes that mark a row as doubtful: the source contradicts itself, the
/// row is derived, or the value is not documented.
const DOUBT_MARKERS: &[&str] = &[
    "documentation error",
    "contradicts",
    "DERIVED",
    "not documented",
    "without separating enabled from disabled",
];

/// Notes that mark a documented inconsistency of the source itself.
const QUIRK_MARKERS: &[&str] = &["documentation error", "contradicts"];

/// One Windows release profile, such as `windows:server-2022` or
/// `windows:7`: a product and the Microsoft table that describes it.
///
/// A small copyable handle; everything it returns is `'static`.
///
/// ```
/// use cipherdex::windows::Release;
///
/// let r = Release::find("Windows Server 2019").ok_or("no such release")?;
/// assert_eq!(r.name(), "server-2019");
/// assert!(r.is_server());
/// assert_eq!(r.table().file(), "windows-10-1809");
/// # Ok::<(), &str>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Release(u16);

/// How a product is known to use its table (`mapping_basis` in `products.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MappingBasis {
    /// A Microsoft page says so.
    Stated,
    /// Inferred from a shared build or NT version; no page says so.
    Inferred,
    /// The table itself is derived (not a Microsoft table).
    Derived,
}

impl MappingBasis {
    /// `stated`, `inferred` or `derived`.
    pub const fn as_str(self) -> &'static str {
        match self {
            MappingBasis::Stated => "stated",
            MappingBasis::Inferred => "inferred",
            MappingBasis::Derived => "derived",
        }
    }
}

impl fmt::Display for MappingBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Whether a release uses a suite by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SuiteStatus {
    /// Enabled by default; `position` is its 1-based place in
    /// [`Release::enabled_suites`] (for a [`Row`]: the row's place in the
    /// table's default order, where curve variants have a place each).
    Enabled {
        /// 1-based position in the default order.
        position: usize,
    },
    /// Supported, but not enabled by default: a setting can enable it.
    Supported,
    /// Listed by the release's table, default state not documented (Windows XP).
    Unknown,
    /// Not implemented by the release: no setting can enable it.
    NotSupported,
}

impl SuiteStatus {
    /// True unless [`SuiteStatus::NotSupported`].
    pub const fn is_supported(self) -> bool {
        !matches!(self, SuiteStatus::NotSupported)
    }

    /// True for [`SuiteStatus::Enabled`].
    pub const fn is_enabled(self) -> bool {
        matches!(self, SuiteStatus::Enabled { .. })
    }

    /// `enabled`, `supported`, `unknown` or `not supported`: one word (or
    /// two) for tables and JSON; [`Display`](fmt::Display) says more.
    ///
    /// ```
    /// use cipherdex::windows::SuiteStatus;
    /// assert_eq!(SuiteStatus::NotSupported.as_str(), "not supported");
    /// assert_eq!(SuiteStatus::Enabled { position: 3 }.to_string(), "enabled (#3)");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            SuiteStatus::Enabled { .. } => "enabled",
            SuiteStatus::Supported => "supported",
            SuiteStatus::Unknown => "unknown",
            SuiteStatus::NotSupported => "not supported",
        }
    }
}

impl fmt::Display for SuiteStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SuiteStatus::Enabled { position } => write!(f, "enabled (#{position})"),
            SuiteStatus::Supported => f.write_str("supported, not enabled by default"),
            SuiteStatus::Unknown => f.write_str("listed, default state not documented"),
            SuiteStatus::NotSupported => f.write_str("not supported"),
        }
    }
}

/// Why a fact about a release is not certain.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Uncertainty {
    /// The table is derived, not published by Microsoft.
    DerivedTable {
        /// The table's note.
        note: &'static str,
    },
    /// No Microsoft page maps this product to its table.
    InferredMapping {
        /// Why the mapping was made (`inferred (same build)`).
        basis: &'static str,
    },
    /// Some cells of the table are `unknown`.
    UnknownCells {
        /// How many rows have an `unknown` enabled or strong-crypto cell.
        rows: usize,
    },
    /// The protocols page does not say which versions are on by default.
    UnknownProtocols,
    /// A row the source contradicts or gets wrong (see its note).
    Quirk {
        /// The row's suite name.
        name: &'static str,
        /// The row's note.
        note: &'static str,
    },
}

impl fmt::Display for Uncertainty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Uncertainty::DerivedTable { note } => write!(f, "derived table: {note}"),
            Uncertainty::InferredMapping { basis } => {
                write!(f, "product-to-table mapping is {basis}")
            }
            Uncertainty::UnknownCells { rows } => {
                write!(f, "{rows} row(s) with an undocumented (unknown) cell")
            }
            Uncertainty::UnknownProtocols => {
                f.write_str("default protocol versions are not documented")
            }
            Uncertainty::Quirk { name, note } => write!(f, "{name}: {note}"),
        }
    }
}

/// One published SChannel table (one `data/schannel/windows-*.csv`).
///
/// ```
/// let t = cipherdex::windows::Release::find("8.1").ok_or("no release")?.table();
/// assert_eq!(t.file(), "windows-8-1");
/// assert!(t.title().contains("Windows 8.1"));
/// # Ok::<(), &str>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SuiteTable(u16);

impl SuiteTable {
    fn raw(self) -> &'static RawTable {
        &WINDOWS_TABLES[self.0 as usize]
    }

    /// Every table, newest first (`versions.csv` order).
    pub fn all() -> impl ExactSizeIterator<Item = SuiteTable> {
        (0..WINDOWS_TABLES.len() as u16).map(SuiteTable)
    }

    /// The file stem: `windows-server-2022`.
    pub fn file(self) -> &'static str {
        self.raw().file
    }
    /// The Microsoft page title.
    pub fn title(self) -> &'static str {
        self.raw().title
    }
    /// Client products the page covers, as the manifest writes them.
    pub fn client_products(self) -> &'static str {
        self.raw().client_products
    }
    /// Server products the page covers, as the manifest writes them.
    pub fn server_products(self) -> &'static str {
        self.raw().server_products
    }
    /// Version codes (`1809`, `NT 6.1`).
    pub fn version_codes(self) -> &'static str {
        self.raw().version_codes
    }
    /// Build numbers, `;`-separated (empty before Windows 10).
    pub fn builds(self) -> &'static str {
        self.raw().builds
    }
    /// Repository and path of the source page.
    pub fn source(self) -> &'static str {
        self.raw().source
    }
    /// The page's last-changing commit.
    pub fn page_commit(self) -> &'static str {
        self.raw().page_commit
    }
    /// The page's `ms.date`.
    pub fn ms_date(self) -> &'static str {
        self.raw().ms_date
    }
    /// The manifest's notes.
    pub fn notes(self) -> &'static str {
        self.raw().notes
    }
    /// True for a table cipherdex derived (not a Microsoft table).
    pub fn is_derived(self) -> bool {
        self.raw().notes.starts_with("DERIVED") || self.raw().title.starts_with("(derived)")
    }
    /// Every row, in the table's order (default order first).
    pub fn rows(self) -> impl ExactSizeIterator<Item = Row> {
        self.raw().rows.iter().map(Row)
    }
}

/// One row of an SChannel table: one name of one suite (ECDHE suites
/// appear once per curve on Vista to 8.1).
///
/// ```
/// use cipherdex::windows::Release;
/// use cipherdex::Curve;
///
/// let seven = Release::find("7").ok_or("no release")?;
/// let first = seven.rows().next().ok_or("empty")?;
/// assert_eq!(first.priority(), Some(1));
/// let p256 = seven.rows().find(|r| r.curve() == Some(Curve::P256)).ok_or("none")?;
/// assert!(p256.name().ends_with("_P256"));
/// # Ok::<(), &str>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Row(&'static RawRow);

impl Row {
    /// The suite the row names.
    pub fn suite(self) -> &'static Suite {
        &tables::SUITES[self.0.suite]
    }
    /// The name exactly as Microsoft writes it (curve suffix kept).
    pub fn name(self) -> &'static str {
        self.0.name
    }
    /// The curve a `_P256`/`_P384`/`_P521` name fixes.
    pub fn curve(self) -> Option<Curve> {
        self.0.curve
    }
    /// 1-based place in the default order, for rows enabled by default.
    pub fn priority(self) -> Option<u16> {
        self.0.priority
    }
    /// Enabled by default: `Some(true)`, `Some(false)`, or `None` (not documented).
    pub fn enabled(self) -> Option<bool> {
        self.0.enabled
    }
    /// The row's default state as a [`SuiteStatus`]: `Enabled` with the
    /// row's own [`priority`](Row::priority) as position (each curve variant
    /// has its place), `Supported`, or `Unknown` where the table does not say.
    ///
    /// ```
    /// use cipherdex::windows::{Release, SuiteStatus};
    /// let r = Release::find("7").ok_or("no")?;
    /// let rows = r.default_order();
    /// assert_eq!(rows[1].status(), SuiteStatus::Enabled { position: 2 });
    /// assert_eq!(rows[1].status().as_str(), "enabled");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn status(self) -> SuiteStatus {
        match (self.0.enabled, self.0.priority) {
            (Some(true), Some(p)) => SuiteStatus::Enabled {
                position: usize::from(p),
            },
            (Some(false), _) => SuiteStatus::Supported,
            _ => SuiteStatus::Unknown,
        }
    }
    /// Allowed under `SCH_USE_STRONG_CRYPTO`, or `None` where the page has no such column.
    pub fn strong_crypto(self) -> Option<bool> {
        self.0.strong_crypto
    }
    /// The protocol versions the table gives for the row (may be empty).
    pub fn protocols(self) -> Protocols {
        self.0.protocols
    }
    /// The row's notes, `;`-separated.
    pub fn notes(self) -> &'static str {
        self.0.notes
    }
    /// True for rows used only when an application asks for them explicitly
    /// (NULL suites, SSL 2.0 kinds): listed in the default order but not offered.
    pub fn explicit_only(self) -> bool {
        self.0.notes.contains("explicitly requests")
    }
    /// The row's note when the source contradicts itself or the row is derived.
    pub fn doubt(self) -> Option<&'static str> {
        DOUBT_MARKERS
            .iter()
            .any(|m| self.0.notes.contains(m))
            .then_some(self.0.notes)
    }
}

/// One suite on one release, all its rows together.
#[derive(Debug, Clone)]
pub struct SuiteEntry {
    suite: &'static Suite,
    rows: Vec<Row>,
    status: SuiteStatus,
}

impl SuiteEntry {
    /// The suite.
    pub fn suite(&self) -> &'static Suite {
        self.suite
    }
    /// Its rows, in table order (one per curve on Vista to 8.1).
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }
    /// Its names on this release, in table order.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.rows.iter().map(|r| r.name())
    }
    /// Enabled by default, supported, or undocumented.
    pub fn status(&self) -> SuiteStatus {
        self.status
    }
    /// Allowed under `SCH_USE_STRONG_CRYPTO` (`None`: not documented or rows disagree).
    pub fn strong_crypto(&self) -> Option<bool> {
        let first = self.rows.first()?.strong_crypto();
        self.rows
            .iter()
            .all(|r| r.strong_crypto() == first)
            .then_some(first)
            .flatten()
    }
    /// True when the table says the suite is used only on explicit request.
    pub fn explicit_only(&self) -> bool {
        self.rows.iter().any(|r| r.explicit_only())
    }
    /// Protocol versions the table gives for the suite (union over its rows;
    /// the suite's own versions when the table gives none).
    pub fn protocols(&self) -> Protocols {
        let bits = self.rows.iter().fold(0, |b, r| b | r.protocols().bits());
        if bits == 0 {
            self.suite.protocols()
        } else {
            Protocols::from_bits(bits)
        }
    }
    /// Notes of doubtful rows (derived, contradicted, undocumented).
    pub fn doubts(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.rows.iter().filter_map(|r| r.doubt())
    }
}

/// One entry of a release's default TLS supported groups (elliptic curves),
/// as Windows names it (`Get-TlsEccCurve`: `curve25519`, `NistP256`);
/// [`DefaultGroup::group`] gives the registry entry.
#[derive(Debug, Clone, Copy)]
pub struct DefaultGroup {
    name: &'static str,
    priority: Option<u16>,
    enabled: bool,
    notes: &'static str,
}

impl DefaultGroup {
    /// The name as `Get-TlsEccCurve` prints it (`curve25519`, `NistP256`).
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// 1-based place in the default order, for enabled groups.
    pub fn priority(&self) -> Option<u16> {
        self.priority
    }
    /// Enabled by default.
    pub fn enabled(&self) -> bool {
        self.enabled
    }
    /// Notes from the source.
    pub fn notes(&self) -> &'static str {
        self.notes
    }

    /// The TLS supported group the name stands for (`NistP256` and
    /// `secP256r1` are both `secp256r1`).
    ///
    /// ```
    /// let r = cipherdex::windows::Release::find("server-2025").ok_or("no")?;
    /// let g = r.default_groups().into_iter().find(|g| g.name() == "x25519_mlkem768").ok_or("no")?;
    /// assert_eq!(g.group().map(|g| g.code()), Some(0x11EC));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn group(&self) -> Option<&'static crate::group::Group> {
        crate::group::Group::from_name(self.name)
    }
}

/// A release name that names no release.
///
/// ```
/// let err = "server-2091".parse::<cipherdex::windows::Release>().unwrap_err();
/// assert_eq!(err.suggestions()[0], "server-2019");
/// assert!(err.to_string().contains("did you mean server-2019"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseError {
    input: String,
    suggestions: Vec<&'static str>,
}

impl ReleaseError {
    /// What was asked for.
    pub fn input(&self) -> &str {
        &self.input
    }
    /// Close release names.
    pub fn suggestions(&self) -> &[&'static str] {
        &self.suggestions
    }
}

impl fmt::Display for ReleaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown Windows release {:?}", self.input)?;
        if !self.suggestions.is_empty() {
            write!(f, "; did you mean {}?", self.suggestions.join(", "))?;
        }
        let names: Vec<&str> = Release::all().map(Release::name).collect();
        write!(
            f,
            " (releases: {}; product names such as \"Windows Server 2019\" work too)",
            names.join(", ")
        )
    }
}

impl std::error::Error for ReleaseError {}

impl Release {
    fn product_raw(self) -> &'static RawProduct {
        &WINDOWS_PRODUCTS[WINDOWS_PROFILES[self.0 as usize].1]
    }

    /// Every release, in release order (NT version, then build number).
    ///
    /// ```
    /// let all: Vec<_> = cipherdex::windows::Release::all().collect();
    /// assert_eq!(all[0].name(), "xp");
    /// assert!(all.iter().any(|r| r.name() == "server-2022-23h2"));
    /// ```
    pub fn all() -> impl ExactSizeIterator<Item = Release> + DoubleEndedIterator {
        (0..WINDOWS_PROFILES.len() as u16).map(Release)
    }

    /// The release a name means: a profile name with or without `windows:`
    /// (`server-2022`, `windows:7`), a product name (`Windows Server 2019`,
    /// `Windows 10 version 21H2`) or an alias (`2019`, `ltsc-2021`, `10-1809`).
    /// Case, spaces and `version` do not matter.
    ///
    /// ```
    /// use cipherdex::windows::Release;
    /// assert_eq!(Release::find("Windows 10 version 21H2"), Release::find("windows:10-21h2"));
    /// assert_eq!(Release::find("2012 R2").map(|r| r.name()), Some("server-2012r2"));
    /// assert_eq!(Release::find("Windows 98"), None);
    /// ```
    pub fn find(name: &str) -> Option<Release> {
        let n = normalize_release(name);
        WINDOWS_ALIASES
            .binary_search_by(|(a, _)| (*a).cmp(n.as_str()))
            .ok()
            .map(|i| Release(WINDOWS_ALIASES[i].1 as u16))
    }

    /// Release names close to `name`, for "did you mean": within a few
    /// edits (feature `suggest`), or containing `name`.
    pub fn suggest(name: &str, max: usize) -> Vec<&'static str> {
        let n = normalize_release(name);
        let mut scored: Vec<(usize, &'static str, usize)> = Vec::new();
        let limit = (n.len() / 3).max(1);
        for (alias, profile) in WINDOWS_ALIASES.iter() {
            let contained = n.len() >= 2 && alias.contains(n.as_str());
            // Lengths further apart than the limit are further apart in edits
            // too: skipping them keeps a megabyte of input from costing minutes.
            if !contained && n.len().abs_diff(alias.len()) > limit {
                continue;
            }
            let d = crate::distance::osa(&n, alias);
            if d <= limit || contained {
                scored.push((d, WINDOWS_PROFILES[*profile].0, *profile));
            }
        }
        scored.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
        let mut out: Vec<&'static str> = Vec::new();
        for (_, name, _) in scored {
            if !out.contains(&name) {
                out.push(name);
            }
            if out.len() == max {
                break;
            }
        }
        out
    }

    /// The profile name without `windows:` (`server-2022`).
    pub fn name(self) -> &'static str {
        WINDOWS_PROFILES[self.0 as usize].0
    }

    /// The product name (`Windows Server 2022`).
    pub fn product(self) -> &'static str {
        self.product_raw().product
    }

    /// True for server products.
    pub fn is_server(self) -> bool {
        self.product_raw().server
    }

    /// Version code (`21H2`, `1809`, `NT 6.1`).
    pub fn version_code(self) -> &'static str {
        self.product_raw().version_code
    }

    /// Build number (Windows 10 and later).
    pub fn build(self) -> Option<u32> {
        self.product_raw().build.parse().ok()
    }

    /// Names that also resolve to this release (normalised form).
    pub fn aliases(self) -> impl Iterator<Item = &'static str> {
        WINDOWS_ALIASES
            .iter()
            .filter(move |(_, p)| *p == self.0 as usize)
            .map(|(a, _)| *a)
    }

    /// How the product is known to use its table.
    pub fn mapping_basis(self) -> MappingBasis {
        let b = self.product_raw().basis;
        if b.starts_with("stated") {
            MappingBasis::Stated
        } else if b.starts_with("derived") {
            MappingBasis::Derived
        } else {
            MappingBasis::Inferred
        }
    }

    /// The `mapping_basis` text of `products.csv`.
    pub fn mapping_note(self) -> &'static str {
        self.product_raw().basis
    }

    /// The table that describes the release.
    pub fn table(self) -> SuiteTable {
        SuiteTable(self.product_raw().table as u16)
    }

    /// Every row of the release's table, in table order.
    pub fn rows(self) -> impl ExactSizeIterator<Item = Row> {
        self.table().rows()
    }

    /// The rows enabled by default, in priority order (NULL and SSL 2.0
    /// rows used only on explicit request included, as the table lists them).
    pub fn default_order(self) -> Vec<Row> {
        let mut rows: Vec<Row> = self.rows().filter(|r| r.priority().is_some()).collect();
        rows.sort_by_key(|r| r.priority());
        rows
    }

    /// One entry per suite, enabled suites first in priority order, then the
    /// others in table order.
    ///
    /// ```
    /// let seven = cipherdex::windows::Release::find("7").ok_or("no")?;
    /// let s = cipherdex::lookup("ECDHE-RSA-AES128-SHA").ok_or("no")?;
    /// let e = seven.suites().into_iter().find(|e| e.suite() == s).ok_or("no")?;
    /// let names: Vec<_> = e.names().collect();
    /// assert_eq!(names.len(), 3); // _P256, _P384, _P521
    /// # Ok::<(), &str>(())
    /// ```
    pub fn suites(self) -> Vec<SuiteEntry> {
        let mut out: Vec<SuiteEntry> = Vec::new();
        let mut rows: Vec<Row> = self.default_order();
        rows.extend(self.rows().filter(|r| r.priority().is_none()));
        let mut position = 0;
        for row in rows {
            let suite = row.suite();
            if let Some(e) = out.iter_mut().find(|e| std::ptr::eq(e.suite, suite)) {
                e.rows.push(row);
                continue;
            }
            let status = match row.enabled() {
                Some(true) => {
                    position += 1;
                    SuiteStatus::Enabled { position }
                }
                Some(false) => SuiteStatus::Supported,
                None => SuiteStatus::Unknown,
            };
            out.push(SuiteEntry {
                suite,
                rows: vec![row],
                status,
            });
        }
        out
    }

    /// The entry for one suite, if the release supports it.
    pub fn entry(self, suite: &Suite) -> Option<SuiteEntry> {
        self.suites()
            .into_iter()
            .find(|e| std::ptr::eq(e.suite, suite) || e.suite.code() == suite.code())
    }

    /// Every suite the release supports (enabled ones first, in priority order).
    pub fn supported_suites(self) -> Vec<&'static Suite> {
        self.suites().iter().map(SuiteEntry::suite).collect()
    }

    /// The suites enabled by default, in priority order, one place per suite
    /// (the table's default order with curve variants merged). Includes the
    /// suites the table lists as used only on explicit request; see
    /// [`Release::offered_suites`] for what a default connection offers.
    ///
    /// ```
    /// let r = cipherdex::windows::Release::find("server-2016").ok_or("no")?;
    /// let first = r.enabled_suites()[0];
    /// assert_eq!(first.canonical_name(), "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn enabled_suites(self) -> Vec<&'static Suite> {
        self.suites()
            .iter()
            .filter(|e| e.status.is_enabled())
            .map(SuiteEntry::suite)
            .collect()
    }

    /// What SChannel uses for a connection whose application asks for
    /// nothing special: [`Release::enabled_suites`] without the rows used
    /// only on explicit request (NULL encryption, SSL 2.0 kinds), plus the
    /// suites of undocumented default state on Windows XP. This is the list
    /// for negotiation.
    pub fn offered_suites(self) -> Vec<&'static Suite> {
        self.suites()
            .iter()
            .filter(|e| {
                !e.explicit_only() && (e.status.is_enabled() || e.status == SuiteStatus::Unknown)
            })
            .map(SuiteEntry::suite)
            .collect()
    }

    /// Whether the release supports and enables `suite` by default.
    ///
    /// The same answer as [`Release::entry`]'s, from a table of every
    /// release's statuses built on the first call: a `show` card asks every
    /// release about its suite.
    pub fn status(self, suite: &Suite) -> SuiteStatus {
        let statuses = table_statuses(self.table());
        match statuses.binary_search_by_key(&suite.code(), |&(code, _)| code) {
            Ok(i) => statuses[i].1,
            Err(_) => SuiteStatus::NotSupported,
        }
    }

    /// The name this release uses for `suite`: the first in its table (the
    /// `_P256` name on Vista to 8.1 for ECDHE suites), or `None` if the
    /// release does not support it.
    ///
    /// ```
    /// use cipherdex::windows::Release;
    /// let s = cipherdex::lookup("ECDHE-RSA-AES128-SHA").ok_or("no")?;
    /// let name = |r: &str| Release::find(r).and_then(|r| r.name_for(s));
    /// assert_eq!(name("7"), Some("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256"));
    /// assert_eq!(name("server-2022"), Some("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"));
    /// assert_eq!(name("xp"), None);
    /// # Ok::<(), &str>(())
    /// ```
    pub fn name_for(self, suite: &Suite) -> Option<&'static str> {
        self.entry(suite).map(|e| e.rows[0].name())
    }

    /// The name this release uses for `suite` over `curve` (`_P384`...), or
    /// the plain name on releases without curve-suffixed names.
    pub fn name_for_curve(self, suite: &Suite, curve: Curve) -> Option<&'static str> {
        let e = self.entry(suite)?;
        let mut rows = e.rows.iter();
        if e.rows.iter().all(|r| r.curve().is_none()) {
            return Some(e.rows[0].name());
        }
        rows.find(|r| r.curve() == Some(curve)).map(|r| r.name())
    }

    /// Allowed under `SCH_USE_STRONG_CRYPTO` on this release (`None`: not
    /// documented, or the suite is not supported).
    pub fn strong_crypto(self, suite: &Suite) -> Option<bool> {
        self.entry(suite).and_then(|e| e.strong_crypto())
    }

    /// The default state of protocol `p` on the server (`server = true`) or
    /// client side. DTLS versions are not covered by the source and are `Unknown`.
    ///
    /// ```
    /// use cipherdex::windows::{ProtocolState, Release};
    /// use cipherdex::Protocol;
    /// let vista = Release::find("vista").ok_or("no")?;
    /// assert_eq!(vista.protocol_state(Protocol::Ssl2, true), ProtocolState::Enabled);
    /// assert_eq!(vista.protocol_state(Protocol::Ssl2, false), ProtocolState::Disabled);
    /// # Ok::<(), &str>(())
    /// ```
    pub fn protocol_state(self, p: Protocol, server: bool) -> ProtocolState {
        let table = self.table().0 as usize;
        WINDOWS_PROTOCOLS
            .iter()
            .find(|r| r.table == table && r.protocol == p)
            .map_or(ProtocolState::Unknown, |r| {
                if server {
                    r.server
                } else {
                    r.client
                }
            })
    }

    /// The protocols page's row for this release (`os` label and notes).
    pub fn protocol_notes(self) -> (&'static str, &'static str) {
        let table = self.table().0 as usize;
        WINDOWS_PROTOCOLS
            .iter()
            .find(|r| r.table == table)
            .map_or(("", ""), |r| (r.os, r.notes))
    }

    /// The protocol versions enabled by default on the server or client side.
    /// Where the documentation does not say (Windows XP), the versions the
    /// release's suite table uses are assumed; [`Release::uncertainties`] says so.
    ///
    /// ```
    /// use cipherdex::Protocol;
    /// let seven = cipherdex::windows::Release::find("windows:7").ok_or("no")?;
    /// assert!(!seven.protocols(true).contains(Protocol::Tls12)); // disabled by default
    /// let r = cipherdex::windows::Release::find("server-2022").ok_or("no")?;
    /// assert!(r.protocols(true).contains(Protocol::Tls13));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn protocols(self, server: bool) -> Protocols {
        let used = self
            .rows()
            .fold(Protocols::EMPTY.bits(), |b, r| b | r.protocols().bits());
        let used = Protocols::from_bits(used);
        let mut out = Protocols::EMPTY;
        for &p in Protocol::ALL {
            match self.protocol_state(p, server) {
                ProtocolState::Enabled => out = out.with(p),
                ProtocolState::Unknown if !p.is_dtls() && used.contains(p) => out = out.with(p),
                _ => {}
            }
        }
        out
    }

    /// SChannel servers choose by their own priority order, not the client's.
    /// Always true; here so that negotiation code can ask.
    pub fn prefers_server_order(self) -> bool {
        true
    }

    /// Whether the `TLS` PowerShell module (`Get-TlsCipherSuite`,
    /// `Enable-TlsCipherSuite`...) is documented for this release
    /// (`data/schannel/products.csv`, column `tls_module`: Windows 10 1607 /
    /// Server 2016 and later). Without it, [`Selection::powershell`] writes
    /// the Group Policy registry value instead.
    ///
    /// ```
    /// use cipherdex::windows::Release;
    /// assert!(Release::find("server-2016").ok_or("no")?.has_tls_cmdlets());
    /// assert!(!Release::find("7").ok_or("no")?.has_tls_cmdlets());
    /// assert!(!Release::find("server-2012r2").ok_or("no")?.has_tls_cmdlets());
    /// # Ok::<(), &str>(())
    /// ```
    pub fn has_tls_cmdlets(self) -> bool {
        self.product_raw().tls_module
    }

    /// Every reason a fact about this release is uncertain; empty when the
    /// release's table is a Microsoft table, stated for the product, with no
    /// unknown cells or documented quirks.
    ///
    /// ```
    /// use cipherdex::windows::Release;
    /// assert!(Release::find("server-2022-23h2").ok_or("no")?.is_unsure());
    /// assert!(!Release::find("server-2016").ok_or("no")?.is_unsure());
    /// # Ok::<(), &str>(())
    /// ```
    pub fn uncertainties(self) -> Vec<Uncertainty> {
        let mut out = Vec::new();
        let t = self.table();
        if t.is_derived() {
            out.push(Uncertainty::DerivedTable { note: t.notes() });
        }
        if self.mapping_basis() == MappingBasis::Inferred {
            out.push(Uncertainty::InferredMapping {
                basis: self.mapping_note(),
            });
        }
        let unknown = self
            .rows()
            .filter(|r| r.enabled().is_none() || r.strong_crypto().is_none())
            .count();
        if unknown > 0 {
            out.push(Uncertainty::UnknownCells { rows: unknown });
        }
        if [Protocol::Tls10, Protocol::Tls12]
            .iter()
            .any(|&p| self.protocol_state(p, true) == ProtocolState::Unknown)
        {
            out.push(Uncertainty::UnknownProtocols);
        }
        for r in self.rows() {
            if QUIRK_MARKERS.iter().any(|m| r.notes().contains(m)) {
                out.push(Uncertainty::Quirk {
                    name: r.name(),
                    note: r.notes(),
                });
            }
        }
        out
    }

    /// True when [`Release::uncertainties`] is not empty.
    pub fn is_unsure(self) -> bool {
        !self.uncertainties().is_empty()
    }

    /// The default TLS supported groups (Windows 10 and later; before that
    /// the curve is part of the suite name). Empty for older releases.
    ///
    /// ```
    /// let r = cipherdex::windows::Release::find("server-2019").ok_or("no")?;
    /// let on: Vec<_> = r.default_groups().iter().filter(|g| g.enabled()).map(|g| g.name()).collect();
    /// assert_eq!(on, ["curve25519", "NistP256", "NistP384"]);
    /// # Ok::<(), &str>(())
    /// ```
    pub fn default_groups(self) -> Vec<DefaultGroup> {
        self.groups_of_release()
    }

    /// The groups the release enables by default, in its order, as
    /// registry entries (what its ClientHello offers); empty before
    /// Windows 10, where the curve is part of the suite name.
    ///
    /// ```
    /// let r = cipherdex::windows::Release::find("server-2022").ok_or("no")?;
    /// let names: Vec<&str> = r.enabled_groups().iter().map(|g| g.iana_name()).collect();
    /// assert_eq!(names, ["x25519", "secp256r1", "secp384r1"]);
    /// # Ok::<(), &str>(())
    /// ```
    pub fn enabled_groups(self) -> Vec<&'static crate::group::Group> {
        self.groups_of_release()
            .iter()
            .filter(|g| g.enabled())
            .filter_map(DefaultGroup::group)
            .collect()
    }

    fn groups_of_release(self) -> Vec<DefaultGroup> {
        let Some(build) = self.build() else {
            return Vec::new();
        };
        // Each `applies_to` names its first releases ("... and later").
        let start = |applies: &str| {
            applies
                .split(';')
                .filter_map(|p| Release::find(p.replace("and later", "").trim()))
                .filter_map(Release::build)
                .min()
        };
        let best = WINDOWS_GROUPS
            .iter()
            .filter_map(|g| start(g.applies_to).map(|s| (s, g.applies_to)))
            .filter(|(s, _)| *s <= build)
            .max_by_key(|(s, _)| *s);
        let Some((_, applies)) = best else {
            return Vec::new();
        };
        let mut out: Vec<DefaultGroup> = WINDOWS_GROUPS
            .iter()
            .filter(|g| g.applies_to == applies)
            .map(|g| DefaultGroup {
                name: g.name,
                priority: g.priority,
                enabled: g.enabled,
                notes: g.notes,
            })
            .collect();
        out.sort_by_key(|g| g.priority.unwrap_or(u16::MAX));
        out
    }

    /// What this release does with `suite` and how to change it: whether it
    /// is enabled, supported but off (and the command that turns it on), or
    /// impossible; and whether a protocol version it needs is off by default.
    ///
    /// ```
    /// use cipherdex::windows::{Release, SuiteStatus};
    /// let r = Release::find("server-2025").ok_or("no")?;
    /// let s = cipherdex::lookup("TLS_RSA_WITH_3DES_EDE_CBC_SHA").ok_or("no")?;
    /// let d = r.diagnose(s);
    /// assert_eq!(d.status(), SuiteStatus::Supported);
    /// assert_eq!(d.fix_commands(), ["Enable-TlsCipherSuite -Name TLS_RSA_WITH_3DES_EDE_CBC_SHA"]);
    /// # Ok::<(), &str>(())
    /// ```
    pub fn diagnose(self, suite: &'static Suite) -> Availability {
        let entry = self.entry(suite);
        let status = entry
            .as_ref()
            .map_or(SuiteStatus::NotSupported, |e| e.status);
        let mut disabled_protocols = Vec::new();
        let mut usable = false;
        if let Some(e) = &entry {
            for p in e.protocols().iter() {
                match self.protocol_state(p, self.is_server()) {
                    ProtocolState::Enabled | ProtocolState::Unknown => usable = true,
                    ProtocolState::Disabled => disabled_protocols.push(p),
                    _ => {}
                }
            }
        }
        if usable {
            disabled_protocols.clear();
        }
        Availability {
            release: self,
            suite,
            status,
            names: entry
                .as_ref()
                .map(|e| e.names().collect())
                .unwrap_or_default(),
            explicit_only: entry.as_ref().is_some_and(SuiteEntry::explicit_only),
            disabled_protocols,
        }
    }
}

impl fmt::Display for Release {
    /// The profile name: `windows:server-2022`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "windows:{}", self.name())
    }
}

impl FromStr for Release {
    type Err = ReleaseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Release::find(s).ok_or_else(|| ReleaseError {
            input: s.to_string(),
            suggestions: Release::suggest(s, 3),
        })
    }
}

/// What a release does with one suite, and what would change it.
#[derive(Debug, Clone)]
pub struct Availability {
    release: Release,
    suite: &'static Suite,
    status: SuiteStatus,
    names: Vec<&'static str>,
    explicit_only: bool,
    disabled_protocols: Vec<Protocol>,
}

impl Availability {
    /// The release.
    pub fn release(&self) -> Release {
        self.release
    }
    /// The suite.
    pub fn suite(&self) -> &'static Suite {
        self.suite
    }
    /// Enabled, supported but off, undocumented, or not supported.
    pub fn status(&self) -> SuiteStatus {
        self.status
    }
    /// True when the suite is supported but not enabled by default.
    pub fn is_supported_not_enabled(&self) -> bool {
        self.status == SuiteStatus::Supported
    }
    /// The release's names for the suite.
    pub fn names(&self) -> &[&'static str] {
        &self.names
    }
    /// Protocol versions the suite needs that are off by default on the
    /// release's side (TLS 1.2 suites on Windows 7), when none it needs is on.
    pub fn disabled_protocols(&self) -> &[Protocol] {
        &self.disabled_protocols
    }
    /// Commands that would make the release use the suite: a PowerShell line
    /// (Windows 10 1607 / Server 2016 and later) or the Group Policy to edit,
    /// and registry values for protocol versions it needs. Empty when nothing
    /// is needed or nothing can help.
    pub fn fix_commands(&self) -> Vec<String> {
        let mut out = Vec::new();
        let side = if self.release.is_server() {
            "Server"
        } else {
            "Client"
        };
        for p in &self.disabled_protocols {
            let label = match p {
                Protocol::Tls10 => "TLS 1.0",
                Protocol::Tls11 => "TLS 1.1",
                Protocol::Tls12 => "TLS 1.2",
                Protocol::Tls13 => "TLS 1.3",
                Protocol::Ssl3 => "SSL 3.0",
                Protocol::Ssl2 => "SSL 2.0",
                _ => continue,
            };
            out.push(format!(
                "reg add \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\{label}\\{side}\" /v Enabled /t REG_DWORD /d 1 /f"
            ));
        }
        if self.status == SuiteStatus::Supported || self.status == SuiteStatus::Unknown {
            let name = self.names.first().copied().unwrap_or_default();
            if self.release.has_tls_cmdlets() {
                out.push(format!("Enable-TlsCipherSuite -Name {name}"));
            } else {
                out.push(format!(
                    "add {} to the Group Policy \"SSL Cipher Suite Order\" list (Computer Configuration > Administrative Templates > Network > SSL Configuration Settings), then restart",
                    self.names.join(",")
                ));
            }
        }
        out
    }
}

impl fmt::Display for Availability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.release.product();
        let name = self
            .names
            .first()
            .copied()
            .unwrap_or(self.suite.canonical_name());
        match self.status {
            SuiteStatus::Enabled { position } => {
                write!(
                    f,
                    "{name} is enabled by default on {r} (position {position})"
                )?;
                if self.explicit_only {
                    f.write_str(", but used only when an application asks for it explicitly")?;
                }
            }
            SuiteStatus::Supported => {
                write!(f, "{name} is supported by {r} but not enabled by default")?
            }
            SuiteStatus::Unknown => write!(
                f,
                "{name} is listed for {r}; whether it is enabled by default is not documented"
            )?,
            SuiteStatus::NotSupported => {
                return write!(
                    f,
                    "{name} is not supported by {r}: no setting can enable it there"
                )
            }
        }
        if !self.disabled_protocols.is_empty() {
            let ps: Vec<&str> = self.disabled_protocols.iter().map(|p| p.as_str()).collect();
            write!(
                f,
                "; it needs {}, which is disabled by default there",
                ps.join(" or ")
            )?;
        }
        let fixes = self.fix_commands();
        if !fixes.is_empty() {
            write!(f, "; to enable it: {}", fixes.join("; then "))?;
        }
        Ok(())
    }
}

/// The status of every suite in one table, by code (the first entry of a
/// code in [`Release::suites`] order, as [`Release::entry`] finds it),
/// computed once for all tables.
fn table_statuses(table: SuiteTable) -> &'static [(u32, SuiteStatus)] {
    static ALL: OnceLock<Vec<Vec<(u32, SuiteStatus)>>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let mut all = vec![Vec::new(); WINDOWS_TABLES.len()];
        for release in Release::all() {
            let t = usize::from(release.table().0);
            if t >= all.len() || !all[t].is_empty() {
                continue;
            }
            let mut statuses: Vec<(u32, SuiteStatus)> = release
                .suites()
                .iter()
                .map(|e| (e.suite.code(), e.status))
                .collect();
            // Stable: of two entries with one code, the first stays first.
            statuses.sort_by_key(|&(code, _)| code);
            statuses.dedup_by_key(|&mut (code, _)| code);
            all[t] = statuses;
        }
        all
    });
    all.get(usize::from(table.0)).map_or(&[], Vec::as_slice)
}
