//! `cipherdex show SUITE...` (and `cipherdex SUITE...`): one card per suite.

use std::io::Write;

use cipherdex::{Alias, NameKind, Policy, Scheme, Suite, Verdict};
use serde::Serialize;

use crate::args::ShowArgs;
use crate::cmd::{Ctx, Status};
use crate::error::Error;
use crate::input;
use crate::table;

/// Shows every suite of the input; reports unknown ones on standard error.
pub fn run(args: &ShowArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    let input = input::read(&args.input, ctx.err)?;
    for item in input.items.iter().filter(|i| i.suite().is_none()) {
        input::report_unknown(item, ctx.err)?;
    }
    let known: Vec<(&str, &'static Suite)> = input
        .items
        .iter()
        .filter_map(|i| i.suite().map(|s| (i.input(), s)))
        .collect();
    if ctx.json {
        let cards: Vec<CardJson> = known
            .iter()
            .map(|&(input, suite)| CardJson {
                input,
                suite,
                policies: policy_verdicts(suite),
                windows: crate::cmd::windows::windows_json(suite),
            })
            .collect();
        table::write_json(ctx.out, &cards)?;
    } else {
        for (n, &(_, suite)) in known.iter().enumerate() {
            if n > 0 {
                writeln!(ctx.out)?;
            }
            write_card(ctx.out, suite)?;
        }
    }
    Ok(Status::negative_if(
        input.unknown_count() > 0 || input.items.is_empty(),
    ))
}

/// One card in `--json`: the suite object plus the input that named it.
#[derive(Serialize)]
struct CardJson<'a> {
    /// The text that named the suite.
    input: &'a str,
    /// The suite object, with `rating` and `reasons` (the library's serialization).
    #[serde(flatten)]
    suite: &'static Suite,
    /// The newest version of every policy family, with its verdict.
    policies: Vec<PolicyJson>,
    /// Windows releases that support the suite and enable it by default.
    windows: crate::cmd::windows::WindowsJson,
}

/// One policy's verdict in `--json`: `{"policy", "title", "date", "allowed", "reasons"}`.
#[derive(Serialize)]
struct PolicyJson {
    policy: &'static str,
    title: &'static str,
    date: Option<&'static str>,
    #[serde(flatten)]
    verdict: Verdict,
}

/// The newest version of every policy family and its verdict on `s`
/// (none for signalling values, which no policy is about).
fn policy_verdicts(s: &Suite) -> Vec<PolicyJson> {
    if s.is_signalling() {
        return Vec::new();
    }
    Policy::all()
        .iter()
        .filter(|p| p.is_newest())
        .map(|p| PolicyJson {
            policy: p.name(),
            title: p.title(),
            date: p.date(),
            verdict: p.verdict(s),
        })
        .collect()
}

/// Width of the label column of a card.
const LABEL: usize = 18;

fn write_card(out: &mut dyn Write, s: &'static Suite) -> std::io::Result<()> {
    writeln!(out, "{}  {}", s.canonical_name(), s.code_hex())?;
    write_names(out, s)?;
    field(out, "Protocols", &or_none(s.protocols().to_string()))?;
    field(out, "Key exchange", s.kex().as_str())?;
    field(out, "Authentication", s.auth().as_str())?;
    field(
        out,
        "Cipher",
        &format!("{} ({} bits)", s.cipher(), s.cipher_bits()),
    )?;
    field(out, "Mode", s.mode().as_str())?;
    field(out, "MAC", s.mac().as_str())?;
    field(out, "PRF", s.prf().as_str())?;
    field(out, "Flags", &flags(s))?;
    let recommended = match s.iana_recommended() {
        Some(r) => r.as_str(),
        None => "- (not in the IANA registry)",
    };
    field(out, "IANA Recommended", recommended)?;
    field(out, "Origin", s.origin().as_str())?;
    field(out, "RFC", s.reference().unwrap_or("-"))?;
    if let Some(note) = s.note() {
        field(out, "Note", note)?;
    }
    write_rating(out, s)?;
    crate::cmd::windows::write_card_section(out, s, LABEL)?;
    Ok(())
}

