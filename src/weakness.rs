//! Known weaknesses of cipher suites: typed values with a stable id, a
//! one-line explanation, a severity and a reference, and the rules that
//! find them in a suite's attributes.

use std::fmt;
use std::str::FromStr;

use crate::attrs::{Cipher, KeyExchange, Mac, Mode, Origin, Protocol, Recommended};
use crate::suite::Suite;
use crate::tables;

/// How much a weakness matters on its own.
///
/// Ordered from least to most serious: `Info < Weak < Insecure`.
///
/// ```
/// use cipherdex::{Severity, Weakness};
/// assert_eq!(Weakness::Rc4.severity(), Severity::Insecure);
/// assert!(Severity::Insecure > Severity::Weak);
/// assert_eq!("weak".parse::<Severity>(), Ok(Severity::Weak));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Severity {
    /// Worth knowing, but no reason by itself to avoid the suite
    /// (a national cipher, the HTTP/2 block list, no IANA recommendation).
    Info,
    /// Deprecated or theoretically broken: the IETF says SHOULD NOT, or a
    /// policy drops it; keep it only for old peers.
    Weak,
    /// Broken in practice, or the IETF says MUST NOT.
    Insecure,
}

impl Severity {
    /// Every severity, least serious first.
    pub const ALL: &'static [Severity] = &[Severity::Info, Severity::Weak, Severity::Insecure];

    /// The stable spelling: `info`, `weak`, `insecure`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Weak => "weak",
            Severity::Insecure => "insecure",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = WeaknessError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Severity::ALL
            .iter()
            .copied()
            .find(|v| v.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| WeaknessError {
                input: s.to_string(),
                expected: Severity::ALL.iter().map(|v| v.as_str()).collect(),
            })
    }
}

/// Error from parsing a [`Weakness`] id or a [`Severity`]: what was given
/// and what would have been accepted.
///
/// ```
/// let e = "rc5".parse::<cipherdex::Weakness>().unwrap_err();
/// assert!(e.to_string().contains("rc4"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeaknessError {
    input: String,
    expected: Vec<&'static str>,
}

impl fmt::Display for WeaknessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {:?} (expected one of: {})",
            self.input,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for WeaknessError {}

/// Declares the weakness catalogue: one record per weakness.
macro_rules! weaknesses {
    ($(
        $(#[$doc:meta])*
        $var:ident = $id:literal, $sev:ident, $year:expr, $refs:literal, $expl:literal;
    )+) => {
        /// A known weakness of a cipher suite.
        ///
        /// Each has a short stable [`id`](Weakness::id), a one-line
        /// [`explanation`](Weakness::explanation), a [`severity`](Weakness::severity)
        /// and a [`reference`](Weakness::reference) (RFC, CVE or paper).
        /// [`Suite::weaknesses`] finds them in a suite's attributes.
        ///
        /// ```
        /// use cipherdex::{Severity, Weakness};
        /// let w: Weakness = "sweet32".parse()?;
        /// assert_eq!(w, Weakness::Block64);
        /// assert_eq!(w.severity(), Severity::Weak);
        /// assert!(w.reference().contains("CVE-2016-2183"));
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Weakness {
            $( $(#[$doc])* $var, )+
        }

        impl Weakness {
            /// Every weakness, in catalogue order (most serious first).
            pub const ALL: &'static [Weakness] = &[ $( Weakness::$var, )+ ];

            /// The short stable id (`rc4`, `cbc`, `rsa-kex`), as used in JSON and on the command line.
            pub const fn id(self) -> &'static str {
                match self { $( Weakness::$var => $id, )+ }
            }

            /// One line saying what is wrong.
            pub const fn explanation(self) -> &'static str {
                match self { $( Weakness::$var => $expl, )+ }
            }

            /// How serious it is on its own.
            pub const fn severity(self) -> Severity {
                match self { $( Weakness::$var => Severity::$sev, )+ }
            }

            /// Where it is documented: RFCs, CVEs, papers, separated by `; `.
            pub const fn reference(self) -> &'static str {
                match self { $( Weakness::$var => $refs, )+ }
            }

            /// The year of the attack or deprecation cited, where one applies.
            pub const fn year(self) -> Option<u16> {
                match self { $( Weakness::$var => $year, )+ }
            }
        }
    };
}

