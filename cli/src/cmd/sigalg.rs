//! `cipherdex sigalg [SIGALG...]`: a card per signature scheme, or the registry.

use cipherdex::SignatureScheme;

use crate::args::SigalgArgs;
use crate::cmd::{registry, Status};
use crate::ctx::Ctx;
use crate::error::Error;

/// Shows each signature scheme named (any spelling or code), or the whole registry.
pub fn run(args: &SigalgArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    registry::run::<SignatureScheme>(&args.names, args.to, ctx)
}
