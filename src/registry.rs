//! What the small registries (supported groups, signature schemes) share:
//! lookup by any spelling or code, list parsing with a report of every bad
//! item, close-name suggestions, and their errors.
//!
//! Each registry is one array sorted by code (a binary search answers
//! `from_code`) and one array of every spelling in lower case sorted by
//! those bytes (a binary search answers `from_name`, comparing the input
//! lower-cased byte by byte, so nothing is allocated). With a few hundred
//! spellings that is nine comparisons; `benches/README.md` has the figures
//! and why this beats reusing the suites' perfect hash here.

use std::fmt;

use crate::attrs::Scheme;
use crate::records::{Group, SignatureScheme};
use crate::suite::Alias;
use crate::tables;

/// Which registry a name was looked up in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Registry {
    /// TLS Supported Groups ([`Group`]).
    Groups,
    /// TLS SignatureScheme ([`SignatureScheme`]).
    Sigalgs,
}

impl Registry {
    /// The naming schemes the registry has names in, in display order.
    ///
    /// ```
    /// use cipherdex::{Registry, Scheme};
    /// assert!(Registry::Groups.schemes().contains(&Scheme::Windows));
    /// ```
    pub fn schemes(self) -> &'static [Scheme] {
        const GROUPS: &[Scheme] = &[
            Scheme::Iana,
            Scheme::OpenSsl,
            Scheme::GnuTls,
            Scheme::Nss,
            Scheme::Java,
            Scheme::Go,
            Scheme::Windows,
        ];
        match self {
            Registry::Groups => GROUPS,
            Registry::Sigalgs => &GROUPS[..6],
        }
    }

    /// The items of a list as `parse_list` reads them: split at `:`, `,`
    /// and white space, empty items dropped.
    ///
    /// ```
    /// let items: Vec<&str> = cipherdex::Registry::split("X25519:P-256, ffdhe2048").collect();
    /// assert_eq!(items, ["X25519", "P-256", "ffdhe2048"]);
    /// ```
    pub fn split(list: &str) -> impl Iterator<Item = &str> {
        split(list)
    }

    /// What one entry is called in messages: `group`, `signature scheme`.
    pub fn entry(self) -> &'static str {
        match self {
            Registry::Groups => "group",
            Registry::Sigalgs => "signature scheme",
        }
    }
}

impl fmt::Display for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Registry::Groups => "TLS Supported Groups",
            Registry::Sigalgs => "TLS SignatureScheme",
        })
    }
}

/// One registry's tables, for the generic functions below.
pub(crate) trait Table: Sized + 'static {
    const REGISTRY: Registry;
    fn rows() -> &'static [Self];
    fn names() -> &'static [(&'static str, u16)];
    fn code(&self) -> u16;
    fn canonical(&self) -> &'static str;
    fn aliases(&self) -> &'static [Alias];
}

impl Table for Group {
    const REGISTRY: Registry = Registry::Groups;
    fn rows() -> &'static [Self] {
        &tables::GROUPS
    }
    fn names() -> &'static [(&'static str, u16)] {
        &tables::GROUP_NAMES
    }
    fn code(&self) -> u16 {
        self.code
    }
    fn canonical(&self) -> &'static str {
        self.name
    }
    fn aliases(&self) -> &'static [Alias] {
        self.aliases
    }
}

impl Table for SignatureScheme {
    const REGISTRY: Registry = Registry::Sigalgs;
    fn rows() -> &'static [Self] {
        &tables::SIGALGS
    }
    fn names() -> &'static [(&'static str, u16)] {
        &tables::SIGALG_NAMES
    }
    fn code(&self) -> u16 {
        self.code
    }
    fn canonical(&self) -> &'static str {
        self.name
    }
    fn aliases(&self) -> &'static [Alias] {
        self.aliases
    }
}

/// The entry with this code.
pub(crate) fn by_code<T: Table>(code: u16) -> Option<&'static T> {
    let rows = T::rows();
    rows.binary_search_by_key(&code, T::code)
        .ok()
        .and_then(|i| rows.get(i))
}

/// `key` (lower case) against `name` lower-cased, byte by byte.
fn cmp_lower(key: &str, name: &str) -> std::cmp::Ordering {
    key.bytes()
        .cmp(name.bytes().map(|b| b.to_ascii_lowercase()))
}

/// The entry one of whose spellings is `name`, ignoring ASCII case.
pub(crate) fn by_name<T: Table>(name: &str) -> Option<&'static T> {
    let names = T::names();
    let i = names
        .binary_search_by(|(key, _)| cmp_lower(key, name))
        .ok()?;
    let (_, row) = names.get(i)?;
    T::rows().get(usize::from(*row))
}

