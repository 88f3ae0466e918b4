//! One constant per TLS signature scheme, by its canonical name in upper
//! case (`rsa_pss_rsae_sha256` is [`RSA_PSS_RSAE_SHA256`], `ed25519` is
//! [`ED25519`]). GREASE values have none: reach them with
//! [`SignatureScheme::from_code`](crate::SignatureScheme::from_code).
//!
//! ```
//! use cipherdex::sigalgs;
//! assert_eq!(sigalgs::RSA_PSS_RSAE_SHA256.code(), 0x0804);
//! assert_eq!(sigalgs::ED25519.iana_name(), "ed25519");
//! ```

pub use crate::tables::sigalg_constants::*;
