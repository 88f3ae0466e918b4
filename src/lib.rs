/*!
Every TLS cipher suite by every name it has ever had.

cipherdex knows each cipher suite code point (IANA's registry, drafts,
vendor and national suites, SSL 2.0 kinds, signalling values and GREASE) and
every name it has had in IANA, OpenSSL (current and historical), GnuTLS, NSS,
Java, Go, Windows SChannel, Mbed TLS, wolfSSL, Wireshark, nmap and
testssl.sh, with what each suite is made of. All of it is compiled from the
tables in `data/` at build time into static arrays and perfect-hash maps:
nothing is initialised at run time and lookups do not allocate.

With default features it depends on no crate. Features: `suggest` ("did you
mean" close names in errors, from strsim's edit distances), `serde`
(`Serialize`, and `Deserialize` for what a user sends back), `x509`
(reading certificate files) and `rustls` (conversions to and from rustls's
`CipherSuite`).

# Find a suite: by name, code or constant

```
use cipherdex::{suites, Suite};

let a = cipherdex::lookup("ecdhe-rsa-aes128-gcm-sha256").ok_or("unknown suite")?;
let b: &Suite = "0xC0,0x2F".parse()?; // any name or code, any case
let c = <&Suite>::try_from(0xC02Fu16)?;
assert!(a == b && b == c && c == suites::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
// Suites hash and sort by code.
let set: std::collections::HashSet<&Suite> = [a, b, c].into_iter().collect();
assert_eq!(set.len(), 1);
# Ok::<(), Box<dyn std::error::Error>>(())
```

# Convert: what is this suite called elsewhere?

```
use cipherdex::Scheme;

// sslscan prints OpenSSL names; Windows and Wireshark speak IANA names.
let suite = cipherdex::lookup("ECDHE-ECDSA-AES256-SHA").ok_or("unknown suite")?;
assert_eq!(suite.name(Scheme::Iana), Some("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"));
assert_eq!(suite.name(Scheme::GnuTls), Some("TLS_ECDHE_ECDSA_AES_256_CBC_SHA1"));
assert_eq!(suite.code_hex().to_string(), "0xC00A");
# Ok::<(), Box<dyn std::error::Error>>(())
```

# Classify: what is it made of, and how good is it?

```
use cipherdex::{Authentication, Cipher, KeyExchange, Level, Mode, Protocol, Weakness};

let suite = cipherdex::lookup("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA").ok_or("unknown")?;
assert_eq!(suite.kex(), KeyExchange::Ecdhe);
assert_eq!(suite.auth(), Authentication::Ecdsa); // needs an ECDSA certificate
assert_eq!((suite.cipher(), suite.cipher_bits(), suite.mode()), (Cipher::Aes, 256, Mode::Cbc));
assert!(suite.has_forward_secrecy() && !suite.is_aead());
assert!(suite.supports(Protocol::Tls10) && !suite.supports(Protocol::Tls13));

let des = cipherdex::lookup("DES-CBC3-SHA").ok_or("unknown")?;
assert_eq!(des.rating().level(), Some(Level::Weak));
assert!(des.weaknesses().contains(Weakness::Block64)); // Sweet32
# Ok::<(), Box<dyn std::error::Error>>(())
```

# Explain: what does this TLS error mean?

```
use cipherdex::explain::{explain, Stack};

// A line of a curl run, and the SChannel status a .NET client logged.
let found = explain("curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number")?;
assert_eq!(found[0].stack, Some(Stack::Curl));
assert_eq!(found[1].name, "wrong version number");
assert_eq!(found[1].causes[0].id(), "not_tls"); // plain HTTP on the port, a proxy...
let found = explain("0x80090331")?;
assert_eq!(found[0].name, "SEC_E_ALGORITHM_MISMATCH");
assert!(found[0].causes[0].command().starts_with("cipherdex negotiate"));
# Ok::<(), Box<dyn std::error::Error>>(())
```

# Rate against a policy

```
use cipherdex::Policy;

let policy: &Policy = "mozilla-intermediate".parse()?; // the newest version
let suites = ["ECDHE-RSA-AES128-GCM-SHA256", "AES128-SHA"].map(cipherdex::lookup);
let verdict = policy.audit(suites.into_iter().flatten());
assert_eq!((verdict.allowed_count(), verdict.denied_count()), (1, 1));
for (suite, v) in verdict.denied() {
    // Each reason is typed (`policy::Reason`) and displays as one sentence.
    println!("{suite}: {}", v.reasons[0]);
}
# Ok::<(), Box<dyn std::error::Error>>(())
```

# Certificate fit: can this certificate serve that suite?

```
use cipherdex::cert::{fits, CertKey, KeyType, NamedCurve};
use cipherdex::Protocol;

let suite = cipherdex::lookup("ECDHE-ECDSA-AES128-GCM-SHA256").ok_or("unknown")?;
let rsa: CertKey = "rsa".parse()?;
let fit = fits(suite, &rsa, Protocol::Tls12);
assert!(!fit.ok);
assert!(fit.to_string().contains("ECDSA"));
let ec = CertKey::new(KeyType::Ecdsa).with_curve(NamedCurve::P256);
assert!(fits(suite, &ec, Protocol::Tls12).ok);
// `cert::check` answers the same without allocating; with feature `x509`,
// `CertKey::from_pem_or_der` reads a certificate file.
# Ok::<(), Box<dyn std::error::Error>>(())
```

# Negotiate: what would these two agree on?

```
use cipherdex::negotiate::{negotiate, parse_versions, FailureKind, Peer};

let client = Peer::from_names(["ECDHE-RSA-AES128-GCM-SHA256", "AES128-SHA"])?;
let mut server = Peer::from_names(["AES128-SHA"])?;
server.versions = parse_versions("1.2")?;
let n = negotiate(&client, &server);
assert_eq!(n.suite().map(|s| s.code()), Some(0x002F));

let mut old_client = client.clone();
old_client.versions = parse_versions("1.0")?;
let failure = negotiate(&old_client, &server).outcome.unwrap_err();
assert_eq!(failure.kind, FailureKind::NoCommonVersion);
println!("{failure}"); // what failed, and what to change
# Ok::<(), Box<dyn std::error::Error>>(())
```

# Simulate: which clients of the catalogue reach this server?

```
use cipherdex::clients;
use cipherdex::negotiate::{parse_versions, Peer};
use cipherdex::simulate::{changes, simulate};

let everyone = clients::select("*")?;
let mut server = Peer::from_names(["ECDHE-RSA-AES128-GCM-SHA256", "AES128-SHA"])?;
server.versions = parse_versions("1.0-1.2")?;
let before = simulate(&server, &everyone);
assert!(before.iter().any(|o| o.is_ok()));

// Who breaks if TLS 1.0 and 1.1 go?
server.versions = parse_versions("1.2")?;
let after = simulate(&server, &everyone);
for change in changes(&before, &after) {
    println!("{}: {}", change.client().id(), change.after.why().unwrap_or_default());
}
# Ok::<(), Box<dyn std::error::Error>>(())
```

# Read a scanner report

```
use cipherdex::Protocol;

let sslscan = "\
Accepted  TLSv1.2  128 bits  ECDHE-RSA-AES128-GCM-SHA256   Curve 25519 DHE 253
Accepted  TLSv1.2  128 bits  AES128-SHA
";
let format = cipherdex::input::detect(sslscan);
let report = cipherdex::input::report(format, sslscan)?;
let suites = report.suites_in(Protocol::Tls12);
assert_eq!(suites.len(), 2);
assert!(suites.iter().any(|s| !s.has_forward_secrecy()));
# Ok::<(), Box<dyn std::error::Error>>(())
```

# Data policy and versions

The tables follow their sources (IANA's registry, the projects' own
tables, Microsoft's documentation); `data/README.md` names each source with
its version and date. A minor release may change data (new suites and
names, corrected attributes, new policy versions); it does not change the
API in an incompatible way. Public structs and enums that may grow are
`#[non_exhaustive]`. [`DATA_VERSION`] names the data set.
*/

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod attrs;
mod audit;
mod card;
pub mod cause;
pub mod cert;
pub mod clients;
pub mod defaults;
mod distance;
pub mod explain;
mod filter;
pub mod gnutls;
mod group;
pub mod groups;
pub mod hello;
pub mod input;
mod lookup;
mod name_hash;
pub mod negotiate;
pub mod openssl;
pub mod policy;
pub mod profile;
mod rating;
mod records;
mod registry;
#[cfg(feature = "rustls")]
mod rustls_impls;
#[cfg(feature = "serde")]
mod serde;
mod sigalg;
pub mod sigalgs;
pub mod simulate;
mod stack;
mod suite;
pub mod suites;
mod tables;
pub mod verify;
mod weakness;
pub mod windows;

pub use attrs::{
    AttributeError, Authentication, Cipher, Curve, GroupKind, HashAlgorithm, KeyExchange, Mac,
    Mode, NameKind, Origin, Prf, Protocol, Protocols, Recommended, Scheme, SignatureAlgorithm,
};
pub use audit::{Audit, Graded};
pub use card::Card;
pub use filter::Filter;
pub use group::Group;
pub use lookup::{lookup, lookup_all, parse_code, suggest, UnknownNameError};
pub use policy::{Policy, PolicyError, Verdict};
pub use rating::{Level, LevelError, Rating};
pub use registry::{
    Registry, RegistryListError, RegistryListErrorKind, RegistryListItem, RegistryNameError,
};
pub use sigalg::SignatureScheme;
pub use suite::{Alias, CodeHex, Suite, UnknownCodeError};
pub use weakness::{Severity, Weakness, WeaknessError, Weaknesses};

/// The data set compiled in: the month the sources in `data/` were gathered
/// (from `data/meta.csv`).
///
/// ```
/// assert_eq!(cipherdex::DATA_VERSION.len(), "2026-11".len());
/// ```
pub const DATA_VERSION: &str = tables::DATA_VERSION;
