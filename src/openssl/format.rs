//! `openssl:STRING` in any suite list: an OpenSSL cipher string, evaluated as
//! OpenSSL 3.0 would, read as the suites it selects in OpenSSL's order.

use crate::list::{Format, FormatError, Item, List};

use super::{evaluate, Target};

/// The [`Format`] behind the `openssl:` prefix of suite lists.
///
/// ```
/// let list = cipherdex::list::read("openssl:ECDHE+AESGCM:!ECDSA")?;
/// assert_eq!(list.format, "openssl");
/// let names: Vec<_> = list.items.iter().map(|i| i.input()).collect();
/// assert_eq!(names, ["ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256"]);
/// # Ok::<(), cipherdex::list::FormatError>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct OpensslString;

impl Format for OpensslString {
    fn name(&self) -> &'static str {
        "openssl"
    }

    fn prefix(&self) -> Option<&'static str> {
        Some("openssl:")
    }

    /// Never guessed: a cipher string looks like a plain list, so it must be
    /// asked for with the `openssl:` prefix (or `--input-format openssl`).
    fn detect(&self, _text: &str) -> bool {
        false
    }

    fn read(&self, text: &str) -> Result<List, FormatError> {
        let x = evaluate(text.trim(), Target::default())
            .map_err(|e| FormatError::new("openssl", None, Box::new(e)))?;
        let items = x
            .ciphers()
            .iter()
            .map(|c| Item::Resolved {
                input: c.name().to_string(),
                suite: c.suite(),
            })
            .collect();
        let mut list = List::new(items, "openssl");
        list.notes = x.warnings().iter().map(|w| w.to_string()).collect();
        Ok(list)
    }
}
