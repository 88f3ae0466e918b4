//! Reading what Windows prints: `Get-TlsCipherSuite` (Format-List),
//! `(Get-TlsCipherSuite).Name`, the Group Policy "SSL Cipher Suite Order"
//! string and the registry `Functions` value (plain, `reg query`, `.reg`).
//!
//! Every parser keeps names it does not know (as [`Listed`] entries without
//! a suite) and reports every malformed line with its number.

use std::fmt;

use crate::attrs::Protocol;
use crate::suite::Suite;

/// One suite as Windows listed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    line: usize,
    name: String,
    code: Option<u32>,
    suite: Option<&'static Suite>,
    protocols: Vec<u16>,
}

impl Listed {
    fn new(line: usize, name: &str, code: Option<u32>, protocols: Vec<u16>) -> Listed {
        let suite = code
            .and_then(Suite::from_code)
            .or_else(|| crate::lookup::lookup(name));
        Listed {
            line,
            name: name.to_string(),
            code,
            suite,
            protocols,
        }
    }

    /// The 1-based line the entry starts on.
    pub fn line(&self) -> usize {
        self.line
    }
    /// The name as printed (may be empty in Format-List output without `Name`).
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The `CipherSuite` code (Format-List only).
    pub fn code(&self) -> Option<u32> {
        self.code
    }
    /// The suite, or `None` for a name and code cipherdex does not know.
    pub fn suite(&self) -> Option<&'static Suite> {
        self.suite
    }
    /// The `Protocols` values as printed (decimal wire versions: 771 = TLS 1.2).
    pub fn protocol_codes(&self) -> &[u16] {
        &self.protocols
    }
    /// The `Protocols` values cipherdex knows.
    pub fn protocols(&self) -> Vec<Protocol> {
        self.protocols
            .iter()
            .filter_map(|&c| {
                Protocol::ALL
                    .iter()
                    .copied()
                    .find(|p| p.wire_version() == c)
            })
            .collect()
    }
}

/// One malformed line.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListingProblem {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong and what was expected.
    pub message: String,
}

/// Why a Windows listing could not be read: every malformed line.
///
/// ```
/// let err = cipherdex::windows::parse_cipher_suite_order("TLS_RSA_WITH_AES_128_CBC_SHA,,X").unwrap_err();
/// assert_eq!(err.problems()[0].line, 1);
/// assert!(err.to_string().contains("empty name"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingError {
    format: &'static str,
    problems: Vec<ListingProblem>,
}

impl ListingError {
    fn new(format: &'static str, problems: Vec<ListingProblem>) -> ListingError {
        ListingError { format, problems }
    }
    /// Every malformed line.
    pub fn problems(&self) -> &[ListingProblem] {
        &self.problems
    }
}

impl fmt::Display for ListingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot read {}: ", self.format)?;
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "line {}: {}", p.line, p.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for ListingError {}

fn is_windows_name(s: &str) -> bool {
    (s.starts_with("TLS_") || s.starts_with("SSL_") || s.starts_with("RSA_"))
        && s.len() > 4
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

fn is_name_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// `Key : value` with PowerShell's padded key column.
fn property(line: &str) -> Option<(&str, &str)> {
    let (k, v) = line.split_once(':')?;
    let k = k.trim_end();
    (!k.is_empty()
        && !k.starts_with(char::is_whitespace)
        && k.bytes().all(|b| b.is_ascii_alphanumeric()))
    .then(|| (k, v.trim()))
}

/// True when `text` looks like `Get-TlsCipherSuite` Format-List output
/// (`CipherSuite :` and `Name :` lines). Cheap: no allocation.
///
/// ```
/// assert!(cipherdex::windows::looks_like_get_tls_cipher_suite("CipherSuite : 49200\nName : TLS_X\n"));
/// assert!(!cipherdex::windows::looks_like_get_tls_cipher_suite("TLS_RSA_WITH_AES_128_CBC_SHA\n"));
/// ```
pub fn looks_like_get_tls_cipher_suite(text: &str) -> bool {
    let mut suite = false;
    let mut name = false;
    for line in text.lines().take(200) {
        match property(line) {
            Some(("CipherSuite", _)) => suite = true,
            Some(("Name", _)) => name = true,
            _ => {}
        }
        if suite && name {
            return true;
        }
    }
    false
}

/// True when every non-empty line is a Windows suite name (`TLS_...`,
/// `SSL_...`), as `(Get-TlsCipherSuite).Name` prints; a `Name` / `----`
/// table header is allowed.
///
/// ```
/// assert!(cipherdex::windows::looks_like_tls_cipher_suite_names("TLS_AES_256_GCM_SHA384\r\nTLS_AES_128_GCM_SHA256\r\n"));
/// assert!(!cipherdex::windows::looks_like_tls_cipher_suite_names("ECDHE-RSA-AES128-SHA\n"));
/// ```
pub fn looks_like_tls_cipher_suite_names(text: &str) -> bool {
    let mut any = false;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line == "Name" || line.bytes().all(|b| b == b'-') {
            continue;
        }
        if !is_windows_name(line) {
            return false;
        }
        any = true;
    }
    any
}

