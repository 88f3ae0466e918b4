//! Suite lists: text that holds many suites, split into items and resolved.
//!
//! People paste suite lists in every shape: an OpenSSL string
//! (`AES128-SHA:AES256-SHA`), a Windows policy string (`TLS_A,TLS_B`), one
//! name per line, codes (`0xC02B`, `{0xC0,0x2B}`, `c0 2b`), or a whole report
//! from a scanner. This module turns such text into [`Item`]s: a known
//! [`Suite`] with the text that named it, or an unknown input with close
//! names for "did you mean". Unknown items never stop the rest of a list.
//!
//! [`parse`] handles plain lists. [`read`] first offers the whole text to
//! the registered [`Format`]s (a text that starts with a format's prefix, such
//! as `openssl:`, goes to that format; otherwise each format may recognise the
//! text), and falls back to [`parse`].
//!
//! ```
//! use cipherdex::list::{self, Item};
//!
//! let items = list::parse("ECDHE-RSA-AES128-GCM-SHA256:0xC0,0x2C nosuch-suite");
//! assert_eq!(items.len(), 3);
//! assert_eq!(items[1].suite().map(|s| s.code()), Some(0xC02C));
//! assert!(matches!(&items[2], Item::Unknown { input, .. } if input == "nosuch-suite"));
//! ```

use std::collections::HashMap;
use std::error::Error as StdError;
use std::fmt;

use crate::lookup::{lookup, parse_code, suggest};
use crate::suite::Suite;

/// How many close names an unknown item carries.
pub const SUGGESTIONS: usize = 3;

/// One item of a suite list.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Item {
    /// The input names a known suite (or signalling value, or GREASE value).
    Resolved {
        /// The text as it appeared in the list.
        input: String,
        /// The suite it names.
        suite: &'static Suite,
    },
    /// The input names no known suite.
    Unknown {
        /// The text as it appeared in the list.
        input: String,
        /// Known names close to the input, closest first (empty for codes).
        suggestions: Vec<&'static str>,
    },
}

impl Item {
    /// Resolves one list item: a name in any scheme and case, or a code in any spelling.
    ///
    /// ```
    /// use cipherdex::list::Item;
    /// let item = Item::resolve("ECDHE-RSA-AES256-GCM-SHA348");
    /// assert!(item.suite().is_none());
    /// assert_eq!(item.suggestions()[0], "ECDHE-RSA-AES256-GCM-SHA384");
    /// assert_eq!(Item::resolve("{0xC0,0x2B}").suite().map(|s| s.code()), Some(0xC02B));
    /// ```
    pub fn resolve(input: &str) -> Item {
        Item::resolve_known(input).unwrap_or_else(|| {
            let input = input.trim();
            Item::Unknown {
                input: input.to_string(),
                suggestions: unknown_suggestions(input),
            }
        })
    }

    /// The resolved item if `input` names a known suite.
    fn resolve_known(input: &str) -> Option<Item> {
        let input = input.trim();
        lookup(input).map(|suite| Item::Resolved {
            input: input.to_string(),
            suite,
        })
    }

    /// The text as it appeared in the list.
    pub fn input(&self) -> &str {
        match self {
            Item::Resolved { input, .. } | Item::Unknown { input, .. } => input,
        }
    }

    /// The suite, if the item names a known one.
    pub fn suite(&self) -> Option<&'static Suite> {
        match self {
            Item::Resolved { suite, .. } => Some(suite),
            Item::Unknown { .. } => None,
        }
    }

    /// Close known names for an unknown item (empty for a known one).
    pub fn suggestions(&self) -> &[&'static str] {
        match self {
            Item::Resolved { .. } => &[],
            Item::Unknown { suggestions, .. } => suggestions,
        }
    }
}

/// Close names for an unknown input; none for a code (an unassigned code has no near miss).
fn unknown_suggestions(input: &str) -> Vec<&'static str> {
    if parse_code(input).is_some() {
        Vec::new()
    } else {
        suggest(input, SUGGESTIONS)
    }
}

