//! From a TLS error message to its causes.
//!
//! [`explain`] finds every known error message in a text (one message, or a
//! whole log) and says, for each, which stack printed it, what it means, the
//! TLS alert it carries, and its likely [`Cause`]s in order. It also takes
//! direct forms: `alert 40`, an SSPI status (`0x80090331`, `-2146893007`),
//! an SChannel event id (`36888`), an OpenSSL error code (`0A000410`,
//! `14094410`) and a curl exit code (`curl 35`, `exit code 35`).
//!
//! When the text also holds an `openssl s_client -msg` transcript with the
//! ClientHello, the handshake model ranks the causes: the hello is
//! negotiated against Mozilla's intermediate server configuration, and a
//! failure there (a hello offering TLS 1.0 only: `no_common_version`) moves
//! that cause first.
//!
//! The knowledge is data (`data/alerts.csv`, `data/errors.csv`), compiled
//! into a sorted pattern table indexed by its first two bytes: the search
//! looks each byte of the text up in a 256-entry table, and only where a
//! known pattern can start walks the sorted table like a trie (a binary
//! search per further byte), without allocating.
//!
//! ```
//! use cipherdex::cause::Cause;
//! use cipherdex::explain::{explain, Stack};
//!
//! let log = "connecting...\n\
//!     140:error:0A000410:SSL routines::sslv3 alert handshake failure:ssl/record/rec_layer_s3.c:1584:SSL alert number 40\n";
//! let found = explain(log)?;
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].line, 2);
//! assert_eq!(found[0].stack, Some(Stack::Openssl));
//! assert_eq!(found[0].alert.map(|a| a.name()), Some("handshake_failure"));
//! assert_eq!(found[0].causes[0], Cause::NoSharedSuite);
//! # Ok::<(), cipherdex::explain::ExplainError>(())
//! ```

use std::fmt;

use crate::attrs::{Protocol, Protocols};
use crate::cause::Cause;
use crate::negotiate::{negotiate, Peer};
use crate::profile::{self, Role};
use crate::records::{AlertRecord, MessageCode, MessageRecord, PatternRecord, PatternTarget};
use crate::tables::{
    EXPLAIN_ALERTS, EXPLAIN_MESSAGES, EXPLAIN_PATTERNS, EXPLAIN_SECOND, EXPLAIN_SLOT,
};

pub use crate::stack::{Stack, UnknownStackError, STACKS};

/// A TLS alert from the IANA registry.
///
/// ```
/// use cipherdex::explain::{Alert, Stack};
/// let a = Alert::from_code(70).ok_or("unknown alert")?;
/// assert_eq!(a.name(), "protocol_version");
/// assert_eq!(a.spelling(Stack::Openssl), Some("tlsv1 alert protocol version".to_string()));
/// assert_eq!(a.spelling(Stack::Go), Some("remote error: tls: protocol version not supported".to_string()));
/// assert_eq!(a.spelling(Stack::Dotnet), Some("The remote party sent a TLS alert: 'ProtocolVersion'".to_string()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Alert(&'static AlertRecord);

impl fmt::Debug for Alert {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Alert({} {})", self.0.code, self.0.name)
    }
}

impl PartialEq for AlertRecord {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}
impl Eq for AlertRecord {}

impl Alert {
    /// The alert with this code, if the registry assigns it.
    pub fn from_code(code: u8) -> Option<Alert> {
        EXPLAIN_ALERTS.iter().find(|a| a.code == code).map(Alert)
    }

    /// Every alert in the registry, by code.
    ///
    /// ```
    /// assert!(cipherdex::explain::Alert::all().any(|a| a.code() == 40));
    /// ```
    pub fn all() -> impl Iterator<Item = Alert> {
        EXPLAIN_ALERTS.iter().map(Alert)
    }

    /// The alert's number (`AlertDescription`), 40.
    pub fn code(self) -> u8 {
        self.0.code
    }

