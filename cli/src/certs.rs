//! `--cert`, `--at`, `--sni`, `--ca` and `--seclevel` for `check-cert` and
//! `negotiate`: reading the server's certificates (type names or files) and
//! printing what a client's verification will say about them.

use std::path::Path;

use cipherdex::cert::{parse_time, CertKey, Chain};
use cipherdex::openssl::SecurityLevel;
use cipherdex::verify::{self, ChainFinding, Checks};
use serde::Serialize;

use crate::ctx::Ctx;
use crate::error::Error;
use crate::input;

/// The server's certificates: one key per certificate, and the chain behind
/// it when it was read from a file.
#[derive(Debug, Default)]
pub struct ServerCerts {
    /// The leaf key of each certificate, in the order given.
    pub keys: Vec<CertKey>,
    /// The chain of each, when it came from a file (`None` for a type name).
    pub chains: Vec<Option<Chain>>,
}

impl ServerCerts {
    /// True if any certificate came from a file.
    pub fn has_files(&self) -> bool {
        self.chains.iter().any(Option::is_some)
    }
}

/// Reads each `--cert`: a type name, or a certificate file (a PEM bundle or
/// DER) when no type has that name. Files in a row whose first certificate
/// is a CA continue the chain before them (`cert::Chain::join`).
pub fn read(values: &[String]) -> Result<ServerCerts, Error> {
    let mut out = ServerCerts::default();
    let mut run: Vec<Chain> = Vec::new();
    let flush = |run: &mut Vec<Chain>, out: &mut ServerCerts| {
        for chain in Chain::join(std::mem::take(run)) {
            let Some(leaf) = chain.leaf() else { continue };
            out.keys.push(leaf.key.clone());
            out.chains.push(Some(chain));
        }
    };
    for value in values {
        match value.parse::<CertKey>() {
            Ok(key) => {
                flush(&mut run, &mut out);
                out.keys.push(key);
                out.chains.push(None);
            }
            Err(type_error) => {
                let path = Path::new(value);
                if !path.is_file() {
                    return Err(Error::Cert {
                        input: value.clone(),
                        source: type_error,
                    });
                }
                let bytes = std::fs::read(path).map_err(|source| Error::ReadInput {
                    what: value.clone(),
                    source,
                })?;
                let chain = Chain::from_pem_or_der(&bytes).map_err(|source| Error::Cert {
                    input: value.clone(),
                    source,
                })?;
                run.push(chain);
            }
        }
    }
    flush(&mut run, &mut out);
    Ok(out)
}

/// The checks from `--at` (default: now), the name, the verifier's level and `--ca`.
pub fn checks(
    at: Option<&str>,
    name: Option<String>,
    level: Option<SecurityLevel>,
    ca: Option<&str>,
) -> Result<Checks, Error> {
    let at = match at {
        Some(text) => parse_time(text).map_err(|source| Error::CertOption {
            option: "--at",
            input: text.to_string(),
            source,
        })?,
        None => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX)),
    };
    let mut checks = Checks::at(at);
    checks.name = name;
    checks.level = level;
    if let Some(path) = ca {
        let bytes = std::fs::read(path).map_err(|source| Error::ReadInput {
            what: path.to_string(),
            source,
        })?;
        let chain = Chain::from_pem_or_der(&bytes).map_err(|source| Error::CertOption {
            option: "--ca",
            input: path.to_string(),
            source,
        })?;
        checks.anchors = Some(chain.certs);
    }
    Ok(checks)
}

/// The server name a ClientHello given as `--client` asks for (SNI), if the
/// value is a ClientHello at all.
pub fn hello_server_name(text: &str) -> Option<String> {
    if cipherdex::input::detect(text) != cipherdex::input::Format::ClientHello {
        return None;
    }
    let bytes = cipherdex::hello::decode_hex(text).ok()?;
    cipherdex::hello::decode(&bytes.bytes).ok()?.server_name
}

/// `--client LIST` for `check-cert`: the SNI of the ClientHello it holds.
pub fn sni_of_client(list: &str) -> Result<String, Error> {
    let text = input::source_text(list)?;
    hello_server_name(&text).ok_or(Error::BadValue {
        option: "--client",
        value: list.to_string(),
        expected: "a ClientHello with a server_name extension (s_client -msg output or hex)",
    })
}

/// One finding as JSON.
#[derive(Serialize)]
pub struct FindingDoc {
    /// Which certificate given (index into the `--cert` certificates).
    pub chain: usize,
    /// Which certificate of that chain (0 = the leaf).
    pub cert: usize,
    /// Its subject.
    pub subject: String,
    /// The cause id.
    pub cause: &'static str,
    /// Whether every common verifier refuses it.
    pub fails: bool,
    /// The whole finding as text.
    pub text: String,
    /// What to do.
    pub fix: String,
}

/// The findings of every chain read from a file (only chain `only` when given).
pub fn findings(certs: &ServerCerts, checks: &Checks, only: Option<usize>) -> Vec<FindingDoc> {
    let mut out = Vec::new();
    for (i, chain) in certs.chains.iter().enumerate() {
        let Some(chain) = chain else { continue };
        if only.is_some_and(|o| o != i) {
            continue;
        }
        for f in verify::check(chain, checks) {
            out.push(doc(i, &f));
        }
    }
    out
}

fn doc(chain: usize, f: &ChainFinding) -> FindingDoc {
    FindingDoc {
        chain,
        cert: f.cert,
        subject: f.subject.clone(),
        cause: f.cause().id(),
        fails: f.fails,
        text: f.to_string(),
        fix: f.fix(),
    }
}

/// Prints the findings as text (nothing when there are none).
pub fn write_findings(docs: &[FindingDoc], several: bool, ctx: &mut Ctx) -> Result<(), Error> {
    for d in docs {
        let verdict = if d.fails { "fails" } else { "warning" };
        if several {
            write!(ctx.out, "[server certificate {}] ", d.chain)?;
        }
        writeln!(ctx.out, "{verdict}: {}", d.text)?;
    }
    Ok(())
}
