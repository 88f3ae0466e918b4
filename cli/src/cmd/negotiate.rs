//! `cipherdex negotiate`: what a client and a server agree on, or why not.

use cipherdex::negotiate::{negotiate, parse_versions, Negotiation, Peer, Preference};
use cipherdex::openssl::{Release, SecurityLevel};
use cipherdex::profile::{self, Role};
use cipherdex::{Group, SignatureScheme};
use cipherdex::{Scheme, Suite};
use serde::Serialize;

use crate::args::{NegotiateArgs, PreferArg, SuiteArgs};
use crate::cmd::check_cert::read_cert;
use crate::cmd::{Ctx, Status};
use crate::error::Error;
use crate::input;
use crate::table;

/// Builds both sides, predicts, prints; exit 1 when the handshake would fail.
pub fn run(args: &NegotiateArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    let (mut client, _) = side(&args.client, "--client", Role::Client, ctx)?;
    let (mut server, server_order) = side(&args.server, "--server", Role::Server, ctx)?;
    if let Some(list) = &args.client_tls13 {
        client.tls13_suites = tls13(list, "--client-tls13", ctx)?;
    }
    if let Some(list) = &args.server_tls13 {
        server.tls13_suites = tls13(list, "--server-tls13", ctx)?;
    }
    if let Some(v) = &args.client_versions {
        client.versions = parse_versions(v).map_err(Error::NegotiateInput)?;
    }
    if let Some(v) = &args.server_versions {
        server.versions = parse_versions(v).map_err(Error::NegotiateInput)?;
    }
    if !args.certs.is_empty() {
        server.certs = args
            .certs
            .iter()
            .map(|c| read_cert(c))
            .collect::<Result<_, _>>()?;
    }
    let release: Release = args.openssl.parse().map_err(|_| Error::BadValue {
        option: "--openssl",
        value: args.openssl.clone(),
        expected: "an OpenSSL release: 3.0 or 3.2",
    })?;
    for (peer, groups, sigalgs, level, names) in [
        (
            &mut client,
            &args.client_groups,
            &args.client_sigalgs,
            args.client_seclevel,
            ["--client-groups", "--client-sigalgs", "--client-seclevel"],
        ),
        (
            &mut server,
            &args.server_groups,
            &args.server_sigalgs,
            args.server_seclevel,
            ["--server-groups", "--server-sigalgs", "--server-seclevel"],
        ),
    ] {
        if let Some(list) = groups {
            peer.groups = Some(Group::parse_list(list).map_err(|e| Error::Registry {
                option: names[0],
                source: e,
            })?);
            // Given groups, a client sends its key share for the first of them.
            peer.key_shares = None;
        }
        if let Some(list) = sigalgs {
            peer.sigalgs =
                Some(
                    SignatureScheme::parse_list(list).map_err(|e| Error::Registry {
                        option: names[1],
                        source: e,
                    })?,
                );
        }
        if let Some(n) = level {
            peer.security_level = Some(SecurityLevel::new(release, n).ok_or(Error::BadValue {
                option: names[2],
                value: n.to_string(),
                expected: "a security level from 0 to 5",
            })?);
        }
    }
    if let Some(list) = &args.client_key_shares {
        client.key_shares = Some(Group::parse_list(list).map_err(|e| Error::Registry {
            option: "--client-key-shares",
            source: e,
        })?);
    }
    server.preference = match args.prefer {
        Some(PreferArg::Server) => Preference::Server,
        Some(PreferArg::Client) => Preference::Client,
        None => server_order.unwrap_or(Preference::Server),
    };
    let n = negotiate(&client, &server);
    if ctx.json {
        table::write_json(ctx.out, &Doc::new(&n))?;
    } else {
        write_text(&n, &server, ctx)?;
    }
    Ok(Status::negative_if(!n.is_ok()))
}

/// One side from a LIST: '' (no suites), a profile, or a suite list.
fn side(
    list: &str,
    option: &'static str,
    role: Role,
    ctx: &mut Ctx,
) -> Result<(Peer, Option<Preference>), Error> {
    if list.trim().is_empty() {
        let mut p = Peer::new();
        p.tls12_suites.clear();
        return Ok((p, None));
    }
    if let Some(p) = profile::resolve(list, role).map_err(Error::Profile)? {
        return Ok((p.peer, p.preference));
    }
    if role == Role::Client {
        let text = input::source_text(list)?;
        if cipherdex::input::detect(&text) == cipherdex::input::Format::ClientHello {
            let bytes =
                cipherdex::hello::decode_hex(&text).map_err(|e| Error::Hello(e.to_string()))?;
            let hello =
                cipherdex::hello::decode(&bytes.bytes).map_err(|e| Error::Hello(e.to_string()))?;
            return Ok((Peer::from_hello(&hello), None));
        }
        if list == "-" || list.starts_with('@') {
            return Ok((Peer::from_suites(suites(&text, option, ctx)?), None));
        }
    }
    Ok((Peer::from_suites(suites(list, option, ctx)?), None))
}

