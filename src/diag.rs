//! Diagnostics: every problem the generator finds, as data with a location.
//!
//! Nothing here prints; `cmd` decides where diagnostics go and in which
//! format. A diagnostic carries the source line it points into, so it can be
//! drawn like rustc's without re-reading the file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    /// Information that fails nothing, not even `--strict`.
    Note,
}

/// A place in a file: 1-based line and column (in characters), and the
/// length of the underlined text (at least 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub len: usize,
    /// The text of `line`, when the file is text.
    pub source_line: Option<String>,
}

impl Span {
    /// A span at a 1-based line and column of `text`.
    pub fn at(file: &str, text: &str, line: usize, column: usize, len: usize) -> Span {
        let (column, len) = (column.max(1), len.max(1));
        let source_line = text
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| l.trim_end_matches('\r'))
            .and_then(|l| quotable(l, column + len - 1));
        Span {
            file: file.to_string(),
            line: line.max(1),
            column,
            len,
            source_line,
        }
    }

    /// A span covering the byte range `start..end` of `text`.
    pub fn from_offsets(file: &str, text: &str, start: usize, end: usize) -> Span {
        let start = floor_char_boundary(text, start);
        let before = &text[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..start].chars().count() + 1;
        let end = floor_char_boundary(text, end.max(start));
        let len = text[start..end]
            .lines()
            .next()
            .map_or(1, |l| l.chars().count());
        Span::at(file, text, line, column, len)
    }

    /// The whole file, when a problem has no better place (a bad file name).
    pub fn file(file: &str) -> Span {
        Span {
            file: file.to_string(),
            line: 1,
            column: 1,
            len: 1,
            source_line: None,
        }
    }
}

/// The most characters of a source line a diagnostic quotes: a 10 MB
/// line must not become a 10 MB message.
const MAX_QUOTED: usize = 200;

