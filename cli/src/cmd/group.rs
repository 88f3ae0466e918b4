//! `cipherdex group [GROUP...]`: a card per supported group, or the registry.

use cipherdex::Group;

use crate::args::GroupArgs;
use crate::cmd::{registry, Status};
use crate::ctx::Ctx;
use crate::error::Error;

/// Shows each group named (any spelling or code), or the whole registry.
pub fn run(args: &GroupArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    registry::run::<Group>(&args.names, args.to, ctx)
}
