//! The name index: a static perfect hash over names, ignoring ASCII case.
//!
//! This file is compiled twice: into the library, where [`NameIndex::get`]
//! answers `lookup`, and into the build script (`build/perfect.rs`), which
//! uses the same [`words`] and [`hash`] to search a seed and one displacement
//! per bucket so that every known spelling gets a slot of its own, and to
//! lay out each slot's [`Record`].
//!
//! A lookup of a name of 8 to 48 bytes (nearly all of them) runs straight
//! through, with no data-dependent branch: in a stream of names of varying
//! length a mispredicted branch costs more than the arithmetic.
//!
//! 1. [`words`]: the name as three overlapping 16-byte words, at bytes 0,
//!    `(len - 16) / 2` and `len - 16`, which together hold every byte (names
//!    of 8 to 15 bytes: the first and last eight bytes, three times);
//! 2. [`hash`]: the words folded by xor with bit 5 of every byte set (so
//!    letter case does not count), then mixed with the length and the seed
//!    by one 64x64->128-bit multiplication;
//! 3. the bucket and the slot from the top bits of the hash (bucket and slot
//!    counts are powers of two), one displacement read in between;
//! 4. the slot's [`Record`] holds its key's words and, for each byte, a mask
//!    with bit 5 clear for letters: the input matches if every word equals
//!    the key's where the mask is set (16 bytes at a time, in vector
//!    registers, for names of 16 bytes or more), and the lengths are equal.
//!
//! Names under 8 bytes pack into one word, and longer ones (49 to 64 bytes)
//! are also compared in full; both take the same steps out of line. No
//! allocation, no false positives.
//!
//! Why not `phf`: its SipHash-1-3 over an `UncasedStr` folds and hashes one
//! byte at a time, and cost several times more per lookup than an exact-case
//! `match` in the peer crates (see `benches/README.md`).

/// The longest name the index can hold, in bytes.
pub(crate) const MAX_LEN: usize = 64;

/// The lengths [`NameIndex::get`] handles without a branch.
const FAST: std::ops::RangeInclusive<usize> = 8..=48;

/// A name (or its masks) as [`words`] reads it: three 16-byte words as six
/// little-endian halves.
pub(crate) type Words = [u64; 6];

/// Bit 5 of every byte: the bit that tells an ASCII letter's cases apart.
const CASE: u64 = 0x2020_2020_2020_2020;

/// The multiplier that mixes the fold (odd, well-spread bits: FxHash's).
const MIX: u64 = 0x517c_c1b7_2722_0a95;

/// The multiplier that spreads a bucket's pilot over the slot bits.
#[allow(dead_code)] // used by the build script
pub(crate) const PILOT: u64 = 0x9e37_79b9_7f4a_7c15;

/// `Record::long` of a key no longer than 48 bytes.
pub(crate) const NOT_LONG: u16 = u16::MAX;

/// `N` bytes of `s` from `p`, if they are there.
#[inline(always)]
fn chunk<const N: usize>(s: &[u8], p: usize) -> Option<&[u8; N]> {
    s.get(p..).and_then(<[u8]>::first_chunk::<N>)
}

/// A name of 0 to 7 bytes packed into half 0: the first and last four bytes
/// (4 to 7), or the first, middle and last byte (1 to 3). Together with the
/// length this says every byte.
#[inline(never)]
fn short(s: &[u8]) -> Words {
    let n = s.len();
    let four = |p: usize| chunk::<4>(s, p).map_or(0, |c| u64::from(u32::from_le_bytes(*c)));
    let byte = |p: usize| s.get(p).map_or(0, |&b| u64::from(b));
    let packed = if n >= 4 {
        four(0) | (four(n - 4) << 32)
    } else if n > 0 {
        byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16)
    } else {
        0
    };
    [packed, 0, 0, 0, 0, 0]
}

