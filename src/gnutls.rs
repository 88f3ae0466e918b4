//! GnuTLS priority strings (`NORMAL:-VERS-TLS1.3:+ARCFOUR-128`), evaluated
//! as GnuTLS 3.7 does: the suites in GnuTLS's order, the protocol versions,
//! groups and signature algorithms a string enables, and the peer it makes
//! in a handshake ([`Priority::peer`]).
//!
//! The facts (keyword expansions, algorithm names, the suite table in
//! GnuTLS's order) come from GnuTLS 3.7.9's `lib/priority.c` and
//! `lib/algorithms/` through `data/gnutls-*.csv`. The rules, in the order
//! GnuTLS applies them:
//!
//! 1. The string is split at `:`. Unless it starts with `NONE`, it starts
//!    from every TLS and DTLS version, the default signature algorithms and
//!    groups, and X.509 certificates; the first keyword (`NORMAL`, `PFS`,
//!    `SECURE128`, ...) then sets the cipher, MAC, key-exchange, signature
//!    and group lists, and every later keyword adds what is missing to them.
//! 2. `+ITEM` adds at the end of its list, `-ITEM` and `!ITEM` remove;
//!    `-GROUP-ALL`, `-SIGN-ALL`, `-CIPHER-ALL`, `-MAC-ALL`, `-KX-ALL`,
//!    `-CURVE-ALL` and `-VERS-ALL` empty the whole list. A bare name is
//!    looked up as a MAC first, then a cipher, then a key exchange; the
//!    other kinds take prefixes (`VERS-`, `GROUP-`, `SIGN-`, `CTYPE-`,
//!    `COMP-`, the old `CURVE-`). `%FLAG`s are case-sensitive.
//! 3. The suites are every (key exchange, cipher, MAC) triple in the order
//!    of those lists, key exchange outermost, TLS 1.3 suites (no key
//!    exchange) first; GnuTLS takes the first entry of its own table that
//!    matches a triple.
//! 4. NULL ciphers, SRP, RSA-PSK or `%NO_EXTENSIONS` remove TLS 1.3; no
//!    usable signature algorithm removes TLS 1.2 and later; TLS 1.3 without
//!    any group, or TLS 1.3 with TLS 1.0/1.1 but without TLS 1.2, removes
//!    TLS 1.3. Only TLS 1.3 enabled: no key exchange is needed at all.
//! 5. The groups a handshake offers are the elliptic ones once an ECDHE
//!    suite is enabled and the finite-field ones once a DHE suite is (in the
//!    order the suites first need them), or both kinds for TLS 1.3.
//!
//! ```
//! use cipherdex::gnutls;
//! let p = gnutls::evaluate("NORMAL:-VERS-TLS1.3:-VERS-DTLS-ALL:-KX-ALL:+ECDHE-RSA")?;
//! assert_eq!(p.suites()[0].canonical_name(), "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
//! assert_eq!(p.version_names(), ["TLS1.2", "TLS1.1", "TLS1.0"]);
//! assert_eq!(p.groups()[0].iana_name(), "secp256r1");
//! assert!(gnutls::evaluate("NORMAL:+AES-512-CBC").is_err());
//! # Ok::<(), cipherdex::gnutls::PriorityError>(())
//! ```

use std::fmt;

use crate::attrs::{Protocol, Protocols};
use crate::negotiate::{CertChoice, Peer, Preference};
use crate::records::{
    GnutlsAlgorithm, GnutlsKeyword, GnutlsKind, GnutlsList, GnutlsSuite, Group, SignatureScheme,
};
use crate::stack::Stack;
use crate::suite::Suite;
use crate::tables::{GNUTLS_ALGORITHMS, GNUTLS_KEYWORDS, GNUTLS_LISTS, GNUTLS_SUITES};

/// The GnuTLS release whose rules this module follows (for messages).
pub const RELEASE: &str = crate::tables::GNUTLS_RELEASE;

/// The `%` flags GnuTLS 3.7 knows (`lib/priority_options.gperf`), spelled as
/// it requires (upper case).
pub const FLAGS: &[&str] = &[
    "COMPAT",
    "DUMBFW",
    "NO_EXTENSIONS",
    "NO_TICKETS",
    "NO_TICKETS_TLS12",
    "NO_ETM",
    "FORCE_ETM",
    "NO_SESSION_HASH",
    "STATELESS_COMPRESSION",
    "VERIFY_ALLOW_BROKEN",
    "VERIFY_ALLOW_SIGN_RSA_MD5",
    "VERIFY_ALLOW_SIGN_WITH_SHA1",
    "VERIFY_DISABLE_CRL_CHECKS",
    "SSL3_RECORD_VERSION",
    "LATEST_RECORD_VERSION",
    "VERIFY_ALLOW_X509_V1_CA_CRT",
    "UNSAFE_RENEGOTIATION",
    "SAFE_RENEGOTIATION",
    "PARTIAL_RENEGOTIATION",
    "DISABLE_SAFE_RENEGOTIATION",
    "FALLBACK_SCSV",
    "DISABLE_WILDCARDS",
    "SERVER_PRECEDENCE",
    "PROFILE_VERY_WEAK",
    "PROFILE_LOW",
    "PROFILE_LEGACY",
    "PROFILE_MEDIUM",
    "PROFILE_HIGH",
    "PROFILE_ULTRA",
    "PROFILE_FUTURE",
    "PROFILE_SUITEB128",
    "PROFILE_SUITEB192",
    "NEW_PADDING",
    "DEBUG_ALLOW_KEY_USAGE_VIOLATIONS",
    "ALLOW_SMALL_RECORDS",
    "DISABLE_TLS13_COMPAT_MODE",
];

