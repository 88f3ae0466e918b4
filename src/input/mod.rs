//! Every way suites come in: one registry of input [`Format`]s, one
//! [`detect`], and [`read`] from text to a suite [`List`].
//!
//! People paste suite lists in every shape: an OpenSSL string
//! (`AES128-SHA:AES256-SHA`), a Windows policy string (`TLS_A,TLS_B`), one
//! name per line, codes (`0xC02B`, `{0xC0,0x2B}`, `c0 2b`), or what a tool
//! printed. The formats ([`Format::ALL`]):
//!
//! - scanner reports: sslscan text (with or without `--show-cipher-ids`) and
//!   XML, nmap `ssl-enum-ciphers` normal and XML output, testssl.sh text and
//!   JSON (`-e`, `-E`, every `--mapping`);
//! - a raw cipher-suite vector in hex, and a TLS record or ClientHello in hex
//!   (as `openssl s_client -msg` prints it, or one long hex stream), decoded by
//!   [`crate::hello`];
//! - nginx / Apache / HAProxy configuration lines;
//! - the Windows listings (`Get-TlsCipherSuite`, `(Get-TlsCipherSuite).Name`,
//!   the Group Policy string and the registry `Functions` value), read by
//!   [`crate::windows`];
//! - `openssl:STRING`, an OpenSSL cipher string evaluated by
//!   [`crate::openssl`];
//! - the plain list ([`split`], [`parse`]): the last resort.
//!
//! [`detect`] tells the format of a text (a plain list when nothing else
//! fits); [`read`] reads a text in a format into a [`List`] of [`Item`]s, a
//! known [`Suite`] or an unknown input with close names for "did you mean";
//! unknown items never stop the rest of a list. [`report`] gives the fuller
//! [`Report`]: every suite line with its protocol, the per-protocol sections
//! with the server's or client's preference, the protocols a configuration
//! enables, and the decoded ClientHello. A suite cipherdex does not know is
//! kept as [`SuiteRef::Unknown`], never dropped; GREASE values are
//! [`SuiteRef::Grease`].
//!
//! ```
//! use cipherdex::input::{self, Format, SuiteRef};
//!
//! let text = "Accepted  TLSv1.2  256 bits    0xC030 ECDHE-RSA-AES256-GCM-SHA384   Curve 25519 DHE 253\n";
//! assert_eq!(input::detect(text), Format::SslscanText);
//! let report = input::report(Format::SslscanText, text)?;
//! let SuiteRef::Known(suite) = &report.entries[0].suite else { panic!("not known") };
//! assert_eq!(suite.code(), 0xC030);
//!
//! // The same text as a suite list.
//! let list = input::read(input::detect(text), text)?;
//! assert_eq!(list.items[0].suite().map(|s| s.code()), Some(0xC030));
//!
//! // A plain list, with a typo.
//! let list = input::read(Format::Plain, "AES128-SHA:ECDHE-RSA-AES256-GCM-SHA348")?;
//! assert_eq!(list.items[1].suggestions()[0], "ECDHE-RSA-AES256-GCM-SHA384");
//! # Ok::<(), input::InputError>(())
//! ```

mod config;
mod detect;
mod error;
mod list;
mod nmap;
mod openssl;
mod report;
mod sslscan;
mod testssl;
mod text;
mod vector;
mod windows;
mod xml;

use std::fmt;
use std::str::FromStr;

use crate::attrs::Protocol;
use crate::suite::Suite;

pub use detect::detect;
pub use error::{InputError, UnknownFormatError};
pub use list::{parse, split, Item, List, SUGGESTIONS};
pub use report::{Entry, Preference, Report, Section, SuiteRef};

