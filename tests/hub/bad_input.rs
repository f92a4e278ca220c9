//! A corpus of bad input: each case is one small mistake (or attack) in an
//! otherwise good site, and gives one exact diagnostic, within a bounded
//! time, without a panic. Cases are generated from the `bad-input/minimal`
//! fixture so each test shows its whole input.

use crate::support::{Diag, Site, parse_diags};

/// Generous: the slowest case takes well under a second in a debug build.
const TIMEOUT_SECS: u64 = 60;

fn site() -> Site {
    Site::fixture("bad-input/minimal")
}

/// The diagnostics of a `build --format json` that must fail, and must
/// not panic (exit status 101) or hang.
fn errors(site: &Site) -> Vec<Diag> {
    let out = site.run_within(&["build", "--format", "json"], TIMEOUT_SECS);
    assert_eq!(
        out.status.code(),
        Some(1),
        "expected a failed build, got:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    parse_diags(&out)
}

/// The one diagnostic a bad case gives.
fn the_error(site: &Site) -> Diag {
    let all = errors(site);
    assert_eq!(all.len(), 1, "expected one diagnostic, got {all:#?}");
    all.into_iter().next().expect("one")
}

fn at(d: &Diag) -> (&str, u64, u64, &str) {
    (d.file.as_str(), d.line, d.column, d.message.as_str())
}

/// A build that must succeed, within the time limit; its warnings.
fn warnings(site: &Site) -> Vec<Diag> {
    let out = site.run_within(&["build", "--format", "json"], TIMEOUT_SECS);
    assert!(
        out.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    parse_diags(&out)
}

const PAGE: &str = "content/pages/x.fr.md";

#[test]
fn an_empty_file() {
    let s = site();
    s.write(PAGE, "");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (PAGE, 1, 1, "the file does not start with front matter")
    );
}

#[test]
fn front_matter_not_closed() {
    let s = site();
    s.write(PAGE, "---\ntitle: x\n");
    let d = the_error(&s);
    assert_eq!(at(&d), (PAGE, 1, 1, "the front matter is not closed"));
    assert_eq!(d.label.as_deref(), Some("opened here"));
}

#[test]
fn text_after_the_front_matter_without_its_closing_line() {
    // The body's `---` rule is not the closing line: the text is found
    // where it starts, and the rest of the file is still checked.
    let s = site();
    s.write(
        PAGE,
        "---\ntitle: x\n\nNote: the programme began in 2019.\n\n---\n\nSee [y](@/pages/nope).\n",
    );
    let diags = errors(&s);
    let found: Vec<(&str, u64, u64, &str)> = diags.iter().map(at).collect();
    assert_eq!(
        found,
        vec![
            (
                PAGE,
                4,
                1,
                "the text starts here but the front matter is not closed"
            ),
            (PAGE, 8, 9, "there is no page `nope`"),
        ]
    );
}

#[test]
fn a_tab_in_the_indentation() {
    let s = site();
    s.write(PAGE, "---\ntitle: x\n\tsummary: y\n---\n");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            PAGE,
            3,
            1,
            "a tab character is used where YAML needs spaces"
        )
    );
    assert_eq!(
        d.help.as_deref(),
        Some("YAML indents and separates with spaces only: replace the tab (shown as →) by spaces")
    );
}

#[test]
fn a_yaml_anchor_is_refused() {
    let s = site();
    s.write(PAGE, "---\ntitle: &t Titre\nsummary: Résumé\n---\n");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (PAGE, 2, 8, "YAML anchors (`&name`) are not allowed")
    );
}

#[test]
fn a_yaml_alias_is_refused() {
    let s = site();
    s.write(PAGE, "---\ntitle: Titre\nsummary: *t\n---\n");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (PAGE, 3, 10, "YAML aliases (`*name`) are not allowed")
    );
}

#[test]
fn a_billion_laughs_is_refused_at_its_first_anchor() {
    let mut yaml = String::from("title: x\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (name, prev) in "bcdefghi".chars().zip("abcdefgh".chars()) {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        yaml.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    yaml.push_str("summary: *i\n");
    let s = site();
    s.write(PAGE, &format!("---\n{yaml}---\n"));
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (PAGE, 3, 4, "YAML anchors (`&name`) are not allowed")
    );
}