weaknesses! {
    /// Not encrypted at all.
    NullEncryption = "null-encryption", Insecure, Some(2015),
        "RFC 9325 sec. 4.1 (MUST NOT); RFC 5246 App. A.5",
        "no encryption: records travel in clear text";
    /// TLS 1.3 integrity-only suites (`TLS_SHA256_SHA256`).
    IntegrityOnly = "integrity-only", Insecure, Some(2022),
        "RFC 9150; IANA Recommended = D (RFC 9847)",
        "TLS 1.3 integrity-only suite: authenticated but not encrypted, meant for special industrial uses";
    /// No server authentication.
    Anonymous = "anonymous", Insecure, Some(2008),
        "RFC 5246 App. A.5; RFC 4492 sec. 2.5; RFC 9325 sec. 4.1",
        "anonymous key exchange: the server is not authenticated, so any man in the middle can read and change the traffic";
    /// Export grade (40/56-bit keys, 512-bit key exchange).
    Export = "export", Insecure, Some(2015),
        "RFC 4346 App. A.5; FREAK CVE-2015-0204; Logjam CVE-2015-4000",
        "deliberately weakened 1990s export suite: keys short enough to break, and downgrade attacks use them";
    /// RC4.
    Rc4 = "rc4", Insecure, Some(2015),
        "RFC 7465; CVE-2013-2566; CVE-2015-2808",
        "RC4 keystream biases reveal plaintext; TLS forbids RC4 suites";
    /// Single DES (56-bit key).
    SingleDes = "single-des", Insecure, Some(2009),
        "RFC 5469; RFC 9325 sec. 4.1 (below 112 bits MUST NOT)",
        "single DES: a 56-bit key is cheap to brute-force; removed from TLS 1.2";
    /// Usable only in SSL 2.0, SSL 3.0, TLS 1.0 or TLS 1.1.
    LegacyProtocolOnly = "legacy-protocol-only", Insecure, Some(2021),
        "RFC 6176 (SSL 2.0); RFC 7568 (SSL 3.0); RFC 8996 (TLS 1.0 and 1.1)",
        "can be negotiated only in SSL 2.0, SSL 3.0, TLS 1.0 or TLS 1.1, which must no longer be used";
    /// 64-bit block cipher (SWEET32).
    Block64 = "sweet32", Weak, Some(2016),
        "CVE-2016-2183; Bhargavan and Leurent, ACM CCS 2016 (sweet32.info); RFC 9325 sec. 4.1",
        "64-bit block cipher (3DES, IDEA, DES, RC2, GOST 28147, Magma): block collisions leak plaintext in long connections";
    /// CBC mode with MAC-then-encrypt.
    Cbc = "cbc", Weak, Some(2013),
        "Lucky13 CVE-2013-0169; POODLE CVE-2014-3566; RFC 7366; RFC 9325 sec. 4.2",
        "CBC with MAC-then-encrypt: padding and timing oracles (Lucky13) keep reappearing; use only with Encrypt-then-MAC";
    /// HMAC-MD5 record MAC.
    Md5Mac = "md5-mac", Weak, Some(2011),
        "RFC 6151; RFC 9155",
        "HMAC-MD5 record MAC: MD5 is deprecated, and every MD5 suite is old";
    /// HMAC-SHA1 record MAC.
    Sha1Mac = "sha1-mac", Weak, Some(2017),
        "SHAttered (Stevens et al., CRYPTO 2017); RFC 9155; BSI TR-02102-2",
        "HMAC-SHA1 record MAC: not broken as an HMAC, but SHA-1 is retired and these are all legacy CBC or stream suites";
    /// RSA key transport.
    RsaKex = "rsa-kex", Weak, Some(2017),
        "RFC 9325 sec. 4.1 (SHOULD NOT); RFC 10015 (MUST NOT); ROBOT (Boeck, Somorovsky, Young, USENIX Security 2018); CVE-2017-13099",
        "static RSA key exchange: no forward secrecy, and PKCS#1 v1.5 decryption keeps yielding padding oracles (ROBOT)";
    /// Static (EC)DH from the certificate.
    StaticDh = "static-dh", Weak, Some(2020),
        "RFC 9325 sec. 4.1 (SHOULD NOT); RFC 10015; Raccoon CVE-2020-1968",
        "static DH or ECDH key from the certificate: no forward secrecy, and a reused secret invites side channels (Raccoon)";
    /// Finite-field DHE in TLS 1.2.
    Ffdhe = "ffdhe", Weak, Some(2022),
        "RFC 9325 sec. 4.1 (SHOULD NOT in TLS 1.2); RFC 10015 (MUST NOT); DHEat CVE-2002-20001, CVE-2022-40735; Logjam CVE-2015-4000",
        "finite-field DHE in TLS 1.2: the server picks a group the client cannot check, weak groups exist, and clients can force costly work (DHEat)";
    /// Other key exchanges without forward secrecy.
    NoForwardSecrecy = "no-forward-secrecy", Weak, None,
        "RFC 9325 sec. 4.1 (MUST prefer forward secrecy); RFC 9189 (GOST suites); RFC 2712 (Kerberos)",
        "no forward secrecy: stealing the long-term key later reveals recorded sessions";
    /// Plain pre-shared key.
    PskOnly = "psk-only", Weak, None,
        "RFC 4279; RFC 9325 sec. 4.1; BSI TR-02102-2 (TLS_PSK_* not recommended)",
        "pre-shared key alone: no forward secrecy, and security rests entirely on the key's entropy";
    /// SRP.
    Srp = "srp", Weak, None,
        "RFC 5054",
        "SRP password suites: defined only with CBC and HMAC-SHA1, rarely implemented and not for general use";
    /// CCM with an 8-byte tag.
    Ccm8 = "ccm8", Weak, Some(2012),
        "RFC 6655; RFC 7251; RFC 8446 sec. 9.1 (TLS_AES_128_CCM_8_SHA256 not recommended); NIST SP 800-52r2",
        "CCM_8: a 64-bit authentication tag gives less forgery resistance; meant for constrained devices";
    /// Not in the IANA registry.
    NonIana = "non-iana", Weak, None,
        "RFC 8447 (registry policy)",
        "code point not assigned by IANA (a draft, vendor or private code): no standard vouches for it and it may collide";
    /// IANA Recommended = D.
    IanaDiscouraged = "iana-discouraged", Weak, None,
        "RFC 9847",
        "IANA marks it D (discouraged): the IETF says it should not or must not be used";
    /// GOST or Chinese SM ciphers.
    NationalCipher = "national-cipher", Info, None,
        "RFC 9189; RFC 9367 (GOST); RFC 8998 (SM4); GM/T 0024",
        "national cipher (GOST or SM4): not evaluated by the IETF, and most policies leave it out";
    /// On the HTTP/2 block list.
    Http2Blocked = "http2-blocked", Info, Some(2015),
        "RFC 9113 App. A; RFC 7540 App. A",
        "on the HTTP/2 block list: an HTTP/2 peer may refuse the connection with INADEQUATE_SECURITY";
    /// IANA Recommended = N.
    IanaNotRecommended = "iana-not-recommended", Info, None,
        "RFC 8447; RFC 9847",
        "IANA does not mark it Recommended (N): the IETF has made no statement for it";
    /// A signalling value or GREASE, not a cipher suite.
    NotACipherSuite = "not-a-cipher-suite", Info, None,
        "RFC 5746 (renegotiation SCSV); RFC 7507 (fallback SCSV); RFC 8701 (GREASE)",
        "a signalling or GREASE value in the cipher suite list, not a cipher suite: nothing to rate";
}

