//! `cipherdex audit [--policy NAME] SUITE...`: grades every suite of a list
//! (a server's accepted suites, a scanner report) by its rating and,
//! optionally, a policy; exit 1 when any suite is insecure or outside the
//! policy.

use std::io::Write;

use cipherdex::{Audit, Level, Policy, Verdict, Weaknesses};
use serde::Serialize;

use crate::args::AuditArgs;
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::input;
use crate::table;

/// One graded suite, as printed.
#[derive(Serialize)]
struct Row {
    code: String,
    name: &'static str,
    /// `insecure`, `weak`, `secure`, `recommended`, or `null` (signalling, GREASE).
    rating: Option<Level>,
    reasons: Weaknesses,
    /// The policy's verdict, with `--policy`.
    #[serde(skip_serializing_if = "Option::is_none")]
    policy: Option<Verdict>,
    /// Signalling and GREASE values: no policy is about them.
    #[serde(skip)]
    signalling: bool,
}

/// Counts per level, and the policy's answer.
#[derive(Serialize, Default)]
struct Summary {
    suites: usize,
    duplicates: usize,
    unknown: usize,
    insecure: usize,
    weak: usize,
    secure: usize,
    recommended: usize,
    not_rated: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    policy_allowed: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    policy_denied: Option<usize>,
    /// True when no suite is insecure or outside the policy, and every input is known.
    ok: bool,
}

/// The whole `--json` document.
#[derive(Serialize)]
struct Report<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    policy: Option<&'static Policy>,
    suites: &'a [Row],
    summary: &'a Summary,
}

/// Grades the input's suites; exit 1 when any is insecure, outside the
/// policy, or unknown.
pub fn run(args: &AuditArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    let input = input::read(&args.input, ctx.err)?;
    for item in input.items.iter().filter(|i| i.suite().is_none()) {
        input::report_unknown(item, ctx.err)?;
    }
    let audit = Audit::new(input.items.iter().filter_map(|i| i.suite()), args.policy);
    let graded: Vec<Row> = audit
        .items()
        .map(|g| Row {
            code: g.suite.code_hex().to_string(),
            name: g.suite.canonical_name(),
            rating: g.rating.level(),
            reasons: g.rating.reasons(),
            policy: g.verdict.cloned(),
            signalling: g.suite.is_signalling(),
        })
        .collect();
    let unknown = input.unknown_count();
    let summary = Summary {
        suites: audit.len(),
        duplicates: audit.duplicates(),
        unknown,
        insecure: audit.count(Some(Level::Insecure)),
        weak: audit.count(Some(Level::Weak)),
        secure: audit.count(Some(Level::Secure)),
        recommended: audit.count(Some(Level::Recommended)),
        not_rated: audit.count(None),
        policy_allowed: audit.policy_allowed(),
        policy_denied: audit.policy_denied(),
        ok: audit.passes() && unknown == 0,
    };

    if ctx.json {
        table::write_json(
            ctx.out,
            &Report {
                policy: args.policy,
                suites: &graded,
                summary: &summary,
            },
        )?;
    } else {
        write_text(ctx.out, &graded, &summary, args.policy)?;
    }
    Ok(Status::negative_if(!summary.ok))
}

fn write_text(
    out: &mut dyn Write,
    graded: &[Row],
    summary: &Summary,
    policy: Option<&'static Policy>,
) -> Result<(), Error> {
    let mut header = vec!["CODE", "NAME", "RATING"];
    if policy.is_some() {
        header.push("POLICY");
    }
    header.push("REASONS");
    let mut rows = vec![header.into_iter().map(String::from).collect::<Vec<_>>()];
    for g in graded {
        let mut row = vec![
            g.code.clone(),
            g.name.to_string(),
            g.rating.map_or("not rated", |l| l.as_str()).to_string(),
        ];
        if let Some(v) = &g.policy {
            let answer = match (g.signalling, v.allowed) {
                (true, _) => "-",
                (false, true) => "allowed",
                (false, false) => "DENIED",
            };
            row.push(answer.to_string());
        }
        row.push(if g.reasons.is_empty() {
            "-".to_string()
        } else {
            g.reasons.to_string()
        });
        rows.push(row);
    }
    table::write_aligned(out, &rows)?;

    if let Some(p) = policy {
        let denied: Vec<&Row> = graded
            .iter()
            .filter(|g| g.policy.as_ref().is_some_and(|v| !v.allowed))
            .collect();
        if !denied.is_empty() {
            writeln!(out)?;
            writeln!(out, "Outside {}:", p.name())?;
            for g in denied {
                let reasons = g
                    .policy
                    .as_ref()
                    .map_or(String::new(), |v| v.reasons_line());
                writeln!(out, "  {} {}: {reasons}", g.code, g.name)?;
            }
        }
    }

    writeln!(out)?;
    writeln!(out, "{}", summary_line(summary, policy))?;
    Ok(())
}

/// `5 suites: 2 recommended, 1 weak, 2 insecure; mozilla-intermediate-6.0 (2026-04-06) allows 2 of 5: FAIL`.
fn summary_line(s: &Summary, policy: Option<&'static Policy>) -> String {
    let mut parts = Vec::new();
    for (n, what) in [
        (s.recommended, "recommended"),
        (s.secure, "secure"),
        (s.weak, "weak"),
        (s.insecure, "insecure"),
        (s.not_rated, "not rated"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    let mut line = format!(
        "{} suite{}: {}",
        s.suites,
        if s.suites == 1 { "" } else { "s" },
        if parts.is_empty() {
            "none".to_string()
        } else {
            parts.join(", ")
        }
    );
    if let (Some(p), Some(allowed), Some(denied)) = (policy, s.policy_allowed, s.policy_denied) {
        let date = p.date().map_or(String::new(), |d| format!(" ({d})"));
        line.push_str(&format!(
            "; {}{date} allows {allowed} of {}",
            p.name(),
            allowed + denied
        ));
    }
    if s.duplicates > 0 {
        line.push_str(&format!("; {} duplicate(s) ignored", s.duplicates));
    }
    if s.unknown > 0 {
        line.push_str(&format!("; {} unknown input(s)", s.unknown));
    }
    line.push_str(if s.ok { ": OK" } else { ": FAIL" });
    line
}