/// The line as quoted under a diagnostic: whole when short, cut after
/// `MAX_QUOTED` characters when the place shown is before the cut, not
/// quoted at all otherwise.
fn quotable(line: &str, last_column: usize) -> Option<String> {
    match line.char_indices().nth(MAX_QUOTED) {
        None => Some(line.to_string()),
        Some(_) if last_column > MAX_QUOTED => None,
        Some((cut, _)) => Some(format!("{}…", &line[..cut])),
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A path relative to `root`, written with `/` whatever the platform, as
/// diagnostics and CI annotations expect.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub span: Option<Span>,
    /// Text written under the caret.
    pub label: Option<String>,
    /// A hint on how to fix it.
    pub help: Option<String>,
    /// Where a pull request shows it, when that is another file than the
    /// one to fix: a translation behind is fixed in the file nobody
    /// touched, but GitHub shows annotations on changed files only.
    pub annotate: Option<Span>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: None,
            label: None,
            help: None,
            annotate: None,
        }
    }

    pub fn note(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(message)
        }
    }

    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    pub fn at(mut self, span: Span) -> Diagnostic {
        self.span = Some(span);
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Shown by GitHub at `span` instead (`annotate`).
    pub fn annotate_at(mut self, span: Span) -> Diagnostic {
        self.annotate = Some(span);
        self
    }

    pub fn help_opt(mut self, help: Option<String>) -> Diagnostic {
        self.help = help;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn severity_word(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }

    /// The severity in the language of the run, for people.
    fn severity_shown(&self) -> String {
        match self.severity {
            Severity::Error => crate::t!("severity-error"),
            Severity::Warning => crate::t!("severity-warning"),
            Severity::Note => crate::t!("severity-note"),
        }
    }

    /// Drawn like rustc: message, `--> file:line:col`, the line, a caret.
    /// Control characters are shown escaped (`\u{1b}`): a value or a file
    /// name must not move the cursor, clear the screen or retitle the
    /// terminal it is printed on.
    pub fn to_human(&self) -> String {
        let e = escape_controls;
        let mut out = format!("{}: {}\n", self.severity_shown(), e(&self.message));
        if let Some(span) = &self.span {
            let _ = writeln!(out, "  --> {}:{}:{}", e(&span.file), span.line, span.column);
            if let Some(src) = &span.source_line {
                let num = span.line.to_string();
                let pad = " ".repeat(num.len());
                let shown = visible(src);
                let before: String = shown.chars().take(span.column - 1).collect();
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{num} | {}", e(&shown));
                let caret_pad = " ".repeat(e(&before).chars().count());
                let carets = "^".repeat(span.len);
                let label = match (&self.label, &self.help) {
                    (Some(l), _) => format!(" {}", e(l)),
                    _ => String::new(),
                };
                let _ = writeln!(out, "{pad} | {caret_pad}{carets}{label}");
            }
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "  = {}: {}", crate::t!("help-word"), e(help));
        }
        out
    }

    /// One JSON object, for `--format json` (one a line).
    pub fn to_json(&self) -> String {
        let span = self.span.as_ref();
        let value = serde_json::json!({
            "severity": self.severity_word(),
            "file": span.map(|s| s.file.as_str()),
            "line": span.map(|s| s.line),
            "column": span.map(|s| s.column),
            "message": self.message,
            "label": self.label,
            "help": self.help,
        });
        value.to_string()
    }

    /// A GitHub Actions workflow command, so the problem shows on the diff.
    pub fn to_github(&self) -> String {
        self.to_github_in("")
    }

    /// `to_github` for a site whose root is at `prefix` (`site/`) in its
    /// repository: GitHub names files from the repository's top level.
    /// The message carries the label and the help, since an annotation
    /// has no caret; every value is escaped as workflow commands require.
    pub fn to_github_in(&self, prefix: &str) -> String {
        let mut text = self.message.clone();
        if let Some(label) = &self.label {
            text.push_str(" — ");
            text.push_str(label);
        }
        if let Some(help) = &self.help {
            let _ = write!(text, " ({}: {help})", crate::t!("help-word"));
        }
        let command = match self.severity {
            Severity::Note => "notice",
            _ => self.severity_word(),
        };
        match self.annotate.as_ref().or(self.span.as_ref()) {
            Some(s) => format!(
                "::{} file={},line={},col={}::{}",
                command,
                github_property(&format!("{prefix}{}", s.file)),
                s.line,
                s.column,
                github_data(&text)
            ),
            None => format!("::{command}::{}", github_data(&text)),
        }
    }
}

/// A workflow command's message: `%`, CR and LF escaped.
fn github_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property: as a message, and `:` and `,` too.
fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A source line with its invisible characters shown: a tab as `→`, the
/// Unicode line and paragraph separators and NEL as `⏎`, other controls
/// and zero-width characters as `�`. One character each, so the caret
/// below stays under its column.
fn visible(line: &str) -> String {
    line.chars()
        .map(|c| match c {
            '\t' => '→',
            '\u{2028}' | '\u{2029}' | '\u{85}' => '⏎',
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => '�',
            // Other control characters: `escape_controls` writes them out.
            c => c,
        })
        .collect()
}

/// All the problems of one run, kept in the order they were found and
/// sorted by place before they are shown.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorted by file, line and column, so the report reads top to bottom
    /// whatever order the parallel stages found them in; notes last.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                d.span
                    .as_ref()
                    .map(|s| (s.file.clone(), s.line, s.column))
                    .unwrap_or_default()
            };
            (a.severity == Severity::Note)
                .cmp(&(b.severity == Severity::Note))
                .then_with(|| key(a).cmp(&key(b)))
                .then(a.severity.cmp(&b.severity))
                .then(a.message.cmp(&b.message))
        });
        v.dedup_by(|a, b| a == b);
        v
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a
/// likely typo: the "did you mean" of every message.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_string())
}

/// Where a path was given as `PathBuf` but diagnostics need the site form.
/// `s` with every control character (and the bidirectional overrides,
/// which reorder what a terminal shows) written as `\u{..}`.
pub fn escape_controls(s: &str) -> String {
    let hidden =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if !s.chars().any(hidden) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if hidden(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

pub fn display_path(p: &Path) -> String {
    PathBuf::from(p).to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests;