/// An algorithm: its index in `GNUTLS_ALGORITHMS`.
type Id = u16;

fn alg(id: Id) -> &'static GnutlsAlgorithm {
    &GNUTLS_ALGORITHMS[usize::from(id)]
}

/// The algorithm of `kind` called `name` (case-insensitive, as GnuTLS).
fn by_name(kind: GnutlsKind, name: &str) -> Option<Id> {
    GNUTLS_ALGORITHMS
        .iter()
        .position(|a| a.kind == kind && a.name.eq_ignore_ascii_case(name))
        .and_then(|i| Id::try_from(i).ok())
}

fn list(name: &str) -> &'static [Id] {
    GNUTLS_LISTS
        .iter()
        .find(|l: &&GnutlsList| l.name == name)
        .map_or(&[], |l| l.items)
}

fn keyword(name: &str) -> Option<&'static GnutlsKeyword> {
    GNUTLS_KEYWORDS.iter().find(|k| {
        k.name.eq_ignore_ascii_case(name) || k.alias.is_some_and(|a| a.eq_ignore_ascii_case(name))
    })
}

/// `+` appends what is missing, `-` removes one.
fn add(list: &mut Vec<Id>, id: Id) {
    if !list.contains(&id) {
        list.push(id);
    }
}

fn remove(list: &mut Vec<Id>, id: Id) {
    if let Some(i) = list.iter().position(|x| *x == id) {
        list.remove(i);
    }
}

fn add_all(list: &mut Vec<Id>, items: &[Id]) {
    for i in items {
        add(list, *i);
    }
}

/// True if `item` starts with `prefix`, ignoring case (GnuTLS compares only
/// the prefix's length, so `VERS-TLS-ALLX` is `VERS-TLS-ALL`).
fn starts(item: &str, prefix: &str) -> bool {
    item.len() >= prefix.len()
        && item.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// A priority string evaluated: what GnuTLS 3.7 enables, in its order.
///
/// ```
/// let p = cipherdex::gnutls::evaluate("NORMAL:%SERVER_PRECEDENCE")?;
/// assert!(p.server_precedence());
/// assert_eq!(p.tls13_suites()[0].canonical_name(), "TLS_AES_256_GCM_SHA384");
/// # Ok::<(), cipherdex::gnutls::PriorityError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Priority {
    input: String,
    protocols: Vec<Id>,
    ciphers: Vec<Id>,
    macs: Vec<Id>,
    kx: Vec<Id>,
    signs: Vec<Id>,
    groups: Vec<Id>,
    suites: Vec<&'static GnutlsSuite>,
    effective_groups: Vec<Id>,
    effective_signs: Vec<Id>,
    flags: Vec<&'static str>,
    warnings: Vec<String>,
    /// Whether a keyword has been applied yet.
    keyword_seen: bool,
    /// The smallest DH prime accepted from a server: the lowest of the
    /// keywords' (`None` as soon as one keyword has none).
    dh_min_bits: Option<u16>,
}

/// Evaluate `priority` as GnuTLS 3.7's `gnutls_priority_init` does.
///
/// # Errors
/// [`PriorityError`] for an item GnuTLS rejects (with its position and
/// what would be right), `@SYSTEM`-style strings (they need the machine's
/// configuration file), GOST items and curves that are no TLS group (not
/// modelled), and a string that leaves no version or no suite ("No or
/// insufficient priorities were set", as GnuTLS says).
pub fn evaluate(priority: &str) -> Result<Priority, PriorityError> {
    let err = |index: usize, item: &str, kind: PriorityErrorKind| PriorityError {
        input: priority.to_owned(),
        index,
        item: item.to_owned(),
        kind,
    };
    let trimmed = priority.trim_start();
    if trimmed.starts_with('@') {
        return Err(err(0, trimmed, PriorityErrorKind::System));
    }
    // GnuTLS skips the spaces after each colon, nothing else.
    let items: Vec<&str> = trimmed
        .split(':')
        .enumerate()
        .map(|(i, s)| if i == 0 { s } else { s.trim_start_matches(' ') })
        .collect();
    let mut p = Priority {
        input: priority.to_owned(),
        protocols: Vec::new(),
        ciphers: Vec::new(),
        macs: Vec::new(),
        kx: Vec::new(),
        signs: Vec::new(),
        groups: Vec::new(),
        suites: Vec::new(),
        effective_groups: Vec::new(),
        effective_signs: Vec::new(),
        flags: Vec::new(),
        warnings: Vec::new(),
        keyword_seen: false,
        dh_min_bits: None,
    };
    let mut keyword_set;
    let start;
    if items[0].eq_ignore_ascii_case("NONE") {
        keyword_set = true;
        start = 1;
    } else {
        p.protocols = list("protocol").to_vec();
        p.signs = list("sign_default").to_vec();
        p.groups = list("groups_normal").to_vec();
        keyword_set = false;
        start = 0;
    }
    for (index, item) in items.iter().enumerate().skip(start) {
        if let Some(k) = keyword(item) {
            p.apply_keyword(k, keyword_set);
            keyword_set = true;
            continue;
        }
        let Some(op) = item.chars().next() else {
            return Err(err(index, item, PriorityErrorKind::Unknown));
        };
        match op {
            '+' | '-' | '!' => p
                .apply_item(op == '+', &item[1..])
                .map_err(|kind| err(index, item, kind))?,
            '%' => match FLAGS.iter().find(|f| **f == &item[1..]) {
                Some(f) => p.flags.push(f),
                None => return Err(err(index, item, PriorityErrorKind::UnknownFlag)),
            },
            _ => return Err(err(index, item, PriorityErrorKind::Unknown)),
        }
    }
    p.build()
        .map_err(|()| err(items.len(), "", PriorityErrorKind::Insufficient))?;
    Ok(p)
}

