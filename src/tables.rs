//! The generated data, included from `$OUT_DIR`. This is the only module that
//! includes generated code; everything here is `pub(crate)` and read through
//! the typed API of the other modules.

#![allow(clippy::unreadable_literal, clippy::large_stack_arrays)]

use crate::attrs::{
    Authentication, Cipher, Curve, KeyExchange, Mac, Mode, NameKind, Origin, Prf, Protocol,
    Protocols, Recommended, Scheme,
};
use crate::name_hash::{NameIndex, Record, Slot};
use crate::suite::{Alias, Suite};
use crate::windows::ProtocolState;

include!(concat!(env!("OUT_DIR"), "/suites.rs"));

// The SChannel tables below are read by the `windows` module.

/// One published SChannel table (one `data/schannel/windows-*.csv`).
#[derive(Debug)]
pub(crate) struct RawTable {
    pub(crate) file: &'static str,
    pub(crate) title: &'static str,
    pub(crate) client_products: &'static str,
    pub(crate) server_products: &'static str,
    pub(crate) version_codes: &'static str,
    pub(crate) builds: &'static str,
    pub(crate) source: &'static str,
    pub(crate) page_commit: &'static str,
    pub(crate) ms_date: &'static str,
    pub(crate) notes: &'static str,
    pub(crate) rows: &'static [RawRow],
}

/// One row of an SChannel table.
#[derive(Debug)]
pub(crate) struct RawRow {
    /// Index into `SUITES`.
    pub(crate) suite: usize,
    pub(crate) name: &'static str,
    pub(crate) curve: Option<Curve>,
    pub(crate) priority: Option<u16>,
    pub(crate) enabled: Option<bool>,
    pub(crate) strong_crypto: Option<bool>,
    pub(crate) protocols: Protocols,
    pub(crate) notes: &'static str,
}

/// One Windows product and its table.
#[derive(Debug)]
pub(crate) struct RawProduct {
    pub(crate) product: &'static str,
    pub(crate) server: bool,
    pub(crate) version_code: &'static str,
    pub(crate) build: &'static str,
    /// Index into `WINDOWS_TABLES`.
    pub(crate) table: usize,
    pub(crate) basis: &'static str,
}

/// One default supported group.
#[derive(Debug)]
pub(crate) struct RawGroup {
    pub(crate) applies_to: &'static str,
    pub(crate) priority: Option<u16>,
    pub(crate) name: &'static str,
    pub(crate) enabled: bool,
    pub(crate) notes: &'static str,
}

/// The default state of one protocol version on one table's releases.
#[derive(Debug)]
pub(crate) struct RawProtocol {
    /// Index into `WINDOWS_TABLES`.
    pub(crate) table: usize,
    pub(crate) protocol: Protocol,
    pub(crate) client: ProtocolState,
    pub(crate) server: ProtocolState,
    pub(crate) os: &'static str,
    pub(crate) notes: &'static str,
}

mod windows_generated {
    use super::{
        Curve, Protocol, ProtocolState, Protocols, RawGroup, RawProduct, RawProtocol, RawRow,
        RawTable,
    };
    include!(concat!(env!("OUT_DIR"), "/windows.rs"));
}
pub(crate) use windows_generated::{
    WINDOWS_ALIASES, WINDOWS_GROUPS, WINDOWS_PRODUCTS, WINDOWS_PROFILES, WINDOWS_PROTOCOLS,
    WINDOWS_TABLES,
};

// The policy tables below are read by the `policy` and `weakness` modules.
mod policies_generated {
    use crate::attrs::Protocols;
    use crate::policy::{GoList, MozillaConfig, MozillaLevel, Policy, PolicyDef, Rule};
    include!(concat!(env!("OUT_DIR"), "/policies.rs"));
}
pub(crate) use policies_generated::{
    BSI, GO, HTTP2_BLOCKLIST, HTTP2_SORTED, KEX_DEPRECATED, MOZILLA, NIST, POLICIES,
};
