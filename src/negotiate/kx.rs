//! Groups and signature schemes in a handshake: which group carries the key
//! exchange (and whether TLS 1.3 needs a HelloRetryRequest for it), and which
//! signature scheme the server signs with, under each side's lists and
//! security level.
//!
//! The rules are OpenSSL 3.0's (`ssl/t1_lib.c`, `ssl/statem/extensions_srvr.c`):
//! - TLS 1.2 ECDHE needs an elliptic group both sides list, taken in the
//!   deciding side's order; an ECDSA certificate's curve must be one the client
//!   lists. A suite whose key exchange cannot be done is skipped, as OpenSSL
//!   skips it, and the next suite is tried. DHE uses the server's own
//!   parameters: no group is negotiated.
//! - TLS 1.3: the first key share the client sent that the server supports
//!   wins; else the server asks again (HelloRetryRequest) for the first group
//!   both list, in the server's order; else the handshake fails. A server
//!   with OpenSSL 3.5's group tuples ([`Peer::group_tuples`]) decides tuple
//!   by tuple instead (`tls13_group_tuples`).
//! - Signatures: the first scheme in the deciding side's order that both
//!   list, that the version allows, that fits a server certificate (TLS 1.3
//!   ties ECDSA schemes to the certificate's curve) and that both security
//!   levels allow. A side that states no list does not restrict the choice.
//!
//! A GnuTLS 3.7 server ([`Stack::Gnutls`], `lib/ext/supported_groups.c`,
//! `lib/ext/key_share.c`, `lib/algorithms/ciphersuites.c`,
//! `lib/ext/signature.c`) differs: in TLS 1.3 it settles the group from
//! `supported_groups` (the deciding side's order) and asks again when the
//! client sent no share for that one; in TLS 1.2 DHE takes an RFC 7919 group
//! both list (a client that lists finite-field groups but none the server
//! has gets no DHE suite; one that lists none gets the server's own
//! parameters); it signs with the first scheme in the client's order, and
//! does not check an ECDSA certificate's curve against the client's groups;
//! its own DH parameters are the first finite-field group of its list. An
//! OpenSSL client facing it sends finite-field groups only in a hello that
//! offers TLS 1.3, and refuses a TLS 1.2 ECDSA certificate on a curve it does
//! not list ("wrong curve").

use crate::attrs::{GroupKind, HashAlgorithm, KeyExchange, Protocol, SignatureAlgorithm};
use crate::cert::{CertKey, KeyType, NamedCurve};
use crate::records::{Group, SignatureScheme};
use crate::stack::Stack;
use crate::suite::Suite;

use super::{Peer, Preference};

