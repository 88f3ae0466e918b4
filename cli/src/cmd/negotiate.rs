//! `cipherdex negotiate`: what a client and a server agree on, or why not.

use cipherdex::negotiate::{negotiate, parse_versions, Negotiation, Peer};
use cipherdex::openssl::SecurityLevel;
use cipherdex::profile::Role;
use cipherdex::Group;
use cipherdex::{Scheme, Suite};
use serde::Serialize;

use crate::args::NegotiateArgs;
use crate::certs::{self, FindingDoc};
use crate::cmd::peer;
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::json::{CodeDoc, SuiteDoc};
use crate::table;

/// Builds both sides, predicts, prints; exit 1 when the handshake would fail.
pub fn run(args: &NegotiateArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    let openssl = peer::Openssl::parse(args.openssl.as_deref())?;
    let (mut client, _, client_basis) =
        peer::side(&args.client, "--client", Role::Client, openssl, ctx)?;
    let (server, server_basis) = peer::server(&args.server, openssl, &peer::SERVER, ctx)?;
    if let Some(list) = &args.client_tls13 {
        client.tls13_suites = peer::tls13(list, "--client-tls13", ctx)?;
    }
    if let Some(v) = &args.client_versions {
        client.versions = parse_versions(v).map_err(Error::NegotiateInput)?;
    }
    peer::kx(
        &mut client,
        args.client_groups.as_deref(),
        args.client_sigalgs.as_deref(),
        args.client_seclevel,
        openssl,
        &CLIENT,
    )?;
    if let Some(list) = &args.client_key_shares {
        client.key_shares = Some(Group::parse_list(list).map_err(|e| Error::Registry {
            option: "--client-key-shares",
            source: e,
        })?);
    }
    let n = negotiate(&client, &server);
    // Certificate files: what the client's verification will say about the
    // chain used (every chain when no handshake is agreed).
    let certs = certs::read(&args.server.certs)?;
    let findings = if certs.has_files() && n.outcome.as_ref().map_or(true, |a| a.cert.is_some()) {
        let name = args.sni.clone().or_else(|| client.server_name.clone());
        let checks = certs::checks(
            args.at.as_deref(),
            name,
            client.security_level,
            args.ca.as_deref(),
        )?;
        certs::findings(
            &certs,
            &checks,
            n.outcome.as_ref().ok().and_then(|a| a.cert),
        )
    } else {
        Vec::new()
    };
    let verify_ok = !findings.iter().any(|f| f.fails);
    let sides = [
        SideDoc::new(&client, client_basis, openssl),
        SideDoc::new(&server, server_basis, openssl),
    ];
    if ctx.json {
        let mut doc = Doc::new(&n, &server);
        doc.verify_ok = verify_ok;
        doc.cert_findings = findings;
        doc.openssl = openssl.release.label();
        doc.defaults = Sides {
            client: sides[0],
            server: sides[1],
        };
        table::write_json(ctx.out, &doc)?;
    } else {
        write_text(&n, &server, ctx)?;
        certs::write_findings(&findings, server.certs.len() > 1, ctx)?;
        for (side, d) in ["client", "server"].into_iter().zip(sides) {
            writeln!(ctx.out, "{side}: {}", d.describe(openssl))?;
        }
    }
    Ok(Status::negative_if(!n.is_ok() || !verify_ok))
}

/// The client's option names.
const CLIENT: peer::Names = peer::Names {
    list: "--client",
    tls13: "--client-tls13",
    groups: "--client-groups",
    sigalgs: "--client-sigalgs",
    seclevel: "--client-seclevel",
};

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
    let unused = server.unused_certs();
    if !unused.is_empty() {
        let which: Vec<String> = unused.map(|i| (i + 1).to_string()).collect();
        writeln!(
            ctx.out,
            "certificates not used: --cert {} ({} binds one certificate per endpoint, the first --cert; \
             bind another with netsh http add sslcert or an IIS binding of its own)",
            which.join(", "),
            server.name.as_deref().unwrap_or("the server")
        )?;
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
    cert: Option<CertDoc>,
    /// Certificates given but not used (indices into `--cert`): SChannel binds one.
    unused_certs: Vec<usize>,
    verify_ok: bool,
    cert_findings: Vec<FindingDoc>,
    /// The OpenSSL release whose rules apply (`--openssl`, or the default release).
    openssl: &'static str,
    /// What each side took from that release's defaults.
    defaults: Sides,
}

/// `defaults` of the JSON document.
#[derive(Serialize, Clone, Copy, Default)]
struct Sides {
    client: SideDoc,
    server: SideDoc,
}

/// Where one side's groups, signature schemes and security level came from.
#[derive(Serialize, Clone, Copy, Default)]
struct SideDoc {
    /// The OpenSSL release whose default groups, key shares and signature
    /// schemes the side took where it states none; `None` when it states
    /// its own (another implementation's profile, a ClientHello, a report).
    openssl: Option<&'static str>,
    /// The OpenSSL security level the side applies, if any.
    security_level: Option<u8>,
    /// Whether that level is the release's default (not one stated).
    security_level_default: bool,
}

impl SideDoc {
    fn new(p: &Peer, basis: peer::Basis, openssl: peer::Openssl) -> SideDoc {
        let level = p.security_level.map(|l| l.level());
        let default = SecurityLevel::default_for(openssl.release).level();
        SideDoc {
            openssl: basis.defaults.map(|d| d.release()),
            security_level: level,
            security_level_default: basis.defaults.is_some() && level == Some(default),
        }
    }

    /// One line: `OpenSSL 3.0 defaults where not stated, security level 1 (OpenSSL 3.0's default)`.
    fn describe(self, openssl: peer::Openssl) -> String {
        let mut s = match self.openssl {
            Some(r) => format!("OpenSSL {r} defaults where not stated"),
            None => "its own groups and signature schemes (no OpenSSL defaults)".to_owned(),
        };
        match self.security_level {
            Some(l) if self.security_level_default => {
                s += &format!(
                    ", security level {l} (OpenSSL {}'s default)",
                    self.openssl.unwrap_or(openssl.release.label())
                );
            }
            Some(l) => s += &format!(", security level {l}"),
            None => s += ", no security level",
        }
        s
    }
}

#[derive(Serialize)]
struct CertDoc {
    index: usize,
    key: String,
}

impl Doc {
    fn new(n: &Negotiation<'_>, server: &Peer) -> Doc {
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
            suite: n.suite().map(SuiteDoc::new),
            failure,
            diagnosis,
            shared: n.shared().map(|s| s.code_hex().to_string()).collect(),
            group: n
                .outcome
                .as_ref()
                .ok()
                .and_then(|a| a.group)
                .map(CodeDoc::group),
            sigalg: n
                .outcome
                .as_ref()
                .ok()
                .and_then(|a| a.sigalg)
                .map(CodeDoc::sigalg),
            hello_retry: n.outcome.as_ref().is_ok_and(|a| a.hello_retry),
            cert: n.outcome.as_ref().ok().and_then(|a| a.cert).and_then(|i| {
                server.certs.get(i).map(|c| CertDoc {
                    index: i,
                    key: c.to_string(),
                })
            }),
            unused_certs: server.unused_certs().collect(),
            verify_ok: true,
            cert_findings: Vec::new(),
            openssl: "",
            defaults: Sides::default(),
        }
    }
}
