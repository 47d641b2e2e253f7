//! Excel workbooks: the questions on the first worksheet, and optionally
//! tag names on a worksheet called 标签 (as `quizbank export` writes it).

use super::notation::{self, Problem};
use super::table::{self, column_letters, Row};
use super::{is_key, ImportError, Parsed, MAX_KEY, MAX_SHORT_TEXT};
use calamine::{Data, Range, Reader, SheetType};
use quiz_core::LocalText;
use std::collections::BTreeMap;
use std::io::Cursor;

/// Names of the worksheet holding tag names, folded.
const TAG_SHEETS: [&str; 4] = ["标签", "tags", "标签tags", "标签名称"];

/// Reads the questions (and tag names) of a workbook.
pub(crate) fn read(bytes: &[u8], file: &str) -> Result<Parsed, Vec<ImportError>> {
    let mut workbook = match calamine::open_workbook_auto_from_rs(Cursor::new(bytes)) {
        Ok(workbook) => workbook,
        Err(error) => {
            return Err(vec![ImportError::new(
                file,
                0,
                None,
                format!("无法读取这个 Excel 文件（{error}）：请确认它是 .xlsx 文件，或在 Excel/WPS 中“另存为” .xlsx 后再导入。"),
                format!("Cannot read this Excel file ({error}): make sure it is a .xlsx file, or \"Save as\" .xlsx in Excel or WPS and import again."),
            )]);
        }
    };
    let sheets: Vec<(String, SheetType)> = workbook
        .sheets_metadata()
        .iter()
        .map(|sheet| (sheet.name.clone(), sheet.typ))
        .collect();
    let Some((first, _)) = sheets.iter().find(|(_, typ)| *typ == SheetType::WorkSheet) else {
        return Err(vec![ImportError::new(
            file,
            0,
            None,
            "这个 Excel 文件里没有工作表。",
            "This Excel file has no worksheet.",
        )]);
    };
    let range = workbook.worksheet_range(first).map_err(|error| {
        vec![ImportError::new(
            file,
            0,
            None,
            format!("无法读取工作表“{first}”：{error}"),
            format!("Cannot read worksheet \"{first}\": {error}"),
        )]
    })?;
    let mut parsed = table::read(rows(&range), file)?;
    let tag_sheet = sheets.iter().skip(1).find(|(name, typ)| {
        *typ == SheetType::WorkSheet && TAG_SHEETS.contains(&notation::fold(name).as_str())
    });
    if let Some((name, _)) = tag_sheet {
        let sheet_file = format!("{file} › {name}");
        match workbook.worksheet_range(name) {
            Ok(range) => {
                parsed.declared_tags = tag_names(&rows(&range), &sheet_file, &mut parsed.errors);
            }
            Err(error) => parsed.errors.push(ImportError::new(
                &sheet_file,
                0,
                None,
                format!("无法读取工作表：{error}"),
                format!("Cannot read the worksheet: {error}"),
            )),
        }
    }
    Ok(parsed)
}

/// The rows of a worksheet as text, numbered as Excel shows them.
fn rows(range: &Range<Data>) -> Vec<Row> {
    let Some((first_row, first_column)) = range.start() else {
        return Vec::new();
    };
    let offset = first_column as usize;
    range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let mut row = Row {
                number: first_row as usize + i + 1,
                cells: vec![String::new(); offset],
                bad: Vec::new(),
            };
            for (j, cell) in cells.iter().enumerate() {
                let (text, problem) = cell_text(cell);
                if let Some(problem) = problem {
                    row.bad.push((offset + j, problem));
                }
                row.cells.push(text);
            }
            row
        })
        .collect()
}

