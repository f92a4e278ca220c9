//! What the editor writes is what the reader gets: every example of the
//! CommonMark specification (vendored in `tests/fixtures/commonmark/`,
//! with its licence) rendered by the hub in a French and in an English
//! body gives the HTML pulldown-cmark itself gives for the same text and
//! options, sanitised the same way, apart from the changes the hub makes
//! on purpose, each undone by `normalise` and named there:
//!
//! - heading ids (the hub gives every heading one, slugged from its text);
//! - code blocks (highlighted: compared by their text);
//! - tables (alignment as a class, not `style`, compared as alignment; a
//!   scrolling region around);
//! - footnotes (numbered ids, a link back);
//! - French typography (narrow no-break spaces before `: ; ! ?` and inside
//!   « », compared as if they were not there);
//! - an address whose scheme is not on ammonia's list of safe ones
//!   (`<made-up-scheme://x>`) leads nowhere either way, but the hub writes
//!   `href="#"` and reports it, where the sanitiser drops the `href`;
//! - `class`, `style` and `aria-*` attributes, and whitespace between
//!   elements.
//!
//! Any other difference fails the test, with the examples that differ.
//!
//! Twice: through `markdown::render`, the one function every page body
//! goes through (`build`, `check` and `serve` alike), for all 652; and on
//! the pages of a built site for the 540 the site accepts (the others
//! link to `/url`, `foo` and the like, which it rightly refuses as broken
//! links). The spacing French typography adds is
//! compared as if absent here; its rules have their own tests
//! (`typography.rs`, `markdown/render.rs`).

use std::path::PathBuf;

use rabat_hub::markdown::{
    Input, Labels, LinkError, ResolveLink, Resolved, reference_html, render,
};
use scraper::{Html, Node};

struct Example {
    number: usize,
    markdown: String,
}

fn examples() -> Vec<Example> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/commonmark/spec.txt");
    let text = std::fs::read_to_string(path).expect("spec.txt");
    let fence = format!("{} example", "`".repeat(32));
    let end = "`".repeat(32);
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line != fence {
            continue;
        }
        let mut markdown = String::new();
        for l in lines.by_ref() {
            if l == "." {
                break;
            }
            markdown.push_str(l);
            markdown.push('\n');
        }
        for l in lines.by_ref() {
            if l == end {
                break;
            }
        }
        out.push(Example {
            number: out.len() + 1,
            markdown: markdown.replace('→', "\t"),
        });
    }
    out
}

/// Every address resolves: the examples link to `/url`, `foo`… which the
/// site would rightly refuse; here only the rendering is compared.
struct Anything;

impl ResolveLink for Anything {
    fn resolve(&self, target: &str) -> Result<Resolved, LinkError> {
        Ok(Resolved {
            url: format!("@/{target}"),
            fallback_lang: None,
        })
    }
}

static LABELS: Labels = Labels {
    table: String::new(),
    footnote_back: String::new(),
    sizes: rabat_hub::typography::SizeWords {
        kb: String::new(),
        mb: String::new(),
        decimal_mark: String::new(),
    },
    languages: std::collections::BTreeMap::new(),
};

fn hub_html(markdown: &str, french: bool) -> String {
    let text = format!("---\ntitle: x\n---\n{markdown}");
    let input = Input {
        file: "example.md",
        file_text: &text,
        body: 16..text.len(),
        allow_raw_html: false,
        french,
        labels: &LABELS,
        html: true,
    };
    render(&input, &Anything).0.html
}

const KEPT_ATTRIBUTES: [&str; 6] = ["href", "src", "alt", "title", "start", "type"];

