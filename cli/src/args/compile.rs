//! `cipherdex compile`.

use cipherdex::openssl::Dialect;
use clap::Args;

use super::{OutputFormat, SuiteArgs};

/// `cipherdex compile`.
#[derive(Debug, Clone, Args)]
pub struct CompileArgs {
    /// What to write: openssl, gnutls, nginx, apache or haproxy.
    #[arg(long, value_name = "TARGET", value_parser = crate::cmd::compile::parse_dialect)]
    pub target: Dialect,

    /// The OpenSSL build the text is for: 3.0 (default), 3.2, 1.1.1, 1.1.1-weak.
    #[arg(long, value_name = "VERSION")]
    pub openssl: Option<String>,

    /// Output format (text or json).
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,

    /// The suites, in the order to enable them.
    #[command(flatten)]
    pub input: SuiteArgs,
}
