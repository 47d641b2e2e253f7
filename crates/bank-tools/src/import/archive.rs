//! What a workbook may unpack to, checked before the spreadsheet reader
//! sees it.
//!
//! An `.xlsx` file is a zip archive of XML files, and a few kilobytes of
//! zip can claim, or really hold, gigabytes of XML. The spreadsheet reader
//! trusts what it unpacks, so a crafted file could make it allocate until
//! the process is killed. This import will also run in a browser page,
//! where that would take the page down. So every entry is unpacked here
//! first, counting the bytes it really produces (the sizes an archive
//! declares can lie), and an archive over the limits is refused with a
//! message instead.
//!
//! The XML parts are read on the way through, for the few numbers the
//! spreadsheet reader trusts without checking: the count of shared strings
//! (it reserves room for that many) and the cell references of worksheets
//! (its arithmetic on them overflows on references past Excel's grid).

use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Cursor, Read};

/// The most entries a workbook may have. A workbook saved by Excel or WPS
/// has a dozen or two; a thousand leaves room for many sheets and images.
pub(crate) const MAX_ENTRIES: usize = 1_000;

/// The most bytes one entry may unpack to. A bank of 20,000 questions
/// (the most a bank may hold) exported by `quizbank export` unpacks to a
/// sheet of about 14 MB and shared strings of at most about 30 MB.
pub(crate) const MAX_ENTRY_BYTES: u64 = 48 * 1024 * 1024;

/// The most bytes the whole workbook may unpack to, for the same reason.
pub(crate) const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// The most shared strings a workbook may declare: one per cell at most.
const MAX_SHARED_STRINGS: u64 = super::xlsx::MAX_CELLS;

/// Excel's grid: 16,384 columns (XFD) and 1,048,576 rows.
const EXCEL_COLUMNS: u32 = 16_384;
/// See [`EXCEL_COLUMNS`].
const EXCEL_ROWS: u32 = 1_048_576;

/// What a zip archive holds, as far as the importer cares.
#[derive(Debug)]
pub(crate) struct Contents {
    /// Whether the archive has `xl/workbook.xml`, i.e. is an Excel
    /// workbook rather than another zip (an `.ods`, a `.docx`, an `.xlsb`…).
    pub has_workbook: bool,
    /// Whether it is an OpenDocument spreadsheet (`.ods`), for a more
    /// helpful message.
    pub is_ods: bool,
}

/// A refusal, in Chinese and English.
pub(crate) type Refusal = (String, String);

