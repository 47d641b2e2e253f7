//! The workbench's shared interface strings, in Chinese and English; a
//! component with words of its own keeps them in a `messages!` table at the
//! top of its file.
//!
//! Coordinators read Chinese first; the English is for the module's
//! maintainers and foreign-language branches. Problem messages come from
//! `bank-tools` and quiz-core in both languages already.

use quiz_core::Lang;

quiz_app::messages! {
    /// The workbench's interface text, Chinese first.
    pub struct Strings {
        /// The page heading.
        title:
            "题库工作台",
            "Question bank workbench";
        /// The button that opens a problem's field in the form.
        open_field:
            "打开",
            "Open";
        /// What the page is for, under the heading.
        intro:
            "打开手头的题目文件，一次看到所有问题及其位置，改好后下载题库文件和题库清单去发布。不需要安装任何软件。",
            "Open the question files you have, see every problem and where it is, then download the bank file and the bank list to publish. Nothing to install.";
        /// The language switch's label (names the other language).
        switch_language:
            "English",
            "中文";
        /// The switch's accessible name: in the language it switches to
        /// and holding its visible text, as the app's is, so speech input
        /// ("click English") and screen readers agree.
        switch_language_hint:
            "Switch to English",
            "切换到中文";
        /// The drop zone's invitation.
        drop_here:
            "把题目文件拖到这里",
            "Drop a question file here";
        /// The file picker button.
        pick_file:
            "选择文件",
            "Choose a file";
        /// The promise that files stay on this computer.
        nothing_uploaded:
            "文件只在这台电脑的浏览器里读取，不会上传到任何地方。",
            "Files are read by this browser on this computer and never uploaded anywhere.";
        /// The formats the page opens.
        formats:
            "可打开：Excel 表格（.xlsx）、CSV（UTF-8 或 GBK）、GIFT（.gift）、Aiken（.txt）、题库文件（.json）。",
            "Opens: Excel sheets (.xlsx), CSV (UTF-8 or GBK), GIFT (.gift), Aiken (.txt) and bank files (.json).";
        /// The heading of the published banks.
        published_heading:
            "打开已发布的题库",
            "Open a published bank";
        /// While the bank list loads.
        published_loading:
            "正在读取题库清单……",
            "Reading the bank list…";
        /// When the bank list cannot be fetched.
        published_unavailable:
            "读取不到题库清单（questions/index.json），只能打开本机文件。",
            "The bank list (questions/index.json) cannot be read; only files from this computer can be opened.";
        /// The button that opens one published bank.
        open_published:
            "打开",
            "Open";
        /// While a file is read and checked.
        reading:
            "正在读取和检查",
            "Reading and checking";
        /// A file that has no problems.
        no_problems:
            "没有发现问题。",
            "No problems found.";
        /// The heading of the problem list.
        problems_heading:
            "问题",
            "Problems";
        /// Before the count of errors.
        errors_count:
            "错误",
            "errors";
        /// Before the count of warnings.
        warnings_count:
            "提示",
            "warnings";
        /// Said when the bank has errors and cannot be downloaded.
        fix_errors_first:
            "题库有错误，改正后才能下载。请在原文件中按下面的位置修改，再重新打开。",
            "The bank has errors and cannot be downloaded until they are fixed. Change the source file at the places below and open it again.";
        /// Said when the bank loads, with warnings or without.
        bank_ready:
            "题库可以发布。提示不影响发布，但建议看一看。",
            "The bank can be published. Warnings do not stop it, but are worth a look.";
        /// Label of the bank's id.
        bank_id:
            "题库编号",
            "Bank id";
        /// Label of the question count.
        question_count:
            "题目数",
            "Questions";
        /// Label of the version.
        version:
            "版本",
            "Version";
        /// Label of the date of the last change.
        updated:
            "更新日期",
            "Updated";
        /// The heading of the download section.
        download_heading:
            "下载发布文件",
            "Download the files to publish";
        /// The bank JSON download button.
        download_bank:
            "下载题库文件",
            "Download the bank file";
        /// The index.json download button.
        download_index:
            "下载题库清单 index.json",
            "Download the bank list index.json";
        /// What to do with the two downloads.
        download_help:
            "把这两个文件上传到门户的 questions/ 目录，替换原文件，成员刷新后就能看到。",
            "Upload both files to the portal's questions/ folder, replacing the old ones; members see the change after a reload.";
        /// The workbook download button.
        download_workbook:
            "下载 Excel 表格",
            "Download as Excel";
        /// What the workbook is for.
        download_workbook_help:
            "下次修改时，在 Excel 或 WPS 中编辑这个表格（保留编号列），再拖到本页。",
            "For the next round of edits, change this workbook in Excel or WPS (keep the id column) and drop it on this page again.";
        /// When the browser blocked a download.
        download_blocked:
            "浏览器阻止了下载：请换用系统自带的浏览器或电脑浏览器再试。",
            "The browser blocked the download: try the phone's own browser or a computer's.";
        /// When the bank list is unknown, so no index.json can be written.
        index_unavailable:
            "没有读到已发布的题库清单，无法生成更新后的 index.json：请在门户上打开本页后再下载。",
            "The published bank list could not be read, so no updated index.json can be made: open this page on the portal, then download.";
        /// Before the list of what changes in index.json.
        index_changes:
            "index.json 中的变化：",
            "Changes in index.json:";
        /// What joins the changes in index.json in one sentence.
        changes_separator:
            "；",
            "; ";
        /// When nothing changes in index.json.
        index_unchanged:
            "index.json 无需改动。",
            "index.json needs no change.";
        /// Label of the question a problem is in.
        question:
            "题目",
            "question";
        /// Label of the field a problem is in.
        field:
            "字段",
            "field";
    }
}

/// The strings for `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    Strings::of(lang)
}
