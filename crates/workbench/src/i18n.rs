//! Every interface string of the workbench, in Chinese and English.
//!
//! Coordinators read Chinese first; the English is for the module's
//! maintainers and foreign-language branches. Problem messages come from
//! `bank-tools` and quiz-core in both languages already.

use quiz_core::Lang;

/// The workbench's interface text in one language.
pub struct Strings {
    /// The page heading.
    pub title: &'static str,
    /// The button that opens a problem's field in the form.
    pub open_field: &'static str,
    /// What the page is for, under the heading.
    pub intro: &'static str,
    /// The language switch's label (names the other language).
    pub switch_language: &'static str,
    /// The switch's accessible description.
    pub switch_language_hint: &'static str,
    /// The drop zone's invitation.
    pub drop_here: &'static str,
    /// The file picker button.
    pub pick_file: &'static str,
    /// The promise that files stay on this computer.
    pub nothing_uploaded: &'static str,
    /// The formats the page opens.
    pub formats: &'static str,
    /// The heading of the published banks.
    pub published_heading: &'static str,
    /// While the bank list loads.
    pub published_loading: &'static str,
    /// When the bank list cannot be fetched.
    pub published_unavailable: &'static str,
    /// The button that opens one published bank.
    pub open_published: &'static str,
    /// While a file is read and checked.
    pub reading: &'static str,
    /// A file that has no problems.
    pub no_problems: &'static str,
    /// The heading of the problem list.
    pub problems_heading: &'static str,
    /// Label of an error.
    pub error: &'static str,
    /// Label of a warning.
    pub warning: &'static str,
    /// Before the count of errors.
    pub errors_count: &'static str,
    /// Before the count of warnings.
    pub warnings_count: &'static str,
    /// Said when the bank has errors and cannot be downloaded.
    pub fix_errors_first: &'static str,
    /// Said when the bank loads, with warnings or without.
    pub bank_ready: &'static str,
    /// Label of the bank's id.
    pub bank_id: &'static str,
    /// Label of the question count.
    pub question_count: &'static str,
    /// Label of the version.
    pub version: &'static str,
    /// Label of the date of the last change.
    pub updated: &'static str,
    /// The heading of the download section.
    pub download_heading: &'static str,
    /// The bank JSON download button.
    pub download_bank: &'static str,
    /// The index.json download button.
    pub download_index: &'static str,
    /// What to do with the two downloads.
    pub download_help: &'static str,
    /// The workbook download button.
    pub download_workbook: &'static str,
    /// What the workbook is for.
    pub download_workbook_help: &'static str,
    /// When the browser blocked a download.
    pub download_blocked: &'static str,
    /// When the bank list is unknown, so no index.json can be written.
    pub index_unavailable: &'static str,
    /// Before the list of what changes in index.json.
    pub index_changes: &'static str,
    /// When nothing changes in index.json.
    pub index_unchanged: &'static str,
    /// Label of the question a problem is in.
    pub question: &'static str,
    /// Label of the field a problem is in.
    pub field: &'static str,
}

const ZH: Strings = Strings {
    open_field: "打开",
    title: "题库工作台",
    intro: "打开手头的题目文件，一次看到所有问题及其位置，改好后下载题库文件和题库清单去发布。不需要安装任何软件。",
    switch_language: "English",
    switch_language_hint: "切换到英文界面",
    drop_here: "把题目文件拖到这里",
    pick_file: "选择文件",
    nothing_uploaded: "文件只在这台电脑的浏览器里读取，不会上传到任何地方。",
    formats: "可打开：Excel 表格（.xlsx）、CSV（UTF-8 或 GBK）、GIFT（.gift）、Aiken（.txt）、题库文件（.json）。",
    published_heading: "打开已发布的题库",
    published_loading: "正在读取题库清单……",
    published_unavailable: "读取不到题库清单（questions/index.json），只能打开本机文件。",
    open_published: "打开",
    reading: "正在读取和检查",
    no_problems: "没有发现问题。",
    problems_heading: "问题",
    error: "错误",
    warning: "提示",
    errors_count: "错误",
    warnings_count: "提示",
    fix_errors_first: "题库有错误，改正后才能下载。请在原文件中按下面的位置修改，再重新打开。",
    bank_ready: "题库可以发布。提示不影响发布，但建议看一看。",
    bank_id: "题库编号",
    question_count: "题目数",
    version: "版本",
    updated: "更新日期",
    download_heading: "下载发布文件",
    download_bank: "下载题库文件",
    download_index: "下载题库清单 index.json",
    download_help: "把这两个文件上传到门户的 questions/ 目录，替换原文件，成员刷新后就能看到。",
    download_workbook: "下载 Excel 表格",
    download_workbook_help: "下次修改时，在 Excel 或 WPS 中编辑这个表格（保留编号列），再拖到本页。",
    download_blocked: "浏览器阻止了下载：请换用系统自带的浏览器或电脑浏览器再试。",
    index_unavailable: "没有读到已发布的题库清单，无法生成更新后的 index.json：请在门户上打开本页后再下载。",
    index_changes: "index.json 中的变化：",
    index_unchanged: "index.json 无需改动。",
    question: "题目",
    field: "字段",
};

const EN: Strings = Strings {
    open_field: "Open",
    title: "Question bank workbench",
    intro: "Open the question files you have, see every problem and where it is, then download the bank file and the bank list to publish. Nothing to install.",
    switch_language: "中文",
    switch_language_hint: "Switch to Chinese",
    drop_here: "Drop a question file here",
    pick_file: "Choose a file",
    nothing_uploaded: "Files are read by this browser on this computer and never uploaded anywhere.",
    formats: "Opens: Excel sheets (.xlsx), CSV (UTF-8 or GBK), GIFT (.gift), Aiken (.txt) and bank files (.json).",
    published_heading: "Open a published bank",
    published_loading: "Reading the bank list…",
    published_unavailable: "The bank list (questions/index.json) cannot be read; only files from this computer can be opened.",
    open_published: "Open",
    reading: "Reading and checking",
    no_problems: "No problems found.",
    problems_heading: "Problems",
    error: "Error",
    warning: "Warning",
    errors_count: "errors",
    warnings_count: "warnings",
    fix_errors_first: "The bank has errors and cannot be downloaded until they are fixed. Change the source file at the places below and open it again.",
    bank_ready: "The bank can be published. Warnings do not stop it, but are worth a look.",
    bank_id: "Bank id",
    question_count: "Questions",
    version: "Version",
    updated: "Updated",
    download_heading: "Download the files to publish",
    download_bank: "Download the bank file",
    download_index: "Download the bank list index.json",
    download_help: "Upload both files to the portal's questions/ folder, replacing the old ones; members see the change after a reload.",
    download_workbook: "Download as Excel",
    download_workbook_help: "For the next round of edits, change this workbook in Excel or WPS (keep the id column) and drop it on this page again.",
    download_blocked: "The browser blocked the download: try the phone's own browser or a computer's.",
    index_unavailable: "The published bank list could not be read, so no updated index.json can be made: open this page on the portal, then download.",
    index_changes: "Changes in index.json:",
    index_unchanged: "index.json needs no change.",
    question: "question",
    field: "field",
};

/// The strings for `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// One interface text of the editor in the page's language: the editor's
/// many labels sit beside their use, in both languages, rather than in
/// [`Strings`].
pub fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
