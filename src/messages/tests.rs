use super::*;

#[test]
fn both_catalogues_have_the_same_ids() {
    let fr = ids(Language::Fr);
    let en = ids(Language::En);
    let missing_fr: Vec<&String> = en.iter().filter(|i| !fr.contains(i)).collect();
    let missing_en: Vec<&String> = fr.iter().filter(|i| !en.contains(i)).collect();
    assert!(missing_fr.is_empty(), "fr.ftl lacks {missing_fr:?}");
    assert!(missing_en.is_empty(), "en.ftl lacks {missing_en:?}");
    assert!(fr.len() > 10);
}

#[test]
fn every_message_formats_in_every_language() {
    for lang in Language::ALL {
        assert_eq!(parse_errors(lang), 0, "{lang:?}");
        for id in ids(lang) {
            let out = text_in(lang, &id, &[]);
            assert_ne!(out, id, "{lang:?} {id}");
        }
    }
}

#[test]
fn counts_take_the_plural_of_the_language() {
    let one = text_in(Language::Fr, "summary-errors", &[("count", Arg::Count(1))]);
    let two = text_in(Language::Fr, "summary-errors", &[("count", Arg::Count(2))]);
    assert_eq!(one, "1 erreur");
    assert_eq!(two, "2 erreurs");
    assert_eq!(
        text_in(Language::En, "summary-errors", &[("count", Arg::Count(1))]),
        "1 error"
    );
}

#[test]
fn the_locale_chooses_the_language() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        from_locale(env(&[("LANG", "fr_FR.UTF-8")])),
        Some(Language::Fr)
    );
    assert_eq!(
        from_locale(env(&[("LANG", "fr_FR.UTF-8"), ("LC_MESSAGES", "en_GB")])),
        Some(Language::En)
    );
    assert_eq!(from_locale(env(&[("LANG", "C")])), None);
    assert_eq!(Language::parse("en-GB"), Some(Language::En));
}

#[test]
fn kinds_are_named_in_the_language_with_their_gender() {
    let args = |k: &str| vec![("kind", Arg::from(k)), ("id", Arg::from("x"))];
    assert_eq!(
        text_in(Language::En, "ref-unknown", &args("country")),
        "unknown country `x`"
    );
    assert_eq!(
        text_in(Language::Fr, "ref-unknown", &args("country")),
        "pays inconnu : `x`"
    );
    assert_eq!(
        text_in(Language::Fr, "ref-unknown", &args("practice")),
        "pratique inconnue : `x`"
    );
    assert_eq!(
        text_in(Language::Fr, "fm-a-kind", &[("kind", Arg::from("meeting"))]),
        "un élément de type « réunion »"
    );
}

#[test]
fn braces_are_written_as_braces() {
    assert_eq!(
        text_in(Language::En, "location-not-a-location-help", &[]),
        "write `location: online`, or `location: { city: Yaoundé, country: cm }`"
    );
}

/// The calls whose argument is words for the editor: a diagnostic's
/// message, label and help…
const DIAGNOSTIC_CALLS: [&str; 7] = [
    "Diagnostic::error(",
    "Diagnostic::warning(",
    "Diagnostic::note(",
    ".label(",
    ".help(",
    ".help_opt(",
    ".note(",
];

/// …and the reasons that end up inside one (`Err`, an I/O error's text,
/// why there is no history, a closure's error), and the lines printed.
const REASON_CALLS: [&str; 9] = [
    "Err(",
    "io::Error::other(",
    "History::none(",
    ".ok_or_else(|| ",
    ".map_err(|e| ",
    "eprintln!(",
    "println!(",
    "eprint!(",
    "print!(",
];

/// Lines printed for programs, not for editors: `build`'s pause for the
/// tests of interrupted builds (`tests/hub/interrupted.rs` waits for it).
const NOT_FOR_EDITORS: [(&str, &str); 1] = [("src/cmd/build.rs", "paused at {here}")];

