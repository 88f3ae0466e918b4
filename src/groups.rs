//! One constant per named TLS supported group, by its IANA name in upper
//! case (`x25519` is [`X25519`], `secp256r1` is [`SECP256R1`],
//! `X25519MLKEM768` is [`X25519MLKEM768`]). GREASE values have none: reach
//! them with [`Group::from_code`](crate::Group::from_code).
//!
//! ```
//! use cipherdex::{groups, GroupKind};
//! assert_eq!(groups::X25519MLKEM768.code(), 0x11EC);
//! assert_eq!(groups::FFDHE2048.kind(), GroupKind::FiniteField);
//! ```

pub use crate::tables::group_constants::*;
