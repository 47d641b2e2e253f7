//! The progress page's chart of mock exam scores.

use crate::i18n::strings;
use quiz_core::progress::TrendPoint;
use quiz_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Exams shown on the chart: enough for a trend, few enough to read on a
/// phone.
pub const TREND_EXAMS: usize = 20;

const WIDTH: u32 = 320;
const HEIGHT: u32 = 140;
const PAD: u32 = 12;

/// What [`score_trend`] shows.
#[derive(PartialEq)]
pub struct ScoreTrendProps {
    /// The exams, oldest first.
    pub points: Rc<Vec<TrendPoint>>,
    /// The current language.
    pub lang: Lang,
}

/// The mock exam score trend as an inline SVG line chart: score as a share
/// of the maximum, passed exams filled, with lines at 0, 60 and 100 %.
/// Drawn by hand: a chart library would cost more than the whole page.
pub fn score_trend(props: &ScoreTrendProps) -> Html {
    let text = strings(props.lang);
    let points = &props.points;
    if points.is_empty() {
        return html! {
            <section class="trend" aria-labelledby="trend-heading">
                <h3 id="trend-heading">{ text.trend_heading }</h3>
                <p class="trend__empty">{ text.trend_empty }</p>
            </section>
        };
    }
    let x = |index: usize| -> u32 {
        if points.len() == 1 {
            WIDTH / 2
        } else {
            PAD + (WIDTH - 2 * PAD) * index as u32 / (points.len() as u32 - 1)
        }
    };
    let y =
        |permille: u32| -> u32 { HEIGHT - PAD - (HEIGHT - 2 * PAD) * permille.min(1_000) / 1_000 };
    let line: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{},{}", x(i), y(p.permille)))
        .collect();
    let percents: Vec<String> = points
        .iter()
        .map(|p| format!("{}", p.permille / 10))
        .collect();
    let caption = format!(
        "{} {}: {}",
        text.trend_caption,
        points.len(),
        percents.join(", ")
    );
    html! {
        <section class="trend" aria-labelledby="trend-heading">
            <h3 id="trend-heading">{ text.trend_heading }</h3>
            <svg class="trend__chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-label={caption.clone()}>
                <title>{ caption }</title>
                { for [0, 600, 1_000].into_iter().map(|level| html! {
                    <g class="trend__grid">
                        <line x1="0" x2={WIDTH.to_string()} y1={y(level).to_string()} y2={y(level).to_string()} />
                        <text x="2" y={(y(level) - 2).to_string()}>{ format!("{}%", level / 10) }</text>
                    </g>
                }) }
                <polyline class="trend__line" points={line.join(" ")} />
                { for points.iter().enumerate().map(|(i, p)| html! {
                    <circle class={if p.passed { "trend__point trend__point--passed" } else { "trend__point" }}
                        cx={x(i).to_string()} cy={y(p.permille).to_string()} r="4">
                        <title>{ format!("{}%", p.permille / 10) }</title>
                    </circle>
                }) }
            </svg>
        </section>
    }
}
