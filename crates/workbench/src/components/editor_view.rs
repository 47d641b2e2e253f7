//! The editor of the open bank: its problems (a click opens the field),
//! the question list and form, the bank's details, and undo.

use super::{BankForm, ProblemList, QuestionForm, QuestionList};
use crate::editor::{split_path, Action, Session};
use bank_tools::draft::Edit;
use bank_tools::open::Problem;
use quiz_core::{Lang, QuestionType};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

quiz_app::messages! {
    /// The editor's toolbar, tabs and notes.
    struct Texts {
        /// The toolbar's accessible name.
        toolbar_label: "编辑", "Editing";
        /// The button that undoes the last change.
        undo: "撤销", "Undo";
        /// Before the buttons that add a question of each type.
        add: "添加：", "Add: ";
        /// Adds a single-choice question.
        add_single: "单选", "Single";
        /// Adds a multiple-choice question.
        add_multiple: "多选", "Multiple";
        /// Adds a true/false question.
        add_judge: "判断", "True/false";
        /// Adds a fill-in question.
        add_fill: "填空", "Fill in";
        /// The tab of the question list and form.
        tab_questions: "题目", "Questions";
        /// The tab of the bank's details and paper.
        tab_bank: "题库信息与试卷", "Bank and paper";
        /// The button that brings a deleted question back.
        undo_delete: "撤销删除", "Undo";
        /// In place of the form when the bank has no questions.
        no_questions:
            "题库里还没有题目：用上面的“添加”按钮加一道。",
            "The bank has no questions yet: add one with the buttons above.";
    }
    impl {
        /// The heading of the problems, with how many there are.
        fn problems_summary(count: usize):
            "问题清单：点“打开”直接到要改的地方 ({count})",
            "Problems: Open goes to the field to fix ({count})";
        /// Said after a question is deleted, naming it.
        fn deleted(id: &str): "已删除题目 {id}", "Deleted question {id}";
    }
}

/// Props of [`EditorView`].
#[derive(Properties, PartialEq)]
pub struct EditorViewProps {
    /// The session edited.
    pub session: Rc<Session>,
    /// The problems to show: found when opening, or by the live check.
    pub problems: Rc<Vec<Problem>>,
    /// The current language.
    pub lang: Lang,
    /// Called with each action on the session.
    pub on_action: Callback<Action>,
}

/// Which part of the bank the form shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Questions,
    Bank,
}

/// Focuses the element of a field path, or of the nearest field that
/// holds it (`answer[0].zh[1]` → `answer[0]` → `answer`), and scrolls it
/// into view.
fn focus_field(prefix: &str, field: &str, fallback: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let mut path = field.to_string();
    loop {
        if let Some(element) = document.get_element_by_id(&format!("{prefix}{path}")) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                element.scroll_into_view();
                let _ = element.focus();
                return;
            }
        }
        match path.rfind(['.', '[']) {
            Some(cut) => path.truncate(cut),
            None => break,
        }
    }
    if let Some(element) = document
        .get_element_by_id(fallback)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// The open bank in forms.
