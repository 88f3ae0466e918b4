//! Reading what other tools print: scanner reports, ClientHello bytes and
//! server configuration lines, turned into suite lists.
//!
//! [`parse`] recognises the format on its own ([`detect`]); [`parse_as`]
//! forces one. Every format gives the same [`Report`]: a list of
//! [`Entry`]s (protocol, suite, preferred or not, source line) plus what the
//! report says about each protocol (enabled or not, server or client
//! preference). A suite cipherdex does not know is kept as
//! [`SuiteRef::Unknown`] with its code and name, never dropped; GREASE
//! values are [`SuiteRef::Grease`].
//!
//! Formats read ([`Format`]): sslscan text (with or without
//! `--show-cipher-ids`) and XML, nmap `ssl-enum-ciphers` normal and XML
//! output, testssl.sh text and JSON (`-e`, `-E`, every `--mapping`), a raw
//! cipher-suite vector in hex, a TLS record or ClientHello in hex (as
//! `openssl s_client -msg` prints it, or as one long hex stream),
//! nginx / Apache / HAProxy configuration lines, and the Windows listings
//! (`Get-TlsCipherSuite`, `(Get-TlsCipherSuite).Name`, the Group Policy
//! string and the registry `Functions` value, read by [`crate::windows`]).
//!
//! ```
//! use cipherdex::scan::{self, Format, SuiteRef};
//!
//! let text = "Accepted  TLSv1.2  256 bits    0xC030 ECDHE-RSA-AES256-GCM-SHA384   Curve 25519 DHE 253\n";
//! let report = scan::parse(text)?;
//! assert_eq!(report.source, Format::SslscanText);
//! let SuiteRef::Known(suite) = &report.entries[0].suite else { panic!("not known") };
//! assert_eq!(suite.code(), 0xC030);
//! # Ok::<(), scan::Error>(())
//! ```

mod as_list;
mod clienthello;
mod config;
mod detect;
mod hex;
mod nmap;
mod sslscan;
mod testssl;
mod text;
mod xml;

use std::fmt;
use std::str::FromStr;

use crate::attrs::Protocol;
use crate::suite::Suite;

pub use as_list::{
    ListFormat, CLIENTHELLO, CONFIG, HEX, NMAP, NMAP_XML, SSLSCAN, SSLSCAN_XML, TESTSSL,
    TESTSSL_JSON, WINDOWS_FORMAT_LIST, WINDOWS_NAMES, WINDOWS_ORDER,
};
pub use clienthello::{
    decode_bytes, extension_name, group_name, signature_scheme_name, version_name, ClientHello,
    Extension, HelloError, HelloErrorKind,
};
pub use detect::detect;
pub use hex::{decode_hex, HexInput};

/// An input format cipherdex reads.
///
/// Names for `--input-format` ([`FromStr`], any case): `sslscan`,
/// `sslscan-xml`, `nmap`, `nmap-xml`, `testssl`, `testssl-json`, `hex`
/// (a cipher-suite vector), `clienthello`, `config`, plus a few aliases.
///
/// ```
/// use cipherdex::scan::Format;
/// assert_eq!("sslscan-xml".parse::<Format>(), Ok(Format::SslscanXml));
/// assert_eq!("ClientHello".parse::<Format>(), Ok(Format::ClientHello));
/// assert_eq!(Format::NmapXml.to_string(), "nmap-xml");
/// assert!("sslscn".parse::<Format>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// sslscan's normal output, with or without `--show-cipher-ids`.
    SslscanText,
    /// sslscan's `--xml=FILE` output.
    SslscanXml,
    /// nmap `--script ssl-enum-ciphers` normal output (`-oN` or the terminal).
    NmapText,
    /// nmap `--script ssl-enum-ciphers` XML output (`-oX`).
    NmapXml,
    /// testssl.sh text output of `-e` or `-E`, any `--mapping`.
    TestsslText,
    /// testssl.sh `--jsonfile` (flat) or `--jsonfile-pretty` output of `-e` or `-E`.
    TestsslJson,
    /// A raw cipher-suite vector in hex: `c0 2b c0 2f`, `0xC02B,0xC02F`, `c02bc02f`.
    CipherVector,
    /// A TLS record or ClientHello handshake message in hex: `openssl s_client -msg`
    /// output or one hex stream (Wireshark's "Copy as hex stream").
    ClientHello,
    /// Server configuration lines: nginx `ssl_ciphers` / `ssl_protocols`, Apache
    /// `SSLCipherSuite` / `SSLProtocol`, HAProxy `ssl-default-bind-ciphers`.
    Config,
    /// PowerShell `Get-TlsCipherSuite` output (Format-List blocks).
    WindowsFormatList,
    /// PowerShell `(Get-TlsCipherSuite).Name`: one name per line.
    WindowsNames,
    /// The Group Policy "SSL Cipher Suite Order" string or the registry
    /// `Functions` value (plain, `reg query` or `.reg`).
    WindowsOrder,
}

