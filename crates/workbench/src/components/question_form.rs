//! One question in a form: every field of its type, each with its problems
//! beside it, in Chinese and English.

use super::field_problems::{is_within, FieldProblems};
use bank_tools::draft::Text;
use bank_tools::draft::{join_alternatives, split_alternatives, DraftQuestion, Edit, QuestionEdit};
use bank_tools::open::Problem;
use quiz_core::bank::letter;
use quiz_core::{Lang, QuestionType};
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

quiz_app::messages! {
    /// The labels and notes of a question's form.
    struct Texts {
        /// The accessible name of the question's tools.
        this_question: "这道题", "This question";
        /// Moves the question up the bank.
        move_up: "上移", "Move up";
        /// Moves the question down the bank.
        move_down: "下移", "Move down";
        /// Adds a copy of the question after it.
        duplicate: "复制", "Duplicate";
        /// Deletes the question.
        delete: "删除", "Delete";
        /// The single-choice type.
        type_single: "单选", "Single choice";
        /// The multiple-choice type.
        type_multiple: "多选", "Multiple choice";
        /// The true/false type.
        type_judge: "判断", "True/false";
        /// The fill-in type.
        type_fill: "填空", "Fill in";
        /// The label of the question's type.
        kind: "题型", "Type";
        /// Before an answer the form cannot show.
        unread_before: "文件里写的答案：", "The answer written in the file: ";
        /// After an answer the form cannot show.
        unread_after: "。请在下面重新选择。", ". Choose it again below.";
        /// The heading of a choice question's options.
        options_choice: "选项（勾选正确答案）", "Options (tick the right answer)";
        /// The heading of options a question of its type should not have.
        options_none: "选项（这种题型不需要，请删除）", "Options (this type takes none: remove them)";
        /// The box that keeps an option in its place when options are shuffled.
        fixed: "固定位置", "Fixed";
        /// Removes an option.
        remove: "删除", "Remove";
        /// Adds an option.
        add_option: "添加选项", "Add an option";
        /// The heading of a true/false answer.
        answer: "答案", "Answer";
        /// The true answer.
        judge_true: "正确", "True";
        /// The false answer.
        judge_false: "错误", "False";
        /// The heading of a fill-in question's answers.
        blanks: "每个空的答案（同一个空的几种答案用 / 分隔）", "Answers per blank (alternatives separated by /)";
        /// Removes a blank.
        remove_blank: "删除这个空", "Remove this blank";
        /// Adds a blank.
        add_blank: "添加一个空", "Add a blank";
        /// The heading of the question's tags.
        tags: "标签", "Tags";
        /// Said when the bank has no tags to tick.
        no_tags: "题库还没有标签：可在“题库信息”里添加。", "The bank has no tags yet: add them under Bank details.";
        /// The easy difficulty.
        easy: "易", "Easy";
        /// The medium difficulty.
        medium: "中", "Medium";
        /// The hard difficulty.
        hard: "难", "Hard";
        /// The label of the question's id.
        id: "编号", "Id";
        /// The label of the question's difficulty.
        difficulty: "难度", "Difficulty";
        /// The label of the stem.
        stem: "题干", "Stem";
        /// The label of the explanation.
        explanation: "解析", "Explanation";
        /// The label of the source.
        source: "出处", "Source";
    }
    impl {
        /// A type the form does not know, as the file wrote it.
        fn unknown_kind(kind: &str): "无法识别：“{kind}”", "Unknown: “{kind}”";
        /// The label of an option, by its letter.
        fn option(letter: char): "选项 {letter}", "Option {letter}";
        /// The accessible name of the button that moves an option up.
        fn move_option_up(letter: char): "上移选项 {letter}", "Move up option {letter}";
        /// The accessible name of the button that moves an option down.
        fn move_option_down(letter: char): "下移选项 {letter}", "Move down option {letter}";
        /// The label of a blank, by its number (as before the tables; the spacing is kept).
        fn blank(number: usize): "第 {number} 空", "Blank {number}";
        /// The form's heading: the question's number of how many.
        fn heading(number: usize, count: usize):
            "第 {number} / {count} 题",
            "Question {number} / {count}";
    }
}

