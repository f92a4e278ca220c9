//! The binary alone: copied into an empty folder, with no `themes/`, no
//! Cargo and no repository around it, it starts a hub (`init`), checks it
//! and builds it with its built-in theme; a site overrides the theme's
//! files from its own root.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};

use crate::support::bin;

/// Runs a copy of the binary made by this process. While one test writes
/// its copy, another test's fork can inherit the open file, and `exec` of
/// that copy then fails with "text file busy" until the fork has exec'd
/// in turn (rust-lang/rust#114554): a few short retries, never forever.
trait OutputRetrying {
    fn output_retrying(&mut self) -> Output;
}

impl OutputRetrying for Command {
    fn output_retrying(&mut self) -> Output {
        for _ in 0..100 {
            match self.output() {
                Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                other => return other.expect("run the copied binary"),
            }
        }
        panic!("the copied binary stayed busy for 2 s")
    }
}

/// A folder holding only a copy of the binary, and where a hub goes.
struct Alone {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    exe: PathBuf,
}

impl Alone {
    fn new() -> Alone {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = tmp.path().to_path_buf();
        let exe = dir.join("rabat-hub");
        std::fs::copy(bin(), &exe).expect("copy the binary");
        Alone {
            _tmp: tmp,
            dir,
            exe,
        }
    }

    /// The copied binary, run in the folder with a bare environment: no
    /// Cargo on the PATH, none of its variables, no repository around.
    fn run(&self, args: &[&str]) -> Output {
        let out = Command::new(&self.exe)
            .args(args)
            .current_dir(&self.dir)
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", &self.dir)
            // Git must not find this repository above the temporary folder.
            .env(
                "GIT_CEILING_DIRECTORIES",
                self.dir.parent().unwrap_or(&self.dir),
            )
            .output_retrying();
        assert!(
            out.status.success(),
            "rabat-hub {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn hub(&self, rel: &str) -> PathBuf {
        self.dir.join("hub").join(rel)
    }
}

/// Every `href` and `src` of every page of `public` that stays on the
/// site, which has no file to answer it.
fn broken_links(public: &Path) -> Vec<String> {
    let select = Selector::parse("[href], [src]").unwrap_or_else(|_| unreachable!());
    let mut broken = Vec::new();
    let mut pages = 0;
    for e in walkdir::WalkDir::new(public) {
        let e = e.expect("walk");
        if e.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        pages += 1;
        let html = Html::parse_document(&std::fs::read_to_string(e.path()).expect("read"));
        let here = e.path().parent().expect("in a folder");
        for el in html.select(&select) {
            for attr in ["href", "src"] {
                let Some(url) = el.value().attr(attr) else {
                    continue;
                };
                if url.is_empty()
                    || url.starts_with('#')
                    || url.contains("://")
                    || url.starts_with("mailto:")
                {
                    continue;
                }
                let path = url.split(['?', '#']).next().unwrap_or_default();
                let mut target = match path.strip_prefix('/') {
                    Some(abs) => public.join(abs),
                    None => here.join(path),
                };
                if path.ends_with('/') || target.is_dir() {
                    target = target.join("index.html");
                }
                if !target.is_file() {
                    broken.push(format!("{} → {url}", e.path().display()));
                }
            }
        }
    }
    assert!(pages > 20, "only {pages} pages crawled");
    broken
}

#[test]
fn the_binary_alone_starts_checks_and_builds_a_hub_with_no_broken_link() {
    let a = Alone::new();
    a.run(&["init", "hub"]);
    assert!(a.hub("config.yaml").is_file());
    assert!(!a.hub("themes").exists(), "init writes content only");
    a.run(&["check", "--strict", "--root", "hub"]);
    a.run(&["build", "--root", "hub"]);
    let public = a.hub("public");
    // The built-in theme's files, and what hosts read.
    for f in [
        "index.html",
        "fr/index.html",
        "en/index.html",
        "style.css",
        "search.js",
        "favicon.svg",
        "404.html",
        "_headers",
        "fr/pagefind/pagefind.js",
    ] {
        assert!(public.join(f).is_file(), "{f} missing from the output");
    }
    // The countries list draws its map from the built-in outlines.
    let countries = std::fs::read_to_string(public.join("fr/pays/index.html")).expect("read");
    assert!(countries.contains("<svg"), "no map on the countries list");
    let broken = broken_links(&public);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn a_site_overrides_a_template_and_a_stylesheet_from_its_root() {
    let a = Alone::new();
    a.run(&["init", "hub"]);
    let page =
        std::fs::read_to_string(crate::support::repo().join("themes/default/templates/page.html"))
            .expect("read the theme's page.html");
    let mine = page.replace(
        "{% block content %}",
        "{% block content %}<p class=\"site-own-template\">ours</p>",
    );
    assert_ne!(mine, page, "page.html has a content block");
    std::fs::create_dir_all(a.hub("templates")).expect("mkdir");
    std::fs::write(a.hub("templates/page.html"), mine).expect("write");
    std::fs::create_dir_all(a.hub("static")).expect("mkdir");
    let css = "/* the site's own */ body { color: #123456; }\n";
    std::fs::write(a.hub("static/style.css"), css).expect("write");

    let out = a.run(&[
        "check",
        "--strict",
        "--verbose",
        "--format",
        "json",
        "--root",
        "hub",
    ]);
    let notes: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let named: Vec<&str> = notes
        .iter()
        .filter(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.contains("overrides"))
        })
        .filter_map(|d| d["file"].as_str())
        .collect();
    assert_eq!(named, ["static/style.css", "templates/page.html"]);

