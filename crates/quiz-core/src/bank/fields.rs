//! The fields each object in a bank or manifest may have.
//!
//! One table per object drives the decoder (unknown-field and
//! missing-field checks, "did you mean") and the generated JSON Schema
//! (property lists, `required`, hover descriptions), so the two cannot
//! disagree.

/// A field of a JSON object in the file format.
pub struct Field {
    /// The key as written in files.
    pub name: &'static str,
    /// Whether the key must be present.
    pub required: bool,
    /// What the field is for, in Chinese (shown by editors on hover).
    pub zh: &'static str,
    /// What the field is for, in English.
    pub en: &'static str,
}

const fn field(name: &'static str, required: bool, zh: &'static str, en: &'static str) -> Field {
    Field {
        name,
        required,
        zh,
        en,
    }
}

/// A bank file's top level.
pub const BANK: &[Field] = &[
    field(
        "$schema",
        false,
        "JSON Schema 文件，供编辑器校验和自动补全",
        "The JSON Schema, for editor validation and completion",
    ),
    field(
        "id",
        true,
        "题库编号：小写字母、数字和 -",
        "The bank id: lower-case letters, digits and -",
    ),
    field(
        "version",
        true,
        "版本号：每次修改题目时加 1",
        "Version: raise by one whenever questions change",
    ),
    field(
        "updated",
        true,
        "最后修改日期 YYYY-MM-DD",
        "Date of the last change, YYYY-MM-DD",
    ),
    field("title", true, "题库名称", "The bank's name"),
    field("description", true, "题库简介", "What the bank covers"),
    field(
        "tag_names",
        false,
        "标签的显示名称",
        "Display names of the tag keys",
    ),
    field("paper", true, "默认模拟试卷", "The default mock exam"),
    field("questions", true, "题目列表", "The questions"),
];

/// The default paper.
pub const PAPER: &[Field] = &[
    field(
        "time_limit_minutes",
        true,
        "考试时间（分钟，1–180）",
        "Time limit in minutes, 1–180",
    ),
    field(
        "pass_percent",
        true,
        "及格线：占总分的百分比（1–100）",
        "Pass mark as a percentage of the total, 1–100",
    ),
    field(
        "partial_credit",
        false,
        "多选题少选（没有错选）得一半分",
        "Multiple choice: a selection with no wrong option earns half",
    ),
    field(
        "sections",
        true,
        "各题型的抽题数量和分值",
        "Questions drawn and points per question type",
    ),
];

/// One section of a paper.
pub const SECTION: &[Field] = &[
    field(
        "type",
        true,
        "题型：single、multiple、judge、fill",
        "Question type: single, multiple, judge, fill",
    ),
    field("count", true, "抽题数量", "How many questions to draw"),
    field("points", true, "每题分值", "Points per question"),
];

/// A question.
pub const QUESTION: &[Field] = &[
    field("id", true, "题目编号，全部题库内唯一，发布后不要更改", "Question id, unique across all banks; never change it once published"),
    field("type", true, "题型：single 单选、multiple 多选、judge 判断、fill 填空", "Type: single, multiple, judge (true/false), fill (blanks)"),
    field("stem", true, "题干", "The question text"),
    field("options", false, "选项（单选、多选题，2–8 个）", "Options (single and multiple choice, 2–8)"),
    field("answer", true, "答案：单选 \"B\"，多选 \"ACD\"，判断 true/false，填空为每个空的可接受答案", "Answer: single \"B\", multiple \"ACD\", judge true/false, fill: accepted answers per blank"),
    field("explanation", false, "解析", "Explanation of the answer"),
    field("source", false, "出处：文件、版本和条款，或讲话名称和日期", "Source: document, edition and article, or speech and date"),
    field("tags", false, "标签（章节或专题）", "Tags (chapter or topic)"),
    field("difficulty", false, "难度：easy、medium、hard", "Difficulty: easy, medium, hard"),
];

/// A bilingual text.
pub const TEXT: &[Field] = &[
    field("zh", true, "中文（必填）", "Chinese (required)"),
    field(
        "en",
        false,
        "英文（可选，缺少时显示中文）",
        "English (optional; Chinese is shown when missing)",
    ),
];

/// An option.
pub const CHOICE: &[Field] = &[
    field("zh", true, "中文（必填）", "Chinese (required)"),
    field("en", false, "英文（可选）", "English (optional)"),
    field(
        "fixed",
        false,
        "打乱选项时固定在原位（如“以上都是”）",
        "Keep in place when options are shuffled (e.g. \"all of the above\")",
    ),
];

/// A blank's accepted answers.
pub const BLANK: &[Field] = &[
    field(
        "zh",
        true,
        "可接受的中文答案，第一个作为标准答案显示",
        "Accepted Chinese answers; the first is shown as the answer",
    ),
    field("en", false, "可接受的英文答案", "Accepted English answers"),
];

/// The manifest's top level.
pub const MANIFEST: &[Field] = &[
    field("$schema", false, "JSON Schema 文件", "The JSON Schema"),
    field(
        "banks",
        true,
        "题库列表，按首页显示顺序",
        "The banks, in home-page order",
    ),
];

/// A manifest entry.
pub const MANIFEST_ENTRY: &[Field] = &[
    field(
        "id",
        true,
        "题库编号，与题库文件中的 id 一致",
        "The bank id, as in the bank file",
    ),
    field(
        "file",
        true,
        "题库文件名，例如 charter.json",
        "The bank file's name, e.g. charter.json",
    ),
    field("title", true, "首页显示的名称", "The name on the home page"),
    field(
        "description",
        true,
        "首页显示的简介",
        "The description on the home page",
    ),
    field(
        "version",
        true,
        "与题库文件的 version 一致",
        "As the bank file's version",
    ),
    field(
        "updated",
        true,
        "与题库文件的 updated 一致",
        "As the bank file's updated date",
    ),
    field(
        "count",
        true,
        "题目数量（quizbank manifest 命令自动更新）",
        "Number of questions (updated by `quizbank manifest`)",
    ),
    field(
        "fingerprint",
        false,
        "题目内容的指纹（quizbank manifest 自动写入；题目一改，它就把 version 加 1）",
        "A fingerprint of the questions (written by `quizbank manifest`, which raises version whenever they change)",
    ),
];

/// Chinese and common alternative names coordinators type for fields.
pub const ALIASES: &[(&str, &str)] = &[
    ("题干", "stem"),
    ("题目", "stem"),
    ("question", "stem"),
    ("答案", "answer"),
    ("选项", "options"),
    ("解析", "explanation"),
    ("出处", "source"),
    ("来源", "source"),
    ("标签", "tags"),
    ("难度", "difficulty"),
    ("题型", "type"),
    ("编号", "id"),
    ("中文", "zh"),
    ("英文", "en"),
];

/// Names people write for question types.
pub const TYPE_ALIASES: &[(&str, &str)] = &[
    ("单选", "single"),
    ("单选题", "single"),
    ("多选", "multiple"),
    ("多选题", "multiple"),
    ("判断", "judge"),
    ("判断题", "judge"),
    ("填空", "fill"),
    ("填空题", "fill"),
    ("true-false", "judge"),
    ("truefalse", "judge"),
];
