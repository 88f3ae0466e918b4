//! `cipherdex expand STRING`: the suites an OpenSSL cipher string selects, in
//! OpenSSL's order.

use cipherdex::openssl::{
    evaluate, evaluate_full, CipherStringError as OpensslError, Expansion, Release,
};
use cipherdex::Suite;
use serde::Serialize;

use crate::args::{ExpandArgs, NameTarget, OutputFormat};
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::table;

/// Evaluates the string for the chosen OpenSSL build; warnings (unknown words,
/// which OpenSSL ignores) go to standard error. Selecting nothing is a negative
/// answer (exit 1); a string OpenSSL rejects is an input error (exit 2).
pub fn run(args: &ExpandArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    let target: Release = match &args.openssl {
        Some(v) => v.parse().map_err(Error::Openssl)?,
        None => Release::default(),
    };
    let result = match &args.ciphersuites {
        Some(list) => evaluate_full(&args.string, Some(list), target),
        None => evaluate(&args.string, target),
    };
    let x = match result {
        Ok(x) => x,
        Err(e @ (OpensslError::NoCipherMatch | OpensslError::NoCiphersuiteMatch)) => {
            writeln!(ctx.err, "cipherdex: {e}")?;
            return Ok(Status::Negative);
        }
        Err(e) => return Err(Error::Openssl(e)),
    };
    for w in x.warnings() {
        writeln!(ctx.err, "cipherdex: warning: {w}")?;
    }
    let name_of = |s: &'static Suite, openssl_name: &str| -> String {
        match args.to {
            None => openssl_name.to_string(),
            Some(NameTarget::Hex) => s.code_hex().to_string(),
            Some(NameTarget::Scheme(scheme)) => s.name(scheme).unwrap_or("-").to_string(),
        }
    };
    match args.format.with_json(ctx.json) {
        OutputFormat::Text => {
            for c in x.ciphers() {
                writeln!(ctx.out, "{}", name_of(c.suite(), c.name()))?;
            }
        }
        OutputFormat::Csv => {
            table::write_csv(
                ctx.out,
                &["code", "openssl", "iana", "protocol", "strength_bits"],
            )?;
            for c in x.ciphers() {
                let s = c.suite();
                table::write_csv(
                    ctx.out,
                    &[
                        s.code_hex().to_string(),
                        c.name().to_string(),
                        s.name(cipherdex::Scheme::Iana).unwrap_or("").to_string(),
                        c.min_protocol().to_string(),
                        c.strength_bits().to_string(),
                    ],
                )?;
            }
        }
        OutputFormat::Json => table::write_json(ctx.out, &Doc::new(&args.string, &x))?,
    }
    Ok(Status::Success)
}

/// The `--json` document.
#[derive(Serialize)]
struct Doc<'a> {
    string: &'a str,
    openssl: &'static str,
    sec_level: Option<u8>,
    suites: Vec<&'static Suite>,
    warnings: Vec<String>,
}

impl<'a> Doc<'a> {
    fn new(string: &'a str, x: &Expansion) -> Doc<'a> {
        Doc {
            string,
            openssl: x.target().label(),
            sec_level: x.sec_level(),
            suites: x.suites(),
            warnings: x.warnings().iter().map(ToString::to_string).collect(),
        }
    }
}
