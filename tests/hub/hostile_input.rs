//! Hostile input, round two: what config.yaml, a theme and a content file
//! can say that the build would once have trusted or misreported.

use crate::support::{Diag, Site, parse_diags};

fn config_with(site: &Site, line: &str) {
    let config = site.read("config.yaml");
    let kept: Vec<&str> = config
        .lines()
        .filter(|l| !l.starts_with("base_url:"))
        .collect();
    site.write("config.yaml", &format!("{line}\n{}\n", kept.join("\n")));
}

fn errors_of(site: &Site, command: &str) -> Vec<Diag> {
    let out = site.run(&[command, "--format", "json"]);
    assert!(!out.status.success(), "{command} should fail");
    parse_diags(&out)
        .into_iter()
        .filter(|d| d.severity == "error")
        .collect()
}

#[test]
fn a_base_url_that_leaves_the_site_or_breaks_a_line_is_refused_at_its_line() {
    for (value, why) in [
        ("\"//evil.test/\"", "it begins with `//`"),
        ("\"https://x.org/\\nDisallow: /\"", "control character"),
        (
            "\"https://x.org/\\f}body{display:none}\"",
            "control character",
        ),
        ("\"https://x.org/\\\"\"", "the character `\"`"),
        ("\"javascript:alert(1)\"", "must begin with"),
        ("\"https:///\"", "no host"),
    ] {
        let site = Site::fixture("bad-input/minimal");
        config_with(&site, &format!("base_url: {value}"));
        for command in ["build", "check"] {
            let errors = errors_of(&site, command);
            assert_eq!(errors.len(), 1, "{value}: {errors:?}");
            let d = &errors[0];
            assert_eq!((d.file.as_str(), d.line), ("config.yaml", 1), "{value}");
            assert!(
                d.message.contains("cannot be the site's `base_url`") && d.message.contains(why),
                "{value}: {}",
                d.message
            );
        }
        assert!(!site.exists("public"));
    }
    // A path alone is a base URL; the trailing `/` is added.
    let site = Site::fixture("bad-input/minimal");
    config_with(&site, "base_url: /hub");
    site.build(&[]);
    assert!(
        site.read("public/robots.txt")
            .contains("Sitemap: /hub/sitemap.xml\n")
    );
    assert_eq!(
        site.page("fr/")
            .attr("link[rel=stylesheet][media=print]", "href")
            .map(|h| h.starts_with("/hub/")),
        Some(true)
    );
}

#[test]
fn base_url_on_the_command_line_goes_through_the_same_parser() {
    let site = Site::fixture("bad-input/minimal");
    let out = site.run(&["build", "--format", "json", "--base-url", "//evil.test/"]);
    assert!(!out.status.success());
    let d = parse_diags(&out);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].message.contains("it begins with `//`"),
        "{}",
        d[0].message
    );
    site.build(&["--base-url", "https://preview.example.org/hub"]);
    let robots = site.read("public/robots.txt");
    assert!(
        robots.contains("Sitemap: https://preview.example.org/hub/sitemap.xml\n"),
        "{robots}"
    );
    assert!(
        site.read("public/print.css")
            .contains("--site: \"https://preview.example.org\";")
    );
}

#[test]
fn control_characters_in_config_texts_are_refused_at_their_line() {
    let site = Site::fixture("bad-input/minimal");
    let config = site.read("config.yaml").replace(
        "en: \"Test site\"",
        "en: \"Test\\u001b]0;owned\\u0007 site\"",
    );
    site.write("config.yaml", &config);
    let errors = errors_of(&site, "check");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        (errors[0].file.as_str(), errors[0].line),
        ("config.yaml", 1)
    );
    assert!(
        errors[0].message.contains("control character"),
        "{}",
        errors[0].message
    );
}

