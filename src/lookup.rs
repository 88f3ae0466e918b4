//! Finding suites by any name or code spelling, and "did you mean".

use std::fmt;
use std::str::FromStr;

use crate::suite::Suite;
use crate::tables;

/// The suite a name or code means, in any scheme and any letter case.
///
/// Names: IANA, OpenSSL (current and historical), GnuTLS, NSS, Java, Go,
/// Windows (including `_P256` curve-suffixed names), Mbed TLS, wolfSSL,
/// Wireshark, nmap and testssl.sh spellings. Codes: `0xC02B`, `C02B`,
/// `0xC0,0x2B`, `{0xC0,0x2B}`, `c0 2b`, `xc02b` (testssl's form, leading
/// zeros dropped: `x9f`), and six-digit SSL 2.0 kinds (`0x010080`).
///
/// Where one spelling names several codes (`SSL_RSA_FIPS_WITH_3DES_EDE_CBC_SHA`
/// is 0xFEFF and 0xFFE0; `RC4-MD5` is 0x0004 and SSL 2.0's 0x010080), this
/// returns the IANA-assigned (or most common) one; [`lookup_all`] returns all.
/// Leading and trailing white space is ignored. It never allocates.
///
/// ```
/// let s = cipherdex::lookup("ecdhe-ecdsa-aes256-sha").unwrap();
/// assert_eq!(s.canonical_name(), "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA");
/// assert_eq!(cipherdex::lookup("{0xC0,0x0A}"), Some(s));
/// assert_eq!(cipherdex::lookup("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P384"), Some(s));
/// assert!(cipherdex::lookup("ECDHE-RSA-AES256-GCM-SHA348").is_none());
/// ```
#[inline]
pub fn lookup(input: &str) -> Option<&'static Suite> {
    match tables::BY_NAME.get(input) {
        Some((slot, _)) => tables::SUITES.get(usize::from(slot.first)),
        None => lookup_cold(input),
    }
}

/// [`lookup`] of what the name index does not hold as given: surrounding white
/// space, or a code. Out of line, so the common path stays small.
#[inline(never)]
fn lookup_cold(input: &str) -> Option<&'static Suite> {
    let s = input.trim();
    if s.len() != input.len() {
        if let Some((slot, _)) = tables::BY_NAME.get(s) {
            return tables::SUITES.get(usize::from(slot.first));
        }
    }
    parse_code(s).and_then(Suite::from_code)
}

/// Whether `s` needs no trimming: both ends are visible ASCII, as in every
/// name. Checking this first skips `str::trim`'s Unicode-aware scan.
#[inline]
fn is_trimmed(s: &str) -> bool {
    matches!(s.as_bytes(), [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic())
}

/// `s.trim()`, with the fast path of [`is_trimmed`].
#[inline]
fn trim(s: &str) -> &str {
    if is_trimmed(s) {
        s
    } else {
        s.trim()
    }
}

/// A name or code that is no known suite, with the close names.
///
/// The error of `str::parse::<&Suite>()`; its [`Display`](fmt::Display) says what
/// was given, the close names, and what would be accepted.
///
/// ```
/// use cipherdex::{Suite, UnknownNameError};
/// let e: UnknownNameError = "AES128-SHAA".parse::<&Suite>().unwrap_err();
/// assert_eq!(e.input(), "AES128-SHAA");
/// assert_eq!(e.suggestions()[0], "AES128-SHA");
/// assert!(e.to_string().contains("did you mean AES128-SHA"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownNameError {
    input: String,
    suggestions: Vec<&'static str>,
}

impl UnknownNameError {
    /// The error for `input`, with up to three close names from [`suggest`].
    ///
    /// ```
    /// let e = cipherdex::UnknownNameError::new("ECDHE-RSA-AES128-GCM-SHA265");
    /// assert_eq!(e.suggestions()[0], "ECDHE-RSA-AES128-GCM-SHA256");
    /// ```
    pub fn new(input: &str) -> UnknownNameError {
        UnknownNameError {
            input: input.to_owned(),
            suggestions: suggest(input, 3),
        }
    }