    /// The IANA name, `handshake_failure`.
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// What the alert says, in a sentence.
    pub fn meaning(self) -> &'static str {
        self.0.meaning
    }

    /// The likely causes, most likely first.
    pub fn causes(self) -> &'static [Cause] {
        self.0.causes
    }

    /// How a stack prints this alert when it receives it, where known.
    pub fn spelling(self, stack: Stack) -> Option<String> {
        let a = self.0;
        let nonempty = |s: &str, f: &dyn Fn(&str) -> String| (!s.is_empty()).then(|| f(s));
        match stack {
            Stack::Openssl => nonempty(a.openssl, &|s| s.to_string()),
            Stack::Python => nonempty(a.openssl, &|s| {
                format!("[SSL: {}]", s.to_ascii_uppercase().replace(' ', "_"))
            }),
            Stack::Node => Some(format!("SSL alert number {}", a.code)),
            Stack::Gnutls => nonempty(a.gnutls, &|s| format!("Received alert [{}]: {s}", a.code)),
            Stack::Go => nonempty(a.go, &|s| format!("remote error: tls: {s}")),
            Stack::Dotnet => nonempty(a.dotnet, &|s| {
                format!("The remote party sent a TLS alert: '{s}'")
            }),
            Stack::Java => Some(format!("Received fatal alert: {}", a.name)),
            Stack::Schannel => Some(format!(
                "The TLS protocol defined fatal alert code is {}.",
                a.code
            )),
            _ => None,
        }
    }
}

/// One error message recognised in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Finding<'t> {
    /// The line of the input it was found on (1 for the first).
    pub line: usize,
    /// The stack that prints it (`None` for an alert given by number).
    pub stack: Option<Stack>,
    /// The text recognised, as it appears in the input.
    pub message: &'t str,
    /// The known message it matched (its canonical spelling, or the alert's name).
    pub name: &'static str,
    /// The alert it carries, if any.
    pub alert: Option<Alert>,
    /// What it means, in a sentence or two.
    pub meaning: &'static str,
    /// The likely causes, most likely first.
    pub causes: Vec<Cause>,
    /// The versions of the stack that print it.
    pub versions: &'static str,
    /// The primary source: documentation page or source file and version.
    pub source: &'static str,
}

/// Why the input could not be read.
///
/// ```
/// let e = cipherdex::explain::explain("alert 300").unwrap_err();
/// assert_eq!(e.to_string(), "alert \"300\" is not a number from 0 to 255 (try: alert 40)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExplainError {
    /// The input is empty or only white space.
    Empty,
    /// `alert X` where X is not a number from 0 to 255.
    BadAlert(String),
    /// `curl X` or `exit code X` where X is not a number from 0 to 255.
    BadExitCode(String),
    /// `event X` where X is not a number.
    BadEvent(String),
    /// A `0x...` code that is not 1 to 8 hex digits.
    BadHex(String),
}

impl fmt::Display for ExplainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExplainError::Empty => f.write_str(
                "nothing to explain: give an error message, a log, or a code (alert 40, 0x80090331, 36888, curl 35)",
            ),
            ExplainError::BadAlert(s) => {
                write!(f, "alert {s:?} is not a number from 0 to 255 (try: alert 40)")
            }
            ExplainError::BadExitCode(s) => write!(
                f,
                "exit code {s:?} is not a number from 0 to 255 (try: curl 35)"
            ),
            ExplainError::BadEvent(s) => {
                write!(f, "event {s:?} is not a number (try: event 36888)")
            }
            ExplainError::BadHex(s) => write!(
                f,
                "code {s:?} is not 0x followed by 1 to 8 hex digits (try: 0x80090331)"
            ),
        }
    }
}

impl std::error::Error for ExplainError {}

/// Every text `explain` looks for (lower-case), with the stack that prints it.
///
/// ```
/// let n = cipherdex::explain::patterns().count();
/// assert!(n > 500);
/// assert!(cipherdex::explain::patterns().any(|(p, _)| p == "no shared cipher"));
/// ```
pub fn patterns() -> impl Iterator<Item = (&'static str, Stack)> {
    EXPLAIN_PATTERNS.iter().map(|p| (p.text, p.stack))
}

/// Finds every known error message in `text` (or reads `text` as a direct
/// form such as `alert 40` or `0x80090331`) and explains each.
///
/// An empty result means nothing was recognised.
///
/// # Errors
/// [`ExplainError`] when the text is empty, or a direct form is malformed
/// (`alert 300`, `curl x`).
///
/// ```
/// use cipherdex::explain::{explain, Stack};
/// let f = explain("-2146893007")?;
/// assert_eq!(f[0].stack, Some(Stack::Schannel));
/// assert_eq!(f[0].name, "SEC_E_ALGORITHM_MISMATCH");
/// assert_eq!(f[0].causes[0].id(), "no_common_version");
/// assert!(explain("all is well")?.is_empty());
/// # Ok::<(), cipherdex::explain::ExplainError>(())
/// ```
pub fn explain(text: &str) -> Result<Vec<Finding<'_>>, ExplainError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(ExplainError::Empty);
    }
    if let Some(found) = direct(trimmed)? {
        return Ok(found.map(|f| vec![f]).unwrap_or_default());
    }
    let mut found = Vec::new();
    search(text, |line, start, end, p| {
        if let Some(message) = text.get(start..end) {
            found.push(finding(line, message, p));
        }
    });
    merge(&mut found);
    if let Some(first) = hello_cause(text) {
        for f in &mut found {
            rank(&mut f.causes, first);
        }
    }
    Ok(found)
}