    a.run(&["build", "--root", "hub"]);
    let public = a.hub("public");
    let about = Html::parse_document(
        &std::fs::read_to_string(public.join("en/pages/about/index.html")).expect("read"),
    );
    let own = Selector::parse("p.site-own-template").unwrap_or_else(|_| unreachable!());
    assert_eq!(
        about.select(&own).count(),
        1,
        "the site's template is not used"
    );
    // The stylesheet the page links is the site's, under its content's name.
    let link =
        Selector::parse("link[rel=stylesheet]:not([media])").unwrap_or_else(|_| unreachable!());
    let href = about
        .select(&link)
        .next()
        .and_then(|l| l.value().attr("href"))
        .expect("a stylesheet")
        .to_string();
    assert!(
        href.starts_with("/style.") && href != "/style.css",
        "{href}"
    );
    let linked = std::fs::read_to_string(public.join(&href[1..])).expect("linked stylesheet");
    assert_eq!(linked, css);
    assert_eq!(
        std::fs::read_to_string(public.join("style.css")).expect("read"),
        css
    );
    // Other templates are still the built-in ones.
    let home = std::fs::read_to_string(public.join("en/index.html")).expect("read");
    assert!(!home.contains("site-own-template"));
    let broken = broken_links(&public);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn a_changed_stylesheet_changes_its_address() {
    let a = Alone::new();
    a.run(&["init", "hub"]);
    let linked = |a: &Alone| {
        a.run(&["build", "--root", "hub"]);
        let home = std::fs::read_to_string(a.hub("public/fr/index.html")).expect("read");
        let start = home.find("href=\"/style.").expect("stylesheet") + 6;
        let end = start + home[start..].find('"').expect("end");
        home[start..end].to_string()
    };
    let first = linked(&a);
    assert_eq!(first, linked(&a), "same bytes, same address");
    std::fs::create_dir_all(a.hub("static")).expect("mkdir");
    std::fs::write(a.hub("static/style.css"), "body { margin: 0; }\n").expect("write");
    let second = linked(&a);
    assert_ne!(first, second);
    // `_headers` keeps the hashed name a year.
    let headers = std::fs::read_to_string(a.hub("public/_headers")).expect("read");
    let block = headers
        .split("\n\n")
        .find(|b| b.starts_with(&second))
        .unwrap_or_else(|| panic!("no rule for {second} in\n{headers}"));
    assert!(block.contains("max-age=31536000, immutable"), "{block}");
}

#[test]
fn init_refuses_a_folder_with_files_unless_forced() {
    let a = Alone::new();
    // The folder holds the binary: not empty.
    let out = Command::new(&a.exe)
        .args(["init", "."])
        .current_dir(&a.dir)
        .output_retrying();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not empty"));
    assert!(!a.dir.join("config.yaml").exists());
    a.run(&["init", ".", "--force"]);
    assert!(a.dir.join("config.yaml").is_file());
}

#[test]
fn version_names_the_commit() {
    let a = Alone::new();
    let out = a.run(&["--version"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(&format!("rabat-hub {} (commit ", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
    let commit = text
        .trim()
        .trim_end_matches(')')
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        commit == "unknown"
            || (commit.len() == 12 && commit.chars().all(|c| c.is_ascii_hexdigit())),
        "{commit}"
    );
}

#[test]
fn completions_and_the_manual_page() {
    let a = Alone::new();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef rabat-hub"),
        ("fish", "complete -c rabat-hub"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = a.run(&["completions", shell]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(marker), "{shell}: {marker} missing");
        assert!(text.contains("init"), "{shell}: subcommands missing");
    }
    let man = a.run(&["man"]);
    let text = String::from_utf8_lossy(&man.stdout);
    assert!(text.contains(".TH rabat-hub 1"), "{text}");
    assert!(text.contains("serve"));
}
