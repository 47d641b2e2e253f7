//! The bank's questions as a list to search and filter, to pick the one
//! shown in the form.

use super::question_form::{checked_of, value_of};
use crate::i18n::pick;
use bank_tools::draft::{DraftQuestion, Text};
use quiz_core::{Lang, QuestionType};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// The most questions listed at once: a phone lists 200 rows without
/// effort; the search narrows a larger bank.
const SHOWN: usize = 200;

/// Props of [`QuestionList`].
#[derive(Properties, PartialEq)]
pub struct QuestionListProps {
    /// The questions, in bank order.
    pub questions: Rc<Vec<Rc<DraftQuestion>>>,
    /// How many problems each question has (errors and warnings).
    pub problem_counts: Rc<Vec<usize>>,
    /// The bank's tag names, for the tag filter.
    pub tag_names: Rc<BTreeMap<String, Text>>,
    /// The question shown in the form.
    pub selected: usize,
    /// The current language.
    pub lang: Lang,
    /// Called with the index of a question picked.
    pub on_select: Callback<usize>,
}

/// A searchable list of the questions, filtered by type, tag, difficulty
/// and whether a question has problems.
#[function_component(QuestionList)]
pub fn question_list(props: &QuestionListProps) -> Html {
    let lang = props.lang;
    let t = |zh, en| pick(lang, zh, en);
    let search = use_state(String::new);
    let kind = use_state(String::new);
    let tag = use_state(String::new);
    let difficulty = use_state(String::new);
    let with_problems = use_state(|| false);
    let needle = search.trim().to_lowercase();
    let matching: Vec<usize> = props
        .questions
        .iter()
        .enumerate()
        .filter(|(i, q)| {
            (kind.is_empty() || q.kind == *kind)
                && (tag.is_empty() || q.tags.contains(&*tag))
                && (difficulty.is_empty() || q.difficulty == *difficulty)
                && (!*with_problems || props.problem_counts.get(*i).copied().unwrap_or(0) > 0)
                && (needle.is_empty() || q.contains(&needle))
        })
        .map(|(i, _)| i)
        .collect();
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: Event| state.set(value_of(&e)))
    };
    let on_search = {
        let search = search.clone();
        Callback::from(move |e: InputEvent| search.set(value_of(&e)))
    };
    let on_problems = {
        let with_problems = with_problems.clone();
        Callback::from(move |e: Event| with_problems.set(checked_of(&e)))
    };
    let label = |q: &DraftQuestion| match q.kind() {
        Some(k) => k.label(lang).to_string(),
        None => q.kind.clone(),
    };
    html! {
        <nav class="wb-qlist" aria-label={t("题目列表", "Questions")}>
            <div class="wb-qlist__filters">
                <input class="wb-input wb-qlist__search" type="search" value={(*search).clone()} oninput={on_search}
                    placeholder={t("搜索题干、选项、解析、编号", "Search stems, options, explanations, ids")}
                    aria-label={t("搜索题目", "Search questions")} />
                <select class="wb-input wb-qlist__type" onchange={set(&kind)} aria-label={t("题型", "Type")}>
                    <option value="" selected={kind.is_empty()}>{ t("全部题型", "All types") }</option>
                    { for QuestionType::ALL.into_iter().map(|k| html! {
                        <option value={k.key()} selected={*kind == k.key()}>{ k.label(lang) }</option>
                    }) }
                </select>
                <select class="wb-input wb-qlist__tag" onchange={set(&tag)} aria-label={t("标签", "Tag")}>
                    <option value="" selected={tag.is_empty()}>{ t("全部标签", "All tags") }</option>
                    { for props.tag_names.iter().map(|(key, name)| html! {
                        <option value={key.clone()} selected={*tag == *key}>{ if name.zh.is_empty() { key.clone() } else if lang == Lang::En && !name.en.is_empty() { name.en.clone() } else { name.zh.clone() } }</option>
                    }) }
                </select>
                <select class="wb-input wb-qlist__difficulty" onchange={set(&difficulty)} aria-label={t("难度", "Difficulty")}>
                    <option value="" selected={difficulty.is_empty()}>{ t("全部难度", "All difficulties") }</option>
                    <option value="easy" selected={*difficulty == "easy"}>{ t("易", "Easy") }</option>
                    <option value="medium" selected={*difficulty == "medium"}>{ t("中", "Medium") }</option>
                    <option value="hard" selected={*difficulty == "hard"}>{ t("难", "Hard") }</option>
                </select>
                <label class="wb-qlist__problems"><input type="checkbox" checked={*with_problems} onchange={on_problems} />{ t("只看有问题的", "Only with problems") }</label>
            </div>
            <p class="wb-qlist__count" role="status">
                { format!("{} / {} {}", matching.len(), props.questions.len(), t("道题", "questions")) }
            </p>
            <ol class="wb-qlist__items">
                { for matching.iter().take(SHOWN).map(|&i| {
                    let q = &props.questions[i];
                    let problems = props.problem_counts.get(i).copied().unwrap_or(0);
                    let on_select = props.on_select.clone();
                    let onclick = Callback::from(move |_: MouseEvent| on_select.emit(i));
                    let stem: String = q.stem.zh.chars().take(40).collect();
                    html! {
                        <li>
                            <button type="button" class={classes!("wb-qlist__item", (i == props.selected).then_some("wb-qlist__item--selected"))}
                                aria-current={(i == props.selected).then_some("true")} {onclick}>
                                <span class="wb-qlist__number">{ i + 1 }</span>
                                <span class="wb-qlist__kind">{ label(q) }</span>
                                <span class="wb-qlist__stem">{ if stem.is_empty() { t("（题干是空的）", "(empty stem)").to_string() } else { stem } }</span>
                                if problems > 0 {
                                    <span class="wb-qlist__badge">{ format!("{problems} {}", t("个问题", "problems")) }</span>
                                }
                            </button>
                        </li>
                    }
                }) }
            </ol>
            if matching.len() > SHOWN {
                <p class="wb-note">{ format!("{} {SHOWN} {}", t("只列出前", "Only the first"), t("道：请用搜索或筛选缩小范围。", "are listed: search or filter to narrow them.")) }</p>
            }
        </nav>
    }
}