/// Whether a literal holds words: a space and two letters in a row
/// outside its `{…}` placeholders (`"  {}"` holds none, nor does a
/// message id such as `"fm-alias-slash"`).
fn holds_words(literal: &str) -> bool {
    let mut outside = String::new();
    let mut depth = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let letters: Vec<bool> = outside.chars().map(|c| c.is_alphabetic()).collect();
    outside.contains(' ') && letters.windows(2).any(|w| w[0] && w[1])
}

/// Each place in `text` (Rust source) where words are written in English
/// instead of asked for with `t!`: a string literal, or a `format!` of
/// one, given to a diagnostic (a reason or a printed line: one that holds
/// words, so that message ids and `"{}"` pass). As `file:line: call`.
fn words_in_code(file: &str, text: &str) -> Vec<String> {
    // Comments may show examples; blank them, keeping the line numbers.
    let text: String = text
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("//") {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    let calls = DIAGNOSTIC_CALLS.iter().map(|c| (c, true));
    for (call, diagnostic) in calls.chain(REASON_CALLS.iter().map(|c| (c, false))) {
        for (at, _) in text.match_indices(call) {
            // `Err(` must be the name itself, not the end of `MyErr(`, nor
            // `println!(` the end of `eprintln!(`.
            if call.starts_with(char::is_alphabetic)
                && text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let arg = text[at + call.len()..].trim_start();
            let arg = arg.strip_prefix("Some(").map_or(arg, str::trim_start);
            let literal = if let Some(rest) = arg.strip_prefix("format!(") {
                rest.trim_start().strip_prefix('"')
            } else {
                arg.strip_prefix('"')
            };
            let Some(literal) = literal else { continue };
            let words = literal.split('"').next().unwrap_or("");
            if NOT_FOR_EDITORS.contains(&(file, words)) {
                continue;
            }
            if diagnostic || holds_words(words) {
                let line = text[..at].matches('\n').count() + 1;
                found.push(format!("{file}:{line}: {call}\"{words}\""));
            }
        }
    }
    found
}

/// The source files compiled outside tests, with their text: test
/// modules written inline (`#[cfg(test)] mod tests { … }`, at the end of
/// a file) are cut off, and files that are test modules of their own
/// (`#[cfg(test)] mod tests;`) left out.
fn code_outside_tests(src: &std::path::Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src/") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read a source file");
                files.push((path, text));
            }
        }
    }
    let mut test_files = Vec::new();
    for (path, text) in &files {
        let own_dir = match path.file_stem().and_then(|s| s.to_str()) {
            Some("mod" | "lib" | "main") => path.parent().map(std::path::Path::to_path_buf),
            _ => Some(path.with_extension("")),
        };
        let lines: Vec<&str> = text.lines().collect();
        for pair in lines.windows(2) {
            if pair[0].trim().starts_with("#[cfg(")
                && pair[0].contains("test")
                && let Some(name) = pair[1].trim().strip_prefix("mod ")
                && let Some(name) = name.strip_suffix(';')
                && let Some(dir) = &own_dir
            {
                test_files.push(dir.join(format!("{name}.rs")));
            }
        }
    }
    files
        .into_iter()
        .filter(|(p, _)| !test_files.contains(p))
        .map(|(path, text)| {
            let mut code = text.as_str();
            let mut from = 0;
            while let Some(i) = code[from..].find("#[cfg(") {
                let at = from + i;
                let attr_end = code[at..].find('\n').map_or(code.len(), |e| at + e);
                let next = code[attr_end..].trim_start();
                if code[at..attr_end].contains("test")
                    && next.starts_with("mod ")
                    && next
                        .lines()
                        .next()
                        .is_some_and(|l| l.trim_end().ends_with('{'))
                {
                    code = &code[..at];
                    break;
                }
                from = attr_end;
            }
            let shown = path
                .strip_prefix(src.parent().unwrap_or(src))
                .unwrap_or(&path)
                .display()
                .to_string();
            (shown, code.to_string())
        })
        .collect()
}

