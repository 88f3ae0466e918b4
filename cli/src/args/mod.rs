//! The command line, as clap structs: parsing and validation only, no I/O.
//!
//! This module holds the top level ([`Cli`], [`Command`]) and what several
//! commands share ([`SuiteArgs`], [`OutputFormat`], [`NameTarget`]); each command's
//! own arguments are in `args/<command>.rs`, value parsers in `values.rs`.
//!
//! To add a subcommand: add `args/<name>.rs` with its `Args` struct, one
//! variant to [`Command`], `cmd/<name>.rs` with `run`, and one arm in
//! `cmd::run`. Commands that take suites flatten [`SuiteArgs`], so that every
//! input form (and any later input option) works the same everywhere.
//!
//! A flag must work after the positional arguments in every command
//! (`cipherdex decode 00 67 00 ff --json`): no positional that takes several
//! values may set `allow_hyphen_values`, `trailing_var_arg` or `last`
//! (`tests/flag_order.rs` checks every command).

use cipherdex::Scheme;
use clap::{Args, Parser, Subcommand, ValueEnum};

mod audit;
mod check_cert;
mod clients;
mod compile;
mod completions;
mod convert;
mod decode;
mod expand;
mod explain;
mod group;
mod list;
mod man;
mod negotiate;
mod parse;
mod server;
mod show;
mod sigalg;
mod simulate;
mod values;
mod windows;

pub use audit::AuditArgs;
pub use check_cert::CheckCertArgs;
pub use clients::ClientsArgs;
pub use compile::CompileArgs;
pub use completions::CompletionsArgs;
pub use convert::ConvertArgs;
pub use decode::DecodeArgs;
pub use expand::ExpandArgs;
pub use explain::ExplainArgs;
pub use group::GroupArgs;
pub use list::ListArgs;
pub use man::ManArgs;
pub use negotiate::NegotiateArgs;
pub use parse::parse;
pub use server::{PreferArg, ServerArgs};
pub use show::ShowArgs;
pub use sigalg::SigalgArgs;
pub use simulate::SimulateArgs;
pub use windows::WindowsArgs;

/// Every TLS cipher suite by every name, offline.
///
/// Give it suite names (IANA, OpenSSL, GnuTLS, NSS, Java, Go, Windows, ...) or
/// codes (0xC02B, {0xC0,0x2B}, c0 2b) in any case. One argument may hold a
/// whole list separated by ':', ',', spaces or newlines; '-' reads standard
/// input and @FILE reads a file. With no suites and standard input not a
/// terminal, standard input is read.
///
/// Exit status: 0 success, 1 a negative answer (an unknown suite, no name in
/// the target scheme, nothing matched), 2 a usage or input error.
#[derive(Debug, Parser)]
#[command(
    name = "cipherdex",
    version,
    after_help = "Examples:\n  cipherdex ECDHE-ECDSA-AES256-SHA\n  cipherdex convert --to iana ECDHE-ECDSA-AES256-SHA\n  cipherdex convert --to openssl 'TLS_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'\n  cipherdex list --kex ECDHE --aead --tls 1.2 --to openssl\n  cipherdex audit --policy mozilla-intermediate @accepted-suites.txt"
)]
pub struct Cli {
    /// Print one JSON document instead of text.
    #[arg(long, global = true)]
    pub json: bool,

    /// The subcommand; without one, the suites given are shown as with `show`.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Suites to show when no subcommand is given.
    #[command(flatten)]
    pub show: ShowArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show everything known about each suite: names, parts, flags, rating and policy verdicts.
    Show(ShowArgs),
    /// Print each suite's name in another scheme, one line per input.
    Convert(ConvertArgs),
    /// List known suites, filtered by what they are made of.
    List(ListArgs),
    /// Expand an OpenSSL cipher string into its suites, in OpenSSL's order.
    Expand(ExpandArgs),
    /// Write configuration text (OpenSSL, GnuTLS, nginx, Apache, HAProxy) for a suite list.
    Compile(CompileArgs),
    /// Grade a list of suites (a server's accepted list, a scanner report):
    /// rating, reasons and a policy's verdict per suite; exit 1 if any is
    /// insecure or outside the policy.
    Audit(AuditArgs),
    /// Windows SChannel releases: suites, default order, and the settings that change them.
    Windows(WindowsArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the manual page (roff).
    Man(ManArgs),
    /// Tell, per suite, whether a certificate can serve it, and why not.
    CheckCert(CheckCertArgs),
    /// Predict what a client and a server negotiate, or why they cannot.
    Negotiate(NegotiateArgs),
    /// Show what a ClientHello or a cipher-suite vector in hex holds.
    Decode(DecodeArgs),
    /// TLS supported groups (curves, FFDHE, ML-KEM hybrids): a card per group, or the registry.
    Group(GroupArgs),
    /// TLS signature schemes: a card per scheme, or the registry.
    Sigalg(SigalgArgs),
    /// Which clients of the catalogue connect to a server (and whose outcome a change changes).
    Simulate(SimulateArgs),
    /// Explain TLS error messages (one, or a whole log), alerts and error codes: meaning and likely causes.
    Explain(ExplainArgs),
    /// The client catalogue: real TLS clients (captured here or documented) and what they do in a handshake.
    Clients(ClientsArgs),
}

/// Suites given on the command line: names, codes, lists, `-`, `@FILE`.
#[derive(Debug, Clone, Args, Default)]
pub struct SuiteArgs {
    /// Suite names or codes, lists ('A:B', 'A,B'), '-' for standard input, @FILE for a file.
    /// Files and standard input may also be scanner reports (sslscan, nmap, testssl.sh),
    /// a ClientHello or cipher vector in hex, Windows listings or nginx/Apache/HAProxy lines.
    #[arg(value_name = "SUITE")]
    pub suites: Vec<String>,

