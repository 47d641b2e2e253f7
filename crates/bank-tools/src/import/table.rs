//! The question template as a table, shared by CSV and Excel files.
//!
//! The header row names the columns; their order is free and common
//! Chinese and English names are accepted, because coordinators start from
//! sheets they already have rather than from our template.

use super::notation::{self, Problem};
use super::{check_id, Draft, ImportError, Parsed, Part, Slot};
use quiz_core::bank::{letter, Blank, Body, Choice, Difficulty, QuestionType};
use quiz_core::{Lang, LocalText};
use std::collections::HashMap;

/// One row as the spreadsheet shows it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Row {
    /// The row number the spreadsheet shows (1 for the first row).
    pub number: usize,
    /// The cells from column A on, as text.
    pub cells: Vec<String>,
    /// Cells whose value cannot be used (Excel dates and error values),
    /// by column index, with the message.
    pub bad: Vec<(usize, Problem)>,
}

impl Row {
    fn is_empty(&self) -> bool {
        self.bad.is_empty() && self.cells.iter().all(|cell| cell.trim().is_empty())
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Column {
    Id,
    Type,
    Stem(Lang),
    Option(usize, Lang),
    Answer(Lang),
    Explanation(Lang),
    Source(Lang),
    Tags,
    Difficulty,
    Fixed,
}

/// How many option columns the template has (A to H): as many options as
/// a question may have.
const MAX_OPTIONS: usize = *quiz_core::limits::OPTIONS.end();

/// What a header cell means.
enum Header {
    Known(Column),
    /// An option beyond H: the bank format allows at most eight.
    TooManyOptions(char),
    Unknown,
}

/// Reads a header cell, ignoring spaces, case and full-width forms.
fn classify(text: &str) -> Header {
    let folded = notation::fold(text);
    let (base, lang) = split_language(&folded);
    let plain = |column: Column| {
        if lang == Lang::Zh {
            Header::Known(column)
        } else {
            Header::Unknown
        }
    };
    match base {
        "编号" | "题号" | "题目编号" | "试题编号" | "id" | "questionid" => {
            plain(Column::Id)
        }
        "题型" | "类型" | "题目类型" | "试题类型" | "type" | "questiontype" => {
            plain(Column::Type)
        }
        "题干" | "题目" | "试题" | "题目内容" | "试题内容" | "question" | "stem" => {
            Header::Known(Column::Stem(lang))
        }
        "答案" | "正确答案" | "参考答案" | "标准答案" | "answer" | "correctanswer" => {
            Header::Known(Column::Answer(lang))
        }
        "解析" | "答案解析" | "试题解析" | "解释" | "explanation" | "analysis" => {
            Header::Known(Column::Explanation(lang))
        }
        "出处" | "来源" | "依据" | "出处依据" | "source" | "reference" => {
            Header::Known(Column::Source(lang))
        }
        "标签" | "章节" | "知识点" | "tags" | "tag" => plain(Column::Tags),
        "难度" | "难易度" | "难易程度" | "difficulty" | "level" => {
            plain(Column::Difficulty)
        }
        "固定选项" | "fixed" | "fixedoptions" => plain(Column::Fixed),
        other => {
            let rest = other
                .strip_prefix("选项")
                .or_else(|| other.strip_prefix("option"))
                .unwrap_or(other);
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c @ 'a'..='z'), None) => {
                    let index = usize::from(c as u8 - b'a');
                    if index < MAX_OPTIONS {
                        Header::Known(Column::Option(index, lang))
                    } else {
                        Header::TooManyOptions(c.to_ascii_uppercase())
                    }
                }
                _ => Header::Unknown,
            }
        }
    }
}

/// Splits an English marker off a folded header: `题干(英文)`,
/// `stem(en)`, `英文题干`, `option a (english)`.
fn split_language(folded: &str) -> (&str, Lang) {
    for suffix in ["(英文)", "(en)", "(english)", "[en]", "英文", "-en", "_en"] {
        if let Some(base) = folded.strip_suffix(suffix) {
            if !base.is_empty() {
                return (base, Lang::En);
            }
        }
    }
    if let Some(base) = folded.strip_prefix("英文") {
        if !base.is_empty() {
            return (base, Lang::En);
        }
    }
    (folded, Lang::Zh)
}

