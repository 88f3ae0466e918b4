//! `cipherdex man`.

use clap::Args;

/// `cipherdex man`.
#[derive(Debug, Clone, Args)]
pub struct ManArgs {}
