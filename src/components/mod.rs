//! One component a file; each renders state it is given and reports events
//! through `on_*` callbacks.

mod app_header;
mod bank_list;
mod bank_page;
mod bank_summary;
mod error_panel;
mod loading_notice;
mod not_found_page;
mod preview_page;
mod problem_list;
mod question_card;

pub use app_header::{AppHeader, AppHeaderProps};
pub use bank_list::{BankList, BankListProps};
pub use bank_page::{BankPage, BankPageProps};
pub use bank_summary::{BankSummary, BankSummaryProps};
pub use error_panel::{ErrorPanel, ErrorPanelProps};
pub use loading_notice::{LoadingNotice, LoadingNoticeProps};
pub use not_found_page::{NotFoundPage, NotFoundPageProps};
pub use preview_page::{PreviewPage, PreviewPageProps};
pub use problem_list::{ProblemList, ProblemListProps};
pub use question_card::{QuestionCard, QuestionCardProps};