/// A cell's value as the coordinator typed it. Numbers arrive as floats
/// (a 难度 of 1 is `1.0`), so whole numbers are written without a point.
fn cell_text(cell: &Data) -> (String, Option<Problem>) {
    match cell {
        Data::Empty => (String::new(), None),
        Data::String(text) => (text.replace("\r\n", "\n").replace('\r', "\n"), None),
        Data::Int(n) => (n.to_string(), None),
        Data::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => (format!("{}", *x as i64), None),
        Data::Float(x) => (x.to_string(), None),
        Data::Bool(true) => ("TRUE".into(), None),
        Data::Bool(false) => ("FALSE".into(), None),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => (
            cell.to_string(),
            Some((
                "这个单元格被 Excel 当成了日期或时间（例如把 1/2 变成了 1月2日）：请把这一列设为“文本”格式后重新输入。".into(),
                "Excel turned this cell into a date or time (e.g. 1/2 became 2 January): format the column as Text and type the value again.".into(),
            )),
        ),
        Data::Error(error) => (
            String::new(),
            Some((
                format!("这个单元格是 Excel 错误值 {error}：请改成文字。"),
                format!("This cell holds the Excel error {error}: replace it with text."),
            )),
        ),
    }
}

/// Reads the tag sheet: a header row with 标签 (the key), 名称 (the Chinese
/// name) and optionally 名称(英文), then one tag per row.
fn tag_names(
    rows: &[Row],
    file: &str,
    errors: &mut Vec<ImportError>,
) -> BTreeMap<String, LocalText> {
    let mut names = BTreeMap::new();
    let mut iter = rows
        .iter()
        .filter(|row| row.cells.iter().any(|c| !c.trim().is_empty()));
    let Some(header) = iter.next() else {
        return names;
    };
    let find = |wanted: &[&str]| {
        header
            .cells
            .iter()
            .position(|cell| wanted.contains(&notation::fold(cell).as_str()))
    };
    let key_column = find(&["标签", "键", "编号", "key", "tag", "id"]);
    let zh_column = find(&["名称", "中文名称", "名称(中文)", "中文", "name"]);
    let en_column = find(&[
        "名称(英文)",
        "英文名称",
        "英文",
        "name(en)",
        "name(english)",
        "english",
    ]);
    let (Some(key_column), Some(zh_column)) = (key_column, zh_column) else {
        errors.push(ImportError::new(
            file,
            header.number,
            None,
            "标签工作表的表头应有“标签”（英文键，如 members）和“名称”（中文名称）两列，可再加“名称(英文)”。",
            "The tag sheet's header needs a 标签 (key, e.g. members) and a 名称 (Chinese name) column, and optionally 名称(英文).",
        ));
        return names;
    };
    let cell =
        |row: &Row, column: usize| row.cells.get(column).map_or("", |c| c.trim()).to_string();
    let mut first_row: BTreeMap<String, usize> = BTreeMap::new();
    for row in iter {
        let key = cell(row, key_column);
        let zh = cell(row, zh_column);
        let en = en_column.map(|c| cell(row, c)).unwrap_or_default();
        let column = |index: usize| {
            Some(
                header
                    .cells
                    .get(index)
                    .map_or_else(|| column_letters(index), |c| c.trim().to_string()),
            )
        };
        if !is_key(&key, MAX_KEY) {
            errors.push(ImportError::new(
                file,
                row.number,
                column(key_column),
                format!("标签“{key}”无效：只能用小写英文字母、数字和“-”，例如 members。"),
                format!("Tag key \"{key}\" is invalid: use lower-case letters, digits and '-', e.g. members."),
            ));
            continue;
        }
        if let Some(first) = first_row.get(&key) {
            errors.push(ImportError::new(
                file,
                row.number,
                column(key_column),
                format!("标签“{key}”与第 {first} 行重复。"),
                format!("Tag key \"{key}\" repeats row {first}."),
            ));
            continue;
        }
        if zh.is_empty()
            || zh.chars().count() > MAX_SHORT_TEXT
            || en.chars().count() > MAX_SHORT_TEXT
        {
            errors.push(ImportError::new(
                file,
                row.number,
                column(zh_column),
                format!("标签“{key}”的名称为空或太长。"),
                format!("The name of tag \"{key}\" is empty or too long."),
            ));
            continue;
        }
        first_row.insert(key.clone(), row.number);
        names.insert(
            key,
            LocalText {
                zh,
                en: (!en.is_empty()).then_some(en),
            },
        );
    }
    names
}