/// A code as written: `0x001D`, `0x1d` (hexadecimal after `0x`) or `29`
/// (decimal digits).
pub(crate) fn parse_code(s: &str) -> Option<u16> {
    let s = s.trim();
    if let Some(hex) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        if !hex.is_empty() && hex.len() <= 4 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return u16::from_str_radix(hex, 16).ok();
        }
        return None;
    }
    if !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    None
}

/// The entry a name or a code names.
pub(crate) fn lookup<T: Table>(input: &str) -> Option<&'static T> {
    let input = input.trim();
    by_name(input).or_else(|| parse_code(input).and_then(by_code))
}

/// Optimal-string-alignment distance between `a` and `b`, ignoring ASCII
/// case (a swap of two neighbours counts once, as in "P-265" for "P-256"),
/// or `None` when it is over `limit`.
fn distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let d = crate::distance::osa(&a.to_ascii_lowercase(), &b.to_ascii_lowercase());
    (d <= limit).then_some(d)
}

/// Up to `max` known spellings close to `input`, closest first.
pub(crate) fn suggest<T: Table>(input: &str, max: usize) -> Vec<&'static str> {
    let needle = input.trim();
    if needle.is_empty() || max == 0 {
        return Vec::new();
    }
    let limit = (needle.len() / 3).clamp(2, 6);
    // (distance, not the canonical name, name): the canonical spelling
    // wins over another case of it (`secp256r1` over `SECP256R1`).
    let mut found: Vec<(usize, bool, &'static str)> = Vec::new();
    for row in T::rows() {
        let canonical = std::iter::once((row.canonical(), true));
        let others = row.aliases().iter().map(|a| (a.name, false));
        for (name, first) in canonical.chain(others) {
            if let Some(d) = distance(needle, name, limit) {
                found.push((d, !first, name));
            }
        }
    }
    found.sort_by(|a, b| (a.0, a.1, a.2.len(), a.2).cmp(&(b.0, b.1, b.2.len(), b.2)));
    let mut out: Vec<&'static str> = Vec::new();
    for (_, _, name) in found {
        if !out.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            out.push(name);
        }
        if out.len() == max {
            break;
        }
    }
    out
}

/// A name or code that names no entry of a registry.
///
/// ```
/// let err = "x25591".parse::<&cipherdex::Group>().unwrap_err();
/// assert_eq!(err.suggestions()[0], "x25519");
/// assert_eq!(err.to_string(), "unknown group \"x25591\" (did you mean x25519?)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryNameError {
    registry: Registry,
    input: String,
    suggestions: Vec<&'static str>,
}

impl RegistryNameError {
    pub(crate) fn new<T: Table>(input: &str) -> RegistryNameError {
        RegistryNameError {
            registry: T::REGISTRY,
            input: input.to_string(),
            suggestions: suggest::<T>(input, 3),
        }
    }

    /// The registry searched.
    pub fn registry(&self) -> Registry {
        self.registry
    }

    /// What was asked for.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// Known spellings close to the input, closest first.
    pub fn suggestions(&self) -> &[&'static str] {
        &self.suggestions
    }
}

impl fmt::Display for RegistryNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} {:?}", self.registry.entry(), self.input)?;
        if self.suggestions.is_empty() {
            let what = match self.registry {
                Registry::Groups => "cipherdex group",
                Registry::Sigalgs => "cipherdex sigalg",
            };
            write!(
                f,
                " (a name in any scheme, or a code such as 0x001D; `{what}` lists them)"
            )
        } else {
            write!(f, " (did you mean {}?)", self.suggestions.join(", "))
        }
    }
}

impl std::error::Error for RegistryNameError {}

/// What is wrong with one item of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RegistryListErrorKind {
    /// The item names no entry; the error carries close names.
    Unknown(RegistryNameError),
    /// The item names the same entry as an earlier one (OpenSSL refuses
    /// such a list); `first` is that earlier item, as written.
    Duplicate {
        /// The earlier item.
        first: String,
    },
    /// The list holds no item at all.
    Empty,
}

/// One bad item of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryListItem {
    position: usize,
    input: String,
    kind: RegistryListErrorKind,
}

impl RegistryListItem {
    /// 1-based place of the item in the list (0 for an empty list).
    pub fn position(&self) -> usize {
        self.position
    }
    /// The item as written.
    pub fn input(&self) -> &str {
        &self.input
    }
    /// What is wrong with it.
    pub fn kind(&self) -> &RegistryListErrorKind {
        &self.kind
    }
}

