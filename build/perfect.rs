//! Searches the perfect hash behind `BY_NAME` (see `src/name_hash.rs`): a
//! seed and one displacement per bucket such that every key lands in a slot
//! of its own, then emits the index as Rust source.
//!
//! Hash-and-displace: keys are grouped into buckets by their hash, the
//! fullest buckets are placed first, and each bucket tries displacements
//! until all its keys fall into free slots. With about three keys per bucket
//! and a quarter of the slots spare this succeeds at the first seed in a few
//! milliseconds; the search is deterministic, so the output is reproducible.

use std::fmt::Write as _;

use crate::name_hash::{bucket, hash, key_words, slot, MAX_LEN};

/// Emits `pub(crate) static {name}: NameIndex` mapping each key (any case) to
/// its value `(start, len)`. Keys must be distinct ignoring ASCII case.
pub fn emit(name: &str, entries: &[(String, (u16, u8))]) -> Result<String, String> {
    let mut keys: Vec<&[u8]> = Vec::with_capacity(entries.len());
    for (k, _) in entries {
        if k.is_empty() || k.len() > MAX_LEN || k.len() > usize::from(u8::MAX) {
            return Err(format!(
                "name {k:?} is empty or longer than {MAX_LEN} bytes: raise MAX_LEN in src/name_hash.rs"
            ));
        }
        keys.push(k.as_bytes());
    }
    let mut upper: Vec<(String, &String)> = entries
        .iter()
        .map(|(k, _)| (k.to_ascii_uppercase(), k))
        .collect();
    upper.sort_unstable();
    if let Some(w) = upper.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(format!(
            "names differ only in letter case: {:?} and {:?}",
            w[0].1, w[1].1
        ));
    }

    let n = keys.len().max(1);
    let slots = n + n / 4 + 1;
    let buckets = n.div_ceil(3);
    let (seed, displacements, placement) = (0..1000u64)
        .find_map(|seed| place(&keys, seed, buckets, slots).map(|(d, p)| (seed, d, p)))
        .ok_or("no perfect hash found for the names in 1000 seeds")?;

    // Key words, each key's words in a row; slot table pointing into them.
    let mut words: Vec<(u64, u64)> = Vec::new();
    let mut table = vec![(0usize, 0usize, 0u16, 0u8); slots];
    for (i, (key, (_, value))) in keys.iter().zip(entries).enumerate() {
        let start = words.len();
        words.extend(key_words(key));
        table[placement[i]] = (start, key.len(), value.0, value.1);
    }
    if words.len() > usize::from(u16::MAX) {
        return Err("the name index outgrew u16 word offsets".into());
    }
    let max_len = keys.iter().map(|k| k.len()).max().unwrap_or(0);

    let mut o = String::new();
    let _ = writeln!(
        o,
        "/// Every spelling (any case) -> (start, len) in `NAME_TARGETS`: a perfect hash\n\
         /// over upper-cased names, searched by build/perfect.rs (seed {seed},\n\
         /// {} keys, {buckets} buckets, {slots} slots).",
        keys.len()
    );
    let _ = writeln!(
        o,
        "pub(crate) static {name}: NameIndex = NameIndex {{\n    seed: {seed},\n    max_len: {max_len},"
    );
    let _ = writeln!(o, "    displacements: &{displacements:?},");
    let _ = writeln!(o, "    slots: &[");
    for (start, len, v0, v1) in &table {
        let _ = writeln!(o, "        ({start}, {len}, {v0}, {v1}),");
    }
    let _ = writeln!(o, "    ],");
    let _ = write!(o, "    words: &[");
    for (i, (w, mask)) in words.iter().enumerate() {
        if i % 2 == 0 {
            o.push_str("\n        ");
        }
        let _ = write!(o, "(0x{w:016x}, 0x{mask:016x}), ");
    }
    let _ = writeln!(o, "\n    ],\n}};");
    Ok(o)
}

/// One displacement per bucket and the slot of every key, or `None` if some
/// bucket cannot be placed under this seed.
fn place(
    keys: &[&[u8]],
    seed: u64,
    buckets: usize,
    slots: usize,
) -> Option<(Vec<u16>, Vec<usize>)> {
    let hashes: Vec<u64> = keys.iter().map(|k| hash(k, seed)).collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
    for (i, &h) in hashes.iter().enumerate() {
        members[bucket(h, buckets)].push(i);
    }
    let mut order: Vec<usize> = (0..buckets).collect();
    order.sort_by_key(|&b| (std::cmp::Reverse(members[b].len()), b));

    let mut taken = vec![false; slots];
    let mut displacements = vec![0u16; buckets];
    let mut placement = vec![usize::MAX; keys.len()];
    let mut tried: Vec<usize> = Vec::new();
    for b in order {
        if members[b].is_empty() {
            break;
        }
        let found = (0..=u16::MAX).find(|&d| {
            tried.clear();
            for &i in &members[b] {
                let s = slot(hashes[i], d, slots);
                if taken[s] || tried.contains(&s) {
                    return false;
                }
                tried.push(s);
            }
            true
        })?;
        displacements[b] = found;
        for &i in &members[b] {
            let s = slot(hashes[i], found, slots);
            taken[s] = true;
            placement[i] = s;
        }
    }
    Some((displacements, placement))
}
