//! `cipherdex expand`.

use clap::Args;

use super::values::NameTargetParser;
use super::{NameTarget, OutputFormat};

/// `cipherdex expand`.
#[derive(Debug, Clone, Args)]
pub struct ExpandArgs {
    /// The cipher string, as in `ssl_ciphers` or `openssl ciphers` (e.g. 'HIGH:!aNULL:!MD5').
    #[arg(value_name = "STRING", allow_hyphen_values = true)]
    pub string: String,

    /// Print names in this scheme instead of OpenSSL's.
    #[arg(long, value_name = "SCHEME", value_parser = NameTargetParser)]
    pub to: Option<NameTarget>,

    /// The OpenSSL build to model: 3.0 (default), 3.2 (to 3.4), 3.5 (and later), 1.1.1, 1.1.1-weak.
    #[arg(long, value_name = "VERSION")]
    pub openssl: Option<String>,

    /// Also prepend this TLS 1.3 list, as `openssl ciphers -ciphersuites LIST` does.
    #[arg(long, value_name = "LIST")]
    pub ciphersuites: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}
