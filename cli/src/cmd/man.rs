//! `cipherdex man`: the manual page (roff) generated from the clap definitions.

use clap::CommandFactory;

use crate::args::{Cli, ManArgs};
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;

/// Writes the manual page.
pub fn run(_args: &ManArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    let man = clap_mangen::Man::new(Cli::command());
    let mut buf = Vec::new();
    man.render(&mut buf)?;
    ctx.out.write_all(&buf)?;
    Ok(Status::Success)
}