impl Format {
    /// Every format, in the order [`detect`] reports them in documentation.
    pub const ALL: &'static [Format] = &[
        Format::SslscanText,
        Format::SslscanXml,
        Format::NmapText,
        Format::NmapXml,
        Format::TestsslText,
        Format::TestsslJson,
        Format::CipherVector,
        Format::ClientHello,
        Format::Config,
        Format::WindowsFormatList,
        Format::WindowsNames,
        Format::WindowsOrder,
    ];

    /// The name `--input-format` takes: `sslscan-xml`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::SslscanText => "sslscan",
            Format::SslscanXml => "sslscan-xml",
            Format::NmapText => "nmap",
            Format::NmapXml => "nmap-xml",
            Format::TestsslText => "testssl",
            Format::TestsslJson => "testssl-json",
            Format::CipherVector => "hex",
            Format::ClientHello => "clienthello",
            Format::Config => "config",
            Format::WindowsFormatList => "get-tlsciphersuite",
            Format::WindowsNames => "windows-names",
            Format::WindowsOrder => "windows-order",
        }
    }

    /// What the format is, for messages: "sslscan XML report".
    pub const fn description(self) -> &'static str {
        match self {
            Format::SslscanText => "sslscan text output",
            Format::SslscanXml => "sslscan XML report",
            Format::NmapText => "nmap ssl-enum-ciphers output",
            Format::NmapXml => "nmap ssl-enum-ciphers XML report",
            Format::TestsslText => "testssl.sh text output",
            Format::TestsslJson => "testssl.sh JSON file",
            Format::CipherVector => "cipher-suite vector in hex",
            Format::ClientHello => "TLS ClientHello in hex",
            Format::Config => "nginx/Apache/HAProxy configuration",
            Format::WindowsFormatList => "Get-TlsCipherSuite output",
            Format::WindowsNames => "(Get-TlsCipherSuite).Name output",
            Format::WindowsOrder => {
                "Windows cipher suite order (Group Policy string or registry Functions value)"
            }
        }
    }

    const ALIASES: &'static [(&'static str, Format)] = &[
        ("sslscan", Format::SslscanText),
        ("sslscan-text", Format::SslscanText),
        ("sslscan-txt", Format::SslscanText),
        ("sslscan-xml", Format::SslscanXml),
        ("nmap", Format::NmapText),
        ("nmap-text", Format::NmapText),
        ("nmap-normal", Format::NmapText),
        ("nmap-xml", Format::NmapXml),
        ("testssl", Format::TestsslText),
        ("testssl-text", Format::TestsslText),
        ("testssl.sh", Format::TestsslText),
        ("testssl-json", Format::TestsslJson),
        ("hex", Format::CipherVector),
        ("vector", Format::CipherVector),
        ("cipher-vector", Format::CipherVector),
        ("clienthello", Format::ClientHello),
        ("client-hello", Format::ClientHello),
        ("hello", Format::ClientHello),
        ("config", Format::Config),
        ("nginx", Format::Config),
        ("apache", Format::Config),
        ("haproxy", Format::Config),
        ("get-tlsciphersuite", Format::WindowsFormatList),
        ("windows-list", Format::WindowsFormatList),
        ("powershell", Format::WindowsFormatList),
        ("windows-names", Format::WindowsNames),
        ("windows-order", Format::WindowsOrder),
        ("gpo", Format::WindowsOrder),
        ("registry", Format::WindowsOrder),
    ];
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An `--input-format` name that is not a [`Format`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat {
    /// The name given.
    pub name: String,
}

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown input format {:?}; expected one of ", self.name)?;
        for (i, fmt) in Format::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(fmt.as_str())?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        let t = s.trim();
        let norm: String = t
            .chars()
            .map(|c| {
                if c == '_' {
                    '-'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        Format::ALIASES
            .iter()
            .find(|(name, _)| *name == norm)
            .map(|&(_, f)| f)
            .ok_or_else(|| UnknownFormat {
                name: t.to_string(),
            })
    }
}

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
    /// let r = cipherdex::scan::SuiteRef::Grease(0x0A0A);
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
    /// let r = cipherdex::scan::SuiteRef::Unknown { code: Some(0x0047), name: None };
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
}

impl Report {
    fn new(source: Format) -> Report {
        Report {
            source,
            entries: Vec::new(),
            sections: Vec::new(),
            protocols: Vec::new(),
            client_hello: None,
        }
    }

    /// The known suites, each once, in order of first appearance.
    ///
    /// ```
    /// let r = cipherdex::scan::parse("c0 2b c0 2f c0 2b")?;
    /// let names: Vec<_> = r.suites().iter().map(|s| s.canonical_name()).collect();
    /// assert_eq!(names, ["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]);
    /// # Ok::<(), cipherdex::scan::Error>(())
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
    /// let r = cipherdex::scan::parse(text)?;
    /// assert_eq!(r.suites_in(Protocol::Tls10).len(), 1);
    /// assert!(r.suites_in(Protocol::Tls13).is_empty());
    /// # Ok::<(), cipherdex::scan::Error>(())
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
    /// let r = cipherdex::scan::parse("c0 2b 77 77")?;
    /// assert_eq!(r.unknown().count(), 1);
    /// # Ok::<(), cipherdex::scan::Error>(())
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

    pub(crate) fn push(
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

/// Why an input could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input is empty or only white space.
    Empty,
    /// The input is none of the formats cipherdex reads.
    Unrecognised {
        /// The first non-empty line (shortened).
        first_line: String,
    },
    /// A line or element that does not have the shape the format requires.
    Syntax {
        /// The format being read.
        format: Format,
        /// 1-based line number.
        line: u32,
        /// What was expected there.
        expected: &'static str,
        /// What was found (shortened).
        found: String,
    },
    /// The input stops before the format says it should (a cut-off file).
    Truncated {
        /// The format being read.
        format: Format,
        /// The last line of the input (1-based).
        line: u32,
        /// What was still expected.
        expected: &'static str,
    },
    /// Hex input with a character or token that is not hex.
    Hex {
        /// 1-based line number.
        line: u32,
        /// 1-based column (in characters).
        column: u32,
        /// What was found.
        found: String,
        /// What was expected.
        expected: &'static str,
    },
    /// Hex bytes that do not form a cipher-suite vector.
    Vector {
        /// The number of bytes.
        len: usize,
    },
    /// A ClientHello (or its record) that is cut off or corrupt.
    Hello(HelloError),
    /// A configuration line's OpenSSL cipher string that OpenSSL would reject.
    CipherString {
        /// 1-based line number.
        line: u32,
        /// The cipher string.
        string: String,
        /// Why OpenSSL would reject it.
        source: crate::openssl::Error,
    },
    /// A Windows listing (`Get-TlsCipherSuite`, policy string, registry value)
    /// with malformed lines.
    Windows(crate::windows::ParseError),
    /// The input has the format's markers but not the part that holds suites.
    Missing {
        /// The format being read.
        format: Format,
        /// What is missing.
        expected: &'static str,
    },
}

fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    let s = s.trim();
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => f.write_str(
                "the input is empty; expected a scanner report, ClientHello or cipher vector in hex, or a configuration line",
            ),
            Error::Unrecognised { first_line } => write!(
                f,
                "cannot tell what this input is (first line: {first_line:?}); expected sslscan, nmap ssl-enum-ciphers or testssl.sh output (text, XML or JSON), a ClientHello or cipher-suite vector in hex, or an nginx/Apache/HAProxy line; use --input-format to force one"
            ),
            Error::Syntax {
                format,
                line,
                expected,
                found,
            } => write!(
                f,
                "{} line {line}: expected {expected}, found {found:?}",
                format.description()
            ),
            Error::Truncated {
                format,
                line,
                expected,
            } => write!(
                f,
                "{} is cut off at line {line}: expected {expected}",
                format.description()
            ),
            Error::Hex {
                line,
                column,
                found,
                expected,
            } => write!(
                f,
                "hex input line {line} column {column}: expected {expected}, found {found:?}"
            ),
            Error::Vector { len } => write!(
                f,
                "a cipher-suite vector has two bytes per suite, but the input has {len} byte{}; the last byte has no partner",
                if *len == 1 { "" } else { "s" }
            ),
            Error::Hello(e) => e.fmt(f),
            Error::CipherString {
                line,
                string,
                source,
            } => write!(f, "configuration line {line}: cipher string {string:?}: {source}"),
            Error::Windows(e) => e.fmt(f),
            Error::Missing { format, expected } => {
                write!(f, "{}: expected {expected}, found none", format.description())
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Hello(e) => Some(e),
            Error::CipherString { source, .. } => Some(source),
            Error::Windows(e) => Some(e),
            _ => None,
        }
    }
}

