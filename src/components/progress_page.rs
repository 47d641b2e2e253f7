//! 我的学习: everything the member has done, from progress saved in the browser.

use super::score_trend::TREND_EXAMS;
use super::{
    bank_tally_table, score_trend, study_calendar, AttemptHistory, BankTallyTableProps,
    ScoreTrendProps, StudyCalendarProps,
};
use crate::hooks::ProgressContext;
use crate::i18n::strings;
use crate::platform::Platform;
use crate::route::{Page, Route};
use quiz_core::progress::study_streak;
use quiz_core::{Lang, Manifest};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ProgressPage`].
#[derive(Properties, PartialEq)]
pub struct ProgressPageProps {
    /// The banks, for titles and per-bank figures.
    pub manifest: Rc<Manifest>,
    /// The clock, for today and the time zone.
    pub platform: Platform,
    /// The current language.
    pub lang: Lang,
}

/// 我的学习: the study calendar, the exam score trend, per-bank figures
/// with the reviews due today, and the history, with a way to back it all
/// up. Everything comes from progress saved in this browser.
#[function_component(ProgressPage)]
pub fn progress_page(props: &ProgressPageProps) -> Html {
    let text = strings(props.lang);
    let lang = props.lang;
    let Some(context) = use_context::<ProgressContext>() else {
        return html! {};
    };
    let progress = context.progress.clone();
    let clock = &props.platform.clock;
    let today = clock.local_day();
    let trend = Rc::new(progress.score_trend(None, TREND_EXAMS));
    let utc_offset_ms = clock.utc_offset_ms(clock.now_ms());
    html! {
        <article class="progress-page">
            <a class="back-link" href={Route::Home.href_from(Page::Records)}><span class="back-link__mark" aria-hidden="true">{ "← " }</span>{ text.back_to_banks }</a>
            <h2>{ text.nav_progress }</h2>
            <p class="streak">
                <span>{ text.streak }{ " " }<strong>{ study_streak(&progress, today) }</strong></span>
                <span>{ text.today_answered }{ " " }<strong>{ progress.days.get(&today).map_or(0, |d| d.answered) }</strong></span>
            </p>
            { study_calendar(&StudyCalendarProps { progress: progress.clone(), today, lang }) }
            { score_trend(&ScoreTrendProps { points: trend, lang }) }
            { bank_tally_table(&BankTallyTableProps { manifest: props.manifest.clone(), progress: progress.clone(), today, lang }) }
            <section class="history" aria-labelledby="history-heading">
                <h3 id="history-heading">{ text.history_heading }</h3>
                if progress.pruned > 0 {
                    <p class="notice history__pruned" role="note">{ text.pruned_notice(progress.pruned) }</p>
                }
                <AttemptHistory progress={progress.clone()} manifest={props.manifest.clone()} {utc_offset_ms} {lang} />
            </section>
            <p class="progress-page__backup">
                <a class="button button--secondary" href={Route::Backup.href_from(Page::Records)}>{ text.nav_backup }</a>
            </p>
        </article>
    }
}
