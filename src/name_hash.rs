//! The name index: a static perfect hash over ASCII-upper-cased names.
//!
//! This file is compiled twice: into the library, where [`NameIndex::get`]
//! answers `lookup`, and into the build script (`build/perfect.rs`), which
//! uses the same [`hash`] to search a seed and one displacement per bucket
//! so that every known spelling gets a slot of its own. At run time a name
//! costs: hashing eight bytes at a time (bit 5 of each byte set, so letter
//! case does not count), two multiplications to find the slot, and one
//! comparison with the stored key, word by word, where only the letters'
//! case bit may differ. No allocation, no false positives: a slot matches
//! only if the stored name equals the input ignoring ASCII case.
//!
//! Why not `phf`: its SipHash-1-3 over an `UncasedStr` folds and hashes one
//! byte at a time, and cost several times more per lookup than an exact-case
//! `match` in the peer crates (see `benches/README.md`).

/// The longest name the index can hold, in bytes (the longest known name is
/// far shorter; the build script checks).
#[allow(dead_code)] // used by the build script
pub(crate) const MAX_LEN: usize = 96;

/// FxHash's multiplier (rustc's hasher): odd, with well-spread bits.
const K: u64 = 0x517c_c1b7_2722_0a95;

/// Bit 5 of every byte: the bit that tells an ASCII letter's cases apart.
const CASE: u64 = 0x2020_2020_2020_2020;

/// Eight bytes as a little-endian word.
#[inline]
fn load(chunk: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(chunk);
    u64::from_le_bytes(b)
}

/// The last, partial word of `s` (its last `s.len() % 8` bytes, zero-padded),
/// or `None` if `s` is a whole number of words. Branch-light: overlapping
/// loads instead of a loop over bytes.
#[inline]
fn tail(s: &[u8]) -> Option<u64> {
    let n = s.len();
    let rest = n % 8;
    if rest == 0 {
        return None;
    }
    Some(if n >= 8 {
        // The last eight bytes, shifted so the ones already read fall out.
        load(&s[n - 8..]) >> (8 * (8 - rest))
    } else if n >= 4 {
        // Two four-byte loads that overlap on identical bytes.
        let lo = u64::from(u32::from_le_bytes([s[0], s[1], s[2], s[3]]));
        let hi = u64::from(u32::from_le_bytes([s[n - 4], s[n - 3], s[n - 2], s[n - 1]]));
        lo | (hi << (8 * (n - 4)))
    } else {
        // One to three bytes: first, middle and last (which may coincide).
        u64::from(s[0])
            | (u64::from(s[n / 2]) << (8 * (n / 2)))
            | (u64::from(s[n - 1]) << (8 * (n - 1)))
    })
}

/// Word `i` (eight bytes, little-endian) of `s`, zero-padded past its end.
#[cfg(test)]
fn word(s: &[u8], i: usize) -> u64 {
    match s.get(i * 8..i * 8 + 8) {
        Some(chunk) => load(chunk),
        None => tail(s).unwrap_or(0),
    }
}

/// The mask of bit 5 in every byte of `w` that is an ASCII letter.
#[inline]
pub(crate) fn letters(w: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let up = (w & LOW7) & !CASE; // fold to upper case; bytes stay <= 0x5f, no carries
    let from_a = up + 0x3f3f_3f3f_3f3f_3f3f; // high bit set where byte >= b'A'
    let past_z = up + 0x2525_2525_2525_2525; // high bit set where byte > b'Z'
    ((from_a & !past_z & !w & HIGH) >> 2) & CASE
}

/// The hash of `s` ignoring ASCII case, under `seed`: FxHash's
/// rotate-xor-multiply over eight bytes at a time with bit 5 of every byte
/// set (so both cases of a letter hash alike), length first.
#[inline]
pub(crate) fn hash(s: &[u8], seed: u64) -> u64 {
    let step = |h: u64, w: u64| (h.rotate_left(5) ^ (w | CASE)).wrapping_mul(K);
    let mut h = (seed ^ s.len() as u64).wrapping_mul(K);
    for chunk in s.chunks_exact(8) {
        h = step(h, load(chunk));
    }
    match tail(s) {
        Some(w) => step(h, w),
        None => h,
    }
}

/// The stored form of a key: its words, zero-padded, and for each word the
/// mask of its letters (see [`letters`]).
#[allow(dead_code)] // used by the build script and the tests
pub(crate) fn key_words(s: &[u8]) -> Vec<(u64, u64)> {
    s.chunks_exact(8)
        .map(load)
        .chain(tail(s))
        .map(|w| (w, letters(w)))
        .collect()
}

/// Whether `s` equals the key stored as `key` (see [`key_words`]) ignoring
/// ASCII case: word by word, bytes must be equal except in bit 5 of letters.
/// `key` must hold `s.len().div_ceil(8)` words (the caller checked the
/// lengths are equal).
#[inline]
fn equals(s: &[u8], key: &[(u64, u64)]) -> bool {
    // An early exit per word: cheaper than comparing all (and keeps the
    // compiler from vectorising a loop that runs two to eight times).
    for (chunk, &(w, mask)) in s.chunks_exact(8).zip(key) {
        if (load(chunk) ^ w) & !mask != 0 {
            return false;
        }
    }
    match (tail(s), key.last()) {
        (Some(t), Some(&(w, mask))) => (t ^ w) & !mask == 0,
        _ => true,
    }
}