/// True when `text` is a policy string / `Functions` value: `reg query`
/// output with `Functions`, a `.reg` `"Functions"=` line, or one line of
/// comma-separated Windows suite names.
///
/// ```
/// use cipherdex::windows::looks_like_cipher_suite_order;
/// assert!(looks_like_cipher_suite_order("TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256"));
/// assert!(looks_like_cipher_suite_order("    Functions    REG_SZ    TLS_AES_256_GCM_SHA384"));
/// assert!(!looks_like_cipher_suite_order("ECDHE-RSA-AES128-SHA:AES128-SHA"));
/// ```
pub fn looks_like_cipher_suite_order(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    if text.lines().any(|l| reg_value(l).is_some()) {
        return true;
    }
    match (lines.next(), lines.next()) {
        (Some(one), None) => {
            one.contains([',', ';'])
                && one
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .all(is_windows_name)
        }
        _ => false,
    }
}

/// The value of a `Functions` line in `reg query` or `.reg` output.
fn reg_value(line: &str) -> Option<&str> {
    let t = line.trim();
    if let Some(rest) = t.strip_prefix("\"Functions\"=") {
        return Some(rest.trim().trim_matches('"'));
    }
    let mut words = t.split_whitespace();
    if words.next() == Some("Functions") {
        let ty = words.next()?;
        if ty.starts_with("REG_") {
            let at = t.find(ty)? + ty.len();
            return Some(t[at..].trim());
        }
    }
    None
}

