//! One component a file; each renders state it is given and reports events
//! through `on_*` callbacks.

mod activity_links;
mod app_header;
mod bank_list;
mod bank_page;
mod bank_summary;
mod countdown_timer;
mod error_panel;
mod favourite_button;
mod loading_notice;
mod not_found_page;
mod preview_page;
mod problem_list;
mod question_card;
mod question_navigator;
mod question_view;
mod quiz_page;
mod quiz_starter;
mod read_page;
mod result_view;
mod study_page;
mod submit_dialog;

pub use activity_links::{ActivityLinks, ActivityLinksProps};
pub use app_header::{AppHeader, AppHeaderProps};
pub use bank_list::{BankList, BankListProps};
pub use bank_page::{BankPage, BankPageProps};
pub use bank_summary::{BankSummary, BankSummaryProps};
pub use countdown_timer::{CountdownTimer, CountdownTimerProps};
pub use error_panel::{ErrorPanel, ErrorPanelProps};
pub use favourite_button::{FavouriteButton, FavouriteButtonProps};
pub use loading_notice::{LoadingNotice, LoadingNoticeProps};
pub use not_found_page::{NotFoundPage, NotFoundPageProps};
pub use preview_page::{PreviewPage, PreviewPageProps};
pub use problem_list::{ProblemList, ProblemListProps};
pub use question_card::{QuestionCard, QuestionCardProps};
pub use question_navigator::{QuestionNavigator, QuestionNavigatorProps};
pub use question_view::{answer_text, QuestionView, QuestionViewProps};
pub use quiz_page::{Back, ClockHandle, QuizPage, QuizPageProps};
pub use quiz_starter::{QuizStarter, QuizStarterProps};
pub use read_page::{ReadPage, ReadPageProps};
pub use result_view::{ResultView, ResultViewProps};
pub use study_page::{plan_for, StudyPage, StudyPageProps};
pub use submit_dialog::{SubmitDialog, SubmitDialogProps};