/// The bucket of a hash among `buckets`: its high bits, by multiply-shift.
#[inline]
pub(crate) fn bucket(h: u64, buckets: usize) -> usize {
    ((u128::from(h) * buckets as u128) >> 64) as usize
}

/// The slot of a hash among `slots`, given its bucket's displacement.
#[inline]
pub(crate) fn slot(h: u64, displacement: u16, slots: usize) -> usize {
    let mixed = (h ^ u64::from(displacement).wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .wrapping_mul(0xd6e8_feb8_6659_fd93);
    ((u128::from(mixed ^ (mixed >> 32)) * slots as u128) >> 64) as usize
}

/// One slot of the index: where its key's words start in [`NameIndex::words`],
/// the key's length in bytes (0: empty slot), and the value (`(start, len)`
/// in `NAME_TARGETS`).
pub(crate) type Slot = (u16, u8, u16, u8);

/// A case-insensitive perfect-hash map from names to `(start, len)` in
/// `NAME_TARGETS`, generated by the build script.
#[derive(Debug)]
pub(crate) struct NameIndex {
    pub(crate) seed: u64,
    /// The longest key, in bytes: longer input is no key.
    pub(crate) max_len: usize,
    pub(crate) displacements: &'static [u16],
    pub(crate) slots: &'static [Slot],
    /// Every key's words with their letter masks, key after key.
    pub(crate) words: &'static [(u64, u64)],
}

impl NameIndex {
    /// The value stored under `name`, compared ignoring ASCII case.
    #[inline]
    pub(crate) fn get(&self, name: &str) -> Option<(u16, u8)> {
        let s = name.as_bytes();
        if s.is_empty() || s.len() > self.max_len {
            return None;
        }
        let h = hash(s, self.seed);
        let d = self.displacements[bucket(h, self.displacements.len())];
        let (start, len, v_start, v_len) = self.slots[slot(h, d, self.slots.len())];
        if usize::from(len) != s.len() {
            return None;
        }
        let start = usize::from(start);
        let key = self.words.get(start..start + s.len().div_ceil(8))?;
        equals(s, key).then_some((v_start, v_len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_marks_exactly_the_ascii_letters_in_every_lane() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                // Neighbours of every kind, which must not disturb the lane.
                let mut bytes = *b"a-Z_9\xffz{";
                bytes[lane] = b;
                let got = letters(u64::from_le_bytes(bytes)).to_le_bytes();
                let want = bytes.map(|c| if c.is_ascii_alphabetic() { 0x20 } else { 0 });
                assert_eq!(got, want, "byte {b:#04x} in lane {lane}");
            }
        }
    }

    #[test]
    fn words_are_zero_padded_for_every_length() {
        let text = b"TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P384";
        for len in 0..=text.len() {
            let s = &text[..len];
            let mut padded = s.to_vec();
            padded.resize(len.div_ceil(8) * 8, 0);
            for i in 0..len.div_ceil(8) {
                let want = u64::from_le_bytes(padded[i * 8..i * 8 + 8].try_into().unwrap());
                assert_eq!(word(s, i), want, "length {len}, word {i}");
            }
        }
    }

    #[test]
    fn equality_ignores_case_of_letters_and_nothing_else() {
        let key = key_words(b"TLS_RSA_WITH_AES_128_CBC_SHA");
        assert!(equals(b"tls_rsa_with_aes_128_cbc_sha", &key));
        assert!(equals(b"Tls_Rsa_With_Aes_128_Cbc_Sha", &key));
        // Bit 5 flipped in a non-letter: '_' (0x5f) -> DEL (0x7f), '1' -> 0x11.
        assert!(!equals(b"TLS\x7fRSA_WITH_AES_128_CBC_SHA", &key));
        assert!(!equals(b"TLS_RSA_WITH_AES_\x1128_CBC_SHA", &key));
        assert!(!equals(b"TLS_RSA_WITH_AES_128_CBC_SHB", &key));
        let h = |s: &[u8]| hash(s, 7);
        assert_eq!(
            h(b"ecdhe-rsa-aes128-gcm-sha256"),
            h(b"ECDHE-RSA-AES128-GCM-SHA256")
        );
        assert_ne!(
            h(b"ECDHE-RSA-AES128-GCM-SHA256"),
            h(b"ECDHE-RSA-AES128-GCM-SHA256\0")
        );
    }

    #[test]
    fn slot_and_bucket_stay_in_range() {
        for (i, h) in [0, 1, u64::MAX, K, 0x8000_0000_0000_0000]
            .into_iter()
            .enumerate()
        {
            for n in [1usize, 2, 7, 1000, 4096] {
                assert!(bucket(h, n) < n, "{i}");
                for d in [0, 1, u16::MAX] {
                    assert!(slot(h, d, n) < n, "{i}");
                }
            }
        }
    }
}
