//! Selecting suites by what they are made of: [`Filter`].

use crate::attrs::{Authentication, Cipher, KeyExchange, Mac, Mode, Protocol, Recommended};
use crate::policy::Policy;
use crate::rating::Level;
use crate::suite::Suite;
use crate::windows::Release;

/// A predicate over suites, built from criteria.
///
/// Within one criterion the values are alternatives (`kex(Ecdhe).kex(Dhe)`:
/// ECDHE or DHE); different criteria must all hold. A new filter matches
/// every suite, including signalling values and GREASE values.
///
/// ```
/// use cipherdex::{Filter, KeyExchange, Protocol, Suite};
///
/// let f = Filter::new()
///     .kex(KeyExchange::Ecdhe)
///     .protocol(Protocol::Tls12)
///     .aead(true);
/// let names: Vec<_> = f.apply(Suite::all()).map(|s| s.canonical_name()).collect();
/// assert!(names.contains(&"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
/// assert!(!names.contains(&"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    kex: Vec<KeyExchange>,
    auth: Vec<Authentication>,
    cipher: Vec<Cipher>,
    mode: Vec<Mode>,
    mac: Vec<Mac>,
    protocols: Vec<Protocol>,
    pfs: Option<bool>,
    aead: Option<bool>,
    export: Option<bool>,
    iana_recommended: Option<bool>,
    grease: Option<bool>,
    rating: Option<Level>,
    policy: Option<&'static Policy>,
    windows: Vec<Release>,
}

impl Filter {
    /// A filter that matches every suite.
    ///
    /// ```
    /// let all = cipherdex::Suite::all();
    /// assert_eq!(cipherdex::Filter::new().apply(all).count(), all.len());
    /// ```
    pub fn new() -> Filter {
        Filter::default()
    }

    /// Also accept suites with key exchange `k`.
    pub fn kex(mut self, k: KeyExchange) -> Filter {
        self.kex.push(k);
        self
    }

    /// Also accept suites with authentication `a`.
    pub fn auth(mut self, a: Authentication) -> Filter {
        self.auth.push(a);
        self
    }

    /// Also accept suites with bulk cipher `c`.
    pub fn cipher(mut self, c: Cipher) -> Filter {
        self.cipher.push(c);
        self
    }

    /// Also accept suites with cipher mode `m`.
    pub fn mode(mut self, m: Mode) -> Filter {
        self.mode.push(m);
        self
    }

    /// Also accept suites with record MAC `m`.
    pub fn mac(mut self, m: Mac) -> Filter {
        self.mac.push(m);
        self
    }

    /// Also accept suites negotiable in protocol version `p`.
    ///
    /// ```
    /// use cipherdex::{Filter, Protocol, Suite};
    /// let tls13: Vec<_> = Filter::new().protocol(Protocol::Tls13).apply(Suite::all()).collect();
    /// assert!(tls13.iter().all(|s| s.is_tls13()));
    /// assert!(tls13.iter().any(|s| s.canonical_name() == "TLS_AES_128_GCM_SHA256"));
    /// ```
    pub fn protocol(mut self, p: Protocol) -> Filter {
        self.protocols.push(p);
        self
    }

    /// Only suites with (`true`) or without (`false`) forward secrecy.
    pub fn pfs(mut self, yes: bool) -> Filter {
        self.pfs = Some(yes);
        self
    }

    /// Only AEAD suites (`true`) or only non-AEAD ones (`false`).
    pub fn aead(mut self, yes: bool) -> Filter {
        self.aead = Some(yes);
        self
    }

    /// Only export-grade suites (`true`) or only others (`false`).
    pub fn export(mut self, yes: bool) -> Filter {
        self.export = Some(yes);
        self
    }

    /// Only suites IANA marks Recommended `Y` (`true`), or only the others (`false`).
    pub fn iana_recommended(mut self, yes: bool) -> Filter {
        self.iana_recommended = Some(yes);
        self
    }

    /// Only GREASE values (`true`) or no GREASE values (`false`).
    ///
    /// ```
    /// use cipherdex::{Filter, Suite};
    /// assert!(Filter::new().grease(false).apply(Suite::all()).all(|s| !s.is_grease()));
    /// ```
    pub fn grease(mut self, yes: bool) -> Filter {
        self.grease = Some(yes);
        self
    }

    /// Only suites rated `level` or better (signalling and GREASE values,
    /// which are not rated, never match).
    ///
    /// ```
    /// use cipherdex::{Filter, Level, Suite};
    /// let good: Vec<_> = Filter::new().rating(Level::Secure).apply(Suite::all()).collect();
    /// assert!(good.iter().all(|s| s.rating().is_at_least(Level::Secure)));
    /// assert!(good.iter().any(|s| s.canonical_name() == "TLS_AES_128_GCM_SHA256"));
    /// ```
    pub fn rating(mut self, level: Level) -> Filter {
        self.rating = Some(level);
        self
    }

