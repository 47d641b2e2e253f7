//! Excel workbooks: the questions on the first worksheet, and optionally
//! tag names on a worksheet called 标签 (as `quizbank export` writes it).
//!
//! Only `.xlsx` (and macro-enabled `.xlsm`) workbooks are read, and only
//! after [`archive::inspect`] has checked what they unpack to. The sheet's
//! cells are streamed one by one and refused past [`MAX_COLUMNS`] and
//! [`MAX_CELLS`], so a few kilobytes claiming a million rows cannot make
//! the importer allocate a grid of that size. Old `.xls`, `.ods` and
//! `.xlsb` files are refused with a request to save them as `.xlsx`:
//! their readers build a whole grid from sizes the file declares, which
//! cannot be bounded before reading, and this import also runs in a
//! browser page that must not be taken down by a crafted file.

use super::archive::{self, Refusal};
use super::notation::{self, Problem};
use super::table::{self, column_letters, Row};
use super::{ImportError, Parsed};
use calamine::{Data, Reader, SheetType, Xlsx};
use quiz_core::limits::{is_id, MAX_BANK_ID, MAX_SHORT_TEXT};
use quiz_core::LocalText;
use std::collections::BTreeMap;
use std::io::Cursor;

/// Names of the worksheet holding tag names, folded.
const TAG_SHEETS: [&str; 4] = ["标签", "tags", "标签tags", "标签名称"];

/// The most columns a sheet may use. A question sheet uses about thirty
/// (`quizbank export` writes 31 at most); Excel allows 16,384.
pub(crate) const MAX_COLUMNS: u32 = 1_000;

/// The most cells a sheet may span (rows with content times the widest
/// of them). A bank of 20,000 questions in the export's 31 columns spans
/// about 620,000.
pub(crate) const MAX_CELLS: u64 = 1_000_000;

/// The first bytes of an OLE compound file: old `.xls` workbooks, and
/// `.xlsx` workbooks encrypted with a password, which Excel wraps in one.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The stream name (UTF-16) that marks a password-protected workbook
/// inside a compound file.
const ENCRYPTED_PACKAGE: &str = "EncryptedPackage";

/// Reads the questions (and tag names) of a workbook.
pub(crate) fn read(bytes: &[u8], file: &str) -> Result<Parsed, Vec<ImportError>> {
    let whole_file = |(zh, en): Refusal| vec![ImportError::new(file, 0, None, zh, en)];
    if bytes.is_empty() {
        return Err(whole_file((
            "文件是空的（0 字节）：请确认保存成功后再导入。".into(),
            "The file is empty (0 bytes): make sure it was saved, then import again.".into(),
        )));
    }
    if bytes.starts_with(&CFB_MAGIC) {
        return Err(whole_file(compound_file(bytes)));
    }
    if !bytes.starts_with(b"PK") {
        return Err(whole_file((
            "无法读取这个 Excel 文件：它不是 .xlsx 工作簿。请在 Excel/WPS 中打开它并“另存为” .xlsx 后再导入。".into(),
            "Cannot read this Excel file: it is not an .xlsx workbook. Open it in Excel or WPS, \"Save as\" .xlsx and import again.".into(),
        )));
    }
    let contents = archive::inspect(bytes).map_err(whole_file)?;
    if !contents.has_workbook {
        let kind = if contents.is_ods {
            ("（.ods）", " (.ods)")
        } else {
            ("", "")
        };
        return Err(whole_file((
            format!("无法读取这个 Excel 文件：它是压缩包，但不是 .xlsx 工作簿{}。请在 Excel、WPS 或 LibreOffice 中打开它并“另存为” .xlsx 后再导入。", kind.0),
            format!("Cannot read this Excel file: it is a zip archive but not an .xlsx workbook{}. Open it in Excel, WPS or LibreOffice, \"Save as\" .xlsx and import again.", kind.1),
        )));
    }
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|error| {
        whole_file((
            format!("无法读取这个 Excel 文件（{error}）：请确认它是 .xlsx 文件，或在 Excel/WPS 中“另存为” .xlsx 后再导入。"),
            format!("Cannot read this Excel file ({error}): make sure it is a .xlsx file, or \"Save as\" .xlsx in Excel or WPS and import again."),
        ))
    })?;
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
    let first_file = format!("{file} › {first}");
    let rows = sheet_rows(&mut workbook, first)
        .map_err(|(zh, en)| vec![ImportError::new(&first_file, 0, None, zh, en)])?;
    let mut parsed = table::read(rows, file)?;
    let tag_sheet = sheets.iter().skip(1).find(|(name, typ)| {
        *typ == SheetType::WorkSheet && TAG_SHEETS.contains(&notation::fold(name).as_str())
    });
    if let Some((name, _)) = tag_sheet {
        let sheet_file = format!("{file} › {name}");
        match sheet_rows(&mut workbook, name) {
            Ok(rows) => {
                parsed.declared_tags = tag_names(&rows, &sheet_file, &mut parsed.errors);
            }
            Err((zh, en)) => parsed
                .errors
                .push(ImportError::new(&sheet_file, 0, None, zh, en)),
        }
    }
    Ok(parsed)
}

