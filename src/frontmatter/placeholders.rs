//! The placeholders `rabat-hub new` writes, found where they are left: a
//! field whose line carries the `# ✎` mark, a body line that begins with
//! `✎`. Each is a warning naming the field, so `check --strict` fails
//! while `build` and `serve` still show the page.

use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::t;
use crate::yaml::{Source, Value};

/// The mark of a placeholder.
pub const PLACEHOLDER: &str = "✎";

/// A warning for each marked field of `src` and each marked body line.
pub fn find(src: &Source<'_>, body: &str, body_first_line: usize, diags: &mut Diagnostics) {
    let lines: Vec<&str> = src.yaml.lines().collect();
    if let Some(Value::Map(entries)) = src.tree.map(|t| &t.value) {
        for (k, v) in entries {
            let Some(name) = k.key_text() else { continue };
            let marked = lines
                .get(v.pos.line.saturating_sub(1))
                .and_then(|l| l.split_once(" #"))
                .is_some_and(|(_, comment)| comment.trim_start().starts_with(PLACEHOLDER));
            if marked {
                diags.push(
                    Diagnostic::warning(t!("fm-placeholder", field = name))
                        .at(src.span(v.pos.line, v.pos.column))
                        .label(t!("fm-placeholder-label"))
                        .help(t!("fm-placeholder-help", mark = PLACEHOLDER)),
                );
            }
        }
    }
    for (i, line) in body.lines().enumerate() {
        if line.trim_start().starts_with(PLACEHOLDER) {
            let line_no = body_first_line + i;
            diags.push(
                Diagnostic::warning(t!("fm-placeholder-text"))
                    .at(Span::at(
                        src.file,
                        src.file_text,
                        line_no,
                        1,
                        line.chars().count(),
                    ))
                    .label(t!("fm-placeholder-label"))
                    .help(t!("fm-placeholder-text-help", mark = PLACEHOLDER)),
            );
        }
    }
}
