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
    Alias, BsiSuite, GoList, GoSuite, Group, KexDeprecation, MozillaConfig, MozillaLevel,
    NistSuite, OpenSslCipher, Policy, PolicyDef, RawGroup, RawProduct, RawProtocol, RawRow,
    RawTable, Rule, SignatureScheme, Suite,
};
use crate::stack::Stack;

include!(concat!(env!("OUT_DIR"), "/meta.rs"));
include!(concat!(env!("OUT_DIR"), "/suites.rs"));
include!(concat!(env!("OUT_DIR"), "/windows.rs"));
include!(concat!(env!("OUT_DIR"), "/policies.rs"));
include!(concat!(env!("OUT_DIR"), "/openssl_engine.rs"));
include!(concat!(env!("OUT_DIR"), "/registries.rs"));
include!(concat!(env!("OUT_DIR"), "/explain.rs"));
