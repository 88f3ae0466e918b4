//! What a text says about suites: the [`Report`] every format gives, and
//! its view as a suite [`List`].

use std::fmt;

use super::{Format, Item, List};
use crate::attrs::{Protocol, Protocols};
use crate::hello::ClientHello;
use crate::negotiate::Peer;
use crate::suite::{CodeHex, Suite};

/// One suite as a report or ClientHello names it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SuiteRef {
    /// A suite cipherdex knows.
    Known(&'static Suite),
    /// A code or name cipherdex does not know: kept, never dropped.
    Unknown {
        /// The code, when the input gave one.
        code: Option<u32>,
        /// The name, when the input gave one.
        name: Option<String>,
    },
    /// A GREASE value (RFC 8701), such as `0x0A0A`.
    Grease(u16),
}

impl SuiteRef {
    /// The known suite, if this is one.
    ///
    /// ```
    /// let r = cipherdex::input::SuiteRef::Grease(0x0A0A);
    /// assert!(r.suite().is_none());
    /// ```
    pub fn suite(&self) -> Option<&'static Suite> {
        match self {
            SuiteRef::Known(s) => Some(s),
            _ => None,
        }
    }

    /// The code: the suite's, the unknown code, or the GREASE value.
    ///
    /// ```
    /// let r = cipherdex::input::SuiteRef::Unknown { code: Some(0x0047), name: None };
    /// assert_eq!(r.code(), Some(0x0047));
    /// ```
    pub fn code(&self) -> Option<u32> {
        match self {
            SuiteRef::Known(s) => Some(s.code()),
            SuiteRef::Unknown { code, .. } => *code,
            SuiteRef::Grease(g) => Some(u32::from(*g)),
        }
    }
}

impl fmt::Display for SuiteRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SuiteRef::Known(s) => f.write_str(s.canonical_name()),
            SuiteRef::Unknown { code, name } => {
                f.write_str("unknown")?;
                if let Some(c) = code {
                    write!(f, " {}", crate::suite::CodeHex(*c))?;
                }
                if let Some(n) = name {
                    write!(f, " {n}")?;
                }
                Ok(())
            }
            SuiteRef::Grease(g) => write!(f, "GREASE 0x{g:04X}"),
        }
    }
}

/// One suite line of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entry {
    /// The protocol the suite was accepted in, when the report says.
    pub protocol: Option<Protocol>,
    /// The suite.
    pub suite: SuiteRef,
    /// True when the report marks it as the one the server chose first
    /// (sslscan `Preferred`).
    pub preferred: bool,
    /// The line in the input (1-based), when the input has lines.
    pub line: Option<u32>,
}

/// Whose order a server follows, as a scanner reports it: the negotiation
/// engine's own type, so a report's preference feeds a [`Peer`] as it is.
///
/// [`Peer`]: crate::negotiate::Peer
pub use crate::negotiate::Preference;

/// One per-protocol section of a report (nmap's `TLSv1.2:` block, testssl's
/// `TLS 1.2` heading).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Section {
    /// The protocol.
    pub protocol: Protocol,
    /// The `cipher preference` line, when the report has one.
    pub preference: Option<Preference>,
    /// The line the section starts on, when the input has lines.
    pub line: Option<u32>,
}

/// What a report, ClientHello or configuration says: its suites and the facts around them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    /// The format it was read as.
    pub source: Format,
    /// Every suite line, in input order. Unknown codes and names are kept.
    pub entries: Vec<Entry>,
    /// Per-protocol sections, in input order.
    pub sections: Vec<Section>,
    /// Protocols the report says are enabled (`true`) or disabled (`false`):
    /// sslscan's protocol list, `ssl_protocols`, `SSLProtocol`.
    pub protocols: Vec<(Protocol, bool)>,
    /// The decoded ClientHello, for [`Format::ClientHello`] input.
    pub client_hello: Option<ClientHello>,
    /// Remarks for a human about how the text was read (from an OpenSSL
    /// cipher string's evaluation).
    pub notes: Vec<String>,
}

impl Report {
    pub(super) fn new(source: Format) -> Report {
        Report {
            source,
            entries: Vec::new(),
            sections: Vec::new(),
            protocols: Vec::new(),
            client_hello: None,
            notes: Vec::new(),
        }
    }