/// The three words of `s`, as halves. For 16 bytes or more: 16 bytes each
/// at bytes 0, `(len - 16) / 2` and `len - 16`, which hold every byte of a
/// name of up to 48 bytes (of a longer one, all but some in the middle).
/// For 8 to 15 bytes, each word is the first and the last eight bytes; a
/// shorter name packs into half 0 (see [`short`]). Branch-free from 8 bytes
/// up: a half past the end is the last eight bytes instead. For a fixed
/// length up to 48 bytes, equal words mean equal names.
#[inline(always)]
pub(crate) fn words(s: &[u8]) -> Words {
    let Some((_, tail)) = s.split_last_chunk::<8>() else {
        return short(s);
    };
    let n = s.len();
    // Where words 2 and 1 start.
    let from = n.saturating_sub(16);
    let mid = from / 2;
    // The eight bytes at `p`, or the last eight if `p` is past them, taken
    // as the eight that end at `min(p + 8, len)`: a form whose bounds the
    // compiler can see, so that it emits conditional moves and no checks.
    let at = |p: usize| match s[..(p + 8).min(n)].last_chunk::<8>() {
        Some(c) => u64::from_le_bytes(*c),
        None => 0,
    };
    [
        at(0),
        at(8),
        at(mid),
        at(mid + 8),
        at(from),
        u64::from_le_bytes(*tail),
    ]
}

/// [`words`] of a name of 16 bytes or more, read 16 bytes at a time, and
/// the same words as three 16-byte values, for [`Record::matches_wide`]:
/// the compiler keeps those in vector registers (SSE2 on x86-64) and
/// compares a word in three instructions instead of six, which made `lookup`
/// a fifth faster. `None` for a shorter name.
#[inline(always)]
fn wide_words(s: &[u8]) -> Option<(Words, [u128; 3])> {
    let (first, (_, last)) = (s.first_chunk::<16>()?, s.split_last_chunk::<16>()?);
    let n = s.len();
    // The middle word as the 16 bytes that end at `min(mid + 16, len)`: the
    // same bytes, in a form whose bounds the compiler can see.
    let mid = (n - 16) / 2;
    let middle = s[..(mid + 16).min(n)].last_chunk::<16>().unwrap_or(last);
    let halves = |c: &[u8; 16]| {
        let (lo, hi) = c.split_at(8);
        let half = |h: &[u8]| h.first_chunk::<8>().map_or(0, |h| u64::from_le_bytes(*h));
        (half(lo), half(hi))
    };
    let ((a, b), (c, d), (e, f)) = (halves(first), halves(middle), halves(last));
    let wide = [first, middle, last].map(|c| u128::from_le_bytes(*c));
    Some(([a, b, c, d, e, f], wide))
}

/// The hash of a name of `len` bytes from its [`words`], ignoring ASCII case,
/// under `seed`. The halves, with bit 5 of every byte set, are folded by
/// xor into two, word `i`'s rotated by `3 i` bits: the words overlap by
/// whole bytes, so the same byte read by two of them never lands on itself
/// and cancels, and there are three terms, so that the fold of a name whose
/// words are all equal loses nothing. One multiplication mixes the fold, the
/// length and the seed. The build checks that no two names hash alike.
#[inline(always)]
pub(crate) fn hash(w: &Words, len: usize, seed: u64) -> u64 {
    let h = |i: usize| w[i] | CASE;
    let lo = h(0) ^ h(3).rotate_left(3) ^ h(4).rotate_left(6);
    let hi = h(1) ^ h(2).rotate_left(3) ^ h(5).rotate_left(6);
    let p = u128::from(lo ^ seed) * u128::from(hi ^ MIX ^ len as u64);
    (p as u64) ^ ((p >> 64) as u64)
}

/// The bucket of a hash: its top `64 - shift` bits.
#[inline(always)]
pub(crate) fn bucket(h: u64, shift: u32) -> usize {
    h.checked_shr(shift).unwrap_or(0) as usize
}

/// The slot of a hash in its bucket, given the bucket's displacement: the
/// top bits of the hash's other half, xored with the displacement.
#[inline(always)]
pub(crate) fn slot(h: u64, displacement: u64, shift: u32) -> usize {
    (h.rotate_left(32) ^ displacement)
        .checked_shr(shift)
        .unwrap_or(0) as usize
}

/// What a slot holds for the common answer: which suite, for a key of which
/// length. Four bytes, so that the table of them stays in the first-level
/// cache and the answer does not wait on the (larger) record.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot {
    /// `NAME_TARGETS[start]` of the record: the suite `lookup` returns.
    pub(crate) first: u16,
    /// The key's length in bytes; 0 for an empty slot.
    pub(crate) len: u8,
}

