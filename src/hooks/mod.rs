//! One `use_*` hook per concern: the façade components use instead of
//! talking to the platform themselves.

mod use_bank;
mod use_countdown;
mod use_language;
mod use_loaded;
mod use_manifest;
mod use_preference;
mod use_progress;
mod use_quiz_keys;
mod use_record_progress;
mod use_route;
mod use_save_unfinished;
mod use_text_size;

mod use_host;
mod use_update_notice;

pub use use_bank::use_bank;
pub use use_countdown::use_countdown;
pub use use_language::{use_language, LANGUAGE_KEY};
use use_loaded::use_loaded;
pub use use_manifest::use_manifest;
pub use use_progress::{use_progress, ProgressContext, ProgressEvent};
pub use use_quiz_keys::use_quiz_keys;
pub use use_record_progress::use_record_progress;
pub use use_route::use_route;
pub use use_save_unfinished::use_save_unfinished;
pub use use_text_size::{use_text_size, TextSize, TEXT_SIZE_KEY};

pub use use_host::{use_host_events, use_link_language};
pub use use_update_notice::{use_update_notice, UPDATE_EVENT};