/// Splits a suite list into its items, without resolving them.
///
/// Items are separated by `:`, `,`, spaces, tabs or newlines. Code spellings
/// that contain separators stay whole: a line that as a whole names a known
/// suite (`0xC0,0x2B`, `c0 2b`, `0x01,0x00,0x80`), a brace group (`{0xC0,0x2B}`), and runs of byte
/// tokens (`0xC0,0x2B,0xC0,0x2F` or `c0 2b c0 2f`: taken two by two). Empty
/// items are skipped, and so is everything from a `#` to the end of its line
/// (comments in a list file; no name or code contains `#`).
///
/// ```
/// let items = cipherdex::list::split("AES128-SHA:AES256-SHA, {0xC0,0x2B}\n0xC0,0x2F 0xC0,0x30\n# note\n");
/// assert_eq!(items, ["AES128-SHA", "AES256-SHA", "{0xC0,0x2B}", "0xC0,0x2F", "0xC0,0x30"]);
/// assert_eq!(cipherdex::list::split("c0 2b"), ["c0 2b"]);
/// ```
pub fn split(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        if lookup(line).is_some() {
            out.push(line);
            continue;
        }
        split_line(line, &mut out);
    }
    out
}

fn is_sep(c: char) -> bool {
    c == ':' || c == ',' || c.is_whitespace()
}

/// A byte token: `0xC0`, `x2b`, or bare `c0` (exactly two hex digits).
fn is_byte(tok: &str) -> bool {
    let (digits, prefixed) = match tok.get(..2) {
        Some(p) if p.eq_ignore_ascii_case("0x") => (&tok[2..], true),
        _ => match tok.strip_prefix(['x', 'X']) {
            Some(r) => (r, true),
            None => (tok, false),
        },
    };
    let ok_len = if prefixed {
        (1..=2).contains(&digits.len())
    } else {
        digits.len() == 2
    };
    ok_len && digits.bytes().all(|b| b.is_ascii_hexdigit())
}

fn split_line<'a>(line: &'a str, out: &mut Vec<&'a str>) {
    // Atoms as byte ranges into `line`.
    let mut atoms: Vec<(usize, usize)> = Vec::new();
    let mut rest = line.char_indices().peekable();
    while let Some(&(i, c)) = rest.peek() {
        if is_sep(c) {
            rest.next();
        } else if c == '{' {
            let end = line[i..].find('}').map_or(line.len(), |e| i + e + 1);
            atoms.push((i, end));
            while rest.peek().is_some_and(|&(j, _)| j < end) {
                rest.next();
            }
        } else {
            let end = line[i..].find(is_sep).map_or(line.len(), |e| i + e);
            atoms.push((i, end));
            while rest.peek().is_some_and(|&(j, _)| j < end) {
                rest.next();
            }
        }
    }
    let mut k = 0;
    while k < atoms.len() {
        // A run of byte tokens of even length is read as two-byte codes.
        let run = atoms[k..]
            .iter()
            .take_while(|&&(s, e)| is_byte(&line[s..e]))
            .count();
        if run >= 2 && run % 2 == 0 {
            for pair in atoms[k..k + run].chunks(2) {
                out.push(&line[pair[0].0..pair[1].1]);
            }
            k += run;
        } else {
            for &(s, e) in &atoms[k..k + run.max(1)] {
                out.push(&line[s..e]);
            }
            k += run.max(1);
        }
    }
}

/// Splits a plain suite list and resolves every item, in order.
///
/// Unknown items are kept (with suggestions); they do not stop the rest.
///
/// ```
/// let items = cipherdex::list::parse("AES128-SHA:AES256-SHA");
/// let names: Vec<_> = items.iter().filter_map(|i| i.suite()).map(|s| s.canonical_name()).collect();
/// assert_eq!(names, ["TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA"]);
/// ```
pub fn parse(text: &str) -> Vec<Item> {
    // Batches repeat the same typo on many lines: look for close names once.
    let mut memo: HashMap<String, Vec<&'static str>> = HashMap::new();
    split(text)
        .into_iter()
        .map(|token| match Item::resolve_known(token) {
            Some(item) => item,
            None => {
                let key = token.trim().to_ascii_uppercase();
                let suggestions = memo
                    .entry(key)
                    .or_insert_with(|| unknown_suggestions(token.trim()))
                    .clone();
                Item::Unknown {
                    input: token.trim().to_string(),
                    suggestions,
                }
            }
        })
        .collect()
}

