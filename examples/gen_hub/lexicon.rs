//! The words running text is drawn from, in one of two corpora:
//!
//! - `Small`: the subject's 60 words and 20 small words per language
//!   (`words::WORDS`, `words::SMALL`), so every word is on nearly every
//!   page: the worst case for a search's first query, and a tiny index.
//! - `Zipf` (the default): real text's shape. Half the words come from a
//!   common vocabulary of about 170 per language (`common`), the other
//!   half from a long tail of made-up French and English forms
//!   (`morphemes`); ranks follow Zipf's law (the `r`th word is drawn in
//!   proportion to `1 / r`, the tail continuing the common words' ranks),
//!   and the tail's size follows Heaps' law, growing as the square root of
//!   the text: 900 × √entities words per language, 40,000 at 2,000
//!   entities, 90,000 at 10,000, 285,000 at 100,000.
//!
//! Weights are integers and every form is drawn from its own seeded
//! stream, so the same arguments give the same bytes on every machine.

use std::collections::HashSet;

use super::common::FUNCTION;
use super::morphemes::{elides, form};
use super::rng::Rng;
use super::words::{SMALL, WORDS};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Vocabulary {
    Small,
    Zipf,
}

impl Vocabulary {
    pub fn parse(s: &str) -> Option<Vocabulary> {
        match s {
            "small" => Some(Vocabulary::Small),
            "zipf" => Some(Vocabulary::Zipf),
            _ => None,
        }
    }
}

/// The tail's size for a hub of `entities` (Heaps' law, β = 1/2).
pub fn tail_size(entities: usize) -> usize {
    900 * entities.isqrt()
}

/// Words ranked by frequency, drawn in proportion to `1 / (offset + r)`.
struct Ranked<W> {
    words: Vec<W>,
    /// Running sums of the weights, to find a draw's word by bisection.
    cumulative: Vec<u64>,
}

impl<W> Ranked<W> {
    fn new(words: Vec<W>, offset: usize) -> Ranked<W> {
        let mut total = 0u64;
        let cumulative = (0..words.len())
            .map(|r| {
                total += (1u64 << 40) / (offset + r + 1) as u64;
                total
            })
            .collect();
        Ranked { words, cumulative }
    }

    fn draw(&self, rng: &mut Rng) -> &W {
        let total = *self.cumulative.last().unwrap_or(&1);
        let x = rng.next() % total;
        let r = self.cumulative.partition_point(|c| *c <= x);
        &self.words[r.min(self.words.len() - 1)]
    }
}

/// One language's words.
pub struct Lexicon {
    lang: usize,
    vocabulary: Vocabulary,
    common: Ranked<&'static str>,
    tail: Ranked<String>,
}

impl Lexicon {
    pub fn new(vocabulary: Vocabulary, lang: usize, entities: usize, seed: u64) -> Lexicon {
        let mut seen: HashSet<String> = HashSet::new();
        let common: Vec<&'static str> = FUNCTION[lang]
            .iter()
            .chain(WORDS[lang].iter())
            .copied()
            .filter(|w| seen.insert(w.to_lowercase()))
            .collect();
        let size = match vocabulary {
            Vocabulary::Small => 0,
            Vocabulary::Zipf => tail_size(entities),
        };
        let mut tail = Vec::with_capacity(size);
        for rank in 0..size {
            // Redraw a form some other word already has, in a stream of
            // its own: no rank's form depends on how many were redrawn.
            for attempt in 0.. {
                let mut rng = Rng::derive(seed, &[9, lang as u64, rank as u64, attempt]);
                let w = form(&mut rng, lang, rank);
                if seen.insert(w.clone()) {
                    tail.push(w);
                    break;
                }
            }
        }
        let offset = common.len();
        Lexicon {
            lang,
            vocabulary,
            common: Ranked::new(common, 0),
            tail: Ranked::new(tail, offset),
        }
    }

    /// Distinct words this lexicon can write (the small corpus's two lists).
    pub fn len(&self) -> usize {
        match self.vocabulary {
            Vocabulary::Small => SMALL[self.lang].len() + WORDS[self.lang].len(),
            Vocabulary::Zipf => self.common.words.len() + self.tail.words.len(),
        }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        match self.vocabulary {
            Vocabulary::Small => {
                if rng.percent(35) {
                    rng.pick::<&str>(SMALL[self.lang])
                } else {
                    rng.pick::<&str>(WORDS[self.lang])
                }
            }
            Vocabulary::Zipf => {
                if rng.percent(50) {
                    self.common.draw(rng)
                } else {
                    self.tail.draw(rng)
                }
            }
        }
    }

    /// One sentence of `lo..=hi` words, capitalised, with a full stop; in
    /// the Zipf corpus French articles elide before a vowel (`l'accord`).
    pub fn sentence(&self, rng: &mut Rng, lo: usize, hi: usize) -> String {
        let n = rng.range(lo, hi);
        let mut s = String::new();
        let mut last = "";
        for w in 0..n {
            let word = self.word(rng);
            let elided = self.lang == 0
                && self.vocabulary == Vocabulary::Zipf
                && matches!(last, "le" | "la" | "de" | "que" | "ne" | "se")
                && elides(word)
                && !FUNCTION[0].contains(&word);
            if elided {
                // "le" → "l'", "que" → "qu'": the vowel goes, no space.
                s.pop();
                s.push('\'');
            } else if w > 0 {
                s.push(' ');
            }
            if w == 0 {
                let mut c = word.chars();
                if let Some(first) = c.next() {
                    s.extend(first.to_uppercase());
                    s.push_str(c.as_str());
                }
            } else {
                s.push_str(word);
            }
            last = word;
            if w + 1 < n && w > 2 && rng.percent(6) {
                s.push(',');
                last = ",";
            }
        }
        s.push('.');
        s
    }
}