/// The rating with one line per reason, then the newest version of every
/// policy with its verdict.
fn write_rating(out: &mut dyn Write, s: &Suite) -> std::io::Result<()> {
    let rating = s.rating();
    match rating.level() {
        Some(level) => field(out, "Rating", &format!("{level}: {}", level.meaning()))?,
        None => field(out, "Rating", "not rated")?,
    }
    for w in rating.reasons().iter() {
        field(
            out,
            "",
            &format!("{} ({}): {}", w.id(), w.severity(), w.explanation()),
        )?;
    }
    let verdicts = policy_verdicts(s);
    if verdicts.is_empty() {
        return Ok(());
    }
    writeln!(out, "  Policies (newest versions)")?;
    let width = verdicts.iter().map(|v| v.policy.len()).max().unwrap_or(0);
    for v in &verdicts {
        let answer = if v.verdict.allowed { "yes" } else { "no " };
        writeln!(
            out,
            "    {:<width$}  {answer}  {}",
            v.policy,
            v.verdict.reasons.join("; ")
        )?;
    }
    Ok(())
}

fn field(out: &mut dyn Write, label: &str, value: &str) -> std::io::Result<()> {
    writeln!(out, "  {label:<LABEL$} {value}")
}

fn or_none(s: String) -> String {
    if s.is_empty() {
        "none".to_string()
    } else {
        s
    }
}

fn flags(s: &Suite) -> String {
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let mut f = format!(
        "AEAD {}, forward secrecy {}, export {}, anonymous {}",
        yes_no(s.is_aead()),
        yes_no(s.has_forward_secrecy()),
        yes_no(s.is_export()),
        yes_no(s.is_anonymous()),
    );
    if s.is_null_encryption() {
        f.push_str(", NULL encryption");
    }
    if s.is_grease() {
        f.push_str(", GREASE (not a suite)");
    } else if s.is_signalling() {
        f.push_str(", signalling value (not a suite)");
    }
    f
}

fn write_names(out: &mut dyn Write, s: &Suite) -> std::io::Result<()> {
    writeln!(out, "  Names")?;
    for &scheme in Scheme::ALL {
        let mut first = true;
        for alias in s.names_in(scheme) {
            let label = if first { scheme_label(scheme) } else { "" };
            first = false;
            let remark = alias_remark(alias);
            if remark.is_empty() {
                writeln!(out, "    {label:<w$} {}", alias.name(), w = LABEL - 2)?;
            } else {
                writeln!(
                    out,
                    "    {label:<w$} {}  ({remark})",
                    alias.name(),
                    w = LABEL - 2
                )?;
            }
        }
        if first {
            writeln!(out, "    {:<w$} -", scheme_label(scheme), w = LABEL - 2)?;
        }
    }
    Ok(())
}

/// The scheme as people write it.
fn scheme_label(scheme: Scheme) -> &'static str {
    match scheme {
        Scheme::Iana => "IANA",
        Scheme::OpenSsl => "OpenSSL",
        Scheme::GnuTls => "GnuTLS",
        Scheme::Nss => "NSS",
        Scheme::Java => "Java",
        Scheme::Go => "Go",
        Scheme::Windows => "Windows",
        Scheme::MbedTls => "Mbed TLS",
        Scheme::WolfSsl => "wolfSSL",
        Scheme::Wireshark => "Wireshark",
        Scheme::Nmap => "nmap",
        Scheme::Testssl => "testssl.sh",
        other => other.as_str(),
    }
}

/// What kind of name this is, its curve and versions, as one parenthesis.
fn alias_remark(a: &Alias) -> String {
    let mut parts = Vec::new();
    match a.kind() {
        NameKind::Primary => {}
        NameKind::Curve => {}
        kind => parts.push(kind.as_str().to_string()),
    }
    if let Some(curve) = a.curve() {
        parts.push(format!("curve {curve}"));
    }
    match (a.since(), a.until()) {
        (Some(s), Some(u)) => parts.push(format!("versions {s} to {u}")),
        (Some(s), None) => parts.push(format!("since {s}")),
        (None, Some(u)) => parts.push(format!("until {u}")),
        (None, None) => {}
    }
    if let Some(note) = a.note() {
        parts.push(note.to_string());
    }
    parts.join("; ")
}
