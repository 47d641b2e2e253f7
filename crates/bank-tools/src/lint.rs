//! Bank lints: what makes a bank worse without making it wrong.
//!
//! `check_bank` (in quiz-core) refuses what the app cannot use. These
//! checks look for what a reviewer would point out: the same question
//! asked twice, an official term translated some other way, and answers
//! a member could guess without knowing them (one answer letter far more
//! often right than the others, mostly-true statements, multiple-choice
//! questions where ticking every option passes). They only warn.
//!
//! They live in the library, and take banks and their text rather than
//! files, so a browser workbench can run the same checks as `quizbank
//! check`.

use aho_corasick::AhoCorasick;
use quiz_core::bank::{letter, Body};
use quiz_core::diagnostic::{Message, Severity};
use quiz_core::json::{LineIndex, Node, Span, Tree, Value};
use quiz_core::normalize::normalize_answer;
use quiz_core::{Bank, LocalText, Question};
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;
use std::collections::HashMap;

/// Two questions whose stem and answer are at least this similar (in
/// percent, the Dice coefficient of their character bigrams) are
/// reported as near-duplicates. Rewording a question's ending or swapping
/// two options stays above it; two questions about the same article
/// usually fall well below.
pub const DUPLICATE_PERCENT: u32 = 85;

/// Texts with fewer character bigrams than this are too short to compare
/// (such as a two-character stem with a one-character answer).
const MIN_BIGRAMS: usize = 4;

/// Answer balance is judged only on at least this many questions of a
/// type: on fewer, a lopsided count is chance.
pub const MIN_BALANCE_SAMPLE: usize = 20;

/// A single-choice answer letter is flagged when it is right this many
/// times more often than chance gives it (in tenths: 15 is 1.5 times)…
pub const LETTER_OVER_TENTHS: u32 = 15;

/// …or this many times less often (in tenths: 5 is half as often).
pub const LETTER_UNDER_TENTHS: u32 = 5;

/// Judge questions are flagged when fewer than this percentage, or more
/// than 100 minus it, are true.
pub const JUDGE_MIN_PERCENT: u32 = 30;

/// What a lint is about: a stable name for `--format json` and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LintCode {
    /// Two questions with nearly the same stem and answer.
    NearDuplicate,
    /// A listed term in the Chinese text, and none of its English
    /// renderings in the English text.
    UntranslatedTerm,
    /// `terms.json` could not be read.
    TermsFile,
    /// One single-choice answer letter far more (or less) often right.
    AnswerLetterSkew,
    /// Judge questions mostly true, or mostly false.
    JudgeSkew,
    /// A blind multiple-choice strategy reaches the pass mark.
    GuessableMultiple,
    /// A question uses an id listed in `retired.json`.
    RetiredId,
    /// `retired.json` could not be read.
    RetiredFile,
}

impl LintCode {
    /// The kebab-case name, as in `--format json`.
    pub fn as_str(self) -> &'static str {
        match self {
            LintCode::NearDuplicate => "near-duplicate",
            LintCode::UntranslatedTerm => "untranslated-term",
            LintCode::TermsFile => "terms-file",
            LintCode::AnswerLetterSkew => "answer-letter-skew",
            LintCode::JudgeSkew => "judge-skew",
            LintCode::GuessableMultiple => "guessable-multiple",
            LintCode::RetiredId => "retired-id",
            LintCode::RetiredFile => "retired-file",
        }
    }
}

/// One finding, located like quiz-core's diagnostics and serialised in the
/// same shape, so reports can list both together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lint {
    /// Warning, except for a `terms.json` that cannot be read.
    pub severity: Severity,
    /// What kind of finding it is.
    pub code: LintCode,
    /// The file, as the caller named it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offsets of the text concerned, for source snippets.
    #[serde(skip)]
    pub span: Span,
    /// The field's path, e.g. `questions[3].stem.en`.
    pub path: String,
    /// The question's id, when the finding is about one question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// What was found and what to do, in both languages.
    pub message: Message,
}

/// A bank that loaded, with the file name and text it came from (for line
/// numbers).
#[derive(Clone, Copy)]
pub struct Source<'a> {
    /// The file, as the caller names it.
    pub file: &'a str,
    /// The file's text.
    pub text: &'a str,
    /// The checked bank.
    pub bank: &'a Bank,
}

/// Finds where a field path is in a file's text. The text is parsed again
/// only when a finding needs a place, which most checks never do.
struct Locator<'a> {
    source: Source<'a>,
    tree: OnceCell<Option<Tree<'a>>>,
    lines: LineIndex<'a>,
}

impl<'a> Locator<'a> {
    fn new(source: Source<'a>) -> Self {
        Locator {
            source,
            tree: OnceCell::new(),
            lines: LineIndex::new(source.text),
        }
    }

