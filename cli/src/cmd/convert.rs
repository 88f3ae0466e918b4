//! `cipherdex convert --to SCHEME SUITE...`: one output line per input, same order.

use cipherdex::input::Item;
use cipherdex::windows::Release;
use cipherdex::{Scheme, Suite};
use serde::Serialize;

use crate::args::{ConvertArgs, NameTarget, OutputFormat};
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::input;
use crate::table;

/// What an input without an answer prints in its place.
const NONE: &str = "-";

/// Converts every input; unknown inputs and inputs without a name in the
/// target print `-` on their line and a line on standard error.
pub fn run(args: &ConvertArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    if args.windows_release.is_some() && args.to != NameTarget::Scheme(Scheme::Windows) {
        return Err(Error::Needs {
            option: "--windows-release",
            needs: "--to windows",
        });
    }
    let input = input::read(&args.input, ctx.err)?;
    let rows: Vec<Row> = input
        .items
        .iter()
        .map(|i| convert(i, args.to, args.windows_release))
        .collect();
    let mut negative = input.items.is_empty();
    for row in &rows {
        match row.suite {
            None => input::report_unknown(row.item, ctx.err)?,
            Some(suite) if row.name.is_none() => match args.windows_release {
                Some(release) => writeln!(
                    ctx.err,
                    "cipherdex: note: {} ({}) is not supported by {release}",
                    suite.canonical_name(),
                    suite.code_hex(),
                )?,
                None => writeln!(
                    ctx.err,
                    "cipherdex: note: {} ({}) has no {} name",
                    suite.canonical_name(),
                    suite.code_hex(),
                    args.to.as_str()
                )?,
            },
            Some(_) => continue,
        }
        negative = true;
    }
    match args.format.with_json(ctx.json) {
        OutputFormat::Text => {
            for row in &rows {
                writeln!(ctx.out, "{}", row.name.as_deref().unwrap_or(NONE))?;
            }
        }
        OutputFormat::Csv => {
            table::write_csv(ctx.out, &["input", "code", args.to.as_str()])?;
            for row in &rows {
                let code = row.suite.map(|s| s.code_hex().to_string());
                table::write_csv(
                    ctx.out,
                    &[
                        row.item.input(),
                        code.as_deref().unwrap_or(""),
                        row.name.as_deref().unwrap_or(""),
                    ],
                )?;
            }
        }
        OutputFormat::Json => {
            let docs: Vec<RowJson> = rows
                .iter()
                .map(|r| RowJson {
                    input: r.item.input(),
                    to: args.to.as_str(),
                    name: r.name.as_deref(),
                    suite: r.suite,
                    suggestions: r.item.suggestions(),
                })
                .collect();
            table::write_json(ctx.out, &docs)?;
        }
    }
    Ok(Status::negative_if(negative))
}

struct Row<'a> {
    item: &'a Item,
    suite: Option<&'static Suite>,
    name: Option<String>,
}

fn convert(item: &Item, to: NameTarget, release: Option<Release>) -> Row<'_> {
    let suite = item.suite();
    let name = suite.and_then(|s| match (to, release) {
        (NameTarget::Hex, _) => Some(s.code_hex().to_string()),
        (NameTarget::Scheme(_), Some(release)) => release.name_for(s).map(str::to_string),
        (NameTarget::Scheme(scheme), None) => s.name(scheme).map(str::to_string),
    });
    Row { item, suite, name }
}

/// One input in `--json`.
#[derive(Serialize)]
struct RowJson<'a> {
    /// The input as given.
    input: &'a str,
    /// The target scheme.
    to: &'static str,
    /// The name in the target, or null.
    name: Option<&'a str>,
    /// The suite object, or null for an unknown input.
    suite: Option<&'static Suite>,
    /// Close known names for an unknown input.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    suggestions: &'a [&'static str],
}
