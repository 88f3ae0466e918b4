//! The TLS implementations and tools whose error messages cipherdex reads.
//!
//! This file uses only `std`: the build script includes it to check the
//! `stack` column of `data/errors.csv`.

use std::fmt;
use std::str::FromStr;

/// A TLS stack, library or tool that prints error messages.
///
/// ```
/// use cipherdex::explain::Stack;
/// assert_eq!("schannel".parse::<Stack>(), Ok(Stack::Schannel));
/// assert_eq!(Stack::Dotnet.as_str(), "dotnet");
/// assert_eq!(Stack::Dotnet.to_string(), ".NET");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Stack {
    /// OpenSSL (and what embeds its messages: s_client, nginx, curl, Python, Node).
    Openssl,
    /// GnuTLS (gnutls-cli, wget and curl builds on GnuTLS).
    Gnutls,
    /// Windows SChannel: SSPI status codes, certificate codes and event log entries.
    Schannel,
    /// .NET (`SslStream`, `HttpClient`, .NET Framework `WebException`).
    Dotnet,
    /// Java JSSE.
    Java,
    /// Go `crypto/tls` and `crypto/x509`.
    Go,
    /// Python's `ssl` module.
    Python,
    /// Node.js `tls`.
    Node,
    /// curl (its exit codes and messages).
    Curl,
    /// GNU Wget.
    Wget,
    /// nginx error log lines.
    Nginx,
    /// Apache httpd mod_ssl error log lines.
    Apache,
    /// HAProxy log lines.
    Haproxy,
}

/// Every stack, in documentation order.
pub const STACKS: &[Stack] = &[
    Stack::Openssl,
    Stack::Gnutls,
    Stack::Schannel,
    Stack::Dotnet,
    Stack::Java,
    Stack::Go,
    Stack::Python,
    Stack::Node,
    Stack::Curl,
    Stack::Wget,
    Stack::Nginx,
    Stack::Apache,
    Stack::Haproxy,
];

impl Stack {
    /// The id used in JSON and in `data/errors.csv` (`openssl`, `schannel`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Stack::Openssl => "openssl",
            Stack::Gnutls => "gnutls",
            Stack::Schannel => "schannel",
            Stack::Dotnet => "dotnet",
            Stack::Java => "java",
            Stack::Go => "go",
            Stack::Python => "python",
            Stack::Node => "node",
            Stack::Curl => "curl",
            Stack::Wget => "wget",
            Stack::Nginx => "nginx",
            Stack::Apache => "apache",
            Stack::Haproxy => "haproxy",
        }
    }
}

impl fmt::Display for Stack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stack::Openssl => "OpenSSL",
            Stack::Gnutls => "GnuTLS",
            Stack::Schannel => "Windows SChannel",
            Stack::Dotnet => ".NET",
            Stack::Java => "Java",
            Stack::Go => "Go",
            Stack::Python => "Python",
            Stack::Node => "Node.js",
            Stack::Curl => "curl",
            Stack::Wget => "Wget",
            Stack::Nginx => "nginx",
            Stack::Apache => "Apache httpd",
            Stack::Haproxy => "HAProxy",
        })
    }
}

/// A stack id that is not known.
///
/// ```
/// let e = "rustls".parse::<cipherdex::explain::Stack>().unwrap_err();
/// assert!(e.to_string().starts_with("unknown stack \"rustls\""));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownStackError(String);

impl fmt::Display for UnknownStackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown stack {:?} (expected one of: ", self.0)?;
        for (i, s) in STACKS.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(s.as_str())?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for UnknownStackError {}

impl FromStr for Stack {
    type Err = UnknownStackError;
    fn from_str(s: &str) -> Result<Stack, UnknownStackError> {
        STACKS
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownStackError(s.to_string()))
    }
}
