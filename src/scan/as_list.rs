//! The scan formats as [`crate::list::Format`]s, so every suite-list input
//! (`@FILE`, `-`, `--input-format NAME`) reads them.

use super::{detect, parse_as, Error, Format, Report, SuiteRef};
use crate::list::{self, FormatError, Item, List};
use crate::suite::Suite;

/// One scan [`Format`] seen as a suite-list format of [`crate::list`].
///
/// ```
/// let list = cipherdex::list::read("Accepted  TLSv1.2  128 bits  AES128-SHA\n")?;
/// assert_eq!(list.format, "sslscan");
/// assert_eq!(list.items[0].suite().map(|s| s.code()), Some(0x002F));
/// # Ok::<(), cipherdex::list::FormatError>(())
/// ```
#[derive(Debug)]
pub struct ListFormat(Format);

/// sslscan text output.
pub static SSLSCAN: ListFormat = ListFormat(Format::SslscanText);
/// sslscan XML.
pub static SSLSCAN_XML: ListFormat = ListFormat(Format::SslscanXml);
/// nmap ssl-enum-ciphers normal output.
pub static NMAP: ListFormat = ListFormat(Format::NmapText);
/// nmap ssl-enum-ciphers XML.
pub static NMAP_XML: ListFormat = ListFormat(Format::NmapXml);
/// testssl.sh text.
pub static TESTSSL: ListFormat = ListFormat(Format::TestsslText);
/// testssl.sh JSON.
pub static TESTSSL_JSON: ListFormat = ListFormat(Format::TestsslJson);
/// A cipher-suite vector in hex.
pub static HEX: ListFormat = ListFormat(Format::CipherVector);
/// A ClientHello in hex.
pub static CLIENTHELLO: ListFormat = ListFormat(Format::ClientHello);
/// nginx / Apache / HAProxy configuration lines.
pub static CONFIG: ListFormat = ListFormat(Format::Config);
/// `Get-TlsCipherSuite` output.
pub static WINDOWS_FORMAT_LIST: ListFormat = ListFormat(Format::WindowsFormatList);
/// `(Get-TlsCipherSuite).Name` output.
pub static WINDOWS_NAMES: ListFormat = ListFormat(Format::WindowsNames);
/// The Group Policy string or registry `Functions` value.
pub static WINDOWS_ORDER: ListFormat = ListFormat(Format::WindowsOrder);

impl ListFormat {
    /// The scan format.
    pub fn format(&self) -> Format {
        self.0
    }
}

/// True for the formats that list a suite once per protocol.
fn per_protocol(f: Format) -> bool {
    matches!(
        f,
        Format::SslscanText
            | Format::SslscanXml
            | Format::NmapText
            | Format::NmapXml
            | Format::TestsslText
            | Format::TestsslJson
    )
}

impl list::Format for ListFormat {
    fn name(&self) -> &'static str {
        self.0.as_str()
    }

    fn detect(&self, text: &str) -> bool {
        match self.0 {
            // A bare list of Windows names (one per line, or comma-separated) is
            // a plain list too, read the same way by the plain reader; only the
            // registry forms need the Windows reader unasked.
            Format::WindowsNames => false,
            Format::WindowsOrder => detect(text) == Some(self.0) && text.contains("Functions"),
            // Code lists the plain reader resolves entirely (`c0 2b c0 2f`,
            // `0x01,0x00,0x80`) stay plain; hex streams and dumps come here.
            Format::CipherVector => {
                detect(text) == Some(self.0)
                    && list::parse(text).iter().any(|i| i.suite().is_none())
            }
            f => detect(text) == Some(f),
        }
    }

    fn read(&self, text: &str) -> Result<List, FormatError> {
        let report = parse_as(self.0, text).map_err(|e| {
            let line = error_line(&e);
            FormatError::new(self.0.as_str(), line, Box::new(e))
        })?;
        Ok(to_list(&report, self.0.as_str()))
    }
}

fn error_line(e: &Error) -> Option<usize> {
    match e {
        Error::Syntax { line, .. } | Error::Truncated { line, .. } | Error::Hex { line, .. } => {
            Some(*line as usize)
        }
        Error::CipherString { line, .. } => Some(*line as usize),
        _ => None,
    }
}

/// The report's suites as list items: each suite once for per-protocol
/// reports (in order of first appearance), every entry otherwise; unknown
/// codes and names are kept as unknown items.
fn to_list(report: &Report, name: &'static str) -> List {
    let dedupe = per_protocol(report.source);
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
                Item::resolve(&s.code_hex().to_string())
            }
            SuiteRef::Grease(g) => Item::resolve(&format!("0x{g:04X}")),
            SuiteRef::Unknown { code, name } => match (code, name) {
                (_, Some(n)) => Item::resolve(n),
                (Some(c), None) => Item::resolve(&crate::suite::CodeHex(*c).to_string()),
                (None, None) => continue,
            },
        };
        items.push(item);
    }
    let mut list = List::new(items, name);
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