impl Priority {
    fn apply_keyword(&mut self, k: &GnutlsKeyword, add: bool) {
        // GnuTLS keeps the lowest security level of the keywords given
        // (`SECURE192:NORMAL` takes 2048-bit DH, measured with gnutls-cli 3.7.9).
        self.dh_min_bits = match (self.keyword_seen, self.dh_min_bits, k.dh_min_bits) {
            (false, _, floor) => floor,
            (true, Some(a), Some(b)) => Some(a.min(b)),
            _ => None,
        };
        self.keyword_seen = true;
        let lists: [(&mut Vec<Id>, u16); 5] = [
            (&mut self.ciphers, k.ciphers),
            (&mut self.kx, k.kx),
            (&mut self.macs, k.macs),
            (&mut self.signs, k.signs),
            (&mut self.groups, k.groups),
        ];
        let apply = |to: &mut Vec<Id>, from: u16| {
            let items = GNUTLS_LISTS[usize::from(from)].items;
            if add {
                add_all(to, items);
            } else {
                *to = items.to_vec();
            }
        };
        if let Some(pr) = k.protocols {
            apply(&mut self.protocols, pr);
        }
        for (to, from) in lists {
            apply(to, from);
        }
    }

    /// One `+NAME` (`plus`) or `-NAME`/`!NAME` item, without its sign.
    fn apply_item(&mut self, plus: bool, name: &str) -> Result<(), PriorityErrorKind> {
        let one = |to: &mut Vec<Id>, id: Id| {
            if plus {
                add(to, id);
            } else {
                remove(to, id);
            }
        };
        // `-X-ALL` empties the list; `+X-ALL` adds the default list.
        let bulk = |to: &mut Vec<Id>, items: &[Id]| {
            if plus {
                add_all(to, items);
            } else {
                to.clear();
            }
        };
        // `-GROUP-EC-ALL` removes just those.
        let given = |to: &mut Vec<Id>, items: &[Id]| {
            for i in items {
                one(to, *i);
            }
        };
        if plus {
            if let Some(k) = keyword(name) {
                self.apply_keyword(k, true);
                return Ok(());
            }
        }
        if let Some(id) = by_name(GnutlsKind::Mac, name).filter(|i| alg(*i).available) {
            one(&mut self.macs, id);
        } else if let Some(id) = by_name(GnutlsKind::Cipher, name) {
            if alg(id).available {
                one(&mut self.ciphers, id);
            } else {
                self.warnings.push(format!(
                    "{name}: a GnuTLS cipher this build does not have; ignored"
                ));
            }
        } else if let Some(id) = by_name(GnutlsKind::Kx, name) {
            if alg(id).class == "invalid" {
                self.warnings
                    .push(format!("{name}: no longer supported by GnuTLS; ignored"));
            } else {
                one(&mut self.kx, id);
            }
        } else if starts(name, "VERS-") {
            if starts(name, "VERS-TLS-ALL") {
                given(&mut self.protocols, list("stream_protocol"));
            } else if starts(name, "VERS-DTLS-ALL") {
                given(
                    &mut self.protocols,
                    list(if plus {
                        "dtls_protocol"
                    } else {
                        "dgram_protocol"
                    }),
                );
            } else if starts(name, "VERS-ALL") {
                bulk(&mut self.protocols, list("protocol"));
            } else {
                let id =
                    by_name(GnutlsKind::Version, &name[5..]).ok_or(PriorityErrorKind::Version)?;
                one(&mut self.protocols, id);
            }
        } else if starts(name, "COMP-") {
            // GnuTLS ignores compression methods.
        } else if starts(name, "CURVE-") {
            if starts(name, "CURVE-ALL") {
                bulk(&mut self.groups, list("groups_normal"));
            } else {
                let curve =
                    by_name(GnutlsKind::Curve, &name[6..]).ok_or(PriorityErrorKind::Curve)?;
                let group = alg(curve)
                    .code
                    .and_then(|c| {
                        GNUTLS_ALGORITHMS
                            .iter()
                            .position(|a| a.kind == GnutlsKind::Group && a.code == Some(c))
                    })
                    .and_then(|i| Id::try_from(i).ok())
                    .ok_or(PriorityErrorKind::NotModelled)?;
                one(&mut self.groups, group);
            }
        } else if starts(name, "GROUP-") {
            if starts(name, "GROUP-ALL") {
                bulk(&mut self.groups, list("groups_normal"));
            } else if starts(name, "GROUP-DH-ALL") {
                given(&mut self.groups, list("groups_dh"));
            } else if starts(name, "GROUP-EC-ALL") {
                given(&mut self.groups, list("groups_ecdh"));
            } else if starts(name, "GROUP-GOST-ALL") {
                return Err(PriorityErrorKind::NotModelled);
            } else {
                let id = by_name(GnutlsKind::Group, &name[6..]).ok_or(PriorityErrorKind::Group)?;
                one(&mut self.groups, id);
            }
        } else if starts(name, "CTYPE-") {
            // Certificate types do not change which suite is chosen; the
            // names are checked all the same.
            let rest = &name[6..];
            let rest = if starts(rest, "CLI-") || starts(rest, "SRV-") {
                &rest[4..]
            } else {
                rest
            };
            let known = starts(rest, "ALL")
                || by_name(GnutlsKind::Ctype, rest).is_some()
                || starts(name, "CTYPE-OPENPGP");
            if !known {
                return Err(PriorityErrorKind::Ctype);
            }
        } else if starts(name, "SIGN-") {
            if starts(name, "SIGN-ALL") {
                bulk(&mut self.signs, list("sign_default"));
            } else if starts(name, "SIGN-GOST-ALL") {
                return Err(PriorityErrorKind::NotModelled);
            } else {
                let id = by_name(GnutlsKind::Sign, &name[5..])
                    .filter(|i| alg(*i).available)
                    .ok_or(PriorityErrorKind::Sign)?;
                one(&mut self.signs, id);
            }
        } else if starts(name, "MAC-") {
            if starts(name, "MAC-ALL") {
                bulk(&mut self.macs, list("mac_normal"));
            } else if starts(name, "MAC-GOST-ALL") {
                return Err(PriorityErrorKind::NotModelled);
            } else {
                self.warnings
                    .push(format!("{name}: not a GnuTLS list; GnuTLS ignores it"));
            }
        } else if starts(name, "CIPHER-") {
            if starts(name, "CIPHER-ALL") {
                bulk(&mut self.ciphers, list("cipher_normal"));
            } else if starts(name, "CIPHER-GOST-ALL") {
                return Err(PriorityErrorKind::NotModelled);
            } else {
                self.warnings
                    .push(format!("{name}: not a GnuTLS list; GnuTLS ignores it"));
            }
        } else if starts(name, "KX-") {
            if starts(name, "KX-ALL") {
                bulk(&mut self.kx, list("kx_secure"));
            } else if starts(name, "KX-GOST-ALL") {
                return Err(PriorityErrorKind::NotModelled);
            } else {
                self.warnings
                    .push(format!("{name}: not a GnuTLS list; GnuTLS ignores it"));
            }
        } else if starts(name, "GOST") {
            return Err(PriorityErrorKind::NotModelled);
        } else {
            return Err(PriorityErrorKind::Unknown);
        }
        Ok(())
    }

