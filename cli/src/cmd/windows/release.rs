//! `cipherdex windows RELEASE [--all] [--to SCHEME]`: a release's suites.

use cipherdex::windows::{Release, Row, SuiteEntry, SuiteStatus};
use cipherdex::Suite;
use serde::Serialize;

use super::{protocol_list, protocols_text, release_json, tri, ReleaseJson};
use crate::args::{NameTarget, OutputFormat};
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::table;

/// One line of a release's suite list: a table row (release names) or a
/// suite (another scheme's names).
#[derive(Serialize)]
struct LineJson {
    position: Option<usize>,
    name: Option<String>,
    code: String,
    status: &'static str,
    strong_crypto: &'static str,
    protocols: Vec<&'static str>,
    curve: Option<String>,
    notes: &'static str,
    suite: &'static Suite,
}

#[derive(Serialize)]
struct ReleaseSuitesJson {
    #[serde(flatten)]
    release: ReleaseJson,
    list: &'static str,
    source: &'static str,
    ms_date: &'static str,
    suites: Vec<LineJson>,
}

pub(super) fn show_release(
    r: Release,
    all: bool,
    to: Option<NameTarget>,
    format: OutputFormat,
    ctx: &mut Ctx,
) -> Result<Status, Error> {
    let entries: Vec<SuiteEntry> = r
        .suites()
        .into_iter()
        .filter(|e| all || e.status().is_enabled())
        .collect();
    let mut lines: Vec<LineJson> = Vec::new();
    let scheme_name = |s: &Suite| -> Option<String> {
        match to {
            Some(NameTarget::Hex) => Some(s.code_hex().to_string()),
            Some(NameTarget::Scheme(scheme)) => s.name(scheme).map(str::to_string),
            None => None,
        }
    };
    for e in &entries {
        let position = match e.status() {
            SuiteStatus::Enabled { position } => Some(position),
            _ => None,
        };
        if to.is_some() {
            // Another scheme: one line per suite.
            lines.push(LineJson {
                position,
                name: scheme_name(e.suite()),
                code: e.suite().code_hex().to_string(),
                status: e.status().as_str(),
                strong_crypto: tri(e.strong_crypto()),
                protocols: protocol_list(e.protocols()),
                curve: None,
                notes: e.rows()[0].notes(),
                suite: e.suite(),
            });
            continue;
        }
        // The release's own names: one line per table row (curve variants).
        for row in e.rows() {
            let row: &Row = row;
            if !all && row.priority().is_none() {
                continue;
            }
            lines.push(LineJson {
                position: row.priority().map(usize::from),
                name: Some(row.name().to_string()),
                code: row.suite().code_hex().to_string(),
                status: row.status().as_str(),
                strong_crypto: tri(row.strong_crypto()),
                protocols: protocol_list(row.protocols()),
                curve: row.curve().map(|c| c.to_string()),
                notes: row.notes(),
                suite: row.suite(),
            });
        }
    }
    if to.is_none() {
        // Table rows: enabled rows by their priority first, then the others.
        lines.sort_by_key(|l| l.position.unwrap_or(usize::MAX));
    }
    let list = if all { "supported" } else { "enabled" };
    match format {
        OutputFormat::Json => {
            let t = r.table();
            let doc = ReleaseSuitesJson {
                release: release_json(r),
                list,
                source: t.source(),
                ms_date: t.ms_date(),
                suites: lines,
            };
            table::write_json(ctx.out, &doc)?;
        }
        OutputFormat::Csv => {
            let name_col = to.map_or("windows", NameTarget::as_str);
            table::write_csv(
                ctx.out,
                &[
                    "position",
                    name_col,
                    "code",
                    "status",
                    "strong_crypto",
                    "protocols",
                ],
            )?;
            for l in &lines {
                table::write_csv(
                    ctx.out,
                    &[
                        l.position.map(|p| p.to_string()).unwrap_or_default(),
                        l.name.clone().unwrap_or_default(),
                        l.code.clone(),
                        l.status.to_string(),
                        l.strong_crypto.to_string(),
                        l.protocols.join(" "),
                    ],
                )?;
            }
        }
        OutputFormat::Text => {
            let t = r.table();
            writeln!(
                ctx.out,
                "{} ({r}), Microsoft table \"{}\" (ms.date {})",
                r.product(),
                t.title(),
                t.ms_date()
            )?;
            writeln!(
                ctx.out,
                "Protocols on by default: server {}; client {}",
                protocols_text(r.protocols(true)),
                protocols_text(r.protocols(false))
            )?;
            for u in r.uncertainties() {
                writeln!(ctx.out, "Unsure: {u}")?;
            }
            writeln!(
                ctx.out,
                "{}:",
                if all {
                    "Supported suites (enabled ones first, in priority order)"
                } else {
                    "Suites enabled by default, in priority order"
                }
            )?;
            let mut rows = vec![
                ["#", "NAME", "CODE", "STATUS", "STRONG-CRYPTO", "PROTOCOLS"]
                    .map(String::from)
                    .to_vec(),
            ];
            for l in &lines {
                rows.push(vec![
                    l.position.map(|p| p.to_string()).unwrap_or_default(),
                    l.name.clone().unwrap_or_else(|| "-".to_string()),
                    l.code.clone(),
                    l.status.to_string(),
                    l.strong_crypto.to_string(),
                    l.protocols.join(" "),
                ]);
            }
            table::write_aligned(ctx.out, &rows)?;
        }
    }
    Ok(Status::Success)
}
