//! The Markdown body of one language version: 400 to 900 words under the
//! version's `##` headings, with a list, a table, footnotes and `@/kind/id`
//! links (a few with a `#anchor` to a heading the target really has).
//! rabat-hub and Hugo get the very same text.

use super::lexicon::Lexicon;
use super::plan::{Entity, Fields, Plan};
use super::rng::Rng;
use super::words::HEADINGS;

/// The body of entity `idx` in `LANGS[lang]`.
pub fn body(plan: &Plan, idx: usize, lang: usize) -> String {
    let e = &plan.entities[idx];
    let mut rng = Rng::derive(plan.seed, &[4, idx as u64, lang as u64]);
    let own = references(e);
    let mut links: Vec<String> = (0..rng.range(3, 8))
        .map(|_| {
            let target = if !own.is_empty() && rng.percent(60) {
                *rng.pick(&own)
            } else {
                *rng.pick(&plan.published)
            };
            link(plan, target, lang, &mut rng)
        })
        .collect();
    links.reverse();

    let mut w = Writer {
        out: String::with_capacity(6_000),
        words: 0,
        rng,
        lang,
        lexicon: &plan.lexicon[lang],
        links,
        footnotes: Vec::new(),
    };
    // Words are what a reader counts (tokens with a letter). The last
    // sentence may overshoot by 20 and the footnotes, written last, add up
    // to 28: aim below 900.
    let target = w.rng.range(400, 850);
    w.paragraph(target);
    let headings = &e.headings[lang];
    for (n, h) in headings.iter().enumerate() {
        w.push("## ");
        w.push(HEADINGS[lang][*h].0);
        w.push("\n\n");
        let left = headings.len() - n;
        let end = w.words + target.saturating_sub(w.words) / left;
        if n == 1 {
            w.list();
        }
        if n == 2 {
            w.table();
        }
        if left == 1 {
            // Links not placed yet open the last section, as a list.
            while let Some(l) = w.links.pop() {
                w.push("- ");
                w.push(&l);
                w.push("\n");
            }
            w.push("\n");
        }
        while w.words < end {
            w.paragraph(end);
        }
    }
    let notes = std::mem::take(&mut w.footnotes);
    for (n, text) in notes.iter().enumerate() {
        w.push(&format!("[^{}]: {text}\n", n + 1));
    }
    w.out
}

/// Every entity `e` names in its front matter.
pub fn references(e: &Entity) -> Vec<usize> {
    match &e.fields {
        Fields::Meeting(m) => [
            &m.chairs,
            &m.countries,
            &m.challenges,
            &m.recommendations,
            &m.practices,
        ]
        .into_iter()
        .flatten()
        .copied()
        .chain(m.location.map(|(_, c)| c))
        .collect(),
        Fields::Practice(p) => [&p.countries, &p.challenges, &p.recommendations, &p.meetings]
            .into_iter()
            .flatten()
            .copied()
            .collect(),
        Fields::Challenge { related } => related.clone(),
        Fields::Recommendation { addresses, .. } => addresses.clone(),
        Fields::Country(..) | Fields::Page => Vec::new(),
    }
}

/// `[title](@/kind/id)`, sometimes with `#anchor` to one of the headings of
/// the version the link lands on.
fn link(plan: &Plan, target: usize, lang: usize, rng: &mut Rng) -> String {
    let t = &plan.entities[target];
    let landing = t.resolved_lang(lang);
    let anchor = if rng.percent(10) {
        let h = rng.pick(&t.headings[landing]);
        format!("#{}", HEADINGS[landing][*h].1)
    } else {
        String::new()
    };
    format!(
        "[{}](@/{}/{}{anchor})",
        t.title[landing],
        t.kind.folder(),
        t.id
    )
}

struct Writer<'a> {
    out: String,
    words: usize,
    rng: Rng,
    lang: usize,
    lexicon: &'a Lexicon,
    /// Links still to place, the next one last.
    links: Vec<String>,
    footnotes: Vec<String>,
}

impl Writer<'_> {
    /// Appends `text`, counting its words.
    fn push(&mut self, text: &str) {
        self.words += text
            .split_whitespace()
            .filter(|t| t.chars().any(char::is_alphabetic))
            .count();
        self.out.push_str(text);
    }

    fn sentence(&mut self, lo: usize, hi: usize) -> String {
        self.lexicon.sentence(&mut self.rng, lo, hi)
    }

    /// Two to five sentences, fewer if the body reaches `end` words.
    fn paragraph(&mut self, end: usize) {
        for i in 0..self.rng.range(2, 5) {
            if i > 0 {
                if self.words >= end {
                    break;
                }
                self.push(" ");
            }
            let mut s = self.sentence(8, 20);
            if self.rng.percent(8) {
                // Some emphasis, as editors write it.
                if let Some(space) = s.find(' ') {
                    s.insert_str(space + 1, "**");
                    s.insert_str(s.len() - 1, "**");
                }
            }
            self.push(&s);
            if self.footnotes.len() < 2 && self.rng.percent(4) {
                let note = self.sentence(6, 14);
                self.footnotes.push(note);
                let mark = format!("[^{}]", self.footnotes.len());
                self.push(&mark);
            }
            if self.rng.percent(25)
                && let Some(l) = self.links.pop()
            {
                let see = ["Voir", "See"][self.lang];
                self.push(&format!(" {see} {l}."));
            }
        }
        self.push("\n\n");
    }

    fn list(&mut self) {
        for _ in 0..self.rng.range(3, 6) {
            let s = self.sentence(5, 12);
            self.push("- ");
            self.push(s.trim_end_matches('.'));
            if self.rng.percent(30)
                && let Some(l) = self.links.pop()
            {
                self.push(&format!(" ({l})"));
            }
            self.push(";\n");
        }
        self.push("\n");
    }

    fn table(&mut self) {
        let head = [
            ["Année", "Action", "Résultat"],
            ["Year", "Action", "Result"],
        ][self.lang];
        self.push(&format!(
            "| {} | {} | {} |\n|---|---|---|\n",
            head[0], head[1], head[2]
        ));
        for _ in 0..self.rng.range(3, 5) {
            let year = self.rng.range(2006, 2025);
            let action = self.sentence(3, 6);
            let result = self.sentence(2, 5);
            self.push(&format!(
                "| {year} | {} | {} |\n",
                action.trim_end_matches('.'),
                result.trim_end_matches('.')
            ));
        }
        self.push("\n");
    }
}