/// The spreadsheet letters of a column index: A, B, …, Z, AA, …
pub(crate) fn column_letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The header row, understood.
struct Layout {
    /// The row the header is on.
    row: usize,
    /// Where each known column is.
    columns: HashMap<Column, usize>,
    /// Each column's name as written, or its letter when blank.
    names: Vec<String>,
}

impl Layout {
    fn name(&self, index: usize) -> String {
        self.names
            .get(index)
            .cloned()
            .unwrap_or_else(|| column_letters(index))
    }

    fn column_name(&self, column: Column) -> Option<String> {
        self.columns.get(&column).map(|&index| self.name(index))
    }

    /// The cell of `column` in `row`, trimmed, with Excel's line breaks
    /// made uniform; empty when the column is absent.
    fn cell<'r>(&self, row: &'r Row, column: Column) -> &'r str {
        self.columns
            .get(&column)
            .and_then(|&index| row.cells.get(index))
            .map_or("", |cell| cell.trim())
    }

    /// Where each part of a question is, for the shared checks.
    fn parts(&self) -> HashMap<Part, String> {
        let mut parts = HashMap::new();
        for (&column, &index) in &self.columns {
            let part = match column {
                Column::Id => Part::Id,
                Column::Stem(lang) => Part::Stem(lang),
                Column::Option(i, lang) => Part::Option(i, lang),
                Column::Answer(lang) => Part::Answer(lang),
                Column::Explanation(lang) => Part::Explanation(lang),
                Column::Source(lang) => Part::Source(lang),
                Column::Tags => Part::Tags,
                Column::Type => Part::Type,
                Column::Difficulty => Part::Difficulty,
                Column::Fixed => Part::Fixed,
            };
            parts.insert(part, self.name(index));
        }
        parts
    }
}

/// Reads the question rows of a sheet.
pub(crate) fn read(rows: Vec<Row>, file: &str) -> Result<Parsed, Vec<ImportError>> {
    let layout = layout(&rows, file)?;
    let parts = layout.parts();
    let mut parsed = Parsed::default();
    for row in rows.iter().filter(|row| row.number > layout.row) {
        if row.is_empty() {
            continue;
        }
        let slot = read_row(&layout, &parts, row, file, &mut parsed.errors);
        parsed.slots.push(slot);
    }
    Ok(parsed)
}

