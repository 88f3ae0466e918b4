//! Finding suites by any name or code spelling, and "did you mean".

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
/// two neighbouring characters as one edit, and keeps only names within
/// about a third of the input's length.
///
/// ```
/// let s = cipherdex::suggest("ECDHE-RSA-AES256-GCM-SHA348", 3);
/// assert_eq!(s[0], "ECDHE-RSA-AES256-GCM-SHA384");
/// ```
pub fn suggest(input: &str, max: usize) -> Vec<&'static str> {
    let needle: Vec<u8> = input
        .trim()
        .bytes()
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if needle.is_empty() || max == 0 {
        return Vec::new();
    }
    let limit = (needle.len() / 3).clamp(1, 8);
    // Names are sorted by length: only the window within `limit` can be close.
    let names = &tables::SUGGEST_NAMES[..];
    let lo = names.partition_point(|n| n.len() + limit < needle.len());
    let hi = names.partition_point(|n| n.len() <= needle.len() + limit);
    let mut rows = Rows::default();
    let mut found: Vec<(usize, &'static str)> = names[lo..hi]
        .iter()
        .filter_map(|name| {
            rows.distance(&needle, name.as_bytes(), limit)
                .map(|d| (d, *name))
        })
        .collect();
    found.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(a.1.len().cmp(&b.1.len()))
            .then(a.1.cmp(b.1))
    });
    found.into_iter().take(max).map(|(_, n)| n).collect()
}

/// Three rows of the edit-distance table, reused from name to name.
#[derive(Default)]
struct Rows {
    prev2: Vec<usize>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl Rows {
    /// Optimal-string-alignment distance between `a` (upper case) and `b`
    /// (compared upper-cased), or `None` once it must exceed `limit`.
    fn distance(&mut self, a: &[u8], b: &[u8], limit: usize) -> Option<usize> {
        let n = b.len();
        let Rows { prev2, prev, cur } = self;
        prev2.clear();
        prev2.resize(n + 1, 0);
        prev.clear();
        prev.extend(0..=n);
        cur.clear();
        cur.resize(n + 1, 0);
        for i in 1..=a.len() {
            cur[0] = i;
            let mut row_min = cur[0];
            for j in 1..=n {
                let bj = b[j - 1].to_ascii_uppercase();
                let cost = usize::from(a[i - 1] != bj);
                let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2].to_ascii_uppercase() && a[i - 2] == bj {
                    v = v.min(prev2[j - 2] + 1);
                }
                cur[j] = v;
                row_min = row_min.min(v);
            }
            if row_min > limit {
                return None;
            }
            std::mem::swap(prev2, prev);
            std::mem::swap(prev, cur);
        }
        let d = prev[n];
        (d <= limit).then_some(d)
    }
}
