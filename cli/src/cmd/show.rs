//! `cipherdex show SUITE...` (and `cipherdex SUITE...`): one card per suite.

use cipherdex::{Card, Policy, Suite, Verdict};
use serde::Serialize;

use crate::args::ShowArgs;
use crate::cmd::Status;
use crate::ctx::Ctx;
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
            write!(ctx.out, "{}", Card::new(suite))?;
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
    Policy::newest_versions()
        .iter()
        .map(|p| PolicyJson {
            policy: p.name(),
            title: p.title(),
            date: p.date(),
            verdict: p.verdict(s),
        })
        .collect()
}