impl Slot {
    /// An empty slot.
    #[allow(dead_code)] // used by the generated tables
    pub(crate) const EMPTY: Slot = Slot { first: 0, len: 0 };
}

/// What else a slot holds: its key's [`words`] and their masks, to compare
/// with, and its whole value. Two cache lines, aligned, read together.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(64))]
pub(crate) struct Record {
    /// The key's words, little-endian.
    pub(crate) key: [u8; 48],
    /// For each byte of `key`: `0xDF` where it is an ASCII letter (whose
    /// case may differ), `0xFF` elsewhere, `0x00` where `key` is padding.
    pub(crate) mask: [u8; 48],
    /// The value: how many entries of `NAME_TARGETS` it spans...
    pub(crate) count: u8,
    /// ...from here.
    pub(crate) start: u16,
    /// For a key of more than 48 bytes, its index in `NameIndex::long`:
    /// the words do not hold all of it. Otherwise [`NOT_LONG`].
    pub(crate) long: u16,
}

impl Record {
    /// An empty slot.
    #[allow(dead_code)] // used by the generated tables
    pub(crate) const EMPTY: Record = Record {
        key: [0; 48],
        mask: [0; 48],
        count: 0,
        start: 0,
        long: NOT_LONG,
    };

    /// The record of `key` (at most [`MAX_LEN`] bytes) with its value
    /// `(start, count)`, and `long` its index among the long keys if it is
    /// one.
    #[allow(dead_code)] // used by the build script and the tests
    pub(crate) fn new(key: &[u8], (start, count): (u16, u8), long: u16) -> Record {
        let masks: Vec<u8> = key
            .iter()
            .map(|b| if b.is_ascii_alphabetic() { 0xDF } else { 0xFF })
            .collect();
        let mut r = Record {
            count,
            start,
            long: if key.len() > *FAST.end() {
                long
            } else {
                NOT_LONG
            },
            ..Record::EMPTY
        };
        for (i, (k, m)) in words(key).iter().zip(words(&masks)).enumerate() {
            r.key[8 * i..8 * i + 8].copy_from_slice(&k.to_le_bytes());
            r.mask[8 * i..8 * i + 8].copy_from_slice(&m.to_le_bytes());
        }
        r
    }

    /// Whether `w`, the words of a name as long as the key, equal the key's
    /// ignoring the case of letters. Every word, no early exit.
    #[inline(always)]
    fn matches(&self, w: &Words) -> bool {
        let half = |bytes: &[u8; 48], i: usize| {
            chunk::<8>(bytes, 8 * i).map_or(0, |c| u64::from_le_bytes(*c))
        };
        let differs = |i: usize| (w[i] ^ half(&self.key, i)) & half(&self.mask, i);
        (0..6).fold(0, |d, i| d | differs(i)) == 0
    }

    /// Whether `w` equals the key's first word, ignoring the case of
    /// letters: all of [`matches`](Self::matches) for a name of 8 to 15
    /// bytes, whose three words are the same.
    #[inline(always)]
    fn matches_first(&self, w: u128) -> bool {
        let word = |bytes: &[u8; 48]| {
            bytes
                .first_chunk::<16>()
                .map_or(0, |c| u128::from_le_bytes(*c))
        };
        (w ^ word(&self.key)) & word(&self.mask) == 0
    }

    /// [`matches`](Self::matches) for the words of a name of 16 bytes or
    /// more, as three 16-byte values (see [`wide_words`]).
    #[inline(always)]
    fn matches_wide(&self, w: &[u128; 3]) -> bool {
        let word = |bytes: &[u8; 48], i: usize| {
            chunk::<16>(bytes, 16 * i).map_or(0, |c| u128::from_le_bytes(*c))
        };
        let differs = |i: usize| (w[i] ^ word(&self.key, i)) & word(&self.mask, i);
        differs(0) | differs(1) | differs(2) == 0
    }
}