    /// The name or code as given.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// Close known names, closest first (possibly none).
    pub fn suggestions(&self) -> &[&'static str] {
        &self.suggestions
    }
}

impl fmt::Display for UnknownNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown suite {:?}", self.input)?;
        if self.suggestions.is_empty() {
            f.write_str(
                ": give a suite name in any scheme (IANA, OpenSSL, GnuTLS, NSS, Java, Go, Windows, ...) \
                 or a code such as 0xC02F or 0xC0,0x2F",
            )
        } else {
            write!(f, " (did you mean {}?)", self.suggestions.join(", "))
        }
    }
}

impl std::error::Error for UnknownNameError {}

impl FromStr for &'static Suite {
    type Err = UnknownNameError;

    /// [`lookup`]: any name in any scheme, any letter case, or any code spelling
    /// (SSL 2.0 kinds included).
    ///
    /// ```
    /// use cipherdex::Suite;
    /// let s: &Suite = "ecdhe-rsa-aes128-gcm-sha256".parse()?;
    /// assert_eq!(s.code(), 0xC02F);
    /// assert_eq!("0xC0,0x2F".parse::<&Suite>()?, s);
    /// assert!("0xC0FE".parse::<&Suite>().is_err());
    /// # Ok::<(), cipherdex::UnknownNameError>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        lookup(s).ok_or_else(|| UnknownNameError::new(s))
    }
}

/// Every suite a name or code means; the first is what [`lookup`] returns.
///
/// ```
/// let codes: Vec<u32> = cipherdex::lookup_all("SSL_RSA_FIPS_WITH_3DES_EDE_CBC_SHA")
///     .map(|s| s.code())
///     .collect();
/// assert_eq!(codes, [0xFEFF, 0xFFE0]);
/// ```
pub fn lookup_all(input: &str) -> impl Iterator<Item = &'static Suite> {
    let s = trim(input);
    let targets: &'static [u16] = tables::BY_NAME
        .get(s)
        .and_then(|(_, found)| {
            let start = usize::from(found.start);
            tables::NAME_TARGETS.get(start..start + usize::from(found.count))
        })
        .unwrap_or(&[]);
    let by_code = if targets.is_empty() {
        parse_code(s).and_then(Suite::from_code)
    } else {
        None
    };
    targets
        .iter()
        .map(|&i| &tables::SUITES[i as usize])
        .chain(by_code)
}

/// Reads a code in any of the spellings tools print, without looking it up.
///
/// One token of hex digits, optionally prefixed `0x` or `x` (`0xC02B`,
/// `C02B`, `x9f`), or two or three byte tokens separated by commas or
/// spaces, optionally in braces (`0xC0,0x2B`, `{0xC0, 0x2B}`, `c0 2b`).
/// Bare tokens without a prefix need at least two digits.
///
/// ```
/// use cipherdex::parse_code;
/// assert_eq!(parse_code("0xC02B"), Some(0xC02B));
/// assert_eq!(parse_code("{0xC0,0x2B}"), Some(0xC02B));
/// assert_eq!(parse_code("c0 2b"), Some(0xC02B));
/// assert_eq!(parse_code("x9f"), Some(0x9F));
/// assert_eq!(parse_code("0x01,0x00,0x80"), Some(0x010080));
/// assert_eq!(parse_code("AES128"), None);
/// ```
pub fn parse_code(input: &str) -> Option<u32> {
    let mut s = input.trim();
    if let Some(inner) = s.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        s = inner.trim();
    }
    if s.is_empty() || s.len() > 20 {
        return None;
    }
    let is_sep = |c: char| c == ',' || c.is_ascii_whitespace();
    if !s.contains(is_sep) {
        let (digits, prefixed) = strip_hex_prefix(s);
        let max = 6;
        let min = if prefixed { 1 } else { 2 };
        if digits.len() < min
            || digits.len() > max
            || !digits.bytes().all(|b| b.is_ascii_hexdigit())
        {
            return None;
        }
        return u32::from_str_radix(digits, 16).ok();
    }
    let mut value: u32 = 0;
    let mut count = 0;
    for tok in s.split(is_sep).filter(|t| !t.is_empty()) {
        count += 1;
        if count > 3 {
            return None;
        }
        let (digits, _) = strip_hex_prefix(tok);
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        value = (value << 8) | u32::from_str_radix(digits, 16).ok()?;
    }
    if count >= 2 {
        Some(value)
    } else {
        None
    }
}