#[test]
fn deeply_nested_values_are_refused() {
    let s = site();
    let n = 100_000;
    // Deep, but under the size limit: nesting is checked first.
    let deep = format!("{}{}", "[".repeat(20), "]".repeat(20));
    s.write(PAGE, &format!("---\ntitle: x\nsummary: {deep}\n---\n"));
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            PAGE,
            3,
            10 + 15,
            "lists and mappings are nested more than 16 levels deep"
        )
    );
    // Far deeper, and past the size limit: refused on size, at once.
    let s = site();
    let deeper = format!("{}{}", "[".repeat(n), "]".repeat(n));
    s.write(PAGE, &format!("---\ntitle: x\nsummary: {deeper}\n---\n"));
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            PAGE,
            3,
            65_536 - 9 + 1,
            "this YAML is 196 KiB long, more than the 64 KiB allowed"
        )
    );
}

#[test]
fn a_ten_megabyte_string_is_refused() {
    let s = site();
    let huge = "x".repeat(10 * 1024 * 1024);
    s.write(PAGE, &format!("---\ntitle: {huge}\n---\n"));
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            PAGE,
            2,
            65_537,
            "this YAML is 10241 KiB long, more than the 64 KiB allowed"
        )
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "fields hold short values: long text belongs in the Markdown body, after the closing `---`"
        )
    );
    // The 10 MB line is not quoted back in the human format.
    let out = s.run_within(&["build"], TIMEOUT_SECS);
    assert!(out.stderr.len() < 2_000, "{} bytes", out.stderr.len());
}

#[test]
fn a_bom_and_crlf_line_endings_are_read_as_usual() {
    let s = site();
    s.write(
        PAGE,
        "\u{feff}---\r\ntitle: \"Avec BOM\"\r\n---\r\n\r\n## Partie\r\n\r\nTexte.\r\n",
    );
    assert_eq!(warnings(&s), vec![]);
    let page = s.page("fr/pages/x/");
    assert_eq!(page.text("h1"), "Avec BOM");
    assert_eq!(page.attr("h2", "id").as_deref(), Some("partie"));
}

#[test]
fn with_crlf_and_mixed_line_endings_line_numbers_stay_right() {
    let s = site();
    s.write(
        PAGE,
        "---\r\ntitle: x\nsummary: y\r\nsumary: z\n---\r\n\r\nText\n",
    );
    let d = the_error(&s);
    assert_eq!(at(&d), (PAGE, 4, 1, "unknown field `sumary`"));

    let s = site();
    s.write(
        PAGE,
        "---\r\ntitle: x\n---\r\n\r\nLine 5\nLine 6 [a](@/pages/nope)\r\n",
    );
    let d = the_error(&s);
    assert_eq!(at(&d), (PAGE, 6, 12, "there is no page `nope`"));
}

#[test]
fn a_lone_carriage_return_is_refused_where_it_is() {
    let s = site();
    s.write(PAGE, "---\ntitle: x\rsummary: y\n---\n");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            PAGE,
            2,
            9,
            "a line ends with a carriage return alone (an old Mac line ending)"
        )
    );
}

#[test]
fn invalid_utf8_names_the_file_and_the_byte_offset() {
    let s = site();
    let mut bytes = b"---\ntitle: caf".to_vec();
    bytes.push(0xE9); // Latin-1 "é": not UTF-8
    bytes.extend_from_slice(b"\n---\n");
    s.write_bytes(PAGE, &bytes);
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            PAGE,
            2,
            11,
            "`content/pages/x.fr.md` is not valid UTF-8 text (bad byte at offset 14)"
        )
    );
    assert_eq!(
        d.help.as_deref(),
        Some("save the file as UTF-8 in your editor")
    );
}

#[test]
fn a_language_the_site_does_not_have() {
    let s = site();
    s.write("content/pages/x.de.md", "---\ntitle: x\n---\n");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            "content/pages/x.de.md",
            1,
            1,
            "`de` in the file name is not one of the site's languages (fr, en)"
        )
    );
}

#[test]
fn two_files_claiming_one_id() {
    let s = site();
    s.write("content/pages/a.fr.md", "---\ntitle: a\n---\n");
    s.write("content/pages/a/index.fr.md", "---\ntitle: a\n---\n");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            "content/pages/a.fr.md",
            1,
            1,
            "two files are the `fr` version of the page `a`"
        )
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "`content/pages/a/index.fr.md` is the other; an id is unique within its kind: rename or remove one"
        )
    );
}