    /// The known suites, each once, in order of first appearance.
    ///
    /// ```
    /// use cipherdex::input::{self, Format};
    /// let r = input::report(Format::CipherVector, "c0 2b c0 2f c0 2b")?;
    /// let names: Vec<_> = r.suites().iter().map(|s| s.canonical_name()).collect();
    /// assert_eq!(names, ["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]);
    /// # Ok::<(), cipherdex::input::InputError>(())
    /// ```
    pub fn suites(&self) -> Vec<&'static Suite> {
        let mut out: Vec<&'static Suite> = Vec::new();
        for e in &self.entries {
            if let SuiteRef::Known(s) = e.suite {
                if !out.iter().any(|o| std::ptr::eq(*o, s)) {
                    out.push(s);
                }
            }
        }
        out
    }

    /// The known suites accepted in `protocol`, in report order.
    ///
    /// ```
    /// use cipherdex::Protocol;
    /// let text = "Accepted  TLSv1.2  128 bits  AES128-SHA\nAccepted  TLSv1.0  128 bits  AES128-SHA\n";
    /// let r = cipherdex::input::report(cipherdex::input::Format::SslscanText, text)?;
    /// assert_eq!(r.suites_in(Protocol::Tls10).len(), 1);
    /// assert!(r.suites_in(Protocol::Tls13).is_empty());
    /// # Ok::<(), cipherdex::input::InputError>(())
    /// ```
    pub fn suites_in(&self, protocol: Protocol) -> Vec<&'static Suite> {
        self.entries
            .iter()
            .filter(|e| e.protocol == Some(protocol))
            .filter_map(|e| e.suite.suite())
            .collect()
    }

    /// The entries cipherdex does not know (unknown codes and names).
    ///
    /// ```
    /// let r = cipherdex::input::report(cipherdex::input::Format::CipherVector, "c0 2b 77 77")?;
    /// assert_eq!(r.unknown().count(), 1);
    /// # Ok::<(), cipherdex::input::InputError>(())
    /// ```
    pub fn unknown(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .filter(|e| matches!(e.suite, SuiteRef::Unknown { .. }))
    }

    /// The preference the report gives for `protocol`, if any.
    pub fn preference(&self, protocol: Protocol) -> Option<Preference> {
        self.sections
            .iter()
            .find(|s| s.protocol == protocol)
            .and_then(|s| s.preference)
    }

    /// The server a scanner report shows, as one side of
    /// [`negotiate`](crate::negotiate::negotiate): the versions it accepted
    /// suites in, its TLS 1.3 suites (none when it accepted none), its older
    /// suites in report order, and its order when the report states whose
    /// order wins. `None` when no suite is tied to a version (a plain list,
    /// not a scanner report). What the report does not state (groups,
    /// signature schemes, certificates) stays as [`Peer::new`] has it.
    ///
    /// ```
    /// use cipherdex::input::{report, Format};
    /// let text = "Accepted  TLSv1.2  128 bits  AES128-SHA\nAccepted  TLSv1.1  128 bits  AES128-SHA\n";
    /// let server = report(Format::SslscanText, text)?.server().ok_or("not a scan")?;
    /// assert_eq!(server.versions.to_string(), "TLS1.1 TLS1.2");
    /// assert!(server.tls13_suites.is_empty());
    /// assert_eq!(server.tls12_suites.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn server(&self) -> Option<Peer> {
        let mut versions = Protocols::EMPTY;
        let (mut tls12, mut tls13): (Vec<&'static Suite>, Vec<&'static Suite>) =
            (Vec::new(), Vec::new());
        for e in &self.entries {
            let (Some(protocol), SuiteRef::Known(s)) = (e.protocol, &e.suite) else {
                continue;
            };
            versions = versions.with(protocol);
            let list = if s.is_tls13() { &mut tls13 } else { &mut tls12 };
            if !list.iter().any(|x| std::ptr::eq(*x, *s)) {
                list.push(s);
            }
        }
        if versions.is_empty() {
            return None;
        }
        let mut peer = Peer::new();
        peer.versions = versions;
        peer.tls12_suites = tls12;
        peer.tls13_suites = tls13;
        if let Some(p) = self.sections.iter().find_map(|s| s.preference) {
            peer.preference = p;
        }
        Some(peer)
    }

    pub(super) fn push(
        &mut self,
        protocol: Option<Protocol>,
        suite: SuiteRef,
        preferred: bool,
        line: Option<u32>,
    ) {
        self.entries.push(Entry {
            protocol,
            suite,
            preferred,
            line,
        });
    }
}

impl Report {
    /// A report of a suite list: one entry per item, without protocol.
    pub(super) fn from_list(list: &List) -> Report {
        let mut report = Report::new(list.format);
        for item in &list.items {
            let suite = match item.suite() {
                Some(s) if s.is_grease() => SuiteRef::Grease(s.code() as u16),
                Some(s) => SuiteRef::Known(s),
                None => {
                    let code = crate::lookup::parse_code(item.input());
                    SuiteRef::Unknown {
                        code,
                        name: code.is_none().then(|| item.input().to_string()),
                    }
                }
            };
            report.push(None, suite, false, None);
        }
        report.notes.clone_from(&list.notes);
        report
    }
}

/// The report's suites as list items: each suite once for per-protocol
/// reports (in order of first appearance), every entry otherwise; unknown
/// codes and names are kept as unknown items (names with close names).
/// Known suites are carried as they are, labelled with their code.
pub(super) fn to_list(report: &Report) -> List {
    let dedupe = report.source.per_protocol();
    let mut seen: Vec<&'static Suite> = Vec::new();
    let mut items = Vec::new();
    for e in &report.entries {
        let item = match &e.suite {
            SuiteRef::Known(s) => {
                if dedupe {
                    if seen.iter().any(|x| std::ptr::eq(*x, *s)) {
                        continue;
                    }
                    seen.push(s);
                }
                Item::Resolved {
                    input: s.code_hex().to_string(),
                    suite: s,
                }
            }
            SuiteRef::Grease(g) => {
                let input = CodeHex(u32::from(*g)).to_string();
                match Suite::from_code(u32::from(*g)) {
                    Some(suite) => Item::Resolved { input, suite },
                    None => Item::Unknown {
                        input,
                        suggestions: Vec::new(),
                    },
                }
            }
            SuiteRef::Unknown { code, name } => match (code, name) {
                (_, Some(n)) => Item::resolve(n),
                (Some(c), None) => Item::Unknown {
                    input: CodeHex(*c).to_string(),
                    suggestions: Vec::new(),
                },
                (None, None) => continue,
            },
        };
        items.push(item);
    }
    let mut list = List::new(items, report.source);
    list.notes.clone_from(&report.notes);
    if dedupe && report.entries.len() != list.items.len() {
        list.notes.push(format!(
            "{}: {} distinct suites from {} accepted (protocol, suite) lines",
            report.source.description(),
            list.items.len(),
            report.entries.len()
        ));
    }
    list
}
