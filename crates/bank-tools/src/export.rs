//! Writing a bank as the spreadsheet template, for editing in Excel or WPS.
//!
//! Coordinators fix and extend banks in spreadsheets, then import them
//! again, so the export uses exactly the notation the importer reads and
//! a bank survives the round trip unchanged: ids, both languages, options,
//! answers, explanations, sources, tag keys and difficulty. Tag display
//! names travel on a second worksheet of the Excel file; a CSV file has only
//! one sheet and keeps the tag keys alone.

use crate::import::notation;
// The importer's column list, so a column the importer reads is the one
// the export writes.
use crate::import::table::Column;
use quiz_core::bank::{letter, Body, ExplicitDifficulty};
use quiz_core::{Bank, Lang, Question};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime,
    Format as CellFormat, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// The bank as a file: the schema's key order (as `quiz_core`'s
/// serialisation writes it), two-space indentation, Chinese unescaped and
/// a final newline; tag names in key order and default values left out.
/// This is what `quizbank import` writes. [`bank_json_styled`] keeps the
/// style of the file a bank was read from.
pub fn bank_json(bank: &Bank) -> String {
    bank_json_styled(bank, &Style::default())
}

/// How a bank file is written, beyond what the bank says: kept from the
/// file a bank was read from, so writing it back unchanged gives the same
/// bytes and a diff of a published bank shows only what a coordinator
/// changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Style {
    /// The keys of `tag_names` in the file's order; keys not listed follow
    /// in key order.
    pub tag_order: Vec<String>,
    /// Whether defaults are written out: `"partial_credit": false` in the
    /// paper and `"difficulty": "medium"` in every question, as the
    /// shipped banks do.
    pub explicit_defaults: bool,
}

impl Style {
    /// The style of a bank file's text; the default style when it cannot
    /// be parsed.
    pub fn of(text: &str) -> Style {
        use quiz_core::json::Value;
        let Ok(tree) = quiz_core::json::parse(text) else {
            return Style::default();
        };
        let root = tree.root();
        let tag_order = match root.get("tag_names").map(|node| node.value()) {
            Some(Value::Object(members)) => members.iter().map(|m| m.key().into_owned()).collect(),
            _ => Vec::new(),
        };
        let paper_explicit = root
            .get("paper")
            .and_then(|paper| paper.get("partial_credit"))
            .is_some();
        let questions_explicit = match root.get("questions").map(|node| node.value()) {
            Some(Value::Array(items)) => items.iter().any(|question| {
                question
                    .get("difficulty")
                    .is_some_and(|d| matches!(d.value(), Value::String(s) if s == "medium"))
            }),
            _ => false,
        };
        Style {
            tag_order,
            explicit_defaults: paper_explicit || questions_explicit,
        }
    }
}

/// [`bank_json`] in `style`.
pub fn bank_json_styled(bank: &Bank, style: &Style) -> String {
    // A bank is maps with string keys, strings and integers: writing it to
    // a string cannot fail.
    let mut text =
        serde_json::to_string_pretty(&Styled { bank, style }).expect("a bank serialises to JSON");
    text.push('\n');
    text
}

/// A bank written in a style. The fields are quiz-core's `Bank`,
/// `Paper` and `Question`, in their order; the round-trip test of the
/// shipped banks keeps the two in step.
struct Styled<'a> {
    bank: &'a Bank,
    style: &'a Style,
}

impl serde::Serialize for Styled<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let Styled { bank, style } = *self;
        let mut map = serializer.serialize_map(None)?;
        if let Some(schema) = &bank.schema {
            map.serialize_entry("$schema", schema)?;
        }
        map.serialize_entry("id", &bank.id)?;
        map.serialize_entry("version", &bank.version)?;
        map.serialize_entry("updated", &bank.updated)?;
        map.serialize_entry("title", &bank.title)?;
        map.serialize_entry("description", &bank.description)?;
        if !bank.tag_names.is_empty() {
            map.serialize_entry("tag_names", &TagNames(bank, &style.tag_order))?;
        }
        if style.explicit_defaults {
            map.serialize_entry("paper", &ExplicitPaper(&bank.paper))?;
            let questions: Vec<ExplicitDifficulty> =
                bank.questions.iter().map(ExplicitDifficulty).collect();
            map.serialize_entry("questions", &questions)?;
        } else {
            map.serialize_entry("paper", &bank.paper)?;
            map.serialize_entry("questions", &bank.questions)?;
        }
        map.end()
    }
}

