//! CSV files as Excel and WPS save them.
//!
//! Chinese Excel saves "CSV (逗号分隔)" in GBK and "CSV UTF-8" with a BOM;
//! both must work without the coordinator knowing the difference. Row
//! numbers are counted the way the spreadsheet shows them, so a cell with
//! line breaks does not shift the numbers of the rows below it.

use super::table::Row;
use super::ImportError;

/// Decodes a CSV file and splits it into rows.
pub(crate) fn read(bytes: &[u8], file: &str) -> Result<Vec<Row>, Vec<ImportError>> {
    let text = super::text(bytes, file)?;
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Line breaks inside quoted cells so far: the file's line numbers run
    // ahead of the spreadsheet's row numbers by this much.
    let mut breaks_in_cells = 0;
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line() as usize);
                return Err(vec![ImportError::new(
                    file,
                    line.saturating_sub(breaks_in_cells),
                    None,
                    format!("CSV 格式错误：{error}。请用 Excel 或 WPS 打开后重新另存为 CSV。"),
                    format!("The CSV is malformed: {error}. Open it in Excel or WPS and save it as CSV again."),
                )]);
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        rows.push(Row {
            number: line - breaks_in_cells,
            cells,
            bad: Vec::new(),
        });
        breaks_in_cells += record
            .iter()
            .map(|cell| cell.matches('\n').count())
            .sum::<usize>();
    }
    Ok(rows)
}

/// Guesses the separator from the first line: Excel in some locales writes
/// `;`, and "Unicode text" files use tabs.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut counts = [(b',', 0), (b'\t', 0), (b';', 0)];
    let mut quoted = false;
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            ',' => counts[0].1 += 1,
            '\t' => counts[1].1 += 1,
            ';' => counts[2].1 += 1,
            _ => {}
        }
    }
    counts
        .iter()
        .filter(|(_, count)| *count > 0)
        .max_by_key(|(byte, count)| (*count, *byte == b','))
        .map_or(b',', |(byte, _)| *byte)
}