    /// GnuTLS's `set_ciphersuite_list`: the consistency rules and the suites.
    fn build(&mut self) -> Result<(), ()> {
        let kx_is = |names: &[&str]| {
            self.kx
                .iter()
                .any(|k| names.iter().any(|n| alg(*k).name == *n))
        };
        let have_null = self.ciphers.iter().any(|c| alg(*c).name == "NULL");
        let have_srp = kx_is(&["SRP", "SRP-RSA", "SRP-DSS"]);
        let have_psk = kx_is(&["PSK", "DHE-PSK", "ECDHE-PSK"]);
        let have_rsa_psk = kx_is(&["RSA-PSK"]);
        self.protocols.retain(|v| alg(*v).available);
        if have_null || have_srp || have_rsa_psk || self.has_flag("NO_EXTENSIONS") {
            self.protocols.retain(|v| alg(*v).class != "tls13");
        }
        let stream: Vec<Id> = self
            .protocols
            .iter()
            .copied()
            .filter(|v| alg(*v).class != "dtls")
            .collect();
        let has_dtls = self.protocols.iter().any(|v| alg(*v).class == "dtls");
        let have_tls13 = stream.iter().any(|v| alg(*v).class == "tls13");
        let have_tls12 = stream.iter().any(|v| alg(*v).name == "TLS1.2");
        let have_pre_tls12 = stream
            .iter()
            .any(|v| alg(*v).class == "tls" && alg(*v).name != "TLS1.2");
        let pre12_semantics = self.protocols.iter().any(|v| alg(*v).class != "tls13");
        if stream.is_empty() && !has_dtls {
            return Err(());
        }
        let tls_min = stream.iter().min().copied();
        let tls_max = stream.iter().max().copied();
        if tls_min.is_some_and(|v| alg(v).class == "tls13") && !have_psk && !has_dtls {
            self.kx.clear();
        }
        let mut have_ec = false;
        let mut have_dh = false;
        for c in &self.ciphers {
            for m in &self.macs {
                if let Some(s) = suite_for(None, *c, *m) {
                    self.suites.push(s);
                }
            }
        }
        let (ciphers, macs) = (self.ciphers.clone(), self.macs.clone());
        for k in self.kx.clone() {
            for c in &ciphers {
                for m in &macs {
                    let Some(s) = suite_for(Some(k), *c, *m) else {
                        continue;
                    };
                    self.suites.push(s);
                    let name = alg(k).name;
                    if !have_ec
                        && matches!(
                            name,
                            "ECDHE-RSA" | "ECDHE-ECDSA" | "ANON-ECDH" | "ECDHE-PSK" | "VKO-GOST-12"
                        )
                    {
                        have_ec = true;
                        self.add_groups(false);
                    }
                    if !have_dh && matches!(name, "DHE-RSA" | "DHE-DSS" | "ANON-DH" | "DHE-PSK") {
                        have_dh = true;
                        self.add_groups(true);
                    }
                }
            }
        }
        if have_tls13 && (!have_ec || !have_dh) {
            for g in self.groups.clone() {
                let dh = alg(g).class == "dh";
                if !dh && !have_ec {
                    self.add_groups(false);
                    have_ec = true;
                } else if dh && !have_dh {
                    self.add_groups(true);
                    have_dh = true;
                }
                if have_ec && have_dh {
                    break;
                }
            }
        }
        self.effective_signs = self
            .signs
            .iter()
            .copied()
            .filter(|s| match alg(*s).class {
                "both" => true,
                "tls12" => pre12_semantics,
                "tls13" => have_tls13,
                _ => false,
            })
            .collect();
        if self.effective_signs.is_empty() {
            // Without signature algorithms TLS 1.2 and DTLS 1.2 go.
            self.protocols
                .retain(|v| !matches!(alg(*v).name, "TLS1.2" | "TLS1.3" | "DTLS1.2"));
        }
        if self.protocols.is_empty() || self.suites.is_empty() {
            return Err(());
        }
        let tls13_max = tls_max.is_some_and(|v| alg(v).class == "tls13");
        if (!have_psk && tls13_max && self.effective_groups.is_empty())
            || (!have_tls12 && have_pre_tls12 && have_tls13)
        {
            self.protocols.retain(|v| alg(*v).class != "tls13");
        }
        Ok(())
    }

