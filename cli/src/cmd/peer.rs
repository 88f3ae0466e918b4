//! One side of a handshake from the command line: what `negotiate` and
//! `simulate` share (a LIST or profile, TLS 1.3 suites, versions, groups,
//! signature schemes, security level, certificates, order).

use cipherdex::defaults::PeerDefaults;
use cipherdex::negotiate::{parse_versions, Peer, Preference};
use cipherdex::openssl::{parse_groups, Release, SecurityLevel};
use cipherdex::profile::{self, Role};
use cipherdex::{SignatureScheme, Suite};

use crate::args::{PreferArg, ServerArgs, SuiteArgs};
use crate::ctx::Ctx;
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

/// What `--openssl` gives: the release whose rules apply (the default
/// release when the option is absent) and that release's defaults (groups,
/// key shares, signature schemes, security level) for the sides that are
/// OpenSSL-like.
#[derive(Clone, Copy)]
pub struct Openssl {
    /// The release whose rules apply.
    pub release: Release,
    defaults: &'static PeerDefaults,
    /// Groups lists in 3.5's syntax (`/` tuples, `*` key shares).
    tuples: bool,
}

impl Openssl {
    /// From `--openssl VERSION` (absent: the default release,
    /// [`cipherdex::openssl::DEFAULT_RELEASE`]): its rules, and its defaults
    /// for the sides that are OpenSSL-like.
    pub fn parse(openssl: Option<&str>) -> Result<Openssl, Error> {
        let version = openssl.unwrap_or(cipherdex::openssl::DEFAULT_RELEASE);
        let bad = || Error::BadValue {
            option: "--openssl",
            value: version.to_owned(),
            expected: "an OpenSSL release from 1.1.1 to 3.x, such as 3.0 or 3.5",
        };
        let release: Release = version.parse().map_err(|_| bad())?;
        let row = cipherdex::defaults::openssl(version).ok_or_else(bad)?;
        Ok(Openssl {
            release,
            defaults: row,
            tuples: row.tuples().is_some(),
        })
    }

    /// The release's defaults, for a side that states `own` itself; the
    /// release whose defaults it took, if any.
    fn apply(self, peer: &mut Peer, own: Own) -> Option<&'static PeerDefaults> {
        let row = self.defaults;
        match own {
            Own::Nothing => {
                peer.set_defaults(row);
                peer.security_level = row
                    .security_level()
                    .and_then(|l| SecurityLevel::new(self.release, l));
            }
            Own::Level => peer.set_defaults(row),
            Own::Everything => return None,
        }
        Some(row)
    }
}

/// Where a side's groups, signature schemes and security level came from,
/// for the output (`negotiate` states it for each side).
#[derive(Clone, Copy, Debug)]
pub struct Basis {
    /// The OpenSSL defaults row the side took (a suite list, '' or an
    /// `openssl:` profile); `None` for a side that states its own (another
    /// implementation's profile, a ClientHello, a scanner report).
    pub defaults: Option<&'static PeerDefaults>,
}

/// What a side states of its own (what `--openssl`'s defaults may not replace).
#[derive(Clone, Copy)]
enum Own {
    /// Nothing: a suite list or ''.
    Nothing,
    /// Its security level: an openssl: profile.
    Level,
    /// Its groups and level: another implementation's profile, a ClientHello, a report.
    Everything,
}

/// The server `args` describe (`names`: the options they came from), with
/// `--openssl`'s rules and defaults.
pub fn server(
    args: &ServerArgs,
    openssl: Openssl,
    names: &Names,
    ctx: &mut Ctx,
) -> Result<(Peer, Basis), Error> {
    let (mut server, order, basis) = side(&args.server, names.list, Role::Server, openssl, ctx)?;
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
        openssl,
        names,
    )?;
    server.preference = match args.prefer {
        Some(PreferArg::Server) => Preference::Server,
        Some(PreferArg::Client) => Preference::Client,
        None => order.unwrap_or(Preference::Server),
    };
    Ok((server, basis))
}

