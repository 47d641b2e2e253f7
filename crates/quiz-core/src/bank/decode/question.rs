//! Reading a bank's questions: ids unique, a body that fits the type
//! (options and letters, a judge's true or false, a fill-in's blanks),
//! tags declared, difficulty known.

use super::{PauseFuture, QUESTIONS_PER_STEP};
use crate::bank::{
    count_blanks, fields, letter, Blank, Body, Choice, Difficulty, Question, QuestionType,
};
use crate::diagnostic::{closest, Code, Severity};
use crate::fnv::FnvBuild;
use crate::json::{Node, Span, Value};
use crate::limits::{
    MAX_BANK_ID, MAX_BLANKS, MAX_LONG_TEXT, MAX_QUESTIONS, MAX_QUESTION_ID, MAX_SHORT_TEXT,
    MAX_TAGS, OPTIONS,
};
use crate::normalize::same_answer;
use crate::reader::{start_of, usual_text, Fields, Path, Reader};
use crate::LocalText;
use std::borrow::Cow;
use std::collections::HashMap;

impl<'r> Reader<'r> {
    pub(super) fn question_type(&mut self, node: Node, path: &Path) -> Option<QuestionType> {
        let text = self.string(node, path)?;
        if let Some(kind) = QuestionType::from_key(&text) {
            return Some(kind);
        }
        let keys: Vec<&str> = QuestionType::ALL.iter().map(|k| k.key()).collect();
        let suggestion = fields::TYPE_ALIASES
            .iter()
            .find(|(alias, _)| *alias == text.trim())
            .map(|(_, key)| *key)
            .or_else(|| closest(&text, &keys));
        let (zh, en) = match suggestion {
            Some(key) => (
                format!("题型“{text}”无效，是不是“{key}”？题型只能是 single、multiple、judge、fill。"),
                format!("Question type \"{text}\" is invalid; did you mean \"{key}\"? Use single, multiple, judge or fill."),
            ),
            None => (
                format!("题型“{text}”无效：只能是 single（单选）、multiple（多选）、judge（判断）、fill（填空）。"),
                format!("Question type \"{text}\" is invalid: use single, multiple, judge or fill."),
            ),
        };
        self.error(Code::BadValue, node.span(), path, zh, en);
        None
    }