impl fmt::Display for Weakness {
    /// The id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.id())
    }
}

impl FromStr for Weakness {
    type Err = WeaknessError;
    /// Parses an id (any case); `64-bit-block` and `lucky13` are accepted
    /// for `sweet32` and `cbc`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("64-bit-block") {
            return Ok(Weakness::Block64);
        }
        if s.eq_ignore_ascii_case("lucky13") {
            return Ok(Weakness::Cbc);
        }
        Weakness::ALL
            .iter()
            .copied()
            .find(|w| w.id().eq_ignore_ascii_case(s))
            .ok_or_else(|| WeaknessError {
                input: s.to_string(),
                expected: Weakness::ALL.iter().map(|w| w.id()).collect(),
            })
    }
}

/// A set of [`Weakness`]es (a bitset: `Copy`, no allocation), iterated
/// most serious first.
///
/// ```
/// use cipherdex::Weakness;
/// let s = cipherdex::lookup("DES-CBC3-SHA").unwrap();
/// let w = s.weaknesses();
/// assert!(w.contains(Weakness::Block64) && w.contains(Weakness::RsaKex));
/// assert_eq!(w.iter().next(), Some(Weakness::Block64));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Weaknesses(u32);

impl Weaknesses {
    /// The empty set.
    pub const EMPTY: Weaknesses = Weaknesses(0);

    /// True if `w` is in the set.
    pub const fn contains(self, w: Weakness) -> bool {
        self.0 & (1 << w as u32) != 0
    }

    /// The set with `w` added.
    #[must_use]
    pub const fn with(self, w: Weakness) -> Weaknesses {
        Weaknesses(self.0 | (1 << w as u32))
    }

    /// True if the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many weaknesses.
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The weaknesses, most serious first (then in catalogue order).
    pub fn iter(self) -> impl Iterator<Item = Weakness> {
        Severity::ALL.iter().rev().flat_map(move |sev| {
            Weakness::ALL
                .iter()
                .copied()
                .filter(move |w| w.severity() == *sev && self.contains(*w))
        })
    }

