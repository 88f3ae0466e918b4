//! `build/policies.rs` checks: a policy row whose code is not a suite, or
//! whose name does not name its code, fails the build with
//! `data/policies/FILE:LINE`. The build modules are compiled here as in
//! build/main.rs and run on corrupted copies of data/.

#![allow(dead_code, unreachable_pub)]

#[path = "../src/attrs.rs"]
mod attrs;
#[path = "../build/derive.rs"]
mod derive;
#[path = "../build/emit.rs"]
mod emit;
#[path = "../src/name_hash.rs"]
mod name_hash;
#[path = "../build/perfect.rs"]
mod perfect;
#[path = "../build/policies.rs"]
mod policies;
#[path = "../build/read.rs"]
mod read;
#[path = "../build/suites.rs"]
mod suites;

use std::fs;
use std::path::{Path, PathBuf};

/// A copy of data/ in a fresh temporary directory, removed on drop.
struct DataCopy(PathBuf);

impl DataCopy {
    fn new(label: &str) -> DataCopy {
        let dir =
            std::env::temp_dir().join(format!("cipherdex-policies-{label}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), &dir);
        DataCopy(dir)
    }

    fn edit(&self, file: &str, f: impl FnOnce(String) -> String) {
        let p = self.0.join(file);
        let text = fs::read_to_string(&p).unwrap();
        fs::write(&p, f(text)).unwrap();
    }

    fn errors(&self) -> Vec<String> {
        let kb = suites::load(&self.0).expect("suites.csv untouched");
        policies::load(&self.0, &kb).err().unwrap_or_default()
    }
}

impl Drop for DataCopy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            fs::copy(e.path(), dest).unwrap();
        }
    }
}

#[test]
fn the_shipped_data_loads() {
    assert_eq!(DataCopy::new("ok").errors(), Vec::<String>::new());
}

#[test]
fn unknown_codes_and_wrong_names_fail_with_file_and_line() {
    let d = DataCopy::new("bad");
    // Line 2 of the block list: an unassigned code.
    d.edit("policies/http2-blocklist.csv", |t| {
        t.replacen(
            "0000,TLS_NULL_WITH_NULL_NULL",
            "1234,TLS_NULL_WITH_NULL_NULL",
            1,
        )
    });
    // Line 3 of NIST's list: a name that belongs to another suite.
    d.edit("policies/nist-sp800-52r2.csv", |t| {
        t.replacen(
            "C02C,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "C02C,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            1,
        )
    });
    // A Mozilla row out of published order.
    d.edit("policies/mozilla.csv", |t| {
        t.replacen(
            "5.0,modern,TLSv1.3,tls13_ciphersuites,2,",
            "5.0,modern,TLSv1.3,tls13_ciphersuites,7,",
            1,
        )
    });
    let errors = d.errors();
    let has = |needle: &str| errors.iter().any(|e| e.contains(needle));
    assert!(
        has("data/policies/http2-blocklist.csv:2: code 1234 is not a suite in data/suites.csv"),
        "{errors:#?}"
    );
    assert!(
        has("data/policies/nist-sp800-52r2.csv:3: iana_name \"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\" is not a name of C02C"),
        "{errors:#?}"
    );
    assert!(
        has("data/policies/mozilla.csv:3: position \"7\" should be 2"),
        "{errors:#?}"
    );
    assert_eq!(
        errors.len(),
        3,
        "every bad row, and only those: {errors:#?}"
    );
}

#[test]
fn bad_years_and_unknown_rules_fail() {
    let d = DataCopy::new("years");
    d.edit("policies/bsi-tr-02102-2.csv", |t| {
        t.replacen(",2030+,", ",soon,", 1)
    });
    d.edit("policies/policies.csv", |t| {
        t.replacen(",nist,", ",nist-2,", 1)
    });
    let errors = d.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("data/policies/bsi-tr-02102-2.csv:2: column use_until")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("data/policies/policies.csv:")
                && e.contains("unknown rule \"nist-2\"")),
        "{errors:#?}"
    );
}
