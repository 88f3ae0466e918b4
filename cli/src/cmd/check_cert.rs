//! `cipherdex check-cert --cert TYPE|FILE SUITE...`: per suite, whether the
//! certificate can serve it, in which versions, and why not.

use std::path::Path;

use cipherdex::cert::{fits, CertKey, FitReason};
use cipherdex::negotiate::parse_versions;
use cipherdex::{Protocol, Protocols, Scheme, Suite};
use serde::Serialize;

use crate::args::CheckCertArgs;
use crate::cmd::{Ctx, Status};
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

/// Reads `--cert`: a type name, or a certificate file when no type has that name.
pub fn read_cert(value: &str) -> Result<CertKey, Error> {
    match value.parse::<CertKey>() {
        Ok(c) => Ok(c),
        Err(type_error) => {
            let path = Path::new(value);
            if !path.is_file() {
                return Err(Error::Cert {
                    input: value.to_string(),
                    source: type_error,
                });
            }
            let bytes = std::fs::read(path).map_err(|source| Error::ReadInput {
                what: value.to_string(),
                source,
            })?;
            CertKey::from_pem_or_der(&bytes).map_err(|source| Error::Cert {
                input: value.to_string(),
                source,
            })
        }
    }
}

/// Prints each suite's fit; exit 1 when any suite does not fit (or is unknown).
pub fn run(args: &CheckCertArgs, ctx: &mut Ctx) -> Result<Status, Error> {
    let cert = read_cert(&args.cert)?;
    let only = match &args.tls {
        Some(v) => Some(parse_versions(v).map_err(Error::NegotiateInput)?),
        None => None,
    };
    let input = input::read(&args.input, ctx.err)?;
    let mut docs = Vec::new();
    let mut all_fit = true;
    for item in &input.items {
        let Some(suite) = item.suite() else {
            input::report_unknown(item, ctx.err)?;
            all_fit = false;
            continue;
        };
        let doc = check(suite, &cert, only);
        all_fit &= doc.fits;
        docs.push(doc);
    }
    if ctx.json {
        table::write_json(
            ctx.out,
            &Doc {
                cert: cert.to_string(),
                all_fit,
                suites: docs,
            },
        )?;
    } else {
        writeln!(ctx.out, "certificate: {cert}")?;
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
    }
    Ok(Status::negative_if(!all_fit))
}

fn check(suite: &'static Suite, cert: &CertKey, only: Option<Protocols>) -> SuiteDoc {
    let mut fits_in = Vec::new();
    let mut reasons: Vec<String> = Vec::new();
    let versions: Vec<Protocol> = VERSIONS
        .iter()
        .copied()
        .filter(|v| only.map_or(suite.supports(*v), |o| o.contains(*v)))
        .collect();
    for &v in &versions {
        let fit = fits(suite, cert, v);
        if fit.ok {
            fits_in.push(v.as_str());
        }
        for r in fit.reasons {
            if fit.ok && matches!(r, FitReason::Serves { .. }) && !reasons.is_empty() {
                continue;
            }
            let text = if fit.ok {
                r.to_string()
            } else {
                format!("{v}: {r}")
            };
            if !reasons.contains(&text) {
                reasons.push(text);
            }
        }
    }
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
    all_fit: bool,
    suites: Vec<SuiteDoc>,
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