impl fmt::Display for RegistryListItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            RegistryListErrorKind::Unknown(e) => write!(f, "item {}: {e}", self.position),
            RegistryListErrorKind::Duplicate { first } => write!(
                f,
                "item {}: {:?} repeats {first:?}: give each entry once",
                self.position, self.input
            ),
            RegistryListErrorKind::Empty => {
                f.write_str("the list is empty: give names separated by ':', ',' or spaces")
            }
        }
    }
}

/// A list of groups or signature schemes with bad items: every one of
/// them, in list order.
///
/// ```
/// let err = cipherdex::Group::parse_list("X25519:P-265:prime256v1:secp256r1").unwrap_err();
/// assert_eq!(err.items().len(), 2);
/// assert_eq!(
///     err.to_string(),
///     "2 bad items in the group list:\n  item 2: unknown group \"P-265\" (did you mean P-256, P-224?)\n  item 4: \"secp256r1\" repeats \"prime256v1\": give each entry once"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryListError {
    registry: Registry,
    items: Vec<RegistryListItem>,
}

impl RegistryListError {
    /// The registry the list was read against.
    pub fn registry(&self) -> Registry {
        self.registry
    }
    /// Every bad item, in list order.
    pub fn items(&self) -> &[RegistryListItem] {
        &self.items
    }
}

impl fmt::Display for RegistryListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let [one] = self.items.as_slice() {
            return write!(f, "in the {} list: {one}", self.registry.entry());
        }
        write!(
            f,
            "{} bad items in the {} list:",
            self.items.len(),
            self.registry.entry()
        )?;
        for item in &self.items {
            write!(f, "\n  {item}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RegistryListError {}

/// Splits a list at `:`, `,` and white space, dropping empty items.
pub(crate) fn split(list: &str) -> impl Iterator<Item = &str> {
    list.split(|c: char| c == ':' || c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
}

/// Reads a list in any spelling, reporting every unknown or repeated item.
pub(crate) fn parse_list<T: Table>(list: &str) -> Result<Vec<&'static T>, RegistryListError> {
    let mut out: Vec<(&'static T, &str)> = Vec::new();
    let mut items = Vec::new();
    for (i, word) in split(list).enumerate() {
        let position = i + 1;
        match lookup::<T>(word) {
            Some(e) => match out.iter().find(|(o, _)| o.code() == e.code()) {
                Some((_, first)) => items.push(RegistryListItem {
                    position,
                    input: word.to_string(),
                    kind: RegistryListErrorKind::Duplicate {
                        first: (*first).to_string(),
                    },
                }),
                None => out.push((e, word)),
            },
            None => items.push(RegistryListItem {
                position,
                input: word.to_string(),
                kind: RegistryListErrorKind::Unknown(RegistryNameError::new::<T>(word)),
            }),
        }
    }
    if out.is_empty() && items.is_empty() {
        items.push(RegistryListItem {
            position: 0,
            input: String::new(),
            kind: RegistryListErrorKind::Empty,
        });
    }
    if items.is_empty() {
        Ok(out.into_iter().map(|(e, _)| e).collect())
    } else {
        Err(RegistryListError {
            registry: T::REGISTRY,
            items,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_in_the_spellings_tools_print() {
        assert_eq!(parse_code("0x001D"), Some(29));
        assert_eq!(parse_code("0x1d"), Some(29));
        assert_eq!(parse_code("29"), Some(29));
        assert_eq!(parse_code(" 4588 "), Some(0x11EC));
        for bad in ["", "0x", "0x12345", "x25519", "1d", "65536", "-1"] {
            assert_eq!(parse_code(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn distance_ignores_case_and_stops_at_the_limit() {
        assert_eq!(distance("P-265", "p-256", 3), Some(1));
        assert_eq!(distance("ab", "ba", 2), Some(1));
        assert_eq!(distance("abc", "ABC", 0), Some(0));
        assert_eq!(distance("abcdef", "uvwxyz", 2), None);
        assert_eq!(distance("a", "abcd", 2), None);
    }

    #[test]
    fn name_index_is_sorted_and_lower_case() {
        for names in [&tables::GROUP_NAMES[..], &tables::SIGALG_NAMES[..]] {
            for w in names.windows(2) {
                assert!(w[0].0 < w[1].0, "{:?} before {:?}", w[0].0, w[1].0);
            }
            for (k, _) in names {
                assert_eq!(*k, k.to_ascii_lowercase());
            }
        }
    }
}
