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
    /// Under the bank list: which texts the questions follow.
    pub texts_in_force: &'static str,
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
    /// A file took too long to arrive.
    pub timed_out: &'static str,
    /// The link back to the bank list (its arrow is a decorative mark
    /// outside the string, hidden from screen readers).
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
    /// The footer link to the coordinators' workbench (workbench.html).
    pub workbench_link: &'static str,
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
    /// The heading of the bank page's activity links.
    pub activities_heading: &'static str,
    /// The mock exam activity.
    pub exam_label: &'static str,
    /// What the mock exam is.
    pub exam_hint: &'static str,
    /// The practice activity.
    pub practice_label: &'static str,
    /// What practice is.
    pub practice_hint: &'static str,
    /// The sequential practice activity.
    pub sequential_label: &'static str,
    /// What sequential practice is.
    pub sequential_hint: &'static str,
    /// The study activity.
    pub read_label: &'static str,
    /// What study is.
    pub read_hint: &'static str,
    /// The hint above the tag links.
    pub topic_hint: &'static str,
    /// The custom exam form's heading.
    pub custom_exam: &'static str,
    /// The question count field's label.
    pub question_count: &'static str,
    /// The time field's label.
    pub time_minutes: &'static str,
    /// The button that starts a custom exam.
    pub start: &'static str,
    /// Shown when a link had bad parameters.
    pub ignored_params: &'static str,
    /// Shown when a selection has no questions.
    pub no_questions: &'static str,
    /// The word between current and total question numbers.
    pub question_of: &'static str,
    /// The previous-question button.
    pub previous: &'static str,
    /// The next-question button.
    pub next: &'static str,
    /// The flag-for-review button.
    pub flag: &'static str,
    /// The unflag button.
    pub unflag: &'static str,
    /// The practice check button.
    pub check_answer: &'static str,
    /// The submit button.
    pub submit: &'static str,
    /// The submit dialog's question.
    pub submit_confirm: &'static str,
    /// The unanswered count phrase; a number precedes it.
    pub unanswered_left: &'static str,
    /// Said when every question is answered.
    pub all_answered: &'static str,
    /// The cancel button of the submit dialog.
    pub keep_going: &'static str,
    /// The timer's label.
    pub time_left: &'static str,
    /// Announced when a minute is left.
    pub time_warning: &'static str,
    /// Announced when some minutes are left; {n} is how many.
    pub time_minutes_left: &'static str,
    /// Announced when ten seconds are left.
    pub time_ten_seconds: &'static str,
    /// The question navigator's label.
    pub navigator: &'static str,
    /// The answered legend.
    pub answered: &'static str,
    /// The flagged legend.
    pub flagged: &'static str,
    /// A right answer.
    pub correct: &'static str,
    /// A wrong answer.
    pub wrong: &'static str,
    /// A partly right answer.
    pub partial: &'static str,
    /// An unanswered question.
    pub unanswered: &'static str,
    /// The label before the member's answer.
    pub your_answer: &'static str,
    /// A blank's label, which names its input; {n} is the blank's number.
    pub blank_label: &'static str,
    /// The true button.
    pub true_label: &'static str,
    /// The false button.
    pub false_label: &'static str,
    /// The result page's heading.
    pub result_heading: &'static str,
    /// A pass.
    pub passed: &'static str,
    /// A fail.
    pub failed: &'static str,
    /// Said when time ran out.
    pub time_up: &'static str,
    /// The time-used label.
    pub time_used: &'static str,
    /// The score label.
    pub score_label: &'static str,
    /// The by-type breakdown heading.
    pub by_type: &'static str,
    /// The by-tag breakdown heading.
    pub by_tag: &'static str,
    /// The by-type breakdown's first column header.
    pub col_type: &'static str,
    /// The by-tag breakdown's first column header.
    pub col_tag: &'static str,
    /// The review heading.
    pub review: &'static str,
    /// The wrong-only filter.
    pub wrong_only: &'static str,
    /// The retake button.
    pub retake: &'static str,
    /// The practise-again button.
    pub practice_again: &'static str,
    /// The practice finish button.
    pub finish_practice: &'static str,
    /// The all-tags filter.
    pub filter_all: &'static str,
    /// The link back to the bank page (its arrow is a decorative mark
    /// outside the string).
    pub back_to_bank: &'static str,
    /// The preview's practise button.
    pub practice_preview: &'static str,
    /// The correct-count label.
    pub correct_count: &'static str,
    /// The banner when storage is blocked.
    pub storage_unavailable: &'static str,
    /// The banner when a save failed.
    pub storage_write_failed: &'static str,
    /// The banner for data from a newer app version.
    pub storage_read_only: &'static str,
    /// The banner after unreadable data was kept aside.
    pub storage_quarantined: &'static str,
    /// The banner for data from a newer app version that this one cannot
    /// read at all, so the pages are empty.
    pub storage_read_only_hidden: &'static str,
    /// Shown on the quiz page when the unfinished exam could not be saved.
    pub active_save_failed: &'static str,
    /// The best-score label on a bank card.
    pub best_score: &'static str,
    /// The attempts-count label on a bank card.
    pub attempts_label: &'static str,
    /// The note on where progress lives.
    pub device_note: &'static str,
    /// Shown when an unfinished exam was resumed.
    pub resumed: &'static str,
    /// Shown when an unfinished exam could not be resumed because the bank
    /// changed since it started.
    pub resume_discarded: &'static str,
    /// The wrong-answer book link.
    pub wrong_book: &'static str,
    /// What the wrong-answer book is.
    pub wrong_book_hint: &'static str,
    /// The daily practice link.
    pub daily: &'static str,
    /// What daily practice is.
    pub daily_hint: &'static str,
    /// The favourites link.
    pub favourites: &'static str,
    /// What favourites are.
    pub favourites_hint: &'static str,
    /// The mark-as-favourite button (its star is a decorative mark outside
    /// the string).
    pub favourite_add: &'static str,
    /// The unmark button.
    pub favourite_remove: &'static str,
    /// The streak label; a number follows.
    pub streak: &'static str,
    /// Today's answered count label.
    pub today_answered: &'static str,
    /// The link to the progress page.
    pub nav_progress: &'static str,
    /// The link to the backup page.
    pub nav_backup: &'static str,
    /// The spaced-review link and count label.
    pub due_review: &'static str,
    /// What the spaced review is.
    pub due_review_hint: &'static str,
    /// The study calendar's heading.
    pub calendar_heading: &'static str,
    /// The calendar legend's low end.
    pub calendar_less: &'static str,
    /// The calendar legend's high end.
    pub calendar_more: &'static str,
    /// The score trend's heading.
    pub trend_heading: &'static str,
    /// Shown before any exam.
    pub trend_empty: &'static str,
    /// The chart's description for screen readers; a number follows.
    pub trend_caption: &'static str,
    /// The per-bank table's heading.
    pub tallies_heading: &'static str,
    /// The history's heading.
    pub history_heading: &'static str,
    /// Shown when the history is empty.
    pub history_empty: &'static str,
    /// The practice mode's name in the history.
    pub practice_mode: &'static str,
    /// The per-question outcomes' summary.
    pub outcomes_label: &'static str,
    /// The notice after old attempts were pruned; {n} is the count.
    pub pruned_notice: &'static str,
    /// The per-tag accuracy heading on a bank page.
    pub by_chapter: &'static str,
    /// Shown for a tag never answered.
    pub not_answered_yet: &'static str,
    /// What backups are for.
    pub backup_intro: &'static str,
    /// The export section's heading.
    pub export_heading: &'static str,
    /// The save-as-file button.
    pub export_file: &'static str,
    /// The show-text button.
    pub export_text: &'static str,
    /// Shown when a download cannot start (e.g. inside WeChat).
    pub export_file_failed: &'static str,
    /// The copy button.
    pub copy_text: &'static str,
    /// Shown after copying.
    pub copied: &'static str,
    /// Shown when copying is not allowed.
    pub copy_manual: &'static str,
    /// The import section's heading.
    pub import_heading: &'static str,
    /// What importing does.
    pub import_intro: &'static str,
    /// The file picker's label.
    pub import_pick: &'static str,
    /// The paste box's label.
    pub import_paste: &'static str,
    /// The check button.
    pub import_check: &'static str,
    /// The preview's heading.
    pub import_preview: &'static str,
    /// Preview line; {n} is a count.
    pub preview_new_attempts: &'static str,
    /// Preview line; {n} is a count.
    pub preview_new_questions: &'static str,
    /// Preview line; {n} is a count.
    pub preview_newer_questions: &'static str,
    /// Preview line; {n} is a count.
    pub preview_new_days: &'static str,
    /// Preview warning; {n} is a count.
    pub preview_pruned: &'static str,
    /// Preview warning; {n} is a count.
    pub preview_details_dropped: &'static str,
    /// When the backup adds nothing.
    pub preview_nothing: &'static str,
    /// The merge button.
    pub import_merge: &'static str,
    /// Shown after importing.
    pub import_done: &'static str,
    /// When progress is read-only.
    pub import_read_only: &'static str,
    /// Import error.
    pub backup_empty: &'static str,
    /// Import error.
    pub backup_too_large: &'static str,
    /// Import error.
    pub backup_not_json: &'static str,
    /// Import error.
    pub backup_not_backup: &'static str,
    /// Import error.
    pub backup_newer: &'static str,
    /// Import error; the reason follows.
    pub backup_damaged: &'static str,
    /// Import error; {n} is the number of attempts found.
    pub backup_too_many: &'static str,
    /// Import error: the chosen file could not be read.
    pub backup_unreadable_file: &'static str,
    /// Why exporting matters on iPhones, and that storage was asked to last.
    pub backup_keep_note: &'static str,
    /// The heading of the unreadable copies kept aside.
    pub quarantine_heading: &'static str,
    /// What those copies are; {n} is how many are kept at most.
    pub quarantine_intro: &'static str,
    /// One copy's label; the local date and time follow.
    pub quarantine_kept_at: &'static str,
    /// The button that lists more of the history.
    pub show_more: &'static str,
    /// The per-bank table's answered-questions column, kept short for phones.
    pub col_answered: &'static str,
    /// The per-bank table's accuracy column.
    pub col_accuracy: &'static str,
    /// The per-bank table's due-review column.
    pub col_due: &'static str,
    /// The per-bank table's wrong-answer-book column.
    pub col_wrong: &'static str,
    /// The per-bank table's best-exam column.
    pub col_best: &'static str,
    /// Said when a coordinator published new questions while the app was open.
    pub new_questions: &'static str,
    /// The button that reloads the page for new questions.
    pub reload: &'static str,
    /// The footer link to the device check page.
    pub check_link: &'static str,
}

