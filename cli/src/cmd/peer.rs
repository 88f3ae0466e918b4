//! One side of a handshake from the command line: what `negotiate` and
//! `simulate` share (a LIST or profile, TLS 1.3 suites, versions, groups,
//! signature schemes, security level, certificates, order).

use cipherdex::negotiate::{parse_versions, Peer, Preference};
use cipherdex::openssl::{Release, SecurityLevel};
use cipherdex::profile::{self, Role};
use cipherdex::{Group, SignatureScheme, Suite};

use crate::args::{PreferArg, ServerArgs, SuiteArgs};
use crate::cmd::Ctx;
use crate::error::Error;
use crate::input;

/// The option names one description of a server answers to, for messages.
pub struct Names {
    /// The suite list or profile (`--server`).
    pub list: &'static str,
    /// TLS 1.3 suites.
    pub tls13: &'static str,
    /// Groups.
    pub groups: &'static str,
    /// Signature schemes.
    pub sigalgs: &'static str,
    /// Security level.
    pub seclevel: &'static str,
}

/// The names of [`ServerArgs`]' own options.
pub const SERVER: Names = Names {
    list: "--server",
    tls13: "--server-tls13",
    groups: "--server-groups",
    sigalgs: "--server-sigalgs",
    seclevel: "--server-seclevel",
};

/// The `--openssl` release.
pub fn release(openssl: &str) -> Result<Release, Error> {
    openssl.parse().map_err(|_| Error::BadValue {
        option: "--openssl",
        value: openssl.to_owned(),
        expected: "an OpenSSL release: 3.0 or 3.2",
    })
}

/// The server `args` describe (`names`: the options they came from).
pub fn server(
    args: &ServerArgs,
    release: Release,
    names: &Names,
    ctx: &mut Ctx,
) -> Result<Peer, Error> {
    let (mut server, order) = side(&args.server, names.list, Role::Server, ctx)?;
    if let Some(list) = &args.server_tls13 {
        server.tls13_suites = tls13(list, names.tls13, ctx)?;
    }
    if let Some(v) = &args.server_versions {
        server.versions = parse_versions(v).map_err(Error::NegotiateInput)?;
    }
    if !args.certs.is_empty() {
        server.certs = crate::certs::read(&args.certs)?.keys;
    }
    kx(
        &mut server,
        args.server_groups.as_deref(),
        args.server_sigalgs.as_deref(),
        args.server_seclevel,
        release,
        names,
    )?;
    server.preference = match args.prefer {
        Some(PreferArg::Server) => Preference::Server,
        Some(PreferArg::Client) => Preference::Client,
        None => order.unwrap_or(Preference::Server),
    };
    Ok(server)
}

/// Groups, signature schemes and security level, where given.
pub fn kx(
    peer: &mut Peer,
    groups: Option<&str>,
    sigalgs: Option<&str>,
    level: Option<u8>,
    release: Release,
    names: &Names,
) -> Result<(), Error> {
    if let Some(list) = groups {
        peer.groups = Some(Group::parse_list(list).map_err(|e| Error::Registry {
            option: names.groups,
            source: e,
        })?);
        // Given groups, a client sends its key share for the first of them.
        peer.key_shares = None;
    }
    if let Some(list) = sigalgs {
        peer.sigalgs = Some(
            SignatureScheme::parse_list(list).map_err(|e| Error::Registry {
                option: names.sigalgs,
                source: e,
            })?,
        );
    }
    if let Some(n) = level {
        peer.security_level = Some(SecurityLevel::new(release, n).ok_or(Error::BadValue {
            option: names.seclevel,
            value: n.to_string(),
            expected: "a security level from 0 to 5",
        })?);
    }
    Ok(())
}

/// One side from a LIST: '' (no suites), a profile, or a suite list; a
/// client may also be a ClientHello, a server a scanner report (its versions
/// and suites per version). The order is the profile's or the report's, if
/// it has one.
pub fn side(
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
    } else if list == "-" || list.starts_with('@') {
        // A scanner report gives the versions and the suites per version.
        let text = input::source_text(list)?;
        let format = cipherdex::input::detect(&text);
        if let Some(p) = cipherdex::input::report(format, &text)
            .ok()
            .and_then(|r| r.server())
        {
            return Ok((p, None));
        }
        return Ok((Peer::from_suites(suites(&text, option, ctx)?), None));
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

/// A TLS 1.3 suite list ('' for none); a suite of another version is an error.
pub fn tls13(
    list: &str,
    option: &'static str,
    ctx: &mut Ctx,
) -> Result<Vec<&'static Suite>, Error> {
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