    /// Read every input as this format instead of recognising it: sslscan, sslscan-xml,
    /// nmap, nmap-xml, testssl, testssl-json, hex, clienthello, config,
    /// get-tlsciphersuite, windows-names, windows-order, openssl or plain.
    #[arg(long, value_name = "NAME")]
    pub input_format: Option<String>,
}

/// Output formats of the commands that print tables (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Aligned text for people.
    Text,
    /// Comma-separated values with a header line.
    Csv,
    /// One JSON document.
    Json,
}

impl OutputFormat {
    /// The effective format, given the global `--json` flag.
    pub fn with_json(self, json: bool) -> OutputFormat {
        if json {
            OutputFormat::Json
        } else {
            self
        }
    }
}

/// What `--to` asks for: the name in a scheme, or the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameTarget {
    /// The name in this scheme.
    Scheme(Scheme),
    /// The code, as `0xC02B`.
    Hex,
}

impl NameTarget {
    /// The spelling of the target, as `--to` takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            NameTarget::Scheme(s) => s.as_str(),
            NameTarget::Hex => "hex",
        }
    }
}

/// The subcommand the arguments name (or the top level) and its long options,
/// for an "unknown option" error that lists the valid ones.
pub fn valid_options<S: AsRef<str>>(argv: &[S]) -> (String, Vec<String>) {
    use clap::CommandFactory;
    let mut root = Cli::command();
    root.build();
    let sub = argv
        .iter()
        .skip(1)
        .find_map(|a| root.find_subcommand(a.as_ref()));
    let cmd = sub.unwrap_or(&root);
    let options = cmd
        .get_arguments()
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect();
    (cmd.get_name().to_string(), options)
}

/// The subcommand a mistyped word probably meant (`lsit` → `list`), if any.
///
/// Only plain words qualify: anything with digits, separators or `-` in it is
/// a suite name or code, never a command.
pub fn similar_command(word: &str) -> Option<String> {
    use clap::CommandFactory;
    if word.len() < 3 || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let word = word.to_ascii_lowercase();
    let cli = Cli::command();
    cli.get_subcommands()
        .map(|c| c.get_name())
        .filter(|name| *name != "help")
        .map(|name| (strsim::osa_distance(&word, name), name))
        .filter(|&(d, name)| d <= 1 + name.len() / 4)
        .min()
        .map(|(_, name)| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    /// A positional that takes several values and also takes hyphen values
    /// (or everything after it) swallows the flags given after it.
    #[test]
    fn no_positional_swallows_later_flags() {
        let mut root = Cli::command();
        root.build();
        let mut cmds = vec![&root];
        cmds.extend(root.get_subcommands());
        for cmd in cmds {
            for arg in cmd.get_positionals() {
                let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
                let swallows = arg.is_allow_hyphen_values_set()
                    || arg.is_trailing_var_arg_set()
                    || arg.is_last_set();
                assert!(
                    !(many && swallows),
                    "'{} {}' takes several values and hyphen values: flags after it are swallowed",
                    cmd.get_name(),
                    arg.get_id()
                );
            }
        }
    }

    #[test]
    fn bare_suites_mean_show() {
        let cli = Cli::try_parse_from(["cipherdex", "AES128-SHA", "0xC02B"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.show.input.suites, ["AES128-SHA", "0xC02B"]);
    }

    #[test]
    fn valid_options_of_the_subcommand_used() {
        let (name, opts) = valid_options(&["cipherdex", "list", "--bogus"]);
        assert_eq!(name, "list");
        for o in ["--kex", "--no-pfs", "--json", "--help"] {
            assert!(opts.iter().any(|x| x == o), "{o} missing from {opts:?}");
        }
        let (name, opts) = valid_options(&["cipherdex", "--bogus"]);
        assert_eq!(name, "cipherdex");
        assert!(opts.iter().any(|x| x == "--version"));
    }

    #[test]
    fn mistyped_commands() {
        assert_eq!(similar_command("lsit").as_deref(), Some("list"));
        assert_eq!(similar_command("Convret").as_deref(), Some("convert"));
        assert_eq!(similar_command("shwo").as_deref(), Some("show"));
        assert_eq!(similar_command("negotiat").as_deref(), Some("negotiate"));
        assert_eq!(similar_command("AES128-SHA"), None);
        assert_eq!(similar_command("RC4"), None);
        assert_eq!(similar_command("banana"), None);
    }

    #[test]
    fn bad_values_list_valid_ones() {
        let e = Cli::try_parse_from(["cipherdex", "convert", "--to", "klingon"]).unwrap_err();
        let text = e.render().to_string();
        assert!(text.contains("klingon") && text.contains("openssl") && text.contains("hex"));
        let e = Cli::try_parse_from(["cipherdex", "list", "--kex", "ECDHX"]).unwrap_err();
        assert!(e.render().to_string().contains("ECDHE"));
    }
}