/// Chinese, the default.
pub static ZH: Strings = Strings {
    app_title: "两学一做 学习自测",
    app_tagline: "学党章党规、学系列讲话，做合格党员",
    switch_language: "English",
    switch_language_hint: "Switch to English",
    loading: "正在加载题库……",
    banks_heading: "题库",
    texts_in_force: "题目以现行有效的文本为准（党章为2022年10月党的二十大修改的版本，党规为现行版本）；答案随版本变化的题目，题干中注明了版本。",
    questions_unit: "题",
    updated: "更新于",
    error_heading: "无法加载",
    error_file: "文件",
    retry: "重试",
    error_help: "请检查网络后重试；如果问题仍然存在，请把这段说明发给支部的题库管理员。",
    network_failed: "网络请求失败，可能是网络断开或地址错误。",
    http_status: "服务器返回了错误状态",
    read_failed: "无法读取服务器返回的内容。",
    timed_out: "文件长时间没有下载完成：网络可能很慢或已中断。请检查网络（Wi-Fi 或移动数据）后点“重试”。",
    back_to_banks: "返回题库列表",
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
    workbench_link: "题库管理员：题库工作台",
    question_list: "题目",
    answer_label: "答案",
    explanation_label: "解析",
    source_label: "出处",
    judge_true: "正确",
    judge_false: "错误",
    activities_heading: "学习方式",
    exam_label: "模拟考试",
    exam_hint: "限时作答，交卷后显示成绩和解析",
    practice_label: "随机练习",
    practice_hint: "每题作答后立即显示对错和解析",
    sequential_label: "顺序练习",
    sequential_hint: "按题库顺序逐题练习",
    read_label: "背题",
    read_hint: "浏览题目、答案和解析，可按章节筛选",
    topic_hint: "专项练习：点选章节或专题",
    custom_exam: "自定义考试",
    question_count: "题数",
    time_minutes: "时间（分钟）",
    start: "开始",
    ignored_params: "链接中的部分参数无效，已使用默认设置：",
    no_questions: "没有符合条件的题目。",
    question_of: "/",
    previous: "上一题",
    next: "下一题",
    flag: "标记",
    unflag: "取消标记",
    check_answer: "确认答案",
    submit: "交卷",
    submit_confirm: "确定交卷吗？",
    unanswered_left: "道题还没有作答。",
    all_answered: "所有题目都已作答。",
    keep_going: "继续作答",
    time_left: "剩余时间",
    time_warning: "还剩 1 分钟",
    time_minutes_left: "还剩 {n} 分钟",
    time_ten_seconds: "还剩 10 秒",
    navigator: "题目导航",
    answered: "已答",
    flagged: "已标记",
    correct: "回答正确",
    wrong: "回答错误",
    partial: "部分正确",
    unanswered: "未作答",
    your_answer: "你的答案",
    blank_label: "第 {n} 空",
    true_label: "正确",
    false_label: "错误",
    result_heading: "成绩",
    passed: "及格",
    failed: "不及格",
    time_up: "时间到，已自动交卷。",
    time_used: "用时",
    score_label: "得分",
    by_type: "按题型",
    by_tag: "按章节",
    col_type: "题型",
    col_tag: "章节",
    review: "逐题回顾",
    wrong_only: "只看错题",
    retake: "重新考试（重新抽题）",
    practice_again: "再练一次",
    finish_practice: "结束练习",
    filter_all: "全部",
    back_to_bank: "返回题库",
    practice_preview: "用这个文件练习",
    correct_count: "答对",
    storage_unavailable: "本浏览器不允许保存数据，学习记录不会被保存（可在浏览器设置中允许本网站存储数据）。",
    storage_write_failed: "学习记录保存失败（存储空间可能已满），本次记录暂存在页面中。",
    storage_read_only: "学习记录来自更新版本的应用，本页只读显示，不会改动这些记录。请刷新页面以使用新版本。",
    storage_quarantined: "已保存的学习记录无法读取，已另行保留（可在“备份与恢复”页导出），本次从头开始记录。",
    storage_read_only_hidden: "学习记录来自更新版本的应用，本版本无法读取，因此页面上暂不显示；这些记录仍完整保存在本机，不会被改动。请刷新页面以使用新版本。",
    active_save_failed: "本次考试的进度未能保存到本机（存储已满或被浏览器禁止）：请不要刷新或离开本页，否则将无法继续本次考试。",
    best_score: "最好成绩",
    attempts_label: "已练习",
    wrong_book: "错题本",
    wrong_book_hint: "练习答错过的题；连续答对 3 次后移出",
    daily: "每日一练",
    daily_hint: "今天的 10 道题，全支部相同",
    favourites: "收藏",
    favourites_hint: "练习你收藏的题目",
    favourite_add: "收藏",
    favourite_remove: "已收藏",
    streak: "已连续学习（天）",
    today_answered: "今日已答",
    resumed: "已恢复上次未完成的考试：题目、答案和截止时间不变。",
    resume_discarded: "上次未完成的考试开始后题库已更新，无法按原题继续，已为你重新出题。",
    device_note: "学习记录只保存在本设备的本浏览器中；门户网站里嵌入的页面和微信里打开的页面各自保存，互不相通。",
    nav_progress: "我的学习",
    nav_backup: "备份与恢复",
    due_review: "今日待复习",
    due_review_hint: "按遗忘规律安排的复习题，答对后间隔逐渐拉长",
    calendar_heading: "学习日历",
    calendar_less: "少",
    calendar_more: "多",
    trend_heading: "模拟考试得分率",
    trend_empty: "完成一次模拟考试后，这里会显示得分走势。",
    trend_caption: "最近的模拟考试得分率（%），共",
    tallies_heading: "各题库情况",
    history_heading: "考试与练习记录",
    history_empty: "还没有记录。完成一次考试或练习后会显示在这里。",
    practice_mode: "练习",
    outcomes_label: "逐题情况",
    pruned_notice: "为节省本机存储空间，已清理最早的 {n} 条记录（保留最近 1000 条；错题本、收藏和学习日历不受影响）。",
    by_chapter: "各章节正确率",
    not_answered_yet: "尚未作答",
    backup_intro: "学习记录只保存在本浏览器中。换手机、清理浏览器数据，或在门户网站与微信之间转移记录前，请先导出备份，再在另一处导入。",
    export_heading: "导出备份",
    export_file: "保存为文件",
    export_text: "显示备份文本（手机上可复制）",
    export_file_failed: "此浏览器无法保存文件，请改用备份文本复制。",
    copy_text: "复制",
    copied: "已复制，可粘贴到备忘录或发送给自己。",
    copy_manual: "请长按文本框，全选后复制。",
    import_heading: "导入备份",
    import_intro: "选择备份文件，或把备份文本粘贴到下面。导入会合并记录：错题本、收藏、复习安排和学习日历只增不减；考试与练习记录最多保留最近 1000 条，超出时会先列出将被清理的条数，确认后才导入。",
    import_pick: "选择备份文件",
    import_paste: "或粘贴备份文本",
    import_check: "检查",
    import_preview: "导入后将会：",
    preview_new_attempts: "新增 {n} 条考试与练习记录",
    preview_new_questions: "新增 {n} 道题的作答记录",
    preview_newer_questions: "用备份中较新的记录更新 {n} 道题",
    preview_new_days: "新增 {n} 个学习日",
    preview_pruned: "记录超过 1000 条上限，最早的 {n} 条考试与练习记录将被清理",
    preview_details_dropped: "{n} 条较早的记录只保留成绩，不再保留逐题结果（逐题结果只保留最近 200 条）",
    preview_nothing: "备份中的内容本机都已有，无需导入。",
    import_merge: "合并导入",
    import_done: "已导入并保存。",
    import_read_only: "本机的学习记录来自更新版本的应用，当前只读，不能导入。请刷新页面。",
    backup_empty: "没有内容：请选择备份文件或粘贴备份文本。",
    backup_too_large: "内容太大，不是本应用的备份。",
    backup_not_json: "文本不完整或已损坏，可能复制时少了一部分。请重新复制全部文本。",
    backup_not_backup: "这不是本应用的备份。",
    backup_newer: "这个备份来自更新版本的应用，请刷新页面后再导入。",
    backup_damaged: "备份内容有误，无法导入：",
    backup_too_many: "备份中有 {n} 条记录，超过本应用保存的上限（1000 条），不是本应用生成的备份，无法导入。",
    backup_unreadable_file: "无法读取所选文件，请重新选择，或改为粘贴备份文本。",
    backup_keep_note: "在 iPhone 上（包括微信内打开），如果 7 天没有打开本页，浏览器可能清除本机的学习记录。本应用已请求浏览器长期保存记录，但浏览器不一定同意：请定期导出备份。",
    quarantine_heading: "无法读取的旧记录",
    quarantine_intro: "以下是本机曾经无法读取、已另行保留的学习记录原文（最多保留最近 {n} 份）。可以保存下来，交给管理员帮助恢复。",
    quarantine_kept_at: "保留于",
    show_more: "显示更多",
    col_answered: "已答",
    col_accuracy: "正确率",
    col_due: "待复习",
    col_wrong: "错题",
    col_best: "最好",
    new_questions: "有新的题目可用。",
    reload: "重新加载",
    check_link: "设备检测",
};