impl From<HelloError> for Error {
    fn from(e: HelloError) -> Error {
        Error::Hello(e)
    }
}

/// Reads `input` in whatever format [`detect`] finds.
///
/// ```
/// use cipherdex::scan::{self, Format};
/// // The cipher vector of a ClientHello from a field report.
/// let r = scan::parse("00 67 00 ff")?;
/// assert_eq!(r.source, Format::CipherVector);
/// let names: Vec<_> = r.suites().iter().map(|s| s.canonical_name()).collect();
/// assert_eq!(names, ["TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"]);
///
/// assert!(matches!(scan::parse("hello world"), Err(scan::Error::Unrecognised { .. })));
/// # Ok::<(), scan::Error>(())
/// ```
pub fn parse(input: &str) -> Result<Report, Error> {
    let input = strip_bom(input);
    if input.trim().is_empty() {
        return Err(Error::Empty);
    }
    match detect(input) {
        Some(format) => parse_as(format, input),
        None => Err(Error::Unrecognised {
            first_line: shorten(input.lines().find(|l| !l.trim().is_empty()).unwrap_or("")),
        }),
    }
}

/// Reads `input` as `format`, without detection.
///
/// ```
/// use cipherdex::scan::{self, Format};
/// let r = scan::parse_as(Format::Config, "ssl_protocols TLSv1.2 TLSv1.3;")?;
/// assert_eq!(r.protocols.len(), 2);
/// // Forced to the wrong format: an error that says what was expected.
/// let e = scan::parse_as(Format::SslscanXml, "ssl_protocols TLSv1.2;").unwrap_err();
/// assert!(e.to_string().contains("expected"));
/// # Ok::<(), scan::Error>(())
/// ```
pub fn parse_as(format: Format, input: &str) -> Result<Report, Error> {
    let input = strip_bom(input);
    if input.trim().is_empty() {
        return Err(Error::Empty);
    }
    match format {
        Format::SslscanText => sslscan::parse_text(input),
        Format::SslscanXml => sslscan::parse_xml(input),
        Format::NmapText => nmap::parse_text(input),
        Format::NmapXml => nmap::parse_xml(input),
        Format::TestsslText => testssl::parse_text(input),
        Format::TestsslJson => testssl::parse_json(input),
        Format::CipherVector => hex::parse_vector(input),
        Format::ClientHello => hex::parse_hello(input),
        Format::Config => config::parse(input),
        Format::WindowsFormatList => {
            windows(format, crate::windows::parse_get_tls_cipher_suite(input))
        }
        Format::WindowsNames => {
            windows(format, crate::windows::parse_tls_cipher_suite_names(input))
        }
        Format::WindowsOrder => windows(format, crate::windows::parse_cipher_suite_order(input)),
    }
}