#[test]
fn ids_with_dots_spaces_upper_case_or_non_ascii() {
    let cases = [
        (
            "a..b",
            "`a..b` is not a valid id: it contains the character `.`",
        ),
        ("a b", "`a b` is not a valid id: it contains a space"),
        (
            "Ab",
            "`Ab` is not a valid id: it contains an upper-case letter",
        ),
        (
            "défi",
            "`défi` is not a valid id: it contains the non-ASCII character `é`",
        ),
    ];
    for (id, message) in cases {
        let s = site();
        let file = format!("content/pages/{id}.fr.md");
        s.write(&file, "---\ntitle: x\n---\n");
        let d = the_error(&s);
        assert_eq!(at(&d), (file.as_str(), 1, 1, message));
    }
}

#[test]
fn slugs_and_references_cannot_hold_a_path() {
    let s = site();
    s.write(PAGE, "---\ntitle: x\nslug: ../../etc\n---\n");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            PAGE,
            3,
            7,
            "`../../etc` cannot be a URL segment: it contains the character `.`"
        )
    );

    let s = site();
    s.write(PAGE, "---\ntitle: x\nslug: a/b\n---\n");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            PAGE,
            3,
            7,
            "`a/b` cannot be a URL segment: it contains the character `/`"
        )
    );
}

#[test]
fn an_impossible_date() {
    let s = site();
    s.write(PAGE, "---\ntitle: x\ndate: 2021-02-30\n---\n");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            PAGE,
            3,
            7,
            "`2021-02-30` is not a date: month 2 of 2021 has 28 days"
        )
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_loop_or_lead_out_and_are_not_followed() {
    use std::os::unix::fs::symlink;
    let s = site();
    symlink("loop.fr.md", s.path("content/pages/loop.fr.md")).expect("loop");
    let secret = s.scratch().join("secret.md");
    std::fs::write(&secret, "---\ntitle: Secret outside the site\n---\n").expect("secret");
    symlink(&secret, s.path("content/pages/out.fr.md")).expect("out");
    let got: Vec<(String, String)> = warnings(&s)
        .into_iter()
        .map(|d| (d.file, d.message))
        .collect();
    let ignored = "symbolic links in content/ are not followed; this one is ignored";
    assert_eq!(
        got,
        vec![
            ("content/pages/loop.fr.md".into(), ignored.into()),
            ("content/pages/out.fr.md".into(), ignored.into()),
        ]
    );
    assert!(!s.exists("public/fr/pages/out"));
    assert!(!s.exists("public/fr/pages/loop"));
}

#[cfg(unix)]
#[test]
fn a_linked_folder_or_config_leading_out_of_the_site_is_refused() {
    use std::os::unix::fs::symlink;
    let s = site();
    let elsewhere = s.scratch().join("elsewhere");
    std::fs::rename(s.path("content"), &elsewhere).expect("move");
    symlink(&elsewhere, s.path("content")).expect("link");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            "content",
            1,
            1,
            "`content/` is a symbolic link; the generator does not follow links out of the site's folder"
        )
    );

    let s = site();
    let outside = s.scratch().join("config.yaml");
    std::fs::rename(s.path("config.yaml"), &outside).expect("move");
    symlink(&outside, s.path("config.yaml")).expect("link");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            "config.yaml",
            1,
            1,
            "config.yaml is not a regular file (a symbolic link, a folder or a special file)"
        )
    );

    let s = site();
    let templates = s.scratch().join("templates");
    std::fs::rename(s.path("themes/default/templates"), &templates).expect("move");
    symlink(&templates, s.path("themes/default/templates")).expect("link");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            "themes/default/templates",
            1,
            1,
            "`themes/default/templates/` is a symbolic link; the generator does not follow links out of the site's folder"
        )
    );

    let s = site();
    let strings = s.scratch().join("en.yaml");
    std::fs::rename(s.path("themes/default/i18n/en.yaml"), &strings).expect("move");
    symlink(&strings, s.path("themes/default/i18n/en.yaml")).expect("link");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            "themes/default/i18n/en.yaml",
            1,
            1,
            "cannot read `themes/default/i18n/en.yaml`: it is a symbolic link, which the generator does not follow"
        )
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_ignored_not_waited_on() {
    let s = site();
    let status = std::process::Command::new("mkfifo")
        .arg(s.path("content/pages/pipe.fr.md"))
        .status()
        .expect("mkfifo");
    assert!(status.success());
    let got: Vec<(String, String)> = warnings(&s)
        .into_iter()
        .map(|d| (d.file, d.message))
        .collect();
    assert_eq!(
        got,
        vec![(
            "content/pages/pipe.fr.md".into(),
            "this is not a regular file (a pipe, a socket or a device); it is ignored".into()
        )]
    );
}

