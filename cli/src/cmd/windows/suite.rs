//! `cipherdex windows --suite SUITE [RELEASE]`, and the Windows lines of the
//! `show` card: one suite across the releases.

use cipherdex::windows::{history, Release, ReleaseRange, SuiteStatus};
use cipherdex::Suite;
use serde::Serialize;

use super::kind;
use super::tri;
use crate::args::OutputFormat;
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::input;
use crate::table;

#[derive(Serialize)]
struct RangeJson {
    first: &'static str,
    last: &'static str,
}

fn ranges(v: Vec<ReleaseRange>) -> Vec<RangeJson> {
    v.iter()
        .map(|r| RangeJson {
            first: r.first().name(),
            last: r.last().name(),
        })
        .collect()
}

/// Where a suite is supported and enabled by default, for `show --json`.
#[derive(Serialize)]
pub struct WindowsJson {
    summary: String,
    supported_clients: Vec<RangeJson>,
    supported_servers: Vec<RangeJson>,
    enabled_clients: Vec<RangeJson>,
    enabled_servers: Vec<RangeJson>,
}

/// The Windows ranges of one suite, for the `show` card's JSON.
pub fn windows_json(suite: &'static Suite) -> WindowsJson {
    let h = history(suite);
    WindowsJson {
        summary: h.summary(),
        supported_clients: ranges(h.supported_ranges(false)),
        supported_servers: ranges(h.supported_ranges(true)),
        enabled_clients: ranges(h.enabled_ranges(false)),
        enabled_servers: ranges(h.enabled_ranges(true)),
    }
}

#[derive(Serialize)]
struct SuiteReleaseJson {
    release: String,
    product: &'static str,
    kind: &'static str,
    status: &'static str,
    position: Option<usize>,
    names: Vec<&'static str>,
    strong_crypto: &'static str,
}

#[derive(Serialize)]
struct SuiteStatusJson {
    suite: &'static Suite,
    #[serde(flatten)]
    windows: WindowsJson,
    releases: Vec<SuiteReleaseJson>,
}

#[derive(Serialize)]
struct AvailabilityJson {
    release: String,
    suite: &'static Suite,
    status: &'static str,
    position: Option<usize>,
    names: Vec<&'static str>,
    disabled_protocols: Vec<&'static str>,
    fix: Vec<String>,
    text: String,
}

pub(super) fn suite_status(
    name: &str,
    release: Option<Release>,
    format: OutputFormat,
    ctx: &mut Ctx,
) -> Result<Status, Error> {
    let item = cipherdex::input::Item::resolve(name);
    let Some(suite) = item.suite() else {
        input::report_unknown(&item, ctx.err)?;
        return Ok(Status::Negative);
    };
    if let Some(r) = release {
        let d = r.diagnose(suite);
        let position = match d.status() {
            SuiteStatus::Enabled { position } => Some(position),
            _ => None,
        };
        if format == OutputFormat::Json {
            table::write_json(
                ctx.out,
                &AvailabilityJson {
                    release: r.to_string(),
                    suite,
                    status: d.status().as_str(),
                    position,
                    names: d.names().to_vec(),
                    disabled_protocols: d.disabled_protocols().iter().map(|p| p.as_str()).collect(),
                    fix: d.fix_commands(),
                    text: d.to_string(),
                },
            )?;
        } else {
            writeln!(ctx.out, "{d}")?;
        }
        return Ok(Status::negative_if(!d.status().is_supported()));
    }
    let h = history(suite);
    let releases: Vec<SuiteReleaseJson> = h
        .releases()
        .iter()
        .map(|&(r, st)| SuiteReleaseJson {
            release: r.to_string(),
            product: r.product(),
            kind: kind(r),
            status: st.as_str(),
            position: match st {
                SuiteStatus::Enabled { position } => Some(position),
                _ => None,
            },
            names: r
                .entry(suite)
                .map(|e| e.names().collect())
                .unwrap_or_default(),
            strong_crypto: r.entry(suite).map_or("", |e| tri(e.strong_crypto())),
        })
        .collect();
    match format {
        OutputFormat::Json => table::write_json(
            ctx.out,
            &SuiteStatusJson {
                suite,
                windows: windows_json(suite),
                releases,
            },
        )?,
        OutputFormat::Csv => {
            table::write_csv(
                ctx.out,
                &[
                    "release",
                    "product",
                    "kind",
                    "status",
                    "position",
                    "names",
                    "strong_crypto",
                ],
            )?;
            for r in &releases {
                table::write_csv(
                    ctx.out,
                    &[
                        r.release.clone(),
                        r.product.to_string(),
                        r.kind.to_string(),
                        r.status.to_string(),
                        r.position.map(|p| p.to_string()).unwrap_or_default(),
                        r.names.join(" "),
                        r.strong_crypto.to_string(),
                    ],
                )?;
            }
        }
        OutputFormat::Text => {
            writeln!(ctx.out, "{}  {}", suite.canonical_name(), suite.code_hex())?;
            writeln!(ctx.out, "{}", h.summary())?;
            writeln!(ctx.out)?;
            let mut rows = vec![[
                "RELEASE",
                "PRODUCT",
                "STATUS",
                "#",
                "NAMES",
                "STRONG-CRYPTO",
            ]
            .map(String::from)
            .to_vec()];
            for r in &releases {
                rows.push(vec![
                    r.release.trim_start_matches("windows:").to_string(),
                    r.product.to_string(),
                    r.status.to_string(),
                    r.position.map(|p| p.to_string()).unwrap_or_default(),
                    if r.names.is_empty() {
                        "-".to_string()
                    } else {
                        r.names.join(" ")
                    },
                    r.strong_crypto.to_string(),
                ]);
            }
            table::write_aligned(ctx.out, &rows)?;
        }
    }
    Ok(Status::negative_if(!h.supported_anywhere()))
}