    /// The span of `path` (such as `questions[3].options[1].en`), or of
    /// the deepest part of it that exists.
    fn span(&self, path: &str) -> Span {
        let Some(tree) = self
            .tree
            .get_or_init(|| quiz_core::json::parse(self.source.text).ok())
        else {
            return Span::default();
        };
        let mut node = tree.root();
        for part in path.split('.').filter(|part| !part.is_empty()) {
            let (key, index) = match part.split_once('[') {
                Some((key, rest)) => (key, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (part, None),
            };
            let Some(next) = (!key.is_empty()).then(|| node.get(key)).flatten() else {
                break;
            };
            node = next;
            if let Some(index) = index {
                match item(node, index) {
                    Some(next) => node = next,
                    None => break,
                }
            }
        }
        node.span()
    }

    /// A finding at `path`.
    fn lint(&self, code: LintCode, path: String, question: Option<&str>, message: Message) -> Lint {
        let span = self.span(&path);
        let (line, column) = self.lines.line_col(span.start);
        Lint {
            severity: Severity::Warning,
            code,
            file: self.source.file.to_string(),
            line,
            column,
            span,
            path,
            question: question.map(str::to_string),
            message,
        }
    }
}

/// The `index`th item of an array node.
fn item(node: Node<'_>, index: usize) -> Option<Node<'_>> {
    match node.value() {
        Value::Array(items) => items.iter().nth(index),
        _ => None,
    }
}

// ------------------------------------------------------------ Near-duplicates

/// What two questions are compared on: the Chinese stem and the answer's
/// text (the right options, or the first accepted answer of each blank).
/// A judge question's answer is left out, so one statement asked once as
/// true and once as false is found too.
fn comparable_text(question: &Question) -> String {
    let mut text = question.stem.zh.clone();
    match &question.body {
        Body::Single { options, answer } => {
            if let Some(option) = options.get(*answer) {
                text.push_str(&option.text.zh);
            }
        }
        Body::Multiple { options, answer } => {
            for &index in answer {
                if let Some(option) = options.get(index) {
                    text.push_str(&option.text.zh);
                }
            }
        }
        Body::Judge { .. } => {}
        Body::Fill { blanks } => {
            for blank in blanks {
                if let Some(first) = blank.zh.first() {
                    text.push_str(first);
                }
            }
        }
    }
    // Width, case and spacing folded; punctuation, brackets and blanks
    // dropped: only what is said is compared.
    normalize_answer(&text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The distinct character bigrams of `text`.
fn bigrams(text: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = text.chars().collect();
    let mut pairs: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// One pair of near-duplicate questions: `(source, question)` indexes of
/// the earlier and the later one, and their similarity in percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DuplicatePair {
    /// The question met first, in source order.
    pub first: (usize, usize),
    /// The question met later.
    pub second: (usize, usize),
    /// The Dice coefficient of their bigrams, in percent (rounded down).
    pub percent: u32,
}

/// Finds every pair of questions, within a bank and across the banks, at
/// least [`DUPLICATE_PERCENT`] similar.
///
/// Comparing all pairs of 20,000 questions is 200 million comparisons.
/// Instead this is the prefix-filtering similarity join ("All-Pairs",
/// Bayardo et al. 2007, with PPJoin's shorter indexed prefix): each
/// question's bigrams are ordered rarest first, and two questions can only
/// reach the threshold if the first few bigrams of each (prefixes whose
/// lengths the threshold sets) share one. Questions are taken shortest
/// first; only those sharing a prefix bigram with an earlier one, found
/// through an index of prefixes, are compared in full.
pub fn near_duplicate_pairs(banks: &[&Bank]) -> Vec<DuplicatePair> {
    let mut places: Vec<(usize, usize)> = Vec::new();
    let mut ids: HashMap<(char, char), u32> = HashMap::new();
    let mut records: Vec<Vec<u32>> = Vec::new();
    for (b, bank) in banks.iter().enumerate() {
        for (q, question) in bank.questions.iter().enumerate() {
            let pairs = bigrams(&comparable_text(question));
            if pairs.len() < MIN_BIGRAMS {
                continue;
            }
            records.push(
                pairs
                    .into_iter()
                    .map(|pair| {
                        let next = ids.len() as u32;
                        *ids.entry(pair).or_insert(next)
                    })
                    .collect(),
            );
            places.push((b, q));
        }
    }
    // Renumber bigrams by rarity, so a record sorted by number is sorted
    // rarest first and two records merge by plain comparison.
    let mut frequency = vec![0u32; ids.len()];
    for record in &records {
        for &token in record {
            frequency[token as usize] += 1;
        }
    }
    let mut by_rarity: Vec<u32> = (0..ids.len() as u32).collect();
    by_rarity.sort_unstable_by_key(|&token| (frequency[token as usize], token));
    let mut rank = vec![0u32; ids.len()];
    for (position, &token) in by_rarity.iter().enumerate() {
        rank[token as usize] = position as u32;
    }
    for record in &mut records {
        for token in record.iter_mut() {
            *token = rank[*token as usize];
        }
        record.sort_unstable();
    }
    // Dice d and Jaccard j of the same pair: j = d / (2 - d). The small
    // margin keeps float error from ever shortening a prefix.
    let dice = f64::from(DUPLICATE_PERCENT) / 100.0;
    let jaccard = dice / (2.0 - dice);
    let at_least =
        |share: f64, size: usize| ((share * size as f64) - 1e-9).ceil().max(0.0) as usize;
    let probe = |size: usize| {
        (size + 1)
            .saturating_sub(at_least(jaccard, size))
            .clamp(1, size)
    };
    let indexed = |size: usize| {
        (size + 1)
            .saturating_sub(at_least(2.0 * jaccard / (1.0 + jaccard), size))
            .clamp(1, size)
    };
    let mut order: Vec<usize> = (0..records.len()).collect();
    order.sort_by_key(|&r| records[r].len());
    let mut index: Vec<Vec<u32>> = vec![Vec::new(); ids.len()];
    // Where each list's records become long enough for the current one:
    // records come shortest first, so this only moves forward.
    let mut starts: Vec<usize> = vec![0; ids.len()];
    let mut seen: Vec<u32> = vec![u32::MAX; records.len()];
    let mut candidates: Vec<u32> = Vec::new();
    let mut pairs = Vec::new();
    for &r in &order {
        let record = &records[r];
        let shortest = at_least(jaccard, record.len());
        candidates.clear();
        for &token in &record[..probe(record.len())] {
            let list = &index[token as usize];
            let start = &mut starts[token as usize];
            while *start < list.len() && records[list[*start] as usize].len() < shortest {
                *start += 1;
            }
            for &s in &list[*start..] {
                if seen[s as usize] != r as u32 {
                    seen[s as usize] = r as u32;
                    candidates.push(s);
                }
            }
        }
        for &s in &candidates {
            let other = &records[s as usize];
            let shared = shared_count(other, record);
            let percent = (200 * shared / (other.len() + record.len())) as u32;
            if percent >= DUPLICATE_PERCENT {
                let (first, second) = if s as usize <= r {
                    (s as usize, r)
                } else {
                    (r, s as usize)
                };
                pairs.push(DuplicatePair {
                    first: places[first],
                    second: places[second],
                    percent,
                });
            }
        }
        for &token in &record[..indexed(record.len())] {
            index[token as usize].push(r as u32);
        }
    }
    pairs.sort_unstable_by_key(|pair| (pair.second, pair.first));
    pairs
}

/// How many tokens two sorted lists share.
fn shared_count(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// A warning on the later question of each near-duplicate pair, naming
/// both places.
pub fn near_duplicates(sources: &[Source]) -> Vec<Lint> {
    let banks: Vec<&Bank> = sources.iter().map(|source| source.bank).collect();
    let pairs = near_duplicate_pairs(&banks);
    let locators: Vec<Locator> = sources.iter().map(|s| Locator::new(*s)).collect();
    pairs
        .into_iter()
        .map(|pair| {
            let (fb, fq) = pair.first;
            let (sb, sq) = pair.second;
            let first = &sources[fb].bank.questions[fq];
            let second = &sources[sb].bank.questions[sq];
            let first_path = format!("questions[{fq}].stem.zh");
            let first_at = locators[fb].lint(LintCode::NearDuplicate, first_path, None, Message::new("", ""));
            let place = format!("{}:{}", sources[fb].file, first_at.line);
            let percent = pair.percent;
            locators[sb].lint(
                LintCode::NearDuplicate,
                format!("questions[{sq}].stem.zh"),
                Some(&second.id),
                Message::new(
                    format!(
                        "题目“{}”与 {place} 的题目“{}”几乎相同（题干和答案的相似度 {percent}%，达到 {DUPLICATE_PERCENT}% 即提示）：如果是重复题，请删去或改写其中一道。",
                        second.id, first.id
                    ),
                    format!(
                        "Question \"{}\" is nearly the same as question \"{}\" at {place} (stem and answer {percent}% alike; {DUPLICATE_PERCENT}% or more is flagged): if one repeats the other, delete or rewrite it.",
                        second.id, first.id
                    ),
                ),
            )
        })
        .collect()
}

// ------------------------------------------------------------ Terminology

/// The terminology list, `questions/terms.json`: official English
/// renderings of Chinese political terms, so every bank translates them
/// the same way.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Terms {
    /// The terms.
    pub terms: Vec<Term>,
}

/// One term and its accepted English renderings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Term {
    /// The Chinese term, e.g. 两学一做.
    pub zh: String,
    /// Accepted renderings, e.g. "Two Studies, One Action"; any one of
    /// them (in any case) in the English text is enough.
    pub en: Vec<String>,
    /// Where the rendering comes from (documentation only).
    #[serde(default)]
    pub source: Option<String>,
}

impl Terms {
    /// Reads a terminology list. Fails with a message (in both languages,
    /// with line and column) when it is not valid JSON of that shape, or a
    /// term has no Chinese or no English rendering.
    pub fn parse(bytes: &[u8]) -> Result<Terms, (usize, usize, Message)> {
        let terms: Terms = read_list(
            bytes,
            ("术语表", "The terminology list"),
            r#"{"terms": [{"zh": "两学一做", "en": ["Two Studies, One Action"]}]}"#,
        )?;
        for (i, term) in terms.terms.iter().enumerate() {
            if term.zh.trim().is_empty() || term.en.iter().all(|en| en.trim().is_empty()) {
                return Err((
                    1,
                    1,
                    Message::new(
                        format!("术语表第 {} 个术语缺少中文或英文译法。", i + 1),
                        format!(
                            "Term {} of the terminology list has no Chinese or no English rendering.",
                            i + 1
                        ),
                    ),
                ));
            }
        }
        Ok(terms)
    }
}

/// Reads a list kept beside the banks (`terms.json`, `retired.json`), or
/// says where it is wrong and what it should look like: `name` is the
/// list's name in Chinese and English, `example` a valid list.
fn read_list<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    name: (&str, &str),
    example: &str,
) -> Result<T, (usize, usize, Message)> {
    serde_json::from_slice(bytes).map_err(|error| {
        (
            error.line(),
            error.column(),
            Message::new(
                format!("{}读不出来（{error}）：格式应是 {example}。", name.0),
                format!(
                    "{} cannot be read ({error}): it should look like {example}.",
                    name.1
                ),
            ),
        )
    })
}

// ------------------------------------------------------------ Retired ids

/// The ids of removed questions, kept so they are never used again:
/// members' progress is keyed by question id, and a new question under an
/// old id would inherit another question's wrong-answer book entries,
/// reviews and favourites.
#[derive(Debug, Clone, Deserialize)]
pub struct Retired {
    /// The retired ids, each with why and when.
    pub retired: Vec<RetiredId>,
}

/// One retired id.
#[derive(Debug, Clone, Deserialize)]
pub struct RetiredId {
    /// The id, e.g. `charter-085`.
    pub id: String,
    /// Why the question was removed (documentation only).
    #[serde(default)]
    pub reason: Option<String>,
    /// When, `YYYY-MM-DD` (documentation only).
    #[serde(default)]
    pub date: Option<String>,
}

impl Retired {
    /// Reads a list of retired ids. Fails with a message (in both
    /// languages, with line and column) when it is not valid JSON of that
    /// shape or an id is empty.
    pub fn parse(bytes: &[u8]) -> Result<Retired, (usize, usize, Message)> {
        let retired: Retired = read_list(
            bytes,
            ("停用编号表", "The list of retired ids"),
            r#"{"retired": [{"id": "charter-085", "reason": "…"}]}"#,
        )?;
        if let Some(at) = retired
            .retired
            .iter()
            .position(|entry| entry.id.trim().is_empty())
        {
            return Err((
                1,
                1,
                Message::new(
                    format!("停用编号表第 {} 项没有编号。", at + 1),
                    format!("Entry {} of the retired ids has no id.", at + 1),
                ),
            ));
        }
        Ok(retired)
    }
}

/// An error for each question of `source` whose id is retired, at the id.
pub fn retired_ids(source: Source, retired: &Retired) -> Vec<Lint> {
    let locator = Locator::new(source);
    source
        .bank
        .questions
        .iter()
        .enumerate()
        .filter(|(_, question)| retired.retired.iter().any(|entry| entry.id == question.id))
        .map(|(index, question)| {
            let id = &question.id;
            Lint {
                severity: Severity::Error,
                ..locator.lint(
                    LintCode::RetiredId,
                    format!("questions[{index}].id"),
                    Some(id),
                    Message::new(
                        format!("编号“{id}”属于一道已删除的题目（见 retired.json），不能再用：学习记录按编号保存，新题会继承旧题的错题本和复习记录。请换一个新编号。"),
                        format!("Id \"{id}\" belonged to a removed question (see retired.json) and must not be used again: progress is kept by id, so a new question would inherit the old one's wrong-answer book and reviews. Use a new id."),
                    ),
                )
            }
        })
        .collect()
}

/// The texts of a question the terminology check reads, with their paths
/// and names.
fn question_texts(question: &Question, index: usize) -> Vec<(String, String, String, &LocalText)> {
    let base = format!("questions[{index}]");
    let mut texts = vec![(
        format!("{base}.stem"),
        "题干".to_string(),
        "stem".to_string(),
        &question.stem,
    )];
    for (i, option) in question.options().iter().enumerate() {
        texts.push((
            format!("{base}.options[{i}]"),
            format!("选项 {}", letter(i)),
            format!("option {}", letter(i)),
            &option.text,
        ));
    }
    if let Some(explanation) = &question.explanation {
        texts.push((
            format!("{base}.explanation"),
            "解析".into(),
            "explanation".into(),
            explanation,
        ));
    }
    texts
}

/// Warns where a question's Chinese text (stem, options, explanation)
/// holds a listed term and its English text holds none of the term's
/// renderings, ignoring case. Texts without English are left alone: the
/// app shows the Chinese there.
pub fn terminology(source: Source, terms: &Terms) -> Vec<Lint> {
    let Ok(automaton) = AhoCorasick::new(terms.terms.iter().map(|term| &term.zh)) else {
        return Vec::new();
    };
    let renderings: Vec<Vec<String>> = terms
        .terms
        .iter()
        .map(|term| {
            term.en
                .iter()
                .filter(|en| !en.trim().is_empty())
                .map(|en| en.to_lowercase())
                .collect()
        })
        .collect();
    let locator = Locator::new(source);
    let mut lints = Vec::new();
    for (index, question) in source.bank.questions.iter().enumerate() {
        for (path, zh_name, en_name, text) in question_texts(question, index) {
            let Some(english) = &text.en else { continue };
            let mut found: Vec<usize> = automaton
                .find_overlapping_iter(&text.zh)
                .map(|found| found.pattern().as_usize())
                .collect();
            if found.is_empty() {
                continue;
            }
            found.sort_unstable();
            found.dedup();
            let english = english.to_lowercase();
            for term in found {
                if renderings[term]
                    .iter()
                    .any(|en| english.contains(en.as_str()))
                {
                    continue;
                }
                let listed = terms.terms[term].en.join("” / “");
                let zh_term = &terms.terms[term].zh;
                lints.push(locator.lint(
                    LintCode::UntranslatedTerm,
                    format!("{path}.en"),
                    Some(&question.id),
                    Message::new(
                        format!("{zh_name}的中文里有术语“{zh_term}”，英文里却没有术语表给出的译法（“{listed}”）：请按 terms.json 统一译名。"),
                        format!("The Chinese {en_name} uses the term \"{zh_term}\", but its English has none of the terminology list's renderings (“{listed}”): translate it as terms.json says."),
                    ),
                ));
            }
        }
    }
    lints
}

// ------------------------------------------------------------ Answer balance

/// How a bank's answers are spread, and what blind strategies score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Balance {
    /// Single-choice questions.
    pub single: usize,
    /// For each answer letter (A, B, …) used by any single-choice
    /// question: how many times it is right, and how many times chance
    /// would make it right (each option of a question equally likely).
    pub letters: Vec<LetterCount>,
    /// Judge questions whose statement is true.
    pub judge_true: usize,
    /// Judge questions whose statement is false.
    pub judge_false: usize,
    /// Multiple-choice questions.
    pub multiple: usize,
    /// Multiple-choice questions that ticking every option answers right
    /// (every option is correct).
    pub tick_all: usize,
    /// Multiple-choice questions answered right by ticking every option
    /// but one wrong one, for someone who can rule out just one: those
    /// with at most one wrong option.
    pub tick_all_but_one: usize,
    /// The bank's pass mark, in percent of the paper's points.
    pub pass_percent: u32,
}

/// How often one answer letter is right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LetterCount {
    /// The letter.
    pub letter: char,
    /// Questions whose answer it is.
    pub count: usize,
    /// Questions chance would give it: the sum of 1/(number of options)
    /// over the questions that have this letter.
    pub expected: f64,
}