/// Calls `f(line, start, end, pattern)` for each known pattern in `text`,
/// leftmost first, longest at each position, without overlaps. A pattern
/// that begins (ends) with a letter, digit or `_` must not be preceded
/// (followed) by one.
fn search(text: &str, mut f: impl FnMut(usize, usize, usize, &'static PatternRecord)) {
    let b = text.as_bytes();
    let n = b.len();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let (mut i, mut line, mut counted) = (0usize, 1usize, 0usize);
    while i + 1 < n {
        let b0 = b[i].to_ascii_lowercase();
        let row = usize::from(EXPLAIN_SLOT[usize::from(b0)]);
        if row == 0 || (i > 0 && word(b0) && word(b[i - 1])) {
            i += 1;
            continue;
        }
        let b1 = usize::from(b[i + 1].to_ascii_lowercase());
        let Some(second) = EXPLAIN_SECOND.get(row - 1) else {
            break;
        };
        // Walk the sorted patterns like a trie: [lo, hi) share the first k
        // bytes with the text; those of length k are complete matches.
        let mut lo = usize::from(second[b1]);
        let mut hi = usize::from(second[b1 + 1]);
        let mut best: Option<&'static PatternRecord> = None;
        let mut k = 2;
        loop {
            while let Some(p) = EXPLAIN_PATTERNS
                .get(lo)
                .filter(|p| lo < hi && p.text.len() == k)
            {
                let last = p.text.as_bytes()[k - 1];
                if !(i + k < n && word(last) && word(b[i + k])) {
                    best = Some(p);
                }
                lo += 1;
            }
            if lo >= hi || i + k >= n {
                break;
            }
            if hi - lo <= 8 {
                // Few candidates left: compare each one's remaining bytes.
                for p in EXPLAIN_PATTERNS.get(lo..hi).unwrap_or_default() {
                    let t = p.text.as_bytes();
                    let end = i + t.len();
                    if end <= n
                        && b[i + k..end].eq_ignore_ascii_case(&t[k..])
                        && !(end < n && word(t[t.len() - 1]) && word(b[end]))
                        && best.map_or(true, |q| q.text.len() < t.len())
                    {
                        best = Some(p);
                    }
                }
                break;
            }
            let c = b[i + k].to_ascii_lowercase();
            let range = EXPLAIN_PATTERNS.get(lo..hi).unwrap_or_default();
            let a = range.partition_point(|p| p.text.as_bytes()[k] < c);
            let e = a + range
                .get(a..)
                .unwrap_or_default()
                .partition_point(|p| p.text.as_bytes()[k] == c);
            if a == e {
                break;
            }
            (lo, hi) = (lo + a, lo + e);
            k += 1;
        }
        match best {
            Some(p) => {
                line += b[counted..i].iter().filter(|&&c| c == b'\n').count();
                counted = i;
                f(line, i, i + p.text.len(), p);
                i += p.text.len();
            }
            None => i += 1,
        }
    }
}

fn alert_finding<'t>(
    line: usize,
    message: &'t str,
    stack: Option<Stack>,
    a: &'static AlertRecord,
) -> Finding<'t> {
    Finding {
        line,
        stack,
        message,
        name: a.name,
        alert: Some(Alert(a)),
        meaning: a.meaning,
        causes: a.causes.to_vec(),
        versions: "",
        source: "IANA TLS Alerts registry (tls-parameters-6); the stack's own alert table",
    }
}

fn message_finding<'t>(
    line: usize,
    message: &'t str,
    stack: Option<Stack>,
    m: &'static MessageRecord,
) -> Finding<'t> {
    Finding {
        line,
        stack,
        message,
        name: m.message,
        alert: m.alert.and_then(Alert::from_code),
        meaning: m.meaning,
        causes: m.causes.to_vec(),
        versions: m.versions,
        source: m.source,
    }
}

