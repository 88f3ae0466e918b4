//! `cipherdex completions SHELL`: a completion script generated from the clap definitions.

use clap::CommandFactory;

use crate::args::{Cli, CompletionsArgs};
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;

/// Writes the completion script for the shell.
pub fn run(args: &CompletionsArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "cipherdex", &mut buf);
    ctx.out.write_all(&buf)?;
    Ok(Status::Success)
}
