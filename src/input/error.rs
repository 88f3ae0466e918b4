//! Why a text could not be read as a format.

use std::fmt;

use super::Format;
use crate::hello::{HelloError, HexError};

/// Why a text could not be read as a [`Format`]: says which format, where,
/// what was expected and what was found.
///
/// ```
/// use cipherdex::input::{self, Format};
/// let e = input::read(Format::CipherVector, "c0 2b c0").unwrap_err();
/// assert_eq!(e.to_string(), "a cipher-suite vector has two bytes per suite, but the input has 3 bytes; the last byte has no partner");
/// assert_eq!(e.line(), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputError {
    /// The input is empty or only white space.
    Empty {
        /// The format it was to be read as.
        format: Format,
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
    /// Hex input with a character or token that is not hex, or an
    /// `s_client -msg` transcript without its ClientHello.
    Hex(HexError),
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
        source: crate::openssl::CipherStringError,
    },
    /// An `openssl:` cipher string that OpenSSL would reject.
    OpensslString(crate::openssl::CipherStringError),
    /// A Windows listing (`Get-TlsCipherSuite`, policy string, registry value)
    /// with malformed lines.
    Windows(crate::windows::ListingError),
    /// The input has the format's markers but not the part that holds suites.
    Missing {
        /// The format being read.
        format: Format,
        /// What is missing.
        expected: &'static str,
    },
}

impl InputError {
    /// The 1-based line where reading failed, when the format has lines and it is known.
    pub fn line(&self) -> Option<u32> {
        match self {
            InputError::Syntax { line, .. }
            | InputError::Truncated { line, .. }
            | InputError::CipherString { line, .. }
            | InputError::Hex(HexError::Token { line, .. })
            | InputError::Hex(HexError::EmptyBlock { line }) => Some(*line),
            _ => None,
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty { format } => write!(
                f,
                "the input is empty; expected a {}",
                format.description()
            ),
            InputError::Syntax {
                format,
                line,
                expected,
                found,
            } => write!(
                f,
                "{} line {line}: expected {expected}, found {found:?}",
                format.description()
            ),
            InputError::Truncated {
                format,
                line,
                expected,
            } => write!(
                f,
                "{} is cut off at line {line}: expected {expected}",
                format.description()
            ),
            InputError::Hex(e) => e.fmt(f),
            InputError::Vector { len } => write!(
                f,
                "a cipher-suite vector has two bytes per suite, but the input has {len} byte{}; the last byte has no partner",
                if *len == 1 { "" } else { "s" }
            ),
            InputError::Hello(e) => e.fmt(f),
            InputError::CipherString {
                line,
                string,
                source,
            } => write!(f, "configuration line {line}: cipher string {string:?}: {source}"),
            InputError::OpensslString(e) => write!(f, "OpenSSL cipher string: {e}"),
            InputError::Windows(e) => e.fmt(f),
            InputError::Missing { format, expected } => {
                write!(f, "{}: expected {expected}, found none", format.description())
            }
        }
    }
}

impl std::error::Error for InputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InputError::Hex(e) => Some(e),
            InputError::Hello(e) => Some(e),
            InputError::CipherString { source, .. } => Some(source),
            InputError::OpensslString(e) => Some(e),
            InputError::Windows(e) => Some(e),
            _ => None,
        }
    }
}

impl From<HelloError> for InputError {
    fn from(e: HelloError) -> InputError {
        InputError::Hello(e)
    }
}

impl From<HexError> for InputError {
    fn from(e: HexError) -> InputError {
        InputError::Hex(e)
    }
}

/// A format name (`--input-format`) that is not a [`Format`]: lists the names there are.
///
/// ```
/// let e = "sslscn".parse::<cipherdex::input::Format>().unwrap_err();
/// assert!(e.to_string().contains("sslscan-xml"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnknownFormatError {
    /// The name given.
    pub name: String,
}

impl fmt::Display for UnknownFormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown input format {:?}; expected one of ", self.name)?;
        for (i, fmt) in Format::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(fmt.name())?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownFormatError {}
