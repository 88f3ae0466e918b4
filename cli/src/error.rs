//! The errors that stop a command (exit status 2). Unknown suites are not
//! errors: commands report them and go on (exit status 1).

use std::fmt;
use std::io;

/// Why a command could not run to the end.
#[derive(Debug)]
pub enum Error {
    /// Writing the output failed (a closed pipe is handled quietly by `main`).
    Output(io::Error),
    /// An input (`-` or `@FILE`) could not be read.
    ReadInput {
        /// `standard input` or the file's path.
        what: String,
        /// Why.
        source: io::Error,
    },
    /// `@` with no file name.
    EmptyFileName,
    /// No suites were given and standard input is a terminal.
    NoInput,
    /// The inputs hold no suite at all.
    EmptyInput,
    /// An input claimed a format it does not follow.
    Format {
        /// `standard input`, the file's path or `argument N`.
        what: String,
        /// The format it was read as.
        format: cipherdex::input::Format,
        /// What the format reader said.
        source: cipherdex::input::InputError,
    },
    /// `--input-format` names no known format.
    InputFormat(cipherdex::input::UnknownFormatError),
    /// `decode` input that is not a ClientHello or cipher vector in hex.
    Decode(cipherdex::input::InputError),
    /// `explain` input that is empty or a malformed code.
    Explain(cipherdex::explain::ExplainError),
    /// An option that only makes sense with another option's value.
    Needs {
        /// The option as typed.
        option: &'static str,
        /// What it needs, as the user would type it.
        needs: &'static str,
    },
    /// JSON serialization failed.
    Json(serde_json::Error),
    /// OpenSSL would reject the cipher string, or the `--openssl` version is unknown.
    Openssl(cipherdex::openssl::CipherStringError),
    /// `--cert` is neither a type name nor a readable certificate file.
    Cert {
        /// The value as given.
        input: String,
        /// Why.
        source: cipherdex::cert::CertError,
    },
    /// A certificate-related option other than `--cert` (`--at`, `--ca`) is wrong.
    CertOption {
        /// The option.
        option: &'static str,
        /// The value as given.
        input: String,
        /// Why.
        source: cipherdex::cert::CertError,
    },
    /// A profile name could not be resolved.
    Profile(cipherdex::profile::ProfileError),
    /// A version range or preference is invalid.
    NegotiateInput(cipherdex::negotiate::NegotiateInputError),
    /// A suite list option named unknown suites (each reported on standard error).
    UnknownSuites {
        /// The option.
        option: &'static str,
        /// How many.
        count: usize,
    },
    /// An option's value is not one it takes.
    BadValue {
        /// The option.
        option: &'static str,
        /// The value given.
        value: String,
        /// What it takes.
        expected: &'static str,
    },
    /// A group or signature-scheme list names something unknown.
    Registry {
        /// The option.
        option: &'static str,
        /// Every unknown item, with close names.
        source: cipherdex::RegistryListError,
    },
    /// A ClientHello given as a side could not be read.
    Hello(String),
    /// A client id or pattern selects no client of the catalogue.
    Clients(cipherdex::clients::ClientPatternError),
    /// A TLS 1.3 list option holds a suite that is not a TLS 1.3 suite.
    NotTls13 {
        /// The option.
        option: &'static str,
        /// The suite's name.
        suite: &'static str,
    },
}

impl Error {
    /// True if the error is a closed output pipe: not an error for a Unix tool.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Output(e) => e.kind() == io::ErrorKind::BrokenPipe,
            Error::Json(e) => e.io_error_kind() == Some(io::ErrorKind::BrokenPipe),
            _ => false,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Output(e) => write!(f, "cannot write the output: {e}"),
            Error::ReadInput { what, source } => write!(f, "cannot read {what}: {source}"),
            Error::EmptyFileName => {
                write!(f, "'@' needs a file name: @FILE reads suites from FILE")
            }
            Error::NoInput => write!(
                f,
                "no suites given: pass names or codes, '-' to read standard input, or @FILE \
                 (see 'cipherdex --help')"
            ),
            Error::EmptyInput => write!(
                f,
                "no suites given: the input is empty (pass names or codes, '-' for standard \
                 input, or @FILE)"
            ),
            Error::Format {
                what,
                format,
                source,
            } => {
                write!(f, "{what}: not a valid {format} text: ")?;
                if let Some(line) = source.line() {
                    write!(f, "line {line}: ")?;
                }
                write!(f, "{source}")
            }
            Error::InputFormat(e) => write!(f, "--input-format: {e}"),
            Error::Decode(e) => write!(f, "{e}"),
            Error::Explain(e) => write!(f, "{e}"),
            Error::Clients(e) => write!(f, "{e}"),
            Error::Needs { option, needs } => write!(f, "{option} needs {needs}"),
            Error::Json(e) => write!(f, "cannot write JSON: {e}"),
            Error::Openssl(e) => write!(f, "{e}"),
            Error::Cert { input, source } => write!(f, "--cert {input:?}: {source}"),
            Error::CertOption {
                option,
                input,
                source,
            } => write!(f, "{option} {input:?}: {source}"),
            Error::Profile(e) => write!(f, "{e}"),
            Error::NegotiateInput(e) => write!(f, "{e}"),
            Error::UnknownSuites { option, count } => {
                write!(f, "{option}: {count} unknown suite(s); nothing was negotiated")
            }
            Error::BadValue {
                option,
                value,
                expected,
            } => write!(f, "{option} {value:?}: expected {expected}"),
            Error::Registry { option, source } => write!(f, "{option}: {source}"),
            Error::Hello(e) => write!(f, "the ClientHello given to --client: {e}"),
            Error::NotTls13 { option, suite } => write!(
                f,
                "{option} takes TLS 1.3 suites only, but {suite} is not one; put it in the list of the --client/--server option"
            ),
        }
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Output(e)
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Json(e)
    }
}
