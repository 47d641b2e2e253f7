//! Importing from a file on disk: `bank_tools::import` (re-exported here)
//! and [`import_file`], which refuses a file by its metadata before
//! reading it.

pub use bank_tools::import::*;

use std::io::Read;
use std::path::Path;

/// Reads the questions in `path` into a new bank with id `bank_id`.
///
/// `format` overrides the guess from the file extension. `today`
/// (`YYYY-MM-DD`) becomes the bank's `updated` date: the library has no
/// clock so that imports are reproducible in tests. On failure every
/// problem found is returned, in file order.
pub fn import_file(
    path: &Path,
    format: Option<Format>,
    bank_id: &str,
    today: &str,
) -> Result<quiz_core::Bank, Vec<ImportError>> {
    let file_name = path.display().to_string();
    let Some(format) = format.or_else(|| Format::from_path(path)) else {
        return Err(vec![ImportError::new(
            &file_name,
            0,
            None,
            "无法从扩展名判断文件格式：请用 .xlsx、.csv、.gift 或 .txt（Aiken）文件，或用 --from 指定格式。",
            "Cannot tell the format from the file extension: use a .xlsx, .csv, .gift or .txt (Aiken) file, or name the format with --from.",
        )]);
    };
    let unreadable = |error: std::io::Error| {
        vec![ImportError::new(
            &file_name,
            0,
            None,
            format!("无法读取文件：{error}"),
            format!("Cannot read the file: {error}"),
        )]
    };
    // Refused by its metadata before it is read: a named pipe could block
    // forever, and a huge file would be loaded whole only to be refused.
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(vec![ImportError::new(
            &file_name,
            0,
            None,
            "这不是普通文件，不会读取。",
            "This is not a regular file; it is not read.",
        )]);
    }
    if metadata.len() > MAX_FILE_BYTES as u64 {
        return Err(vec![too_large(&file_name, metadata.len())]);
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    import_bytes(&bytes, format, bank_id, today, &file_name)
}
