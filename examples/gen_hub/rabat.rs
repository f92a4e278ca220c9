//! The hub as rabat-hub reads it: the repository's config.yaml and theme,
//! and `content/` with one file per language version.

use std::io;
use std::path::Path;

use super::body::body;
use super::files::{Written, clear};
use super::fm::{Dialect, content_path, document, index_page};
use super::plan::{Kind, LANGS, Plan, attachment_name};

pub fn write(plan: &Plan, repo: &Path, dir: &Path, w: &mut Written) -> io::Result<()> {
    for owned in ["content", "themes", "static", "public"] {
        clear(&dir.join(owned))?;
    }
    std::fs::create_dir_all(dir)?;
    w.bytes += std::fs::copy(repo.join("config.yaml"), dir.join("config.yaml"))?;
    w.files += 1;
    w.copy_dir(&repo.join("themes"), &dir.join("themes"))?;
    let content = dir.join("content");
    indexes(&content, w)?;
    identity(repo, dir, w)?;
    for (idx, e) in plan.entities.iter().enumerate() {
        for lang in 0..LANGS.len() {
            if !e.langs[lang] {
                continue;
            }
            let text = document(plan, e, lang, Dialect::Rabat, &body(plan, idx, lang));
            w.write(&content.join(content_path(e, lang, Dialect::Rabat)), &text)?;
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

/// The home page's and each list page's text, in both languages.
pub fn indexes(content: &Path, w: &mut Written) -> io::Result<()> {
    w.write(
        &content.join("_index.fr.md"),
        &index_page(
            "Plateforme de connaissances (synthétique)",
            "Un hub généré pour mesurer la vitesse du générateur.",
            "Ce site est généré : ses textes n'ont pas de sens, ses liens sont vrais.",
        ),
    )?;
    w.write(
        &content.join("_index.en.md"),
        &index_page(
            "Knowledge hub (synthetic)",
            "A generated hub, to measure the generator's speed.",
            "This site is generated: its texts mean nothing, its links are real.",
        ),
    )?;
    for kind in Kind::ALL {
        let [fr, en] = match kind {
            Kind::Meeting => ["Réunions", "Meetings"],
            Kind::Practice => ["Bonnes pratiques", "Good practices"],
            Kind::Country => ["Pays", "Countries"],
            Kind::Challenge => ["Défis", "Challenges"],
            Kind::Recommendation => ["Recommandations", "Recommendations"],
            Kind::Page => ["Pages", "Pages"],
        };
        let folder = content.join(kind.folder());
        w.write(
            &folder.join("_index.fr.md"),
            &index_page(
                fr,
                "Tout ce que le hub contient de ce type.",
                "Liste générée.",
            ),
        )?;
        w.write(
            &folder.join("_index.en.md"),
            &index_page(
                en,
                "Everything of this kind in the hub.",
                "A generated list.",
            ),
        )?;
    }
    Ok(())
}

/// A small text file for a bundle: a couple of kilobytes, like a programme.
pub fn attachment(id: &str) -> String {
    let mut s = format!("Programme – {id}\n\n");
    for h in 9..18 {
        s.push_str(&format!(
            "{h:02}:00  Session {h}: presentations, discussion and conclusions of the working group\n"
        ));
    }
    s.repeat(3)
}

/// What config.yaml's `identity:` names, copied from the repository: the
/// logo's and funders' images, and the pages the footer links to.
fn identity(repo: &Path, dir: &Path, w: &mut Written) -> io::Result<()> {
    let Ok(config) = rabat_hub::config::load(repo) else {
        return Ok(());
    };
    let id = &config.identity;
    for image in id.logo.iter().chain(&id.funders) {
        let to = dir.join("static").join(&image.file);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        w.bytes += std::fs::copy(repo.join("static").join(&image.file), to)?;
        w.files += 1;
    }
    for (page, _) in &id.links {
        for lang in LANGS {
            let name = format!("{page}.{lang}.md");
            let from = repo.join("content/pages").join(&name);
            if from.is_file() {
                let text = std::fs::read_to_string(from)?;
                w.write(&dir.join("content/pages").join(&name), &text)?;
            }
        }
    }
    Ok(())
}