/// A case-insensitive perfect-hash map from names to [`Slot`]s and
/// [`Record`]s, generated by the build script, with `B` buckets and `S`
/// slots (powers of two). The counts are type parameters so that the bucket
/// and slot arithmetic compiles to constant shifts with no bounds checks,
/// also where `lookup` is inlined into another crate.
#[derive(Debug)]
pub(crate) struct NameIndex<const B: usize, const S: usize> {
    pub(crate) seed: u64,
    pub(crate) displacements: &'static [u64; B],
    /// One slot and one record per slot.
    pub(crate) slots: &'static [Slot; S],
    pub(crate) records: &'static [Record; S],
    /// The keys longer than 48 bytes, whole.
    pub(crate) long: &'static [&'static str],
}

impl<const B: usize, const S: usize> NameIndex<B, S> {
    /// `64 - log2(B)`: the shift that leaves a hash's bucket.
    const BUCKET_SHIFT: u32 = 64 - B.trailing_zeros();
    /// `64 - log2(S)`: the shift that leaves a slot.
    const SLOT_SHIFT: u32 = 64 - S.trailing_zeros();

    /// The slot and record of `name`, compared ignoring ASCII case.
    #[inline(always)]
    pub(crate) fn get(&self, name: &str) -> Option<(&'static Slot, &'static Record)> {
        let s = name.as_bytes();
        if !FAST.contains(&s.len()) {
            return self.get_cold(name);
        }
        if let Some((w, wide)) = wide_words(s) {
            let (slot, r) = self.slot(hash(&w, s.len(), self.seed))?;
            return (r.matches_wide(&wide) && usize::from(slot.len) == s.len())
                .then_some((slot, r));
        }
        // 8 to 15 bytes: the three words are the same (first and last eight
        // bytes), in the input and in any record of a key this long.
        let w = words(s);
        let (slot, r) = self.slot(hash(&w, s.len(), self.seed))?;
        let word = u128::from(w[0]) | (u128::from(w[1]) << 64);
        (r.matches_first(word) && usize::from(slot.len) == s.len()).then_some((slot, r))
    }

    /// [`get`](Self::get) for names shorter than 8 or longer than 48 bytes.
    #[inline(never)]
    fn get_cold(&self, name: &str) -> Option<(&'static Slot, &'static Record)> {
        let s = name.as_bytes();
        if s.is_empty() || s.len() > MAX_LEN {
            return None;
        }
        let w = words(s);
        let (slot, r) = self.slot(hash(&w, s.len(), self.seed))?;
        if !r.matches(&w) || usize::from(slot.len) != s.len() {
            return None;
        }
        if s.len() > *FAST.end() {
            let key = self.long.get(usize::from(r.long))?;
            return key.eq_ignore_ascii_case(name).then_some((slot, r));
        }
        Some((slot, r))
    }

