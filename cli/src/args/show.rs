//! `cipherdex show` (and the bare command line).

use clap::Args;

use super::SuiteArgs;

/// `cipherdex show`.
#[derive(Debug, Clone, Args, Default)]
pub struct ShowArgs {
    /// The suites.
    #[command(flatten)]
    pub input: SuiteArgs,
}
