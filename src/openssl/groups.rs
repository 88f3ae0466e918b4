//! OpenSSL's `-groups` / `Groups` value as OpenSSL 3.5 reads it: groups
//! separated by `:`, tuples of equally preferred groups separated by `/`,
//! `*` before a group asking a client to send a key share for it, `?`
//! before a group meaning "skip it if unknown" (`ssl/t1_lib.c`,
//! `tls1_set_groups_list`, OpenSSL 3.5). A string without `/` and `*` is an
//! OpenSSL 3.0 list: one tuple, one key share for the first group.

use crate::records::Group;
use crate::registry::{self, RegistryListError};

/// A `-groups` value read the OpenSSL 3.5 way.
///
/// ```
/// use cipherdex::openssl::parse_groups;
///
/// let g = parse_groups("?*X25519MLKEM768 / ?*X25519:?secp256r1 / ?X448:?secp384r1")?;
/// let names: Vec<&str> = g.groups.iter().map(|g| g.iana_name()).collect();
/// assert_eq!(names, ["X25519MLKEM768", "x25519", "secp256r1", "x448", "secp384r1"]);
/// let shares = g.key_shares.as_deref().unwrap_or_default();
/// assert_eq!(shares.iter().map(|g| g.code()).collect::<Vec<_>>(), [0x11EC, 0x001D]);
/// assert_eq!(g.tuples, [1, 2, 2]);
///
/// // OpenSSL 3.0 syntax: one tuple, no share marked.
/// let g = parse_groups("P-256:X25519")?;
/// assert_eq!((g.tuples, g.key_shares), (vec![2], None));
/// # Ok::<(), cipherdex::RegistryListError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GroupList {
    /// Every group, in order.
    pub groups: Vec<&'static Group>,
    /// The groups marked `*`, in order; `None` when none is marked (a
    /// client then sends one key share, for its first usable group).
    pub key_shares: Option<Vec<&'static Group>>,
    /// How many groups each `/`-separated tuple holds, in order; they add up
    /// to the length of [`GroupList::groups`]. Empty tuples are dropped.
    pub tuples: Vec<usize>,
}

/// Reads an OpenSSL `-groups` value (any spelling of each group, as
/// [`Group::parse_list`] takes them).
///
/// # Errors
///
/// Every unknown group not marked `?`, every repeated one, or an empty
/// list, at once (the positions count the groups kept).
pub fn parse_groups(list: &str) -> Result<GroupList, RegistryListError> {
    // (name, key share?) per tuple; unknown `?` names are skipped, as OpenSSL does.
    let mut tuples: Vec<Vec<(&str, bool)>> = Vec::new();
    for tuple in list.split('/') {
        let mut items = Vec::new();
        for word in registry::split(tuple) {
            let mut name = word;
            let (mut share, mut optional) = (false, false);
            while let Some(rest) = name.strip_prefix(['*', '?']) {
                share |= name.starts_with('*');
                optional |= name.starts_with('?');
                name = rest;
            }
            if optional && registry::lookup::<Group>(name).is_none() {
                continue;
            }
            items.push((name, share));
        }
        if !items.is_empty() {
            tuples.push(items);
        }
    }
    let names: Vec<&str> = tuples.iter().flatten().map(|(n, _)| *n).collect();
    let groups: Vec<&'static Group> = registry::parse_list(&names.join(":"))?;
    let marked: Vec<&'static Group> = tuples
        .iter()
        .flatten()
        .zip(&groups)
        .filter(|((_, share), _)| *share)
        .map(|(_, g)| *g)
        .collect();
    Ok(GroupList {
        groups,
        key_shares: (!marked.is_empty()).then_some(marked),
        tuples: tuples.iter().map(Vec::len).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_optional_groups_are_skipped_and_others_fail() {
        let g = parse_groups("?NoSuchGroup:x25519 / ?Nope").unwrap();
        assert_eq!(g.groups.len(), 1);
        assert_eq!(g.tuples, [1]);
        let e = parse_groups("NoSuchGroup:x25519").unwrap_err();
        assert!(e.to_string().contains("NoSuchGroup"), "{e}");
        assert!(parse_groups("?Nope").is_err());
    }

    #[test]
    fn prefixes_in_either_order() {
        let g = parse_groups("*?x25519:?*P-256:P-384").unwrap();
        let shares: Vec<u16> = g.key_shares.unwrap().iter().map(|g| g.code()).collect();
        assert_eq!(shares, [0x001D, 0x0017]);
    }
}