/// An input format cipherdex reads: the one registry behind [`detect`],
/// [`read`], [`report`] and `--input-format`.
///
/// [`Format::name`] is the name `--input-format` takes; [`FromStr`] takes it
/// and a few aliases, in any case.
///
/// ```
/// use cipherdex::input::Format;
/// assert_eq!("sslscan-xml".parse::<Format>(), Ok(Format::SslscanXml));
/// assert_eq!("ClientHello".parse::<Format>(), Ok(Format::ClientHello));
/// assert_eq!("nginx".parse::<Format>(), Ok(Format::Config));
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
    /// An OpenSSL cipher string (`ECDHE+AESGCM:!ECDSA`), evaluated as OpenSSL
    /// 3.0 would: the suites it selects, in OpenSSL's order. Never guessed from
    /// the text alone: it takes the `openssl:` prefix or `--input-format openssl`.
    OpensslString,
    /// A plain suite list: names in any scheme and codes in any spelling,
    /// separated by `:`, `,`, spaces or lines ([`split`]).
    Plain,
}

impl Format {
    /// Every format, in the order of [`Format::name`]'s documentation; the
    /// plain list last.
    ///
    /// ```
    /// let names: Vec<_> = cipherdex::input::Format::ALL.iter().map(|f| f.name()).collect();
    /// assert_eq!(names.last(), Some(&"plain"));
    /// ```
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
        Format::OpensslString,
        Format::Plain,
    ];

    /// The name `--input-format` takes: `sslscan-xml`.
    ///
    /// ```
    /// assert_eq!(cipherdex::input::Format::CipherVector.name(), "hex");
    /// ```
    pub const fn name(self) -> &'static str {
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
            Format::OpensslString => "openssl",
            Format::Plain => "plain",
        }
    }

    /// What the format is, for messages: "sslscan XML report".
    ///
    /// ```
    /// assert_eq!(cipherdex::input::Format::SslscanXml.description(), "sslscan XML report");
    /// ```
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
            Format::OpensslString => "OpenSSL cipher string",
            Format::Plain => "suite list",
        }
    }

    /// The prefix that selects this format in any text (`openssl:`), if it has one.
    ///
    /// ```
    /// use cipherdex::input::Format;
    /// assert_eq!(Format::OpensslString.prefix(), Some("openssl:"));
    /// assert_eq!(Format::Plain.prefix(), None);
    /// ```
    pub const fn prefix(self) -> Option<&'static str> {
        match self {
            Format::OpensslString => Some("openssl:"),
            _ => None,
        }
    }

    /// True for the scanner reports (sslscan, nmap, testssl.sh), which list
    /// a suite once per protocol and describe one server.
    ///
    /// ```
    /// use cipherdex::input::Format;
    /// assert!(Format::SslscanXml.is_scanner_report());
    /// assert!(!Format::ClientHello.is_scanner_report());
    /// ```
    pub const fn is_scanner_report(self) -> bool {
        self.per_protocol()
    }

    /// True for the scanner reports, which list a suite once per protocol.
    const fn per_protocol(self) -> bool {
        matches!(
            self,
            Format::SslscanText
                | Format::SslscanXml
                | Format::NmapText
                | Format::NmapXml
                | Format::TestsslText
                | Format::TestsslJson
        )
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
        ("openssl", Format::OpensslString),
        ("plain", Format::Plain),
    ];
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = UnknownFormatError;

    fn from_str(s: &str) -> Result<Format, UnknownFormatError> {
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
            .ok_or_else(|| UnknownFormatError {
                name: t.to_string(),
            })
    }
}

/// Reads `text` as `format` into a suite list (no detection; pair with
/// [`detect`] to recognise the format).
///
/// Scanner reports give each suite once, in order of first appearance (with
/// a note saying how many lines they came from); other formats give every
/// entry. A text that starts with the format's [`Format::prefix`] may keep it.
///
/// ```
/// use cipherdex::input::{self, Format};
/// let list = input::read(Format::OpensslString, "openssl:ECDHE+AESGCM:!ECDSA")?;
/// let names: Vec<_> = list.items.iter().map(|i| i.input()).collect();
/// assert_eq!(names, ["ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256"]);
///
/// let text = "AES128-SHA\nAES256-SHA\n";
/// let list = input::read(input::detect(text), text)?;
/// assert_eq!((list.format, list.items.len()), (Format::Plain, 2));
///
/// // Forced to the wrong format: an error that says what was expected.
/// let e = input::read(Format::SslscanXml, "ssl_protocols TLSv1.2;").unwrap_err();
/// assert!(e.to_string().contains("expected"));
/// # Ok::<(), input::InputError>(())
/// ```
pub fn read(format: Format, text: &str) -> Result<List, InputError> {
    match format {
        Format::Plain => Ok(List::new(parse(strip_bom(text)), Format::Plain)),
        Format::OpensslString => openssl::read(strip_format_prefix(format, text)),
        _ => Ok(report::to_list(&report(format, text)?)),
    }
}

