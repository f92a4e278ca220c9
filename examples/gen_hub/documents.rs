//! A meeting's documents: the file of its bundle, a web address.

use super::plan::{Entity, Kind};
use super::rng::Rng;

/// A meeting's document: a file of its bundle or a web address.
pub struct Document {
    pub title: [String; 2],
    pub file: Option<String>,
    pub url: Option<String>,
}

/// A bundled meeting's documents: its attachment, and sometimes a link.
pub fn documents(rng: &mut Rng, e: &Entity) -> Vec<Document> {
    let mut docs = Vec::new();
    if e.bundle {
        docs.push(Document {
            title: [
                "Programme de la réunion (texte)".to_string(),
                "Meeting programme (text)".to_string(),
            ],
            file: Some(attachment_name(e)),
            url: None,
        });
    }
    if rng.percent(30) {
        docs.push(Document {
            title: ["Rapport final".to_string(), "Final report".to_string()],
            file: None,
            url: Some(format!(
                "https://www.rabat-process.example/reports/{}",
                e.id
            )),
        });
    }
    docs
}

/// The file beside a bundle's text.
pub fn attachment_name(e: &Entity) -> String {
    match e.kind {
        Kind::Meeting => "programme.txt".to_string(),
        _ => "annex.txt".to_string(),
    }
}
