//! `data/meta.csv`: facts about the data set that the library states in
//! words (the data set's date, which Go releases the Go columns describe,
//! where the Mozilla lists were read) and single facts it uses (the Group
//! Policy string limit), emitted as constants so that no date, version or
//! limit is typed into code.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::emit::lit;
use crate::read::Table;

const COLS: &[&str] = &["key", "value", "note"];

/// Every key the file must have: the constant it becomes (`""` for a value
/// only the build uses), and its doc line. A constant named in `NUMBERS` is
/// a `usize`, every other one a `&str`.
const KEYS: &[(&str, &str, &str)] = &[
    (
        "data_version",
        "DATA_VERSION",
        "The data set: when the sources in `data/` were gathered.",
    ),
    (
        "go_older",
        "GO_OLDER",
        "The Go release of `go.csv`'s older columns (policy rules `go-*:VERSION`).",
    ),
    (
        "go_newer_since",
        "GO_NEWER_SINCE",
        "The first Go release with the lists of `go.csv`'s newer columns.",
    ),
    (
        "go_newer",
        "GO_NEWER",
        "The last Go release of `go.csv`'s newer columns (policy rules `go-*:VERSION`).",
    ),
    (
        "mozilla_source",
        "",
        "Where `policies/mozilla.csv` was read: repository, files, commit, date.",
    ),
    (
        "gnutls_release",
        "GNUTLS_RELEASE",
        "The GnuTLS release whose rules `data/gnutls-*.csv` hold (for messages).",
    ),
    (
        "openssl_default_release",
        "OPENSSL_DEFAULT_RELEASE",
        "The OpenSSL release whose rules and defaults apply when none is named (a label of `openssl-releases.csv`).",
    ),
    (
        "windows_gpo_limit",
        "GPO_LIMIT",
        "The longest Group Policy \"SSL Cipher Suite Order\" string Windows takes, in characters.",
    ),
];

/// The constants that are numbers (`usize`).
const NUMBERS: &[&str] = &["GPO_LIMIT"];

/// The checked values, by key.
pub struct Meta(BTreeMap<&'static str, String>);

impl Meta {
    /// The value of a key declared in `KEYS`.
    pub fn get(&self, key: &str) -> &str {
        self.0.get(key).map_or("", String::as_str)
    }
}

/// Reads `data/meta.csv`: every key of `KEYS` once, with a value; no other key.
pub fn load(data: &Path) -> Result<Meta, Vec<String>> {
    let t = Table::load(data, "meta.csv", COLS)?;
    let mut errors = Vec::new();
    let mut values = BTreeMap::new();
    let mut seen: BTreeMap<&str, String> = BTreeMap::new();
    for r in t.rows() {
        let key = r.get("key");
        let Some((k, _, _)) = KEYS.iter().find(|(k, _, _)| *k == key) else {
            let known: Vec<&str> = KEYS.iter().map(|(k, _, _)| *k).collect();
            errors.push(format!(
                "{}: unknown key {key:?} (expected one of: {})",
                r.at(),
                known.join(", ")
            ));
            continue;
        };
        if let Some(first) = seen.get(k) {
            errors.push(format!("{}: key {key:?} again (first at {first})", r.at()));
            continue;
        }
        seen.insert(*k, r.at());
        let value = r.get("value");
        let number = KEYS
            .iter()
            .any(|(k2, name, _)| k2 == k && NUMBERS.contains(name));
        if value.is_empty() {
            errors.push(format!("{}: key {key:?} has no value", r.at()));
        } else if number && value.parse::<usize>().is_err() {
            errors.push(format!(
                "{}: key {key:?} is {value:?}; expected a whole number",
                r.at()
            ));
        }
        values.insert(*k, value.to_string());
    }
    for (k, _, _) in KEYS {
        if !seen.contains_key(k) {
            errors.push(format!("data/meta.csv: missing key {k:?}"));
        }
    }
    if errors.is_empty() {
        Ok(Meta(values))
    } else {
        Err(errors)
    }
}

/// One `pub(crate) const` per key, in `KEYS` order.
pub fn emit(m: &Meta) -> String {
    let mut o = String::new();
    for (key, name, doc) in KEYS.iter().filter(|k| !k.1.is_empty()) {
        let _ = writeln!(o, "/// {doc}");
        if NUMBERS.contains(name) {
            let _ = writeln!(o, "pub(crate) const {name}: usize = {};", m.get(key));
        } else {
            let _ = writeln!(o, "pub(crate) const {name}: &str = {};", lit(m.get(key)));
        }
    }
    o
}