/// A suite list read from a text, and what the text was.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct List {
    /// The items, in the order the text gives them.
    pub items: Vec<Item>,
    /// The name of the [`Format`] that read the text ([`PLAIN`] for a plain list).
    pub format: &'static str,
    /// Remarks for a human about how the text was read (ignored words, guesses).
    pub notes: Vec<String>,
}

impl List {
    /// A list read by `format`, with no notes.
    ///
    /// ```
    /// let l = cipherdex::list::List::new(cipherdex::list::parse("AES128-SHA"), "plain");
    /// assert_eq!(l.items.len(), 1);
    /// ```
    pub fn new(items: Vec<Item>, format: &'static str) -> List {
        List {
            items,
            format,
            notes: Vec::new(),
        }
    }
}

/// The name of the built-in plain-list format, used when no other format applies.
pub const PLAIN: &str = "plain";

/// A kind of text that holds a suite list: a scanner report, a hex dump, a
/// cipher string language. Implement it in the module that knows the format
/// and register it in [`formats`]; [`read`] then recognises it.
///
/// ```
/// use cipherdex::list::{Format, FormatError, List};
///
/// /// A made-up format: `suites=` followed by a plain list.
/// struct KeyValue;
/// impl Format for KeyValue {
///     fn name(&self) -> &'static str { "key-value" }
///     fn detect(&self, text: &str) -> bool { text.trim_start().starts_with("suites=") }
///     fn read(&self, text: &str) -> Result<List, FormatError> {
///         let body = text.trim_start().strip_prefix("suites=").unwrap_or(text);
///         Ok(List::new(cipherdex::list::parse(body), self.name()))
///     }
/// }
/// let list = KeyValue.read("suites=AES128-SHA:AES256-SHA")?;
/// assert_eq!(list.items.len(), 2);
/// # Ok::<(), FormatError>(())
/// ```
pub trait Format: Sync {
    /// A short stable name (`sslscan-xml`, `openssl`), as `--input-format` takes it.
    fn name(&self) -> &'static str;

    /// A prefix that selects this format explicitly (`openssl:` for an OpenSSL
    /// cipher string), or `None`. The prefix is removed before [`Format::read`].
    fn prefix(&self) -> Option<&'static str> {
        None
    }

    /// True if `text` (a whole file or argument) is in this format. Must be
    /// cheap and must not accept plain lists.
    fn detect(&self, text: &str) -> bool;

    /// Reads the suites of `text`.
    fn read(&self, text: &str) -> Result<List, FormatError>;
}

/// A text that claimed to be in a format, or was forced to one, but is not
/// readable as it: says which format, where, and what went wrong.
///
/// ```
/// let e = cipherdex::list::FormatError::new("sslscan-xml", Some(12), "expected </cipher>".into());
/// assert_eq!(e.to_string(), "not a valid sslscan-xml text: line 12: expected </cipher>");
/// ```
#[derive(Debug)]
pub struct FormatError {
    format: &'static str,
    line: Option<usize>,
    source: Box<dyn StdError + Send + Sync>,
}

impl FormatError {
    /// A failure of `format` at `line` (1-based, if known), caused by `source`.
    pub fn new(
        format: &'static str,
        line: Option<usize>,
        source: Box<dyn StdError + Send + Sync>,
    ) -> FormatError {
        FormatError {
            format,
            line,
            source,
        }
    }

    /// The format's name.
    pub fn format(&self) -> &'static str {
        self.format
    }

    /// The 1-based line where reading failed, if known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a valid {} text: ", self.format)?;
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        write!(f, "{}", self.source)
    }
}