    /// GnuTLS's `add_ec`/`add_dh`: the enabled groups of one kind, in order.
    fn add_groups(&mut self, dh: bool) {
        for g in &self.groups {
            if (alg(*g).class == "dh") == dh {
                self.effective_groups.push(*g);
            }
        }
    }

    fn has_flag(&self, flag: &str) -> bool {
        self.flags.contains(&flag)
    }

    /// The priority string as given.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The suites in GnuTLS's order, as `gnutls-cli --list --priority`
    /// prints them: those some enabled TLS (or DTLS) version can use.
    pub fn suites(&self) -> Vec<&'static Suite> {
        let rank = |class: &str| {
            self.protocols
                .iter()
                .copied()
                .filter(|v| (alg(*v).class == "dtls") == (class == "dtls"))
                .max()
        };
        let (tls, dtls) = (rank("tls"), rank("dtls"));
        self.suites
            .iter()
            .filter(|s| {
                tls.is_some_and(|t| t >= s.min_tls)
                    || matches!((dtls, s.min_dtls), (Some(d), Some(m)) if d >= m)
            })
            .filter_map(|s| Suite::from_code(u32::from(s.code)))
            .collect()
    }

    /// The TLS 1.3 suites of [`Priority::suites`], in order.
    pub fn tls13_suites(&self) -> Vec<&'static Suite> {
        self.suites().into_iter().filter(|s| s.is_tls13()).collect()
    }

    /// The protocol versions in GnuTLS's spelling and order (`TLS1.3`,
    /// `DTLS1.2`), as the listing's `Protocols:` line has them.
    pub fn version_names(&self) -> Vec<&'static str> {
        self.protocols.iter().map(|v| alg(*v).name).collect()
    }

    /// The TLS versions enabled (DTLS left out).
    pub fn versions(&self) -> Protocols {
        self.protocols
            .iter()
            .filter_map(|v| match alg(*v).name {
                "TLS1.0" => Some(Protocol::Tls10),
                "TLS1.1" => Some(Protocol::Tls11),
                "TLS1.2" => Some(Protocol::Tls12),
                "TLS1.3" => Some(Protocol::Tls13),
                _ => None,
            })
            .fold(Protocols::EMPTY, Protocols::with)
    }

    fn names(ids: &[Id]) -> Vec<&'static str> {
        ids.iter().map(|i| alg(*i).name).collect()
    }

    /// The cipher list (`Ciphers:` of the listing).
    pub fn cipher_names(&self) -> Vec<&'static str> {
        Self::names(&self.ciphers)
    }

    /// The MAC list (`MACs:`).
    pub fn mac_names(&self) -> Vec<&'static str> {
        Self::names(&self.macs)
    }

    /// The key-exchange list (`Key Exchange Algorithms:`; empty when only
    /// TLS 1.3 is enabled).
    pub fn kx_names(&self) -> Vec<&'static str> {
        Self::names(&self.kx)
    }

    /// The group list as configured (`Groups:` of the listing, without
    /// `GROUP-`); [`Priority::groups`] has what a handshake offers.
    pub fn group_names(&self) -> Vec<&'static str> {
        Self::names(&self.groups)
    }

    /// The signature-algorithm list as configured (`PK-signatures:`, without
    /// `SIGN-`); [`Priority::sigalgs`] has what a handshake offers.
    pub fn sign_names(&self) -> Vec<&'static str> {
        Self::names(&self.signs)
    }

    /// The `%` flags given, in order.
    pub fn flags(&self) -> &[&'static str] {
        &self.flags
    }

    /// Items GnuTLS accepts and ignores (`+MAC-FOO`, a cipher the build lacks).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// True with `%SERVER_PRECEDENCE`: a server then follows its own order,
    /// otherwise the client's.
    pub fn server_precedence(&self) -> bool {
        self.has_flag("SERVER_PRECEDENCE")
    }

    /// The groups a handshake offers (`supported_groups`), in order: the
    /// elliptic ones if an ECDHE suite (or TLS 1.3) is enabled, the
    /// finite-field ones if a DHE suite (or TLS 1.3) is.
    pub fn groups(&self) -> Vec<&'static Group> {
        self.effective_groups
            .iter()
            .filter_map(|g| alg(*g).code.and_then(Group::from_code))
            .collect()
    }

    /// The TLS 1.3 key shares a GnuTLS client sends: one for each of the
    /// first two groups of different kinds (NIST curves, X25519/X448,
    /// finite-field) among [`Priority::groups`].
    pub fn key_shares(&self) -> Vec<&'static Group> {
        let kind = |g: Id| match alg(g).class {
            "ecx" => "ecx",
            c => c,
        };
        let mut kinds: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        for g in &self.effective_groups {
            if kinds.contains(&kind(*g)) {
                continue;
            }
            if let Some(group) = alg(*g).code.and_then(Group::from_code) {
                kinds.push(kind(*g));
                out.push(group);
                if out.len() == 2 {
                    break;
                }
            }
        }
        out
    }

    /// The signature schemes a handshake offers (`signature_algorithms`),
    /// in order, each once: those of the configured list that the enabled
    /// versions can use.
    pub fn sigalgs(&self) -> Vec<&'static SignatureScheme> {
        let mut out: Vec<&'static SignatureScheme> = Vec::new();
        for s in &self.effective_signs {
            if let Some(scheme) = alg(*s).code.and_then(SignatureScheme::from_code) {
                if !out.iter().any(|o| std::ptr::eq(*o, scheme)) {
                    out.push(scheme);
                }
            }
        }
        out
    }

    /// The smallest DH prime (bits) a client with this priority string
    /// accepts in a `ServerKeyExchange`, where it is above GnuTLS's lowest:
    /// 3072 for `SECURE192`/`SECURE256` (its security level), `None` for the
    /// other keywords and as soon as one of them is in the string (GnuTLS
    /// keeps the lowest level). `%PROFILE_*` flags are not modelled.
    ///
    /// ```
    /// use cipherdex::gnutls::evaluate;
    /// assert_eq!(evaluate("SECURE256")?.dh_min_bits(), Some(3072));
    /// assert_eq!(evaluate("SECURE192:+NORMAL")?.dh_min_bits(), None);
    /// assert_eq!(evaluate("NORMAL")?.dh_min_bits(), None);
    /// # Ok::<(), cipherdex::gnutls::PriorityError>(())
    /// ```
    pub fn dh_min_bits(&self) -> Option<u16> {
        self.dh_min_bits
    }

    /// The schemes of [`Priority::sigalgs`] usable in some versions only
    /// ([`Peer::sigalg_versions`]): an ECDSA code point whose TLS 1.2 form
    /// (`SIGN-ECDSA-SHA256`, any curve) or TLS 1.3 form
    /// (`SIGN-ECDSA-SECP256R1-SHA256`) alone is enabled.
    ///
    /// ```
    /// use cipherdex::gnutls::evaluate;
    /// let p = evaluate("NORMAL:-SIGN-ALL:+SIGN-ECDSA-SHA256:+SIGN-RSA-PSS-RSAE-SHA256")?;
    /// let only: Vec<(u16, String)> =
    ///     p.sigalg_versions().iter().map(|(c, v)| (*c, v.to_string())).collect();
    /// assert_eq!(only, [(0x0403, "SSL3 TLS1.0 TLS1.1 TLS1.2".to_string())]);
    /// assert!(evaluate("NORMAL")?.sigalg_versions().is_empty());
    /// # Ok::<(), cipherdex::gnutls::PriorityError>(())
    /// ```
    pub fn sigalg_versions(&self) -> Vec<(u16, Protocols)> {
        // code, TLS 1.2 form present, TLS 1.3 form present
        let mut forms: Vec<(u16, bool, bool)> = Vec::new();
        for s in &self.effective_signs {
            let a = alg(*s);
            let Some(code) = a.code else { continue };
            let (tls12, tls13) = match a.class {
                "tls12" => (true, false),
                "tls13" => (false, true),
                _ => (true, true),
            };
            match forms.iter_mut().find(|f| f.0 == code) {
                Some(f) => {
                    f.1 |= tls12;
                    f.2 |= tls13;
                }
                None => forms.push((code, tls12, tls13)),
            }
        }
        let before13 = [
            Protocol::Ssl3,
            Protocol::Tls10,
            Protocol::Tls11,
            Protocol::Tls12,
        ]
        .into_iter()
        .fold(Protocols::EMPTY, Protocols::with);
        forms
            .into_iter()
            .filter(|f| !(f.1 && f.2))
            .map(|(code, tls12, _)| {
                let versions = if tls12 {
                    before13
                } else {
                    Protocols::EMPTY.with(Protocol::Tls13)
                };
                (code, versions)
            })
            .collect()
    }

    /// This priority string as one side of a handshake: its suites,
    /// versions, groups, key shares (a client's) and signature schemes;
    /// a server follows the client's order unless `%SERVER_PRECEDENCE`.
    /// The certificates are [`Peer::new`]'s (one RSA key): a priority
    /// string does not name them.
    pub fn peer(&self) -> Peer {
        let suites = self.suites();
        let mut peer = Peer::new();
        peer.tls13_suites = suites.iter().copied().filter(|s| s.is_tls13()).collect();
        peer.tls12_suites = suites.into_iter().filter(|s| !s.is_tls13()).collect();
        peer.versions = self.versions();
        peer.preference = if self.server_precedence() {
            Preference::Server
        } else {
            Preference::Client
        };
        peer.refuse_without_max_version_suites = false;
        peer.groups = Some(self.groups());
        peer.key_shares = Some(self.key_shares());
        peer.sigalgs = Some(self.sigalgs());
        peer.sigalg_versions = self.sigalg_versions();
        peer.security_level = None;
        // As a client, it refuses a server's DH prime below its level's.
        peer.key_floors.dh = self.dh_min_bits;
        peer.stack = Stack::Gnutls;
        peer.name = Some(format!("{RELEASE} \"{}\"", self.input));
        // A GnuTLS server takes the first of its certificates that fits
        // (tests/cert_choice.rs).
        peer.cert_choice = CertChoice::InOrder;
        peer
    }
}

