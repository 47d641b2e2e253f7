//! The bank's own details in a form: its id, title and description, tag
//! names, and the mock exam paper.

use super::field_problems::FieldProblems;
use super::question_form::{checked_of, value_of, Bilingual};
use bank_tools::draft::{DraftBank, Edit, PaperEdit};
use bank_tools::open::Problem;
use quiz_core::{Lang, QuestionType};
use std::rc::Rc;
use yew::prelude::*;

quiz_app::messages! {
    /// The labels and notes of the bank's form.
    struct Texts {
        /// The form's heading.
        heading: "题库信息与试卷", "Bank details and paper";
        /// The label of the bank's id, with what it may hold.
        bank_id:
            "题库编号（文件名，小写字母、数字和 -）",
            "Bank id (the file name: lower-case letters, digits and -)";
        /// The label of the bank's title.
        title: "标题", "Title";
        /// The label of the bank's description.
        description: "简介", "Description";
        /// The heading of the tag names.
        tag_names: "标签名称", "Tag names";
        /// The button that removes a tag or a paper section.
        remove: "删除", "Remove";
        /// The accessible name of the new tag's box.
        new_tag_label: "新标签的编号（小写字母、数字和 -）", "New tag key (lower-case letters, digits and -)";
        /// The example in the new tag's box.
        new_tag_placeholder: "新标签编号，如 chapter-1", "New tag key, e.g. chapter-1";
        /// The button that adds the tag typed.
        add_tag: "添加标签", "Add a tag";
        /// The heading of the mock exam paper.
        paper: "模拟考试试卷", "Mock exam paper";
        /// Said while the paper is still the one laid out from the questions.
        auto_paper:
            "按题目自动排出（与 quizbank import 相同）；改动任何一项后按您的设置。",
            "Laid out from the questions (as quizbank import does); once you change anything, your settings are kept.";
        /// The label of the time limit.
        time_limit: "考试时间（分钟）", "Time limit (minutes)";
        /// The label of the pass mark.
        pass_mark: "及格线（%）", "Pass mark (%)";
        /// The label of the partial credit box.
        partial_credit: "多选题少选得一半分", "Half marks for a partly right multiple choice";
        /// The heading of the sections' type column.
        kind: "题型", "Type";
        /// The heading of the sections' count column.
        count: "题数", "Count";
        /// The heading of the sections' points column.
        points_each: "每题分值", "Points each";
    }
    impl {
        /// The accessible name of a section's count box.
        fn section_count(kind: &str): "{kind} 题数", "{kind} count";
        /// The accessible name of a section's points box.
        fn section_points(kind: &str): "{kind} 每题分值", "{kind} points";
        /// The paper's full marks.
        fn total(points: u32): "总分 {points}", "Total points {points}";
        /// The button that adds a section of a question type.
        fn add_section(kind: &str): "添加：{kind}", "Add: {kind}";
    }
}

/// Props of [`BankForm`].
#[derive(Properties, PartialEq)]
pub struct BankFormProps {
    /// The draft.
    pub draft: Rc<DraftBank>,
    /// Every problem; those outside questions are shown here.
    pub problems: Rc<Vec<Problem>>,
    /// The current language.
    pub lang: Lang,
    /// Called with each change.
    pub on_edit: Callback<Edit>,
}

/// The element id of a bank field, which a problem's click focuses.
pub fn bank_field_id(field: &str) -> String {
    format!("wb-b-{field}")
}

/// A number typed in a box; what is not a number counts as 0, which the
/// check then names.
fn number(event: &Event) -> u32 {
    value_of(event).trim().parse().unwrap_or(0)
}

