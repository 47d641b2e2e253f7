//! One component a file; each renders state it is given and reports events
//! through `on_*` callbacks.

mod app_header;
mod bank_list;
mod error_panel;
mod loading_notice;

pub use app_header::{AppHeader, AppHeaderProps};
pub use bank_list::{BankList, BankListProps};
pub use error_panel::{ErrorPanel, ErrorPanelProps};
pub use loading_notice::{LoadingNotice, LoadingNoticeProps};
