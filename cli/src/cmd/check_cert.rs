//! `cipherdex check-cert --cert TYPE|FILE [SUITE...]`: per suite, whether the
//! certificate can serve it, in which versions, and why not; for certificate
//! files, what a client's verification of the chain will say.

use cipherdex::cert::{fits, format_time, CertKey, Chain, FitReason};
use cipherdex::negotiate::parse_versions;
use cipherdex::openssl::{Release, SecurityLevel};
use cipherdex::{Protocol, Protocols, Scheme, Suite};
use serde::Serialize;

use crate::args::CheckCertArgs;
use crate::certs::{self, FindingDoc};
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::input;
use crate::table;

/// The versions a suite is checked in: SSL 3.0 to TLS 1.3.
const VERSIONS: [Protocol; 5] = [
    Protocol::Ssl3,
    Protocol::Tls10,
    Protocol::Tls11,
    Protocol::Tls12,
    Protocol::Tls13,
];

/// Reads `--openssl` and a security level option into a level.
pub fn level(
    openssl: &str,
    n: Option<u8>,
    option: &'static str,
) -> Result<Option<SecurityLevel>, Error> {
    let release: Release = openssl.parse().map_err(|_| Error::BadValue {
        option: "--openssl",
        value: openssl.to_string(),
        expected: "an OpenSSL release from 1.1.1 to 3.x, such as 3.0 or 3.5",
    })?;
    n.map(|n| {
        SecurityLevel::new(release, n).ok_or(Error::BadValue {
            option,
            value: n.to_string(),
            expected: "a security level from 0 to 5",
        })
    })
    .transpose()
}

/// Prints each suite's fit and the chain's findings; exit 1 when any suite
/// does not fit (or is unknown) or a finding fails verification.
pub fn run(args: &CheckCertArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    let certs = certs::read(&args.cert)?;
    let only = match &args.tls {
        Some(v) => Some(parse_versions(v).map_err(Error::NegotiateInput)?),
        None => None,
    };
    let name = match (&args.sni, &args.client) {
        (Some(n), _) => Some(n.clone()),
        (None, Some(list)) => Some(certs::sni_of_client(list)?),
        (None, None) => None,
    };
    let level = level(&args.openssl, args.seclevel, "--seclevel")?;
    let checks = certs::checks(args.at.as_deref(), name, level, args.ca.as_deref())?;
    let findings = certs::findings(&certs, &checks, None);
    let verify_ok = !findings.iter().any(|f| f.fails);
    let mut docs = Vec::new();
    let mut all_fit = true;
    if !(args.input.suites.is_empty() && certs.has_files()) {
        let input = input::read(&args.input, ctx.err)?;
        for item in &input.items {
            let Some(suite) = item.suite() else {
                input::report_unknown(item, ctx.err)?;
                all_fit = false;
                continue;
            };
            let doc = check(suite, &certs.keys, only);
            all_fit &= doc.fits;
            docs.push(doc);
        }
    }
    let several = certs.keys.len() > 1;
    if ctx.json {
        let first = certs
            .keys
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        let chains = certs
            .keys
            .iter()
            .zip(&certs.chains)
            .map(|(k, c)| CertDoc::new(k, c.as_ref()))
            .collect();
        let doc = Doc {
            cert: first,
            certs: chains,
            at: format_time(checks.at),
            name: checks.name.clone(),
            all_fit,
            verify_ok,
            suites: docs,
            findings,
        };
        table::write_json(ctx.out, &doc)?;
    } else {
        for (k, c) in certs.keys.iter().zip(&certs.chains) {
            writeln!(ctx.out, "certificate: {k}")?;
            for (i, info) in c.iter().flat_map(|c| c.certs.iter()).enumerate() {
                writeln!(ctx.out, "  {i}: {info}")?;
                writeln!(ctx.out, "     names: {}", info.names().join(", "))?;
            }
        }
        for d in &docs {
            let verdict = if d.fits { "fits" } else { "does not fit" };
            write!(ctx.out, "{}  {}: {verdict}", d.code, d.iana)?;
            if !d.fits_in.is_empty() && d.fits {
                write!(ctx.out, " in {}", d.fits_in.join(" "))?;
            }
            writeln!(ctx.out)?;
            for r in &d.reasons {
                writeln!(ctx.out, "    {r}")?;
            }
        }
        if certs.has_files() {
            certs::write_findings(&findings, several, ctx)?;
            if findings.is_empty() {
                write!(
                    ctx.out,
                    "verification: no problem found at {}",
                    format_time(checks.at)
                )?;
                match &checks.name {
                    Some(n) => writeln!(ctx.out, " for {n}")?,
                    None => writeln!(ctx.out, " (no name checked: --sni)")?,
                }
            }
        }
    }
    Ok(Status::negative_if(!all_fit || !verify_ok))
}

