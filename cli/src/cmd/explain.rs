//! `cipherdex explain TEXT...`: from a TLS error message to its causes.

use cipherdex::explain::{self, Finding};
use serde::Serialize;

use crate::args::ExplainArgs;
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;

/// Explains every message found; exit 1 when nothing was recognised.
pub fn run(args: &ExplainArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    let text = crate::input::join_sources(&args.text)?;
    let found = explain::explain(&text).map_err(Error::Explain)?;
    if ctx.json {
        let doc = Doc {
            matches: found.iter().map(MatchJson::new).collect(),
        };
        serde_json::to_writer_pretty(&mut *ctx.out, &doc)?;
        writeln!(ctx.out)?;
    } else if found.is_empty() {
        writeln!(
            ctx.err,
            "cipherdex: no TLS error message, alert or code that cipherdex knows was found"
        )?;
    } else {
        for (i, f) in found.iter().enumerate() {
            if i > 0 {
                writeln!(ctx.out)?;
            }
            write_text(f, ctx)?;
        }
    }
    Ok(Status::negative_if(found.is_empty()))
}

fn write_text(f: &Finding<'_>, ctx: &mut Ctx) -> Result<(), Error> {
    let stack = f.stack.map_or_else(|| "TLS".to_string(), |s| s.to_string());
    write!(ctx.out, "line {}: {stack}: {:?}", f.line, f.message)?;
    if let Some(a) = f.alert {
        write!(ctx.out, " (alert {} {})", a.code(), a.name())?;
    }
    writeln!(ctx.out)?;
    writeln!(ctx.out, "  {}", f.meaning)?;
    if !f.versions.is_empty() {
        writeln!(ctx.out, "  seen in: {} {}", stack, f.versions)?;
    }
    writeln!(ctx.out, "  source: {}", f.source)?;
    writeln!(ctx.out, "  causes, most likely first:")?;
    for (n, c) in f.causes.iter().enumerate() {
        writeln!(ctx.out, "    {}. {}: {}", n + 1, c.id(), c.text())?;
        writeln!(ctx.out, "       check: {}", c.check())?;
        writeln!(ctx.out, "       confirm: {}", c.command())?;
    }
    Ok(())
}

#[derive(Serialize)]
struct Doc<'a> {
    matches: Vec<MatchJson<'a>>,
}

#[derive(Serialize)]
struct MatchJson<'a> {
    line: usize,
    stack: Option<&'static str>,
    message: &'a str,
    name: &'static str,
    meaning: &'static str,
    alert: Option<AlertJson>,
    causes: Vec<CauseJson>,
    versions: &'static str,
    source: &'static str,
}

#[derive(Serialize)]
struct AlertJson {
    code: u8,
    name: &'static str,
}

#[derive(Serialize)]
struct CauseJson {
    id: &'static str,
    text: &'static str,
    check: &'static str,
    command: &'static str,
}

impl<'a> MatchJson<'a> {
    fn new(f: &Finding<'a>) -> Self {
        MatchJson {
            line: f.line,
            stack: f.stack.map(|s| s.as_str()),
            message: f.message,
            name: f.name,
            meaning: f.meaning,
            alert: f.alert.map(|a| AlertJson {
                code: a.code(),
                name: a.name(),
            }),
            causes: f
                .causes
                .iter()
                .map(|c| CauseJson {
                    id: c.id(),
                    text: c.text(),
                    check: c.check(),
                    command: c.command(),
                })
                .collect(),
            versions: f.versions,
            source: f.source,
        }
    }
}