/// Props of [`QuestionForm`].
#[derive(Properties, PartialEq)]
pub struct QuestionFormProps {
    /// The question's index in the bank.
    pub index: usize,
    /// How many questions the bank has.
    pub count: usize,
    /// The question.
    pub question: Rc<DraftQuestion>,
    /// The bank's tag names, to tick tags by name.
    pub tag_names: Rc<BTreeMap<String, Text>>,
    /// The problems of this question (field paths `questions[i]…`).
    pub problems: Rc<Vec<Problem>>,
    /// The current language.
    pub lang: Lang,
    /// Called with each change.
    pub on_edit: Callback<Edit>,
}

/// The value of the input, textarea or select an event came from.
pub fn value_of(event: &Event) -> String {
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

/// Whether the checkbox an event came from is ticked.
pub fn checked_of(event: &Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.checked())
}

/// The element id of a question's field, which a problem's click focuses.
pub fn field_id(field: &str) -> String {
    format!("wb-q-{field}")
}

/// A Chinese and an English box for one text, side by side.
#[derive(Properties, PartialEq)]
pub struct BilingualProps {
    /// The field's path inside the question or bank (`stem`, `title`).
    pub field: AttrValue,
    /// The id prefix (`wb-q-` or `wb-b-`).
    pub prefix: AttrValue,
    /// The field's name.
    pub label: AttrValue,
    /// The text.
    pub text: Text,
    /// A multi-line box.
    #[prop_or_default]
    pub long: bool,
    /// The current language.
    pub lang: Lang,
    /// Called with the language and the new text.
    pub on_change: Callback<(Lang, String)>,
}

/// A text's two languages, Chinese first.
#[function_component(Bilingual)]
pub fn bilingual(props: &BilingualProps) -> Html {
    let boxes = [(Lang::Zh, "中文", ""), (Lang::En, "English", ".en")];
    html! {
        <div class="wb-bilingual">
            <span class="wb-label">{ props.label.clone() }</span>
            { for boxes.into_iter().map(|(lang, name, suffix)| {
                let id = format!("{}{}{}", props.prefix, props.field, suffix);
                let on_change = props.on_change.clone();
                let oninput = Callback::from(move |e: InputEvent| on_change.emit((lang, value_of(&e))));
                let value = props.text.get(lang).to_string();
                let label = format!("{} · {name}", props.label);
                html! {
                    <label class="wb-bilingual__box">
                        <span class="wb-bilingual__lang">{ name }</span>
                        if props.long {
                            <textarea id={id} class="wb-input" rows="3" aria-label={label} {value} {oninput} />
                        } else {
                            <input id={id} class="wb-input" type="text" aria-label={label} {value} {oninput} />
                        }
                    </label>
                }
            }) }
        </div>
    }
}

