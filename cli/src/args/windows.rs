//! `cipherdex windows`.

use cipherdex::windows::Release;
use clap::Args;

use super::values::{parse_release, NameTargetParser};
use super::{NameTarget, OutputFormat};

/// `cipherdex windows`.
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "Examples:\n  cipherdex windows\n  cipherdex windows server-2022\n  cipherdex windows 7 --all --to openssl\n  cipherdex windows --suite DES-CBC3-SHA\n  cipherdex windows server-2025 --suite DES-CBC3-SHA\n  cipherdex windows server-2022 --gpo ECDHE-RSA-AES256-GCM-SHA384 ECDHE-RSA-AES128-GCM-SHA256\n  cipherdex windows server-2022 --powershell @order.txt"
)]
pub struct WindowsArgs {
    /// The release: a profile name without 'windows:' (server-2022, 7, 10-1607, 11-22h2)
    /// or a product name ("Windows Server 2019", 2019, ltsc-2021). Without it, the releases are listed.
    #[arg(value_name = "RELEASE", value_parser = parse_release)]
    pub release: Option<Release>,

    /// Show the suites enabled by default, in priority order (the default).
    #[arg(long, conflicts_with = "all")]
    pub enabled: bool,

    /// Show every suite the release supports, enabled or not.
    #[arg(long)]
    pub all: bool,

    /// Show this suite on every release (with RELEASE: its status there and how to enable it).
    #[arg(long, value_name = "SUITE", conflicts_with_all = ["gpo", "powershell", "all", "enabled"])]
    pub suite: Option<String>,

    /// Print the Group Policy "SSL Cipher Suite Order" string for these suites, in order.
    #[arg(long, value_name = "SUITE", num_args = 1.., requires = "release", conflicts_with = "powershell")]
    pub gpo: Option<Vec<String>>,

    /// Print a PowerShell script that sets exactly these suites, in order (TLS cmdlets;
    /// on releases without the TLS module, such as 7 and 8.1, the Group Policy registry value).
    #[arg(long, value_name = "SUITE", num_args = 1.., requires = "release")]
    pub powershell: Option<Vec<String>>,

    /// Print names in this scheme instead of the release's own.
    #[arg(long, value_name = "SCHEME", value_parser = NameTargetParser)]
    pub to: Option<NameTarget>,

    /// Output format (--json is the same as --format json).
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}