    /// Only suites the policy allows (signalling values never match).
    ///
    /// ```
    /// use cipherdex::{Filter, Policy, Suite};
    /// let p: &Policy = "mozilla-intermediate".parse()?;
    /// assert_eq!(Filter::new().policy(p).apply(Suite::all()).count(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn policy(mut self, policy: &'static Policy) -> Filter {
        self.policy = Some(policy);
        self
    }

    /// Also accept suites that Windows release `r` supports (enabled by
    /// default or not); for the default order use
    /// [`Release::enabled_suites`] as the input of [`Filter::apply`].
    ///
    /// ```
    /// use cipherdex::{Filter, Suite, windows::Release};
    /// let r = Release::find("server-2022").ok_or("no such release")?;
    /// let f = Filter::new().windows(r);
    /// assert!(f.matches(cipherdex::lookup("ECDHE-RSA-AES256-GCM-SHA384").ok_or("?")?));
    /// assert!(!f.matches(cipherdex::lookup("ECDHE-RSA-CHACHA20-POLY1305").ok_or("?")?));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn windows(mut self, r: Release) -> Filter {
        self.windows.push(r);
        self
    }

    /// True if `suite` meets every criterion.
    ///
    /// ```
    /// use cipherdex::{Filter, Cipher};
    /// let s = cipherdex::lookup("DES-CBC3-SHA").unwrap();
    /// assert!(Filter::new().cipher(Cipher::TripleDes).matches(s));
    /// assert!(!Filter::new().pfs(true).matches(s));
    /// ```
    pub fn matches(&self, suite: &Suite) -> bool {
        fn any<T: PartialEq>(wanted: &[T], v: T) -> bool {
            wanted.is_empty() || wanted.contains(&v)
        }
        fn flag(wanted: Option<bool>, v: bool) -> bool {
            match wanted {
                Some(w) => w == v,
                None => true,
            }
        }
        any(&self.kex, suite.kex())
            && any(&self.auth, suite.auth())
            && any(&self.cipher, suite.cipher())
            && any(&self.mode, suite.mode())
            && any(&self.mac, suite.mac())
            && (self.protocols.is_empty() || self.protocols.iter().any(|p| suite.supports(*p)))
            && flag(self.pfs, suite.has_forward_secrecy())
            && flag(self.aead, suite.is_aead())
            && flag(self.export, suite.is_export())
            && flag(
                self.iana_recommended,
                suite.iana_recommended() == Some(Recommended::Yes),
            )
            && flag(self.grease, suite.is_grease())
            && self.rating.map_or(true, |l| suite.rating().is_at_least(l))
            && self
                .policy
                .map_or(true, |p| !suite.is_signalling() && p.allows(suite))
            && (self.windows.is_empty()
                || self.windows.iter().any(|r| r.status(suite).is_supported()))
    }

    /// The suites of `suites` that match, in their order.
    pub fn apply<'a, I>(&'a self, suites: I) -> impl Iterator<Item = &'static Suite> + 'a
    where
        I: IntoIterator<Item = &'static Suite>,
        I::IntoIter: 'a,
    {
        suites.into_iter().filter(move |s| self.matches(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(f: &Filter) -> Vec<&'static str> {
        f.apply(Suite::all()).map(|s| s.canonical_name()).collect()
    }

    #[test]
    fn criteria_are_anded_values_ored() {
        let f = Filter::new()
            .kex(KeyExchange::Ecdhe)
            .kex(KeyExchange::Dhe)
            .auth(Authentication::Rsa)
            .mode(Mode::Gcm);
        let n = names(&f);
        assert!(n.contains(&"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        assert!(n.contains(&"TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"));
        assert!(!n.contains(&"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
        assert!(!n.contains(&"TLS_RSA_WITH_AES_128_GCM_SHA256"));
        for s in f.apply(Suite::all()) {
            assert!(matches!(s.kex(), KeyExchange::Ecdhe | KeyExchange::Dhe));
            assert_eq!(s.auth(), Authentication::Rsa);
            assert_eq!(s.mode(), Mode::Gcm);
        }
    }

    #[test]
    fn pfs_partitions() {
        let all = Suite::all().len();
        let yes = Filter::new().pfs(true).apply(Suite::all()).count();
        let no = Filter::new().pfs(false).apply(Suite::all()).count();
        assert_eq!(yes + no, all);
        assert!(yes > 0 && no > 0);
    }

    #[test]
    fn flags() {
        let exp = Filter::new().export(true);
        assert!(names(&exp).contains(&"TLS_RSA_EXPORT_WITH_RC4_40_MD5"));
        assert!(exp.apply(Suite::all()).all(|s| s.is_export()));
        let rec = Filter::new().iana_recommended(true);
        assert!(names(&rec).contains(&"TLS_AES_128_GCM_SHA256"));
        assert!(!names(&rec).contains(&"TLS_RSA_WITH_AES_128_CBC_SHA"));
        assert!(Filter::new()
            .aead(true)
            .apply(Suite::all())
            .all(|s| s.is_aead()));
        assert_eq!(
            Filter::new().grease(true).apply(Suite::all()).count(),
            16,
            "RFC 8701 reserves 16 GREASE cipher suite values"
        );
    }

    #[test]
    fn windows_support() {
        let r = Release::find("server-2012r2").unwrap();
        let f = Filter::new().windows(r);
        let supported: Vec<_> = f.apply(Suite::all()).collect();
        assert_eq!(supported.len(), r.supported_suites().len());
        assert!(supported.iter().all(|s| r.supported_suites().contains(s)));
        assert!(!names(&f).contains(&"TLS_AES_128_GCM_SHA256"));
    }

    #[test]
    fn protocol_tls10_excludes_gcm() {
        let f = Filter::new().protocol(Protocol::Tls10);
        assert!(f.apply(Suite::all()).all(|s| !s.is_aead()));
        assert!(names(&f).contains(&"TLS_RSA_WITH_AES_128_CBC_SHA"));
    }
}
