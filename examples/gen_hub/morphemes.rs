//! Word forms of the Zipf corpus's long tail, made of French and English
//! sounds: an optional prefix, syllables (onset, vowel, sometimes a final
//! consonant) and an optional suffix, with the spelling's accents (a third
//! of French words carry one, as in real text; English only in loanwords).
//! Rare words are longer than frequent ones (Zipf's law of abbreviation),
//! so the index holds words of realistic lengths. Index 0 is French, 1 is
//! English. Repeated entries are how a piece is made more frequent.

use super::rng::Rng;

struct Sounds {
    prefixes: &'static [&'static str],
    /// Word-initial consonants (an empty one: a vowel starts the word).
    onsets: &'static [&'static str],
    /// Consonants between two vowels, doubled ones included.
    inner: &'static [&'static str],
    vowels: &'static [&'static str],
    /// Consonants closing a syllable.
    codas: &'static [&'static str],
    suffixes: &'static [&'static str],
}

const SOUNDS: [Sounds; 2] = [
    Sounds {
        prefixes: &[
            "re", "ré", "dé", "pré", "in", "con", "com", "trans", "inter", "sur", "co", "anti",
            "sous", "pro", "multi", "auto", "mé", "dis", "ex", "contre",
        ],
        onsets: &[
            "", "", "b", "c", "c", "d", "d", "f", "g", "j", "l", "l", "m", "m", "n", "p", "p", "r",
            "r", "s", "s", "t", "t", "v", "ch", "br", "cr", "dr", "fr", "gr", "pr", "tr", "bl",
            "cl", "fl", "pl", "qu",
        ],
        inner: &[
            "b", "c", "d", "d", "f", "g", "j", "l", "l", "l", "m", "m", "n", "n", "p", "r", "r",
            "r", "s", "t", "t", "t", "v", "v", "ch", "tr", "pr", "gu", "qu", "ph", "gn", "ss",
            "ll", "rr", "mm", "nn", "tt",
        ],
        vowels: &[
            "a", "a", "a", "a", "a", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "u",
            "u", "é", "é", "é", "è", "ê", "ou", "ai", "au", "eu", "oi", "on", "an", "en", "in",
            "ô", "œu", "ui", "io", "â", "î",
        ],
        codas: &["r", "r", "l", "s", "n", "n", "x", "c", "t", "st"],
        suffixes: &[
            "tion", "tions", "ment", "ments", "ité", "ités", "eur", "eurs", "euse", "ique",
            "iques", "age", "ages", "ance", "ence", "isme", "iste", "able", "ère", "ée", "ées",
            "ais", "aise", "oise", "elle", "ette", "ien", "ienne", "ement", "ure", "erie", "çon",
            "ançais", "ière", "ier", "iers", "aire", "aires", "al", "ale", "aux", "if", "ive",
            "ifs", "és", "ées", "ait", "aient", "èrent", "ons", "ez", "er", "é", "es", "e", "s",
        ],
    },
    Sounds {
        prefixes: &[
            "re", "un", "pre", "dis", "over", "under", "inter", "trans", "co", "sub", "anti",
            "non", "out", "mis", "pro", "multi", "counter", "de", "ex", "up",
        ],
        onsets: &[
            "", "", "b", "c", "d", "d", "f", "g", "h", "h", "j", "k", "l", "l", "m", "m", "n", "p",
            "p", "r", "r", "s", "s", "t", "t", "v", "w", "y", "th", "sh", "ch", "st", "br", "cr",
            "dr", "fr", "gr", "pr", "tr", "bl", "cl", "fl", "pl", "sl", "sp", "sw", "wh", "qu",
        ],
        inner: &[
            "b", "c", "d", "d", "f", "g", "l", "l", "l", "m", "m", "n", "n", "n", "p", "r", "r",
            "r", "s", "t", "t", "t", "v", "th", "st", "ss", "ll", "tt", "pp", "mm", "nd", "nt",
            "ct",
        ],
        vowels: &[
            "a", "a", "a", "e", "e", "e", "i", "i", "o", "o", "u", "ea", "ee", "oo", "ai", "ou",
            "ow", "y", "ie", "oa", "au", "ei",
        ],
        codas: &[
            "n", "n", "r", "r", "t", "t", "st", "nd", "ck", "ll", "ng", "sh", "th", "nt", "m", "s",
            "ss", "x", "rd", "lk", "mp",
        ],
        suffixes: &[
            "tion", "tions", "ness", "ment", "ments", "ing", "ings", "ed", "er", "ers", "ly",
            "able", "ity", "ism", "ist", "ists", "ful", "less", "ship", "hood", "ive", "al", "ous",
            "ence", "ance", "ward", "s", "es", "ary", "ery", "ic", "ics", "ize", "ized", "ise",
            "ure", "age", "ant", "ent", "y",
        ],
    },
];