/// The message for an OLE compound file: a password-protected workbook
/// when it holds an encrypted package, else an old binary `.xls`.
fn compound_file(bytes: &[u8]) -> Refusal {
    let marker: Vec<u8> = ENCRYPTED_PACKAGE
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if bytes.windows(marker.len()).any(|window| window == marker) {
        return archive::password_protected();
    }
    (
        "这是旧版 Excel 97-2003 工作簿（.xls）或设置了密码的文件，无法直接导入：请在 Excel/WPS 中打开它（如有密码请先取消），“另存为” .xlsx 后再导入。".into(),
        "This is an old Excel 97-2003 workbook (.xls) or a password-protected file, which cannot be imported as it is: open it in Excel or WPS (remove any password), \"Save as\" .xlsx and import again.".into(),
    )
}

/// The rows of a worksheet as text, numbered as Excel shows them: only
/// rows with content, each as wide as its last cell with content.
///
/// Cells are streamed, and the sheet is refused as soon as its declared
/// size or its cells pass [`MAX_COLUMNS`] or [`MAX_CELLS`], before any
/// grid is built.
fn sheet_rows(workbook: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Vec<Row>, Refusal> {
    let unreadable = |error: calamine::XlsxError| {
        (
            format!("无法读取工作表“{name}”：{error}"),
            format!("Cannot read worksheet \"{name}\": {error}"),
        )
    };
    let mut cells = workbook.worksheet_cells_reader(name).map_err(unreadable)?;
    let declared = cells.dimensions();
    let declared_rows = u64::from(declared.end.0.saturating_sub(declared.start.0)) + 1;
    let declared_columns = u64::from(declared.end.1.saturating_sub(declared.start.1)) + 1;
    if declared.end.1 >= MAX_COLUMNS || declared_rows * declared_columns > MAX_CELLS {
        return Err(too_big(name, declared_rows, u64::from(declared.end.1) + 1));
    }
    let mut rows: BTreeMap<u32, SparseRow> = BTreeMap::new();
    let mut widest: u32 = 0;
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let (row, column) = cell.get_position();
        let value: Data = cell.get_value().clone().into();
        if value == Data::Empty {
            continue;
        }
        widest = widest.max(column);
        if column >= MAX_COLUMNS || (rows.len() as u64 + 1) * (u64::from(widest) + 1) > MAX_CELLS {
            return Err(too_big(name, rows.len() as u64 + 1, u64::from(widest) + 1));
        }
        let (text, problem) = cell_text(&value);
        let entry = rows.entry(row).or_default();
        if let Some(problem) = problem {
            entry.1.push((column as usize, problem));
        }
        entry.0.insert(column, text);
    }
    Ok(rows
        .into_iter()
        .map(|(row, (by_column, bad))| {
            let width = by_column
                .keys()
                .next_back()
                .map_or(0, |&last| last as usize + 1);
            let mut cells = vec![String::new(); width];
            for (column, text) in by_column {
                cells[column as usize] = text;
            }
            Row {
                number: row as usize + 1,
                cells,
                bad,
            }
        })
        .collect())
}

/// A row's cells with content by column, and its unusable cells with
/// their problems.
type SparseRow = (BTreeMap<u32, String>, Vec<(usize, Problem)>);

/// The message for a sheet that spans too many cells.
fn too_big(name: &str, rows: u64, columns: u64) -> Refusal {
    (
        format!(
            "工作表“{name}”太大（{rows} 行 × {columns} 列）：上限 {MAX_COLUMNS} 列、共 {MAX_CELLS} 个单元格。请删掉题目下方和右侧多余的行和列（或把题目复制到一个新工作簿），再导入。"
        ),
        format!(
            "Worksheet \"{name}\" is too large ({rows} rows × {columns} columns): the limit is {MAX_COLUMNS} columns and {MAX_CELLS} cells in all. Delete the extra rows and columns below and to the right of the questions (or copy the questions into a new workbook) and import again."
        ),
    )
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
        if !is_id(&key, MAX_BANK_ID) {
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
