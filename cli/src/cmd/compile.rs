//! `cipherdex compile --target openssl|gnutls|nginx|apache|haproxy SUITE...`:
//! configuration text that enables exactly the given suites, in order.

use cipherdex::openssl::write::{compile, Dialect};
use cipherdex::openssl::Release;
use serde::Serialize;

use crate::args::{CompileArgs, OutputFormat};
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::input;
use crate::table;

/// Prints the text on standard output and nothing else; suites the target
/// cannot express, and unknown inputs, are reported on standard error (exit 1).
pub fn run(args: &CompileArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    let target: Release = match &args.openssl {
        Some(v) => v.parse().map_err(Error::Openssl)?,
        None => Release::default(),
    };
    let input = input::read(&args.input, ctx.err)?;
    let mut negative = false;
    for item in input.items.iter().filter(|i| i.suite().is_none()) {
        input::report_unknown(item, ctx.err)?;
        negative = true;
    }
    let suites: Vec<_> = input.items.iter().filter_map(|i| i.suite()).collect();
    let written = compile(args.target, &suites, target);
    for s in written.unexpressible() {
        writeln!(
            ctx.err,
            "cipherdex: note: {} ({}) cannot be expressed for {}; it is left out",
            s.canonical_name(),
            s.code_hex(),
            args.target
        )?;
        negative = true;
    }
    for s in written.also_enables() {
        writeln!(
            ctx.err,
            "cipherdex: note: the {} text also enables {} ({})",
            args.target,
            s.canonical_name(),
            s.code_hex()
        )?;
    }
    match args.format.with_json(ctx.json) {
        OutputFormat::Json => table::write_json(
            ctx.out,
            &Doc {
                target: args.target.to_string(),
                text: written.text(),
                unexpressible: written
                    .unexpressible()
                    .iter()
                    .map(|s| s.code_hex().to_string())
                    .collect(),
                also_enables: written
                    .also_enables()
                    .iter()
                    .map(|s| s.code_hex().to_string())
                    .collect(),
            },
        )?,
        _ => writeln!(ctx.out, "{}", written.text().trim_end())?,
    }
    Ok(Status::negative_if(negative))
}

/// The `--json` document.
#[derive(Serialize)]
struct Doc<'a> {
    target: String,
    text: &'a str,
    unexpressible: Vec<String>,
    also_enables: Vec<String>,
}

/// Parses `--target`.
pub fn parse_dialect(s: &str) -> Result<Dialect, String> {
    s.parse::<Dialect>().map_err(|e| e.to_string())
}
