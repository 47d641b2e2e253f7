//! The workbench's components, one a file.

mod bank_summary;
mod download_panel;
mod file_opener;
mod page_header;
mod problem_list;
mod published_banks;
mod qr_page;
mod workbench;

pub use bank_summary::{BankSummary, BankSummaryProps};
pub use download_panel::{DownloadPanel, DownloadPanelProps};
pub use file_opener::{FileOpener, FileOpenerProps};
pub use page_header::{PageHeader, PageHeaderProps};
pub use problem_list::{ProblemList, ProblemListProps};
pub use published_banks::{ManifestState, PublishedBanks, PublishedBanksProps};
pub use qr_page::{qr_link, qr_path, QrPage, QrPageProps};
pub use workbench::{Workbench, WorkbenchProps};