fn finding<'t>(line: usize, message: &'t str, p: &'static PatternRecord) -> Finding<'t> {
    match p.target {
        PatternTarget::Alert(i) => alert_finding(
            line,
            message,
            Some(p.stack),
            &EXPLAIN_ALERTS[usize::from(i)],
        ),
        PatternTarget::Message(i) => message_finding(
            line,
            message,
            Some(p.stack),
            &EXPLAIN_MESSAGES[usize::from(i)],
        ),
    }
}

/// True for findings that are an alert and nothing more.
fn is_alert_only(f: &Finding<'_>) -> bool {
    f.alert.is_some_and(|a| a.name() == f.name) && f.versions.is_empty()
}

/// Merges what one line says twice: the same message in several spellings
/// (`[SSL: NO_SHARED_CIPHER] no shared cipher`), an alert printed as text and
/// as a number, and a message plus the alert it reports (SChannel's event
/// 36887 and its "fatal alert code is 40").
fn merge(found: &mut Vec<Finding<'_>>) {
    let mut out: Vec<Finding<'_>> = Vec::with_capacity(found.len());
    let mut line_start = 0;
    for f in found.drain(..) {
        if out.last().is_some_and(|l| l.line != f.line) {
            line_start = out.len();
        }
        let same_line = &mut out[line_start..];
        if same_line
            .iter()
            .any(|o| o.name == f.name && o.meaning == f.meaning)
        {
            continue;
        }
        if is_alert_only(&f) {
            if let Some(o) = same_line
                .iter_mut()
                .find(|o| o.alert.is_none() || o.alert == f.alert)
            {
                if o.alert.is_none() {
                    o.alert = f.alert;
                    let mut causes = f.causes.clone();
                    causes.extend(o.causes.iter().filter(|c| !f.causes.contains(c)));
                    o.causes = causes;
                }
                continue;
            }
        } else if let Some(pos) = same_line
            .iter()
            .position(|o| is_alert_only(o) && (f.alert.is_none() || o.alert == f.alert))
        {
            // A message after its alert on the same line: the message takes its place.
            let a = same_line[pos].clone();
            let mut f = f;
            if f.alert.is_none() {
                f.alert = a.alert;
                let mut causes = a.causes.clone();
                causes.extend(f.causes.iter().filter(|c| !a.causes.contains(c)));
                f.causes = causes;
            }
            same_line[pos] = f;
            continue;
        }
        out.push(f);
    }
    *found = out;
}

/// Moves `first` to the front of `causes`; adds it there when the finding is
/// about the handshake parameters (it lists one of the model's causes).
fn rank(causes: &mut Vec<Cause>, first: Cause) {
    const MODEL: &[Cause] = &[
        Cause::NoCommonVersion,
        Cause::NoSharedSuite,
        Cause::NoFittingCertificate,
        Cause::NoSharedGroup,
        Cause::NoSharedSigalg,
        Cause::KeyTooSmall,
    ];
    if let Some(pos) = causes.iter().position(|&c| c == first) {
        causes[..=pos].rotate_right(1);
    } else if causes.iter().any(|c| MODEL.contains(c)) {
        causes.insert(0, first);
    }
}

/// The cause the handshake model gives for a ClientHello found in the text
/// (an `s_client -msg` transcript), negotiated against Mozilla's
/// intermediate server configuration.
fn hello_cause(text: &str) -> Option<Cause> {
    if !text.contains("ClientHello") {
        return None;
    }
    let bytes = crate::hello::decode_hex(text).ok()?.bytes;
    let hello = crate::hello::decode(&bytes).ok()?;
    let mut versions = Protocols::EMPTY;
    for v in hello.offered_versions() {
        if let Some(p) = Protocol::ALL.iter().find(|p| p.wire_version() == v) {
            versions = versions.with(*p);
        }
    }
    let mut client = Peer::from_suites(
        hello
            .cipher_suites
            .iter()
            .filter_map(|&c| crate::suite::Suite::from_code(c)),
    );
    if !hello
        .cipher_suites
        .iter()
        .any(|&c| (0x1301..=0x1305).contains(&c))
    {
        client.tls13_suites.clear();
    }
    client.versions = versions;
    let server = profile::resolve("mozilla:intermediate", Role::Server).ok()??;
    negotiate(&client, &server.peer)
        .outcome
        .err()
        .map(|f| f.kind.cause())
}

