//! Interface strings in both languages: one [`messages!`](crate::messages)
//! table with each message's Chinese above its English, and the formatting
//! of dates and durations.
//!
//! A field per message means a missing translation is a compile error, and
//! looking a string up costs nothing at run time; messages with counts are
//! methods whose placeholders the compiler checks.

use quiz_core::Lang;

crate::messages! {
    /// Every fixed piece of interface text, Chinese first.
    pub struct Strings {
        /// The app's name in the header.
        app_title:
            "两学一做 学习自测",
            "Learning & Being Self-Study";
        /// The subtitle under the name.
        app_tagline:
            "学党章党规、学系列讲话，做合格党员",
            "Study the Constitution, regulations and speeches; be a qualified member";
        /// The language switch's label: the language it switches *to*.
        switch_language:
            "English",
            "中文";
        /// The accessible description of the language switch.
        switch_language_hint:
            "Switch to English",
            "切换到中文";
        /// Shown while the manifest is loading.
        loading:
            "正在加载题库……",
            "Loading question banks…";
        /// The heading of the bank list.
        banks_heading:
            "题库",
            "Question banks";
        /// Under the bank list: which texts the questions follow.
        texts_in_force:
            "题目以现行有效的文本为准（党章为2022年10月党的二十大修改的版本，党规为现行版本）；答案随版本变化的题目，题干中注明了版本。",
            "Questions follow the texts now in force (the Party Constitution as amended by the 20th National Congress in October 2022, and the current Party regulations); where an answer changed between editions, the question names the edition.";
        /// The unit after a question count.
        questions_unit:
            "题",
            "questions";
        /// The label before a bank's last-updated date.
        updated:
            "更新于",
            "Updated";
        /// The error panel's heading.
        error_heading:
            "无法加载",
            "Could not load";
        /// The error panel's label for the file that failed.
        error_file:
            "文件",
            "File";
        /// The error panel's retry button.
        retry:
            "重试",
            "Retry";
        /// What a member can do when the error persists.
        error_help:
            "请检查网络后重试；如果问题仍然存在，请把这段说明发给支部的题库管理员。",
            "Check your connection and retry; if it persists, send this message to your branch's question-bank coordinator.";
        /// A fetch that failed at the network level.
        network_failed:
            "网络请求失败，可能是网络断开或地址错误。",
            "The network request failed: the connection may be down or the address wrong.";
        /// A fetch answered with an HTTP error status.
        http_status:
            "服务器返回了错误状态",
            "The server answered with an error status";
        /// A response body that could not be read.
        read_failed:
            "无法读取服务器返回的内容。",
            "The server's answer could not be read.";
        /// A file took too long to arrive.
        timed_out:
            "文件长时间没有下载完成：网络可能很慢或已中断。请检查网络（Wi-Fi 或移动数据）后点“重试”。",
            "The file took too long to arrive: the network may be very slow or down. Check your connection (Wi-Fi or mobile data), then tap Retry.";
        /// The link back to the bank list (its arrow is a decorative mark
        /// outside the string, hidden from screen readers).
        back_to_banks:
            "返回题库列表",
            "All banks";
        /// The call to action on a bank card.
        open_bank:
            "进入",
            "Open";
        /// The heading of a bank's contents.
        bank_contents:
            "题库内容",
            "What's inside";
        /// The heading of the tag list.
        tags_heading:
            "章节与专题",
            "Chapters and topics";
        /// The heading of the default paper's summary.
        paper_heading:
            "模拟考试",
            "Mock exam";
        /// The unit of scores.
        points:
            "分",
            "points";
        /// The heading of a loaded bank's warnings.
        warnings_heading:
            "题库提示（供管理员参考）",
            "Notes for coordinators";
        /// The heading of the not-found page.
        not_found_heading:
            "页面不存在",
            "Page not found";
        /// What the not-found page says.
        not_found_text:
            "链接可能有误或已过期。",
            "The link may be wrong or out of date.";
        /// Said when a link names a bank the manifest lacks.
        unknown_bank:
            "没有找到这个题库",
            "There is no such bank";
        /// The footer link to the coordinators' workbench (workbench.html).
        workbench_link:
            "题库管理员：题库工作台",
            "Coordinators: question bank workbench";
        /// The label before an answer.
        answer_label:
            "答案",
            "Answer";
        /// The label before an explanation.
        explanation_label:
            "解析",
            "Explanation";
        /// The label before a source.
        source_label:
            "出处",
            "Source";
        /// The true answer of a judge question.
        judge_true:
            "正确",
            "True";
        /// The false answer of a judge question.
        judge_false:
            "错误",
            "False";
        /// The heading of the bank page's activity links.
        activities_heading:
            "学习方式",
            "Ways to study";
        /// The mock exam activity.
        exam_label:
            "模拟考试",
            "Mock exam";
        /// What the mock exam is.
        exam_hint:
            "限时作答，交卷后显示成绩和解析",
            "Timed; score and explanations after you submit";
        /// The practice activity.
        practice_label:
            "随机练习",
            "Practice";
        /// What practice is.
        practice_hint:
            "每题作答后立即显示对错和解析",
            "See right or wrong and the explanation after each answer";
        /// The sequential practice activity.
        sequential_label:
            "顺序练习",
            "Sequential practice";
        /// What sequential practice is.
        sequential_hint:
            "按题库顺序逐题练习",
            "Every question in the bank's order";
        /// The study activity.
        read_label:
            "背题",
            "Study";
        /// What study is.
        read_hint:
            "浏览题目、答案和解析，可按章节筛选",
            "Read questions with answers and explanations, by chapter";
        /// The hint above the tag links.
        topic_hint:
            "专项练习：点选章节或专题",
            "Topic practice: choose a chapter or topic";
        /// The custom exam form's heading.
        custom_exam:
            "自定义考试",
            "Custom exam";
        /// The question count field's label.
        question_count:
            "题数",
            "Questions";
        /// The time field's label.
        time_minutes:
            "时间（分钟）",
            "Time (minutes)";
        /// The button that starts a custom exam.
        start:
            "开始",
            "Start";
        /// Shown when a link had bad parameters.
        ignored_params:
            "链接中的部分参数无效，已使用默认设置：",
            "Some link parameters were invalid and defaults are used:";
        /// Shown when a selection has no questions.
        no_questions:
            "没有符合条件的题目。",
            "No questions match.";
        /// The word between current and total question numbers.
        question_of:
            "/",
            "of";
        /// The previous-question button.
        previous:
            "上一题",
            "Previous";
        /// The next-question button.
        next:
            "下一题",
            "Next";
        /// The flag-for-review button.
        flag:
            "标记",
            "Flag";
        /// The unflag button.
        unflag:
            "取消标记",
            "Unflag";
        /// The practice check button.
        check_answer:
            "确认答案",
            "Check answer";
        /// The submit button.
        submit:
            "交卷",
            "Submit";
        /// The submit dialog's question.
        submit_confirm:
            "确定交卷吗？",
            "Submit now?";
        /// The unanswered count phrase; a number precedes it.
        unanswered_left:
            "道题还没有作答。",
            "question(s) are still unanswered.";
        /// Said when every question is answered.
        all_answered:
            "所有题目都已作答。",
            "Every question is answered.";
        /// The cancel button of the submit dialog.
        keep_going:
            "继续作答",
            "Keep answering";
        /// The timer's label.
        time_left:
            "剩余时间",
            "Time left";
        /// Announced when a minute is left.
        time_warning:
            "还剩 1 分钟",
            "One minute left";
        /// Announced when ten seconds are left.
        time_ten_seconds:
            "还剩 10 秒",
            "Ten seconds left";
        /// The question navigator's label.
        navigator:
            "题目导航",
            "Question navigator";
        /// The answered legend.
        answered:
            "已答",
            "Answered";
        /// The flagged legend.
        flagged:
            "已标记",
            "Flagged";
        /// A right answer.
        correct:
            "回答正确",
            "Correct";
        /// A wrong answer.
        wrong:
            "回答错误",
            "Wrong";
        /// A partly right answer.
        partial:
            "部分正确",
            "Partly correct";
        /// An unanswered question.
        unanswered:
            "未作答",
            "Not answered";
        /// The label before the member's answer.
        your_answer:
            "你的答案",
            "Your answer";
        /// The true button.
        true_label:
            "正确",
            "True";
        /// The false button.
        false_label:
            "错误",
            "False";
        /// The result page's heading.
        result_heading:
            "成绩",
            "Result";
        /// A pass.
        passed:
            "及格",
            "Passed";
        /// A fail.
        failed:
            "不及格",
            "Not passed";
        /// Said when time ran out.
        time_up:
            "时间到，已自动交卷。",
            "Time is up: your answers were submitted.";
        /// The time-used label.
        time_used:
            "用时",
            "Time used";
        /// The score label.
        score_label:
            "得分",
            "Score";
        /// The by-type breakdown heading.
        by_type:
            "按题型",
            "By type";
        /// The by-tag breakdown heading.
        by_tag:
            "按章节",
            "By chapter";
        /// The by-type breakdown's first column header.
        col_type:
            "题型",
            "Type";
        /// The by-tag breakdown's first column header.
        col_tag:
            "章节",
            "Chapter";
        /// The review heading.
        review:
            "逐题回顾",
            "Review";
        /// The wrong-only filter.
        wrong_only:
            "只看错题",
            "Wrong answers only";
        /// The retake button.
        retake:
            "重新考试（重新抽题）",
            "Retake (new questions)";
        /// The practise-again button.
        practice_again:
            "再练一次",
            "Practise again";
        /// The practice finish button.
        finish_practice:
            "结束练习",
            "Finish";
        /// The all-tags filter.
        filter_all:
            "全部",
            "All";
        /// The link back to the bank page (its arrow is a decorative mark
        /// outside the string).
        back_to_bank:
            "返回题库",
            "Back to bank";
        /// The correct-count label.
        correct_count:
            "答对",
            "Correct";
        /// The banner when storage is blocked.
        storage_unavailable:
            "本浏览器不允许保存数据：学习记录只保留到关闭本页为止，不会保存在本机（可在浏览器设置中允许本网站存储数据）。",
            "This browser does not allow saving data: your progress is kept only until this page is closed, not on this device (allow this site to store data in the browser settings).";
        /// The banner when a save failed.
        storage_write_failed:
            "学习记录保存失败（存储空间可能已满），本次记录暂存在页面中。",
            "Saving your progress failed (storage may be full); it is kept in this page for now.";
        /// The banner for data from a newer app version.
        storage_read_only:
            "学习记录来自更新版本的应用，本页只读显示，不会改动这些记录。请刷新页面以使用新版本。",
            "Your progress was saved by a newer version of this app; this page will not change it. Reload to get the new version.";
        /// The banner after unreadable data was kept aside.
        storage_quarantined:
            "已保存的学习记录无法读取，已另行保留（可在“备份与恢复”页导出），本次从头开始记录。",
            "Saved progress could not be read; it was kept aside (you can save it from Backup) and recording starts afresh.";
        /// The banner for data from a newer app version that this one cannot
        /// read at all, so the pages are empty.
        storage_read_only_hidden:
            "学习记录来自更新版本的应用，本版本无法读取，因此页面上暂不显示；这些记录仍完整保存在本机，不会被改动。请刷新页面以使用新版本。",
            "Your progress was saved by a newer version of this app that this version cannot read, so it is not shown here; it is kept on this device unchanged. Reload to get the new version.";
        /// Shown on the quiz page when the unfinished exam could not be saved.
        active_save_failed:
            "本次考试的进度未能保存到本机（存储已满或被浏览器禁止）：请不要刷新或离开本页，否则将无法继续本次考试。",
            "This exam's progress could not be saved on this device (storage is full or blocked): do not reload or leave this page, or the exam cannot be resumed.";
        /// The best-score label on a bank card.
        best_score:
            "最好成绩",
            "Best score";
        /// The attempts-count label on a bank card.
        attempts_label:
            "已练习",
            "Attempts";
        /// The note on where progress lives.
        device_note:
            "学习记录只保存在本设备的本浏览器中；门户网站里嵌入的页面和微信里打开的页面各自保存，互不相通。",
            "Progress is kept only in this browser on this device; the page embedded in the portal and the page opened in WeChat keep separate progress.";
        /// Shown when an unfinished exam was resumed.
        resumed:
            "已恢复上次未完成的考试：题目、答案和截止时间不变。",
            "Your unfinished exam was restored: same questions, answers and deadline.";
        /// Shown when an unfinished exam could not be resumed because the bank
        /// changed since it started.
        resume_discarded:
            "上次未完成的考试开始后题库已更新，无法按原题继续，已为你重新出题。",
            "The question bank changed after your unfinished exam began, so it cannot continue with the same questions: here is a new draw.";
        /// The wrong-answer book link.
        wrong_book:
            "错题本",
            "Wrong-answer book";
        /// What the wrong-answer book is.
        wrong_book_hint:
            "练习答错过的题；连续答对 3 次后移出",
            "Practise questions you got wrong; three right in a row takes one out";
        /// The daily practice link.
        daily:
            "每日一练",
            "Daily practice";
        /// What daily practice is.
        daily_hint:
            "今天的 10 道题，全支部相同",
            "Today's 10 questions, the same for the whole branch";
        /// The favourites link.
        favourites:
            "收藏",
            "Favourites";
        /// What favourites are.
        favourites_hint:
            "练习你收藏的题目",
            "Practise the questions you marked";
        /// The mark-as-favourite button (its star is a decorative mark outside
        /// the string).
        favourite_add:
            "收藏",
            "Favourite";
        /// The unmark button.
        favourite_remove:
            "已收藏",
            "Favourite";
        /// The streak label; a number follows.
        streak:
            "已连续学习（天）",
            "Study streak (days)";
        /// Today's answered count label.
        today_answered:
            "今日已答",
            "Answered today";
        /// The link to the progress page.
        nav_progress:
            "我的学习",
            "My progress";
        /// The link to the backup page.
        nav_backup:
            "备份与恢复",
            "Backup and restore";
        /// The spaced-review link and count label.
        due_review:
            "今日待复习",
            "Due for review";
        /// What the spaced review is.
        due_review_hint:
            "按遗忘规律安排的复习题，答对后间隔逐渐拉长",
            "Questions scheduled to come back just before you would forget them";
        /// The study calendar's heading.
        calendar_heading:
            "学习日历",
            "Study calendar";
        /// The calendar legend's low end.
        calendar_less:
            "少",
            "Less";
        /// The calendar legend's high end.
        calendar_more:
            "多",
            "More";
        /// The score trend's heading.
        trend_heading:
            "模拟考试得分率",
            "Mock exam scores";
        /// Shown before any exam.
        trend_empty:
            "完成一次模拟考试后，这里会显示得分走势。",
            "Finish a mock exam to see your scores here.";
        /// The chart's description for screen readers; a number follows.
        trend_caption:
            "最近的模拟考试得分率（%），共",
            "Score as a share of the maximum (%) in recent mock exams, count:";
        /// The per-bank table's heading.
        tallies_heading:
            "各题库情况",
            "By bank";
        /// The history's heading.
        history_heading:
            "考试与练习记录",
            "History";
        /// Shown when the history is empty.
        history_empty:
            "还没有记录。完成一次考试或练习后会显示在这里。",
            "Nothing yet. Finished exams and practice rounds appear here.";
        /// The practice mode's name in the history.
        practice_mode:
            "练习",
            "Practice";
        /// The per-question outcomes' summary.
        outcomes_label:
            "逐题情况",
            "Question by question";
        /// The per-tag accuracy heading on a bank page.
        by_chapter:
            "各章节正确率",
            "Accuracy by chapter";
        /// Shown for a tag never answered.
        not_answered_yet:
            "尚未作答",
            "Not answered yet";
        /// What backups are for.
        backup_intro:
            "学习记录只保存在本浏览器中。换手机、清理浏览器数据，或在门户网站与微信之间转移记录前，请先导出备份，再在另一处导入。",
            "Progress is kept in this browser only. Before changing phones, clearing browser data, or moving between the portal and WeChat, export a backup here and import it there.";
        /// The export section's heading.
        export_heading:
            "导出备份",
            "Export";
        /// The save-as-file button.
        export_file:
            "保存为文件",
            "Save as a file";
        /// The show-text button.
        export_text:
            "显示备份文本（手机上可复制）",
            "Show the backup as text (to copy on a phone)";
        /// Shown when a download cannot start (e.g. inside WeChat).
        export_file_failed:
            "此浏览器无法保存文件，请改用备份文本复制。",
            "This browser cannot save files here; copy the backup text instead.";
        /// The copy button.
        copy_text:
            "复制",
            "Copy";
        /// Shown after copying.
        copied:
            "已复制，可粘贴到备忘录或发送给自己。",
            "Copied: paste it into a note or send it to yourself.";
        /// Shown when copying is not allowed.
        copy_manual:
            "请长按文本框，全选后复制。",
            "Long-press the box, select all and copy.";
        /// The import section's heading.
        import_heading:
            "导入备份",
            "Import";
        /// What importing does.
        import_intro:
            "选择备份文件，或把备份文本粘贴到下面。导入会合并记录：错题本、收藏、复习安排和学习日历只增不减；考试与练习记录最多保留最近 1000 条，超出时会先列出将被清理的条数，确认后才导入。",
            "Choose a backup file or paste the backup text below. Importing merges: the wrong-answer book, favourites, review schedule and calendar only gain records; the history keeps the newest 1,000 attempts, and anything that would be removed is listed before you confirm.";
        /// The file picker's label.
        import_pick:
            "选择备份文件",
            "Choose a backup file";
        /// The paste box's label.
        import_paste:
            "或粘贴备份文本",
            "Or paste the backup text";
        /// The check button.
        import_check:
            "检查",
            "Check";
        /// The preview's heading.
        import_preview:
            "导入后将会：",
            "Importing will:";
        /// When the backup adds nothing.
        preview_nothing:
            "备份中的内容本机都已有，无需导入。",
            "Everything in this backup is already here.";
        /// The merge button.
        import_merge:
            "合并导入",
            "Merge into my progress";
        /// Shown after importing.
        import_done:
            "已导入并保存。",
            "Imported and saved.";
        /// When progress is read-only.
        import_read_only:
            "本机的学习记录来自更新版本的应用，当前只读，不能导入。请刷新页面。",
            "Progress here comes from a newer version of the app and is read-only; reload the page before importing.";
        /// Import error.
        backup_empty:
            "没有内容：请选择备份文件或粘贴备份文本。",
            "Nothing to import: choose a backup file or paste the text.";
        /// Import error.
        backup_too_large:
            "内容太大，不是本应用的备份。",
            "Too large to be a backup of this app.";
        /// Import error.
        backup_not_json:
            "文本不完整或已损坏，可能复制时少了一部分。请重新复制全部文本。",
            "The text is incomplete or damaged; it may have been cut short when copying. Copy all of it again.";
        /// Import error.
        backup_not_backup:
            "这不是本应用的备份。",
            "This is not a backup of this app.";
        /// Import error.
        backup_newer:
            "这个备份来自更新版本的应用，请刷新页面后再导入。",
            "This backup comes from a newer version of the app; reload the page, then import.";
        /// Import error; the reason follows.
        backup_damaged:
            "备份内容有误，无法导入：",
            "The backup is damaged and cannot be imported:";
        /// Import error: the chosen file could not be read.
        backup_unreadable_file:
            "无法读取所选文件，请重新选择，或改为粘贴备份文本。",
            "The chosen file could not be read: choose it again, or paste the backup text instead.";
        /// Why exporting matters on iPhones, and that storage was asked to last.
        backup_keep_note:
            "在 iPhone 上（包括微信内打开），如果 7 天没有打开本页，浏览器可能清除本机的学习记录。本应用已请求浏览器长期保存记录，但浏览器不一定同意：请定期导出备份。",
            "On iPhones (including inside WeChat), the browser may delete this page's progress after 7 days without a visit. This app has asked the browser to keep it, but the browser may refuse: export a backup now and then.";
        /// The heading of the unreadable copies kept aside.
        quarantine_heading:
            "无法读取的旧记录",
            "Unreadable earlier progress";
        /// One copy's label; the local date and time follow.
        quarantine_kept_at:
            "保留于",
            "Kept aside";
        /// The button that lists more of the history.
        show_more:
            "显示更多",
            "Show more";
        /// The per-bank table's answered-questions column, kept short for phones.
        col_answered:
            "已答",
            "Done";
        /// The per-bank table's accuracy column.
        col_accuracy:
            "正确率",
            "Right";
        /// The per-bank table's due-review column.
        col_due:
            "待复习",
            "Due";
        /// The per-bank table's wrong-answer-book column.
        col_wrong:
            "错题",
            "Wrong";
        /// The per-bank table's best-exam column.
        col_best:
            "最好",
            "Best";
        /// Said when a coordinator published new questions while the app was open.
        new_questions:
            "有新的题目可用。",
            "New questions are available.";
        /// The button that reloads the page for new questions.
        reload:
            "重新加载",
            "Reload";
        /// The footer link to the device check page.
        check_link:
            "设备检测",
            "Device check";
    }
    impl {
        /// Announced when some minutes are left; `n` is how many.
        fn time_minutes_left(n: u64):
            "还剩 {n} 分钟",
            "{n} minutes left";
        /// A blank's label, which names its input; `n` is the blank's number.
        fn blank_label(n: usize):
            "第 {n} 空",
            "Blank {n}";
        /// The notice after old attempts were pruned; `n` is the count.
        fn pruned_notice(n: u32):
            "为节省本机存储空间，已清理最早的 {n} 条记录（保留最近 1000 条；错题本、收藏和学习日历不受影响）。",
            "To save space on this device, the {n} oldest attempts were removed (the newest 1,000 are kept; the wrong-answer book, favourites and calendar are not affected).";
        /// Preview line; `n` is a count.
        fn preview_new_attempts(n: usize):
            "新增 {n} 条考试与练习记录",
            "add {n} attempts to the history";
        /// Preview line; `n` is a count.
        fn preview_new_questions(n: usize):
            "新增 {n} 道题的作答记录",
            "add records of {n} questions";
        /// Preview line; `n` is a count.
        fn preview_newer_questions(n: usize):
            "用备份中较新的记录更新 {n} 道题",
            "update {n} questions with newer records from the backup";
        /// Preview line; `n` is a count.
        fn preview_new_days(n: usize):
            "新增 {n} 个学习日",
            "add {n} study days";
        /// Preview warning; `n` is a count.
        fn preview_pruned(n: usize):
            "记录超过 1000 条上限，最早的 {n} 条考试与练习记录将被清理",
            "remove the {n} oldest attempts (the limit is 1,000)";
        /// Preview warning; `n` is a count.
        fn preview_details_dropped(n: usize):
            "{n} 条较早的记录只保留成绩，不再保留逐题结果（逐题结果只保留最近 200 条）",
            "keep only the score of {n} older attempts, without each question's outcome (kept for the newest 200)";
        /// Import error; `n` is the number of attempts found.
        fn backup_too_many(n: usize):
            "备份中有 {n} 条记录，超过本应用保存的上限（1000 条），不是本应用生成的备份，无法导入。",
            "The backup holds {n} attempts, more than this app ever keeps (1,000): it was not made by this app and cannot be imported.";
        /// What those copies are; `n` is how many are kept at most.
        fn quarantine_intro(n: usize):
            "以下是本机曾经无法读取、已另行保留的学习记录原文（最多保留最近 {n} 份）。可以保存下来，交给管理员帮助恢复。",
            "These are saved texts this device could not read, kept aside (the newest {n} at most). Save them to give to an administrator who can help recover them.";
    }
}

/// The strings for `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    Strings::of(lang)
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
        assert_eq!(strings(Lang::Zh).preview_new_days(3), "新增 3 个学习日");
        assert_eq!(strings(Lang::En).blank_label(2), "Blank 2");
        assert_eq!(clock_text(125_000), "02:05");
    }
}
