//! Searches the perfect hash behind `BY_NAME` (see `src/name_hash.rs`): a
//! seed and one displacement per bucket such that every key lands in a slot
//! of its own, then emits the index as Rust source.
//!
//! Hash-and-displace: keys are grouped into buckets by the top bits of their
//! hash, the fullest buckets are placed first, and each bucket tries pilots
//! (displacement `pilot * PILOT`, xored into the other half of the hash)
//! until all its keys fall into free slots. With about four keys per bucket
//! and a tenth or more of the slots spare this succeeds at one of the first
//! seeds in milliseconds; the search is deterministic, so the output is
//! reproducible.

use std::fmt::Write as _;

use crate::name_hash::{bucket, hash, slot, words, Record, Slot, MAX_LEN, NOT_LONG, PILOT};

/// Emits `pub(crate) static {name}: NameIndex` mapping each key (any case) to
/// its value `(start, count, first)`. Keys must be distinct ignoring ASCII case.
pub fn emit(name: &str, entries: &[(String, (u16, u8, u16))]) -> Result<String, String> {
    let mut keys: Vec<&[u8]> = Vec::with_capacity(entries.len());
    for (k, _) in entries {
        if k.is_empty() || k.len() > MAX_LEN {
            return Err(format!(
                "name {k:?} is empty or longer than {MAX_LEN} bytes, the most the name index holds (MAX_LEN in src/name_hash.rs)"
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

    // Powers of two: about four keys per bucket, at least a tenth of the
    // slots spare (twice as many slots if no seed works).
    let n = keys.len();
    let buckets = n.div_ceil(4).next_power_of_two().max(2);
    let min_slots = (n + n / 10 + 1).next_power_of_two().max(2);
    let (seed, slots, pilots, placement) = [min_slots, 2 * min_slots]
        .into_iter()
        .flat_map(|slots| (0..200u64).map(move |seed| (seed, slots)))
        .find_map(|(seed, slots)| {
            place(&keys, seed, buckets, slots).map(|(d, p)| (seed, slots, d, p))
        })
        .ok_or_else(|| no_hash_found(&keys))?;
    let mut table = vec![None; slots];
    for (i, (key, (_, value))) in keys.iter().zip(entries).enumerate() {
        table[placement[i]] = Some((*key, *value));
    }

    let mut o = String::new();
    let _ = writeln!(
        o,
        "/// Every spelling (any case) -> its slot: a perfect hash ignoring ASCII case,\n\
         /// searched by build/perfect.rs (seed {seed}, {n} keys, {buckets} buckets,\n\
         /// {slots} slots).",
    );
    let _ = writeln!(
        o,
        "pub(crate) static {name}: NameIndex<{buckets}, {slots}> = NameIndex {{\n    seed: {seed},"
    );
    let _ = write!(o, "    displacements: &[");
    for (i, p) in pilots.iter().enumerate() {
        if i % 4 == 0 {
            o.push_str("\n       ");
        }
        let _ = write!(o, " 0x{:016x},", p.wrapping_mul(PILOT));
    }
    // One slot per line: the suite `lookup` returns and the key's length.
    let _ = writeln!(o, "\n    ],\n    slots: &[");
    for entry in &table {
        let slot = entry.map_or(Slot::EMPTY, |(key, (_, _, first))| Slot {
            first,
            len: key.len() as u8,
        });
        let _ = writeln!(
            o,
            "        Slot {{ first: {}, len: {} }},",
            slot.first, slot.len
        );
    }
    // One record per slot, after the name it holds: the name's words
    // (overlapping), their masks (0xDF: a letter) and its value.
    let _ = writeln!(o, "    ],\n    records: &[");
    let mut long: Vec<&str> = Vec::new();
    for (i, entry) in table.iter().enumerate() {
        let Some((key, (start, count, _))) = entry else {
            let _ = writeln!(o, "        Record::EMPTY,");
            continue;
        };
        let text = std::str::from_utf8(key).map_err(|e| e.to_string())?;
        let r = Record::new(key, (*start, *count), long.len() as u16);
        if r.long != NOT_LONG {
            long.push(text);
        }
        let _ = writeln!(o, "        // {i}: {text}");
        let _ = writeln!(
            o,
            "        Record {{ key: *b\"{}\", mask: *b\"{}\", count: {}, start: {}, long: {} }},",
            escaped(&r.key),
            escaped(&r.mask),
            r.count,
            r.start,
            r.long
        );
    }
    let _ = writeln!(o, "    ],\n    long: &{long:?},\n}};");
    Ok(o)
}

/// Bytes as the inside of a byte-string literal.
fn escaped(bytes: &[u8]) -> String {
    bytes.iter().map(|b| b.escape_ascii().to_string()).collect()
}

/// The error when no seed works: names the first two keys whose hashes are
/// equal under every seed (the fold of their words collides), if any.
fn no_hash_found(keys: &[&[u8]]) -> String {
    let mut hashes: Vec<(u64, &[u8])> = keys.iter().map(|k| (key_hash(k, 0), *k)).collect();
    hashes.sort_unstable();
    match hashes.windows(2).find(|w| w[0].0 == w[1].0) {
        Some(w) => format!(
            "names {:?} and {:?} hash alike: change `hash` in src/name_hash.rs",
            String::from_utf8_lossy(w[0].1),
            String::from_utf8_lossy(w[1].1)
        ),
        None => "no perfect hash found for the names in 400 tries".into(),
    }
}

/// The hash a key is looked up by.
fn key_hash(key: &[u8], seed: u64) -> u64 {
    hash(&words(key), key.len(), seed)
}

/// One pilot per bucket and the slot of every key, or `None` if some bucket
/// cannot be placed under this seed.
fn place(
    keys: &[&[u8]],
    seed: u64,
    buckets: usize,
    slots: usize,
) -> Option<(Vec<u64>, Vec<usize>)> {
    let bucket_shift = 64 - buckets.trailing_zeros();
    let slot_shift = 64 - slots.trailing_zeros();
    let hashes: Vec<u64> = keys.iter().map(|k| key_hash(k, seed)).collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
    for (i, &h) in hashes.iter().enumerate() {
        members[bucket(h, bucket_shift)].push(i);
    }
    let mut order: Vec<usize> = (0..buckets).collect();
    order.sort_by_key(|&b| (std::cmp::Reverse(members[b].len()), b));

    let mut taken = vec![false; slots];
    let mut pilots = vec![0u64; buckets];
    let mut placement = vec![usize::MAX; keys.len()];
    let mut tried: Vec<usize> = Vec::new();
    for b in order {
        if members[b].is_empty() {
            break;
        }
        let found = (0..=u64::from(u16::MAX)).find(|&p| {
            tried.clear();
            for &i in &members[b] {
                let s = slot(hashes[i], p.wrapping_mul(PILOT), slot_shift);
                if taken[s] || tried.contains(&s) {
                    return false;
                }
                tried.push(s);
            }
            true
        })?;
        pilots[b] = found;
        for &i in &members[b] {
            let s = slot(hashes[i], found.wrapping_mul(PILOT), slot_shift);
            taken[s] = true;
            placement[i] = s;
        }
    }
    Some((pilots, placement))
}
