//! One constant per suite in IANA's TLS Cipher Suites registry, named
//! exactly as the registry spells it (so `_anon` stays lower case), each
//! documented with its code, IANA's Recommended value and its reference.
//!
//! Each is the same `&'static Suite` that [`lookup`](crate::lookup) returns:
//!
//! ```
//! use cipherdex::suites::{TLS_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
//! assert_eq!(TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256.code(), 0xC02B);
//! assert_eq!(
//!     cipherdex::lookup("ECDHE-ECDSA-AES128-GCM-SHA256"),
//!     Some(TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)
//! );
//! assert!(TLS_AES_128_GCM_SHA256.is_tls13());
//! ```
//!
//! Suites that IANA never assigned (drafts, vendor and national code points,
//! SSL 2.0 kinds, GREASE) have no constant here: find them with
//! [`lookup`](crate::lookup) or [`Suite::from_code`](crate::Suite::from_code).

pub use crate::tables::suite_constants::*;