/// Finds and reads the header row: the first row naming at least two
/// known columns among the first few, so a title row above the header
/// (e.g. “某某支部题库”) does no harm.
fn layout(rows: &[Row], file: &str) -> Result<Layout, Vec<ImportError>> {
    let candidates: Vec<&Row> = rows.iter().filter(|row| !row.is_empty()).take(10).collect();
    let Some(&first) = candidates.first() else {
        return Err(vec![ImportError::new(
            file,
            0,
            None,
            "表格是空的：第一行应是表头（题型、题干、选项A…、答案、解析、出处、标签、难度），下面每行一道题。",
            "The sheet is empty: the first row should be the header (题型, 题干, 选项A…, 答案, 解析, 出处, 标签, 难度), then one question per row.",
        )]);
    };
    let known = |row: &Row| {
        row.cells
            .iter()
            .filter(|cell| matches!(classify(cell), Header::Known(_)))
            .count()
    };
    let header = candidates
        .iter()
        .find(|row| known(row) >= 2)
        .copied()
        .unwrap_or(first);
    let mut errors = Vec::new();
    let mut columns: HashMap<Column, usize> = HashMap::new();
    let names: Vec<String> = header
        .cells
        .iter()
        .enumerate()
        .map(|(index, cell)| {
            let name = cell.trim().replace('\n', " ");
            if name.is_empty() {
                column_letters(index)
            } else {
                name
            }
        })
        .collect();
    for (index, cell) in header.cells.iter().enumerate() {
        if cell.trim().is_empty() {
            continue;
        }
        match classify(cell) {
            Header::Known(column) => {
                if let Some(&first) = columns.get(&column) {
                    errors.push(ImportError::new(
                        file,
                        header.number,
                        Some(names[index].clone()),
                        format!(
                            "“{}”列与“{}”列（{} 列）重复：请删除其中一列。",
                            names[index],
                            names[first],
                            column_letters(first)
                        ),
                        format!(
                            "Column \"{}\" repeats column \"{}\" (column {}): remove one of them.",
                            names[index],
                            names[first],
                            column_letters(first)
                        ),
                    ));
                } else {
                    columns.insert(column, index);
                }
            }
            Header::TooManyOptions(c) => errors.push(ImportError::new(
                file,
                header.number,
                Some(names[index].clone()),
                format!("选项最多 8 个（A 到 H），不能有选项{c}。"),
                format!("At most 8 options (A to H) are allowed; there is no option {c}."),
            )),
            Header::Unknown => {}
        }
    }
    let required = [
        (Column::Type, "题型", "type"),
        (Column::Stem(Lang::Zh), "题干", "stem"),
        (Column::Answer(Lang::Zh), "答案", "answer"),
    ];
    for (column, zh, en) in required {
        if !columns.contains_key(&column) {
            errors.push(ImportError::new(
                file,
                header.number,
                None,
                format!("表头缺少“{zh}”列：第一行应是表头，包括 题型、题干、选项A…选项H、答案、解析、出处、标签、难度。"),
                format!("The header has no \"{zh}\" ({en}) column: the first row should be the header, with 题型, 题干, 选项A…选项H, 答案, 解析, 出处, 标签, 难度."),
            ));
        }
    }
    for lang in [Lang::Zh, Lang::En] {
        let present: Vec<usize> = (0..MAX_OPTIONS)
            .filter(|&i| columns.contains_key(&Column::Option(i, lang)))
            .collect();
        if let Some(&last) = present.last() {
            if let Some(missing) = (0..last).find(|i| !present.contains(i)) {
                let suffix = if lang == Lang::En { "(英文)" } else { "" };
                errors.push(ImportError::new(
                    file,
                    header.number,
                    None,
                    format!(
                        "表头有选项{}{suffix}列却没有选项{}{suffix}列：选项列应从 A 开始依次排列。",
                        letter(last),
                        letter(missing)
                    ),
                    format!(
                        "The header has an option {} column but no option {} column: option columns must run from A without gaps.",
                        letter(last),
                        letter(missing)
                    ),
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(Layout {
            row: header.number,
            columns,
            names,
        })
    } else {
        Err(errors)
    }
}

/// Reads one question row; a row with errors (they are recorded) is kept
/// as far as it was read, marked broken.
fn read_row(
    layout: &Layout,
    parts: &HashMap<Part, String>,
    row: &Row,
    file: &str,
    errors: &mut Vec<ImportError>,
) -> Slot {
    let before = errors.len();
    // What a broken row keeps of what could not be read.
    let mut raw_kind = None;
    let mut raw_answer = None;
    for (index, (zh, en)) in &row.bad {
        errors.push(ImportError::new(
            file,
            row.number,
            Some(layout.name(*index)),
            zh.clone(),
            en.clone(),
        ));
    }
    let mut report = |column: Option<Column>, (zh, en): Problem| {
        errors.push(ImportError::new(
            file,
            row.number,
            column.and_then(|c| layout.column_name(c)),
            zh,
            en,
        ));
    };
    let cell = |column: Column| layout.cell(row, column);
    let text = |zh: &str, en: &str| -> Option<LocalText> {
        (!zh.is_empty()).then(|| LocalText {
            zh: zh.to_string(),
            en: (!en.is_empty()).then(|| en.to_string()),
        })
    };

    let type_text = cell(Column::Type);
    let kind = if type_text.is_empty() {
        report(
            Some(Column::Type),
            (
                "题型是空的：请写 单选、多选、判断 或 填空。".into(),
                "The type is empty: write 单选 (single), 多选 (multiple), 判断 (true/false) or 填空 (fill).".into(),
            ),
        );
        None
    } else {
        let kind = notation::parse_type(type_text);
        if kind.is_none() {
            report(Some(Column::Type), notation::unknown_type(type_text));
            raw_kind = Some(type_text.to_string());
        }
        kind
    };

    let mut stem_zh = cell(Column::Stem(Lang::Zh)).to_string();
    let mut stem_en = cell(Column::Stem(Lang::En)).to_string();
    if stem_zh.is_empty() {
        report(
            Some(Column::Stem(Lang::Zh)),
            (
                "题干是空的。".into(),
                "The stem (question text) is empty.".into(),
            ),
        );
    }

    // Options run from A without gaps; an English text needs its Chinese.
    let mut options: Vec<Choice> = Vec::new();
    // Every option as written, gaps included, for a broken row's draft.
    let mut written: Vec<Choice> = Vec::new();
    let last = (0..MAX_OPTIONS).rev().find(|&i| {
        !cell(Column::Option(i, Lang::Zh)).is_empty()
            || !cell(Column::Option(i, Lang::En)).is_empty()
    });
    for i in 0..last.map_or(0, |last| last + 1) {
        let zh = cell(Column::Option(i, Lang::Zh));
        let en = cell(Column::Option(i, Lang::En));
        written.push(Choice {
            text: LocalText {
                zh: zh.to_string(),
                en: (!en.is_empty()).then(|| en.to_string()),
            },
            fixed: false,
        });
        if zh.is_empty() {
            let problem = if en.is_empty() {
                (
                    format!("选项{} 是空的，但后面还有选项：请把选项从选项A起依次填写。", letter(i)),
                    format!("Option {} is empty but later options are filled: fill options from A on without gaps.", letter(i)),
                )
            } else {
                (
                    format!("选项{} 只有英文没有中文：中文必填。", letter(i)),
                    format!(
                        "Option {} has English but no Chinese: Chinese is required.",
                        letter(i)
                    ),
                )
            };
            report(Some(Column::Option(i, Lang::Zh)), problem);
            continue;
        }
        options.push(Choice {
            text: text(zh, en).expect("zh is not empty"),
            fixed: false,
        });
    }
    let first_option = last.map(|_| {
        (0..MAX_OPTIONS)
            .find(|&i| !cell(Column::Option(i, Lang::Zh)).is_empty())
            .map_or(Column::Option(0, Lang::En), |i| Column::Option(i, Lang::Zh))
    });

    let answer = cell(Column::Answer(Lang::Zh));
    let body = match kind {
        None => None,
        Some(kind @ (QuestionType::Single | QuestionType::Multiple)) => {
            let letters = notation::parse_letters(answer).and_then(|letters| {
                notation::letters_in_range(answer, &letters, options.len()).map(|()| letters)
            });
            let fixed_text = cell(Column::Fixed);
            if !fixed_text.is_empty() {
                match notation::parse_letters(fixed_text).and_then(|fixed| {
                    notation::letters_in_range(fixed_text, &fixed, options.len()).map(|()| fixed)
                }) {
                    Ok(fixed) => {
                        for index in fixed {
                            options[index].fixed = true;
                        }
                    }
                    Err(problem) => report(Some(Column::Fixed), problem),
                }
            }
            match letters {
                Err(problem) => {
                    report(Some(Column::Answer(Lang::Zh)), problem);
                    None
                }
                Ok(letters) if kind == QuestionType::Single && letters.len() > 1 => {
                    report(
                        Some(Column::Answer(Lang::Zh)),
                        (
                            format!("单选题只能有一个答案，这里写了“{answer}”：如果有多个正确选项，请把题型改为“多选”。"),
                            format!("A single-choice question has one answer, but this one says \"{answer}\": if several options are right, change the type to 多选 (multiple)."),
                        ),
                    );
                    None
                }
                Ok(letters) if kind == QuestionType::Single => Some(Body::Single {
                    options: options.clone(),
                    answer: letters[0],
                }),
                Ok(letters) => Some(Body::Multiple {
                    options: options.clone(),
                    answer: letters,
                }),
            }
        }
        Some(kind) => {
            if let Some(column) = first_option {
                report(
                    Some(column),
                    (
                        format!("{}不需要选项：请清空这一行的选项列。", kind.label(Lang::Zh)),
                        format!(
                            "{} questions take no options: clear the option cells of this row.",
                            kind.label(Lang::En)
                        ),
                    ),
                );
            }
            if kind == QuestionType::Judge {
                match notation::parse_judge(answer) {
                    Ok(answer) => Some(Body::Judge { answer }),
                    Err(problem) => {
                        report(Some(Column::Answer(Lang::Zh)), problem);
                        None
                    }
                }
            } else {
                stem_zh = notation::fill_stem(&stem_zh);
                stem_en = notation::fill_stem(&stem_en);
                fill_body(answer, cell(Column::Answer(Lang::En)), &mut report)
            }
        }
    };

    let explanation = text(
        cell(Column::Explanation(Lang::Zh)),
        cell(Column::Explanation(Lang::En)),
    );
    if explanation.is_none() && !cell(Column::Explanation(Lang::En)).is_empty() {
        report(
            Some(Column::Explanation(Lang::Zh)),
            (
                "只有英文解析没有中文解析：中文必填。".into(),
                "There is an English explanation but no Chinese one: Chinese is required.".into(),
            ),
        );
    }
    let source = text(
        cell(Column::Source(Lang::Zh)),
        cell(Column::Source(Lang::En)),
    );
    if source.is_none() && !cell(Column::Source(Lang::En)).is_empty() {
        report(
            Some(Column::Source(Lang::Zh)),
            (
                "只有英文出处没有中文出处：中文必填。".into(),
                "There is an English source but no Chinese one: Chinese is required.".into(),
            ),
        );
    }
    let difficulty = match notation::parse_difficulty(cell(Column::Difficulty)) {
        Ok(difficulty) => Some(difficulty),
        Err(problem) => {
            report(Some(Column::Difficulty), problem);
            None
        }
    };
    let id_text = cell(Column::Id);
    let id = if id_text.is_empty() {
        None
    } else {
        if let Err(problem) = check_id(id_text) {
            report(Some(Column::Id), problem);
        }
        Some(id_text.to_string())
    };
    let tags = notation::split_tags(cell(Column::Tags));

    let stem = LocalText {
        zh: stem_zh,
        en: (!stem_en.is_empty()).then_some(stem_en),
    };
    let broken = errors.len() > before;
    let body = body.unwrap_or_else(|| {
        // What could not be read is kept as written for the editor.
        if kind == Some(QuestionType::Fill) {
            let zh = notation::parse_fill_optional(answer);
            let mut en = notation::parse_fill_optional(cell(Column::Answer(Lang::En)));
            en.resize(zh.len(), Vec::new());
            if zh.is_empty() {
                raw_answer = Some(answer.to_string());
            }
            return Body::Fill {
                blanks: zh
                    .into_iter()
                    .zip(en)
                    .map(|(zh, en)| Blank { zh, en })
                    .collect(),
            };
        }
        raw_answer = Some(answer.to_string());
        match kind {
            Some(QuestionType::Judge) => Body::Judge { answer: true },
            _ => Body::Single {
                options: options.clone(),
                answer: 0,
            },
        }
    });
    let draft = Draft {
        line: row.number,
        id,
        stem,
        body,
        explanation,
        source,
        tags,
        difficulty: difficulty.unwrap_or(Difficulty::Medium),
        columns: parts.clone(),
        raw_kind,
        raw_answer,
        raw_options: broken.then_some(written),
    };
    if broken {
        Slot::broken(draft)
    } else {
        Slot::ok(draft)
    }
}

/// Builds a fill-in body from the Chinese and English answer cells.
fn fill_body(
    answer: &str,
    answer_en: &str,
    report: &mut impl FnMut(Option<Column>, Problem),
) -> Option<Body> {
    if answer.is_empty() {
        report(
            Some(Column::Answer(Lang::Zh)),
            (
                "答案是空的：填空题写每个空的答案，多个空用 | 分隔，同一个空的几种答案用 / 分隔，例如 一/1|两年。".into(),
                "The answer is empty: give each blank's answer, separating blanks with | and alternatives with /, e.g. one/1|two years.".into(),
            ),
        );
        return None;
    }
    let zh = match notation::parse_fill(answer) {
        Ok(zh) => zh,
        Err(problem) => {
            report(Some(Column::Answer(Lang::Zh)), problem);
            return None;
        }
    };
    let en = if answer_en.is_empty() {
        vec![Vec::new(); zh.len()]
    } else {
        let en = notation::parse_fill_optional(answer_en);
        if en.len() != zh.len() {
            report(
                Some(Column::Answer(Lang::En)),
                (
                    format!("英文答案有 {} 个空，中文答案有 {} 个：两者要一致（用 | 分隔各个空）。", en.len(), zh.len()),
                    format!("The English answer has {} blank(s) but the Chinese one has {}: they must match (separate blanks with |).", en.len(), zh.len()),
                ),
            );
            return None;
        }
        en
    };
    Some(Body::Fill {
        blanks: zh
            .into_iter()
            .zip(en)
            .map(|(zh, en)| Blank { zh, en })
            .collect(),
    })
}
