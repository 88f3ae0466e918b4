//! "Which Windows releases support / enable this suite, and from when to when?"

use std::fmt;

use super::{Release, SuiteStatus};
use crate::suite::Suite;

/// One suite's status on every release, in release order.
///
/// ```
/// let s = cipherdex::lookup("TLS_RSA_WITH_3DES_EDE_CBC_SHA").ok_or("no")?;
/// let h = cipherdex::windows::history(s);
/// let enabled = h.enabled_ranges(true);
/// assert_eq!(enabled[0].first().name(), "server-2003");
/// assert!(h.summary().contains("Not enabled by default in Windows 11 version 25H2 or Windows Server 2025"));
/// # Ok::<(), &str>(())
/// ```
#[derive(Debug, Clone)]
pub struct SuiteHistory {
    suite: &'static Suite,
    statuses: Vec<(Release, SuiteStatus)>,
}

/// A run of consecutive releases of one line (clients or servers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReleaseRange {
    first: Release,
    last: Release,
}

impl ReleaseRange {
    /// The first release of the run.
    pub fn first(&self) -> Release {
        self.first
    }
    /// The last release of the run.
    pub fn last(&self) -> Release {
        self.last
    }
}

impl fmt::Display for ReleaseRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            f.write_str(self.first.product())
        } else {
            write!(f, "{}..{}", self.first.product(), self.last.product())
        }
    }
}

/// The status of `suite` on every release, in release order.
pub fn history(suite: &'static Suite) -> SuiteHistory {
    SuiteHistory {
        suite,
        statuses: Release::all().map(|r| (r, r.status(suite))).collect(),
    }
}

impl SuiteHistory {
    /// The suite.
    pub fn suite(&self) -> &'static Suite {
        self.suite
    }

    /// Every release with the suite's status there, in release order.
    pub fn releases(&self) -> &[(Release, SuiteStatus)] {
        &self.statuses
    }

    fn runs(&self, server: bool, pred: impl Fn(SuiteStatus) -> bool) -> Vec<ReleaseRange> {
        let mut out: Vec<ReleaseRange> = Vec::new();
        let mut open = false;
        for &(r, s) in self
            .statuses
            .iter()
            .filter(|(r, _)| r.is_server() == server)
        {
            if pred(s) {
                match out.last_mut() {
                    Some(run) if open => run.last = r,
                    _ => out.push(ReleaseRange { first: r, last: r }),
                }
                open = true;
            } else {
                open = false;
            }
        }
        out
    }

    /// True if any release supports the suite (enabled or not).
    ///
    /// ```
    /// let des = cipherdex::lookup("DES-CBC-SHA").ok_or("no")?;
    /// assert!(cipherdex::windows::history(des).supported_anywhere());
    /// let chacha = cipherdex::lookup("ECDHE-RSA-CHACHA20-POLY1305").ok_or("no")?;
    /// assert!(!cipherdex::windows::history(chacha).supported_anywhere());
    /// # Ok::<(), &str>(())
    /// ```
    pub fn supported_anywhere(&self) -> bool {
        self.statuses.iter().any(|(_, s)| s.is_supported())
    }

    /// Runs of server (`true`) or client releases that support the suite.
    pub fn supported_ranges(&self, server: bool) -> Vec<ReleaseRange> {
        self.runs(server, SuiteStatus::is_supported)
    }

    /// Runs of server (`true`) or client releases that enable it by default.
    pub fn enabled_ranges(&self, server: bool) -> Vec<ReleaseRange> {
        self.runs(server, SuiteStatus::is_enabled)
    }

    /// One line: where it is supported, where enabled by default, and whether
    /// the newest client and server enable it.
    pub fn summary(&self) -> String {
        let join = |v: Vec<ReleaseRange>| {
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut parts = Vec::new();
        for (server, label) in [(false, "clients"), (true, "servers")] {
            let sup = self.supported_ranges(server);
            if sup.is_empty() {
                parts.push(format!("{label}: not supported"));
                continue;
            }
            let en = self.enabled_ranges(server);
            let en = if en.is_empty() {
                "never enabled by default".to_string()
            } else {
                format!("enabled by default {}", join(en))
            };
            parts.push(format!("{label}: supported {}; {en}", join(sup)));
        }
        let mut s = parts.join(". ");
        let newest: Vec<&str> = [false, true]
            .iter()
            .filter_map(|&server| {
                self.statuses
                    .iter()
                    .rev()
                    .find(|(r, _)| r.is_server() == server)
            })
            .filter(|(_, st)| !st.is_enabled())
            .map(|(r, _)| r.product())
            .collect();
        if !newest.is_empty() {
            s.push_str(&format!(
                ". Not enabled by default in {}",
                newest.join(" or ")
            ));
        }
        s
    }
}