#[function_component(EditorView)]
pub fn editor_view(props: &EditorViewProps) -> Html {
    let lang = props.lang;
    let text = Texts::of(lang);
    let session = &props.session;
    let tab = use_state(|| Tab::Questions);
    let deleted = use_state(|| None::<String>);
    {
        let focus = session.focus.clone();
        use_effect_with(focus, move |focus| {
            if let Some((_, field)) = focus {
                match field.strip_prefix("bank:") {
                    Some(field) => focus_field("wb-b-", field, "wb-bform-title"),
                    None => focus_field("wb-q-", field, "wb-qform-title"),
                }
            }
        });
    }
    // Stable while the page's callback is, so the problem list (up to a
    // thousand entries) is not redrawn at each keystroke.
    let on_open_problem = use_callback(
        (props.on_action.clone(), tab.setter()),
        |path: String, (on_action, set_tab)| match split_path(&path) {
            Some((index, field)) => {
                set_tab.set(Tab::Questions);
                on_action.emit(Action::Focus(Some(index), field.to_string()));
            }
            None => {
                set_tab.set(Tab::Bank);
                on_action.emit(Action::Focus(None, format!("bank:{path}")));
            }
        },
    );
    let on_edit = {
        let on_action = props.on_action.clone();
        let deleted = deleted.clone();
        let session = session.clone();
        Callback::from(move |edit: Edit| {
            match &edit {
                Edit::Delete(index) => {
                    deleted.set(session.draft.questions.get(*index).map(|q| q.id.clone()))
                }
                _ => deleted.set(None),
            }
            on_action.emit(Action::Edit(edit));
        })
    };
    let on_undo = {
        let on_action = props.on_action.clone();
        let deleted = deleted.clone();
        Callback::from(move |_: MouseEvent| {
            deleted.set(None);
            on_action.emit(Action::Undo);
        })
    };
    let on_select = {
        let on_action = props.on_action.clone();
        Callback::from(move |index: usize| on_action.emit(Action::Select(index)))
    };
    let add = |kind: QuestionType| {
        let on_edit = on_edit.clone();
        let tab = tab.clone();
        Callback::from(move |_: MouseEvent| {
            tab.set(Tab::Questions);
            on_edit.emit(Edit::Add(kind));
        })
    };
    let show = |to: Tab| {
        let tab = tab.clone();
        Callback::from(move |_: MouseEvent| tab.set(to))
    };
    let draft = &session.draft;
    let questions = Rc::new(draft.questions.clone());
    let tag_names = Rc::new(draft.tag_names.clone());
    let mut counts = vec![0usize; draft.questions.len()];
    for problem in props.problems.iter() {
        if let Some((index, _)) = split_path(&problem.field) {
            if let Some(count) = counts.get_mut(index) {
                *count += 1;
            }
        }
    }
    let selected = session.selected;
    let base = format!("questions[{selected}]");
    let question_problems: Rc<Vec<Problem>> = Rc::new(
        props
            .problems
            .iter()
            .filter(|p| super::field_problems::is_within(&p.field, &base))
            .cloned()
            .collect(),
    );
    let bank_problems: Rc<Vec<Problem>> = Rc::new(
        props
            .problems
            .iter()
            .filter(|p| split_path(&p.field).is_none())
            .cloned()
            .collect(),
    );
    html! {
        <div class="wb-editor">
            if !props.problems.is_empty() {
                <details class="wb-editor__problems" open=true>
                    <summary>{ text.problems_summary(props.problems.len()) }</summary>
                    <ProblemList file={AttrValue::from(session.file.clone())} problems={props.problems.clone()} {lang} on_open={on_open_problem} />
                </details>
            }
            <div class="wb-editor__tools" role="toolbar" aria-label={text.toolbar_label}>
                <button type="button" class="wb-editor__undo" disabled={!session.can_undo()} onclick={on_undo.clone()}>{ text.undo }</button>
                <span class="wb-editor__add">
                    { text.add }
                    <button type="button" class="wb-add--single" onclick={add(QuestionType::Single)}>{ text.add_single }</button>
                    <button type="button" class="wb-add--multiple" onclick={add(QuestionType::Multiple)}>{ text.add_multiple }</button>
                    <button type="button" class="wb-add--judge" onclick={add(QuestionType::Judge)}>{ text.add_judge }</button>
                    <button type="button" class="wb-add--fill" onclick={add(QuestionType::Fill)}>{ text.add_fill }</button>
                </span>
                <span class="wb-editor__tabs" role="tablist">
                    <button type="button" role="tab" class="wb-tab--questions" aria-selected={(*tab == Tab::Questions).to_string()} onclick={show(Tab::Questions)}>{ text.tab_questions }</button>
                    <button type="button" role="tab" class="wb-tab--bank" aria-selected={(*tab == Tab::Bank).to_string()} onclick={show(Tab::Bank)}>{ text.tab_bank }</button>
                </span>
            </div>
            if let Some(id) = &*deleted {
                <p class="wb-deleted" role="status">
                    { text.deleted(id) }{ " " }
                    <button type="button" class="wb-deleted__undo" onclick={on_undo}>{ text.undo_delete }</button>
                </p>
            }
            if *tab == Tab::Bank {
                <BankForm draft={Rc::new(draft.clone())} problems={bank_problems} {lang} on_edit={on_edit.clone()} />
            } else {
                <div class="wb-editor__questions">
                    <QuestionList {questions} problem_counts={Rc::new(counts)} tag_names={tag_names.clone()} {selected} {lang} {on_select} />
                    if let Some(question) = draft.questions.get(selected) {
                        <QuestionForm index={selected} count={draft.questions.len()} question={question.clone()}
                            {tag_names} problems={question_problems} {lang} on_edit={on_edit.clone()} />
                    } else {
                        <p class="wb-note">{ text.no_questions }</p>
                    }
                </div>
            }
        </div>
    }
}
