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
};

/// The strings for `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
