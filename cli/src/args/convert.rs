//! `cipherdex convert`.

use cipherdex::windows::Release;
use clap::Args;

use super::values::{parse_release, NameTargetParser};
use super::{NameTarget, OutputFormat, SuiteArgs};

/// `cipherdex convert`.
#[derive(Debug, Clone, Args)]
pub struct ConvertArgs {
    /// The scheme to print names in.
    #[arg(long, value_name = "SCHEME", value_parser = NameTargetParser)]
    pub to: NameTarget,

    /// With --to windows: the names this Windows release uses (7: the _P256 names).
    #[arg(long, value_name = "RELEASE", value_parser = parse_release)]
    pub windows_release: Option<Release>,

    /// Output format (--json is the same as --format json).
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,

    /// The suites.
    #[command(flatten)]
    pub input: SuiteArgs,
}

#[cfg(test)]
mod tests {
    use crate::args::{Cli, Command, NameTarget};
    use cipherdex::Scheme;
    use clap::Parser;

    #[test]
    fn to_accepts_aliases_and_hex() {
        let cli = Cli::try_parse_from(["cipherdex", "convert", "--to", "SChannel", "x"]).unwrap();
        let Some(Command::Convert(c)) = cli.command else {
            panic!("not convert")
        };
        assert_eq!(c.to, NameTarget::Scheme(Scheme::Windows));
        let cli = Cli::try_parse_from(["cipherdex", "convert", "--to", "HEX"]).unwrap();
        let Some(Command::Convert(c)) = cli.command else {
            panic!("not convert")
        };
        assert_eq!(c.to, NameTarget::Hex);
    }
}