impl StdError for FormatError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&*self.source)
    }
}

/// The plain list as a [`Format`]: always the last resort of [`read`].
struct Plain;

impl Format for Plain {
    fn name(&self) -> &'static str {
        PLAIN
    }
    fn detect(&self, _text: &str) -> bool {
        true
    }
    fn read(&self, text: &str) -> Result<List, FormatError> {
        Ok(List::new(parse(text), PLAIN))
    }
}

/// Every registered format, tried in this order by [`read`]; the plain list is last.
///
/// Modules that read a format add it here (one line each).
static FORMATS: &[&dyn Format] = &[
    // Issue 8: scanner reports, hex dumps, Windows output, config lines.
    &crate::scan::SSLSCAN_XML,
    &crate::scan::NMAP_XML,
    &crate::scan::TESTSSL_JSON,
    &crate::scan::NMAP,
    &crate::scan::TESTSSL,
    &crate::scan::SSLSCAN,
    &crate::scan::CLIENTHELLO,
    &crate::scan::HEX,
    &crate::scan::CONFIG,
    &crate::scan::WINDOWS_FORMAT_LIST,
    &crate::scan::WINDOWS_ORDER,
    &crate::scan::WINDOWS_NAMES,
    &crate::openssl::OpensslString,
    &Plain,
];

/// Every format [`read`] knows, the plain list last.
///
/// ```
/// let names: Vec<_> = cipherdex::list::formats().iter().map(|f| f.name()).collect();
/// assert_eq!(names.last(), Some(&"plain"));
/// ```
pub fn formats() -> &'static [&'static dyn Format] {
    FORMATS
}

/// Reads a suite list from any text: a text starting with a format's prefix
/// goes to that format, else the first format that recognises the text reads
/// it, else it is read as a plain list.
///
/// ```
/// let list = cipherdex::list::read("AES128-SHA\nAES256-SHA\n")?;
/// assert_eq!(list.format, "plain");
/// assert_eq!(list.items.len(), 2);
/// # Ok::<(), cipherdex::list::FormatError>(())
/// ```
pub fn read(text: &str) -> Result<List, FormatError> {
    let trimmed = text.trim_start();
    for f in FORMATS {
        if let Some(body) = f.prefix().and_then(|p| strip_prefix_ci(trimmed, p)) {
            return f.read(body);
        }
    }
    for f in FORMATS {
        if f.detect(text) {
            return f.read(text);
        }
    }
    Plain.read(text)
}

/// Reads `text` as the format named `name` (no detection), or says which names exist.
///
/// ```
/// let list = cipherdex::list::read_as("AES128-SHA", "plain")?;
/// assert_eq!(list.items.len(), 1);
/// let err = cipherdex::list::read_as("AES128-SHA", "nope").unwrap_err();
/// assert!(err.to_string().contains("plain"));
/// # Ok::<(), cipherdex::list::ReadError>(())
/// ```
pub fn read_as(text: &str, name: &str) -> Result<List, ReadError> {
    // The scan formats' aliases (`gpo`, `nginx`, `hello`) name their format too.
    let canonical = name
        .parse::<crate::scan::Format>()
        .map_or(name, |f| f.as_str());
    let f = FORMATS
        .iter()
        .find(|f| f.name().eq_ignore_ascii_case(canonical))
        .ok_or_else(|| ReadError::UnknownFormat(name.to_string()))?;
    let body = f
        .prefix()
        .and_then(|p| strip_prefix_ci(text.trim_start(), p))
        .unwrap_or(text);
    f.read(body).map_err(ReadError::Format)
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Why [`read_as`] could not read a text.
#[derive(Debug)]
#[non_exhaustive]
pub enum ReadError {
    /// No format has this name.
    UnknownFormat(String),
    /// The format could not read the text.
    Format(FormatError),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::UnknownFormat(name) => {
                let names: Vec<_> = FORMATS.iter().map(|f| f.name()).collect();
                write!(
                    f,
                    "unknown input format {name:?} (expected one of: {})",
                    names.join(", ")
                )
            }
            ReadError::Format(e) => e.fmt(f),
        }
    }
}

