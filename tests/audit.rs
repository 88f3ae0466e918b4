//! `Audit`: one grade per distinct suite, counts that add up, and the
//! policy's verdicts as `Policy::verdict` gives them one by one.

use cipherdex::{Audit, Level, Policy, Suite};

fn suite(name: &str) -> &'static Suite {
    cipherdex::lookup(name).unwrap_or_else(|| panic!("{name} should be a suite"))
}

fn policy(name: &str) -> &'static Policy {
    name.parse()
        .unwrap_or_else(|e| panic!("{name} should be a policy: {e}"))
}

/// Every known suite twice (a scanner report with two protocol versions),
/// against every policy: each suite once, in order, and every count equal to
/// a tally made here from the suites' own ratings and verdicts.
#[test]
fn every_suite_twice_against_every_policy() {
    let all: Vec<&'static Suite> = Suite::all().iter().collect();
    let twice = all.iter().chain(all.iter()).copied();
    let plain = Audit::new(twice.clone(), None);
    assert_eq!(plain.len(), all.len());
    assert_eq!(plain.duplicates(), all.len());
    assert!(plain.verdicts().is_none() && plain.policy_allowed().is_none());
    let order: Vec<u32> = plain.items().map(|g| g.suite.code()).collect();
    let expected: Vec<u32> = all.iter().map(|s| s.code()).collect();
    assert_eq!(order, expected);
    let mut total = 0;
    for level in Level::ALL.iter().copied().map(Some).chain([None]) {
        let n = all.iter().filter(|s| s.rating().level() == level).count();
        assert_eq!(plain.count(level), n, "{level:?}");
        total += n;
    }
    assert_eq!(total, all.len());
    assert!(!plain.passes(), "the whole registry has insecure suites");

    for p in Policy::all() {
        let a = Audit::new(twice.clone(), Some(p));
        let mut allowed = 0;
        let mut denied = 0;
        for g in a.items() {
            let v = p.verdict(g.suite);
            assert_eq!(
                g.verdict,
                Some(&v),
                "{} {}",
                p.name(),
                g.suite.canonical_name()
            );
            assert_eq!(g.rating, g.suite.rating());
            if !g.suite.is_signalling() {
                if v.allowed {
                    allowed += 1;
                } else {
                    denied += 1;
                }
            }
        }
        assert_eq!(a.policy_allowed(), Some(allowed), "{}", p.name());
        assert_eq!(a.policy_denied(), Some(denied), "{}", p.name());
        assert!(denied > 0, "{} allows every suite", p.name());
    }
}

/// A policy-clean list passes; one insecure suite, one suite outside the
/// policy, or no suite at all fails it. The renegotiation SCSV is in no
/// policy's counts.
#[test]
fn passes_only_clean_lists() {
    let p = policy("mozilla-intermediate");
    let good = [
        suite("ECDHE-RSA-AES128-GCM-SHA256"),
        suite("TLS_AES_128_GCM_SHA256"),
        suite("TLS_EMPTY_RENEGOTIATION_INFO_SCSV"),
    ];
    let a = Audit::new(good, Some(p));
    assert!(a.passes());
    assert_eq!((a.policy_allowed(), a.policy_denied()), (Some(2), Some(0)));
    assert_eq!(a.count(None), 1);

    let outside = Audit::new(good.into_iter().chain([suite("AES128-SHA")]), Some(p));
    assert_eq!(outside.count(Some(Level::Insecure)), 0);
    assert_eq!(outside.policy_denied(), Some(1));
    assert!(!outside.passes());
    assert!(Audit::new(good.into_iter().chain([suite("AES128-SHA")]), None).passes());

    let insecure = Audit::new([suite("EXP-RC4-MD5")], None);
    assert!(!insecure.passes());
    assert!(!Audit::new(std::iter::empty(), Some(p)).passes());
}
