use super::*;

#[test]
fn offsets_become_line_and_column() {
    let text = "---\ntitle: x\nbad: é y\n";
    let start = text.find("y").unwrap_or(0);
    let span = Span::from_offsets("a.md", text, start, start + 1);
    assert_eq!((span.line, span.column), (3, 8));
    assert_eq!(span.source_line.as_deref(), Some("bad: é y"));
}

#[test]
fn control_characters_are_shown_escaped() {
    let d = Diagnostic::error("bad \u{1b}[2J value")
        .at(Span::at(
            "content/a\u{7}.md",
            "x: \u{1b}]0;owned\u{7} y",
            1,
            15,
            1,
        ))
        .help("\u{9b}31m");
    let text = d.to_human();
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    assert!(text.contains("bad \\u{1b}[2J value"), "{text}");
    assert!(text.contains("content/a\\u{7}.md:1:15"), "{text}");
    // The caret stays under the character it points at.
    let lines: Vec<&str> = text.lines().collect();
    let src = lines
        .iter()
        .find(|l| l.starts_with("1 |"))
        .expect("source line");
    let caret = lines.iter().find(|l| l.contains('^')).expect("caret");
    assert_eq!(&src[caret.find('^').expect("^")..][..1], "y");
}

#[test]
fn human_output_has_caret_under_column() {
    let text = "a\n  - employer-reluctanse\n";
    let d = Diagnostic::error("unknown challenge `employer-reluctanse`")
        .at(Span::at("c.md", text, 2, 5, 19))
        .label("did you mean `employer-reluctance`?");
    let out = d.to_human();
    assert!(out.contains("  --> c.md:2:5\n"));
    assert!(out.contains("2 |   - employer-reluctanse\n"));
    assert!(out.contains("  |     ^^^^^^^^^^^^^^^^^^^ did you mean"));
}

#[test]
fn invisible_characters_are_shown_in_the_quoted_line() {
    let text = "title: x\n\tsummary: y\n";
    let d = Diagnostic::error("tab").at(Span::at("a.md", text, 2, 1, 1));
    assert!(
        d.to_human().contains("2 | →summary: y\n"),
        "{}",
        d.to_human()
    );
}

#[test]
fn github_annotations_escape_values_and_keep_label_and_help() {
    let text = "a\n";
    let d = Diagnostic::error("100% wrong\nreally")
        .at(Span::at("content/a,b:c.md", text, 1, 1, 1))
        .label("did you mean `x`?")
        .help("fix it");
    assert_eq!(
        d.to_github_in("site/"),
        "::error file=site/content/a%2Cb%3Ac.md,line=1,col=1::100%25 wrong%0Areally — did you mean `x`? (help: fix it)"
    );
}

#[test]
fn long_lines_are_quoted_cut_or_not_at_all() {
    let text = format!("a\n{}\n", "x".repeat(10_000));
    let near = Span::at("a.md", &text, 2, 5, 3);
    assert_eq!(
        near.source_line.map(|l| l.chars().count()),
        Some(MAX_QUOTED + 1)
    );
    assert_eq!(Span::at("a.md", &text, 2, 9_000, 1).source_line, None);
    assert_eq!(
        Span::at("a.md", "short\r\n", 1, 1, 1)
            .source_line
            .as_deref(),
        Some("short")
    );
}

#[test]
fn close_words_are_suggested_and_far_ones_not() {
    let c = ["employer-reluctance", "coordination-gaps"];
    assert_eq!(
        did_you_mean("employer-reluctanse", c).as_deref(),
        Some("employer-reluctance")
    );
    assert_eq!(did_you_mean("zzz", c), None);
}
