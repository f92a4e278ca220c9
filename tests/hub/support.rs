//! Builds fixture sites in temporary folders and reads what came out.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};
use serde_json::Value;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_rabat-hub")
}

/// The hub as a command that speaks English whatever the machine's
/// locale: the tests assert English words (a French `LANG` would turn them
/// French), and choose French with `--lang fr` where they want it.
pub fn hub() -> Command {
    let mut cmd = Command::new(bin());
    in_english(&mut cmd);
    cmd
}

/// `cmd` run with the C locale: no `LANG` or `LC_MESSAGES` to choose the
/// hub's language.
pub fn in_english(cmd: &mut Command) -> &mut Command {
    cmd.env("LC_ALL", "C")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
}

/// A copy of a fixture site in a temporary folder.
pub struct Site {
    _tmp: tempfile::TempDir,
    pub root: PathBuf,
}

fn copy_tree(from: &Path, to: &Path, overwrite: bool) {
    for entry in walkdir::WalkDir::new(from).min_depth(1) {
        let entry = entry.expect("walk fixture");
        let rel = entry.path().strip_prefix(from).expect("inside");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else if overwrite || !target.exists() {
            std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

impl Site {
    /// `tests/fixtures/<name>`, completed with the default config and theme.
    pub fn fixture(name: &str) -> Site {
        let src = repo().join("tests/fixtures").join(name);
        assert!(src.is_dir(), "no fixture {name}");
        let site = Site::empty();
        copy_tree(&src, &site.root, true);
        site.complete();
        site
    }

    /// The repository's own hub: config, content and theme.
    pub fn bundled_hub() -> Site {
        let site = Site::empty();
        std::fs::copy(repo().join("config.yaml"), site.root.join("config.yaml")).expect("config");
        copy_tree(&repo().join("content"), &site.root.join("content"), true);
        copy_tree(&repo().join("themes"), &site.root.join("themes"), true);
        copy_tree(&repo().join("static"), &site.root.join("static"), true);
        site
    }

    fn empty() -> Site {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().join("site");
        std::fs::create_dir_all(&root).expect("mkdir");
        Site { _tmp: tmp, root }
    }

    fn complete(&self) {
        let config = self.root.join("config.yaml");
        if !config.exists() {
            std::fs::copy(repo().join("tests/fixtures/default-config.yaml"), &config)
                .expect("config");
        }
        copy_tree(
            &repo().join("themes/default"),
            &self.root.join("themes/default"),
            false,
        );
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, bytes).expect("write");
    }

    /// The temporary folder holding the site, for files the site must not see.
    pub fn scratch(&self) -> &Path {
        self._tmp.path()
    }

    /// `run`, but a hang is a failure: the child is killed after `secs`.
    pub fn run_within(&self, args: &[&str], secs: u64) -> Output {
        let mut cmd = hub();
        cmd.args(args).arg("--root").arg(&self.root);
        run_bounded(cmd, self.scratch(), secs)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    pub fn run(&self, args: &[&str]) -> Output {
        hub()
            .args(args)
            .arg("--root")
            .arg(&self.root)
            .output()
            .expect("run rabat-hub")
    }

    /// `build`, which must succeed.
    pub fn build(&self, extra: &[&str]) -> Output {
        let mut args = vec!["build"];
        args.extend(extra);
        let out = self.run(&args);
        assert!(
            out.status.success(),
            "build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// `build --format json`, which must fail; its diagnostics.
    pub fn build_errors(&self) -> Vec<Diag> {
        let out = self.run(&["build", "--format", "json"]);
        assert!(!out.status.success(), "build should have failed");
        parse_diags(&out)
    }

    /// A page of the output, parsed.
    pub fn page(&self, rel: &str) -> Page {
        let file = if rel.ends_with('/') || rel.is_empty() {
            format!("public/{rel}index.html")
        } else {
            format!("public/{rel}")
        };
        Page(Html::parse_document(&self.read(&file)))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).exists()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diag {
    pub severity: String,
    pub file: String,
    pub line: u64,
    pub column: u64,
    pub message: String,
    pub label: Option<String>,
    pub help: Option<String>,
}

/// The errors and warnings of a run; notes (such as "no Git history
/// here", true of every fixture copy) are left out: see `parse_all`.
pub fn parse_diags(out: &Output) -> Vec<Diag> {
    parse_all(out)
        .into_iter()
        .filter(|d| d.severity != "note")
        .collect()
}

/// Every diagnostic of a run, notes included.
pub fn parse_all(out: &Output) -> Vec<Diag> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("json diagnostic");
            let s = |k: &str| v[k].as_str().map(str::to_string);
            Diag {
                severity: s("severity").unwrap_or_default(),
                file: s("file").unwrap_or_default(),
                line: v["line"].as_u64().unwrap_or(0),
                column: v["column"].as_u64().unwrap_or(0),
                message: s("message").unwrap_or_default(),
                label: s("label"),
                help: s("help"),
            }
        })
        .collect()
}

/// The one error a bad fixture must give.
pub fn single_error(site: &Site) -> Diag {
    let errors: Vec<Diag> = site
        .build_errors()
        .into_iter()
        .filter(|d| d.severity == "error")
        .collect();
    assert_eq!(
        errors.len(),
        1,
        "expected exactly one error, got {errors:#?}"
    );
    errors.into_iter().next().expect("one")
}

pub struct Page(pub Html);

impl Page {
    pub fn all(&self, css: &str) -> Vec<scraper::ElementRef<'_>> {
        let sel = Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"));
        self.0.select(&sel).collect()
    }

    pub fn one(&self, css: &str) -> scraper::ElementRef<'_> {
        let found = self.all(css);
        assert_eq!(
            found.len(),
            1,
            "expected one `{css}`, found {}",
            found.len()
        );
        found[0]
    }

    pub fn text(&self, css: &str) -> String {
        text_of(self.one(css))
    }

    pub fn texts(&self, css: &str) -> Vec<String> {
        self.all(css).into_iter().map(text_of).collect()
    }

    pub fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.one(css).value().attr(name).map(str::to_string)
    }

    /// The links listed under the `section.links` headed `heading`:
    /// (link text, href), in page order. Empty when there is no such list.
    pub fn list(&self, heading: &str) -> Vec<(String, String)> {
        let h2 = Selector::parse("h2").unwrap_or_else(|_| unreachable!());
        let a = Selector::parse("li > a").unwrap_or_else(|_| unreachable!());
        self.all("section.links")
            .into_iter()
            .filter(|s| s.select(&h2).next().map(text_of).as_deref() == Some(heading))
            .flat_map(|s| {
                s.select(&a)
                    .map(|l| (text_of(l), l.value().attr("href").unwrap_or("").to_string()))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// Only the titles of `list`.
    pub fn titles(&self, heading: &str) -> Vec<String> {
        self.list(heading).into_iter().map(|(t, _)| t).collect()
    }

    pub fn lang(&self) -> String {
        self.attr("html", "lang").unwrap_or_default()
    }
}

pub fn text_of(e: scraper::ElementRef<'_>) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every file under `dir`, relative path → bytes.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// Runs `cmd` with its output in files under `scratch` (a pipe left
/// unread could block it), killing it and failing after `secs` seconds.
pub fn run_bounded(mut cmd: Command, scratch: &Path, secs: u64) -> Output {
    use std::process::Stdio;
    let (out_path, err_path) = (scratch.join("run.stdout"), scratch.join("run.stderr"));
    let out = std::fs::File::create(&out_path).expect("stdout file");
    let err = std::fs::File::create(&err_path).expect("stderr file");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::from(out))
        .stderr(Stdio::from(err))
        .spawn()
        .expect("run rabat-hub");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("rabat-hub did not finish within {secs} s: {cmd:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    Output {
        status,
        stdout: std::fs::read(&out_path).expect("stdout"),
        stderr: std::fs::read(&err_path).expect("stderr"),
    }
}

/// Every HTML page under `dir`: (path relative to it, parsed page).
pub fn html_pages(dir: &Path) -> Vec<(String, Html)> {
    snapshot(dir)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, bytes)| (p, Html::parse_document(&String::from_utf8_lossy(&bytes))))
        .collect()
}

/// What in `page` would run or style under a strict Content-Security-Policy
/// (`default-src 'self'`), or is live markup a reader's browser would act
/// on: inline scripts (a JSON-LD block excepted), `<style>` elements,
/// `style=` and `on…=` attributes, frames and plug-ins, and addresses with
/// a `javascript:`, `data:` or `vbscript:` scheme. Empty when the page is
/// inert.
pub fn live_markup(page: &Html) -> Vec<String> {
    let all = Selector::parse("*").unwrap_or_else(|_| unreachable!());
    let mut found = Vec::new();
    for e in page.select(&all) {
        let el = e.value();
        let name = el.name();
        match name {
            "script"
                if el.attr("src").is_none() && el.attr("type") != Some("application/ld+json") =>
            {
                found.push("an inline <script>".to_string())
            }
            "style" | "iframe" | "frame" | "object" | "embed" => {
                found.push(format!("a <{name}> element"))
            }
            _ => {}
        }
        for (attr, value) in el.attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr == "style" || attr.starts_with("on") {
                found.push(format!("a `{attr}` attribute on <{name}>"));
            }
            let squeezed: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if ["javascript:", "data:", "vbscript:"]
                .iter()
                .any(|s| squeezed.starts_with(s))
                && ["href", "src", "action", "formaction", "xlink:href", "data"]
                    .contains(&attr.as_str())
            {
                found.push(format!("`{attr}=\"{value}\"` on <{name}>"));
            }
        }
    }
    found
}

/// Runs `git args` in the site's folder as an editor would, with the
/// author and commit dates set to noon UTC of `date` (`YYYY-MM-DD`), so the
/// history a test makes is the same on every run.
pub fn git(site: &Site, args: &[&str], date: &str) {
    let stamp = format!("{date}T12:00:00+00:00");
    let out = Command::new("git")
        .arg("-C")
        .arg(&site.root)
        .args(args)
        .env("GIT_AUTHOR_DATE", &stamp)
        .env("GIT_COMMITTER_DATE", &stamp)
        .env("GIT_AUTHOR_NAME", "Editor")
        .env("GIT_AUTHOR_EMAIL", "editor@example.org")
        .env("GIT_COMMITTER_NAME", "Editor")
        .env("GIT_COMMITTER_EMAIL", "editor@example.org")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