/// The first entry of GnuTLS's table for (key exchange, cipher, MAC).
fn suite_for(kx: Option<Id>, cipher: Id, mac: Id) -> Option<&'static GnutlsSuite> {
    GNUTLS_SUITES
        .iter()
        .find(|s| s.kx == kx && s.cipher == cipher && s.mac == mac)
}

/// What was wrong with a priority string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PriorityErrorKind {
    /// Not a keyword, algorithm or prefixed item GnuTLS knows.
    Unknown,
    /// `%FLAG` that GnuTLS does not know (flags are upper case).
    UnknownFlag,
    /// `VERS-X` with an unknown version.
    Version,
    /// `GROUP-X` with an unknown group.
    Group,
    /// `CURVE-X` with an unknown curve.
    Curve,
    /// `SIGN-X` with an unknown signature algorithm.
    Sign,
    /// `CTYPE-X` with an unknown certificate type.
    Ctype,
    /// `@KEYWORD`: resolved from the machine's GnuTLS configuration file.
    System,
    /// Valid for GnuTLS, but cipherdex does not model it (GOST, curves that
    /// are no TLS group).
    NotModelled,
    /// Nothing is left: no protocol version or no suite.
    Insufficient,
}

/// A priority string GnuTLS 3.7 would reject, or that cipherdex cannot model.
///
/// ```
/// let e = cipherdex::gnutls::evaluate("NORMAL:+VERS-TLS1.4").unwrap_err();
/// assert_eq!(e.kind(), cipherdex::gnutls::PriorityErrorKind::Version);
/// assert!(e.to_string().contains("VERS-TLS1.3"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorityError {
    input: String,
    index: usize,
    item: String,
    kind: PriorityErrorKind,
}

