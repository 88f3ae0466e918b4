//! Parsing the command line, building only the subcommand named.
//!
//! `Cli::command()` builds every subcommand with all its arguments and
//! possible values; for a one-shot `cipherdex convert NAME` that was a
//! quarter of the process's instructions. When the first argument names a
//! subcommand, a parser with that subcommand alone is tried first, from the
//! same derived `Args`; anything it does not accept (help, version, a usage
//! error) goes to the full parser, so messages and help are the full ones.

use std::ffi::OsString;

use clap::{Arg, ArgAction, Args, Command, FromArgMatches, Parser};

use super::{
    AuditArgs, CheckCertArgs, Cli, ClientsArgs, CompileArgs, CompletionsArgs, ConvertArgs,
    DecodeArgs, ExpandArgs, GroupArgs, ListArgs, ManArgs, NegotiateArgs, ShowArgs, SigalgArgs,
    SimulateArgs, WindowsArgs,
};

/// The command line of this process, parsed.
pub fn parse() -> Result<Cli, clap::Error> {
    let argv: Vec<OsString> = std::env::args_os().collect();
    match parse_one_subcommand(&argv) {
        Some(cli) => Ok(cli),
        None => Cli::try_parse_from(argv),
    }
}

/// `argv` parsed by a parser that knows only the subcommand `argv[1]` names
/// (`None`: not a subcommand, or not accepted by that parser).
fn parse_one_subcommand(argv: &[OsString]) -> Option<Cli> {
    let name = argv.get(1)?.to_str()?;
    let (name, augment) = match name {
        "show" => ("show", ShowArgs::augment_args as fn(Command) -> Command),
        "convert" => (
            "convert",
            ConvertArgs::augment_args as fn(Command) -> Command,
        ),
        "list" => ("list", ListArgs::augment_args as fn(Command) -> Command),
        "expand" => ("expand", ExpandArgs::augment_args as fn(Command) -> Command),
        "compile" => (
            "compile",
            CompileArgs::augment_args as fn(Command) -> Command,
        ),
        "audit" => ("audit", AuditArgs::augment_args as fn(Command) -> Command),
        "windows" => (
            "windows",
            WindowsArgs::augment_args as fn(Command) -> Command,
        ),
        "completions" => (
            "completions",
            CompletionsArgs::augment_args as fn(Command) -> Command,
        ),
        "man" => ("man", ManArgs::augment_args as fn(Command) -> Command),
        "check-cert" => (
            "check-cert",
            CheckCertArgs::augment_args as fn(Command) -> Command,
        ),
        "negotiate" => (
            "negotiate",
            NegotiateArgs::augment_args as fn(Command) -> Command,
        ),
        "decode" => ("decode", DecodeArgs::augment_args as fn(Command) -> Command),
        "group" => ("group", GroupArgs::augment_args as fn(Command) -> Command),
        "sigalg" => ("sigalg", SigalgArgs::augment_args as fn(Command) -> Command),
        "clients" => (
            "clients",
            ClientsArgs::augment_args as fn(Command) -> Command,
        ),
        "simulate" => (
            "simulate",
            SimulateArgs::augment_args as fn(Command) -> Command,
        ),
        _ => return None,
    };
    let sub = augment(Command::new(name));
    // The top level as `Cli` declares it: the global `--json`, the suites
    // shown without a subcommand, and the one subcommand.
    let top = Command::new("cipherdex")
        .arg(
            Arg::new("json")
                .long("json")
                .global(true)
                .action(ArgAction::SetTrue),
        )
        .subcommand(sub);
    let matches = ShowArgs::augment_args(top)
        .try_get_matches_from(argv)
        .ok()?;
    Cli::from_arg_matches(&matches).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every subcommand the fast parser knows is one of `Cli`'s, and every
    /// one of `Cli`'s is known to it, with the same arguments.
    #[test]
    fn one_subcommand_parser_knows_every_subcommand() {
        let root = Cli::command();
        for sub in root.get_subcommands() {
            let name = sub.get_name();
            if name == "help" {
                continue;
            }
            let argv: Vec<OsString> = ["cipherdex", name, "--json"]
                .iter()
                .map(OsString::from)
                .collect();
            // `--json` alone may miss a required argument: then both parsers
            // refuse it; otherwise both accept it.
            let fast = parse_one_subcommand(&argv);
            let full = Cli::try_parse_from(&argv);
            assert_eq!(fast.is_some(), full.is_ok(), "{name}");
            if let (Some(fast), Ok(full)) = (fast, full) {
                assert_eq!(format!("{fast:?}"), format!("{full:?}"), "{name}");
            }
        }
    }

    /// Both parsers read a command line the same way.
    #[test]
    fn same_result_as_the_full_parser() {
        for line in [
            "cipherdex convert --to iana ECDHE-ECDSA-AES256-SHA",
            "cipherdex convert ECDHE-ECDSA-AES256-SHA --to openssl --json",
            "cipherdex show AES128-SHA",
            "cipherdex list --kex ECDHE --aead --tls 1.2 --to openssl",
            "cipherdex decode 00 67 00 ff --json",
            "cipherdex check-cert --cert ed25519 ECDHE-ECDSA-AES128-SHA",
            "cipherdex audit --policy mozilla-intermediate AES128-SHA",
        ] {
            let argv: Vec<OsString> = line.split(' ').map(OsString::from).collect();
            let full = Cli::try_parse_from(&argv).expect(line);
            let fast = parse_one_subcommand(&argv).expect(line);
            assert_eq!(format!("{fast:?}"), format!("{full:?}"), "{line}");
        }
    }

    /// What only the full parser knows goes to it: help, version, errors,
    /// and a command line that does not start with a subcommand.
    #[test]
    fn help_and_errors_fall_back() {
        for line in [
            "cipherdex convert --help",
            "cipherdex convert --bogus X",
            "cipherdex list --kex NOPE",
            "cipherdex AES128-SHA",
            "cipherdex --json show AES128-SHA",
            "cipherdex --version",
        ] {
            let argv: Vec<OsString> = line.split(' ').map(OsString::from).collect();
            assert!(parse_one_subcommand(&argv).is_none(), "{line}");
        }
    }
}
