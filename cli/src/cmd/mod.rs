//! One module per subcommand, each with `run(args, ctx) -> Result<Status, Error>`.

use std::io::Write;
use std::process::ExitCode;

use crate::args::{Cli, Command};
use crate::ctx::Ctx;
use crate::error::Error;

pub mod audit;
pub mod check_cert;
pub mod clients;
pub mod compile;
pub mod completions;
pub mod convert;
pub mod decode;
pub mod expand;
pub mod explain;
pub mod group;
pub mod list;
pub mod man;
pub mod negotiate;
pub mod peer;
pub mod registry;
pub mod show;
pub mod sigalg;
pub mod simulate;
pub mod windows;

/// What a command answered (an error is a [`Error`] instead).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything asked for was found and printed: exit 0.
    Success,
    /// A negative answer (an unknown suite, no such name, nothing matched): exit 1.
    Negative,
}

impl Status {
    /// `Negative` if `negative`, else `Success`.
    pub fn negative_if(negative: bool) -> Status {
        if negative {
            Status::Negative
        } else {
            Status::Success
        }
    }
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> ExitCode {
        match s {
            Status::Success => ExitCode::SUCCESS,
            Status::Negative => ExitCode::from(1),
        }
    }
}

/// Bare `cipherdex lsit`: if the first word is no suite but close to a
/// command's name, say so before `show` reports it as unknown.
fn hint_command(suites: &[String], err: &mut dyn Write) -> Result<(), Error> {
    if let Some(first) = suites.first() {
        if cipherdex::lookup(first).is_none() {
            if let Some(cmd) = crate::args::similar_command(first) {
                writeln!(
                    err,
                    "cipherdex: note: {first:?} is not a command; did you mean 'cipherdex {cmd}'?"
                )?;
            }
        }
    }
    Ok(())
}

/// Runs the command line's subcommand (`show` when none is given).
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<Status, Error> {
    let mut ctx = Ctx {
        out,
        err,
        json: cli.json,
    };
    match cli.command {
        None => {
            hint_command(&cli.show.input.suites, ctx.err)?;
            show::run(&cli.show, &mut ctx)
        }
        Some(Command::Show(a)) => show::run(&a, &mut ctx),
        Some(Command::Convert(a)) => convert::run(&a, &mut ctx),
        Some(Command::List(a)) => list::run(&a, &mut ctx),
        Some(Command::Expand(a)) => expand::run(&a, &mut ctx),
        Some(Command::Compile(a)) => compile::run(&a, &mut ctx),
        Some(Command::Audit(a)) => audit::run(&a, &mut ctx),
        Some(Command::Completions(a)) => completions::run(&a, &mut ctx),
        Some(Command::Man(a)) => man::run(&a, &mut ctx),
        Some(Command::CheckCert(a)) => check_cert::run(&a, &mut ctx),
        Some(Command::Negotiate(a)) => negotiate::run(&a, &mut ctx),
        Some(Command::Windows(a)) => windows::run(&a, &mut ctx),
        Some(Command::Decode(a)) => decode::run(&a, &mut ctx),
        Some(Command::Group(a)) => group::run(&a, &mut ctx),
        Some(Command::Sigalg(a)) => sigalg::run(&a, &mut ctx),
        Some(Command::Simulate(a)) => simulate::run(&a, &mut ctx),
        Some(Command::Explain(a)) => explain::run(&a, &mut ctx),
        Some(Command::Clients(a)) => clients::run(&a, &mut ctx),
    }
}
