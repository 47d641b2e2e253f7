//! The words of shared papers (统一试卷) in zh and en: the link maker on the
//! bank page, the notice when a code does not fit, and the code's label on
//! the result. Kept here, beside the components that use them, until the
//! app's string table takes them over.

use quiz_core::Lang;

/// Shared papers' words in one language.
pub struct PaperTexts {
    /// The code's label on the result page and card.
    pub paper: &'static str,
    /// The link maker's summary line.
    pub maker_heading: &'static str,
    /// What a shared paper is, for coordinators.
    pub maker_hint: &'static str,
    /// The choice of the bank's default paper, with `{n}` questions and
    /// `{m}` minutes.
    pub default_paper: &'static str,
    /// The choice of a custom size.
    pub custom_paper: &'static str,
    /// The label of the question count.
    pub count: &'static str,
    /// The label of the time in minutes.
    pub minutes: &'static str,
    /// The button that makes a link.
    pub make: &'static str,
    /// The button that makes a new link with a new code.
    pub make_new: &'static str,
    /// The label of the link to copy.
    pub link_label: &'static str,
    /// The copy button.
    pub copy: &'static str,
    /// Said when the link was copied.
    pub copied: &'static str,
    /// Said when the browser would not copy.
    pub copy_by_hand: &'static str,
    /// The link to the QR code.
    pub qr: &'static str,
    /// The link that opens the paper, to try it.
    pub try_it: &'static str,
    /// The notice's heading when a code does not fit.
    pub mismatch_heading: &'static str,
    /// Why: made for another bank or another version of it.
    pub other_bank: &'static str,
    /// Why: not a code at all.
    pub malformed: &'static str,
    /// What to do.
    pub mismatch_help: &'static str,
    /// The link to the bank's page.
    pub to_bank: &'static str,
}

/// Shared papers' words in `lang`.
pub fn paper_texts(lang: Lang) -> &'static PaperTexts {
    const ZH: PaperTexts = PaperTexts {
        paper: "试卷",
        maker_heading: "统一试卷链接（组织者用）",
        maker_hint: "发给全支部：打开链接的每个人得到相同的题目、题序和选项顺序。题库的题目更新后，旧链接会提示不再适用。",
        default_paper: "默认试卷（{n} 题，{m} 分钟）",
        custom_paper: "自定题数和时间",
        count: "题数",
        minutes: "时间（分钟）",
        make: "生成链接",
        make_new: "换一份试卷",
        link_label: "试卷链接",
        copy: "复制链接",
        copied: "已复制，可粘贴到支部群。",
        copy_by_hand: "无法自动复制：链接已选中，请长按复制。",
        qr: "二维码",
        try_it: "打开此试卷",
        mismatch_heading: "无法打开这份统一试卷",
        other_bank: "试卷代码与当前题库不符：链接是为另一个题库、或题库更新前的题目生成的。",
        malformed: "链接中的试卷代码不完整或有误。",
        mismatch_help: "请向组织者索取新的试卷链接。也可以到题库页面自行练习或模拟考试。",
        to_bank: "前往题库页面",
    };
    const EN: PaperTexts = PaperTexts {
        paper: "Paper",
        maker_heading: "Shared paper link (for coordinators)",
        maker_hint: "Send it to the whole branch: everyone who opens it gets the same questions, in the same order, with the same option order. Once the bank's questions change, old links say they no longer apply.",
        default_paper: "Default paper ({n} questions, {m} minutes)",
        custom_paper: "Choose the number of questions and the time",
        count: "Questions",
        minutes: "Time (minutes)",
        make: "Make the link",
        make_new: "Make another paper",
        link_label: "Paper link",
        copy: "Copy link",
        copied: "Copied: paste it into the branch's group.",
        copy_by_hand: "Could not copy: the link is selected, long-press to copy it.",
        qr: "QR code",
        try_it: "Open this paper",
        mismatch_heading: "This shared paper cannot be opened",
        other_bank: "The paper code does not fit this question bank: the link was made for another bank, or before the bank's questions changed.",
        malformed: "The paper code in the link is incomplete or wrong.",
        mismatch_help: "Please ask your coordinator for a new link. You can also practise or take a mock exam from the bank's page.",
        to_bank: "Go to the bank's page",
    };
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
