//! Tables written by hand (see `Table`).

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

/// Tables written by hand, so that a column's alignment is a class
/// (`align-center`) and not the inline `style` pulldown-cmark writes,
/// which the site's Content-Security-Policy would refuse.
#[derive(Default)]
pub(super) struct Table {
    alignments: Vec<Alignment>,
    in_head: bool,
    cell: usize,
}

impl Table {
    pub(super) fn markup(&mut self, event: &Event<'_>) -> String {
        let cell_tag = |in_head: bool| if in_head { "th" } else { "td" };
        match event {
            Event::Start(Tag::Table(alignments)) => {
                self.alignments = alignments.clone();
                "<table>".into()
            }
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.cell = 0;
                "<thead><tr>".into()
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                "</tr></thead><tbody>\n".into()
            }
            Event::Start(Tag::TableRow) => {
                self.cell = 0;
                "<tr>".into()
            }
            Event::End(TagEnd::TableRow) => "</tr>\n".into(),
            Event::Start(Tag::TableCell) => {
                let class = match self.alignments.get(self.cell) {
                    Some(Alignment::Left) => " class=\"align-left\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    Some(Alignment::Right) => " class=\"align-right\"",
                    _ => "",
                };
                format!("<{}{class}>", cell_tag(self.in_head))
            }
            Event::End(TagEnd::TableCell) => {
                self.cell += 1;
                format!("</{}>", cell_tag(self.in_head))
            }
            Event::End(TagEnd::Table) => "</tbody></table>\n".into(),
            _ => String::new(),
        }
    }
}
