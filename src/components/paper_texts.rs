//! The words of shared papers (统一试卷) in zh and en: the link maker on the
//! bank page, the notice when a code does not fit, and the code's label on
//! the result, in a table of their own beside the components that use them.

crate::messages! {
    /// Shared papers' words.
    pub struct PaperTexts {
        /// The code's label on the result page and card.
        paper:
            "试卷",
            "Paper";
        /// The link maker's summary line.
        maker_heading:
            "统一试卷链接（组织者用）",
            "Shared paper link (for coordinators)";
        /// What a shared paper is, for coordinators.
        maker_hint:
            "发给全支部：打开链接的每个人得到相同的题目、题序和选项顺序。题库的题目更新后，旧链接会提示不再适用。",
            "Send it to the whole branch: everyone who opens it gets the same questions, in the same order, with the same option order. Once the bank's questions change, old links say they no longer apply.";
        /// The choice of a custom size.
        custom_paper:
            "自定题数和时间",
            "Choose the number of questions and the time";
        /// The label of the question count.
        count:
            "题数",
            "Questions";
        /// The label of the time in minutes.
        minutes:
            "时间（分钟）",
            "Time (minutes)";
        /// The button that makes a link.
        make:
            "生成链接",
            "Make the link";
        /// The button that makes a new link with a new code.
        make_new:
            "换一份试卷",
            "Make another paper";
        /// The label of the link to copy.
        link_label:
            "试卷链接",
            "Paper link";
        /// The copy button.
        copy:
            "复制链接",
            "Copy link";
        /// Said when the link was copied.
        copied:
            "已复制，可粘贴到支部群。",
            "Copied: paste it into the branch's group.";
        /// Said when the browser would not copy.
        copy_by_hand:
            "无法自动复制：链接已选中，请长按复制。",
            "Could not copy: the link is selected, long-press to copy it.";
        /// The link to the QR code.
        qr:
            "二维码",
            "QR code";
        /// The link that opens the paper, to try it.
        try_it:
            "打开此试卷",
            "Open this paper";
        /// The notice's heading when a code does not fit.
        mismatch_heading:
            "无法打开这份统一试卷",
            "This shared paper cannot be opened";
        /// Why: made for another bank or another version of it.
        other_bank:
            "试卷代码与当前题库不符：链接是为另一个题库、或题库更新前的题目生成的。",
            "The paper code does not fit this question bank: the link was made for another bank, or before the bank's questions changed.";
        /// Why: not a code at all.
        malformed:
            "链接中的试卷代码不完整或有误。",
            "The paper code in the link is incomplete or wrong.";
        /// What to do.
        mismatch_help:
            "请向组织者索取新的试卷链接。也可以到题库页面自行练习或模拟考试。",
            "Please ask your coordinator for a new link. You can also practise or take a mock exam from the bank's page.";
        /// The link to the bank's page.
        to_bank:
            "前往题库页面",
            "Go to the bank's page";
    }
    impl {
        /// The choice of the bank's default paper: its questions and minutes.
        fn default_paper(n: u32, m: u32):
            "默认试卷（{n} 题，{m} 分钟）",
            "Default paper ({n} questions, {m} minutes)";
    }
}
