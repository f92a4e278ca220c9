//! A small seeded generator (SplitMix64): the same seed gives the same hub
//! on every machine and every Rust version, which a crate's default RNG
//! does not promise.

pub struct Rng(u64);

impl Rng {
    /// An independent stream for one part of the hub (an entity, a body):
    /// what one part draws never shifts what another part gets.
    pub fn derive(seed: u64, parts: &[u64]) -> Rng {
        let mut r = Rng(seed);
        for p in parts {
            r.0 ^= p.wrapping_mul(0xA24B_AED4_963E_E407);
            r.next();
        }
        r
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; `n` must not be 0. The modulo bias is far below
    /// anything a benchmark hub could show.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True `pct` times in a hundred.
    pub fn percent(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// `lo..=hi` distinct numbers of `0..n` (fewer if `n` is smaller), in
    /// the order drawn.
    pub fn distinct(&mut self, lo: usize, hi: usize, n: usize) -> Vec<usize> {
        let k = self.range(lo, hi).min(n);
        let mut out: Vec<usize> = Vec::with_capacity(k);
        while out.len() < k {
            let x = self.below(n);
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    }
}
