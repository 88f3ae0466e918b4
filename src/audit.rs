//! Grading a whole list of suites (a server's accepted list, a scanner
//! report): each distinct suite once, with its [`Rating`] and, optionally, a
//! [`Policy`]'s [`Verdict`]; counts per level and the list's answer.

use crate::policy::{ListVerdict, Policy, Verdict};
use crate::rating::{Level, Rating};
use crate::suite::Suite;

/// A graded list of suites.
///
/// A scanner report lists a suite once per protocol version, so each suite
/// is graded once, in the order it first appears; the repeats are counted.
/// The policy's verdicts come from [`Policy::audit`] on the distinct suites.
///
/// ```
/// use cipherdex::{Audit, Level, Policy};
/// let names = ["ECDHE-RSA-AES128-GCM-SHA256", "AES128-SHA", "RC4-MD5", "AES128-SHA"];
/// let suites = names.iter().filter_map(|n| cipherdex::lookup(n));
/// let policy: &Policy = "mozilla-intermediate".parse()?;
/// let audit = Audit::new(suites, Some(policy));
/// assert_eq!((audit.len(), audit.duplicates()), (3, 1));
/// assert_eq!(audit.count(Some(Level::Insecure)), 1);
/// assert_eq!((audit.policy_allowed(), audit.policy_denied()), (Some(1), Some(2)));
/// assert!(!audit.passes());
/// let first = audit.items().next().ok_or("empty")?;
/// assert!(first.verdict.is_some_and(|v| v.allowed));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Audit {
    suites: Vec<&'static Suite>,
    duplicates: usize,
    policy: Option<ListVerdict>,
}

/// One graded suite of an [`Audit`].
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Graded<'a> {
    /// The suite.
    pub suite: &'static Suite,
    /// Its rating (no level for signalling and GREASE values).
    pub rating: Rating,
    /// The policy's verdict, when the audit has a policy.
    pub verdict: Option<&'a Verdict>,
}

impl Audit {
    /// Grades `suites` (in order, repeats counted and left out), by rating
    /// and, with `policy`, by that policy.
    pub fn new<I>(suites: I, policy: Option<&'static Policy>) -> Audit
    where
        I: IntoIterator<Item = &'static Suite>,
    {
        let mut distinct: Vec<&'static Suite> = Vec::new();
        let mut duplicates = 0;
        for suite in suites {
            if distinct.iter().any(|s| std::ptr::eq(*s, suite)) {
                duplicates += 1;
            } else {
                distinct.push(suite);
            }
        }
        let policy = policy.map(|p| p.audit(distinct.iter().copied()));
        Audit {
            suites: distinct,
            duplicates,
            policy,
        }
    }

    /// How many distinct suites.
    pub fn len(&self) -> usize {
        self.suites.len()
    }

    /// True when no suite was given.
    pub fn is_empty(&self) -> bool {
        self.suites.is_empty()
    }

    /// How many repeats of an earlier suite were left out.
    pub fn duplicates(&self) -> usize {
        self.duplicates
    }

    /// Each distinct suite with its rating and verdict, in input order.
    pub fn items(&self) -> impl ExactSizeIterator<Item = Graded<'_>> + '_ {
        self.suites
            .iter()
            .enumerate()
            .map(move |(i, &suite)| Graded {
                suite,
                rating: suite.rating(),
                verdict: self.policy.as_ref().map(|p| &p.items[i].1),
            })
    }

    /// The policy's verdict on the list, when the audit has a policy.
    pub fn verdicts(&self) -> Option<&ListVerdict> {
        self.policy.as_ref()
    }

    /// How many suites are rated `level`; `None` counts those with no
    /// rating (signalling and GREASE values).
    pub fn count(&self, level: Option<Level>) -> usize {
        self.suites
            .iter()
            .filter(|s| s.rating().level() == level)
            .count()
    }

    /// How many cipher suites the policy allows (signalling and GREASE
    /// values, which no policy is about, are not counted); `None` without a policy.
    pub fn policy_allowed(&self) -> Option<usize> {
        self.judged(true)
    }

    /// How many cipher suites the policy does not allow; `None` without a policy.
    pub fn policy_denied(&self) -> Option<usize> {
        self.judged(false)
    }

    fn judged(&self, allowed: bool) -> Option<usize> {
        self.policy.as_ref().map(|p| {
            p.items
                .iter()
                .filter(|(s, v)| !s.is_signalling() && v.allowed == allowed)
                .count()
        })
    }

    /// The list's answer: at least one suite, none insecure, and none
    /// outside the policy.
    ///
    /// ```
    /// use cipherdex::Audit;
    /// let good = cipherdex::lookup("TLS_AES_128_GCM_SHA256").ok_or("?")?;
    /// assert!(Audit::new([good], None).passes());
    /// assert!(!Audit::new([], None).passes());
    /// let rc4 = cipherdex::lookup("RC4-SHA").ok_or("?")?;
    /// assert!(!Audit::new([good, rc4], None).passes());
    /// # Ok::<(), &str>(())
    /// ```
    pub fn passes(&self) -> bool {
        !self.is_empty()
            && self.count(Some(Level::Insecure)) == 0
            && self.policy_denied().unwrap_or(0) == 0
    }
}
