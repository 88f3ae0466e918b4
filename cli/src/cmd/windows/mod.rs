//! `cipherdex windows [RELEASE]`: Windows SChannel releases, their suites and
//! default order, one suite across every release, and the Group Policy
//! string or PowerShell script for a chosen order.

use cipherdex::windows::Release;
use cipherdex::{Protocol, Protocols};
use serde::Serialize;

use crate::args::{OutputFormat, WindowsArgs};
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::table;

mod release;
mod settings;
mod suite;

use release::show_release;
use settings::{gpo, powershell};
use suite::suite_status;
pub use suite::{windows_json, WindowsJson};

/// Runs `cipherdex windows` in its four forms.
pub fn run(args: &WindowsArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    let format = args.format.with_json(ctx.json);
    let release = args.release;
    if let Some(suite) = &args.suite {
        return suite_status(suite, release, format, ctx);
    }
    let Some(release) = release else {
        return list_releases(format, ctx);
    };
    if let Some(suites) = &args.gpo {
        return gpo(release, suites, format, ctx);
    }
    if let Some(suites) = &args.powershell {
        return powershell(release, suites, format, ctx);
    }
    show_release(release, args.all, args.to, format, ctx)
}

fn protocols_text(p: Protocols) -> String {
    if p.is_empty() {
        "none".to_string()
    } else {
        p.to_string()
    }
}

fn protocol_list(p: Protocols) -> Vec<&'static str> {
    p.iter().map(Protocol::as_str).collect()
}

fn tri(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    }
}

fn kind(r: Release) -> &'static str {
    if r.is_server() {
        "server"
    } else {
        "client"
    }
}

/// One release in the list.
#[derive(Serialize)]
struct ReleaseJson {
    release: String,
    name: &'static str,
    product: &'static str,
    kind: &'static str,
    version_code: &'static str,
    build: Option<u32>,
    table: &'static str,
    mapping_basis: &'static str,
    enabled: usize,
    supported: usize,
    server_protocols: Vec<&'static str>,
    client_protocols: Vec<&'static str>,
    unsure: Vec<String>,
}

fn release_json(r: Release) -> ReleaseJson {
    ReleaseJson {
        release: r.to_string(),
        name: r.name(),
        product: r.product(),
        kind: kind(r),
        version_code: r.version_code(),
        build: r.build(),
        table: r.table().file(),
        mapping_basis: r.mapping_basis().as_str(),
        enabled: r.enabled_suites().len(),
        supported: r.supported_suites().len(),
        server_protocols: protocol_list(r.protocols(true)),
        client_protocols: protocol_list(r.protocols(false)),
        unsure: r.uncertainties().iter().map(ToString::to_string).collect(),
    }
}

fn list_releases(format: OutputFormat, ctx: &mut Ctx) -> Result<Status, Error> {
    let all: Vec<ReleaseJson> = Release::all().map(release_json).collect();
    match format {
        OutputFormat::Json => table::write_json(ctx.out, &all)?,
        OutputFormat::Csv => {
            table::write_csv(
                ctx.out,
                &[
                    "release",
                    "product",
                    "kind",
                    "build",
                    "table",
                    "enabled",
                    "supported",
                    "server_protocols",
                    "unsure",
                ],
            )?;
            for r in &all {
                table::write_csv(
                    ctx.out,
                    &[
                        r.name.to_string(),
                        r.product.to_string(),
                        r.kind.to_string(),
                        r.build.map(|b| b.to_string()).unwrap_or_default(),
                        r.table.to_string(),
                        r.enabled.to_string(),
                        r.supported.to_string(),
                        r.server_protocols.join(" "),
                        (!r.unsure.is_empty()).to_string(),
                    ],
                )?;
            }
        }
        OutputFormat::Text => {
            let mut rows = vec![[
                "RELEASE",
                "PRODUCT",
                "KIND",
                "BUILD",
                "TABLE",
                "ENABLED",
                "SUPPORTED",
                "UNSURE",
            ]
            .map(String::from)
            .to_vec()];
            for r in &all {
                rows.push(vec![
                    r.name.to_string(),
                    r.product.to_string(),
                    r.kind.to_string(),
                    r.build
                        .map_or_else(|| r.version_code.to_string(), |b| b.to_string()),
                    r.table.to_string(),
                    r.enabled.to_string(),
                    r.supported.to_string(),
                    if r.unsure.is_empty() { "" } else { "yes" }.to_string(),
                ]);
            }
            table::write_aligned(ctx.out, &rows)?;
        }
    }
    Ok(Status::Success)
}