/// A question in a form, with the problems of each field beside it.
#[function_component(QuestionForm)]
pub fn question_form(props: &QuestionFormProps) -> Html {
    let lang = props.lang;
    let text = Texts::of(lang);
    let q = &props.question;
    let index = props.index;
    let base = format!("questions[{index}]");
    let path = |field: &str| AttrValue::from(format!("{base}.{field}"));
    let edit = {
        let on_edit = props.on_edit.clone();
        move |change: QuestionEdit| on_edit.emit(Edit::Question(index, change))
    };
    let cb = |make: fn(String) -> QuestionEdit| {
        let edit = edit.clone();
        Callback::from(move |e: Event| edit(make(value_of(&e))))
    };
    let text_cb = |make: fn(Lang, String) -> QuestionEdit| {
        let edit = edit.clone();
        Callback::from(move |(lang, value): (Lang, String)| edit(make(lang, value)))
    };
    let problems = props.problems.clone();
    let kind = q.kind();
    let choice = matches!(kind, Some(QuestionType::Single | QuestionType::Multiple));
    let has_problems = problems.iter().any(|p| is_within(&p.field, &base));

    let bank_edit = |edit: Edit| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(edit.clone()))
    };
    let toolbar = html! {
        <div class="wb-qform__tools" role="group" aria-label={text.this_question}>
            <button type="button" class="wb-qform__up" disabled={index == 0}
                onclick={bank_edit(Edit::Move(index, true))}>{ text.move_up }</button>
            <button type="button" class="wb-qform__down" disabled={index + 1 >= props.count}
                onclick={bank_edit(Edit::Move(index, false))}>{ text.move_down }</button>
            <button type="button" class="wb-qform__duplicate"
                onclick={bank_edit(Edit::Duplicate(index))}>{ text.duplicate }</button>
            <button type="button" class="wb-qform__delete"
                onclick={bank_edit(Edit::Delete(index))}>{ text.delete }</button>
        </div>
    };

    let types = [
        (QuestionType::Single, text.type_single),
        (QuestionType::Multiple, text.type_multiple),
        (QuestionType::Judge, text.type_judge),
        (QuestionType::Fill, text.type_fill),
    ];
    let type_select = html! {
        <label class="wb-field">
            <span class="wb-label">{ text.kind }</span>
            <select id={field_id("type")} class="wb-input" onchange={cb(QuestionEdit::Kind)}>
                if kind.is_none() {
                    <option value={q.kind.clone()} selected=true>
                        { text.unknown_kind(&q.kind) }
                    </option>
                }
                { for types.into_iter().map(|(k, name)| html! {
                    <option value={k.key()} selected={kind == Some(k)}>{ name }</option>
                }) }
            </select>
            <FieldProblems problems={problems.clone()} path={path("type")} {lang} />
        </label>
    };

    // The answer's letters that name no option, or text that is no letter:
    // what was read, shown until the coordinator picks the answer.
    let chosen = q.chosen();
    let unread_answer = match kind {
        Some(QuestionType::Single | QuestionType::Multiple) => {
            let clean: String = chosen.iter().map(|&i| letter(i)).collect();
            (q.answer.trim() != clean && !q.answer.trim().is_empty()).then(|| q.answer.clone())
        }
        Some(QuestionType::Judge) => {
            (!matches!(q.answer.as_str(), "true" | "false")).then(|| q.answer.clone())
        }
        Some(QuestionType::Fill) => (!q.answer.is_empty()).then(|| q.answer.clone()),
        None => (!q.answer.is_empty()).then(|| q.answer.clone()),
    };
    let unread = unread_answer.map(|raw| {
        html! {
            <p class="wb-unread">
                { text.unread_before }<code>{ raw }</code>
                { text.unread_after }
            </p>
        }
    });

    let options = if choice || !q.options.is_empty() {
        let multiple = kind == Some(QuestionType::Multiple);
        let count = q.options.len();
        html! {
            <fieldset class="wb-options" id={field_id("options")} tabindex="-1">
                <legend>{ if choice { text.options_choice } else { text.options_none } }</legend>
                <div id={field_id("answer")} tabindex="-1" class="wb-options__answer">
                    { unread.clone() }
                    <FieldProblems problems={problems.clone()} path={path("answer")} {lang} />
                </div>
                { for q.options.iter().enumerate().map(|(i, option)| {
                    let is_answer = chosen.contains(&i);
                    let on_answer = {
                        let edit = edit.clone();
                        let chosen = chosen.clone();
                        Callback::from(move |e: Event| {
                            let on = checked_of(&e);
                            let mut next: Vec<usize> = if multiple { chosen.clone() } else { Vec::new() };
                            next.retain(|&c| c != i);
                            if on { next.push(i); }
                            next.sort_unstable();
                            edit(QuestionEdit::Answer(next.into_iter().map(letter).collect()));
                        })
                    };
                    let on_text = {
                        let edit = edit.clone();
                        Callback::from(move |(lang, value): (Lang, String)| edit(QuestionEdit::OptionText(i, lang, value)))
                    };
                    let on_fixed = {
                        let edit = edit.clone();
                        Callback::from(move |e: Event| edit(QuestionEdit::OptionFixed(i, checked_of(&e))))
                    };
                    let click = |change: QuestionEdit| {
                        let edit = edit.clone();
                        Callback::from(move |_: MouseEvent| edit(change.clone()))
                    };
                    let name = format!("wb-answer-{index}");
                    html! {
                        <div class="wb-option">
                            if choice {
                                <label class="wb-option__answer">
                                    <input type={if multiple { "checkbox" } else { "radio" }} name={name}
                                        class="wb-option__correct" checked={is_answer} onchange={on_answer} />
                                    <span>{ letter(i) }</span>
                                </label>
                            } else {
                                <span class="wb-option__answer">{ letter(i) }</span>
                            }
                            <Bilingual field={AttrValue::from(format!("options[{i}]"))} prefix="wb-q-"
                                label={AttrValue::from(text.option(letter(i)))}
                                text={option.text.clone()} {lang} on_change={on_text} />
                            <div class="wb-option__tools">
                                <label><input type="checkbox" checked={option.fixed} onchange={on_fixed} />{ text.fixed }</label>
                                <button type="button" disabled={i == 0} onclick={click(QuestionEdit::MoveOption(i, true))}
                                    aria-label={text.move_option_up(letter(i))}>{ "↑" }</button>
                                <button type="button" disabled={i + 1 >= count} onclick={click(QuestionEdit::MoveOption(i, false))}
                                    aria-label={text.move_option_down(letter(i))}>{ "↓" }</button>
                                <button type="button" class="wb-option__remove" onclick={click(QuestionEdit::RemoveOption(i))}>{ text.remove }</button>
                            </div>
                            <FieldProblems problems={problems.clone()} path={path(&format!("options[{i}]"))} {lang} />
                        </div>
                    }
                }) }
                if choice {
                    <button type="button" class="wb-options__add" disabled={count >= 8}
                        onclick={{ let edit = edit.clone(); Callback::from(move |_: MouseEvent| edit(QuestionEdit::AddOption)) }}>
                        { text.add_option }
                    </button>
                }
                <FieldProblems problems={problems.clone()} path={path("options")} exact=true {lang} />
            </fieldset>
        }
    } else {
        html! {}
    };

    let answer = match kind {
        Some(QuestionType::Judge) => {
            let pick_answer = |value: &'static str| {
                let edit = edit.clone();
                Callback::from(move |_: Event| edit(QuestionEdit::Answer(value.into())))
            };
            html! {
                <fieldset class="wb-judge" id={field_id("answer")} tabindex="-1">
                    <legend>{ text.answer }</legend>
                    { unread.clone() }
                    <label><input type="radio" name={format!("wb-judge-{index}")} class="wb-judge__true"
                        checked={q.answer == "true"} onchange={pick_answer("true")} />{ text.judge_true }</label>
                    <label><input type="radio" name={format!("wb-judge-{index}")} class="wb-judge__false"
                        checked={q.answer == "false"} onchange={pick_answer("false")} />{ text.judge_false }</label>
                    <FieldProblems problems={problems.clone()} path={path("answer")} {lang} />
                </fieldset>
            }
        }
        Some(QuestionType::Fill) => html! {
            <fieldset class="wb-blanks" id={field_id("answer")} tabindex="-1">
                <legend>{ text.blanks }</legend>
                { unread.clone() }
                { for q.blanks.iter().enumerate().map(|(i, blank)| {
                    let on_text = {
                        let edit = edit.clone();
                        Callback::from(move |(lang, value): (Lang, String)| edit(QuestionEdit::Blank(i, lang, split_alternatives(&value))))
                    };
                    let answers = Text { zh: join_alternatives(&blank.zh), en: join_alternatives(&blank.en) };
                    let remove = { let edit = edit.clone(); Callback::from(move |_: MouseEvent| edit(QuestionEdit::RemoveBlank(i))) };
                    html! {
                        <div class="wb-blank">
                            <Bilingual field={AttrValue::from(format!("answer[{i}]"))} prefix="wb-q-"
                                label={AttrValue::from(text.blank(i + 1))}
                                text={answers} {lang} on_change={on_text} />
                            <button type="button" class="wb-blank__remove" onclick={remove}>{ text.remove_blank }</button>
                        </div>
                    }
                }) }
                <button type="button" class="wb-blanks__add"
                    onclick={{ let edit = edit.clone(); Callback::from(move |_: MouseEvent| edit(QuestionEdit::AddBlank)) }}>
                    { text.add_blank }
                </button>
                <FieldProblems problems={problems.clone()} path={path("answer")} {lang} />
            </fieldset>
        },
        None if q.options.is_empty() => html! {
            <div id={field_id("answer")} tabindex="-1">
                { unread.clone() }
                <FieldProblems problems={problems.clone()} path={path("answer")} {lang} />
            </div>
        },
        _ => html! {},
    };

    // Tags: the bank's names to tick, and any key the question has that
    // has no name.
    let mut keys: Vec<String> = props.tag_names.keys().cloned().collect();
    for tag in &q.tags {
        if !keys.contains(tag) {
            keys.push(tag.clone());
        }
    }
    let tags = html! {
        <fieldset class="wb-tags" id={field_id("tags")} tabindex="-1">
            <legend>{ text.tags }</legend>
            if keys.is_empty() {
                <p class="wb-note">{ text.no_tags }</p>
            }
            { for keys.into_iter().map(|key| {
                let name = props.tag_names.get(&key).map(|n| {
                    let shown = n.get(lang);
                    if shown.is_empty() { n.zh.clone() } else { shown.to_string() }
                }).filter(|n| !n.is_empty()).unwrap_or_else(|| key.clone());
                let on = q.tags.contains(&key);
                let edit = edit.clone();
                let k = key.clone();
                let onchange = Callback::from(move |e: Event| edit(QuestionEdit::Tag(k.clone(), checked_of(&e))));
                html! { <label class="wb-tag"><input type="checkbox" checked={on} {onchange} />{ name }</label> }
            }) }
            <FieldProblems problems={problems.clone()} path={path("tags")} {lang} />
        </fieldset>
    };

    let difficulties = [
        ("easy", text.easy),
        ("medium", text.medium),
        ("hard", text.hard),
    ];
    let known_difficulty = difficulties.iter().any(|(k, _)| *k == q.difficulty);
    html! {
        <section class={classes!("wb-qform", has_problems.then_some("wb-qform--problems"))} aria-labelledby="wb-qform-title">
            <h3 id="wb-qform-title" class="wb-qform__title" tabindex="-1">
                { text.heading(index + 1, props.count) }
                { " " }<code class="wb-qform__id">{ q.id.clone() }</code>
            </h3>
            { toolbar }
            <FieldProblems problems={problems.clone()} path={AttrValue::from(base.clone())} exact=true {lang} />
            <div class="wb-qform__row">
                <label class="wb-field">
                    <span class="wb-label">{ text.id }</span>
                    <input id={field_id("id")} class="wb-input" type="text" value={q.id.clone()}
                        oninput={{ let edit = edit.clone(); Callback::from(move |e: InputEvent| edit(QuestionEdit::Id(value_of(&e)))) }} />
                    <FieldProblems problems={problems.clone()} path={path("id")} {lang} />
                </label>
                { type_select }
                <label class="wb-field">
                    <span class="wb-label">{ text.difficulty }</span>
                    <select id={field_id("difficulty")} class="wb-input" onchange={cb(QuestionEdit::Difficulty)}>
                        if !known_difficulty {
                            <option value={q.difficulty.clone()} selected=true>{ q.difficulty.clone() }</option>
                        }
                        { for difficulties.into_iter().map(|(k, name)| html! {
                            <option value={k} selected={q.difficulty == k}>{ name }</option>
                        }) }
                    </select>
                    <FieldProblems problems={problems.clone()} path={path("difficulty")} {lang} />
                </label>
            </div>
            <Bilingual field="stem" prefix="wb-q-" label={text.stem} text={q.stem.clone()} long=true {lang}
                on_change={text_cb(QuestionEdit::Stem)} />
            <FieldProblems problems={problems.clone()} path={path("stem")} {lang} />
            { options }
            { answer }
            <Bilingual field="explanation" prefix="wb-q-" label={text.explanation} text={q.explanation.clone()} long=true {lang}
                on_change={text_cb(QuestionEdit::Explanation)} />
            <FieldProblems problems={problems.clone()} path={path("explanation")} {lang} />
            <Bilingual field="source" prefix="wb-q-" label={text.source} text={q.source.clone()} {lang}
                on_change={text_cb(QuestionEdit::Source)} />
            <FieldProblems problems={problems.clone()} path={path("source")} {lang} />
            { tags }
        </section>
    }
}
