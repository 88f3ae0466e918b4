//! What a text says about suites: the [`Report`] every format gives, and
//! its view as a suite [`List`].

use std::fmt;

use super::{Format, Item, List};
use crate::attrs::{Authentication, Protocol, Protocols};
use crate::cert::{CertKey, KeyType};
use crate::hello::ClientHello;
use crate::negotiate::Peer;
use crate::records::Group;
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
    /// The groups a scanner says the server accepts, each once, in the
    /// report's order (sslscan's "Server Key Exchange Group(s)", testssl.sh's
    /// "Elliptic curves offered"); `None` when the report states no groups.
    /// Scanners probe groups in their own order, not the server's.
    pub groups: Option<Vec<&'static Group>>,
    /// The server certificates the report describes: key type, size, curve
    /// and signer where it states them (sslscan's certificate, testssl.sh's
    /// key size and signature algorithm, nmap's `rsa 2048` key exchange);
    /// empty when it states none.
    pub certs: Vec<CertKey>,
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
            groups: None,
            certs: Vec::new(),
        }
    }

    /// Adds a group the report names (once).
    pub(super) fn add_group(&mut self, g: &'static Group) {
        let groups = self.groups.get_or_insert_with(Vec::new);
        if !groups.contains(&g) {
            groups.push(g);
        }
    }

    /// Adds a certificate the report describes (once).
    pub(super) fn add_cert(&mut self, c: CertKey) {
        if !self.certs.contains(&c) {
            self.certs.push(c);
        }
    }

    /// The server a scanner report shows, as one side of
    /// [`negotiate`](crate::negotiate::negotiate): the versions it accepted
    /// suites in, its TLS 1.3 suites (none when it accepted none), its older
    /// suites in report order, its order when the report states whose order
    /// wins, the groups it states (`None` when it states none: never a
    /// default), and the certificates it states, plus one of each key type
    /// that an accepted suite needs and no stated certificate has (a server
    /// that accepted ECDHE-ECDSA suites has an ECDSA certificate). Scanners
    /// state no signature schemes or security level: `None`. `None` when no
    /// suite is tied to a version (a plain list, not a scanner report).
    ///
    /// A suite the report names that cipherdex does not know cannot be part
    /// of the peer: [`Report::unknown_suites`] lists every such entry, so that
    /// a caller says so (the CLI prints a warning for each).
    ///
    /// ```
    /// use cipherdex::input::{report, Format};
    /// let text = "Accepted  TLSv1.2  128 bits  AES128-SHA\nAccepted  TLSv1.1  128 bits  AES128-SHA\n";
    /// let server = report(Format::SslscanText, text)?.server().ok_or("not a scan")?;
    /// assert_eq!(server.versions.to_string(), "TLS1.1 TLS1.2");
    /// assert!(server.tls13_suites.is_empty());
    /// assert_eq!(server.tls12_suites.len(), 1);
    /// assert_eq!(server.groups, None);
    ///
    /// let text = "Accepted  TLSv1.2  128 bits  ECDHE-RSA-AES128-GCM-SHA256  Curve 25519 DHE 253\n\
    ///             \n  Server Key Exchange Group(s):\nTLSv1.2  128 bits  x25519\n\
    ///             \n  SSL Certificate:\nSignature Algorithm: sha256WithRSAEncryption\nRSA Key Strength:    3072\n";
    /// let server = report(Format::SslscanText, text)?.server().ok_or("not a scan")?;
    /// assert_eq!(server.groups.as_ref().map(Vec::len), Some(1));
    /// assert_eq!(server.certs[0].bits, Some(3072));
    /// assert!(server.sigalgs.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn server(&self) -> Option<Peer> {
        let mut peer = Peer::new();
        let (mut tls13, mut older): (Vec<&'static Suite>, Vec<&'static Suite>) =
            (Vec::new(), Vec::new());
        let mut accepted = Protocols::EMPTY;
        for e in &self.entries {
            let (Some(p), Some(s)) = (e.protocol, e.suite.suite()) else {
                continue;
            };
            accepted = accepted.with(p);
            let list = if s.is_tls13() { &mut tls13 } else { &mut older };
            if !list.iter().any(|x| std::ptr::eq(*x, s)) {
                list.push(s);
            }
        }
        if accepted.is_empty() {
            return None;
        }
        peer.tls13_suites = tls13;
        peer.tls12_suites = older;
        peer.versions = accepted;
        if let Some(pref) = self.sections.iter().find_map(|s| s.preference) {
            peer.preference = pref;
        }
        peer.refuse_without_max_version_suites = false;
        peer.groups.clone_from(&self.groups);
        peer.key_shares = None;
        peer.group_tuples = None;
        peer.sigalgs = None;
        peer.security_level = None;
        let mut certs = self.certs.clone();
        for s in peer.tls12_suites.iter().chain(&peer.tls13_suites) {
            let need = match s.auth() {
                Authentication::Rsa => KeyType::Rsa,
                Authentication::Ecdsa => KeyType::Ecdsa,
                Authentication::Dss => KeyType::Dsa,
                _ => continue,
            };
            let covered = certs
                .iter()
                .any(|c| c.key == need || (need == KeyType::Rsa && c.key == KeyType::RsaPss));
            if !covered {
                certs.push(CertKey::new(need));
            }
        }
        if !certs.is_empty() {
            peer.certs = certs;
        }
        peer.name = Some(format!("the server of the {}", self.source.description()));
        Some(peer)
    }

    /// The entries whose suite cipherdex does not know (GREASE values are
    /// not suites and are not listed), in input order: what
    /// [`Report::server`] and [`Report::suites`] leave out.
    ///
    /// ```
    /// use cipherdex::input::{report, Format};
    /// let text = "Accepted  TLSv1.2  128 bits  AES128-SHA\n\
    ///             Accepted  TLSv1.2  128 bits  NOT-A-SUITE\n";
    /// let r = report(Format::SslscanText, text)?;
    /// assert_eq!(r.server().ok_or("a scan")?.tls12_suites.len(), 1);
    /// let unknown = r.unknown_suites();
    /// assert_eq!(unknown.len(), 1);
    /// assert_eq!(unknown[0].suite.to_string(), "unknown NOT-A-SUITE");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unknown_suites(&self) -> Vec<&Entry> {
        self.entries
            .iter()
            .filter(|e| matches!(e.suite, SuiteRef::Unknown { .. }))
            .collect()
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