impl Balance {
    /// Percent of multiple-choice points that ticking every option earns.
    pub fn tick_all_percent(&self) -> f64 {
        percent(self.tick_all, self.multiple)
    }

    /// Percent of multiple-choice points that ticking all but one wrong
    /// option earns. Every multiple-choice question of a paper is worth the
    /// same points, so this is also the share of questions.
    pub fn tick_all_but_one_percent(&self) -> f64 {
        percent(self.tick_all_but_one, self.multiple)
    }

    /// Percent of judge questions that are true.
    pub fn judge_true_percent(&self) -> f64 {
        percent(self.judge_true, self.judge_true + self.judge_false)
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// Counts a bank's answer balance.
pub fn balance(bank: &Bank) -> Balance {
    let mut balance = Balance {
        single: 0,
        letters: Vec::new(),
        judge_true: 0,
        judge_false: 0,
        multiple: 0,
        tick_all: 0,
        tick_all_but_one: 0,
        pass_percent: bank.paper.pass_percent,
    };
    for question in &bank.questions {
        match &question.body {
            Body::Single { options, answer } => {
                balance.single += 1;
                while balance.letters.len() < options.len() {
                    let next = letter(balance.letters.len());
                    balance.letters.push(LetterCount {
                        letter: next,
                        count: 0,
                        expected: 0.0,
                    });
                }
                for entry in &mut balance.letters[..options.len()] {
                    entry.expected += 1.0 / options.len() as f64;
                }
                if let Some(entry) = balance.letters.get_mut(*answer) {
                    entry.count += 1;
                }
            }
            Body::Judge { answer: true } => balance.judge_true += 1,
            Body::Judge { answer: false } => balance.judge_false += 1,
            Body::Multiple { options, answer } => {
                balance.multiple += 1;
                let wrong = options.len().saturating_sub(answer.len());
                balance.tick_all += usize::from(wrong == 0);
                balance.tick_all_but_one += usize::from(wrong <= 1);
            }
            Body::Fill { .. } => {}
        }
    }
    balance
}

/// Warns where answers can be guessed: a blind multiple-choice strategy
/// reaching the pass mark, a skewed answer letter, or lopsided judge
/// questions. Each rule needs [`MIN_BALANCE_SAMPLE`] questions of its type.
pub fn balance_lints(source: Source) -> Vec<Lint> {
    let balance = balance(source.bank);
    let locator = Locator::new(source);
    let mut lints = Vec::new();
    let pass = balance.pass_percent;
    if balance.multiple >= MIN_BALANCE_SAMPLE {
        let strategies = [
            (balance.tick_all_percent(), "全选", "ticking every option"),
            (
                balance.tick_all_but_one_percent(),
                "只排除一个错误选项、其余全选",
                "ticking every option but one wrong one",
            ),
        ];
        // Ticking all but one scores at least as well as ticking all:
        // name the stronger strategy that passes.
        if let Some((score, zh, en)) = strategies
            .iter()
            .rev()
            .find(|(score, _, _)| *score >= f64::from(pass))
        {
            lints.push(locator.lint(
                LintCode::GuessableMultiple,
                "paper.pass_percent".into(),
                None,
                Message::new(
                    format!("多选题靠“{zh}”就能拿到 {score:.0}% 的分，达到了及格线 {pass}%：错误选项只有一个（或没有）的多选题太多，请给它们多加几个似是而非的错误选项。"),
                    format!("On multiple choice, {en} scores {score:.0}% of the points, reaching the pass mark of {pass}%: too many questions have one wrong option or none; give them more plausible wrong options."),
                ),
            ));
        }
    }
    if balance.single >= MIN_BALANCE_SAMPLE {
        // Letters right far more, or far less, often than chance makes
        // them; letters too rare to judge (fewer than five expected) are
        // left out.
        let skewed: Vec<String> = balance
            .letters
            .iter()
            .filter(|entry| entry.expected >= 5.0)
            .filter(|entry| {
                let tenths = 10.0 * entry.count as f64 / entry.expected;
                tenths >= f64::from(LETTER_OVER_TENTHS) || tenths <= f64::from(LETTER_UNDER_TENTHS)
            })
            .map(|entry| {
                format!(
                    "{} {:.0}% ({:.0}%)",
                    entry.letter,
                    percent(entry.count, balance.single),
                    100.0 * entry.expected / balance.single as f64
                )
            })
            .collect();
        if !skewed.is_empty() {
            let list = skewed.join(", ");
            let over = f64::from(LETTER_OVER_TENTHS) / 10.0;
            let under = f64::from(LETTER_UNDER_TENTHS) / 10.0;
            lints.push(locator.lint(
                LintCode::AnswerLetterSkew,
                "questions".into(),
                None,
                Message::new(
                    format!("单选题答案字母分布不均（{} 道）：{list}（括号里是随机应有的比例；达到随机的 {over:.1} 倍或不到 {under:.1} 倍即提示）。会猜的人能占便宜，请调整一些题的选项顺序。", balance.single),
                    format!("Single-choice answer letters are lopsided ({} questions): {list} (chance in brackets; {over:.1} times chance or more, or {under:.1} times or less, is flagged). Guessers gain from it; reorder some questions' options.", balance.single),
                ),
            ));
        }
    }
    let judged = balance.judge_true + balance.judge_false;
    if judged >= MIN_BALANCE_SAMPLE {
        let true_percent = balance.judge_true_percent();
        let low = f64::from(JUDGE_MIN_PERCENT);
        let high = 100.0 - low;
        if true_percent < low || true_percent > high {
            lints.push(locator.lint(
                LintCode::JudgeSkew,
                "questions".into(),
                None,
                Message::new(
                    format!("判断题中“正确”占 {true_percent:.0}%（{} / {judged} 道），超出了 {low:.0}%–{high:.0}% 的范围：一律答同一个就能拿大部分分，请让对错更均衡。", balance.judge_true),
                    format!("{true_percent:.0}% of judge questions are true ({} of {judged}), outside {low:.0}%–{high:.0}%: always answering the same scores most points; balance true and false.", balance.judge_true),
                ),
            ));
        }
    }
    lints
}

/// Every lint for banks checked together: near-duplicates within and
/// across them, and each bank's answer balance. Terminology needs a list:
/// see [`terminology`].
pub fn lint(sources: &[Source]) -> Vec<Lint> {
    let mut lints = near_duplicates(sources);
    for source in sources {
        lints.extend(balance_lints(*source));
    }
    lints
}

#[cfg(test)]
mod tests {
    use super::*;
    use quiz_core::bank::{Choice, Paper, Section};
    use quiz_core::QuestionType;

    /// Text to cut synthetic stems from: realistic Chinese, with the
    /// common bigrams (党的, 中国, 社会主义…) that make a naive index slow.
    const TEXT: &str = "中国共产党是中国工人阶级的先锋队，同时是中国人民和中华民族的先锋队，是中国特色社会主义事业的领导核心，代表中国先进生产力的发展要求，代表中国先进文化的前进方向，代表中国最广大人民的根本利益。党的最高理想和最终目标是实现共产主义。中国共产党以马克思列宁主义、毛泽东思想、邓小平理论、三个代表重要思想、科学发展观、习近平新时代中国特色社会主义思想作为自己的行动指南。党员必须认真学习党的路线、方针、政策和决议，学习党的基本知识，学习科学、文化、法律和业务知识。预备党员的预备期为一年。党的纪律处分有五种：警告、严重警告、撤销党内职务、留党察看、开除党籍。";

    /// A small deterministic generator, so tests need no random crate.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, below: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) as usize) % below
        }
    }