/// Permissions do not stop root, and the tests may run as root: then the
/// check runs as `nobody` through setpriv, and is skipped (saying so)
/// only where that is impossible.
#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let s = site();
    s.write(PAGE, "---\ntitle: x\n---\n");
    std::fs::set_permissions(s.path(PAGE), std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let mut cmd = if is_root {
        let setpriv = std::path::Path::new("/usr/bin/setpriv");
        if !setpriv.exists() {
            skipped!(
                "an_unreadable_file",
                "running as root without setpriv to drop privileges"
            );
        }
        // `nobody` must be able to reach the site through the temp folder.
        std::fs::set_permissions(s.scratch(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod tmp");
        let mut c = std::process::Command::new(setpriv);
        crate::support::in_english(&mut c);
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
            crate::support::bin(),
        ]);
        c
    } else {
        crate::support::hub()
    };
    // `check` reads everything and writes nothing, so `nobody` can run it.
    cmd.args(["check", "--format", "json", "--root"])
        .arg(&s.root);
    let out = crate::support::run_bounded(cmd, s.scratch(), TIMEOUT_SECS);
    let errors: Vec<Diag> = parse_diags(&out)
        .into_iter()
        .filter(|d| d.severity == "error")
        .collect();
    assert_eq!(out.status.code(), Some(1), "{errors:#?}");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        at(&errors[0]),
        (
            PAGE,
            1,
            1,
            "cannot read `content/pages/x.fr.md`: Permission denied (os error 13)"
        )
    );
}

#[test]
fn a_hundred_thousand_line_file_builds() {
    let s = site();
    let mut text = String::from("---\ntitle: Long\n---\n");
    for i in 1..=100_000 {
        if i % 1000 == 0 {
            text.push_str(&format!("\n## Part {i}\n\n"));
        } else {
            text.push_str(&format!("Line {i} of a long text, with *emphasis*.\n"));
        }
    }
    s.write(PAGE, &text);
    assert_eq!(warnings(&s), vec![]);
    let page = s.page("fr/pages/x/");
    assert_eq!(page.all(".prose h2").len(), 100);
    assert!(
        s.read("public/fr/pages/x/index.html")
            .contains("Line 99999 of")
    );
}

#[test]
fn a_body_nested_a_hundred_thousand_levels_deep() {
    for (deep, column) in [(">".repeat(100_000), 101), ("<div>".repeat(100_000), 1)] {
        let s = site();
        s.write(PAGE, &format!("---\ntitle: x\n---\n\n{deep} x\n"));
        let d = the_error(&s);
        assert_eq!(
            at(&d),
            (PAGE, 5, column, "the text nests more than 100 levels deep")
        );
    }
}

#[test]
fn an_empty_content_folder() {
    let s = site();
    std::fs::remove_dir_all(s.path("content")).expect("rm");
    std::fs::create_dir_all(s.path("content")).expect("mkdir");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            "content",
            1,
            1,
            "`content/` holds no Markdown file: the site would be empty"
        )
    );
}

#[test]
fn a_missing_theme() {
    let s = site();
    let config = s
        .read("config.yaml")
        .replace("theme: default", "theme: nope");
    s.write("config.yaml", &config);
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        ("config.yaml", 1, 1, "the theme `nope` does not exist")
    );
}

/// A theme of the site's own (not `default`) stands alone: the built-in
/// theme does not fill its gaps.
#[test]
fn a_missing_template() {
    let s = site();
    std::fs::rename(s.path("themes/default"), s.path("themes/mine")).expect("mv");
    let config = s
        .read("config.yaml")
        .replace("theme: default", "theme: mine");
    s.write("config.yaml", &config);
    std::fs::remove_file(s.path("themes/mine/templates/page.html")).expect("rm");
    let d = the_error(&s);
    assert_eq!(
        at(&d),
        (
            "themes/mine/templates/page.html",
            1,
            1,
            "the theme has no template `page.html`"
        )
    );
}

#[test]
fn a_template_syntax_error_at_the_template_line() {
    let s = site();
    s.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ entity.title }</p>\n{% endblock content %}\n",
    );
    let d = the_error(&s);
    assert_eq!(
        (d.file.as_str(), d.line, d.column),
        ("themes/default/templates/page.html", 3, 20)
    );
    assert_eq!(d.message, "template error: Found `}` but expected }}.");
}
