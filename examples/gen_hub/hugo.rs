//! The same hub as a Hugo site, for side-by-side timing: Hugo's
//! multilingual layout (`name.fr.md`, `name.en.md`), taxonomies for themes,
//! countries, challenges and organisations (a country's or a challenge's
//! text is its term page), and minimal templates that print the same
//! fields and lists as rabat-hub's theme. `@/kind/id` links are resolved
//! by a render hook, with the same fallback to the other language.

use std::io;
use std::path::Path;

use super::body::body;
use super::files::{Written, clear};
use super::fm::{Dialect, content_path, document, index_page, quote};
use super::plan::{LANGS, Plan, Term, attachment_name};
use super::rabat::{attachment, indexes};

/// Template and string files, embedded so the example needs nothing else.
const FILES: [(&str, &str); 14] = [
    (
        "layouts/_default/baseof.html",
        include_str!("hugo/layouts/_default/baseof.html"),
    ),
    (
        "layouts/_default/single.html",
        include_str!("hugo/layouts/_default/single.html"),
    ),
    (
        "layouts/_default/list.html",
        include_str!("hugo/layouts/_default/list.html"),
    ),
    (
        "layouts/_default/taxonomy.html",
        include_str!("hugo/layouts/_default/taxonomy.html"),
    ),
    (
        "layouts/_default/term.html",
        include_str!("hugo/layouts/_default/term.html"),
    ),
    (
        "layouts/_default/_markup/render-link.html",
        include_str!("hugo/layouts/_default/_markup/render-link.html"),
    ),
    (
        "layouts/index.html",
        include_str!("hugo/layouts/index.html"),
    ),
    ("layouts/404.html", include_str!("hugo/layouts/404.html")),
    (
        "layouts/partials/terms.html",
        include_str!("hugo/layouts/partials/terms.html"),
    ),
    (
        "layouts/partials/refs.html",
        include_str!("hugo/layouts/partials/refs.html"),
    ),
    (
        "layouts/partials/fields.html",
        include_str!("hugo/layouts/partials/fields.html"),
    ),
    ("i18n/fr.yaml", include_str!("hugo/i18n/fr.yaml")),
    ("i18n/en.yaml", include_str!("hugo/i18n/en.yaml")),
    ("hugo.yaml", include_str!("hugo/hugo.yaml")),
];

pub fn write(plan: &Plan, repo: &Path, dir: &Path, w: &mut Written) -> io::Result<()> {
    for owned in [
        "content",
        "layouts",
        "i18n",
        "static",
        "public",
        "resources",
        "hugo.yaml",
    ] {
        clear(&dir.join(owned))?;
    }
    for (path, text) in FILES {
        w.write(&dir.join(path), text)?;
    }
    // The same stylesheet as rabat-hub's theme, so both copy a static file.
    std::fs::create_dir_all(dir.join("static"))?;
    w.bytes += std::fs::copy(
        repo.join("themes/default/static/style.css"),
        dir.join("static/style.css"),
    )?;
    w.files += 1;

    let content = dir.join("content");
    indexes(&content, w)?;
    for (taxonomy, terms) in [
        ("themes", &plan.themes),
        ("organisations", &plan.organisations),
    ] {
        term_pages(&content, taxonomy, terms, w)?;
    }
    for (idx, e) in plan.entities.iter().enumerate() {
        for lang in 0..LANGS.len() {
            if !e.langs[lang] {
                continue;
            }
            let text = document(plan, e, lang, Dialect::Hugo, &body(plan, idx, lang));
            w.write(&content.join(content_path(e, lang, Dialect::Hugo)), &text)?;
        }
        if e.bundle {
            let file = content
                .join(e.kind.folder())
                .join(&e.id)
                .join(attachment_name(e));
            w.write(&file, &attachment(&e.id))?;
        }
    }
    Ok(())
}

/// A term page per theme or organisation, titled with its label, so Hugo
/// prints the same names rabat-hub takes from config.yaml.
fn term_pages(content: &Path, taxonomy: &str, terms: &[Term], w: &mut Written) -> io::Result<()> {
    for t in terms {
        for (lang, code) in LANGS.iter().enumerate() {
            let text = format!("---\ntitle: {}\n---\n", quote(&t.label[lang]));
            w.write(
                &content
                    .join(taxonomy)
                    .join(&t.id)
                    .join(format!("_index.{code}.md")),
                &text,
            )?;
        }
    }
    for (lang, code) in LANGS.iter().enumerate() {
        let title = [["Thèmes", "Themes"], ["Organisations", "Organisations"]]
            [usize::from(taxonomy != "themes")][lang];
        w.write(
            &content.join(taxonomy).join(format!("_index.{code}.md")),
            &index_page(title, title, ""),
        )?;
    }
    Ok(())
}