    fn text(zh: &str, en: Option<&str>) -> LocalText {
        LocalText {
            zh: zh.to_string(),
            en: en.map(str::to_string),
        }
    }

    fn judge(id: &str, stem: &str, answer: bool) -> Question {
        Question {
            id: id.to_string(),
            stem: text(stem, None),
            body: Body::Judge { answer },
            explanation: None,
            source: None,
            tags: Vec::new(),
            difficulty: Default::default(),
        }
    }

    fn choice(id: &str, multiple: bool, options: usize, answer: &[usize]) -> Question {
        let options: Vec<Choice> = (0..options)
            .map(|i| Choice {
                text: text(&format!("选项{i}"), None),
                fixed: false,
            })
            .collect();
        let body = if multiple {
            Body::Multiple {
                options,
                answer: answer.to_vec(),
            }
        } else {
            Body::Single {
                options,
                answer: answer[0],
            }
        };
        Question {
            body,
            ..judge(id, &format!("题干{id}"), true)
        }
    }

    fn bank(id: &str, questions: Vec<Question>) -> Bank {
        Bank {
            schema: None,
            id: id.to_string(),
            version: 1,
            updated: "2026-01-01".into(),
            title: text("题库", None),
            description: text("说明", None),
            tag_names: Default::default(),
            paper: Paper {
                time_limit_minutes: 30,
                pass_percent: 60,
                partial_credit: false,
                sections: vec![Section {
                    kind: QuestionType::Judge,
                    count: 1,
                    points: 1,
                }],
            },
            questions,
        }
    }

