//! The generated data, included from `$OUT_DIR`. This is the only module that
//! includes generated code, and it holds nothing else: the types the tables
//! are made of live in `records`, and everything here is `pub(crate)` and read
//! through the typed API of the concept modules.

#![allow(clippy::unreadable_literal, clippy::large_stack_arrays)]

use crate::attrs::{
    Authentication, Cipher, Curve, GroupKind, HashAlgorithm, KeyExchange, Mac, Mode, NameKind,
    Origin, Prf, Protocol, ProtocolState, Protocols, Recommended, Scheme, SignatureAlgorithm,
};
use crate::cause::Cause;
use crate::name_hash::{NameIndex, Record, Slot};
use crate::records::openssl_bits::*;
use crate::records::{AlertRecord, MessageCode, MessageRecord, PatternRecord, PatternTarget};
use crate::records::{
    Alias, Basis, BsiSuite, Client, DefaultFor, GnutlsAlgorithm, GnutlsKeyword, GnutlsKind,
    GnutlsList, GnutlsSuite, GoList, GoSuite, Group, KexDeprecation, MozillaConfig, MozillaLevel,
    NistSuite, OpenSslCipher, OpenSslReleaseRow, PeerDefaults, Policy, PolicyDef, RawGroup,
    RawProduct, RawProtocol, RawRow, RawTable, Rule, SecurityLevelRow, SignatureScheme, Suite,
};
use crate::stack::Stack;

include!(concat!(env!("OUT_DIR"), "/meta.rs"));
include!(concat!(env!("OUT_DIR"), "/suites.rs"));
include!(concat!(env!("OUT_DIR"), "/windows.rs"));
include!(concat!(env!("OUT_DIR"), "/policies.rs"));
include!(concat!(env!("OUT_DIR"), "/openssl_engine.rs"));
include!(concat!(env!("OUT_DIR"), "/openssl_releases.rs"));
include!(concat!(env!("OUT_DIR"), "/registries.rs"));
include!(concat!(env!("OUT_DIR"), "/defaults.rs"));
include!(concat!(env!("OUT_DIR"), "/clients.rs"));
include!(concat!(env!("OUT_DIR"), "/explain.rs"));

/// The constants of `cipherdex::suites`.
#[allow(non_upper_case_globals)]
pub(crate) mod suite_constants {
    use crate::records::Suite;

    include!(concat!(env!("OUT_DIR"), "/suite_constants.rs"));
}
include!(concat!(env!("OUT_DIR"), "/security.rs"));
include!(concat!(env!("OUT_DIR"), "/gnutls.rs"));
