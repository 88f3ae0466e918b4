//! `cipherdex simulate`: which clients of the catalogue connect to a server,
//! and, with `--before`, whose outcome a change of the server changes.

use cipherdex::clients::{select, Client};
use cipherdex::negotiate::parse_versions;
use cipherdex::simulate::{changes, simulate, Outcome};
use serde::Serialize;

use crate::args::{ServerArgs, SimulateArgs};
use crate::cmd::peer;
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::json::{CodeDoc, SuiteDoc};
use crate::table;

/// The option names of the server as it was.
const BEFORE: peer::Names = peer::Names {
    list: "--before",
    tls13: "--before-tls13",
    groups: "--before-groups",
    sigalgs: "--server-sigalgs",
    seclevel: "--server-seclevel",
};

/// Simulates every selected client against the server (and the server as it
/// was), prints; exit 1 when a client fails (with --before: one that connected).
pub fn run(args: &SimulateArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    let release = peer::Openssl::parse(Some(&args.openssl))?;
    let clients: Vec<&'static Client> =
        select(args.clients.as_deref().unwrap_or("*")).map_err(Error::Clients)?;
    let (server, _) = peer::server(&args.server, release, &peer::SERVER, ctx)?;
    let before = if args.before.is_some() {
        let was = ServerArgs {
            server: args.before.clone().unwrap_or_default(),
            server_tls13: args
                .before_tls13
                .clone()
                .or(args.server.server_tls13.clone()),
            server_versions: args
                .before_versions
                .clone()
                .or(args.server.server_versions.clone()),
            server_groups: args
                .before_groups
                .clone()
                .or(args.server.server_groups.clone()),
            ..args.server.clone()
        };
        Some(peer::server(&was, release, &BEFORE, ctx)?.0)
    } else if args.before_tls13.is_some()
        || args.before_versions.is_some()
        || args.before_groups.is_some()
    {
        // The server's own list (read once: it may be standard input), changed.
        let mut was = server.clone();
        if let Some(list) = &args.before_tls13 {
            was.tls13_suites = peer::tls13(list, BEFORE.tls13, ctx)?;
        }
        if let Some(v) = &args.before_versions {
            was.versions = parse_versions(v).map_err(Error::NegotiateInput)?;
        }
        let groups = args.before_groups.as_deref();
        peer::kx(&mut was, groups, None, None, release, &BEFORE)?;
        Some(was)
    } else {
        None
    };
    let after = simulate(&server, &clients);
    let Some(before) = before else {
        if ctx.json {
            let docs: Vec<Doc> = after.iter().map(Doc::new).collect();
            table::write_json(ctx.out, &docs)?;
        } else {
            let mut rows = vec![header(&["CLIENT", "VERSION", "SUITE/FAILURE", "GROUP/WHY"])];
            rows.extend(after.iter().map(row));
            table::write_aligned(ctx.out, &rows)?;
        }
        return Ok(Status::negative_if(after.iter().any(|o| !o.is_ok())));
    };
    let before = simulate(&before, &clients);
    let changed = changes(&before, &after);
    if ctx.json {
        let docs: Vec<Doc> = changed
            .iter()
            .map(|c| {
                let mut d = Doc::new(c.after);
                d.before = Some(Box::new(Doc::new(c.before)));
                d
            })
            .collect();
        table::write_json(ctx.out, &docs)?;
    } else if changed.is_empty() {
        writeln!(
            ctx.out,
            "no client's outcome changes ({} clients simulated)",
            clients.len()
        )?;
    } else {
        let mut rows = vec![header(&["CLIENT", "BEFORE", "NOW"])];
        for c in &changed {
            rows.push(vec![
                c.client().id().to_string(),
                brief(c.before),
                brief(c.after),
            ]);
        }
        table::write_aligned(ctx.out, &rows)?;
    }
    Ok(Status::negative_if(changed.iter().any(|c| c.breaks())))
}

fn header(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// One row: id, then version, suite and group, or `-`, the failure kind and why.
fn row(o: &Outcome) -> Vec<String> {
    let id = o.client.id().to_string();
    match (o.version(), o.suite()) {
        (Some(v), Some(s)) => vec![
            id,
            v.to_string(),
            s.canonical_name().to_string(),
            o.group().map_or("-", |g| g.iana_name()).to_string(),
        ],
        _ => vec![
            id,
            "-".to_string(),
            o.failure_kind().map_or("", |k| k.as_str()).to_string(),
            o.why().unwrap_or_default(),
        ],
    }
}

/// The failure kind and its short why.
fn failure(o: &Outcome) -> String {
    match (o.failure_kind(), o.why()) {
        (Some(k), Some(why)) => format!("{}: {why}", k.as_str()),
        (Some(k), None) => k.as_str().to_string(),
        _ => String::new(),
    }
}

/// An outcome in one cell: `TLS1.2 SUITE GROUP` or `no_shared_suite: why`.
fn brief(o: &Outcome) -> String {
    match (o.version(), o.suite(), o.group()) {
        (Some(v), Some(s), Some(g)) => format!("{v} {} {}", s.canonical_name(), g.iana_name()),
        (Some(v), Some(s), None) => format!("{v} {}", s.canonical_name()),
        _ => failure(o),
    }
}

/// One client in the `--json` array.
#[derive(Serialize)]
struct Doc {
    client: &'static str,
    name: &'static str,
    ok: bool,
    version: Option<&'static str>,
    suite: Option<SuiteDoc>,
    group: Option<CodeDoc>,
    sigalg: Option<CodeDoc>,
    failure: Option<&'static str>,
    diagnosis: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    before: Option<Box<Doc>>,
}

impl Doc {
    fn new(o: &Outcome) -> Doc {
        Doc {
            client: o.client.id(),
            name: o.client.name(),
            ok: o.is_ok(),
            version: o.version().map(|v| v.as_str()),
            suite: o.suite().map(SuiteDoc::new),
            group: o.group().map(CodeDoc::group),
            sigalg: o.sigalg().map(CodeDoc::sigalg),
            failure: o.failure_kind().map(|k| k.as_str()),
            diagnosis: o
                .failure()
                .map(|f| f.diagnosis.iter().map(ToString::to_string).collect())
                .unwrap_or_default(),
            before: None,
        }
    }
}