/// The HTML with the intentional changes undone, as one comparable string.
fn normalise(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    let mut out = String::new();
    walk(doc.root_element(), &mut out);
    // French spacing: U+202F and the space it replaced, around the
    // punctuation typography spaces.
    let mut s = out.replace('\u{202f}', " ");
    for p in [":", ";", "!", "?", "»"] {
        s = s.replace(&format!(" {p}"), p);
    }
    s = s.replace("« ", "«");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn walk(node: scraper::ElementRef<'_>, out: &mut String) {
    for child in node.children() {
        match child.value() {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let el = scraper::ElementRef::wrap(child).expect("an element");
                let name = e.name();
                let class = e.attr("class").unwrap_or("");
                // The hub's own wrappers and additions.
                if class.contains("table-scroll") {
                    walk(el, out);
                    continue;
                }
                if class.contains("footnote-back") {
                    continue;
                }
                if name == "pre" {
                    out.push_str("<pre>");
                    out.push_str(&el.text().collect::<String>());
                    out.push_str("</pre>");
                    continue;
                }
                out.push('<');
                out.push_str(name);
                let mut attrs: Vec<(&str, &str)> = e
                    .attrs()
                    .filter(|(k, _)| KEPT_ATTRIBUTES.contains(k))
                    // Footnote links (numbered ids in the hub) and the
                    // `#` of a refused address.
                    .filter(|(k, v)| {
                        !(*k == "href" && (v.starts_with("#fn") || *v == "#" || in_sup(el)))
                    })
                    .collect();
                // A column's alignment: a class in the hub, `style` in
                // pulldown-cmark.
                let align = class
                    .split_whitespace()
                    .find_map(|c| c.strip_prefix("align-"))
                    .or_else(|| e.attr("style").and_then(|s| s.strip_prefix("text-align: ")));
                if let Some(a) = align {
                    attrs.push(("align", a));
                }
                attrs.sort();
                for (k, v) in attrs {
                    out.push_str(&format!(" {k}=\"{v}\""));
                }
                out.push('>');
                walk(el, out);
                out.push_str(&format!("</{name}>"));
            }
            _ => {}
        }
    }
}

fn in_sup(el: scraper::ElementRef<'_>) -> bool {
    el.parent()
        .and_then(|p| p.value().as_element().map(|e| e.name() == "sup"))
        .unwrap_or(false)
}

fn gfm_examples() -> Vec<Example> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/commonmark/gfm-extensions.json");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("json")).expect("valid json");
    v["examples"]
        .as_array()
        .expect("examples")
        .iter()
        .map(|e| Example {
            number: e["example"].as_u64().unwrap_or(0) as usize,
            markdown: e["markdown"].as_str().unwrap_or("").to_string(),
        })
        .collect()
}

fn differences(examples: &[Example], sanitised: bool) -> Vec<String> {
    let mut differ = Vec::new();
    for ex in examples {
        let want = normalise(&reference_html(&ex.markdown, sanitised));
        for french in [false, true] {
            let got = normalise(&hub_html(&ex.markdown, french));
            if got != want {
                differ.push(format!(
                    "example {} ({}):\n  markdown: {:?}\n  hub:      {got}\n  pulldown: {want}",
                    ex.number,
                    if french { "fr" } else { "en" },
                    ex.markdown
                ));
            }
        }
    }
    differ
}

