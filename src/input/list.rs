//! Suite lists: text that holds many suites, split into items and resolved.
//!
//! [`split`] cuts a plain list into items, [`parse`] resolves each to an
//! [`Item`]: a known [`Suite`] with the text that named it, or an unknown
//! input with close names for "did you mean".
//!
//! ```
//! use cipherdex::input::{self, Item};
//!
//! let items = input::parse("ECDHE-RSA-AES128-GCM-SHA256:0xC0,0x2C nosuch-suite");
//! assert_eq!(items.len(), 3);
//! assert_eq!(items[1].suite().map(|s| s.code()), Some(0xC02C));
//! assert!(matches!(&items[2], Item::Unknown { input, .. } if input == "nosuch-suite"));
//! ```

use std::collections::HashMap;

use super::Format;
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
    /// use cipherdex::input::Item;
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
/// let items = cipherdex::input::split("AES128-SHA:AES256-SHA, {0xC0,0x2B}\n0xC0,0x2F 0xC0,0x30\n# note\n");
/// assert_eq!(items, ["AES128-SHA", "AES256-SHA", "{0xC0,0x2B}", "0xC0,0x2F", "0xC0,0x30"]);
/// assert_eq!(cipherdex::input::split("c0 2b"), ["c0 2b"]);
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
/// let items = cipherdex::input::parse("AES128-SHA:AES256-SHA");
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
    /// The format the text was read as.
    pub format: Format,
    /// Remarks for a human about how the text was read (ignored words, guesses).
    pub notes: Vec<String>,
}

impl List {
    /// A list read by `format`, with no notes.
    ///
    /// ```
    /// use cipherdex::input::{self, Format, List};
    /// let l = List::new(input::parse("AES128-SHA"), Format::Plain);
    /// assert_eq!(l.items.len(), 1);
    /// ```
    pub fn new(items: Vec<Item>, format: Format) -> List {
        List {
            items,
            format,
            notes: Vec::new(),
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
    fn odd_run_of_bytes_is_taken_one_by_one() {
        // Three bare byte tokens: not a pair list; each is looked up alone.
        assert_eq!(split("c0 2b 9f"), ["c0", "2b", "9f"]);
    }
}