/// The suites of a list argument (names, codes, '-', @FILE); unknown ones are
/// reported, then make it an input error.
fn suites(list: &str, option: &'static str, ctx: &mut Ctx) -> Result<Vec<&'static Suite>, Error> {
    let args = SuiteArgs {
        suites: vec![list.to_string()],
        ..SuiteArgs::default()
    };
    let items = input::read(&args, ctx.err)?.items;
    let mut out = Vec::new();
    let mut unknown = 0;
    for item in &items {
        match item.suite() {
            Some(s) => out.push(s),
            None => {
                input::report_unknown(item, ctx.err)?;
                unknown += 1;
            }
        }
    }
    if unknown > 0 {
        return Err(Error::UnknownSuites {
            option,
            count: unknown,
        });
    }
    Ok(out)
}

fn tls13(list: &str, option: &'static str, ctx: &mut Ctx) -> Result<Vec<&'static Suite>, Error> {
    if list.trim().is_empty() {
        return Ok(Vec::new());
    }
    let out = suites(list, option, ctx)?;
    if let Some(s) = out.iter().find(|s| !s.is_tls13()) {
        return Err(Error::NotTls13 {
            option,
            suite: s.canonical_name(),
        });
    }
    Ok(out)
}

fn write_text(n: &Negotiation<'_>, server: &Peer, ctx: &mut Ctx) -> Result<(), Error> {
    match &n.outcome {
        Ok(a) => {
            write!(ctx.out, "{}  {}", a.version, a.suite.canonical_name())?;
            if let Some(o) = a.suite.name(Scheme::OpenSsl) {
                write!(ctx.out, "  ({o})")?;
            }
            writeln!(ctx.out, "  {}", a.suite.code_hex())?;
            if let Some(c) = a.cert.and_then(|i| server.certs.get(i)) {
                writeln!(ctx.out, "certificate: {c}")?;
            }
            if let Some(g) = a.group {
                let hrr = if a.hello_retry {
                    " (after a HelloRetryRequest)"
                } else {
                    ""
                };
                writeln!(ctx.out, "group: {} {}{hrr}", g.iana_name(), g.code_hex())?;
            }
            if let Some(sig) = a.sigalg {
                writeln!(ctx.out, "signature: {} {}", sig.iana_name(), sig.code_hex())?;
            }
        }
        Err(f) => {
            write!(ctx.out, "no handshake: {}", f.kind)?;
            if let Some(v) = f.version {
                write!(ctx.out, " in {v}")?;
            }
            writeln!(ctx.out)?;
            for d in &f.diagnosis {
                writeln!(ctx.out, "  - {d}")?;
            }
        }
    }
    let shared: Vec<&'static Suite> = n.shared().collect();
    if let Some(v) = n.reached_version().or_else(|| n.version()) {
        write!(ctx.out, "shared in {v}:")?;
    } else {
        write!(ctx.out, "shared:")?;
    }
    if shared.is_empty() {
        writeln!(ctx.out, " none")?;
    } else {
        writeln!(ctx.out, " {}", shared.len())?;
        for s in shared {
            writeln!(ctx.out, "  {}  {}", s.code_hex(), s.canonical_name())?;
        }
    }
    Ok(())
}

/// The `--json` document (shape fixed by the CLI contract).
#[derive(Serialize)]
struct Doc {
    ok: bool,
    version: Option<&'static str>,
    suite: Option<SuiteDoc>,
    failure: Option<&'static str>,
    diagnosis: Vec<String>,
    shared: Vec<String>,
    group: Option<CodeDoc>,
    sigalg: Option<CodeDoc>,
    hello_retry: bool,
}

#[derive(Serialize)]
struct CodeDoc {
    code: String,
    name: &'static str,
}

#[derive(Serialize)]
struct SuiteDoc {
    code: String,
    iana: Option<&'static str>,
    openssl: Option<&'static str>,
}

impl Doc {
    fn new(n: &Negotiation<'_>) -> Doc {
        let (failure, diagnosis) = match &n.outcome {
            Ok(_) => (None, Vec::new()),
            Err(f) => (
                Some(f.kind.as_str()),
                f.diagnosis.iter().map(ToString::to_string).collect(),
            ),
        };
        Doc {
            ok: n.is_ok(),
            version: n.version().map(|v| v.as_str()),
            suite: n.suite().map(|s| SuiteDoc {
                code: s.code_hex().to_string(),
                iana: s.name(Scheme::Iana),
                openssl: s.name(Scheme::OpenSsl),
            }),
            failure,
            diagnosis,
            shared: n.shared().map(|s| s.code_hex().to_string()).collect(),
            group: n
                .outcome
                .as_ref()
                .ok()
                .and_then(|a| a.group)
                .map(|g| CodeDoc {
                    code: g.code_hex().to_string(),
                    name: g.iana_name(),
                }),
            sigalg: n
                .outcome
                .as_ref()
                .ok()
                .and_then(|a| a.sigalg)
                .map(|s| CodeDoc {
                    code: s.code_hex().to_string(),
                    name: s.iana_name(),
                }),
            hello_retry: n.outcome.as_ref().is_ok_and(|a| a.hello_retry),
        }
    }
}