/// English.
pub static EN: Strings = Strings {
    app_title: "Learning & Being Self-Study",
    app_tagline: "Study the Constitution, regulations and speeches; be a qualified member",
    switch_language: "中文",
    switch_language_hint: "切换到中文",
    loading: "Loading question banks…",
    banks_heading: "Question banks",
    texts_in_force: "Questions follow the texts now in force (the Party Constitution as amended by the 20th National Congress in October 2022, and the current Party regulations); where an answer changed between editions, the question names the edition.",
    questions_unit: "questions",
    updated: "Updated",
    error_heading: "Could not load",
    error_file: "File",
    retry: "Retry",
    error_help: "Check your connection and retry; if it persists, send this message to your branch's question-bank coordinator.",
    network_failed: "The network request failed: the connection may be down or the address wrong.",
    http_status: "The server answered with an error status",
    read_failed: "The server's answer could not be read.",
    timed_out: "The file took too long to arrive: the network may be very slow or down. Check your connection (Wi-Fi or mobile data), then tap Retry.",
    back_to_banks: "All banks",
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
    workbench_link: "Coordinators: question bank workbench",
    question_list: "Questions",
    answer_label: "Answer",
    explanation_label: "Explanation",
    source_label: "Source",
    judge_true: "True",
    judge_false: "False",
    activities_heading: "Ways to study",
    exam_label: "Mock exam",
    exam_hint: "Timed; score and explanations after you submit",
    practice_label: "Practice",
    practice_hint: "See right or wrong and the explanation after each answer",
    sequential_label: "Sequential practice",
    sequential_hint: "Every question in the bank's order",
    read_label: "Study",
    read_hint: "Read questions with answers and explanations, by chapter",
    topic_hint: "Topic practice: choose a chapter or topic",
    custom_exam: "Custom exam",
    question_count: "Questions",
    time_minutes: "Time (minutes)",
    start: "Start",
    ignored_params: "Some link parameters were invalid and defaults are used:",
    no_questions: "No questions match.",
    question_of: "of",
    previous: "Previous",
    next: "Next",
    flag: "Flag",
    unflag: "Unflag",
    check_answer: "Check answer",
    submit: "Submit",
    submit_confirm: "Submit now?",
    unanswered_left: "question(s) are still unanswered.",
    all_answered: "Every question is answered.",
    keep_going: "Keep answering",
    time_left: "Time left",
    time_warning: "One minute left",
    time_minutes_left: "{n} minutes left",
    time_ten_seconds: "Ten seconds left",
    navigator: "Question navigator",
    answered: "Answered",
    flagged: "Flagged",
    correct: "Correct",
    wrong: "Wrong",
    partial: "Partly correct",
    unanswered: "Not answered",
    your_answer: "Your answer",
    blank_label: "Blank {n}",
    true_label: "True",
    false_label: "False",
    result_heading: "Result",
    passed: "Passed",
    failed: "Not passed",
    time_up: "Time is up: your answers were submitted.",
    time_used: "Time used",
    score_label: "Score",
    by_type: "By type",
    by_tag: "By chapter",
    col_type: "Type",
    col_tag: "Chapter",
    review: "Review",
    wrong_only: "Wrong answers only",
    retake: "Retake (new questions)",
    practice_again: "Practise again",
    finish_practice: "Finish",
    filter_all: "All",
    back_to_bank: "Back to bank",
    practice_preview: "Practise with this file",
    correct_count: "Correct",
    storage_unavailable: "This browser does not allow saving data: your progress is not being saved (allow this site to store data in the browser settings).",
    storage_write_failed: "Saving your progress failed (storage may be full); it is kept in this page for now.",
    storage_read_only: "Your progress was saved by a newer version of this app; this page will not change it. Reload to get the new version.",
    storage_quarantined: "Saved progress could not be read; it was kept aside (you can save it from Backup) and recording starts afresh.",
    storage_read_only_hidden: "Your progress was saved by a newer version of this app that this version cannot read, so it is not shown here; it is kept on this device unchanged. Reload to get the new version.",
    active_save_failed: "This exam's progress could not be saved on this device (storage is full or blocked): do not reload or leave this page, or the exam cannot be resumed.",
    best_score: "Best score",
    attempts_label: "Attempts",
    wrong_book: "Wrong-answer book",
    wrong_book_hint: "Practise questions you got wrong; three right in a row takes one out",
    daily: "Daily practice",
    daily_hint: "Today's 10 questions, the same for the whole branch",
    favourites: "Favourites",
    favourites_hint: "Practise the questions you marked",
    favourite_add: "Favourite",
    favourite_remove: "Favourite",
    streak: "Study streak (days)",
    today_answered: "Answered today",
    resumed: "Your unfinished exam was restored: same questions, answers and deadline.",
    resume_discarded: "The question bank changed after your unfinished exam began, so it cannot continue with the same questions: here is a new draw.",
    device_note: "Progress is kept only in this browser on this device; the page embedded in the portal and the page opened in WeChat keep separate progress.",
    nav_progress: "My progress",
    nav_backup: "Backup and restore",
    due_review: "Due for review",
    due_review_hint: "Questions scheduled to come back just before you would forget them",
    calendar_heading: "Study calendar",
    calendar_less: "Less",
    calendar_more: "More",
    trend_heading: "Mock exam scores",
    trend_empty: "Finish a mock exam to see your scores here.",
    trend_caption: "Score as a share of the maximum (%) in recent mock exams, count:",
    tallies_heading: "By bank",
    history_heading: "History",
    history_empty: "Nothing yet. Finished exams and practice rounds appear here.",
    practice_mode: "Practice",
    outcomes_label: "Question by question",
    pruned_notice: "To save space on this device, the {n} oldest attempts were removed (the newest 1,000 are kept; the wrong-answer book, favourites and calendar are not affected).",
    by_chapter: "Accuracy by chapter",
    not_answered_yet: "Not answered yet",
    backup_intro: "Progress is kept in this browser only. Before changing phones, clearing browser data, or moving between the portal and WeChat, export a backup here and import it there.",
    export_heading: "Export",
    export_file: "Save as a file",
    export_text: "Show the backup as text (to copy on a phone)",
    export_file_failed: "This browser cannot save files here; copy the backup text instead.",
    copy_text: "Copy",
    copied: "Copied: paste it into a note or send it to yourself.",
    copy_manual: "Long-press the box, select all and copy.",
    import_heading: "Import",
    import_intro: "Choose a backup file or paste the backup text below. Importing merges: the wrong-answer book, favourites, review schedule and calendar only gain records; the history keeps the newest 1,000 attempts, and anything that would be removed is listed before you confirm.",
    import_pick: "Choose a backup file",
    import_paste: "Or paste the backup text",
    import_check: "Check",
    import_preview: "Importing will:",
    preview_new_attempts: "add {n} attempts to the history",
    preview_new_questions: "add records of {n} questions",
    preview_newer_questions: "update {n} questions with newer records from the backup",
    preview_new_days: "add {n} study days",
    preview_pruned: "remove the {n} oldest attempts (the limit is 1,000)",
    preview_details_dropped: "keep only the score of {n} older attempts, without each question's outcome (kept for the newest 200)",
    preview_nothing: "Everything in this backup is already here.",
    import_merge: "Merge into my progress",
    import_done: "Imported and saved.",
    import_read_only: "Progress here comes from a newer version of the app and is read-only; reload the page before importing.",
    backup_empty: "Nothing to import: choose a backup file or paste the text.",
    backup_too_large: "Too large to be a backup of this app.",
    backup_not_json: "The text is incomplete or damaged; it may have been cut short when copying. Copy all of it again.",
    backup_not_backup: "This is not a backup of this app.",
    backup_newer: "This backup comes from a newer version of the app; reload the page, then import.",
    backup_damaged: "The backup is damaged and cannot be imported:",
    backup_too_many: "The backup holds {n} attempts, more than this app ever keeps (1,000): it was not made by this app and cannot be imported.",
    backup_unreadable_file: "The chosen file could not be read: choose it again, or paste the backup text instead.",
    backup_keep_note: "On iPhones (including inside WeChat), the browser may delete this page's progress after 7 days without a visit. This app has asked the browser to keep it, but the browser may refuse: export a backup now and then.",
    quarantine_heading: "Unreadable earlier progress",
    quarantine_intro: "These are saved texts this device could not read, kept aside (the newest {n} at most). Save them to give to an administrator who can help recover them.",
    quarantine_kept_at: "Kept aside",
    show_more: "Show more",
    col_answered: "Done",
    col_accuracy: "Right",
    col_due: "Due",
    col_wrong: "Wrong",
    col_best: "Best",
    new_questions: "New questions are available.",
    reload: "Reload",
    check_link: "Device check",
};

