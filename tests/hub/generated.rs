//! The benchmark's synthetic hub (examples/gen-hub.rs): a small one builds
//! and checks without error with the real binary, the same seed writes the
//! same bytes, the Hugo twin builds too where Hugo is installed, and the
//! Zipf corpus has a real vocabulary where the small one has a hundred
//! words.

#[path = "../../examples/gen_hub/mod.rs"]
mod gen_hub;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use crate::support::{parse_diags, repo, snapshot};

fn generate(out: &Path, hugo: Option<&Path>) -> gen_hub::Summary {
    generate_with(out, hugo, gen_hub::Vocabulary::Zipf)
}

fn generate_with(
    out: &Path,
    hugo: Option<&Path>,
    vocabulary: gen_hub::Vocabulary,
) -> gen_hub::Summary {
    gen_hub::generate(&gen_hub::Options {
        entities: 60,
        seed: 7,
        vocabulary,
        out: out.to_path_buf(),
        hugo: hugo.map(Path::to_path_buf),
        repo: repo(),
    })
    .expect("generate")
}

fn run(args: &[&str], root: &Path) -> std::process::Output {
    crate::support::hub()
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--format", "json"])
        .output()
        .expect("run rabat-hub")
}

#[test]
fn a_generated_hub_checks_and_builds() {
    let tmp = tempfile::tempdir().expect("tmp");
    let site = tmp.path().join("hub");
    let summary = generate(&site, None);
    assert_eq!(summary.counts.iter().map(|(_, n)| n).sum::<usize>(), 60);
    assert!(
        summary.counts.iter().all(|(_, n)| *n > 0),
        "{:?}",
        summary.counts
    );
    assert!(summary.files > summary.versions && summary.bytes > 100_000);

    let check = run(&["check"], &site);
    let diags = parse_diags(&check);
    let errors: Vec<_> = diags.iter().filter(|d| d.severity == "error").collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(check.status.success());
    // Only missing translations: no loose end in the graph.
    assert!(
        diags.iter().all(|d| d.message.contains("version")),
        "{diags:#?}"
    );

    let build = run(&["build"], &site);
    assert!(build.status.success(), "{:?}", parse_diags(&build));
    let pages = snapshot(&site.join("public"))
        .keys()
        .filter(|p| p.ends_with(".html"))
        .count();
    assert!(pages >= summary.versions, "{pages} pages");
    let body = std::fs::read_to_string(site.join("public/en/matrix/index.html")).expect("matrix");
    assert!(body.contains("<table"));
}

#[test]
fn the_same_seed_writes_the_same_hub_and_its_hugo_twin_builds() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (a, b, hugo) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("hugo"),
    );
    generate(&a, Some(&hugo));
    generate(&b, None);
    let (first, second) = (snapshot(&a.join("content")), snapshot(&b.join("content")));
    assert!(first.len() > 100);
    assert!(first == second, "two runs with one seed differ");
    assert!(hugo.join("hugo.yaml").exists());
    assert!(hugo.join("content/countries").is_dir());

    // Hugo is optional here (the benchmark needs it, the tests do not).
    let Ok(out) = Command::new("hugo")
        .arg("--source")
        .arg(&hugo)
        .arg("--quiet")
        .output()
    else {
        eprintln!("hugo is not installed: its build is not tested");
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(hugo.join("public/fr/index.html").exists());
}

/// The distinct words (lower-cased runs of letters) of the Markdown files
/// in `lang` under `content`, front matter included.
fn distinct_words(content: &Path, lang: &str) -> BTreeSet<String> {
    let suffix = format!(".{lang}.md");
    snapshot(content)
        .into_iter()
        .filter(|(path, _)| path.ends_with(&suffix))
        .flat_map(|(_, bytes)| {
            String::from_utf8(bytes)
                .expect("UTF-8")
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_zipf_corpus_has_a_real_vocabulary_with_accents_and_is_deterministic() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (small, zipf, again) = (
        tmp.path().join("small"),
        tmp.path().join("zipf"),
        tmp.path().join("again"),
    );
    let by_name = |name| gen_hub::Vocabulary::parse(name).expect("a vocabulary");
    let s = generate_with(&small, None, by_name("small"));
    let z = generate_with(&zipf, None, gen_hub::Vocabulary::Zipf);
    generate_with(&again, None, gen_hub::Vocabulary::Zipf);
    // Same entities, same links: only the words differ.
    assert_eq!(s.counts, z.counts);
    assert_eq!(s.versions, z.versions);
    assert!(
        snapshot(&zipf.join("content")) == snapshot(&again.join("content")),
        "two runs of the Zipf corpus with one seed differ"
    );
    for (i, lang) in ["fr", "en"].into_iter().enumerate() {
        assert!(
            z.vocabulary[i] > 50 * s.vocabulary[i],
            "{lang}: lexicons of {} and {} words",
            z.vocabulary[i],
            s.vocabulary[i]
        );
        let (few, many) = (
            distinct_words(&small.join("content"), lang),
            distinct_words(&zipf.join("content"), lang),
        );
        // 60 entities: a few hundred words (titles, countries, the 80 of
        // the small vocabulary) against thousands.
        assert!(few.len() < 500, "{lang}: {} in the small corpus", few.len());
        assert!(
            many.len() > 10 * few.len() && many.len() > 4_000,
            "{lang}: {} distinct words in the Zipf corpus, {} in the small one",
            many.len(),
            few.len()
        );
        let accented = many.iter().filter(|w| !w.is_ascii()).count();
        let long = many.iter().filter(|w| w.chars().count() >= 10).count();
        assert!(long * 5 > many.len(), "{lang}: {long} long words");
        if lang == "fr" {
            assert!(accented * 4 > many.len(), "fr: {accented} accented words");
        } else {
            assert!(accented > 20, "en: {accented} accented words");
        }
    }
}
