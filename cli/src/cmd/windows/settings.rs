//! `cipherdex windows RELEASE --gpo SUITE...` and `--powershell SUITE...`:
//! the settings that make a machine use a chosen order (the library writes
//! them; this prints them).

use cipherdex::windows::{Release, Selection, GPO_LIMIT};
use serde::Serialize;

use crate::args::{OutputFormat, SuiteArgs};
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::input;
use crate::table;

/// The chosen suites, read as any suite input is (lists, `-`, `@FILE`,
/// reports) and resolved in the release's names; unknown items are
/// reported, and `None` if there was any.
fn select(
    r: Release,
    suites: &[String],
    what: &str,
    ctx: &mut Ctx,
) -> Result<Option<Selection>, Error> {
    let args = SuiteArgs {
        suites: suites.to_vec(),
        ..SuiteArgs::default()
    };
    let input = input::read(&args, ctx.err)?;
    let mut bad = false;
    for item in input.items.iter().filter(|i| i.suite().is_none()) {
        input::report_unknown(item, ctx.err)?;
        bad = true;
    }
    if bad {
        writeln!(
            ctx.err,
            "cipherdex: error: no {what} printed: fix the unknown suites first"
        )?;
        return Ok(None);
    }
    let resolved = input
        .items
        .iter()
        .filter_map(|i| i.suite().map(|s| (i.input(), s)));
    // Every item resolved (checked above); an empty list is an input error.
    let sel = r.select_suites(resolved).map_err(|_| Error::EmptyInput)?;
    Ok(Some(sel))
}

fn note(ctx: &mut Ctx, text: &dyn std::fmt::Display) -> Result<(), Error> {
    writeln!(ctx.err, "cipherdex: note: {text}")?;
    Ok(())
}

#[derive(Serialize)]
struct GpoJson {
    release: String,
    gpo: Option<String>,
    length: usize,
    limit: usize,
    names: Vec<&'static str>,
    error: Option<String>,
    warnings: Vec<String>,
}

/// Prints the Group Policy "SSL Cipher Suite Order" string; exit 1 when
/// there is none (nothing supported, too long).
pub(super) fn gpo(
    r: Release,
    suites: &[String],
    format: OutputFormat,
    ctx: &mut Ctx,
) -> Result<Status, Error> {
    let Some(sel) = select(r, suites, "policy string", ctx)? else {
        return Ok(Status::Negative);
    };
    for w in sel.warnings() {
        note(ctx, w)?;
    }
    let result = sel.gpo_string();
    if format == OutputFormat::Json {
        table::write_json(
            ctx.out,
            &GpoJson {
                release: r.to_string(),
                length: sel.gpo_length(),
                limit: GPO_LIMIT,
                gpo: result.as_ref().ok().cloned(),
                error: result.as_ref().err().map(ToString::to_string),
                names: sel.names(),
                warnings: sel.warnings().iter().map(ToString::to_string).collect(),
            },
        )?;
        return Ok(Status::negative_if(result.is_err()));
    }
    match result {
        Ok(s) => {
            writeln!(ctx.out, "{s}")?;
            note(
                ctx,
                &format!(
                    "{} characters of {GPO_LIMIT}; Group Policy: Computer Configuration > Administrative Templates > Network > SSL Configuration Settings > SSL Cipher Suite Order (suites not listed are not used; restart to apply)",
                    sel.gpo_length(),
                ),
            )?;
            Ok(Status::Success)
        }
        Err(e) => {
            writeln!(ctx.err, "cipherdex: error: {e}")?;
            Ok(Status::Negative)
        }
    }
}

#[derive(Serialize)]
struct PowershellJson {
    release: String,
    script: String,
    names: Vec<&'static str>,
    warnings: Vec<String>,
}

/// Prints a PowerShell script that sets exactly the chosen order; exit 1
/// when there is none (nothing supported, or too long for the registry value).
pub(super) fn powershell(
    r: Release,
    suites: &[String],
    format: OutputFormat,
    ctx: &mut Ctx,
) -> Result<Status, Error> {
    let Some(sel) = select(r, suites, "script", ctx)? else {
        return Ok(Status::Negative);
    };
    let warnings = sel.powershell_warnings();
    for w in &warnings {
        note(ctx, w)?;
    }
    let script = match sel.powershell() {
        Ok(s) => s,
        Err(e) => {
            writeln!(ctx.err, "cipherdex: error: no script printed: {e}")?;
            return Ok(Status::Negative);
        }
    };
    if format == OutputFormat::Json {
        table::write_json(
            ctx.out,
            &PowershellJson {
                release: r.to_string(),
                script,
                names: sel.names(),
                warnings: warnings.iter().map(ToString::to_string).collect(),
            },
        )?;
    } else {
        write!(ctx.out, "{script}")?;
    }
    Ok(Status::Success)
}