/// The bank's details and paper.
#[function_component(BankForm)]
pub fn bank_form(props: &BankFormProps) -> Html {
    let lang = props.lang;
    let text = Texts::of(lang);
    let draft = &props.draft;
    let problems = props.problems.clone();
    let emit = {
        let on_edit = props.on_edit.clone();
        move |edit: Edit| on_edit.emit(edit)
    };
    let paper_cb = |make: fn(u32) -> PaperEdit| {
        let emit = emit.clone();
        Callback::from(move |e: Event| emit(Edit::Paper(make(number(&e)))))
    };
    let new_tag = use_state(String::new);
    let paper = draft.effective_paper();
    let total: u32 = paper.sections.iter().map(|s| s.count * s.points).sum();
    html! {
        <section class="wb-bform" aria-labelledby="wb-bform-title">
            <h3 id="wb-bform-title" tabindex="-1">{ text.heading }</h3>
            <label class="wb-field">
                <span class="wb-label">{ text.bank_id }</span>
                <input id={bank_field_id("id")} class="wb-input" type="text" value={draft.id.clone()}
                    oninput={{ let emit = emit.clone(); Callback::from(move |e: InputEvent| emit(Edit::BankId(value_of(&e)))) }} />
                <FieldProblems problems={problems.clone()} path="id" exact=true {lang} />
            </label>
            <Bilingual field="title" prefix="wb-b-" label={text.title} text={draft.title.clone()} {lang}
                on_change={{ let emit = emit.clone(); Callback::from(move |(l, v)| emit(Edit::Title(l, v))) }} />
            <FieldProblems problems={problems.clone()} path="title" {lang} />
            <Bilingual field="description" prefix="wb-b-" label={text.description} text={draft.description.clone()} long=true {lang}
                on_change={{ let emit = emit.clone(); Callback::from(move |(l, v)| emit(Edit::Description(l, v))) }} />
            <FieldProblems problems={problems.clone()} path="description" {lang} />

            <fieldset class="wb-tagnames" id={bank_field_id("tag_names")} tabindex="-1">
                <legend>{ text.tag_names }</legend>
                { for draft.tag_names.iter().map(|(key, name)| {
                    let k = key.clone();
                    let on_change = { let emit = emit.clone(); Callback::from(move |(l, v)| emit(Edit::TagName(k.clone(), l, v))) };
                    let k = key.clone();
                    let remove = { let emit = emit.clone(); Callback::from(move |_: MouseEvent| emit(Edit::RemoveTag(k.clone()))) };
                    html! {
                        <div class="wb-tagname">
                            <Bilingual field={AttrValue::from(format!("tag_names.{key}"))} prefix="wb-b-"
                                label={AttrValue::from(key.clone())} text={name.clone()} {lang} {on_change} />
                            <button type="button" onclick={remove}>{ text.remove }</button>
                            <FieldProblems problems={problems.clone()} path={AttrValue::from(format!("tag_names.{key}"))} {lang} />
                        </div>
                    }
                }) }
                <div class="wb-tagname__add">
                    <input class="wb-input" type="text" value={(*new_tag).clone()}
                        aria-label={text.new_tag_label}
                        placeholder={text.new_tag_placeholder}
                        oninput={{ let new_tag = new_tag.clone(); Callback::from(move |e: InputEvent| new_tag.set(value_of(&e))) }} />
                    <button type="button" onclick={{
                        let emit = emit.clone();
                        let new_tag = new_tag.clone();
                        Callback::from(move |_: MouseEvent| { emit(Edit::AddTag((*new_tag).clone())); new_tag.set(String::new()); })
                    }}>{ text.add_tag }</button>
                </div>
                <FieldProblems problems={problems.clone()} path="tag_names" exact=true {lang} />
            </fieldset>

            <fieldset class="wb-paper" id={bank_field_id("paper")} tabindex="-1">
                <legend>{ text.paper }</legend>
                if draft.auto_paper {
                    <p class="wb-note">{ text.auto_paper }</p>
                }
                <div class="wb-qform__row">
                    <label class="wb-field">
                        <span class="wb-label">{ text.time_limit }</span>
                        <input id={bank_field_id("paper.time_limit_minutes")} class="wb-input" type="number" min="1" max="180"
                            value={paper.time_limit_minutes.to_string()} onchange={paper_cb(PaperEdit::TimeLimit)} />
                    </label>
                    <label class="wb-field">
                        <span class="wb-label">{ text.pass_mark }</span>
                        <input id={bank_field_id("paper.pass_percent")} class="wb-input" type="number" min="1" max="100"
                            value={paper.pass_percent.to_string()} onchange={paper_cb(PaperEdit::PassPercent)} />
                    </label>
                    <label class="wb-field wb-field--check">
                        <input type="checkbox" checked={paper.partial_credit}
                            onchange={{ let emit = emit.clone(); Callback::from(move |e: Event| emit(Edit::Paper(PaperEdit::PartialCredit(checked_of(&e))))) }} />
                        { text.partial_credit }
                    </label>
                </div>
                <table class="wb-sections">
                    <thead><tr><th>{ text.kind }</th><th>{ text.count }</th><th>{ text.points_each }</th><th></th></tr></thead>
                    <tbody>
                        { for paper.sections.iter().enumerate().map(|(i, s)| {
                            let (count, points) = (s.count, s.points);
                            let on_count = { let emit = emit.clone(); Callback::from(move |e: Event| emit(Edit::Paper(PaperEdit::Section(i, number(&e), points)))) };
                            let on_points = { let emit = emit.clone(); Callback::from(move |e: Event| emit(Edit::Paper(PaperEdit::Section(i, count, number(&e))))) };
                            let remove = { let emit = emit.clone(); Callback::from(move |_: MouseEvent| emit(Edit::Paper(PaperEdit::RemoveSection(i)))) };
                            html! {
                                <tr>
                                    <td>{ s.kind.label(lang) }</td>
                                    <td><input id={bank_field_id(&format!("paper.sections[{i}].count"))} class="wb-input" type="number" min="1"
                                        aria-label={text.section_count(s.kind.label(lang))} value={count.to_string()} onchange={on_count} /></td>
                                    <td><input id={bank_field_id(&format!("paper.sections[{i}].points"))} class="wb-input" type="number" min="1"
                                        aria-label={text.section_points(s.kind.label(lang))} value={points.to_string()} onchange={on_points} /></td>
                                    <td><button type="button" onclick={remove}>{ text.remove }</button></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                <p class="wb-note">{ text.total(total) }</p>
                <div class="wb-paper__add">
                    { for QuestionType::ALL.into_iter().filter(|k| !paper.sections.iter().any(|s| s.kind == *k)).map(|k| {
                        let emit = emit.clone();
                        html! { <button type="button" onclick={Callback::from(move |_: MouseEvent| emit(Edit::Paper(PaperEdit::AddSection(k))))}>
                            { text.add_section(k.label(lang)) }</button> }
                    }) }
                </div>
                <FieldProblems problems={problems.clone()} path="paper" {lang} />
            </fieldset>
        </section>
    }
}