/// Reads `text` as a direct form; `Ok(None)` when it is not one (then it is
/// searched as text), `Ok(Some(None))` for a well-formed code nothing knows.
#[allow(clippy::option_option)]
fn direct(text: &str) -> Result<Option<Option<Finding<'_>>>, ExplainError> {
    // A direct form is at most four short words ("curl exit code 35").
    if text.len() > 64 || text.split_whitespace().nth(4).is_some() {
        return Ok(None);
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let last = words.last().copied().unwrap_or_default();
    let number = |s: &str| -> Option<u32> {
        match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
            Some(h) => u32::from_str_radix(h, 16).ok(),
            None => s.parse().ok(),
        }
    };
    match lower.as_slice() {
        ["alert", n] => {
            let code = number(n)
                .and_then(|c| u8::try_from(c).ok())
                .ok_or_else(|| ExplainError::BadAlert(last.to_string()))?;
            Ok(Some(
                Alert::from_code(code).map(|a| alert_finding(1, text, None, a.0)),
            ))
        }
        ["curl", n] | ["exit", "code", n] | ["curl", "exit", n] | ["curl", "exit", "code", n] => {
            let code = number(n)
                .filter(|&c| c <= 255)
                .ok_or_else(|| ExplainError::BadExitCode(last.to_string()))?;
            Ok(Some(by_code(text, MessageCode::Curl(code))))
        }
        ["event", n] | ["event", "id", n] => {
            let code: u32 = n
                .parse()
                .map_err(|_| ExplainError::BadEvent(last.to_string()))?;
            Ok(Some(by_code(text, MessageCode::Event(code))))
        }
        [token] => token_form(text, token),
        _ => Ok(None),
    }
}

#[allow(clippy::option_option)]
fn token_form<'t>(text: &'t str, token: &str) -> Result<Option<Option<Finding<'t>>>, ExplainError> {
    if let Some(h) = token.strip_prefix("0x") {
        if h.is_empty() || h.len() > 8 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ExplainError::BadHex(text.to_string()));
        }
        let v = u32::from_str_radix(h, 16).map_err(|_| ExplainError::BadHex(text.to_string()))?;
        return Ok(Some(hex_code(text, v)));
    }
    if let Some(d) = token.strip_prefix('-') {
        if !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(Some(
                d.parse::<i64>()
                    .ok()
                    .and_then(|v| i32::try_from(-v).ok())
                    .and_then(|v| by_code(text, MessageCode::Hresult(v as u32))),
            ));
        }
        return Ok(None);
    }
    if token.bytes().all(|b| b.is_ascii_digit()) {
        let Ok(v) = token.parse::<u64>() else {
            return Ok(Some(None));
        };
        let Ok(v) = u32::try_from(v) else {
            return Ok(Some(None));
        };
        if v >> 31 == 1 {
            return Ok(Some(by_code(text, MessageCode::Hresult(v))));
        }
        if let Some(f) = by_code(text, MessageCode::Event(v)) {
            return Ok(Some(Some(f)));
        }
        if token.len() != 8 {
            return Ok(Some(None));
        }
    }
    if token.len() == 8 && token.bytes().all(|b| b.is_ascii_hexdigit()) {
        let v =
            u32::from_str_radix(token, 16).map_err(|_| ExplainError::BadHex(text.to_string()))?;
        return Ok(Some(hex_code(text, v)));
    }
    Ok(None)
}

/// An SSPI status, or an OpenSSL error code (3.x `0A......` or 1.x `14......`).
fn hex_code(text: &str, v: u32) -> Option<Finding<'_>> {
    let reason = if v >> 23 == 20 {
        Some(v & 0x7F_FFFF)
    } else if v >> 24 == 0x14 {
        Some(v & 0xFFF)
    } else {
        None
    };
    if let Some(r) = reason {
        if let Some(a) = r.checked_sub(1000).and_then(|c| u8::try_from(c).ok()) {
            return Alert::from_code(a).map(|a| alert_finding(1, text, Some(Stack::Openssl), a.0));
        }
        return by_code(text, MessageCode::Openssl(0x0A00_0000 | r));
    }
    by_code(text, MessageCode::Hresult(v))
}

fn by_code(text: &str, code: MessageCode) -> Option<Finding<'_>> {
    EXPLAIN_MESSAGES
        .iter()
        .find(|m| m.code == Some(code))
        .map(|m| message_finding(1, text, Some(m.stack), m))
}

#[cfg(test)]
mod tests;