/// The first item, in the deciding side's order, that both sides list
/// (`None`: not stated, no restriction) and that passes `ok`; when neither
/// side states a list, the first of `fallback` that passes. No allocation.
fn pick<T, I>(
    pref: Preference,
    client: Option<&[&'static T]>,
    server: Option<&[&'static T]>,
    fallback: impl FnOnce() -> I,
    mut ok: impl FnMut(&'static T) -> bool,
) -> Option<&'static T>
where
    T: PartialEq + 'static,
    I: Iterator<Item = &'static T>,
{
    let (first, second) = match pref {
        Preference::Server => (server, client),
        Preference::Client => (client, server),
    };
    let listed = |l: Option<&[&'static T]>, x: &T| l.map_or(true, |l| l.contains(&x));
    let mut test = |x: &'static T| listed(first, x) && listed(second, x) && ok(x);
    match first.or(second) {
        Some(order) => order.iter().copied().find(|x| test(x)),
        None => fallback().find(|x| test(x)),
    }
}

/// Whether a group passes a side's security level.
fn group_allowed(peer: &Peer, g: &Group) -> bool {
    peer.security_level
        .map_or(true, |l| g.bits().map_or(true, |b| l.allows_bits(b)))
}

/// The group for a TLS 1.2 ECDHE key exchange, or `None` when none is shared.
/// `Some(None)`: neither side states groups (nothing to check or report).
pub(super) fn tls12_ecdhe_group(
    client: &Peer,
    server: &Peer,
    cert: Option<&CertKey>,
) -> Option<Option<&'static Group>> {
    // An ECDSA certificate's curve must be one the client lists (RFC 8422
    // 5.1); GnuTLS does not check it.
    if let (Some(cg), Some(c), false) = (&client.groups, cert, server.stack == Stack::Gnutls) {
        if c.key == KeyType::Ecdsa {
            if let Some(g) = c.curve.and_then(curve_group) {
                if !cg.contains(&g) || !group_allowed(client, g) {
                    return None;
                }
            }
        }
    }
    // A client whose groups are not stated is not checked on them, and no group
    // is reported for it: the server's first would be a guess (a catalogue
    // entry without groups is not known to support it).
    if client.groups.is_none() {
        return Some(None);
    }
    pick(
        server.preference,
        client.groups.as_deref(),
        server.groups.as_deref(),
        std::iter::empty,
        |g| {
            g.kind() == GroupKind::Elliptic
                && g.supports(Protocol::Tls12)
                && group_allowed(client, g)
                && group_allowed(server, g)
        },
    )
    .map(Some)
}

/// The outcome of the TLS 1.3 key-share step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KeyShare {
    /// The client states no groups (so nothing is checked or reported).
    NotStated,
    /// The group, and whether a HelloRetryRequest asked for it.
    Agreed(&'static Group, bool),
    /// No group both sides list.
    NoSharedGroup,
}

/// The TLS 1.3 key-share step.
pub(super) fn tls13_group(client: &Peer, server: &Peer) -> KeyShare {
    // As in TLS 1.2: without the client's groups, no group is checked or
    // reported.
    if client.groups.is_none() {
        return KeyShare::NotStated;
    }
    let usable = |g: &'static Group| {
        g.supports(Protocol::Tls13)
            && !g.is_grease()
            && group_allowed(client, g)
            && group_allowed(server, g)
            && client.groups.as_ref().map_or(true, |l| l.contains(&g))
            && server.groups.as_ref().map_or(true, |l| l.contains(&g))
    };
    if server.stack == Stack::Gnutls {
        // GnuTLS settles the group first, then looks for the client's share.
        let Some(g) = pick(
            server.preference,
            client.groups.as_deref(),
            server.groups.as_deref(),
            std::iter::empty,
            usable,
        ) else {
            return KeyShare::NoSharedGroup;
        };
        let shared = match (&client.key_shares, &client.groups) {
            (Some(ks), _) => ks.contains(&g),
            (None, Some(cg)) => cg
                .iter()
                .find(|x| x.supports(Protocol::Tls13) && !x.is_grease())
                .is_some_and(|x| *x == g),
            (None, None) => false,
        };
        return KeyShare::Agreed(g, !shared);
    }
    if let (Some(tuples), Some(groups)) = (&server.group_tuples, &server.groups) {
        return tls13_group_tuples(client, server, groups, tuples, usable);
    }
    // The shares the client sent: its stated key shares, else one for its
    // first TLS 1.3 group.
    let first_share = match (&client.key_shares, &client.groups) {
        (Some(ks), _) => ks.iter().copied().find(|g| usable(g)),
        (None, Some(cg)) => cg
            .iter()
            .copied()
            .find(|g| g.supports(Protocol::Tls13) && !g.is_grease() && group_allowed(client, g))
            .filter(|g| usable(g)),
        (None, None) => None,
    };
    if let Some(g) = first_share {
        return KeyShare::Agreed(g, false);
    }
    // The group to ask for: OpenSSL 3.0 takes the server's order here,
    // whatever the suite preference (seen in tests/negotiate_handshake.rs).
    let asked = pick(
        Preference::Server,
        client.groups.as_deref(),
        server.groups.as_deref(),
        std::iter::empty,
        usable,
    );
    match asked {
        Some(g) => KeyShare::Agreed(g, true),
        None => KeyShare::NoSharedGroup,
    }
}

/// The group of a GnuTLS 3.7 server's TLS 1.2 DHE key exchange: an RFC 7919
/// group both list, in the deciding side's order (`Some(Some(g))`); the
/// server's own parameters when the client lists no finite-field group
/// (`Some(None)`); `None` when it lists some but none the server has.
pub(super) fn tls12_dhe_group(client: &Peer, server: &Peer) -> Option<Option<&'static Group>> {
    let ffdhe = |g: &Group| g.kind() == GroupKind::FiniteField;
    // OpenSSL 3.0 sends its finite-field groups only in a hello that offers
    // TLS 1.3 (tests/negotiate_gnutls_priorities.rs, s_client -tls1_2).
    let sends_ffdhe = client.stack == Stack::Gnutls || client.versions.contains(Protocol::Tls13);
    let client_lists = sends_ffdhe
        && client
            .groups
            .as_ref()
            .is_some_and(|l| l.iter().any(|g| ffdhe(g)));
    if !client_lists {
        return Some(None);
    }
    pick(
        server.preference,
        client.groups.as_deref(),
        server.groups.as_deref(),
        std::iter::empty,
        |g| ffdhe(g) && group_allowed(client, g) && group_allowed(server, g),
    )
    .map(Some)
}

/// Whether an OpenSSL client's TLS 1.2 hello carries no `supported_groups`
/// at all: it lists only finite-field groups, which OpenSSL 3.0 sends only
/// with TLS 1.3. A GnuTLS server then assumes secp256r1 for ECDHE, which the
/// client refuses ("wrong curve").
pub(super) fn openssl_hello_without_groups(client: &Peer) -> bool {
    client.stack != Stack::Gnutls
        && !client.versions.contains(Protocol::Tls13)
        && client
            .groups
            .as_ref()
            .is_some_and(|l| !l.is_empty() && l.iter().all(|g| g.kind() == GroupKind::FiniteField))
}

/// Whether an OpenSSL client refuses the server's ECDSA certificate in TLS
/// 1.2 because its curve is not among the client's groups ("wrong curve"):
/// an OpenSSL server skips such a suite, a GnuTLS server picks it and the
/// handshake fails.
pub(super) fn client_refuses_curve(client: &Peer, cert: &CertKey) -> bool {
    if client.stack == Stack::Gnutls || cert.key != KeyType::Ecdsa {
        return false;
    }
    match (&client.groups, cert.curve.and_then(curve_group)) {
        (Some(cg), Some(g)) => !cg.contains(&g),
        _ => false,
    }
}

/// Whether a side lists a finite-field group (a side that states no groups
/// is taken to have them).
pub(super) fn lists_ffdhe(peer: &Peer) -> bool {
    peer.groups.as_ref().map_or(true, |l| {
        l.iter().any(|g| g.kind() == GroupKind::FiniteField)
    })
}

/// OpenSSL 3.5's TLS 1.3 group choice (`tls_parse_ctos_key_share` in
/// `ssl/statem/extensions_srvr.c`): the server's tuples are tried in order;
/// in the first that holds a key share the client sent, that share is taken
/// (the first such in the deciding side's order); in the first that holds
/// none but a group the client lists, a HelloRetryRequest asks for it (again
/// in the deciding side's order); a tuple with neither is passed over.
fn tls13_group_tuples(
    client: &Peer,
    server: &Peer,
    groups: &[&'static Group],
    tuples: &[usize],
    usable: impl Fn(&'static Group) -> bool,
) -> KeyShare {
    // The shares the client sent: its stated key shares (those its own
    // level allows), else one for its first TLS 1.3 group.
    let client_ok = |g: &'static Group| {
        g.supports(Protocol::Tls13) && !g.is_grease() && group_allowed(client, g)
    };
    let one_share;
    let shares: &[&'static Group] = match (&client.key_shares, &client.groups) {
        (Some(ks), _) => ks,
        (None, Some(cg)) => {
            one_share = cg.iter().copied().find(|g| client_ok(g));
            one_share.as_slice()
        }
        (None, None) => &[],
    };
    let offered: &[&'static Group] = client.groups.as_deref().unwrap_or(groups);
    let mut start = 0;
    for &size in tuples {
        let tuple = groups.get(start..start + size).unwrap_or(&[]);
        start += size;
        let in_tuple = |g: &&'static Group| tuple.contains(g) && usable(g) && client_ok(g);
        // In the deciding side's order: the tuple's own, or the client's list.
        let first_of = |list: &[&'static Group]| match server.preference {
            Preference::Server => tuple
                .iter()
                .copied()
                .find(|g| list.contains(g) && in_tuple(g)),
            Preference::Client => list.iter().copied().find(|g| in_tuple(g)),
        };
        if let Some(g) = first_of(shares) {
            return KeyShare::Agreed(g, false);
        }
        if let Some(g) = first_of(offered) {
            return KeyShare::Agreed(g, true);
        }
    }
    KeyShare::NoSharedGroup
}

/// The `supported_groups` code of a certificate's named curve.
fn curve_group(c: NamedCurve) -> Option<&'static Group> {
    let code = match c {
        NamedCurve::P192 => 0x0013,
        NamedCurve::P224 => 0x0015,
        NamedCurve::Secp256k1 => 0x0016,
        NamedCurve::P256 => 0x0017,
        NamedCurve::P384 => 0x0018,
        NamedCurve::P521 => 0x0019,
        NamedCurve::BrainpoolP256r1 => 0x001A,
        NamedCurve::BrainpoolP384r1 => 0x001B,
        NamedCurve::BrainpoolP512r1 => 0x001C,
        _ => return None,
    };
    Group::from_code(code)
}

/// Whether the server signs the handshake with its certificate in a TLS 1.2
/// (or older) handshake on `suite`: ephemeral key exchange, certificate authentication.
pub(super) fn server_signs(suite: &Suite) -> bool {
    use crate::attrs::Authentication as A;
    matches!(suite.kex(), KeyExchange::Dhe | KeyExchange::Ecdhe)
        && matches!(suite.auth(), A::Rsa | A::Ecdsa | A::Dss)
}

/// Whether scheme `s` can sign with `cert` in `version`.
pub(super) fn fits(s: &SignatureScheme, cert: &CertKey, version: Protocol) -> bool {
    if !s.supports(version) || s.is_grease() {
        return false;
    }
    let tls13 = version == Protocol::Tls13;
    match s.algorithm() {
        SignatureAlgorithm::RsaPkcs1 => cert.key == KeyType::Rsa && !tls13,
        SignatureAlgorithm::RsaPssRsae => cert.key == KeyType::Rsa,
        SignatureAlgorithm::RsaPssPss => cert.key == KeyType::RsaPss,
        SignatureAlgorithm::Ecdsa => {
            cert.key == KeyType::Ecdsa
                && (!tls13
                    || match (s.curve(), cert.curve.and_then(curve_group)) {
                        (Some(want), Some(have)) => want == have,
                        (None, _) => false,
                        (Some(_), None) => true,
                    })
        }
        SignatureAlgorithm::EdDsa => match cert.key {
            KeyType::Ed25519 => s.code() == 0x0807,
            KeyType::Ed448 => s.code() == 0x0808,
            _ => false,
        },
        SignatureAlgorithm::Dsa => cert.key == KeyType::Dsa && !tls13,
        _ => false,
    }
}

/// Whether a side's security level lets scheme `s` through.
fn sigalg_allowed(peer: &Peer, s: &SignatureScheme) -> bool {
    let Some(level) = peer.security_level else {
        return true;
    };
    if matches!(s.hash(), Some(HashAlgorithm::Sha1 | HashAlgorithm::Md5)) {
        return level.allows_sha1_signatures();
    }
    s.bits().map_or(true, |b| level.allows_bits(b))
}

/// Whether `peer` uses scheme `s` in `version` ([`Peer::sigalg_versions`]).
fn uses_in(peer: &Peer, s: &SignatureScheme, version: Protocol) -> bool {
    peer.sigalg_versions
        .iter()
        .find(|(code, _)| *code == s.code())
        .map_or(true, |(_, versions)| versions.contains(version))
}

/// The schemes a client that sent no `signature_algorithms` accepts in TLS
/// 1.2 (RFC 5246 7.4.1.4.1): SHA-1 with the certificate's algorithm.
fn tls12_absent_default(s: &SignatureScheme) -> bool {
    matches!(s.code(), 0x0201..=0x0203)
}

/// The scheme the server signs with, and which of the server's certificates
/// (index into `certs`, among those `usable` lets through) it uses: the first
/// scheme in the deciding order that fits one of them. The scheme is `None`
/// (not reported) when neither side states a list. No allocation.
pub(super) fn choose_sigalg(
    client: &Peer,
    server: &Peer,
    certs: &[CertKey],
    usable: impl Fn(usize, &CertKey) -> bool,
    version: Protocol,
) -> Option<(Option<&'static SignatureScheme>, usize)> {
    let absent = matches!(&client.sigalgs, Some(v) if v.is_empty());
    if absent && version == Protocol::Tls13 {
        return None;
    }
    let client_list = client.sigalgs.as_deref().filter(|_| !absent);
    let stated = client.sigalgs.is_some() || server.sigalgs.is_some();
    let mut cert = None;
    // GnuTLS goes through the client's list whatever the suite order.
    let order = if server.stack == Stack::Gnutls {
        Preference::Client
    } else {
        server.preference
    };
    let chosen = pick(
        order,
        client_list,
        server.sigalgs.as_deref(),
        || SignatureScheme::all().iter(),
        |s| {
            if (absent && !tls12_absent_default(s))
                || !sigalg_allowed(client, s)
                || !sigalg_allowed(server, s)
                || !uses_in(server, s, version)
            {
                return false;
            }
            cert = certs
                .iter()
                .enumerate()
                .position(|(i, c)| usable(i, c) && fits(s, c, version));
            cert.is_some()
        },
    )?;
    // The client checks the scheme the server chose against its own forms.
    if !uses_in(client, chosen, version) {
        return None;
    }
    Some((stated.then_some(chosen), cert?))
}

/// Whether a client's signature schemes can verify the server's signature on
/// `suite` in TLS 1.2: an OpenSSL client leaves out the suites whose
/// authentication none of its schemes covers (RSA: PKCS#1 or PSS; ECDSA:
/// ECDSA or EdDSA; DSS: DSA), and then may have none left to offer.
pub(super) fn client_can_verify(client: &Peer, suite: &Suite) -> bool {
    use crate::attrs::Authentication as A;
    let Some(list) = client.sigalgs.as_ref().filter(|l| !l.is_empty()) else {
        return true;
    };
    // A GnuTLS client offers its suites whatever its signature schemes.
    if client.stack == Stack::Gnutls {
        return true;
    }
    if suite.is_tls13() {
        return true;
    }
    let covers = |algs: &[SignatureAlgorithm]| {
        list.iter()
            .any(|s| algs.contains(&s.algorithm()) && sigalg_allowed(client, s))
    };
    match suite.auth() {
        A::Rsa => covers(&[
            SignatureAlgorithm::RsaPkcs1,
            SignatureAlgorithm::RsaPssRsae,
            SignatureAlgorithm::RsaPssPss,
        ]),
        A::Ecdsa => covers(&[SignatureAlgorithm::Ecdsa, SignatureAlgorithm::EdDsa]),
        A::Dss => covers(&[SignatureAlgorithm::Dsa]),
        _ => true,
    }
}

/// Whether some scheme both sides list (a side that states none, or a client
/// without the extension, lists all) fits `cert` in TLS 1.2: OpenSSL 3.0 does
/// not use a certificate without one, whatever the key exchange.
pub(super) fn shared_sigalg_fits(client: &Peer, server: &Peer, cert: &CertKey) -> bool {
    // Walk a stated list (the client's first) rather than the whole registry:
    // this runs for every candidate TLS 1.2 suite.
    let c = client.sigalgs.as_deref().filter(|l| !l.is_empty());
    let s = server.sigalgs.as_deref().filter(|l| !l.is_empty());
    let listed = |l: Option<&[&'static SignatureScheme]>, x: &SignatureScheme| {
        l.map_or(true, |l| l.iter().any(|y| y.code() == x.code()))
    };
    let ok = |x: &SignatureScheme| fits(x, cert, Protocol::Tls12) && listed(c, x) && listed(s, x);
    match c.or(s) {
        Some(list) => list.iter().any(|x| ok(x)),
        None => SignatureScheme::all().iter().any(ok),
    }
}