/// Reads `Get-TlsCipherSuite` Format-List output: blocks of `Property :
/// value` lines separated by blank lines. `CipherSuite` is decimal;
/// `Protocols` is `{771, 65277}`. Wrapped values (indented continuation
/// lines) are joined. Unknown properties are ignored; unknown suites kept.
///
/// ```
/// let text = "\nKeyType               : 0\nCertificate           : RSA\nCipherSuite           : 49200\nCipher                : AES\nName                  : TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\nProtocols             : {771, 65277}\n\n";
/// let list = cipherdex::windows::parse_get_tls_cipher_suite(text).map_err(|e| e.to_string())?;
/// assert_eq!(list.len(), 1);
/// assert_eq!(list[0].code(), Some(0xC030));
/// assert_eq!(list[0].protocols(), [cipherdex::Protocol::Tls12, cipherdex::Protocol::Dtls12]);
/// # Ok::<(), String>(())
/// ```
pub fn parse_get_tls_cipher_suite(text: &str) -> Result<Vec<Listed>, ListingError> {
    const FORMAT: &str = "Get-TlsCipherSuite output";
    struct Block {
        line: usize,
        name: Option<String>,
        code: Option<u32>,
        protocols: Vec<u16>,
    }
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let mut block: Option<Block> = None;
    let finish = |b: Block, out: &mut Vec<Listed>, problems: &mut Vec<ListingProblem>| match (
        b.name, b.code,
    ) {
        (None, None) => problems.push(ListingProblem {
            line: b.line,
            message: "entry has neither Name nor CipherSuite".to_string(),
        }),
        (name, code) => out.push(Listed::new(
            b.line,
            name.as_deref().unwrap_or(""),
            code,
            b.protocols,
        )),
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let n = i + 1;
        let line = lines[i].trim_end();
        i += 1;
        if line.trim().is_empty() {
            if let Some(b) = block.take() {
                finish(b, &mut out, &mut problems);
            }
            continue;
        }
        if let Some((key, value)) = property(line) {
            let mut value = value.to_string();
            // Continuation lines: indented, no `Key :` of their own.
            while i < lines.len()
                && lines[i].starts_with(char::is_whitespace)
                && !lines[i].trim().is_empty()
                && property(lines[i]).is_none()
            {
                value.push_str(lines[i].trim());
                i += 1;
            }
            let b = block.get_or_insert(Block {
                line: n,
                name: None,
                code: None,
                protocols: Vec::new(),
            });
            match key {
                "Name" => {
                    if value.is_empty() {
                        problems.push(ListingProblem {
                            line: n,
                            message: "Name is empty".to_string(),
                        });
                    }
                    b.name = Some(value);
                }
                "CipherSuite" => match value.parse::<u32>() {
                    Ok(c) => b.code = Some(c),
                    Err(_) => problems.push(ListingProblem {
                        line: n,
                        message: format!(
                            "CipherSuite {value:?} is not a decimal number (49200 = 0xC030)"
                        ),
                    }),
                },
                "Protocols" => {
                    let inner = value.trim_start_matches('{').trim_end_matches('}');
                    for p in inner.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                        match p.parse::<u16>() {
                            Ok(c) => b.protocols.push(c),
                            Err(_) => problems.push(ListingProblem {
                                line: n,
                                message: format!(
                                    "Protocols item {p:?} is not a decimal version number (771 = TLS 1.2)"
                                ),
                            }),
                        }
                    }
                }
                _ => {}
            }
        } else {
            problems.push(ListingProblem {
                line: n,
                message: format!(
                    "{:?} is not a `Property : value` line of Get-TlsCipherSuite's list output",
                    line.trim()
                ),
            });
        }
    }
    if let Some(b) = block.take() {
        finish(b, &mut out, &mut problems);
    }
    if out.is_empty() && problems.is_empty() {
        problems.push(ListingProblem {
            line: 1,
            message: "no entries (expected `Name : TLS_...` blocks)".to_string(),
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(ListingError::new(FORMAT, problems))
    }
}

/// Reads `(Get-TlsCipherSuite).Name` output: one name per line (blank
/// lines and a `Name` / `----` header skipped). A line that is not a single
/// name is an error; names cipherdex does not know are kept.
///
/// ```
/// let list = cipherdex::windows::parse_tls_cipher_suite_names("TLS_AES_256_GCM_SHA384\nTLS_FUTURE_SUITE\n").map_err(|e| e.to_string())?;
/// assert_eq!(list.len(), 2);
/// assert!(list[1].suite().is_none());
/// # Ok::<(), String>(())
/// ```
pub fn parse_tls_cipher_suite_names(text: &str) -> Result<Vec<Listed>, ListingError> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t == "Name" || t.bytes().all(|b| b == b'-') {
            continue;
        }
        if is_name_token(t) {
            out.push(Listed::new(i + 1, t, None, Vec::new()));
        } else {
            problems.push(ListingProblem {
                line: i + 1,
                message: format!("{t:?} is not a suite name (expected one name per line)"),
            });
        }
    }
    if out.is_empty() && problems.is_empty() {
        problems.push(ListingProblem {
            line: 1,
            message: "no names".to_string(),
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(ListingError::new(
            "(Get-TlsCipherSuite).Name output",
            problems,
        ))
    }
}

/// Reads the Group Policy "SSL Cipher Suite Order" string or the registry
/// `Functions` value: names separated by commas (or semicolons, as the MDM
/// CSP writes them). Also accepts `reg query` output (the `Functions
/// REG_SZ ...` line; key lines and other values skipped) and `.reg` files
/// (`"Functions"="..."`). Empty items and stray text are errors.
///
/// ```
/// let text = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002\n    Functions    REG_SZ    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_CBC_SHA\n";
/// let list = cipherdex::windows::parse_cipher_suite_order(text).map_err(|e| e.to_string())?;
/// assert_eq!(list.len(), 2);
/// assert_eq!(list[1].suite().map(|s| s.code()), Some(0x002F));
/// # Ok::<(), String>(())
/// ```
pub fn parse_cipher_suite_order(text: &str) -> Result<Vec<Listed>, ListingError> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let registry = text.lines().any(|l| reg_value(l).is_some());
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let t = line.trim();
        let value = if registry {
            match reg_value(t) {
                Some(v) => v,
                None => continue, // key lines, other values, headers
            }
        } else {
            t
        };
        if value.is_empty() {
            continue;
        }
        let items: Vec<&str> = value.split([',', ';']).map(str::trim).collect();
        let last = items.len() - 1;
        for (j, item) in items.iter().enumerate() {
            if item.is_empty() {
                if j == last && j > 0 {
                    continue; // a trailing separator
                }
                problems.push(ListingProblem {
                    line: n,
                    message: format!("empty name at item {} (two separators in a row)", j + 1),
                });
            } else if is_name_token(item) {
                out.push(Listed::new(n, item, None, Vec::new()));
            } else {
                problems.push(ListingProblem {
                    line: n,
                    message: format!(
                        "{item:?} is not a suite name (expected comma-separated names such as TLS_AES_256_GCM_SHA384)"
                    ),
                });
            }
        }
    }
    if out.is_empty() && problems.is_empty() {
        problems.push(ListingProblem {
            line: 1,
            message: if registry {
                "the Functions value is empty".to_string()
            } else {
                "no names (expected a comma-separated list, or `reg query` output with Functions)"
                    .to_string()
            },
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(ListingError::new("cipher suite order", problems))
    }
}

/// Reads any of the Windows listings: Format-List first, then the policy
/// string / registry value, then one name per line. Which listing a text is
/// is `cipherdex::input::detect`'s answer
/// (`Format::WindowsFormatList`, `WindowsOrder`, `WindowsNames`).
///
/// ```
/// use cipherdex::windows::parse_windows_suite_list;
/// let list = parse_windows_suite_list("TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256").map_err(|e| e.to_string())?;
/// assert_eq!(list.len(), 2);
/// # Ok::<(), String>(())
/// ```
pub fn parse_windows_suite_list(text: &str) -> Result<Vec<Listed>, ListingError> {
    if looks_like_get_tls_cipher_suite(text) {
        parse_get_tls_cipher_suite(text)
    } else if looks_like_cipher_suite_order(text) {
        parse_cipher_suite_order(text)
    } else {
        parse_tls_cipher_suite_names(text)
    }
}