#[test]
fn a_theme_data_folder_or_template_that_is_a_link_is_an_error_at_its_name() {
    let site = Site::fixture("bad-input/minimal");
    let outside = site.scratch().join("data");
    std::fs::create_dir_all(&outside).expect("mkdir");
    std::fs::write(outside.join("outlines.txt"), "").expect("write");
    let _ = std::fs::remove_dir_all(site.path("themes/default/data"));
    std::os::unix::fs::symlink(&outside, site.path("themes/default/data")).expect("link");
    let errors = errors_of(&site, "build");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].file, "themes/default/data");
    assert!(
        errors[0].message.contains("symbolic link"),
        "{}",
        errors[0].message
    );

    let site = Site::fixture("bad-input/minimal");
    let template = site.path("themes/default/templates/page.html");
    let moved = site.scratch().join("page.html");
    std::fs::rename(&template, &moved).expect("move");
    std::os::unix::fs::symlink(&moved, &template).expect("link");
    let errors = errors_of(&site, "build");
    assert!(
        errors
            .iter()
            .any(|d| d.file == "themes/default/templates/page.html"
                && d.message.contains("symbolic link")),
        "{errors:?}"
    );
}

#[test]
fn characters_xml_forbids_never_reach_a_feed_or_the_sitemap() {
    let site = Site::fixture("bad-input/minimal");
    site.write(
        "content/meetings/m/index.fr.md",
        "---\ntitle: \"Titre \\uFFFE\\uFFFF\\u0001 fin\"\nsummary: \"R\\uFFFEésumé\"\ndate: 2021-01-21\ntype: webinar\n---\n",
    );
    let out = site.run(&["build", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for file in [
        "public/fr/atom.xml",
        "public/en/atom.xml",
        "public/sitemap.xml",
    ] {
        let text = site.read(file);
        if let Err(e) = roxmltree::Document::parse(&text) {
            panic!("{file} is not well-formed XML: {e}");
        }
        assert!(!text.contains(['\u{fffe}', '\u{ffff}', '\u{1}']), "{file}");
    }
    assert!(
        site.read("public/fr/atom.xml")
            .contains("<title>Titre  fin</title>")
    );
}

#[test]
fn escape_sequences_reach_the_terminal_escaped() {
    let site = Site::fixture("bad-input/minimal");
    site.write(
        "content/pages/x.fr.md",
        "---\ntitle: x\nthemes: [\"\\e[2J\\e]0;owned\\a\"]\n---\n",
    );
    let out = site.run(&["check"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.chars().any(|c| c.is_control() && c != '\n'),
        "raw control characters on the terminal: {stderr:?}"
    );
    assert!(stderr.contains("\\u{1b}[2J"), "{stderr}");
}

#[test]
fn an_alias_onto_a_page_is_reported_at_the_alias() {
    let site = Site::fixture("bad-input/minimal");
    site.write(
        "content/pages/x.fr.md",
        "---\ntitle: x\naliases:\n  - /fr/ancienne/\n  - \"/fr/\"\n---\n",
    );
    for command in ["build", "check"] {
        let errors = errors_of(&site, command);
        assert_eq!(errors.len(), 1, "{errors:?}");
        let d = &errors[0];
        assert_eq!(
            (d.file.as_str(), d.line, d.message.as_str()),
            (
                "content/pages/x.fr.md",
                5,
                "two files would be published at `/fr/index.html`"
            ),
            "{command}"
        );
    }
}

#[test]
fn check_predicts_the_paths_build_could_not_write() {
    // A slug too long for a file name, at the slug's line.
    let site = Site::fixture("bad-input/minimal");
    let long = "a".repeat(300);
    site.write(
        "content/pages/x.fr.md",
        &format!("---\ntitle: x\nslug: {long}\n---\n"),
    );
    for command in ["check", "build"] {
        let errors = errors_of(&site, command);
        assert_eq!(errors.len(), 1, "{command}: {errors:?}");
        assert_eq!(
            (errors[0].file.as_str(), errors[0].line),
            ("content/pages/x.fr.md", 3)
        );
        assert!(
            errors[0].message.contains("300 bytes long"),
            "{}",
            errors[0].message
        );
    }
    // An alias that is a file where a page needs a folder.
    let site = Site::fixture("bad-input/minimal");
    site.write(
        "content/pages/x.fr.md",
        "---\ntitle: x\naliases: [\"/fr/pages\"]\n---\n",
    );
    site.write(
        "content/pages/y.fr.md",
        "---\ntitle: y\naliases: [\"/fr/pages/index.html/z/\"]\n---\n",
    );
    let errors = errors_of(&site, "check");
    assert!(
        errors.iter().any(|d| d.file == "content/pages/y.fr.md"
            && d.line == 3
            && d.message.contains("both a file and a folder")),
        "{errors:?}"
    );
    // Two aliases that differ only by case.
    let site = Site::fixture("bad-input/minimal");
    site.write(
        "content/pages/x.fr.md",
        "---\ntitle: x\naliases: [\"/fr/Old/\"]\n---\n",
    );
    site.write(
        "content/pages/y.fr.md",
        "---\ntitle: y\naliases: [\"/fr/old/\"]\n---\n",
    );
    let errors = errors_of(&site, "check");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.contains("differ only by case"),
        "{}",
        errors[0].message
    );
    assert_eq!(errors[0].line, 3);
}

#[test]
fn an_unreadable_attachment_is_found_by_check_at_its_path() {
    let site = Site::fixture("pages/bundle-alias-draft");
    let file = "content/meetings/2021-01-21-rvr-webinar/annexe.pdf";
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(site.path(file), std::fs::Permissions::from_mode(0o000))
        .expect("chmod");
    if std::fs::read(site.path(file)).is_ok() {
        // Running as root: permissions do not stop a read; a socket in
        // its place cannot be read either.
        std::fs::set_permissions(site.path(file), std::fs::Permissions::from_mode(0o644))
            .expect("chmod");
        std::fs::remove_file(site.path(file)).expect("rm");
        std::os::unix::net::UnixListener::bind(site.path(file)).expect("socket");
    }
    for command in ["check", "build"] {
        let out = site.run(&[command, "--format", "json"]);
        assert!(!out.status.success(), "{command} passed");
        let diags = parse_diags(&out);
        // Named at its own path, and the document that lists it at its line.
        assert!(diags.iter().any(|d| d.file == file), "{command}: {diags:?}");
        assert!(
            diags.iter().any(|d| d.severity == "error"
                && d.file
                    .starts_with("content/meetings/2021-01-21-rvr-webinar/index.")
                && d.line > 1),
            "{command}: {diags:?}"
        );
    }
}

#[test]
fn disguised_script_addresses_in_raw_html_are_reported_like_plain_ones() {
    let site = Site::fixture("bad-input/minimal");
    site.write(
        "content/pages/x.fr.md",
        "---\ntitle: x\n---\n\n<a href=\"&#106;avascript:alert(1)\">a</a> <a href=\"java&Tab;script:alert(1)\">b</a> <a href=\"javascript&colon;alert(1)\">c</a>\n",
    );
    let out = site.run(&["build", "--format", "json"]);
    let warnings: Vec<(u64, u64, String)> = parse_diags(&out)
        .into_iter()
        .map(|d| (d.line, d.column, d.message))
        .collect();
    let w = |column| {
        (
            5,
            column,
            "`javascript:` addresses are not allowed in the text".to_string(),
        )
    };
    assert_eq!(warnings, vec![w(4), w(45), w(86)]);
}

#[test]
fn names_windows_reserves_are_refused_as_ids_attachments_and_aliases() {
    for (path, text) in [
        ("content/pages/con.fr.md", "---\ntitle: x\n---\n"),
        ("content/pages/x.fr.md", "---\ntitle: x\nslug: aux\n---\n"),
        (
            "content/pages/x.fr.md",
            "---\ntitle: x\naliases: [\"/fr/nul/\"]\n---\n",
        ),
        (
            "content/meetings/com1/index.fr.md",
            "---\ntitle: m\ndate: 2021-01-21\ntype: webinar\n---\n",
        ),
    ] {
        let site = Site::fixture("bad-input/minimal");
        site.write(path, text);
        let errors = errors_of(&site, "check");
        assert_eq!(errors.len(), 1, "{path}: {errors:?}");
        assert!(
            errors[0].message.contains("Windows reserves"),
            "{}",
            errors[0].message
        );
    }
    let site = Site::fixture("bad-input/minimal");
    site.write("static/files/aux.txt", "x");
    let errors = errors_of(&site, "check");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].file, "static/files/aux.txt");
    let site = Site::fixture("pages/bundle-alias-draft");
    site.write("content/meetings/2021-01-21-rvr-webinar/LPT1.pdf", "x");
    let errors = errors_of(&site, "check");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.contains("Windows reserves"),
        "{}",
        errors[0].message
    );
}