/// A report from one of the Windows listing parsers of [`crate::windows`].
fn windows(
    format: Format,
    parsed: Result<Vec<crate::windows::Listed>, crate::windows::ParseError>,
) -> Result<Report, Error> {
    let list = parsed.map_err(Error::Windows)?;
    let mut report = Report::new(format);
    for l in list {
        let suite = match l.suite() {
            Some(s) => SuiteRef::Known(s),
            None => SuiteRef::Unknown {
                code: l.code(),
                name: (!l.name().is_empty()).then(|| l.name().to_string()),
            },
        };
        let line = u32::try_from(l.line()).ok();
        report.push(None, suite, false, line);
    }
    Ok(report)
}

fn strip_bom(s: &str) -> &str {
    s.strip_prefix('\u{feff}').unwrap_or(s)
}

/// Resolves a code and/or name from a report to a [`SuiteRef`].
///
/// The code wins when there is one (sslscan's id column, testssl's hexcode).
/// A name alone is looked up in every scheme; where it means several codes
/// (`RC4-MD5` in TLS and SSL 2.0) the one that fits `protocol` is taken.
pub(crate) fn resolve(
    code: Option<u32>,
    name: Option<&str>,
    protocol: Option<Protocol>,
) -> SuiteRef {
    if let Some(c) = code {
        return match Suite::from_code(c) {
            Some(s) if s.is_grease() => SuiteRef::Grease(c as u16),
            Some(s) => SuiteRef::Known(s),
            None => SuiteRef::Unknown {
                code: Some(c),
                name: name.map(str::to_string),
            },
        };
    }
    let Some(n) = name else {
        return SuiteRef::Unknown {
            code: None,
            name: None,
        };
    };
    let mut first = None;
    for s in crate::lookup_all(n) {
        if first.is_none() {
            first = Some(s);
        }
        match protocol {
            Some(p) if s.supports(p) => return SuiteRef::Known(s),
            None => return SuiteRef::Known(s),
            _ => {}
        }
    }
    match first {
        Some(s) => SuiteRef::Known(s),
        None => SuiteRef::Unknown {
            code: None,
            name: Some(n.to_string()),
        },
    }
}

/// Resolves a code read from bytes on the wire (ClientHello, vector).
pub(crate) fn resolve_code(code: u32) -> SuiteRef {
    if code <= 0xFFFF && clienthello::is_grease(code as u16) {
        return SuiteRef::Grease(code as u16);
    }
    resolve(Some(code), None, None)
}