fn strip_hex_prefix(s: &str) -> (&str, bool) {
    if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (r, true)
    } else if let Some(r) = s.strip_prefix('x').or_else(|| s.strip_prefix('X')) {
        (r, true)
    } else {
        (s, false)
    }
}

/// Up to `max` known names closest to `input`, closest first, for "did you mean".
///
/// Compares case-insensitively with an edit distance that counts a swap of
/// two neighbouring characters as one edit (optimal string alignment), and
/// keeps only names within about a third of the input's length. Feature
/// `suggest` (strsim's distance); without it the list is empty.
///
/// ```
/// let s = cipherdex::suggest("ECDHE-RSA-AES256-GCM-SHA348", 3);
/// assert_eq!(s[0], "ECDHE-RSA-AES256-GCM-SHA384");
/// ```
pub fn suggest(input: &str, max: usize) -> Vec<&'static str> {
    let needle = input.trim().to_ascii_uppercase();
    let counts = CharCounts::of(&needle);
    let len = counts.len;
    if len == 0 || max == 0 {
        return Vec::new();
    }
    let limit = (len / 3).clamp(1, 8);
    // Names are sorted by length: only the window within `limit` can be close.
    let names = &tables::SUGGEST_NAMES[..];
    let lo = names.partition_point(|n| n.len() + limit < len);
    let hi = names.partition_point(|n| n.len() <= len + limit);
    if lo >= hi {
        return Vec::new();
    }
    // A cheap lower bound on the distance sorts the window; the distance
    // itself is computed closest bound first, until no remaining name can
    // beat the `max` closest found.
    let mut window: Vec<(usize, &'static str)> = names[lo..hi]
        .iter()
        .map(|name| (counts.lower_bound(name), *name))
        .filter(|&(bound, _)| bound <= limit)
        .collect();
    window.sort_by_key(|&(bound, _)| bound);
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    let mut upper = String::new();
    for (bound, name) in window {
        if found.get(max - 1).is_some_and(|&(d, _)| bound > d) {
            break;
        }
        upper.clear();
        upper.extend(name.chars().map(|c| c.to_ascii_uppercase()));
        let d = crate::distance::osa(&needle, &upper);
        if d <= limit {
            let at = found.partition_point(|&(e, _)| e <= d);
            found.insert(at, (d, name));
        }
    }
    found.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(a.1.len().cmp(&b.1.len()))
            .then(a.1.cmp(b.1))
    });
    found.into_iter().take(max).map(|(_, n)| n).collect()
}

/// How often each character occurs in a string (ASCII by value, every other
/// character in one shared bin).
struct CharCounts {
    counts: [i16; 128],
    len: usize,
}

impl CharCounts {
    fn bin(c: char) -> usize {
        if c.is_ascii() {
            c as usize
        } else {
            127
        }
    }

    fn of(s: &str) -> CharCounts {
        let mut counts = [0i16; 128];
        let mut len = 0;
        for c in s.chars() {
            let b = &mut counts[Self::bin(c)];
            *b = b.saturating_add(1);
            len += 1;
        }
        CharCounts { counts, len }
    }

    /// A lower bound on the optimal-string-alignment distance between the
    /// counted string and `name` compared upper-cased: an insertion or
    /// deletion changes the counts by one, a substitution by two, a swap not
    /// at all; and no fewer edits than the difference in length.
    fn lower_bound(&self, name: &str) -> usize {
        let mut diff = self.counts;
        let mut len = 0usize;
        for c in name.chars() {
            let b = &mut diff[Self::bin(c.to_ascii_uppercase())];
            *b = b.saturating_sub(1);
            len += 1;
        }
        let total: usize = diff.iter().map(|d| usize::from(d.unsigned_abs())).sum();
        total.div_ceil(2).max(self.len.abs_diff(len))
    }
}
