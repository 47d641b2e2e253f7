//! The page a deep link to an activity opens: loads the bank, then runs the activity.

use super::{
    error_panel, loading_notice, paper_mismatch, read_page, Back, ErrorPanelProps,
    LoadingNoticeProps, PaperMismatchProps, QuizStarter, ReadPageProps,
};
use crate::hooks::{use_bank, ProgressContext};
use crate::i18n::strings;
use crate::load::LoadState;
use crate::load::PreloadedBank;
use crate::platform::Platform;
use crate::route::{Activity, QuestionSet, Route, StudyOptions};
use quiz_core::progress::{daily_set, date_of_day};
use quiz_core::session::shared::check_code;
use quiz_core::session::{Mode, Plan, Selection};
use quiz_core::{Bank, BankEntry, Lang};
use yew::prelude::*;

/// Questions in a practice round when the link does not say.
const PRACTICE_ROUND: u32 = 20;
/// Questions in 每日一练.
pub const DAILY_COUNT: usize = 10;

/// Props of [`StudyPage`].
#[derive(Properties, PartialEq)]
pub struct StudyPageProps {
    /// The manifest's entry for the bank.
    pub entry: BankEntry,
    /// Which activity.
    pub activity: Activity,
    /// What the link asked for.
    pub options: StudyOptions,
    /// Link parameters that were ignored.
    pub ignored: Vec<String>,
    /// The I/O services.
    pub platform: Platform,
    /// The bank, when the start-up code loaded it for the link that opened
    /// the app; used only if it is this entry's file.
    #[prop_or_default]
    pub preloaded: Option<PreloadedBank>,
    /// The current language.
    pub lang: Lang,
}

/// Loads the bank, then runs the exam, practice or reading the route asks
/// for, telling the member about any link parameter that was ignored.
#[function_component(StudyPage)]
pub fn study_page(props: &StudyPageProps) -> Html {
    let text = strings(props.lang);
    let lang = props.lang;
    let (bank, on_retry) = use_bank(
        props.platform.fetcher.clone(),
        props.entry.clone(),
        props.preloaded.clone(),
    );
    let notice = (!props.ignored.is_empty()).then(|| html! {
        <p class="notice" role="status">{ text.ignored_params }{ " " }<code>{ props.ignored.join("&") }</code></p>
    });
    let progress = use_context::<ProgressContext>();
    let clock = props.platform.clock.clone();
    // The member's own set, when the link names one.
    let picked = |bank: &Bank| -> Vec<String> {
        let ids = || bank.questions.iter().map(|q| q.id.as_str());
        match (props.options.set, progress.as_ref()) {
            (Some(QuestionSet::Daily), _) => {
                daily_set(bank, &date_of_day(clock.local_day()), DAILY_COUNT)
            }
            (Some(QuestionSet::Wrong), Some(p)) => p.progress.wrong_book(ids()),
            (Some(QuestionSet::Favourites), Some(p)) => p.progress.favourites(ids()),
            (Some(QuestionSet::Due), Some(p)) => p.progress.due(ids(), clock.local_day()),
            _ => Vec::new(),
        }
    };
    let body = match bank {
        LoadState::Loading => loading_notice(&LoadingNoticeProps { lang }),
        LoadState::Failed(error) => error_panel(&ErrorPanelProps {
            error,
            lang,
            on_retry,
        }),
        LoadState::Ready(loaded) => match props.activity {
            Activity::Read => read_page(&ReadPageProps {
                bank: loaded.bank.clone(),
                tag: props.options.tag.clone(),
                lang,
            }),
            // A shared paper whose code does not fit this bank is said so,
            // never replaced by another draw.
            Activity::Exam
                if props
                    .options
                    .paper
                    .as_ref()
                    .is_some_and(|code| check_code(&loaded.bank, code).is_err()) =>
            {
                let code = props.options.paper.clone().unwrap_or_default();
                let problem = check_code(&loaded.bank, &code)
                    .err()
                    .unwrap_or(quiz_core::session::shared::CodeProblem::Malformed);
                paper_mismatch(&PaperMismatchProps {
                    bank_id: props.entry.id.clone(),
                    code,
                    problem,
                    lang,
                })
            }
            activity => html! {
                <QuizStarter bank={loaded.bank.clone()} plan={plan_for(&loaded.bank, activity, &props.options, &picked(&loaded.bank))}
                    platform={props.platform.clone()} title={props.entry.title.get(lang).to_string()}
                    back={Back::Link(Route::Bank { id: props.entry.id.clone() }.to_hash().into())} {lang} />
            },
        },
    };
    html! {
        <div class="study-page" data-activity={props.activity.key()}>
            { for notice }
            { body }
        </div>
    }
}

/// What an activity and its link options mean as a session plan.
pub fn plan_for(
    bank: &Bank,
    activity: Activity,
    options: &StudyOptions,
    picked: &[String],
) -> Plan {
    match activity {
        Activity::Exam => Plan {
            mode: Mode::Exam,
            selection: match &options.paper {
                Some(code) => Selection::Shared {
                    code: code.clone(),
                    count: options.count,
                },
                None => Selection::Paper {
                    count: options.count,
                },
            },
            time_limit_ms: Some(
                options
                    .seconds
                    .map_or(u64::from(bank.paper.time_limit_minutes) * 60_000, |s| {
                        u64::from(s) * 1_000
                    }),
            ),
        },
        Activity::Practice => Plan {
            mode: Mode::Practice,
            selection: match &options.tag {
                _ if options.set.is_some() => Selection::Ids {
                    ids: picked.to_vec(),
                },
                Some(tag) => Selection::Tag { tag: tag.clone() },
                None => Selection::Random {
                    count: options.count.unwrap_or(PRACTICE_ROUND),
                },
            },
            time_limit_ms: None,
        },
        Activity::Sequential | Activity::Read => Plan {
            mode: Mode::Practice,
            selection: Selection::Sequential,
            time_limit_ms: None,
        },
    }
}
