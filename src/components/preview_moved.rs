//! What an old `#/preview` link shows: the coordinators' preview of a bank
//! file moved to the workbench (`workbench.html`), so bookmarks and notes
//! that still name it lead there instead of to "not found".

use crate::i18n::strings;
use crate::route::Route;
use quiz_core::Lang;
use yew::prelude::*;

crate::messages! {
    /// The notice's sentences.
    struct Text {
        /// The notice's heading.
        heading:
            "题库预览已移到题库工作台",
            "The bank preview has moved to the workbench";
        /// Where checking a file is done now.
        body:
            "检查题库文件请使用题库工作台：它能打开 Excel 表格、CSV、GIFT、Aiken 和题库文件（.json），一次列出所有问题及其位置，并下载可发布的文件。",
            "Check bank files in the question bank workbench: it opens Excel sheets, CSV, GIFT, Aiken and bank files (.json), lists every problem with its place, and downloads the files to publish.";
        /// The link to the workbench.
        open:
            "打开题库工作台",
            "Open the workbench";
    }
}

/// What [`preview_moved`] shows.
#[derive(PartialEq)]
pub struct PreviewMovedProps {
    /// The current language.
    pub lang: Lang,
}

/// The notice for an old `#/preview` link: the preview's job is the
/// workbench's now, one tap away, and the bank list is the way back.
pub fn preview_moved(props: &PreviewMovedProps) -> Html {
    let text = Text::of(props.lang);
    html! {
        <section class="not-found preview-moved" role="status">
            <h2>{ text.heading }</h2>
            <p>{ text.body }</p>
            <p><a class="button preview-moved__link" href="workbench.html">{ text.open }</a></p>
            <a class="back-link" href={Route::Home.to_hash()}><span class="back-link__mark" aria-hidden="true">{ "← " }</span>{ strings(props.lang).back_to_banks }</a>
        </section>
    }
}
