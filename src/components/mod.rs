//! One component or view a file; each renders state it is given and
//! reports events through `on_*` callbacks.
//!
//! A part with no state, hooks or re-render worth skipping is a view: a
//! function from its props struct to `Html` (`bank_list`, `app_header`,
//! `error_panel`…), not a component. Each Yew component type carries its
//! own copy of Yew's lifecycle code, about 300 bytes of brotli in the
//! member's download (BENCHMARKS.md); the quiz's question view, navigator
//! and timer stay components, since they skip re-rendering on the
//! countdown's ticks.

mod activity_links;
mod app_header;
mod attempt_history;
mod backup_page;
mod bank_list;
mod bank_page;
mod bank_summary;
mod bank_tally_table;
mod countdown_timer;
mod error_panel;
mod favourite_button;
mod loading_notice;
mod not_found_page;
mod other_page_notice;
mod paper_link_maker;
mod paper_mismatch;
mod paper_texts;
mod preview_moved;
mod problem_list;
mod progress_page;
mod quarantine_list;
mod question_card;
mod question_navigator;
mod question_view;
mod quiz_page;
mod quiz_starter;
mod read_page;
mod result_card;
mod result_view;
mod score_trend;
mod study_calendar;
mod study_page;
mod submit_dialog;
mod tag_accuracy;
mod text_size_switch;

pub use activity_links::{activity_links, ActivityLinksProps};
pub use app_header::{app_header, AppHeaderProps};
pub use attempt_history::{AttemptHistory, AttemptHistoryProps};
pub use backup_page::{BackupPage, BackupPageProps};
pub use bank_list::{bank_list, BankListProps};
pub use bank_page::{BankPage, BankPageProps};
pub use bank_summary::{bank_summary, BankSummaryProps};
pub use bank_tally_table::{bank_tally_table, BankTallyTableProps};
pub use countdown_timer::{countdown_timer, CountdownTimerProps};
pub use error_panel::{error_panel, ErrorPanelProps};
pub use favourite_button::{FavouriteButton, FavouriteButtonProps};
pub use loading_notice::{loading_notice, LoadingNoticeProps};
pub use not_found_page::{not_found_page, NotFoundPageProps};
pub use other_page_notice::{OtherPageNotice, OtherPageNoticeProps};
pub use paper_link_maker::{paper_link, PaperLinkMaker, PaperLinkMakerProps};
pub use paper_mismatch::{paper_mismatch, PaperMismatchProps};
pub use paper_texts::PaperTexts;
pub use preview_moved::{preview_moved, PreviewMovedProps};
pub use problem_list::{problem_list, ProblemListProps};
pub use progress_page::{ProgressPage, ProgressPageProps};
pub use quarantine_list::{QuarantineList, QuarantineListProps};
pub use question_card::{QuestionCard, QuestionCardProps};
pub use question_navigator::{QuestionNavigator, QuestionNavigatorProps};
pub use question_view::{answer_text, QuestionView, QuestionViewProps};
pub use quiz_page::{Back, QuizPage, QuizPageProps};
pub use quiz_starter::{QuizStarter, QuizStarterProps};
pub use read_page::{read_page, ReadPageProps};
pub use result_card::{CardFacts, ResultCard, ResultCardProps, CARD_NAME_KEY};
pub use result_view::{ResultView, ResultViewProps};
pub use score_trend::{score_trend, ScoreTrendProps};
pub use study_calendar::{study_calendar, StudyCalendarProps};
pub use study_page::{plan_for, StudyPage, StudyPageProps};
pub use submit_dialog::{SubmitDialog, SubmitDialogProps};
pub use tag_accuracy::{tag_accuracy, TagAccuracyProps};
pub use text_size_switch::{text_size_switch, TextSizeSwitchProps};