/// Groups, signature schemes and security level, where given. From OpenSSL
/// 3.5 on, groups take 3.5's syntax (`/` tuples, `*` key shares).
pub fn kx(
    peer: &mut Peer,
    groups: Option<&str>,
    sigalgs: Option<&str>,
    level: Option<u8>,
    openssl: Openssl,
    names: &Names,
) -> Result<(), Error> {
    let release = openssl.release;
    if let Some(list) = groups {
        let parsed = parse_groups(list).map_err(|e| Error::Registry {
            option: names.groups,
            source: e,
        })?;
        // Without `*` marks, a client sends its key share for the first group.
        peer.key_shares = parsed.key_shares.filter(|_| openssl.tuples);
        peer.group_tuples = openssl.tuples.then_some(parsed.tuples);
        peer.groups = Some(parsed.groups);
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
/// it has one. `--openssl`'s defaults apply to a side that is a suite list,
/// '' or an openssl: profile.
pub fn side(
    list: &str,
    option: &'static str,
    role: Role,
    openssl: Openssl,
    ctx: &mut Ctx,
) -> Result<(Peer, Option<Preference>, Basis), Error> {
    let (mut peer, order, own) = side_own(list, option, role, openssl.release, ctx)?;
    let defaults = openssl.apply(&mut peer, own);
    Ok((peer, order, Basis { defaults }))
}

fn side_own(
    list: &str,
    option: &'static str,
    role: Role,
    release: Release,
    ctx: &mut Ctx,
) -> Result<(Peer, Option<Preference>, Own), Error> {
    if list.trim().is_empty() {
        let mut p = Peer::new();
        p.tls12_suites.clear();
        return Ok((p, None, Own::Nothing));
    }
    if let Some(p) = profile::resolve_with(list, role, release).map_err(Error::Profile)? {
        let own = if list
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("openssl:")
        {
            Own::Level
        } else {
            Own::Everything
        };
        return Ok((p.peer, p.preference, own));
    }
    if role == Role::Client {
        let text = input::source_text(list)?;
        if cipherdex::input::detect(&text) == cipherdex::input::Format::ClientHello {
            let bytes =
                cipherdex::hello::decode_hex(&text).map_err(|e| Error::Hello(e.to_string()))?;
            let hello =
                cipherdex::hello::decode(&bytes.bytes).map_err(|e| Error::Hello(e.to_string()))?;
            return Ok((Peer::from_hello(&hello), None, Own::Everything));
        }
        if list == "-" || list.starts_with('@') {
            let peer = Peer::from_suites(suites(&text, option, ctx)?);
            return Ok((peer, None, Own::Nothing));
        }
    } else if list == "-" || list.starts_with('@') {
        // A scanner report: versions, suites per version, groups, certificates.
        let text = input::source_text(list)?;
        let format = cipherdex::input::detect(&text);
        if let Some((p, r)) = cipherdex::input::report(format, &text)
            .ok()
            .and_then(|r| r.server().map(|p| (p, r)))
        {
            // Nothing the report states is dropped silently: a suite
            // cipherdex does not know cannot be modelled, so say so.
            for e in r.unknown_suites() {
                let at = e.line.map(|l| format!(" (line {l})")).unwrap_or_default();
                let version = e.protocol.map(|v| format!(" in {v}")).unwrap_or_default();
                writeln!(
                    ctx.err,
                    "cipherdex: warning: {option}: the report lists {}{version}{at}, a suite \
                     cipherdex does not know; the server is modelled without it",
                    e.suite
                )?;
            }
            let order = Some(p.preference);
            return Ok((p, order, Own::Everything));
        }
        let peer = Peer::from_suites(suites(&text, option, ctx)?);
        return Ok((peer, None, Own::Nothing));
    }
    let peer = Peer::from_suites(suites(list, option, ctx)?);
    Ok((peer, None, Own::Nothing))
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