/// A paper with `partial_credit` written even when false.
struct ExplicitPaper<'a>(&'a quiz_core::bank::Paper);

impl serde::Serialize for ExplicitPaper<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let paper = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("time_limit_minutes", &paper.time_limit_minutes)?;
        map.serialize_entry("pass_percent", &paper.pass_percent)?;
        map.serialize_entry("partial_credit", &paper.partial_credit)?;
        map.serialize_entry("sections", &paper.sections)?;
        map.end()
    }
}

/// A bank's tag names, those in the order first, then the rest by key.
struct TagNames<'a>(&'a Bank, &'a [String]);

impl serde::Serialize for TagNames<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let TagNames(bank, order) = *self;
        let mut map = serializer.serialize_map(Some(bank.tag_names.len()))?;
        let mut written = std::collections::BTreeSet::new();
        for key in order {
            if let Some(name) = bank.tag_names.get(key) {
                if written.insert(key.as_str()) {
                    map.serialize_entry(key, name)?;
                }
            }
        }
        for (key, name) in &bank.tag_names {
            if !written.contains(key.as_str()) {
                map.serialize_entry(key, name)?;
            }
        }
        map.end()
    }
}

/// The bank list as a file, in the same form as [`bank_json`]: what
/// `quizbank manifest` writes and the workbench offers for download.
pub fn manifest_json(manifest: &quiz_core::Manifest) -> String {
    let mut text = serde_json::to_string_pretty(manifest).expect("a manifest serialises to JSON");
    text.push('\n');
    text
}

/// Choices about what the exported sheet contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportOptions {
    /// Whether to write the 编号 (id) column. Exports of a bank keep it so
    /// progress stays keyed to the same questions; a blank template leaves
    /// it out, and the importer numbers the questions.
    pub ids: bool,
    /// Whether the 标签 column shows tags by their Chinese display name
    /// (第一章 党员) instead of their key (members). Names are friendlier;
    /// the Excel file maps them back to the same keys through its 标签
    /// sheet, while a CSV file re-imported this way gets generated keys.
    pub tag_names: bool,
}

impl Default for ExportOptions {
    /// Ids and tag keys: the settings that round-trip exactly in both
    /// formats.
    fn default() -> Self {
        ExportOptions {
            ids: true,
            tag_names: false,
        }
    }
}

/// The Excel name of the sheet holding the questions.
pub const QUESTION_SHEET: &str = "题库";
/// The Excel name of the sheet holding tag display names.
pub const TAG_SHEET: &str = "标签";

/// How many option columns the template has (A to H).
const OPTION_COLUMNS: usize = 8;

impl Column {
    /// The header as the importer reads it; English columns carry (英文).
    fn header(self) -> String {
        let (base, lang) = match self {
            Column::Id => return "编号".into(),
            Column::Type => return "题型".into(),
            Column::Tags => return "标签".into(),
            Column::Difficulty => return "难度".into(),
            Column::Fixed => return "固定选项".into(),
            Column::Stem(lang) => ("题干".to_string(), lang),
            Column::Option(i, lang) => (format!("选项{}", letter(i)), lang),
            Column::Answer(lang) => ("答案".to_string(), lang),
            Column::Explanation(lang) => ("解析".to_string(), lang),
            Column::Source(lang) => ("出处".to_string(), lang),
        };
        match lang {
            Lang::Zh => base,
            Lang::En => format!("{base}(英文)"),
        }
    }

    /// A width that shows typical content without scrolling sideways.
    fn width(self) -> f64 {
        match self {
            Column::Id => 16.0,
            Column::Type | Column::Difficulty => 7.0,
            Column::Stem(_) | Column::Explanation(_) => 48.0,
            Column::Option(..) => 20.0,
            Column::Answer(_) => 14.0,
            Column::Source(_) => 32.0,
            Column::Tags => 18.0,
            Column::Fixed => 10.0,
        }
    }
}

/// The template's columns: the Chinese ones a coordinator fills first,
/// then the optional English ones.
fn columns(bank: &Bank, options: ExportOptions) -> Vec<Column> {
    let mut columns = Vec::new();
    if options.ids {
        columns.push(Column::Id);
    }
    columns.extend([Column::Type, Column::Stem(Lang::Zh)]);
    columns.extend((0..OPTION_COLUMNS).map(|i| Column::Option(i, Lang::Zh)));
    columns.extend([
        Column::Answer(Lang::Zh),
        Column::Explanation(Lang::Zh),
        Column::Source(Lang::Zh),
        Column::Tags,
        Column::Difficulty,
        Column::Stem(Lang::En),
    ]);
    columns.extend((0..OPTION_COLUMNS).map(|i| Column::Option(i, Lang::En)));
    columns.extend([
        Column::Answer(Lang::En),
        Column::Explanation(Lang::En),
        Column::Source(Lang::En),
    ]);
    let any_fixed = bank
        .questions
        .iter()
        .any(|q| q.options().iter().any(|option| option.fixed));
    if any_fixed {
        columns.push(Column::Fixed);
    }
    columns
}