impl PriorityError {
    /// What was wrong.
    pub fn kind(&self) -> PriorityErrorKind {
        self.kind
    }

    /// The item at fault (empty for [`PriorityErrorKind::Insufficient`]).
    pub fn item(&self) -> &str {
        &self.item
    }

    /// Its position among the `:`-separated items, from 0.
    pub fn index(&self) -> usize {
        self.index
    }
}

fn names_of(kind: GnutlsKind, prefix: &str) -> String {
    let v: Vec<String> = GNUTLS_ALGORITHMS
        .iter()
        .filter(|a| a.kind == kind && a.available && a.class != "none")
        .map(|a| format!("{prefix}{}", a.name))
        .collect();
    v.join(", ")
}

impl fmt::Display for PriorityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let item = &self.item;
        let bare = item.trim_start_matches(['+', '-', '!', '%']);
        match self.kind {
            PriorityErrorKind::Unknown => {
                let keywords: Vec<&str> = GNUTLS_KEYWORDS.iter().map(|k| k.name).collect();
                write!(
                    f,
                    "GnuTLS priority item {} {item:?} is unknown: expected a keyword (NONE, {}), \
                     +, - or ! and an algorithm (AES-128-GCM, SHA256, ECDHE-RSA, VERS-TLS1.2, \
                     GROUP-X25519, SIGN-RSA-SHA256, ...) or a %FLAG",
                    self.index + 1,
                    keywords.join(", ")
                )?;
                let mut close: Vec<&str> = GNUTLS_ALGORITHMS
                    .iter()
                    .filter(|a| {
                        matches!(a.kind, GnutlsKind::Cipher | GnutlsKind::Mac | GnutlsKind::Kx)
                            && a.available
                            && strsim_close(a.name, bare)
                    })
                    .map(|a| a.name)
                    .collect();
                close.truncate(3);
                if !close.is_empty() {
                    write!(f, " (did you mean {}?)", close.join(", "))?;
                }
                Ok(())
            }
            PriorityErrorKind::UnknownFlag => write!(
                f,
                "GnuTLS flag {item:?} is unknown; flags are upper case: %{}",
                FLAGS.join(", %")
            ),
            PriorityErrorKind::Version => write!(
                f,
                "{item:?}: unknown protocol version; {RELEASE} knows VERS-TLS1.0, VERS-TLS1.1, \
                 VERS-TLS1.2, VERS-TLS1.3, VERS-DTLS1.0, VERS-DTLS1.2 and VERS-ALL, \
                 VERS-TLS-ALL, VERS-DTLS-ALL"
            ),
            PriorityErrorKind::Group => write!(
                f,
                "{item:?}: unknown group; expected GROUP-ALL, GROUP-EC-ALL, GROUP-DH-ALL or one of {}",
                names_of(GnutlsKind::Group, "GROUP-")
            ),
            PriorityErrorKind::Curve => write!(
                f,
                "{item:?}: unknown curve; CURVE- is the old form of GROUP-: use one of {}",
                names_of(GnutlsKind::Group, "GROUP-")
            ),
            PriorityErrorKind::Sign => write!(
                f,
                "{item:?}: unknown signature algorithm; expected SIGN-ALL or one of {}",
                names_of(GnutlsKind::Sign, "SIGN-")
            ),
            PriorityErrorKind::Ctype => write!(
                f,
                "{item:?}: unknown certificate type; expected CTYPE-ALL, CTYPE-X509 or \
                 CTYPE-RAWPK (optionally CTYPE-CLI-... or CTYPE-SRV-...)"
            ),
            PriorityErrorKind::System => write!(
                f,
                "{item:?}: @KEYWORD strings are read from the machine's GnuTLS configuration \
                 file (/etc/gnutls/config), which cipherdex does not read; give the priority \
                 string it stands for instead (for example NORMAL)"
            ),
            PriorityErrorKind::NotModelled => write!(
                f,
                "{item:?} is valid for GnuTLS but cipherdex does not model it (GOST algorithms \
                 and curves that are no TLS group); leave it out"
            ),
            PriorityErrorKind::Insufficient => write!(
                f,
                "GnuTLS priority string {:?} leaves no protocol version or no cipher suite \
                 (GnuTLS: \"No or insufficient priorities were set\"); start from NORMAL, or \
                 after NONE add a version (+VERS-TLS1.2), a cipher (+AES-128-GCM), a MAC \
                 (+AEAD), a key exchange (+ECDHE-RSA) and signatures (+SIGN-ALL)",
                self.input
            ),
        }
    }
}