    /// The most serious severity in the set, or `None` if it is empty.
    pub fn max_severity(self) -> Option<Severity> {
        self.iter().next().map(Weakness::severity)
    }
}

impl fmt::Display for Weaknesses {
    /// The ids, comma-separated.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, w) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(w.id())?;
        }
        Ok(())
    }
}

/// True if `code` is on the HTTP/2 block list (RFC 9113 Appendix A).
pub(crate) fn http2_blocked(code: u32) -> bool {
    tables::HTTP2_SORTED.binary_search(&code).is_ok()
}

/// The weakness rules: every rule that looks at a suite's attributes is
/// here, and only here.
pub(crate) fn find(s: &Suite) -> Weaknesses {
    use Weakness as W;
    let mut w = Weaknesses::EMPTY;
    if s.is_signalling() {
        return w.with(W::NotACipherSuite);
    }
    let mut add = |cond: bool, x: Weakness| {
        if cond {
            w = w.with(x);
        }
    };
    let kex = s.kex();
    let cipher = s.cipher();
    let tls13 = s.is_tls13();

    // Confidentiality.
    add(
        s.is_null_encryption() && !(tls13 && kex == KeyExchange::Any),
        W::NullEncryption,
    );
    add(
        s.is_null_encryption() && tls13 && kex == KeyExchange::Any,
        W::IntegrityOnly,
    );
    add(s.is_export(), W::Export);
    add(cipher == Cipher::Rc4, W::Rc4);
    add(cipher == Cipher::Des, W::SingleDes);
    add(cipher.block_bits() == 64, W::Block64);
    add(s.mode() == Mode::Cbc, W::Cbc);
    add(s.mode() == Mode::Ccm8, W::Ccm8);
    add(s.mac() == Mac::Md5, W::Md5Mac);
    add(s.mac() == Mac::Sha1, W::Sha1Mac);

    // Protocol versions: nothing at TLS 1.2 or later.
    let p = s.protocols();
    let modern = p.contains(Protocol::Tls12)
        || p.contains(Protocol::Tls13)
        || p.contains(Protocol::Dtls12)
        || p.contains(Protocol::Dtls13);
    add(
        p != crate::attrs::Protocols::EMPTY && !modern,
        W::LegacyProtocolOnly,
    );

    // Key exchange and authentication.
    add(s.is_anonymous(), W::Anonymous);
    add(
        matches!(kex, KeyExchange::Rsa | KeyExchange::RsaPsk),
        W::RsaKex,
    );
    add(
        matches!(kex, KeyExchange::Dh | KeyExchange::Ecdh),
        W::StaticDh,
    );
    add(
        matches!(kex, KeyExchange::Dhe | KeyExchange::DhePsk),
        W::Ffdhe,
    );
    add(kex == KeyExchange::Psk, W::PskOnly);
    add(kex == KeyExchange::Srp, W::Srp);
    add(
        matches!(
            kex,
            KeyExchange::Krb5
                | KeyExchange::Fortezza
                | KeyExchange::Gost94
                | KeyExchange::Gost01
                | KeyExchange::Gost12
                | KeyExchange::Sm2
                | KeyExchange::Ibc
        ),
        W::NoForwardSecrecy,
    );
    add(
        matches!(
            cipher,
            Cipher::Gost89 | Cipher::Kuznyechik | Cipher::Magma | Cipher::Sm4 | Cipher::Sm1
        ),
        W::NationalCipher,
    );

    // Registries and lists.
    add(s.origin() == Origin::Unofficial, W::NonIana);
    add(
        s.iana_recommended() == Some(Recommended::Discouraged),
        W::IanaDiscouraged,
    );
    add(
        s.origin() == Origin::Iana && s.iana_recommended() == Some(Recommended::No),
        W::IanaNotRecommended,
    );
    add(http2_blocked(s.code()), W::Http2Blocked);
    w
}

impl Suite {
    /// Every known weakness of the suite, found from its attributes and
    /// the registries (see [`Weakness`] for the catalogue).
    ///
    /// ```
    /// use cipherdex::Weakness;
    /// let s = cipherdex::lookup("ECDHE-RSA-AES128-SHA").unwrap();
    /// let ids: Vec<_> = s.weaknesses().iter().map(|w| w.id()).collect();
    /// assert_eq!(ids, ["cbc", "sha1-mac", "http2-blocked", "iana-not-recommended"]);
    /// ```
    pub fn weaknesses(&self) -> Weaknesses {
        find(self)
    }
}
