//! Reading a bank's `paper`: the mock exam's time, pass mark and sections,
//! and the check that each section can draw its count.

use crate::bank::{fields, Paper, Question, Section};
use crate::diagnostic::Code;
use crate::json::Node;
use crate::limits::{PASS_PERCENT, SECTION_COUNT, SECTION_POINTS, TIME_LIMIT_MINUTES};
use crate::reader::{start_of, Path, Reader};

impl Reader<'_> {
    pub(super) fn paper(&mut self, node: Node, path: &Path) -> Option<Paper> {
        let fields = self.object(node, path, fields::PAPER)?;
        let time = fields.get("time_limit_minutes").and_then(|n| {
            self.number(
                n,
                &path.field("time_limit_minutes"),
                *TIME_LIMIT_MINUTES.start(),
                *TIME_LIMIT_MINUTES.end(),
            )
        });
        let pass = fields.get("pass_percent").and_then(|n| {
            self.number(
                n,
                &path.field("pass_percent"),
                *PASS_PERCENT.start(),
                *PASS_PERCENT.end(),
            )
        });
        let partial = match fields.get("partial_credit") {
            Some(n) => self.boolean(n, &path.field("partial_credit")),
            None => Some(false),
        };
        let sections_path = path.field("sections");
        let sections = fields.get("sections").and_then(|n| {
            let items = self.array(n, &sections_path)?;
            if items.is_empty() {
                self.error(
                    Code::BadValue,
                    n.span(),
                    &sections_path,
                    "试卷至少要有一个题型。".into(),
                    "The paper needs at least one section.".into(),
                );
                return None;
            }
            let mut sections: Vec<Section> = Vec::new();
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                let item_path = sections_path.index(i);
                match self.section(item, &item_path) {
                    Some(section) => {
                        if sections.iter().any(|s| s.kind == section.kind) {
                            self.error(
                                Code::DuplicateSection,
                                item.span(),
                                &item_path,
                                format!(
                                    "试卷里“{}”出现了两次：每种题型只写一项。",
                                    section.kind.key()
                                ),
                                format!(
                                    "The paper lists \"{}\" twice: one section per type.",
                                    section.kind.key()
                                ),
                            );
                            ok = false;
                        }
                        sections.push(section);
                    }
                    None => ok = false,
                }
            }
            ok.then_some(sections)
        });
        Some(Paper {
            time_limit_minutes: time?,
            pass_percent: pass?,
            partial_credit: partial?,
            sections: sections?,
        })
    }

    fn section(&mut self, node: Node, path: &Path) -> Option<Section> {
        let fields = self.object(node, path, fields::SECTION)?;
        let kind = fields
            .get("type")
            .and_then(|n| self.question_type(n, &path.field("type")));
        let count_node = fields.get("count");
        self.section_counts
            .push(count_node.map_or(start_of(fields.span), |n| n.span()));
        let count = count_node.and_then(|n| {
            self.number(
                n,
                &path.field("count"),
                *SECTION_COUNT.start(),
                *SECTION_COUNT.end(),
            )
        });
        let points = fields.get("points").and_then(|n| {
            self.number(
                n,
                &path.field("points"),
                *SECTION_POINTS.start(),
                *SECTION_POINTS.end(),
            )
        });
        Some(Section {
            kind: kind?,
            count: count?,
            points: points?,
        })
    }

    pub(super) fn check_paper(&mut self, paper: &Paper, questions: &[Question], paper_node: Node) {
        for (i, section) in paper.sections.iter().enumerate() {
            let available = questions
                .iter()
                .filter(|q| q.kind() == section.kind)
                .count();
            if section.count as usize > available {
                let path = Path::ROOT;
                let sections = path.field("paper");
                let sections = sections.field("sections");
                self.error(
                    Code::PaperTooMany,
                    self.section_counts
                        .get(i)
                        .copied()
                        .unwrap_or(start_of(paper_node.span())),
                    &sections.index(i).field("count"),
                    format!(
                        "试卷要抽 {} 道{}，题库里只有 {available} 道。",
                        section.count,
                        section.kind.label(crate::Lang::Zh)
                    ),
                    format!(
                        "The paper draws {} {} questions but the bank has only {available}.",
                        section.count,
                        section.kind.key()
                    ),
                );
            }
        }
    }
}
