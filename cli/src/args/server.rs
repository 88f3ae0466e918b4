//! The server side of a handshake, as `negotiate` and `simulate` take it.

use clap::{Args, ValueEnum};

/// Whose suite order wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PreferArg {
    /// The server's order.
    Server,
    /// The client's order.
    Client,
}

/// `--server` and the options that describe the server further.
#[derive(Debug, Clone, Args)]
pub struct ServerArgs {
    /// The server's TLS 1.2-and-older suites, in its order (or a profile, or @scanner-report).
    #[arg(long, value_name = "LIST", allow_hyphen_values = true)]
    pub server: String,

    /// The server's TLS 1.3 suites ('' for none).
    #[arg(long = "server-tls13", value_name = "LIST", allow_hyphen_values = true)]
    pub server_tls13: Option<String>,

    /// Versions the server enables: 1.2 or 1.0-1.3.
    #[arg(long = "server-versions", value_name = "V")]
    pub server_versions: Option<String>,

    /// A server certificate: a key type or a file; repeat for several (default: rsa).
    #[arg(long = "cert", value_name = "TYPE|FILE")]
    pub certs: Vec<String>,

    /// Whose suite order wins.
    #[arg(long, value_enum)]
    pub prefer: Option<PreferArg>,

    /// The server's supported groups, in order, any spelling.
    #[arg(long = "server-groups", value_name = "LIST")]
    pub server_groups: Option<String>,

    /// The server's signature schemes, in order, any spelling.
    #[arg(long = "server-sigalgs", value_name = "LIST")]
    pub server_sigalgs: Option<String>,

    /// The server's OpenSSL security level, 0-5 (the rules of --openssl).
    #[arg(long = "server-seclevel", value_name = "N")]
    pub server_seclevel: Option<u8>,
}
