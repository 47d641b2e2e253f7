//! The workbench's components, one a file.

mod bank_form;
mod bank_summary;
mod download_panel;
mod editor_view;
mod field_problems;
mod file_opener;
mod page_header;
mod problem_list;
mod published_banks;
mod qr_page;
mod question_form;
mod question_list;
mod try_it;
mod workbench;

pub use bank_form::{BankForm, BankFormProps};
pub use bank_summary::{BankSummary, BankSummaryProps};
pub use download_panel::{DownloadPanel, DownloadPanelProps};
pub use editor_view::{EditorView, EditorViewProps};
pub use field_problems::{FieldProblems, FieldProblemsProps};
pub use file_opener::{FileOpener, FileOpenerProps};
pub use page_header::{PageHeader, PageHeaderProps};
pub use problem_list::{ProblemList, ProblemListProps};
pub use published_banks::{ManifestState, PublishedBanks, PublishedBanksProps};
pub use qr_page::{qr_link, qr_path, QrPage, QrPageProps};
pub use question_form::{Bilingual, BilingualProps, QuestionForm, QuestionFormProps};
pub use question_list::{QuestionList, QuestionListProps};
pub use try_it::{TryIt, TryItProps};
pub use workbench::{Workbench, WorkbenchProps};