    /// The slot and record a hash leads to.
    #[inline(always)]
    fn slot(&self, h: u64) -> Option<(&'static Slot, &'static Record)> {
        let d = *self.displacements.get(bucket(h, Self::BUCKET_SHIFT))?;
        let i = slot(h, d, Self::SLOT_SHIFT);
        Some((self.slots.get(i)?, self.records.get(i)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-key index.
    fn index_of(key: &str) -> NameIndex<1, 1> {
        let long: &'static [&'static str] = Box::leak(Box::new([&*key.to_string().leak()]));
        let records: &'static [Record; 1] =
            Box::leak(Box::new([Record::new(key.as_bytes(), (7, 1), 0)]));
        let slots: &'static [Slot; 1] = Box::leak(Box::new([Slot {
            first: 9,
            len: key.len() as u8,
        }]));
        NameIndex {
            seed: 1,
            displacements: &[0],
            slots,
            records,
            long,
        }
    }

    fn found(index: &NameIndex<1, 1>, s: &str) -> Option<(u16, u8, u16)> {
        index.get(s).map(|(slot, r)| (r.start, r.count, slot.first))
    }

    /// Every length the index handles, from 1 to 64 bytes.
    const TEXT: &str = "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P384_and_some_more_text_64b";

    #[test]
    fn matches_exactly_what_eq_ignore_ascii_case_matches() {
        assert_eq!(TEXT.len(), MAX_LEN);
        for len in 1..=TEXT.len() {
            let key = &TEXT[..len];
            let index = index_of(key);
            let hit = Some((7, 1, 9));
            assert_eq!(found(&index, key), hit, "length {len}");
            assert_eq!(found(&index, &key.to_ascii_lowercase()), hit);
            assert_eq!(found(&index, &key.to_ascii_uppercase()), hit);
            // Bit 5 flipped in each byte in turn: a letter's case may
            // differ, nothing else ('_' 0x5F would become DEL 0x7F, '1'
            // 0x11, '-' 0x0D).
            for i in 0..len {
                let mut b = key.as_bytes().to_vec();
                b[i] ^= 0x20;
                let flipped = String::from_utf8(b).unwrap();
                let want = flipped.eq_ignore_ascii_case(key).then_some((7, 1, 9));
                assert_eq!(found(&index, &flipped), want, "length {len}, byte {i}");
                assert_eq!(
                    hash(&words(flipped.as_bytes()), len, 3),
                    hash(&words(key.as_bytes()), len, 3),
                    "the hash ignores bit 5 of every byte: length {len}, byte {i}"
                );
                // Any other change to any byte is a miss.
                let mut b = key.as_bytes().to_vec();
                b[i] = if b[i] == b'#' { b'%' } else { b'#' };
                assert_eq!(found(&index, &String::from_utf8(b).unwrap()), None);
            }
            // One byte more or less, and the same bytes repeated.
            assert_eq!(found(&index, &TEXT[..len - 1]), None, "length {len}");
            assert_eq!(found(&index, &format!("{key}{}", &key[len - 1..])), None);
        }
        assert_eq!(found(&index_of("RSA"), ""), None);
        let long = "A".repeat(MAX_LEN + 1);
        assert_eq!(found(&index_of(&long[..MAX_LEN]), &long), None);
    }

    #[test]
    fn words_hold_every_byte_up_to_48() {
        for len in 8..=48 {
            let s = &TEXT.as_bytes()[..len];
            let (from, last) = (len.saturating_sub(16), len - 8);
            let starts = [0, 8, from / 2, from / 2 + 8, from, last].map(|p: usize| p.min(last));
            let mut seen = vec![false; len];
            for (w, p) in words(s).iter().zip(starts) {
                assert_eq!(w.to_le_bytes(), s[p..p + 8], "length {len}, at {p}");
                seen[p..p + 8].iter_mut().for_each(|b| *b = true);
            }
            assert!(seen.iter().all(|&b| b), "length {len}");
        }
        // The lookup's wide reading gives the same words.
        for len in 0..=MAX_LEN {
            let s = &TEXT.as_bytes()[..len];
            match wide_words(s) {
                Some((w, wide)) => {
                    assert_eq!(w, words(s), "length {len}");
                    for (i, x) in wide.iter().enumerate() {
                        assert_eq!(*x, u128::from(w[2 * i]) | (u128::from(w[2 * i + 1]) << 64));
                    }
                }
                None => assert!(len < 16, "length {len}"),
            }
        }
        // Under 8 bytes: distinct for every length and content that differ.
        let mut seen = std::collections::HashSet::new();
        for len in 1..8 {
            for s in [&TEXT[..len], &TEXT[1..=len], &TEXT[2..len + 2]] {
                assert!(seen.insert((len, words(s.as_bytes()))), "{s:?}");
            }
        }
    }

    #[test]
    fn records_hold_words_masks_and_value() {
        let r = Record::new(b"Ab1", (1, 2), 0);
        assert_eq!(&r.key[..3], b"Ab1");
        // Word 0 of the masks: first, middle and last byte of "Ab1".
        assert_eq!(&r.mask[..3], &[0xDF, 0xDF, 0xFF]);
        assert!(r.key[3..].iter().chain(&r.mask[3..]).all(|&b| b == 0));
        assert_eq!((r.start, r.count, r.long), (1, 2, NOT_LONG));
        assert_eq!(Record::new(TEXT.as_bytes(), (1, 2), 5).long, 5);
        assert_eq!(std::mem::size_of::<Record>(), 128);
    }

    #[test]
    fn bucket_and_slot_stay_in_range() {
        for h in [0, 1, u64::MAX, MIX, 0x8000_0000_0000_0000] {
            for bits in [0u32, 1, 5, 11] {
                let shift = 64 - bits;
                assert!(bucket(h, shift) < 1 << bits);
                for d in [0, 1, PILOT, u64::MAX] {
                    assert!(slot(h, d, shift) < 1 << bits);
                }
            }
        }
    }
}