/// Reads `text` as `format` into a [`Report`]: every suite line with its
/// protocol, the sections, the protocols and the decoded ClientHello.
///
/// A plain list or OpenSSL string gives one entry per item, without protocol.
///
/// ```
/// use cipherdex::input::{self, Format};
/// let r = input::report(Format::Config, "ssl_protocols TLSv1.2 TLSv1.3;")?;
/// assert_eq!(r.protocols.len(), 2);
///
/// // The cipher vector of a ClientHello from a field report.
/// let r = input::report(Format::CipherVector, "00 67 00 ff")?;
/// let names: Vec<_> = r.suites().iter().map(|s| s.canonical_name()).collect();
/// assert_eq!(names, ["TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"]);
/// # Ok::<(), input::InputError>(())
/// ```
pub fn report(format: Format, text: &str) -> Result<Report, InputError> {
    let text = strip_bom(text);
    if format == Format::Plain {
        return Ok(Report::from_list(&read(format, text)?));
    }
    if text.trim().is_empty() {
        return Err(InputError::Empty { format });
    }
    match format {
        Format::SslscanText => sslscan::parse_text(text),
        Format::SslscanXml => sslscan::parse_xml(text),
        Format::NmapText => nmap::parse_text(text),
        Format::NmapXml => nmap::parse_xml(text),
        Format::TestsslText => testssl::parse_text(text),
        Format::TestsslJson => testssl::parse_json(text),
        Format::CipherVector => vector::parse_vector(text),
        Format::ClientHello => vector::parse_hello(text),
        Format::Config => config::parse(text),
        Format::WindowsFormatList => {
            windows::report(format, crate::windows::parse_get_tls_cipher_suite(text))
        }
        Format::WindowsNames => {
            windows::report(format, crate::windows::parse_tls_cipher_suite_names(text))
        }
        Format::WindowsOrder => {
            windows::report(format, crate::windows::parse_cipher_suite_order(text))
        }
        Format::OpensslString | Format::Plain => Ok(Report::from_list(&read(format, text)?)),
    }
}

fn strip_bom(s: &str) -> &str {
    s.strip_prefix('\u{feff}').unwrap_or(s)
}

/// `text` without `format`'s prefix (any case, after leading white space), if it has it.
fn strip_format_prefix(format: Format, text: &str) -> &str {
    let text = strip_bom(text);
    format
        .prefix()
        .and_then(|p| strip_prefix_ci(text.trim_start(), p))
        .unwrap_or(text)
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// `s` trimmed and cut to 60 characters, for messages.
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

/// Resolves a code and/or name from a report to a [`SuiteRef`].
///
/// The code wins when there is one (sslscan's id column, testssl's hexcode).
/// A name alone is looked up in every scheme; where it means several codes
/// (`RC4-MD5` in TLS and SSL 2.0) the one that fits `protocol` is taken.
fn resolve(code: Option<u32>, name: Option<&str>, protocol: Option<Protocol>) -> SuiteRef {
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
    for s in crate::lookup::lookup_all(n) {
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
fn resolve_code(code: u32) -> SuiteRef {
    if code <= 0xFFFF && crate::hello::is_grease(code as u16) {
        return SuiteRef::Grease(code as u16);
    }
    resolve(Some(code), None, None)
}