#[test]
fn no_message_is_written_in_english_in_the_code() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = code_outside_tests(&src);
    assert!(files.len() > 50, "{} files", files.len());
    let found: Vec<String> = files
        .iter()
        .flat_map(|(file, text)| words_in_code(file, text))
        .collect();
    assert!(
        found.is_empty(),
        "words for the editor written in the code, not asked for with `crate::t!` \
         (add the message to src/messages/fr.ftl and en.ftl):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_literals_and_formats_but_not_message_ids() {
    let code = r#"
fn f() {
    d.push(Diagnostic::error(format!("cannot read `{file}`: {e}")).at(s));
    d.push(Diagnostic::warning("a link is ignored").help("copy it"));
    let d = Diagnostic::error(crate::t!("file-symlink")).label(crate::t!("a-label"));
    let h = d.help_opt(Some(format!("did you mean `{x}`?")));
    // .help("an example in a comment")
    return Err("it holds a query".into());
    return Err("fm-alias-slash");
    return Err(io::Error::other("it is not a regular file"));
    let e = MyErr("a b");
    let p = x.map_err(|e| format!("no free port: {e}"))?;
    eprintln!("  {}", crate::t!("new-next"));
    println!("built {n} pages");
}

#[cfg(test)]
mod tests {
    fn t() { Diagnostic::error("fine in a test"); }
}
"#;
    let dir = tempfile::tempdir().expect("tmp");
    let src = dir.path().join("src");
    std::fs::create_dir_all(&src).expect("mkdir");
    std::fs::write(src.join("a.rs"), code).expect("write");
    std::fs::write(src.join("b.rs"), "#[cfg(test)]\nmod tests;\n").expect("write");
    std::fs::create_dir_all(src.join("b")).expect("mkdir");
    std::fs::write(
        src.join("b/tests.rs"),
        "fn t() { x.help(\"in a test file\"); }",
    )
    .expect("write");
    let files = code_outside_tests(&src);
    let found: Vec<String> = files
        .iter()
        .flat_map(|(file, text)| words_in_code(file, text))
        .collect();
    let mut lines: Vec<&str> = found
        .iter()
        .map(|f| f.split(": ").nth(1).unwrap_or(""))
        .collect();
    lines.sort_unstable();
    assert_eq!(
        lines,
        [
            ".help(\"copy it\"",
            ".help_opt(\"did you mean `{x}`?\"",
            ".map_err(|e| \"no free port",
            "Diagnostic::error(\"cannot read `{file}`",
            "Diagnostic::warning(\"a link is ignored\"",
            "Err(\"it holds a query\"",
            "io::Error::other(\"it is not a regular file\"",
            "println!(\"built {n} pages\"",
        ],
        "{found:?}"
    );
}

#[test]
fn optional_parts_appear_only_when_they_have_something_to_say() {
    let changed = |lang, more: usize| {
        text_in(
            lang,
            "serve-changed",
            &[("names", Arg::from("a.md")), ("more", Arg::Count(more))],
        )
    };
    assert_eq!(changed(Language::En, 0), "changed: a.md");
    assert_eq!(changed(Language::En, 3), "changed: a.md and 3 more");
    assert_eq!(changed(Language::Fr, 3), "modifié : a.md et 3 autres");
    let rebuilt = |lang, how: &str| {
        text_in(
            lang,
            "serve-rebuilt",
            &[
                ("how", Arg::from(how)),
                ("files", Arg::Count(3)),
                ("ms", Arg::from("12")),
            ],
        )
    };
    assert_eq!(rebuilt(Language::En, "full"), "built 3 files in 12 ms");
    assert_eq!(
        rebuilt(Language::En, "patched"),
        "rebuilt 3 files in 12 ms (fast path)"
    );
    assert_eq!(
        rebuilt(Language::Fr, "partial"),
        "3 fichiers reconstruits en 12 ms"
    );
    let missing = |line: usize| {
        text_in(
            Language::En,
            "theme-string-missing-help",
            &[
                ("key", Arg::from("k")),
                ("file", Arg::from("fr.yaml")),
                ("other_file", Arg::from("en.yaml")),
                ("other", Arg::from("en")),
                ("line", Arg::Count(line)),
            ],
        )
    };
    assert_eq!(
        missing(0),
        "add `k: \"…\"` to fr.yaml; en.yaml has it for `en`"
    );
    assert_eq!(
        missing(4),
        "add `k: \"…\"` to fr.yaml; en.yaml has it for `en` (line 4)"
    );
}