#[test]
fn the_gfm_table_and_strikethrough_examples_render_as_pulldown_cmark_does() {
    let all = gfm_examples();
    assert_eq!(all.len(), 11);
    // No raw HTML in them: compared with pulldown-cmark's HTML as it is,
    // which keeps each column's alignment.
    assert!(all.iter().all(|e| !e.markdown.contains('<')));
    let differ = differences(&all, false);
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// Footnotes, which neither the CommonMark nor the GFM specification has
/// examples of: cases of our own, each a way editors write notes (or a
/// defect found before: labels that differ only by punctuation or
/// accents, a heading named like a note), compared with pulldown-cmark as
/// the specification's examples are. Its numbering and its notes'
/// places are kept; only the ids and the links back differ, on purpose.
const FOOTNOTES: [&str; 14] = [
    "Text with a note.[^1]\n\n[^1]: The note.\n",
    "A[^n] and B[^n], one note called twice.\n\n[^n]: Shared.\n",
    "See[^note] and[^other].\n\n[^note]: First.\n[^other]: Second.\n",
    "a[^a-b] b[^a:b] c[^a.b]\n\n[^a-b]: one\n[^a:b]: two\n[^a.b]: three\n",
    "x[^é] y[^è] z[^e]\n\n[^é]: aigu\n[^è]: grave\n[^e]: sans accent\n",
    "[^d]: Defined before it is called.\n\nThen called[^d].\n",
    "No such note[^missing].\n",
    "Text[^long].\n\n[^long]: First paragraph.\n\n    Second paragraph, indented.\n",
    "Text[^e].\n\n[^e]: *Emphasis*, `code` and <https://example.org>.\n",
    "- item[^l]\n\n| a | b |\n|---|---|\n| c[^t] | d |\n\n[^l]: in a list\n[^t]: in a table\n",
    "## Fn 1\n\nText[^1].\n\n[^1]: Note.\n",
    "A[^X] b[^x], labels in two cases.\n\n[^x]: lower\n",
    "Text.\n\n[^unused]: Never called.\n",
    "A[^a].\n\n[^a]: See also[^b].\n\n[^b]: B.\n",
];

#[test]
fn footnotes_render_as_pulldown_cmark_does_in_both_languages() {
    let all: Vec<Example> = FOOTNOTES
        .iter()
        .enumerate()
        .map(|(i, m)| Example {
            number: i + 1,
            markdown: m.to_string(),
        })
        .collect();
    let differ = differences(&all, true);
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    // The notes are there to compare: each case but the one without a
    // definition has a note.
    let with_notes = all
        .iter()
        .filter(|e| hub_html(&e.markdown, false).contains("footnote-definition"))
        .count();
    assert_eq!(with_notes, FOOTNOTES.len() - 1);
}

#[test]
fn every_commonmark_example_renders_as_pulldown_cmark_does_in_both_languages() {
    let all = examples();
    assert_eq!(all.len(), 652, "the examples of spec 0.31.2");
    let differ = differences(&all, true);
    assert!(
        differ.is_empty(),
        "{} renderings differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
}

/// The same comparison on real pages: every example the site accepts (it
/// refuses, rightly, those that link to pages or images it does not
/// have) is a page in French and in English of a built site, and the
/// page's text (`.prose`) is compared with pulldown-cmark's.
#[test]
fn the_examples_the_site_accepts_are_the_same_on_built_pages() {
    let site = crate::support::Site::fixture("bad-input/minimal");
    let all = examples();
    let page = |n: usize, lang: &str| format!("content/pages/ex-{n}.{lang}.md");
    for ex in &all {
        for lang in ["fr", "en"] {
            site.write(
                &page(ex.number, lang),
                &format!("---\ntitle: Exemple {}\n---\n\n{}", ex.number, ex.markdown),
            );
        }
    }
    let check = site.run(&["check", "--format", "json"]);
    let refused: std::collections::BTreeSet<String> = crate::support::parse_diags(&check)
        .into_iter()
        .filter(|d| d.severity == "error")
        .map(|d| d.file)
        .collect();
    for ex in &all {
        if ["fr", "en"]
            .iter()
            .any(|l| refused.contains(&page(ex.number, l)))
        {
            for lang in ["fr", "en"] {
                std::fs::remove_file(site.path(&page(ex.number, lang))).expect("remove");
            }
        }
    }
    site.build(&["--no-search"]);
    let mut compared = 0;
    let mut differ = Vec::new();
    for ex in &all {
        let file = site.path(&page(ex.number, "fr"));
        if !file.exists() {
            continue;
        }
        let want = normalise(&reference_html(&ex.markdown, true));
        for (lang, section) in [("fr", "pages"), ("en", "pages")] {
            let html = site.page(&format!("{lang}/{section}/ex-{}/", ex.number));
            let got = html
                .0
                .select(&scraper::Selector::parse(".prose").expect("selector"))
                .next()
                .map(|e| normalise(&e.inner_html()))
                .unwrap_or_default();
            compared += 1;
            if got != want {
                differ.push(format!(
                    "example {} ({lang}):\n  page:     {got}\n  pulldown: {want}",
                    ex.number
                ));
            }
        }
    }
    eprintln!(
        "{compared} pages compared, {} examples refused by the site",
        all.len() - compared / 2
    );
    assert!(compared >= 2 * 500, "only {compared} pages compared");
    assert!(
        differ.is_empty(),
        "{} pages differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
}
