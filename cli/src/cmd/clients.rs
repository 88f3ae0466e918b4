//! `cipherdex clients [CLIENT...]`: the client catalogue as a table or JSON.

use cipherdex::clients::{self, Client};

use crate::args::ClientsArgs;
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::table;

/// Lists the catalogue, or the clients the arguments select.
pub fn run(args: &ClientsArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    // No argument lists the whole catalogue.
    let pattern = if args.clients.is_empty() {
        "*".to_owned()
    } else {
        args.clients.join(",")
    };
    let selected: Vec<&'static Client> = clients::select(&pattern).map_err(Error::Clients)?;
    if ctx.json {
        table::write_json(ctx.out, &selected)?;
        return Ok(Status::Success);
    }
    let mut rows = vec![["id", "name", "version", "basis", "source"]
        .iter()
        .map(|s| (*s).to_string())
        .collect::<Vec<_>>()];
    for c in &selected {
        rows.push(vec![
            c.id().to_string(),
            c.name().to_string(),
            c.version().to_string(),
            c.basis().to_string(),
            c.source().to_string(),
        ]);
    }
    table::write_aligned(ctx.out, &rows)?;
    Ok(Status::Success)
}
