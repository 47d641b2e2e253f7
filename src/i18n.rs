//! Interface strings in both languages.
//!
//! One struct with a field per message means a missing translation is a
//! compile error, and looking a string up costs nothing at run time.

use quiz_core::Lang;

/// Every fixed piece of interface text.
pub struct Strings {
    /// The app's name in the header.
    pub app_title: &'static str,
    /// The subtitle under the name.
    pub app_tagline: &'static str,
    /// The language switch's label: the language it switches *to*.
    pub switch_language: &'static str,
    /// The accessible description of the language switch.
    pub switch_language_hint: &'static str,
    /// Shown while the manifest is loading.
    pub loading: &'static str,
    /// The heading of the bank list.
    pub banks_heading: &'static str,
    /// The unit after a question count.
    pub questions_unit: &'static str,
    /// The label before a bank's last-updated date.
    pub updated: &'static str,
    /// The error panel's heading.
    pub error_heading: &'static str,
    /// The error panel's label for the file that failed.
    pub error_file: &'static str,
    /// The error panel's retry button.
    pub retry: &'static str,
    /// What a member can do when the error persists.
    pub error_help: &'static str,
    /// A fetch that failed at the network level.
    pub network_failed: &'static str,
    /// A fetch answered with an HTTP error status.
    pub http_status: &'static str,
    /// A response body that could not be read.
    pub read_failed: &'static str,
    /// The footer note about where progress lives.
    pub footer_note: &'static str,
    /// The link back to the bank list.
    pub back_to_banks: &'static str,
    /// The call to action on a bank card.
    pub open_bank: &'static str,
    /// The heading of a bank's contents.
    pub bank_contents: &'static str,
    /// The heading of the tag list.
    pub tags_heading: &'static str,
    /// The heading of the default paper's summary.
    pub paper_heading: &'static str,
    /// The unit of time limits.
    pub minutes: &'static str,
    /// The unit of scores.
    pub points: &'static str,
    /// The label before the pass mark.
    pub pass_mark: &'static str,
    /// The heading of a loaded bank's warnings.
    pub warnings_heading: &'static str,
    /// The heading of the not-found page.
    pub not_found_heading: &'static str,
    /// What the not-found page says.
    pub not_found_text: &'static str,
    /// Said when a link names a bank the manifest lacks.
    pub unknown_bank: &'static str,
    /// The preview page's heading.
    pub preview_heading: &'static str,
    /// What the preview page does.
    pub preview_intro: &'static str,
    /// The file picker's label.
    pub preview_pick: &'static str,
    /// Said when a previewed file has no errors.
    pub preview_ok: &'static str,
    /// Said when a previewed file has errors.
    pub preview_refused: &'static str,
    /// Said when the picked file can't be read.
    pub preview_read_failed: &'static str,
    /// The footer link to the preview page.
    pub preview_link: &'static str,
    /// The heading of the previewed question list.
    pub question_list: &'static str,
    /// The label before an answer.
    pub answer_label: &'static str,
    /// The label before an explanation.
    pub explanation_label: &'static str,
    /// The label before a source.
    pub source_label: &'static str,
    /// The true answer of a judge question.
    pub judge_true: &'static str,
    /// The false answer of a judge question.
    pub judge_false: &'static str,
}

/// Chinese, the default.
pub static ZH: Strings = Strings {
    app_title: "两学一做 学习自测",
    app_tagline: "学党章党规、学系列讲话，做合格党员",
    switch_language: "English",
    switch_language_hint: "Switch to English",
    loading: "正在加载题库……",
    banks_heading: "题库",
    questions_unit: "题",
    updated: "更新于",
    error_heading: "无法加载",
    error_file: "文件",
    retry: "重试",
    error_help: "请检查网络后重试；如果问题仍然存在，请把这段说明发给支部的题库管理员。",
    network_failed: "网络请求失败，可能是网络断开或地址错误。",
    http_status: "服务器返回了错误状态",
    read_failed: "无法读取服务器返回的内容。",
    footer_note: "学习记录只保存在本设备的本浏览器中。",
    back_to_banks: "← 返回题库列表",
    open_bank: "进入",
    bank_contents: "题库内容",
    tags_heading: "章节与专题",
    paper_heading: "模拟考试",
    minutes: "分钟",
    points: "分",
    pass_mark: "及格线",
    warnings_heading: "题库提示（供管理员参考）",
    not_found_heading: "页面不存在",
    not_found_text: "链接可能有误或已过期。",
    unknown_bank: "没有找到这个题库",
    preview_heading: "题库预览与检查",
    preview_intro:
        "选择本机上的题库文件（.json），查看检查结果和题目。文件只在本机浏览器中读取，不会上传。",
    preview_pick: "选择题库文件",
    preview_ok: "检查通过，可以发布。",
    preview_refused: "有错误，修正后才能发布：",
    preview_read_failed: "无法读取所选文件。",
    preview_link: "题库管理员：预览题库文件",
    question_list: "题目",
    answer_label: "答案",
    explanation_label: "解析",
    source_label: "出处",
    judge_true: "正确",
    judge_false: "错误",
};

/// English.
pub static EN: Strings = Strings {
    app_title: "Learning & Being Self-Study",
    app_tagline: "Study the Constitution, regulations and speeches; be a qualified member",
    switch_language: "中文",
    switch_language_hint: "切换到中文",
    loading: "Loading question banks…",
    banks_heading: "Question banks",
    questions_unit: "questions",
    updated: "Updated",
    error_heading: "Could not load",
    error_file: "File",
    retry: "Retry",
    error_help: "Check your connection and retry; if it persists, send this message to your branch's question-bank coordinator.",
    network_failed: "The network request failed: the connection may be down or the address wrong.",
    http_status: "The server answered with an error status",
    read_failed: "The server's answer could not be read.",
    footer_note: "Your progress is kept only in this browser on this device.",
    back_to_banks: "← All banks",
    open_bank: "Open",
    bank_contents: "What's inside",
    tags_heading: "Chapters and topics",
    paper_heading: "Mock exam",
    minutes: "minutes",
    points: "points",
    pass_mark: "Pass mark",
    warnings_heading: "Notes for coordinators",
    not_found_heading: "Page not found",
    not_found_text: "The link may be wrong or out of date.",
    unknown_bank: "There is no such bank",
    preview_heading: "Preview and check a bank",
    preview_intro: "Pick a bank file (.json) on this device to see its check report and questions. The file is read in this browser only; nothing is uploaded.",
    preview_pick: "Choose a bank file",
    preview_ok: "No errors: ready to publish.",
    preview_refused: "Errors to fix before publishing:",
    preview_read_failed: "The chosen file could not be read.",
    preview_link: "Coordinators: preview a bank file",
    question_list: "Questions",
    answer_label: "Answer",
    explanation_label: "Explanation",
    source_label: "Source",
    judge_true: "True",
    judge_false: "False",
};

/// The strings for `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