    /// Reads every question.
    pub(super) async fn questions(
        &mut self,
        node: Node<'r>,
        path: &Path<'_>,
        pause: &mut dyn FnMut() -> PauseFuture,
    ) -> Option<Vec<Question>> {
        let items = self.array(node, path)?;
        if items.is_empty() {
            self.error(
                Code::BadValue,
                node.span(),
                path,
                "题目列表是空的。".into(),
                "The question list is empty.".into(),
            );
            return None;
        }
        // Counted once: counting steps over every question in the tree.
        let count = items.len();
        if count > MAX_QUESTIONS {
            self.error(
                Code::TooMany,
                node.span(),
                path,
                format!("题目太多（{count} 道），一个题库最多 {MAX_QUESTIONS} 道：请拆分成几个题库。"),
                format!("Too many questions ({count}); a bank holds at most {MAX_QUESTIONS}: split it into several banks."),
            );
            return None;
        }
        let mut questions = Vec::with_capacity(count);
        // Keyed by the id text in the parsed tree, so no id is copied for
        // it, and hashed with FNV-1a: SipHash cost more than the lookup.
        let mut seen: HashMap<Cow<str>, Span, FnvBuild> =
            HashMap::with_capacity_and_hasher(count, FnvBuild::default());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            if i > 0 && i % QUESTIONS_PER_STEP == 0 {
                pause().await;
            }
            let item_path = path.index(i);
            let id_node = item.get("id");
            // A question that decoded has a string id, exactly as written.
            let id_text = match id_node.map(Node::value) {
                Some(Value::String(id)) => Some(id),
                _ => None,
            };
            // Borrowed from the tree: no copy unless a problem names it.
            self.question = id_text.clone();
            let question = self.question(item, &item_path);
            let id_span = id_node.map_or(item.span(), Node::span);
            if let (Some(question), Some(id_text)) = (&question, id_text) {
                if let Some(first) = seen.get(&id_text) {
                    let line = self.index.line(first.start);
                    self.error(
                        Code::DuplicateId,
                        id_span,
                        &item_path.field("id"),
                        format!("题目编号“{}”重复（第一次在第 {line} 行）：每道题的编号必须唯一。", question.id),
                        format!("Question id \"{}\" is used twice (first on line {line}): every id must be unique.", question.id),
                    );
                    ok = false;
                } else {
                    seen.insert(id_text, id_span);
                }
            }
            self.question = None;
            match question {
                Some(question) => {
                    questions.push(question);
                }
                None => ok = false,
            }
        }
        ok.then_some(questions)
    }

    fn question(&mut self, node: Node, path: &Path) -> Option<Question> {
        let fields = self.object(node, path, fields::QUESTION)?;
        let id = fields
            .get("id")
            .and_then(|n| self.id(n, &path.field("id"), MAX_QUESTION_ID));
        let kind = fields
            .get("type")
            .and_then(|n| self.question_type(n, &path.field("type")));
        let stem_node = fields.get("stem");
        let stem = stem_node.and_then(|n| self.text(n, &path.field("stem"), MAX_LONG_TEXT));
        let body = kind.and_then(|kind| self.body(kind, &fields, stem.as_ref(), stem_node, path));
        let explanation = self.recommended_text(
            &fields,
            path,
            ("explanation", MAX_LONG_TEXT),
            Code::MissingExplanation,
            (
                "这道题没有解析（explanation）：学员答错时需要知道为什么。",
                "This question has no explanation: members need to know why when they get it wrong.",
            ),
        );
        let source = self.recommended_text(
            &fields,
            path,
            ("source", MAX_SHORT_TEXT),
            Code::MissingSource,
            (
                "这道题没有出处（source）：请写明文件、版本和条款，或讲话名称和日期。",
                "This question has no source: name the document, edition and article, or the speech and date.",
            ),
        );
        let tags = match fields.get("tags") {
            Some(n) => self.tags(n, &path.field("tags")),
            None => Some(Vec::new()),
        };
        let difficulty = match fields.get("difficulty") {
            Some(n) => self.difficulty(n, &path.field("difficulty")),
            None => Some(Difficulty::Medium),
        };
        Some(Question {
            id: id?,
            stem: stem?,
            body: body?,
            explanation: explanation?,
            source: source?,
            tags: tags?,
            difficulty: difficulty?,
        })
    }

    /// An optional text field that a question should have: read when
    /// present, else a warning with `code` and the `(zh, en)` reason. `None`
    /// only when the text itself has a problem.
    fn recommended_text(
        &mut self,
        fields: &Fields,
        path: &Path,
        (name, max): (&str, usize),
        code: Code,
        (zh, en): (&str, &str),
    ) -> Option<Option<LocalText>> {
        match fields.get(name) {
            Some(node) => self.text(node, &path.field(name), max).map(Some),
            None => {
                let span = start_of(fields.span);
                let path = path.field(name);
                self.report(Severity::Warning, code, span, &path, zh.into(), en.into());
                Some(None)
            }
        }
    }

    fn body(
        &mut self,
        kind: QuestionType,
        fields: &Fields,
        stem: Option<&LocalText>,
        stem_node: Option<Node>,
        path: &Path,
    ) -> Option<Body> {
        let options_node = fields.get("options");
        let answer_node = fields.get("answer");
        match kind {
            QuestionType::Single | QuestionType::Multiple => {
                let options = match options_node {
                    Some(n) => self.options(n, &path.field("options")),
                    None => {
                        self.error(
                            Code::MissingField,
                            start_of(fields.span),
                            &path.field("options"),
                            format!(
                                "{}必须有选项（options，2 到 8 个）。",
                                kind.label(crate::Lang::Zh)
                            ),
                            format!(
                                "{} questions need options (2 to 8).",
                                kind.label(crate::Lang::En)
                            ),
                        );
                        None
                    }
                };
                let answer = answer_node.and_then(|n| {
                    self.letters(n, &path.field("answer"), options.as_ref().map(Vec::len))
                });
                let (options, answer) = (options?, answer?);
                let answer_path = path.field("answer");
                let answer_node = answer_node?;
                if kind == QuestionType::Single {
                    if answer.len() > 1 {
                        self.error(Code::SingleWithSeveral, answer_node.span(), &answer_path,
                            format!("单选题只能有一个答案，这里写了 {} 个：如果有多个正确选项，请把 type 改成 multiple。", answer.len()),
                            format!("A single-choice question has one answer; this one lists {}: if several options are right, change type to multiple.", answer.len()));
                        return None;
                    }
                    Some(Body::Single {
                        options,
                        answer: answer[0],
                    })
                } else {
                    if answer.len() < 2 {
                        self.report(Severity::Warning, Code::MultipleWithOne, answer_node.span(), &answer_path,
                            "多选题只有一个正确答案：是否应改为单选题（single）？".into(),
                            "This multiple-choice question has only one correct answer: should it be single?".into());
                    }
                    Some(Body::Multiple { options, answer })
                }
            }
            QuestionType::Judge => {
                self.no_options(options_node, kind, path);
                let answer_node = answer_node?;
                let answer_path = path.field("answer");
                match answer_node.value() {
                    Value::Bool(answer) => Some(Body::Judge { answer }),
                    Value::String(text) => {
                        let hint = match text.trim() {
                            "对" | "正确" | "是" | "√" | "true" | "True" | "TRUE" | "T" => {
                                "true"
                            }
                            _ => "false",
                        };
                        self.error(Code::BadAnswer, answer_node.span(), &answer_path,
                            format!("判断题的答案写 true（正确）或 false（错误），不加引号：“{text}”应写成 {hint}。"),
                            format!("A judge answer is true or false without quotes: \"{text}\" should be {hint}."));
                        None
                    }
                    _ => {
                        self.wrong_type(
                            answer_node,
                            &answer_path,
                            "true 或 false",
                            "true or false",
                        );
                        None
                    }
                }
            }
            QuestionType::Fill => {
                self.no_options(options_node, kind, path);
                let answer_path = path.field("answer");
                let blanks = self.blanks(answer_node?, &answer_path)?;
                if let (Some(stem), Some(stem_node)) = (stem, stem_node) {
                    self.check_blank_count(stem, stem_node, blanks.len(), &path.field("stem"));
                }
                Some(Body::Fill { blanks })
            }
        }
    }

    fn no_options(&mut self, options: Option<Node>, kind: QuestionType, path: &Path) {
        if let Some(node) = options {
            self.error(
                Code::OptionsNotAllowed,
                node.span(),
                &path.field("options"),
                format!(
                    "{}不需要选项（options）：请删除 options。",
                    kind.label(crate::Lang::Zh)
                ),
                format!(
                    "{} questions take no options: remove \"options\".",
                    kind.label(crate::Lang::En)
                ),
            );
        }
    }

    fn options(&mut self, node: Node, path: &Path) -> Option<Vec<Choice>> {
        let items = self.array(node, path)?;
        // Counted once: counting walks the list.
        let count = items.len();
        if !OPTIONS.contains(&count) {
            self.error(
                Code::OptionCount,
                node.span(),
                path,
                format!("选项要有 2 到 8 个，这里有 {count} 个。"),
                format!("Use 2 to 8 options; there are {count}."),
            );
            return None;
        }
        let mut choices: Vec<Choice> = Vec::with_capacity(count);
        // The place in the file of each option in `choices` (there are at
        // most eight).
        let mut places = [0; 8];
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            match self.choice(item, &item_path) {
                Some(choice) => {
                    let repeated = choices
                        .iter()
                        .position(|other| same_answer(&other.text.zh, &choice.text.zh));
                    if let Some(repeated) = repeated {
                        let message = crate::bank::repeated_option_message(i, places[repeated]);
                        self.error(
                            Code::DuplicateOption,
                            item.span(),
                            &item_path,
                            message.zh,
                            message.en,
                        );
                        ok = false;
                    }
                    places[choices.len()] = i;
                    choices.push(choice);
                }
                None => ok = false,
            }
        }
        ok.then_some(choices)
    }

    fn choice(&mut self, node: Node, path: &Path) -> Option<Choice> {
        // An option written as a text (not fixed) reads as one, as does one
        // written as a plain string (which is refused there).
        if let Some((zh, en)) = usual_text(node) {
            return self
                .languages(Some(zh), en, path, MAX_SHORT_TEXT)
                .map(|text| Choice { text, fixed: false });
        }
        if node.as_str().is_some() {
            return self
                .text(node, path, MAX_SHORT_TEXT)
                .map(|text| Choice { text, fixed: false });
        }
        let fields = self.object(node, path, fields::CHOICE)?;
        let fixed = match fields.get("fixed") {
            Some(n) => self.boolean(n, &path.field("fixed")),
            None => Some(false),
        };
        // The same texts as any bilingual text: the object also allows "fixed".
        let text = self.text_fields(&fields, path, MAX_SHORT_TEXT);
        Some(Choice {
            text: text?,
            fixed: fixed?,
        })
    }

    /// Option letters such as "B" or "ACD", as sorted indexes.
    fn letters(
        &mut self,
        node: Node,
        path: &Path,
        option_count: Option<usize>,
    ) -> Option<Vec<usize>> {
        let Value::String(text) = node.value() else {
            self.wrong_type(
                node,
                path,
                "选项字母，例如 \"B\" 或 \"ACD\"",
                "option letters, e.g. \"B\" or \"ACD\"",
            );
            return None;
        };
        let trimmed = text.trim();
        if trimmed.is_empty() || !trimmed.chars().all(|c| c.is_ascii_uppercase()) {
            self.error(Code::BadAnswer, node.span(), path,
                format!("答案“{text}”无效：请用大写选项字母连写，例如 \"B\" 或 \"ACD\"。"),
                format!("Answer \"{text}\" is invalid: write upper-case option letters together, e.g. \"B\" or \"ACD\"."));
            return None;
        }
        let mut indexes: Vec<usize> = Vec::with_capacity(trimmed.len());
        for c in trimmed.chars() {
            let index = (c as u8 - b'A') as usize;
            if indexes.contains(&index) {
                self.error(
                    Code::BadAnswer,
                    node.span(),
                    path,
                    format!("答案“{text}”里字母 {c} 重复了。"),
                    format!("Answer \"{text}\" repeats the letter {c}."),
                );
                return None;
            }
            indexes.push(index);
        }
        crate::order::sort(&mut indexes);
        if let Some(count) = option_count {
            if let Some(&bad) = indexes.iter().find(|&&i| i >= count) {
                self.error(Code::BadAnswer, node.span(), path,
                    format!("答案“{text}”里的 {} 不在选项中：只有 A 到 {} 共 {count} 个选项。", letter(bad), letter(count - 1)),
                    format!("Answer \"{text}\": {} is not among the options; there are {count} (A to {}).", letter(bad), letter(count - 1)));
                return None;
            }
        }
        Some(indexes)
    }

    fn blanks(&mut self, node: Node, path: &Path) -> Option<Vec<Blank>> {
        let Some(items) = (match node.value() {
            Value::Array(items) => Some(items),
            _ => None,
        }) else {
            self.wrong_type(
                node,
                path,
                "列表，每个空一项：[{\"zh\": [\"答案\"]}]",
                "a list with one entry per blank: [{\"zh\": [\"answer\"]}]",
            );
            return None;
        };
        if items.is_empty() || items.len() > MAX_BLANKS {
            self.error(
                Code::BadAnswer,
                node.span(),
                path,
                format!(
                    "填空题要有 1 到 {MAX_BLANKS} 个空的答案，这里有 {} 个。",
                    items.len()
                ),
                format!(
                    "A fill-in question needs answers for 1 to {MAX_BLANKS} blanks; there are {}.",
                    items.len()
                ),
            );
            return None;
        }
        let mut blanks = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            let Some(fields) = self.object(item, &item_path, fields::BLANK) else {
                ok = false;
                continue;
            };
            let zh = fields
                .get("zh")
                .and_then(|n| self.accepted(n, &item_path.field("zh"), true));
            let en = match fields.get("en") {
                Some(n) => self.accepted(n, &item_path.field("en"), false),
                None => Some(Vec::new()),
            };
            match (zh, en) {
                (Some(zh), Some(en)) => blanks.push(Blank { zh, en }),
                _ => ok = false,
            }
        }
        ok.then_some(blanks)
    }

    /// A list of accepted answers for one blank.
    fn accepted(&mut self, node: Node, path: &Path, required: bool) -> Option<Vec<String>> {
        let items = self.array(node, path)?;
        if items.is_empty() && required {
            self.error(
                Code::BadAnswer,
                node.span(),
                path,
                "至少要写一个可接受的答案。".into(),
                "List at least one accepted answer.".into(),
            );
            return None;
        }
        let mut answers = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            match self.string(item, &item_path) {
                Some(text) if self.checked_text(item, &item_path, &text, MAX_SHORT_TEXT) => {
                    answers.push(text.into_owned())
                }
                _ => ok = false,
            }
        }
        ok.then_some(answers)
    }

    fn check_blank_count(
        &mut self,
        stem: &LocalText,
        stem_node: Node,
        answers: usize,
        path: &Path,
    ) {
        let mut languages = vec![("zh", "中文", &stem.zh)];
        if let Some(en) = &stem.en {
            languages.push(("en", "英文", en));
        }
        for (key, zh_name, text) in languages {
            let blanks = count_blanks(text);
            if blanks != answers {
                self.error(Code::BlankMismatch, stem_node.span(), &path.field(key),
                    format!("{zh_name}题干里有 {blanks} 个空（用 ____ 表示），答案却给了 {answers} 个空：两者要一致。"),
                    format!("The {} stem has {blanks} blank(s) (marked ____) but the answer lists {answers}: they must match.", if key == "zh" { "Chinese" } else { "English" }));
            }
        }
    }

    fn tags(&mut self, node: Node, path: &Path) -> Option<Vec<String>> {
        let items = self.array(node, path)?;
        let count = items.len();
        if count > MAX_TAGS {
            self.error(
                Code::TooMany,
                node.span(),
                path,
                format!("标签太多（{count} 个），最多 {MAX_TAGS} 个。"),
                format!("Too many tags ({count}); at most {MAX_TAGS}."),
            );
            return None;
        }
        let mut tags = Vec::with_capacity(count);
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            let Some(tag) = self.id(item, &item_path, MAX_BANK_ID) else {
                ok = false;
                continue;
            };
            if let Some(declared) = &self.declared_tags {
                // The declared keys come sorted from the `tag_names` map.
                if declared.binary_search(&tag).is_err() {
                    let names: Vec<&str> = declared.iter().map(String::as_str).collect();
                    let (zh, en) = match closest(&tag, &names) {
                        Some(name) => (
                            format!("标签“{tag}”没有在 tag_names 里定义，是不是“{name}”？"),
                            format!("Tag \"{tag}\" is not declared in tag_names; did you mean \"{name}\"?"),
                        ),
                        None => (
                            format!("标签“{tag}”没有在 tag_names 里定义：请先在 tag_names 里加上它的名称。"),
                            format!("Tag \"{tag}\" is not declared in tag_names: add its name there first."),
                        ),
                    };
                    self.error(Code::UnknownTag, item.span(), &item_path, zh, en);
                    ok = false;
                    continue;
                }
            }
            tags.push(tag);
        }
        ok.then_some(tags)
    }

    fn difficulty(&mut self, node: Node, path: &Path) -> Option<Difficulty> {
        let text = self.string(node, path)?;
        if let Some(level) = Difficulty::ALL
            .into_iter()
            .find(|level| level.key() == text)
        {
            return Some(level);
        }
        let hint = match text.trim() {
            "易" | "简单" | "容易" | "1" => Some("easy"),
            "中" | "一般" | "中等" | "2" => Some("medium"),
            "难" | "困难" | "较难" | "3" => Some("hard"),
            other => closest(other, &["easy", "medium", "hard"]),
        };
        let (zh, en) = match hint {
            Some(key) => (
                format!("难度“{text}”无效，是不是“{key}”？只能是 easy、medium、hard。"),
                format!("Difficulty \"{text}\" is invalid; did you mean \"{key}\"? Use easy, medium or hard."),
            ),
            None => (
                format!("难度“{text}”无效：只能是 easy（易）、medium（中）、hard（难）。"),
                format!("Difficulty \"{text}\" is invalid: use easy, medium or hard."),
            ),
        };
        self.error(Code::BadValue, node.span(), path, zh, en);
        None
    }
}