/// The strings for `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A local time as `YYYY-MM-DD HH:MM`, for the history: `local_ms` is
/// epoch milliseconds shifted by the member's time-zone offset.
pub fn date_time_text(local_ms: i64) -> String {
    let day = local_ms.div_euclid(86_400_000);
    let minute = local_ms.rem_euclid(86_400_000) / 60_000;
    format!(
        "{} {:02}:{:02}",
        quiz_core::progress::date_of_day(day as i32),
        minute / 60,
        minute % 60
    )
}

/// A message template with its `{n}` filled in.
pub fn with_count(template: &str, n: impl std::fmt::Display) -> String {
    template.replace("{n}", &n.to_string())
}

/// A duration as the member reads it: "12:05", or "1:02:05" past an hour.
pub fn clock_text(ms: u64) -> String {
    let seconds = ms.div_ceil(1000);
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes:02}:{seconds:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_counts_read_as_members_expect() {
        // 2026-11-28 12:00 UTC, seen in Beijing (UTC+8).
        let utc = 1_795_867_200_000_i64;
        assert_eq!(date_time_text(utc), "2026-11-28 12:00");
        assert_eq!(date_time_text(utc + 8 * 3_600_000), "2026-11-28 20:00");
        assert_eq!(date_time_text(utc + 12 * 3_600_000), "2026-11-29 00:00");
        assert_eq!(date_time_text(-60_000), "1969-12-31 23:59");
        assert_eq!(with_count(ZH.preview_new_days, 3), "新增 3 个学习日");
        assert_eq!(clock_text(125_000), "02:05");
    }
}