/// Opens the archive and unpacks every entry without keeping it, refusing
/// archives that are damaged, encrypted, or over the limits.
pub(crate) fn inspect(bytes: &[u8]) -> Result<Contents, Refusal> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| damaged(&error))?;
    if archive.len() > MAX_ENTRIES {
        return Err((
            format!(
                "这个文件里有 {} 个压缩项，上限 {MAX_ENTRIES} 个：它不像是一个题目表格。请在 Excel/WPS 中把题目复制到一个新工作簿，另存为 .xlsx 后再导入。",
                archive.len()
            ),
            format!(
                "This file holds {} zip entries; the limit is {MAX_ENTRIES}: it does not look like a question sheet. Copy the questions into a new workbook in Excel or WPS, save it as .xlsx and import again.",
                archive.len()
            ),
        ));
    }
    let mut contents = Contents {
        has_workbook: false,
        is_ods: false,
    };
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(|error| damaged(&error))?;
        if entry.encrypted() {
            return Err(password_protected());
        }
        let name = entry.name().replace('\\', "/");
        if name.eq_ignore_ascii_case("xl/workbook.xml") {
            contents.has_workbook = true;
        }
        if name == "mimetype" {
            let mut kind = String::new();
            // The mimetype entry is a few dozen bytes; more is not an .ods.
            if (&mut entry).take(100).read_to_string(&mut kind).is_ok()
                && kind.starts_with("application/vnd.oasis.opendocument")
            {
                contents.is_ods = true;
            }
            continue;
        }
        let declared = entry.size();
        if declared > MAX_ENTRY_BYTES {
            return Err(too_large(&name, declared));
        }
        // Count what the entry really unpacks to: one byte past the limit
        // is enough to refuse it, and nothing is kept.
        let mut counted = Counted {
            inner: (&mut entry).take(MAX_ENTRY_BYTES + 1),
            bytes: 0,
        };
        let scanned = if name.to_ascii_lowercase().ends_with(".xml") {
            scan_xml(BufReader::new(&mut counted))
        } else {
            Ok(())
        };
        std::io::copy(&mut counted, &mut std::io::sink()).map_err(|error| damaged(&error))?;
        let unpacked = counted.bytes;
        if unpacked > MAX_ENTRY_BYTES {
            return Err(too_large(&name, unpacked));
        }
        scanned.map_err(|problem| bad_part(&name, &problem))?;
        total += unpacked;
        if total > MAX_UNPACKED_BYTES {
            return Err((
                format!(
                    "这个文件解压后超过 {} MB，上限 {} MB：一个题库用不了这么多。请把题目分成几个文件，或复制到一个新工作簿后再导入。",
                    MAX_UNPACKED_BYTES / 1_048_576,
                    MAX_UNPACKED_BYTES / 1_048_576
                ),
                format!(
                    "This file unpacks to more than {} MB; the limit is {} MB, far more than a bank needs. Split the questions into several files, or copy them into a new workbook, and import again.",
                    MAX_UNPACKED_BYTES / 1_048_576,
                    MAX_UNPACKED_BYTES / 1_048_576
                ),
            ));
        }
    }
    Ok(contents)
}

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    bytes: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.bytes += read as u64;
        Ok(read)
    }
}

/// Reads an XML part through and checks what the spreadsheet reader
/// would trust: a shared-string count no larger than a sheet can use, and
/// worksheet cell references inside Excel's grid. Returns what is wrong,
/// in English (it goes into both messages as a technical detail).
fn scan_xml(source: impl std::io::BufRead) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_reader(source);
    let mut buf = Vec::new();
    // Cells count only inside sheet data, as the spreadsheet reader reads
    // them.
    let mut in_sheet_data = false;
    loop {
        buf.clear();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|error| format!("XML: {error}"))?;
        let element = match &event {
            Event::Start(element) | Event::Empty(element) => element,
            Event::Eof => return Ok(()),
            _ => continue,
        };
        match element.local_name().as_ref() {
            b"sst" => {
                if let Some(count) = attribute(element, b"uniqueCount")? {
                    if count.parse::<u64>().is_ok_and(|n| n > MAX_SHARED_STRINGS) {
                        return Err(format!("uniqueCount=\"{count}\""));
                    }
                }
            }
            b"dimension" => {
                if let Some(range) = attribute(element, b"ref")? {
                    check_range(&range).ok_or_else(|| format!("dimension ref=\"{range}\""))?;
                }
            }
            b"sheetData" => in_sheet_data = matches!(event, Event::Start(_)),
            b"row" if in_sheet_data => {
                if let Some(row) = attribute(element, b"r")? {
                    cell_reference(&row, false).ok_or_else(|| format!("row r=\"{row}\""))?;
                }
            }
            b"c" if in_sheet_data => {
                if let Some(cell) = attribute(element, b"r")? {
                    cell_reference(&cell, true).ok_or_else(|| format!("c r=\"{cell}\""))?;
                }
            }
            _ => {}
        }
    }
}

/// The value of attribute `name`, as text.
fn attribute(element: &BytesStart, name: &[u8]) -> Result<Option<String>, String> {
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|error| format!("XML: {error}"))?;
        if attribute.key.local_name().as_ref() == name {
            return Ok(Some(String::from_utf8_lossy(&attribute.value).into_owned()));
        }
    }
    Ok(None)
}

