//! The bank's questions as a list to search and filter, to pick the one
//! shown in the form.

use super::question_form::{checked_of, value_of};
use bank_tools::draft::{DraftQuestion, Text};
use quiz_core::{Lang, QuestionType};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

quiz_app::messages! {
    /// The question list's filters and counts.
    struct Texts {
        /// The list's accessible name.
        list_label: "题目列表", "Questions";
        /// What the search box searches.
        search_placeholder: "搜索题干、选项、解析、编号", "Search stems, options, explanations, ids";
        /// The search box's accessible name.
        search_label: "搜索题目", "Search questions";
        /// The type filter's accessible name.
        kind: "题型", "Type";
        /// The type filter's choice of every type.
        all_kinds: "全部题型", "All types";
        /// The tag filter's accessible name.
        tag: "标签", "Tag";
        /// The tag filter's choice of every tag.
        all_tags: "全部标签", "All tags";
        /// The difficulty filter's accessible name.
        difficulty: "难度", "Difficulty";
        /// The difficulty filter's choice of every difficulty.
        all_difficulties: "全部难度", "All difficulties";
        /// The easy difficulty.
        easy: "易", "Easy";
        /// The medium difficulty.
        medium: "中", "Medium";
        /// The hard difficulty.
        hard: "难", "Hard";
        /// The box that lists only questions with problems.
        only_problems: "只看有问题的", "Only with problems";
        /// In place of a question's stem when it is empty.
        empty_stem: "（题干是空的）", "(empty stem)";
    }
    impl {
        /// How many questions match the filters, of all.
        fn matching(shown: usize, total: usize):
            "{shown} / {total} 道题",
            "{shown} / {total} questions";
        /// The badge of a question with problems.
        fn problem_count(count: usize): "{count} 个问题", "{count} problems";
        /// Said when more questions match than are listed.
        fn only_first(shown: usize):
            "只列出前 {shown} 道：请用搜索或筛选缩小范围。",
            "Only the first {shown} are listed: search or filter to narrow them.";
    }
}

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
    let text = Texts::of(lang);
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
        <nav class="wb-qlist" aria-label={text.list_label}>
            <div class="wb-qlist__filters">
                <input class="wb-input wb-qlist__search" type="search" value={(*search).clone()} oninput={on_search}
                    placeholder={text.search_placeholder}
                    aria-label={text.search_label} />
                <select class="wb-input wb-qlist__type" onchange={set(&kind)} aria-label={text.kind}>
                    <option value="" selected={kind.is_empty()}>{ text.all_kinds }</option>
                    { for QuestionType::ALL.into_iter().map(|k| html! {
                        <option value={k.key()} selected={*kind == k.key()}>{ k.label(lang) }</option>
                    }) }
                </select>
                <select class="wb-input wb-qlist__tag" onchange={set(&tag)} aria-label={text.tag}>
                    <option value="" selected={tag.is_empty()}>{ text.all_tags }</option>
                    { for props.tag_names.iter().map(|(key, name)| html! {
                        <option value={key.clone()} selected={*tag == *key}>{ if name.zh.is_empty() { key.clone() } else if lang == Lang::En && !name.en.is_empty() { name.en.clone() } else { name.zh.clone() } }</option>
                    }) }
                </select>
                <select class="wb-input wb-qlist__difficulty" onchange={set(&difficulty)} aria-label={text.difficulty}>
                    <option value="" selected={difficulty.is_empty()}>{ text.all_difficulties }</option>
                    <option value="easy" selected={*difficulty == "easy"}>{ text.easy }</option>
                    <option value="medium" selected={*difficulty == "medium"}>{ text.medium }</option>
                    <option value="hard" selected={*difficulty == "hard"}>{ text.hard }</option>
                </select>
                <label class="wb-qlist__problems"><input type="checkbox" checked={*with_problems} onchange={on_problems} />{ text.only_problems }</label>
            </div>
            <p class="wb-qlist__count" role="status">
                { text.matching(matching.len(), props.questions.len()) }
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
                                <span class="wb-qlist__stem">{ if stem.is_empty() { text.empty_stem.to_string() } else { stem } }</span>
                                if problems > 0 {
                                    <span class="wb-qlist__badge">{ text.problem_count(problems) }</span>
                                }
                            </button>
                        </li>
                    }
                }) }
            </ol>
            if matching.len() > SHOWN {
                <p class="wb-note">{ text.only_first(SHOWN) }</p>
            }
        </nav>
    }
}