impl std::error::Error for PriorityError {}

/// Close enough to suggest: same letters but one edit, or a prefix.
fn strsim_close(name: &str, input: &str) -> bool {
    !input.is_empty()
        && (crate::distance::levenshtein(&name.to_ascii_lowercase(), &input.to_ascii_lowercase())
            <= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_is_what_gnutls_lists() {
        let p = evaluate("NORMAL").unwrap();
        let names: Vec<&str> = p.suites().iter().map(|s| s.canonical_name()).collect();
        assert_eq!(names.len(), 29);
        assert_eq!(names[0], "TLS_AES_256_GCM_SHA384");
        assert_eq!(names[4], "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        assert_eq!(
            p.version_names(),
            ["TLS1.3", "TLS1.2", "TLS1.1", "TLS1.0", "DTLS1.2", "DTLS1.0"]
        );
        let shares: Vec<&str> = p.key_shares().iter().map(|g| g.iana_name()).collect();
        assert_eq!(shares, ["secp256r1", "x25519"]);
        assert!(!p.server_precedence());
    }

    #[test]
    fn errors_name_the_item() {
        let e = evaluate("NORMAL:+AES-129-GCM").unwrap_err();
        assert_eq!((e.kind(), e.index()), (PriorityErrorKind::Unknown, 1));
        assert!(e.to_string().contains("AES-128-GCM"), "{e}");
        assert_eq!(
            evaluate("NORMAL:%server_precedence").unwrap_err().kind(),
            PriorityErrorKind::UnknownFlag
        );
        assert_eq!(
            evaluate("@SYSTEM").unwrap_err().kind(),
            PriorityErrorKind::System
        );
        assert_eq!(
            evaluate("NONE:+VERS-TLS1.2").unwrap_err().kind(),
            PriorityErrorKind::Insufficient
        );
    }

    #[test]
    fn tls13_only_needs_no_key_exchange() {
        let p = evaluate("NORMAL:-VERS-ALL:+VERS-TLS1.3").unwrap();
        assert!(p.kx_names().is_empty());
        assert!(p.suites().iter().all(|s| s.is_tls13()));
    }
}