/// English words with an accent are loanwords (café, naïve, résumé):
/// about one form in sixty here.
const ENGLISH_ACCENT_PCT: u64 = 2;

/// A word form for the `rank`th word (0 is the most frequent) of the tail
/// in `lang`, drawn from `rng`; it may equal another rank's form, which
/// the caller redraws.
pub fn form(rng: &mut Rng, lang: usize, rank: usize) -> String {
    let sounds = &SOUNDS[lang];
    // 1 or 2 syllables among the first thousand words, 2 to 4 beyond:
    // with the affixes, forms of 3 to 16 letters, 9 on average, as in a
    // real vocabulary (frequent words are short).
    let digits = (rank + 1).ilog10() as usize;
    let syllables = 1
        + usize::from(digits >= 3)
        + rng.below(2)
        + usize::from(digits >= 4 && rng.percent([25, 5][lang]));
    let mut w = String::with_capacity(24);
    if rng.percent(12) {
        w.push_str(rng.pick::<&str>(sounds.prefixes));
    }
    for s in 0..syllables {
        let onset = if s == 0 && w.is_empty() {
            *rng.pick(sounds.onsets)
        } else {
            *rng.pick(sounds.inner)
        };
        w.push_str(onset);
        w.push_str(rng.pick::<&str>(sounds.vowels));
        let last = s + 1 == syllables;
        if rng.percent(if last { 50 } else { 20 }) {
            w.push_str(rng.pick::<&str>(sounds.codas));
        }
    }
    if rng.percent([45, 35][lang]) {
        let suffix = *rng.pick(sounds.suffixes);
        // No three vowels in a row where a suffix starting with one follows.
        if starts_with_vowel(suffix) && ends_with_vowel(&w) {
            w.push_str(["r", "t"][lang]);
        }
        w.push_str(suffix);
    }
    if lang == 1 && rng.percent(ENGLISH_ACCENT_PCT) {
        accent(&mut w, rng);
    }
    w
}

/// One `e` (or `i`) of an English form accented, as loanwords are.
fn accent(w: &mut String, rng: &mut Rng) {
    let at: Vec<usize> = w
        .char_indices()
        .filter(|(_, c)| matches!(c, 'e' | 'i'))
        .map(|(i, _)| i)
        .collect();
    if at.is_empty() {
        w.push('é');
        return;
    }
    let i = *rng.pick(&at);
    let accented = if &w[i..=i] == "e" { "é" } else { "ï" };
    w.replace_range(i..=i, accented);
}

fn is_vowel(c: char) -> bool {
    "aeiouyéèêëâàîïôûœ".contains(c)
}

fn starts_with_vowel(s: &str) -> bool {
    s.chars().next().is_some_and(is_vowel)
}

fn ends_with_vowel(s: &str) -> bool {
    s.chars().last().is_some_and(is_vowel)
}

/// Whether `word` elides a French article or particle before it (`l'`,
/// `d'`, `qu'`): it starts with a vowel.
pub fn elides(word: &str) -> bool {
    starts_with_vowel(word)
}
