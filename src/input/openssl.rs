//! `openssl:STRING`: an OpenSSL cipher string, evaluated by
//! [`crate::openssl`] as OpenSSL 3.0 would, read as the suites it selects in
//! OpenSSL's order. The evaluation's warnings become the list's notes.

use super::{Format, InputError, Item, List};
use crate::openssl::{evaluate, Release};

/// The suites `text` (without its `openssl:` prefix) selects.
pub(super) fn read(text: &str) -> Result<List, InputError> {
    let x = evaluate(text.trim(), Release::default()).map_err(InputError::OpensslString)?;
    let items = x
        .ciphers()
        .iter()
        .map(|c| Item::Resolved {
            input: c.name().to_string(),
            suite: c.suite(),
        })
        .collect();
    let mut list = List::new(items, Format::OpensslString);
    list.notes = x.warnings().iter().map(|w| w.to_string()).collect();
    Ok(list)
}