    /// `count` stems, each three random pieces of [`TEXT`].
    fn synthetic(count: usize, seed: u64) -> Bank {
        let chars: Vec<char> = TEXT.chars().collect();
        let mut random = Lcg(seed);
        let questions = (0..count)
            .map(|i| {
                let stem: String = (0..3)
                    .map(|_| {
                        let length = 5 + random.next(8);
                        let start = random.next(chars.len() - length);
                        chars[start..start + length].iter().collect::<String>()
                    })
                    .collect();
                judge(&format!("q-{i}"), &stem, i % 2 == 0)
            })
            .collect();
        bank("synthetic", questions)
    }

    /// `count` stems of 8 to 15 words drawn from 3,000 made-up words of two
    /// to four common characters, common words far more often than rare
    /// ones, as in real text: a 20,000-question bank's worth of vocabulary.
    fn zipf(count: usize, seed: u64) -> Bank {
        let mut random = Lcg(seed);
        let character =
            |random: &mut Lcg| char::from_u32(0x4E00 + random.next(1_500) as u32).unwrap();
        let words: Vec<String> = (0..3_000)
            .map(|_| {
                let length = 2 + random.next(3);
                (0..length).map(|_| character(&mut random)).collect()
            })
            .collect();
        let questions = (0..count)
            .map(|i| {
                let length = 8 + random.next(8);
                let stem: String = (0..length)
                    .map(|_| {
                        // u² of a uniform u favours the first words.
                        let u = random.next(10_000) as f64 / 10_000.0;
                        words[(u * u * words.len() as f64) as usize].as_str()
                    })
                    .collect();
                judge(&format!("q-{i}"), &stem, i % 2 == 0)
            })
            .collect();
        bank("zipf", questions)
    }