/// One suite against every certificate: it fits when any certificate fits.
fn check(suite: &'static Suite, keys: &[CertKey], only: Option<Protocols>) -> SuiteDoc {
    let mut fits_in: Vec<&'static str> = Vec::new();
    let mut reasons: Vec<String> = Vec::new();
    let versions: Vec<Protocol> = VERSIONS
        .iter()
        .copied()
        .filter(|v| only.map_or(suite.supports(*v), |o| o.contains(*v)))
        .collect();
    for (i, cert) in keys.iter().enumerate() {
        let label = if keys.len() > 1 {
            format!("[certificate {i}] ")
        } else {
            String::new()
        };
        let mut first_reason = true;
        for &v in &versions {
            let fit = fits(suite, cert, v);
            if fit.ok && !fits_in.contains(&v.as_str()) {
                fits_in.push(v.as_str());
            }
            for r in fit.reasons {
                if fit.ok && matches!(r, FitReason::Serves { .. }) && !first_reason {
                    continue;
                }
                let text = if fit.ok {
                    format!("{label}{r}")
                } else {
                    format!("{label}{v}: {r}")
                };
                if !reasons.contains(&text) {
                    reasons.push(text);
                    first_reason = false;
                }
            }
        }
    }
    fits_in.sort_by_key(|n| VERSIONS.iter().position(|v| v.as_str() == *n));
    if versions.is_empty() {
        reasons.push(format!(
            "the suite is not used in any of the versions asked ({})",
            suite.protocols()
        ));
    }
    SuiteDoc {
        code: suite.code_hex().to_string(),
        iana: suite.canonical_name(),
        openssl: suite.name(Scheme::OpenSsl),
        fits: !fits_in.is_empty(),
        fits_in,
        reasons,
    }
}

/// The `--json` document.
#[derive(Serialize)]
struct Doc {
    cert: String,
    certs: Vec<CertDoc>,
    at: String,
    name: Option<String>,
    all_fit: bool,
    verify_ok: bool,
    suites: Vec<SuiteDoc>,
    findings: Vec<FindingDoc>,
}

#[derive(Serialize)]
struct CertDoc {
    key: String,
    chain: Vec<ChainDoc>,
}

#[derive(Serialize)]
struct ChainDoc {
    subject: String,
    issuer: String,
    key: &'static str,
    bits: Option<u32>,
    curve: Option<&'static str>,
    key_usage: Option<String>,
    signature: String,
    not_before: String,
    not_after: String,
    names: Vec<String>,
    ca: bool,
}

impl CertDoc {
    fn new(key: &CertKey, chain: Option<&Chain>) -> CertDoc {
        let chain = chain.map_or(&[][..], |c| &c.certs[..]);
        CertDoc {
            key: key.to_string(),
            chain: chain
                .iter()
                .map(|c| ChainDoc {
                    subject: c.subject.clone(),
                    issuer: c.issuer.clone(),
                    key: c.key.key.as_str(),
                    bits: c.key.bits,
                    curve: c.key.curve.map(|c| c.as_str()),
                    key_usage: c.key.key_usage.map(|u| u.to_string()),
                    signature: c.signature.clone(),
                    not_before: format_time(c.not_before),
                    not_after: format_time(c.not_after),
                    names: c.names().iter().map(|n| (*n).to_owned()).collect(),
                    ca: c.is_ca,
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct SuiteDoc {
    code: String,
    iana: &'static str,
    openssl: Option<&'static str>,
    fits: bool,
    fits_in: Vec<&'static str>,
    reasons: Vec<String>,
}
