//! `cipherdex list`.

use cipherdex::windows::Release;
use cipherdex::{Authentication, Cipher, KeyExchange, Mac, Mode, Protocol};
use clap::Args;

use super::values::{parse_level, parse_release, AttrParser, NameTargetParser, PolicyParser};
use super::{NameTarget, OutputFormat};

/// `cipherdex list`.
#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// Key exchange (repeat or separate with commas for any of several).
    #[arg(long, value_name = "KEX", value_delimiter = ',', value_parser = AttrParser::<KeyExchange>::new())]
    pub kex: Vec<KeyExchange>,

    /// Authentication (certificate type).
    #[arg(long, value_name = "AUTH", value_delimiter = ',', value_parser = AttrParser::<Authentication>::new())]
    pub auth: Vec<Authentication>,

    /// Bulk cipher.
    #[arg(long, value_name = "CIPHER", value_delimiter = ',', value_parser = AttrParser::<Cipher>::new())]
    pub cipher: Vec<Cipher>,

    /// Cipher mode.
    #[arg(long, value_name = "MODE", value_delimiter = ',', value_parser = AttrParser::<Mode>::new())]
    pub mode: Vec<Mode>,

    /// Record MAC.
    #[arg(long, value_name = "MAC", value_delimiter = ',', value_parser = AttrParser::<Mac>::new())]
    pub mac: Vec<Mac>,

    /// Negotiable in this protocol version (1.2, TLSv1.2, "TLS 1.2", SSL3 ...).
    #[arg(long, value_name = "VERSION", value_delimiter = ',', value_parser = AttrParser::<Protocol>::new())]
    pub tls: Vec<Protocol>,

    /// Only suites with forward secrecy.
    #[arg(long, conflicts_with = "no_pfs")]
    pub pfs: bool,

    /// Only suites without forward secrecy.
    #[arg(long)]
    pub no_pfs: bool,

    /// Only AEAD suites (GCM, CCM, ChaCha20-Poly1305 ...).
    #[arg(long)]
    pub aead: bool,

    /// Only export-grade suites.
    #[arg(long)]
    pub export: bool,

    /// Only suites IANA marks Recommended (Y).
    #[arg(long)]
    pub iana_recommended: bool,

    /// Only suites supported by this Windows release (server-2022, 7, 10-1607, "Windows Server 2019" ...).
    #[arg(long, value_name = "RELEASE", value_parser = parse_release)]
    pub windows: Option<Release>,

    /// With --windows: only suites enabled by default, in Windows' default order.
    #[arg(long, requires = "windows")]
    pub enabled: bool,

    /// Also list the GREASE values (RFC 8701), which are not suites.
    #[arg(long)]
    pub grease: bool,

    /// Only suites rated LEVEL or better: insecure, weak, secure, recommended.
    #[arg(long, value_name = "LEVEL", value_parser = parse_level)]
    pub rating: Option<cipherdex::Level>,

    /// Only suites the policy allows, in the policy's order (e.g.
    /// mozilla-intermediate, mozilla-old-5.7, nist-800-52r2, bsi-tr-02102-2, http2).
    #[arg(long, value_name = "NAME", value_parser = PolicyParser, hide_possible_values = true)]
    pub policy: Option<&'static cipherdex::Policy>,

    /// The scheme of the names shown.
    #[arg(long, value_name = "SCHEME", value_parser = NameTargetParser, default_value = "iana")]
    pub to: NameTarget,

    /// Output format (--json is the same as --format json).
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

#[cfg(test)]
mod tests {
    use crate::args::{Cli, Command};
    use cipherdex::{KeyExchange, Mac, Protocol};
    use clap::Parser;

    #[test]
    fn list_filters_accept_library_spellings() {
        let cli = Cli::try_parse_from([
            "cipherdex",
            "list",
            "--kex",
            "EECDH,dhe",
            "--tls",
            "TLSv1.2",
            "--mac",
            "sha",
        ])
        .unwrap();
        let Some(Command::List(l)) = cli.command else {
            panic!("not list")
        };
        assert_eq!(l.kex, [KeyExchange::Ecdhe, KeyExchange::Dhe]);
        assert_eq!(l.tls, [Protocol::Tls12]);
        assert_eq!(l.mac, [Mac::Sha1]);
    }
}
