/*!
Every TLS cipher suite by every name it has ever had.

cipherdex knows each cipher suite code point (IANA's registry, drafts,
vendor and national suites, SSL 2.0 kinds, signalling values and GREASE) and
every name it has had in IANA, OpenSSL (current and historical), GnuTLS, NSS,
Java, Go, Windows SChannel, Mbed TLS, wolfSSL, Wireshark, nmap and
testssl.sh, with what each suite is made of. All of it is compiled from the
tables in `data/` at build time into static arrays and perfect-hash maps:
nothing is initialised at run time and lookups do not allocate.

# Example: what is this suite called elsewhere?

```
use cipherdex::Scheme;

// sslscan prints OpenSSL names; Windows and Wireshark speak IANA names.
let suite = cipherdex::lookup("ECDHE-ECDSA-AES256-SHA").ok_or("unknown suite")?;
assert_eq!(suite.name(Scheme::Iana), Some("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"));
assert_eq!(suite.name(Scheme::GnuTls), Some("TLS_ECDHE_ECDSA_AES_256_CBC_SHA1"));
assert_eq!(suite.code_hex().to_string(), "0xC00A");
# Ok::<(), Box<dyn std::error::Error>>(())
```

# Example: what is it made of?

```
use cipherdex::{Authentication, Cipher, KeyExchange, Mode, Protocol};

let suite = cipherdex::lookup("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA").ok_or("unknown")?;
assert_eq!(suite.kex(), KeyExchange::Ecdhe);
assert_eq!(suite.auth(), Authentication::Ecdsa); // needs an ECDSA certificate
assert_eq!((suite.cipher(), suite.cipher_bits(), suite.mode()), (Cipher::Aes, 256, Mode::Cbc));
assert!(suite.has_forward_secrecy() && !suite.is_aead());
assert!(suite.supports(Protocol::Tls10) && !suite.supports(Protocol::Tls13));
# Ok::<(), Box<dyn std::error::Error>>(())
```

# Example: what does this TLS error mean?

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

# Data policy

The tables follow their sources (IANA's registry, the projects' own
tables, Microsoft's documentation); `data/README.md` names each source with
its version and date. Data may change in minor releases as the registries
change. [`DATA_VERSION`] names the data set.
*/

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod attrs;
mod audit;
mod card;
pub mod cause;
pub mod cert;
pub mod explain;
mod filter;
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
#[cfg(feature = "serde")]
mod serde;
mod sigalg;
pub mod sigalgs;
mod stack;
mod suite;
mod tables;
mod weakness;
pub mod windows;

pub use attrs::{
    Authentication, Cipher, Curve, GroupKind, HashAlgorithm, KeyExchange, Mac, Mode, NameKind,
    Origin, Prf, Protocol, Protocols, Recommended, Scheme, SignatureAlgorithm, UnknownAttribute,
};
pub use audit::{Audit, Graded};
pub use card::Card;
pub use filter::Filter;
pub use lookup::{lookup, lookup_all, parse_code, suggest};
pub use policy::{Policy, UnknownPolicy, Verdict};
pub use rating::{Level, Rating, UnknownLevel};
pub use records::{Group, SignatureScheme};
pub use registry::{
    Registry, RegistryListError, RegistryListErrorKind, RegistryListItem, RegistryNameError,
};
pub use suite::{Alias, CodeHex, Suite};
pub use weakness::{Severity, UnknownWeakness, Weakness, Weaknesses};

/// The data set compiled in: the month the sources in `data/` were gathered
/// (from `data/meta.csv`).
///
/// ```
/// assert_eq!(cipherdex::DATA_VERSION.len(), "2026-11".len());
/// ```
pub const DATA_VERSION: &str = tables::DATA_VERSION;
