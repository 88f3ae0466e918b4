//! `cipherdex windows [RELEASE]`: Windows SChannel releases, their suites and
//! default order, one suite across every release, and the Group Policy
//! string or PowerShell script for a chosen order.

use std::io::Write;

use cipherdex::windows::{
    history, Release, ReleaseRange, Row, SelectError, SuiteEntry, SuiteStatus,
};
use cipherdex::{Protocol, Protocols, Suite};
use serde::Serialize;

use crate::args::{OutputFormat, SuiteArgs, Target, WindowsArgs};
use crate::cmd::{Ctx, Status};
use crate::error::Error;
use crate::input;
use crate::table;

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

fn status_word(s: SuiteStatus) -> &'static str {
    match s {
        SuiteStatus::Enabled { .. } => "enabled",
        SuiteStatus::Supported => "supported",
        SuiteStatus::Unknown => "unknown",
        _ => "not supported",
    }
}

fn show_release(
    r: Release,
    all: bool,
    to: Option<Target>,
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
            Some(Target::Hex) => Some(s.code_hex().to_string()),
            Some(Target::Scheme(scheme)) => s.name(scheme).map(str::to_string),
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
                status: status_word(e.status()),
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
                status: match row.enabled() {
                    Some(true) => "enabled",
                    Some(false) => "supported",
                    None => "unknown",
                },
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
            let name_col = to.map_or("windows", Target::as_str);
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

/// The "Windows releases" lines of the `show` card.
pub fn write_card_section(
    out: &mut dyn Write,
    suite: &'static Suite,
    label: usize,
) -> std::io::Result<()> {
    let h = history(suite);
    let join = |v: Vec<ReleaseRange>| -> String {
        if v.is_empty() {
            "none".to_string()
        } else {
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    writeln!(out, "  Windows releases")?;
    for (server, who) in [(false, "clients"), (true, "servers")] {
        writeln!(
            out,
            "    {:<w$} supported {}",
            format!("Windows {who}"),
            join(h.supported_ranges(server)),
            w = label - 2
        )?;
        writeln!(
            out,
            "    {:<w$} enabled by default {}",
            "",
            join(h.enabled_ranges(server)),
            w = label - 2
        )?;
    }
    Ok(())
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
struct DiagnosisJson {
    release: String,
    suite: &'static Suite,
    status: &'static str,
    position: Option<usize>,
    names: Vec<&'static str>,
    disabled_protocols: Vec<&'static str>,
    fix: Vec<String>,
    text: String,
}

fn suite_status(
    name: &str,
    release: Option<Release>,
    format: OutputFormat,
    ctx: &mut Ctx,
) -> Result<Status, Error> {
    let item = cipherdex::list::Item::resolve(name);
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
                &DiagnosisJson {
                    release: r.to_string(),
                    suite,
                    status: status_word(d.status()),
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
            status: status_word(st),
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
    let supported = releases.iter().any(|r| r.status != "not supported");
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
    Ok(Status::negative_if(!supported))
}

/// The chosen suites as strings for `Release::select`: the text as given
/// when it names the suite itself (so that `_P384` names stay), else the
/// canonical name (for items of an expanded list). Unknown items are
/// reported; `None` if there was any.
fn chosen(suites: &[String], ctx: &mut Ctx) -> Result<Option<Vec<String>>, Error> {
    let args = SuiteArgs {
        suites: suites.to_vec(),
        ..SuiteArgs::default()
    };
    let input = input::read(&args, ctx.err)?;
    let mut out = Vec::new();
    let mut bad = false;
    for item in &input.items {
        match item.suite() {
            None => {
                input::report_unknown(item, ctx.err)?;
                bad = true;
            }
            Some(s) => {
                let given = cipherdex::lookup(item.input()).is_some_and(|x| x.code() == s.code());
                out.push(if given {
                    item.input().to_string()
                } else {
                    s.canonical_name().to_string()
                });
            }
        }
    }
    Ok((!bad).then_some(out))
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

fn gpo(
    r: Release,
    suites: &[String],
    format: OutputFormat,
    ctx: &mut Ctx,
) -> Result<Status, Error> {
    let Some(names) = chosen(suites, ctx)? else {
        writeln!(
            ctx.err,
            "cipherdex: error: no policy string printed: fix the unknown suites first"
        )?;
        return Ok(Status::Negative);
    };
    // Unknown names were reported above; what is left resolves.
    let sel = r
        .select(&names)
        .map_err(|_: SelectError| Error::EmptyInput)?;
    for w in sel.warnings() {
        note(ctx, w)?;
    }
    let result = sel.gpo_string();
    if format == OutputFormat::Json {
        let names = sel.names();
        table::write_json(
            ctx.out,
            &GpoJson {
                release: r.to_string(),
                length: names.join(",").len(),
                limit: cipherdex::windows::GPO_LIMIT,
                gpo: result.as_ref().ok().cloned(),
                error: result.as_ref().err().map(ToString::to_string),
                names,
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
                    "{} characters of {}; Group Policy: Computer Configuration > Administrative Templates > Network > SSL Configuration Settings > SSL Cipher Suite Order (suites not listed are not used; restart to apply)",
                    s.len(),
                    cipherdex::windows::GPO_LIMIT
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

fn powershell(
    r: Release,
    suites: &[String],
    format: OutputFormat,
    ctx: &mut Ctx,
) -> Result<Status, Error> {
    let Some(names) = chosen(suites, ctx)? else {
        writeln!(
            ctx.err,
            "cipherdex: error: no script printed: fix the unknown suites first"
        )?;
        return Ok(Status::Negative);
    };
    let sel = r.select(&names).map_err(|_| Error::EmptyInput)?;
    let warnings = sel.powershell_warnings();
    for w in &warnings {
        note(ctx, w)?;
    }
    if sel.names().is_empty() {
        writeln!(
            ctx.err,
            "cipherdex: error: no suite of the list is supported by {}: the script would disable every suite",
            r.product()
        )?;
        return Ok(Status::Negative);
    }
    if format == OutputFormat::Json {
        table::write_json(
            ctx.out,
            &PowershellJson {
                release: r.to_string(),
                script: sel.powershell(),
                names: sel.names(),
                warnings: warnings.iter().map(ToString::to_string).collect(),
            },
        )?;
    } else {
        write!(ctx.out, "{}", sel.powershell())?;
    }
    Ok(Status::Success)
}
