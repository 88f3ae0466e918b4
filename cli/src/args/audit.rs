//! `cipherdex audit`.

use clap::Args;

use super::values::PolicyParser;
use super::SuiteArgs;

/// `cipherdex audit`.
#[derive(Debug, Clone, Args)]
pub struct AuditArgs {
    /// Also judge every suite by this policy (e.g. mozilla-intermediate,
    /// nist-800-52r2, bsi-tr-02102-2-2025-01; a name without a version means
    /// the newest).
    #[arg(long, value_name = "NAME", value_parser = PolicyParser, hide_possible_values = true)]
    pub policy: Option<&'static cipherdex::Policy>,

    #[command(flatten)]
    pub input: SuiteArgs,
}
