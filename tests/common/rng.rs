//! A small deterministic generator for the randomised oracle tests, and the
//! seed they share: the same seed replays the same cases.

/// SplitMix64.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// The items of `pool` in random order (Fisher-Yates).
    pub fn shuffled<T: Copy>(&mut self, pool: &[T]) -> Vec<T> {
        let mut v = pool.to_vec();
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
        v
    }
}

/// The seed of the randomised negotiation tests: `CIPHERDEX_NEGOTIATE_SEED`
/// if set (to replay a failure), else a fixed one.
pub fn seed() -> u64 {
    std::env::var("CIPHERDEX_NEGOTIATE_SEED")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0x00C1_9E4D_E500_0005)
}
