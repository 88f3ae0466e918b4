//! `cipherdex decode HEX...`: what a ClientHello or a cipher-suite vector holds.

use cipherdex::hello;
use cipherdex::input::{Format, Report, SuiteRef};
use cipherdex::Scheme;

use crate::args::DecodeArgs;
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::input;

mod json;

/// Decodes the hex; exit 1 when some suite codes are unknown.
pub fn run(args: &DecodeArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    let text = input::join_sources(&args.hex)?;
    let format = match cipherdex::input::detect(&text) {
        Format::ClientHello => Format::ClientHello,
        _ => Format::CipherVector,
    };
    let report = cipherdex::input::report(format, &text).map_err(Error::Decode)?;
    let unknown = report.unknown().count();
    if ctx.json {
        serde_json::to_writer_pretty(&mut *ctx.out, &json::ReportJson::new(&report))?;
        writeln!(ctx.out)?;
    } else {
        write_text(&report, ctx)?;
    }
    for e in report.unknown() {
        writeln!(
            ctx.err,
            "cipherdex: note: {} is not a cipher suite cipherdex knows",
            e.suite
        )?;
    }
    Ok(Status::negative_if(unknown > 0))
}

/// Bytes as lower-case hex digits, no separators.
pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn code_line(r: &SuiteRef) -> String {
    match r {
        SuiteRef::Known(s) => {
            let mut line = format!("{}  {}", s.code_hex(), s.canonical_name());
            if let Some(o) = s.name(Scheme::OpenSsl).filter(|o| *o != s.canonical_name()) {
                line.push_str(&format!("  ({o})"));
            }
            line
        }
        SuiteRef::Grease(g) => format!("0x{g:04X}  GREASE"),
        SuiteRef::Unknown { code, .. } => match code {
            Some(c) if *c > 0xFFFF => format!("0x{c:06X}  unknown"),
            Some(c) => format!("0x{c:04X}  unknown"),
            None => "unknown".into(),
        },
        _ => r.to_string(),
    }
}

fn named(v: u16, name: Option<&str>) -> String {
    match name {
        Some(n) => format!("{n} (0x{v:04x})"),
        None => format!("unknown (0x{v:04x})"),
    }
}

fn write_text(report: &Report, ctx: &mut Ctx) -> Result<(), Error> {
    let out = &mut *ctx.out;
    let Some(h) = &report.client_hello else {
        writeln!(out, "cipher-suite vector: {} suites", report.entries.len())?;
        for e in &report.entries {
            writeln!(out, "  {}", code_line(&e.suite))?;
        }
        return Ok(());
    };
    let kind = if h.sslv2_format {
        "SSL 2.0-format ClientHello"
    } else if h.record_version.is_some() {
        "ClientHello in a TLS record"
    } else {
        "ClientHello"
    };
    writeln!(out, "{kind}")?;
    if let Some(v) = h.record_version {
        writeln!(
            out,
            "  record version:        {}",
            named(v, hello::version_name(v))
        )?;
    }
    let lv = h.legacy_version;
    writeln!(
        out,
        "  legacy_version:        {}",
        named(lv, hello::version_name(lv))
    )?;
    if !h.supported_versions.is_empty() {
        let v: Vec<String> = h
            .supported_versions
            .iter()
            .map(|&v| named(v, hello::version_name(v)))
            .collect();
        writeln!(out, "  supported_versions:    {}", v.join(", "))?;
    }
    match &h.server_name {
        Some(n) => writeln!(out, "  server_name (SNI):     {n}")?,
        None => writeln!(out, "  server_name (SNI):     none")?,
    }
    writeln!(out, "  random:                {}", hex(&h.random))?;
    writeln!(
        out,
        "  session_id:            {}",
        if h.session_id.is_empty() {
            "empty".to_string()
        } else {
            hex(&h.session_id)
        }
    )?;
    writeln!(out, "  cipher suites ({}):", report.entries.len())?;
    for e in &report.entries {
        writeln!(out, "    {}", code_line(&e.suite))?;
    }
    if !h.sslv2_format {
        let c: Vec<String> = h
            .compression_methods
            .iter()
            .map(|&m| {
                if m == 0 {
                    "null".into()
                } else {
                    format!("{m}")
                }
            })
            .collect();
        writeln!(out, "  compression_methods:   {}", c.join(", "))?;
    }
    if !h.supported_groups.is_empty() {
        let g: Vec<String> = h.groups().map(|g| named(g.code(), g.name())).collect();
        writeln!(out, "  supported_groups:      {}", g.join(", "))?;
    }
    if !h.key_shares.is_empty() {
        let g: Vec<String> = h
            .key_share_groups()
            .map(|g| named(g.code(), g.name()))
            .collect();
        writeln!(out, "  key_share groups:      {}", g.join(", "))?;
    }
    if !h.signature_algorithms.is_empty() {
        let s: Vec<String> = h
            .signature_schemes()
            .map(|s| named(s.code(), s.name()))
            .collect();
        writeln!(out, "  signature_algorithms:  {}", s.join(", "))?;
    }
    if !h.signature_algorithms_cert.is_empty() {
        let s: Vec<String> = h
            .signature_schemes_cert()
            .map(|s| named(s.code(), s.name()))
            .collect();
        writeln!(out, "  signature_algorithms_cert: {}", s.join(", "))?;
    }
    if !h.alpn.is_empty() {
        writeln!(out, "  alpn:                  {}", h.alpn.join(", "))?;
    }
    writeln!(out, "  extensions ({}):", h.extensions.len())?;
    for x in &h.extensions {
        writeln!(
            out,
            "    {:<5} {}  ({} bytes)",
            x.kind,
            x.name().unwrap_or("unknown"),
            x.data.len()
        )?;
    }
    Ok(())
}