/// A question's cell in `column`, in the template notation.
fn cell(bank: &Bank, options: ExportOptions, question: &Question, column: Column) -> String {
    let text = |value: Option<&quiz_core::LocalText>, lang: Lang| -> String {
        value
            .and_then(|t| match lang {
                Lang::Zh => Some(t.zh.clone()),
                Lang::En => t.en.clone(),
            })
            .unwrap_or_default()
    };
    match column {
        Column::Id => question.id.clone(),
        Column::Type => notation::type_label(question.kind()).to_string(),
        Column::Stem(lang) => text(Some(&question.stem), lang),
        Column::Option(i, lang) => text(question.options().get(i).map(|o| &o.text), lang),
        Column::Answer(lang) => match (&question.body, lang) {
            (Body::Single { answer, .. }, Lang::Zh) => letter(*answer).to_string(),
            (Body::Multiple { answer, .. }, Lang::Zh) => {
                answer.iter().map(|&i| letter(i)).collect()
            }
            (Body::Judge { answer }, Lang::Zh) => notation::judge_label(*answer).to_string(),
            (Body::Fill { blanks }, Lang::Zh) => {
                notation::format_fill(blanks.iter().map(|b| b.zh.as_slice()))
            }
            (Body::Fill { blanks }, Lang::En) if blanks.iter().any(|b| !b.en.is_empty()) => {
                notation::format_fill(blanks.iter().map(|b| b.en.as_slice()))
            }
            _ => String::new(),
        },
        Column::Explanation(lang) => text(question.explanation.as_ref(), lang),
        Column::Source(lang) => text(question.source.as_ref(), lang),
        Column::Tags => question
            .tags
            .iter()
            .map(|key| match bank.tag_names.get(key) {
                // A name that contains a separator would split on import.
                Some(name)
                    if options.tag_names && notation::split_tags(&name.zh) == [name.zh.clone()] =>
                {
                    name.zh.clone()
                }
                _ => key.clone(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        Column::Difficulty => notation::difficulty_label(question.difficulty).to_string(),
        Column::Fixed => question
            .options()
            .iter()
            .enumerate()
            .filter(|(_, option)| option.fixed)
            .map(|(i, _)| letter(i))
            .collect(),
    }
}

/// Writes the bank as a CSV file in the template layout, with ids.
///
/// The file starts with a UTF-8 BOM, without which Excel shows Chinese
/// as mojibake, and uses CRLF line ends as Excel does.
pub fn to_csv(bank: &Bank) -> Vec<u8> {
    to_csv_with(bank, ExportOptions::default())
}

/// Writes the bank as a CSV file in the template layout, with `options`.
pub fn to_csv_with(bank: &Bank, options: ExportOptions) -> Vec<u8> {
    let columns = columns(bank, options);
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let rows = std::iter::once(columns.iter().map(|c| c.header()).collect::<Vec<_>>()).chain(
            bank.questions
                .iter()
                .map(|q| columns.iter().map(|&c| cell(bank, options, q, c)).collect()),
        );
        for row in rows {
            // Writing to a Vec cannot fail.
            writer.write_record(&row).expect("writing CSV to memory");
        }
        writer.flush().expect("writing CSV to memory");
    }
    out
}

/// Writes the bank as an Excel workbook in the template layout, with ids.
///
/// The header row is bold and frozen, every cell is formatted as text so
/// Excel does not turn answers such as `1/2` into dates, and the 题型 and
/// 难度 columns offer drop-down lists. Tag display names go on a second
/// sheet, 标签, which the importer reads back.
pub fn to_xlsx(bank: &Bank) -> Result<Vec<u8>, String> {
    to_xlsx_with(bank, ExportOptions::default())
}

/// Writes the bank as an Excel workbook in the template layout, with
/// `options`.
pub fn to_xlsx_with(bank: &Bank, options: ExportOptions) -> Result<Vec<u8>, String> {
    write_workbook(bank, options)
        .map_err(|error| format!("无法生成 Excel 文件 cannot write the Excel file: {error}"))
}

/// Rows the 题型 and 难度 drop-downs cover: far more than any bank has.
const VALIDATED_ROWS: u32 = 20_000;

fn write_workbook(bank: &Bank, options: ExportOptions) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    // A fixed creation date (the bank's) keeps regenerated files identical.
    if let Some(date) = creation_date(&bank.updated) {
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&date));
    }
    let header_format = CellFormat::new()
        .set_bold()
        .set_num_format("@")
        .set_background_color(Color::RGB(0xF2D7D5))
        .set_border_bottom(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let text_format = CellFormat::new()
        .set_num_format("@")
        .set_text_wrap()
        .set_align(FormatAlign::Top);

    let columns = columns(bank, options);
    let sheet = workbook.add_worksheet();
    sheet.set_name(QUESTION_SHEET)?;
    for (index, &column) in columns.iter().enumerate() {
        let col = column_number(index);
        sheet.set_column_width(col, column.width())?;
        sheet.set_column_format(col, &text_format)?;
        sheet.write_string_with_format(0, col, column.header(), &header_format)?;
    }
    for (row, question) in bank.questions.iter().enumerate() {
        let row = u32::try_from(row + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (index, &column) in columns.iter().enumerate() {
            let value = cell(bank, options, question, column);
            if !value.is_empty() {
                sheet.write_string_with_format(row, column_number(index), value, &text_format)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    add_list(
        sheet,
        &columns,
        Column::Type,
        &["单选", "多选", "判断", "填空"],
    )?;
    add_list(sheet, &columns, Column::Difficulty, &["易", "中", "难"])?;

    if !bank.tag_names.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(TAG_SHEET)?;
        for (col, (header, width)) in [("标签", 20.0), ("名称", 36.0), ("名称(英文)", 36.0)]
            .into_iter()
            .enumerate()
        {
            let col = column_number(col);
            sheet.set_column_width(col, width)?;
            sheet.set_column_format(col, &text_format)?;
            sheet.write_string_with_format(0, col, header, &header_format)?;
        }
        for (row, (key, name)) in bank.tag_names.iter().enumerate() {
            let row = u32::try_from(row + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
            sheet.write_string_with_format(row, 0, key, &text_format)?;
            sheet.write_string_with_format(row, 1, &name.zh, &text_format)?;
            if let Some(en) = &name.en {
                sheet.write_string_with_format(row, 2, en, &text_format)?;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    workbook.save_to_buffer()
}

/// Offers `values` as a drop-down in `column`. Other spellings the importer
/// accepts (单选题, easy, …) only draw a warning, not a refusal.
fn add_list(
    sheet: &mut Worksheet,
    columns: &[Column],
    column: Column,
    values: &[&str],
) -> Result<(), XlsxError> {
    let Some(index) = columns.iter().position(|&c| c == column) else {
        return Ok(());
    };
    let validation = DataValidation::new()
        .allow_list_strings(values)?
        .set_error_style(DataValidationErrorStyle::Warning);
    let col = column_number(index);
    sheet.add_data_validation(1, col, VALIDATED_ROWS, col, &validation)?;
    Ok(())
}

fn column_number(index: usize) -> u16 {
    // The template has fewer than 40 columns.
    u16::try_from(index).unwrap_or(u16::MAX)
}

fn creation_date(updated: &str) -> Option<ExcelDateTime> {
    let mut parts = updated.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    ExcelDateTime::from_ymd(year, month, day).ok()
}

/// The example bank behind `questions/templates/题库模板.csv` and `.xlsx`:
/// one question of each type on the Party Constitution (2022 edition),
/// checked against its articles, so coordinators copy a correct pattern.
/// Export it with ids off and tag names on to get the template.
pub fn template_bank() -> Bank {
    use quiz_core::bank::{Blank, Choice, Difficulty};
    use quiz_core::LocalText;
    use std::collections::BTreeMap;

    const SOURCE_ZH: &str =
        "《中国共产党章程》（2022年10月22日中国共产党第二十次全国代表大会部分修改）";
    const SOURCE_EN: &str = "Constitution of the Communist Party of China (as amended by the 20th National Congress on 22 October 2022)";
    fn text(zh: &str, en: &str) -> LocalText {
        LocalText::new(zh, en)
    }
    let source = |zh: &str, en: &str| {
        Some(text(
            &format!("{SOURCE_ZH}{zh}"),
            &format!("{SOURCE_EN}, {en}"),
        ))
    };
    let choices = |items: &[(&str, &str)]| -> Vec<Choice> {
        items
            .iter()
            .map(|&(zh, en)| Choice {
                text: text(zh, en),
                fixed: false,
            })
            .collect()
    };
    let questions = vec![
        Question {
            id: "template-001".into(),
            stem: text("预备党员的预备期为（　）。", "The probationary period of a probationary Party member is ( )."),
            body: Body::Single {
                options: choices(&[("半年", "Six months"), ("一年", "One year"), ("两年", "Two years"), ("三年", "Three years")]),
                answer: 1,
            },
            explanation: Some(text(
                "党章第七条规定，预备党员的预备期为一年。",
                "Article 7 sets the probationary period at one year.",
            )),
            source: source("第一章 第七条", "Chapter 1, Article 7"),
            tags: vec!["members".into()],
            difficulty: Difficulty::Easy,
        },
        Question {
            id: "template-002".into(),
            stem: text("党章规定，党的纪律主要包括（　）。", "Under the Party Constitution, Party discipline mainly includes ( )."),
            body: Body::Multiple {
                options: choices(&[
                    ("政治纪律", "Political discipline"),
                    ("组织纪律", "Organizational discipline"),
                    ("宣传纪律", "Publicity discipline"),
                    ("廉洁纪律", "Integrity discipline"),
                    ("工作纪律", "Work discipline"),
                    ("生活纪律", "Discipline in private life"),
                ]),
                answer: vec![0, 1, 3, 4, 5],
            },
            explanation: Some(text(
                "党章第四十条规定，党的纪律主要包括政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律六项；“宣传纪律”不在其列。",
                "Article 40 lists six: political, organizational, integrity, mass, work and private-life discipline; \"publicity discipline\" is not among them.",
            )),
            source: source("第七章 第四十条", "Chapter 7, Article 40"),
            tags: vec!["discipline".into()],
            difficulty: Difficulty::Medium,
        },
        Question {
            id: "template-003".into(),
            stem: text(
                "党章规定，对党员的纪律处分有五种：警告、严重警告、撤销党内职务、留党察看、开除党籍。",
                "Under the Party Constitution there are five disciplinary penalties for members: warning, serious warning, removal from Party posts, probation within the Party, and expulsion.",
            ),
            body: Body::Judge { answer: true },
            explanation: Some(text(
                "党章第四十一条规定，对党员的纪律处分有五种：警告、严重警告、撤销党内职务、留党察看、开除党籍。",
                "Article 41 names exactly these five penalties.",
            )),
            source: source("第七章 第四十一条", "Chapter 7, Article 41"),
            tags: vec!["discipline".into()],
            difficulty: Difficulty::Easy,
        },
        Question {
            id: "template-004".into(),
            stem: text(
                "党章规定，基层单位凡是有正式党员____人以上的，都应当成立党的基层组织。",
                "Under the Party Constitution, every primary-level unit with ____ or more full Party members shall set up a primary-level Party organization.",
            ),
            body: Body::Fill {
                blanks: vec![Blank {
                    zh: vec!["三".into(), "3".into()],
                    en: vec!["three".into(), "3".into()],
                }],
            },
            explanation: Some(text(
                "党章第三十条规定，企业、农村、机关、学校、医院、科研院所、街道社区、社会组织、人民解放军连队和其他基层单位，凡是有正式党员三人以上的，都应当成立党的基层组织。",
                "Article 30: enterprises, rural areas, government bodies, schools, hospitals, research institutes, urban communities, social organizations, PLA companies and other primary-level units with three or more full members shall set up a primary-level Party organization.",
            )),
            source: source("第五章 第三十条", "Chapter 5, Article 30"),
            tags: vec!["primary-level".into()],
            difficulty: Difficulty::Medium,
        },
    ];
    let tag_names = BTreeMap::from([
        ("members".to_string(), text("第一章 党员", "Ch. 1 Members")),
        (
            "primary-level".to_string(),
            text("第五章 党的基层组织", "Ch. 5 Primary-Level Organizations"),
        ),
        (
            "discipline".to_string(),
            text("第七章 党的纪律", "Ch. 7 Party Discipline"),
        ),
    ]);
    Bank {
        schema: Some("./bank.schema.json".into()),
        id: "template".into(),
        version: 1,
        updated: "2026-01-01".into(),
        title: text("题库模板", "Question bank template"),
        description: text(
            "每种题型一道示例题，题目取自《中国共产党章程》（2022年修改）。",
            "One example question per type, from the Party Constitution (2022 edition).",
        ),
        tag_names,
        paper: crate::import::default_paper(&questions),
        questions,
    }
}