/// A certificate as a scanner describes it: the key type as scanners spell it
/// (`RSA`, `EC`, `ECDSA`, `DSA`, `Ed25519`, `RSASSA-PSS`), its size in bits
/// (ignored for EC keys, whose curve gives it: scanners print the EC
/// strength there), the curve's name (`prime256v1`, `secp384r1`, `P-384`)
/// and the signature algorithm (`sha256WithRSAEncryption`, `ecdsa-with-SHA256`,
/// `SHA256 with RSA`); `None` for a key type cipherdex does not know.
pub(super) fn scanned_cert(
    kind: &str,
    bits: Option<u32>,
    curve: Option<&str>,
    signature: Option<&str>,
) -> Option<CertKey> {
    use crate::cert::NamedCurve;
    let key = match kind.trim().to_ascii_lowercase().as_str() {
        "rsa" => KeyType::Rsa,
        "rsassa-pss" | "rsa-pss" => KeyType::RsaPss,
        "ec" | "ecc" | "ecdsa" => KeyType::Ecdsa,
        "dsa" => KeyType::Dsa,
        "ed25519" => KeyType::Ed25519,
        "ed448" => KeyType::Ed448,
        _ => return None,
    };
    let mut cert = CertKey::new(key);
    if key == KeyType::Ecdsa {
        let named = curve
            .and_then(|c| Group::lookup(c.trim()))
            .and_then(|g| match g.code() {
                0x0017 => Some(NamedCurve::P256),
                0x0018 => Some(NamedCurve::P384),
                0x0019 => Some(NamedCurve::P521),
                0x001A => Some(NamedCurve::BrainpoolP256r1),
                0x001B => Some(NamedCurve::BrainpoolP384r1),
                0x001C => Some(NamedCurve::BrainpoolP512r1),
                _ => None,
            });
        if let Some(c) = named {
            cert = cert.with_curve(c);
        }
    } else {
        cert.bits = bits;
    }
    cert.signed_by = signature.and_then(|s| {
        let s = s.to_ascii_lowercase();
        Some(if s.contains("ecdsa") {
            KeyType::Ecdsa
        } else if s.contains("ed25519") {
            KeyType::Ed25519
        } else if s.contains("ed448") {
            KeyType::Ed448
        } else if s.contains("rsa") {
            KeyType::Rsa
        } else if s.contains("dsa") {
            KeyType::Dsa
        } else {
            return None;
        })
    });
    Some(cert)
}
