//! `cipherdex list [FILTERS]`: every known suite that passes the filters.

use std::io::Write;

use cipherdex::windows::Release;
use cipherdex::{Filter, Scheme, Suite};

use crate::args::{ListArgs, NameTarget, OutputFormat};
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::table;

/// Lists the suites that match; exit 1 when none does.
pub fn run(args: &ListArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    let filter = filter(args);
    // With --windows R --enabled: the release's default order; with --policy:
    // the policy's own order (Mozilla's published order); otherwise code order.
    let base: Vec<&'static Suite> = match (args.windows, args.policy) {
        (Some(release), _) if args.enabled => release.enabled_suites(),
        (_, Some(p)) => p.suites(),
        _ => Suite::all().iter().collect(),
    };
    let suites: Vec<&'static Suite> = filter.apply(base).collect();
    let naming = Naming {
        to: args.to,
        release: args.windows,
    };
    match args.format.with_json(ctx.json) {
        OutputFormat::Text => write_text(ctx.out, &suites, naming)?,
        OutputFormat::Csv => write_csv(ctx.out, &suites, naming)?,
        OutputFormat::Json => table::write_json(ctx.out, &suites)?,
    }
    if suites.is_empty() {
        writeln!(ctx.err, "cipherdex: no suite matches these filters")?;
    }
    Ok(Status::negative_if(suites.is_empty()))
}

fn filter(args: &ListArgs) -> Filter {
    let mut f = Filter::new();
    for &k in &args.kex {
        f = f.kex(k);
    }
    for &a in &args.auth {
        f = f.auth(a);
    }
    for &c in &args.cipher {
        f = f.cipher(c);
    }
    for &m in &args.mode {
        f = f.mode(m);
    }
    for &m in &args.mac {
        f = f.mac(m);
    }
    for &p in &args.tls {
        f = f.protocol(p);
    }
    if args.pfs {
        f = f.pfs(true);
    }
    if args.no_pfs {
        f = f.pfs(false);
    }
    if args.aead {
        f = f.aead(true);
    }
    if args.export {
        f = f.export(true);
    }
    if args.iana_recommended {
        f = f.iana_recommended(true);
    }
    if !args.grease {
        f = f.grease(false);
    }
    if let Some(level) = args.rating {
        f = f.rating(level);
    }
    if let Some(policy) = args.policy {
        f = f.policy(policy);
    }
    if let Some(release) = args.windows {
        f = f.windows(release);
    }
    f
}

/// What `--to` asks for, with the release's own names for `--to windows --windows R`.
#[derive(Clone, Copy)]
struct Naming {
    to: NameTarget,
    release: Option<Release>,
}

fn name(s: &Suite, naming: Naming) -> String {
    let name = match (naming.to, naming.release) {
        (NameTarget::Hex, _) => return s.code_hex().to_string(),
        (NameTarget::Scheme(Scheme::Windows), Some(r)) => r.name_for(s),
        (NameTarget::Scheme(scheme), _) => s.name(scheme),
    };
    name.unwrap_or("-").to_string()
}

fn versions(s: &Suite) -> String {
    let p = s.protocols();
    match (p.min_tls(), p.max_tls()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}-{b}"),
        _ => "-".to_string(),
    }
}

/// The rating level, or `-` for signalling and GREASE values.
fn rating(s: &Suite) -> &'static str {
    s.rating().level().map_or("-", |l| l.as_str())
}

const HEADER: [&str; 15] = [
    "code",
    "name",
    "protocols",
    "kex",
    "auth",
    "cipher",
    "bits",
    "mode",
    "mac",
    "prf",
    "aead",
    "pfs",
    "export",
    "iana_recommended",
    "rating",
];

fn write_text(out: &mut dyn Write, suites: &[&Suite], naming: Naming) -> Result<(), Error> {
    let mut rows = vec![[
        "CODE", "NAME", "VERSIONS", "KEX", "AUTH", "CIPHER", "BITS", "MODE", "MAC", "RATING",
    ]
    .map(String::from)
    .to_vec()];
    for s in suites {
        rows.push(vec![
            s.code_hex().to_string(),
            name(s, naming),
            versions(s),
            s.kex().to_string(),
            s.auth().to_string(),
            s.cipher().to_string(),
            s.cipher_bits().to_string(),
            s.mode().to_string(),
            s.mac().to_string(),
            rating(s).to_string(),
        ]);
    }
    table::write_aligned(out, &rows)?;
    Ok(())
}

fn write_csv(out: &mut dyn Write, suites: &[&Suite], naming: Naming) -> Result<(), Error> {
    table::write_csv(out, &HEADER)?;
    for s in suites {
        let protocols: Vec<&str> = s.protocols().iter().map(|p| p.as_str()).collect();
        table::write_csv(
            out,
            &[
                s.code_hex().to_string(),
                name(s, naming),
                protocols.join(" "),
                s.kex().to_string(),
                s.auth().to_string(),
                s.cipher().to_string(),
                s.cipher_bits().to_string(),
                s.mode().to_string(),
                s.mac().to_string(),
                s.prf().to_string(),
                s.is_aead().to_string(),
                s.has_forward_secrecy().to_string(),
                s.is_export().to_string(),
                s.iana_recommended().map_or("", |r| r.as_str()).to_string(),
                rating(s).to_string(),
            ],
        )?;
    }
    Ok(())
}