    /// Every pair at or over the threshold, by comparing all pairs.
    fn naive(bank: &Bank) -> Vec<(usize, usize)> {
        let sets: Vec<Vec<(char, char)>> = bank
            .questions
            .iter()
            .map(|q| bigrams(&comparable_text(q)))
            .collect();
        let mut pairs = Vec::new();
        for j in 0..sets.len() {
            for i in 0..j {
                let (a, b) = (&sets[i], &sets[j]);
                if a.len() < MIN_BIGRAMS || b.len() < MIN_BIGRAMS {
                    continue;
                }
                let shared = a
                    .iter()
                    .filter(|pair| b.binary_search(pair).is_ok())
                    .count();
                if 200 * shared / (a.len() + b.len()) >= DUPLICATE_PERCENT as usize {
                    pairs.push((i, j));
                }
            }
        }
        pairs
    }

    #[test]
    fn the_index_agrees_with_comparing_all_pairs_on_realistic_text() {
        let mut bank = zipf(2_000, 3);
        for i in 0..20 {
            let mut stem: Vec<char> = bank.questions[i * 90].stem.zh.chars().collect();
            stem.truncate(stem.len() - 2);
            bank.questions[i * 90 + 1].stem.zh = stem.into_iter().collect();
        }
        let expected = naive(&bank);
        assert!(expected.len() >= 10, "{}", expected.len());
        let found: Vec<(usize, usize)> = near_duplicate_pairs(&[&bank])
            .iter()
            .map(|pair| (pair.first.1, pair.second.1))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn the_index_finds_exactly_what_comparing_all_pairs_finds() {
        let mut bank = synthetic(1_500, 7);
        // Plant near-duplicates: a copy with one character changed, and
        // one with its ending reworded.
        for i in 0..30 {
            let mut stem: Vec<char> = bank.questions[i * 40].stem.zh.chars().collect();
            let last = stem.len() - 1;
            stem[last] = '啊';
            bank.questions[i * 40 + 7].stem.zh = stem.into_iter().collect();
        }
        let expected = naive(&bank);
        assert!(expected.len() >= 30, "{}", expected.len());
        let found: Vec<(usize, usize)> = near_duplicate_pairs(&[&bank])
            .iter()
            .map(|pair| (pair.first.1, pair.second.1))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn twenty_thousand_questions_are_compared_quickly() {
        // The most a bank may hold, spread over two banks: the test also
        // shows pairs across banks are found.
        let first = zipf(10_000, 1);
        let mut second = zipf(10_000, 2);
        second.questions[9_999].stem = first.questions[123].stem.clone();
        let start = std::time::Instant::now();
        let pairs = near_duplicate_pairs(&[&first, &second]);
        let elapsed = start.elapsed();
        println!("20,000 questions: {} pairs in {elapsed:?}", pairs.len());
        assert!(pairs
            .iter()
            .any(|pair| pair.first == (0, 123) && pair.second == (1, 9_999)));
        // A debug build on a shared 2-core machine takes about a second.
        assert!(elapsed.as_secs() < 20, "{elapsed:?}");
    }

    #[test]
    fn a_statement_asked_as_true_and_as_false_is_a_near_duplicate() {
        let bank = bank(
            "b",
            vec![
                judge("b-1", "预备党员有表决权、选举权和被选举权。", false),
                judge("b-2", "预备党员有表决权、选举权和被选举权", true),
                judge("b-3", "党的纪律处分有五种。", true),
            ],
        );
        let pairs = near_duplicate_pairs(&[&bank]);
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].first, pairs[0].second), ((0, 0), (0, 1)));
        assert_eq!(pairs[0].percent, 100);
    }

    #[test]
    fn balance_counts_letters_truths_and_blind_strategies() {
        let mut questions = Vec::new();
        for i in 0..20 {
            // B is right in 12 of 20 four-option questions: chance gives 5.
            questions.push(choice(&format!("s{i}"), false, 4, &[usize::from(i < 12)]));
            questions.push(judge(&format!("j{i}"), &format!("陈述{i}"), i < 17));
        }
        // 20 multiple choice: 6 with every option right, 10 with one wrong
        // option, 4 with two.
        for i in 0..20 {
            let answer: &[usize] = match i {
                0..=5 => &[0, 1, 2, 3],
                6..=15 => &[0, 1, 2],
                _ => &[0, 1],
            };
            questions.push(choice(&format!("m{i}"), true, 4, answer));
        }
        let bank = bank("b", questions);
        let balance = balance(&bank);
        assert_eq!(balance.single, 20);
        assert_eq!(balance.letters[1].count, 12);
        assert!((balance.letters[1].expected - 5.0).abs() < 1e-9);
        assert_eq!((balance.judge_true, balance.judge_false), (17, 3));
        assert_eq!(balance.tick_all_percent(), 30.0);
        assert_eq!(balance.tick_all_but_one_percent(), 80.0);

        let text = serde_json::to_string_pretty(&bank).unwrap();
        let lints = balance_lints(Source {
            file: "b.json",
            text: &text,
            bank: &bank,
        });
        let codes: Vec<LintCode> = lints.iter().map(|lint| lint.code).collect();
        assert_eq!(
            codes,
            [
                LintCode::GuessableMultiple,
                LintCode::AnswerLetterSkew,
                LintCode::JudgeSkew
            ],
            "{lints:#?}"
        );
        assert!(lints[0]
            .message
            .en
            .contains("scores 80% of the points, reaching the pass mark of 60%"));
        assert!(
            lints[1]
                .message
                .en
                .contains("A 40% (25%), B 60% (25%), C 0% (25%), D 0% (25%)"),
            "{}",
            lints[1].message.en
        );
        assert!(lints[1]
            .message
            .en
            .contains("1.5 times chance or more, or 0.5 times or less"));
        assert!(
            lints[2].message.zh.contains("30%–70%"),
            "{}",
            lints[2].message.zh
        );
        assert_eq!(lints[0].path, "paper.pass_percent");
        assert!(lints[0].line > 1);
    }

    #[test]
    fn balance_needs_enough_questions() {
        let questions = (0..19)
            .map(|i| judge(&format!("j{i}"), "陈述", true))
            .collect();
        let bank = bank("b", questions);
        let lints = balance_lints(Source {
            file: "b.json",
            text: "{}",
            bank: &bank,
        });
        assert!(lints.is_empty(), "{lints:?}");
    }

    #[test]
    fn terms_are_checked_in_each_text_with_english() {
        let terms = Terms::parse(
            r#"{"$comment": "test", "terms": [
                {"zh": "两学一做", "en": ["Two Studies, One Action"], "source": "test"},
                {"zh": "三会一课", "en": ["three meetings and one lecture", "Three Meetings, One Lecture"]}
            ]}"#
            .as_bytes(),
        )
        .unwrap();
        let mut good = judge("t-1", "两学一做是什么？", true);
        good.stem.en = Some("What is two studies, one action?".into());
        let mut bad = choice("t-2", false, 2, &[0]);
        bad.stem = text(
            "关于两学一做和三会一课",
            Some("On the campaign and regular meetings"),
        );
        bad.body = Body::Single {
            options: vec![
                Choice {
                    text: text("三会一课", Some("Three Meetings, One Lecture")),
                    fixed: false,
                },
                Choice {
                    text: text("两学一做", None),
                    fixed: false,
                },
            ],
            answer: 0,
        };
        bad.explanation = Some(text("两学一做", Some("Learn and act")));
        let bank = bank("t", vec![good, bad]);
        let text = serde_json::to_string_pretty(&bank).unwrap();
        let lints = terminology(
            Source {
                file: "t.json",
                text: &text,
                bank: &bank,
            },
            &terms,
        );
        let places: Vec<(&str, &str)> = lints
            .iter()
            .map(|lint| (lint.question.as_deref().unwrap(), lint.path.as_str()))
            .collect();
        assert_eq!(
            places,
            [
                ("t-2", "questions[1].stem.en"),
                ("t-2", "questions[1].stem.en"),
                ("t-2", "questions[1].explanation.en"),
            ]
        );
        assert!(
            lints[0].message.zh.contains("“两学一做”"),
            "{}",
            lints[0].message.zh
        );
        assert!(lints[0].message.en.contains("Two Studies, One Action"));
        assert!(lints[1].message.en.contains("\"三会一课\""));
        // Lines point at the English text.
        let line = text.lines().nth(lints[0].line - 1).unwrap();
        assert!(line.contains("On the campaign"), "{line}");
    }

    #[test]
    fn a_broken_terms_file_is_reported() {
        let (line, _, message) = Terms::parse(b"{\"terms\": [{\"zh\": \"x\"}]}").unwrap_err();
        assert_eq!(line, 1);
        assert!(message.en.contains("cannot be read"), "{}", message.en);
        let (_, _, message) =
            Terms::parse(br#"{"terms": [{"zh": "x", "en": [" "]}]}"#).unwrap_err();
        assert!(message.zh.contains("第 1 个术语"), "{}", message.zh);
    }
}