impl StdError for ReadError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            ReadError::UnknownFormat(_) => None,
            ReadError::Format(e) => Some(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<Option<u32>> {
        parse(text)
            .iter()
            .map(|i| i.suite().map(|s| s.code()))
            .collect()
    }

    #[test]
    fn separators() {
        assert_eq!(
            split("a:b,c d\te\r\nf\n\n g "),
            ["a", "b", "c", "d", "e", "f", "g"]
        );
        assert_eq!(split(" ,:: \n"), Vec::<&str>::new());
    }

    #[test]
    fn comments_skipped() {
        assert_eq!(
            split("# list\nAES128-SHA # the printer\n  # more\nAES256-SHA#x"),
            ["AES128-SHA", "AES256-SHA"]
        );
    }

    #[test]
    fn windows_policy_string() {
        let s = "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P256,TLS_RSA_WITH_AES_128_CBC_SHA";
        assert_eq!(codes(s), [Some(0xC02C), Some(0xC027), Some(0x002F)]);
    }

    #[test]
    fn code_spellings_with_separators() {
        assert_eq!(codes("0xC0,0x2B"), [Some(0xC02B)]);
        assert_eq!(codes("{0xC0,0x2B}"), [Some(0xC02B)]);
        assert_eq!(codes("{ 0xC0, 0x2B }"), [Some(0xC02B)]);
        assert_eq!(codes("c0 2b"), [Some(0xC02B)]);
        assert_eq!(codes("0x01,0x00,0x80"), [Some(0x010080)]);
        assert_eq!(
            codes("{0xC0,0x2B},{0xC0,0x2F}"),
            [Some(0xC02B), Some(0xC02F)]
        );
        assert_eq!(codes("0xC0,0x2B,0xC0,0x2F"), [Some(0xC02B), Some(0xC02F)]);
        assert_eq!(codes("c0 2b c0 2f"), [Some(0xC02B), Some(0xC02F)]);
        assert_eq!(codes("0xC02B:0x009E"), [Some(0xC02B), Some(0x009E)]);
        assert_eq!(codes("AES128-SHA 0xC0,0x2B"), [Some(0x002F), Some(0xC02B)]);
    }

    #[test]
    fn unterminated_brace_is_one_unknown_item() {
        let items = parse("AES128-SHA {0xC0,0x2B");
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].input(), "{0xC0,0x2B");
        assert!(items[1].suite().is_none());
    }

    #[test]
    fn unknown_items_keep_going() {
        let items = parse("AES128-SHA:ECDHE-RSA-AES256-GCM-SHA348:AES256-SHA");
        assert_eq!(items.len(), 3);
        assert!(items[0].suite().is_some() && items[2].suite().is_some());
        assert_eq!(items[1].input(), "ECDHE-RSA-AES256-GCM-SHA348");
        assert!(items[1]
            .suggestions()
            .contains(&"ECDHE-RSA-AES256-GCM-SHA384"));
    }

    #[test]
    fn unassigned_code_has_no_suggestions() {
        let item = Item::resolve("0x4747");
        assert!(item.suite().is_none());
        assert!(item.suggestions().is_empty());
    }

    #[test]
    fn read_falls_back_to_plain() {
        let l = read("AES128-SHA:AES256-SHA").unwrap();
        assert_eq!(l.format, PLAIN);
        assert_eq!(l.items.len(), 2);
    }

    #[test]
    fn read_as_unknown_format_lists_names() {
        let e = read_as("x", "sslscan-bogus").unwrap_err();
        assert!(matches!(e, ReadError::UnknownFormat(_)));
        assert!(e.to_string().contains("plain"), "{e}");
    }

    #[test]
    fn odd_run_of_bytes_is_taken_one_by_one() {
        // Three bare byte tokens: not a pair list; each is looked up alone.
        assert_eq!(split("c0 2b 9f"), ["c0", "2b", "9f"]);
    }
}