/// Reads a cell reference such as `B12` (or a bare row number such as
/// `12` when `needs_column` is false) into a 1-based (row, column), or
/// `None` when it is not one inside Excel's grid.
fn cell_reference(text: &str, needs_column: bool) -> Option<(u32, u32)> {
    let digits_at = text.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = text.split_at(digits_at);
    if letters.len() > 3
        || (needs_column && letters.is_empty())
        || !letters.bytes().all(|b| b.is_ascii_alphabetic())
        || digits.len() > 7
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let column = letters.bytes().fold(0, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row: u32 = digits.parse().ok()?;
    ((1..=EXCEL_ROWS).contains(&row) && column <= EXCEL_COLUMNS).then_some((row, column))
}

/// Checks a range such as `A1:D20` (or a single cell): both corners inside
/// Excel's grid, the first above and left of the second.
fn check_range(text: &str) -> Option<()> {
    let (first, last) = text.split_once(':').unwrap_or((text, text));
    let first = cell_reference(first, true)?;
    let last = cell_reference(last, true)?;
    (first.0 <= last.0 && first.1 <= last.1).then_some(())
}

/// The message for an XML part that is not well-formed or holds numbers
/// past Excel's limits.
fn bad_part(name: &str, problem: &str) -> Refusal {
    (
        format!("无法读取这个 Excel 文件：其中的“{name}”已损坏或不是 Excel 写出的内容（{problem}）。请在 Excel/WPS 中重新打开并“另存为” .xlsx 后再导入。"),
        format!("Cannot read this Excel file: \"{name}\" in it is damaged or was not written by Excel ({problem}). Open it in Excel or WPS, \"Save as\" .xlsx and import again."),
    )
}

/// The message for an archive the zip reader cannot read through.
fn damaged(error: &dyn std::fmt::Display) -> Refusal {
    (
        format!("无法读取这个 Excel 文件（{error}）：文件已损坏或不完整。请在 Excel/WPS 中重新打开并“另存为” .xlsx，或重新下载、复制一次后再导入。"),
        format!("Cannot read this Excel file ({error}): it is damaged or incomplete. Open it in Excel or WPS and \"Save as\" .xlsx, or download or copy it again, and import again."),
    )
}

/// The message for one entry that unpacks to too much.
fn too_large(name: &str, bytes: u64) -> Refusal {
    (
        format!(
            "这个文件中的“{name}”解压后有 {} MB 以上，上限 {} MB：一个题库用不了这么多。请把题目分成几个文件，或复制到一个新工作簿后再导入。",
            bytes / 1_048_576,
            MAX_ENTRY_BYTES / 1_048_576
        ),
        format!(
            "\"{name}\" in this file unpacks to {} MB or more; the limit is {} MB, far more than a bank needs. Split the questions into several files, or copy them into a new workbook, and import again.",
            bytes / 1_048_576,
            MAX_ENTRY_BYTES / 1_048_576
        ),
    )
}

/// The message for a workbook protected by a password.
pub(crate) fn password_protected() -> Refusal {
    (
        "这个 Excel 文件设置了打开密码（已加密），无法读取：请在 Excel/WPS 中打开它，取消密码后另存为 .xlsx，再导入。".into(),
        "This Excel file is protected by a password (encrypted) and cannot be read: open it in Excel or WPS, remove the password, save it as .xlsx and import again.".into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    fn archive(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in entries {
            writer
                .start_file(*name, SimpleFileOptions::default())
                .unwrap();
            writer.write_all(data).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn a_small_workbook_passes() {
        let bytes = archive(&[("xl/workbook.xml", b"<workbook/>")]);
        let contents = inspect(&bytes).unwrap();
        assert!(contents.has_workbook);
        assert!(!contents.is_ods);
    }

    #[test]
    fn an_ods_is_recognised() {
        let bytes = archive(&[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("content.xml", b"<x/>"),
        ]);
        let contents = inspect(&bytes).unwrap();
        assert!(!contents.has_workbook);
        assert!(contents.is_ods);
    }

    #[test]
    fn too_many_entries_are_refused() {
        let names: Vec<String> = (0..=MAX_ENTRIES).map(|i| format!("f{i}")).collect();
        let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
        let (zh, en) = inspect(&archive(&entries)).unwrap_err();
        assert!(zh.contains("压缩项"), "{zh}");
        assert!(en.contains("1001 zip entries"), "{en}");
    }

    #[test]
    fn what_unpacks_too_large_is_refused_by_what_it_really_holds() {
        // A few hundred kilobytes of zip that unpack to 49 MB of zeros.
        let zeros = vec![0u8; (MAX_ENTRY_BYTES + 1024 * 1024) as usize];
        let bytes = archive(&[("xl/worksheets/sheet1.xml", &zeros)]);
        assert!(bytes.len() < 1_000_000, "{}", bytes.len());
        let (zh, en) = inspect(&bytes).unwrap_err();
        assert!(zh.contains("xl/worksheets/sheet1.xml"), "{zh}");
        assert!(en.contains("the limit is 48 MB"), "{en}");
        // Two entries under the per-entry limit still count together.
        let half = vec![b' '; (MAX_UNPACKED_BYTES / 2 + 1) as usize];
        let bytes = archive(&[("a.xml", &half), ("b.xml", &half)]);
        let (_, en) = inspect(&bytes).unwrap_err();
        assert!(en.contains("unpacks to more than 64 MB"), "{en}");
    }

    #[test]
    fn cell_references_stay_inside_excels_grid() {
        assert_eq!(cell_reference("A1", true), Some((1, 1)));
        assert_eq!(
            cell_reference("xfd1048576", true),
            Some((1_048_576, 16_384))
        );
        assert_eq!(cell_reference("12", false), Some((12, 0)));
        assert_eq!(cell_reference("12", true), None);
        assert_eq!(cell_reference("XFE1", true), None);
        assert_eq!(cell_reference("A1048577", true), None);
        assert_eq!(cell_reference("AAAAAAAAAAAA1", true), None);
        assert_eq!(cell_reference("A99999999999", true), None);
        assert_eq!(cell_reference("A0", true), None);
        assert_eq!(cell_reference("$A$1", true), None);
        assert_eq!(check_range("A1:C20"), Some(()));
        assert_eq!(check_range("B2"), Some(()));
        assert_eq!(check_range("B2:A1"), None);
    }

    #[test]
    fn numbers_the_reader_trusts_are_checked() {
        let sheet = |xml: &str| archive(&[("xl/worksheets/sheet1.xml", xml.as_bytes())]);
        let (_, en) =
            inspect(&sheet(r#"<worksheet><dimension ref="B2:A1"/></worksheet>"#)).unwrap_err();
        assert!(en.contains(r#"dimension ref="B2:A1""#), "{en}");
        let (_, en) = inspect(&sheet(
            r#"<worksheet><sheetData><row r="1"><c r="AAAAAAAAAA1"/></row></sheetData></worksheet>"#,
        ))
        .unwrap_err();
        assert!(en.contains(r#"c r="AAAAAAAAAA1""#), "{en}");
        let (_, en) = inspect(&sheet(
            r#"<worksheet><sheetData><row r="99999999999"/></sheetData></worksheet>"#,
        ))
        .unwrap_err();
        assert!(en.contains("row r="), "{en}");
        let (_, en) = inspect(&sheet("<worksheet></sheet>")).unwrap_err();
        assert!(en.contains("XML"), "{en}");
        let strings = archive(&[(
            "xl/sharedStrings.xml",
            br#"<sst uniqueCount="18446744073709551615"></sst>"#,
        )]);
        let (_, en) = inspect(&strings).unwrap_err();
        assert!(en.contains("uniqueCount"), "{en}");
        // Outside sheet data, an element named c is not a cell.
        let other = archive(&[(
            "xl/charts/chart1.xml",
            br#"<chart><c r="not a cell"/></chart>"#,
        )]);
        assert!(inspect(&other).is_ok());
    }

    #[test]
    fn a_truncated_archive_is_damaged() {
        let bytes = archive(&[("xl/workbook.xml", &[b'x'; 5000])]);
        let (zh, _) = inspect(&bytes[..bytes.len() / 2]).unwrap_err();
        assert!(zh.contains("已损坏或不完整"), "{zh}");
    }
}
