//! `quizbank stats`: what a bank holds, by type, tag and difficulty, and
//! how guessable its answers are.

use quiz_core::bank::{Difficulty, QuestionType};
use quiz_core::{Bank, Lang};
use quizbank::lint::{self, Balance};
use std::collections::BTreeMap;

/// Counts of one bank.
pub fn bank_stats(bank: &Bank) -> serde_json::Value {
    let by_type: BTreeMap<&str, usize> = QuestionType::ALL
        .iter()
        .map(|kind| (kind.key(), bank.count_of(*kind)))
        .collect();
    let by_difficulty: BTreeMap<&str, usize> = Difficulty::ALL
        .iter()
        .map(|level| {
            (
                level.key(),
                bank.questions
                    .iter()
                    .filter(|q| q.difficulty == *level)
                    .count(),
            )
        })
        .collect();
    let mut by_tag: BTreeMap<String, usize> = BTreeMap::new();
    for question in &bank.questions {
        for tag in &question.tags {
            *by_tag.entry(tag.clone()).or_default() += 1;
        }
    }
    let untagged = bank.questions.iter().filter(|q| q.tags.is_empty()).count();
    serde_json::json!({
        "id": bank.id,
        "version": bank.version,
        "questions": bank.questions.len(),
        "by_type": by_type,
        "by_difficulty": by_difficulty,
        "by_tag": by_tag,
        "untagged": untagged,
        "paper_points": bank.paper.total_points(),
        "balance": balance_json(&lint::balance(bank)),
    })
}

/// The answer balance as JSON: counts, and the blind strategies' scores
/// in percent of multiple-choice points.
fn balance_json(balance: &Balance) -> serde_json::Value {
    serde_json::json!({
        "single": balance.single,
        "single_letters": balance.letters.iter().map(|entry| serde_json::json!({
            "letter": entry.letter.to_string(),
            "count": entry.count,
            "chance": entry.expected,
        })).collect::<Vec<_>>(),
        "judge_true": balance.judge_true,
        "judge_false": balance.judge_false,
        "multiple": balance.multiple,
        "tick_all_percent": balance.tick_all_percent(),
        "tick_all_but_one_percent": balance.tick_all_but_one_percent(),
        "pass_percent": balance.pass_percent,
    })
}

/// Prints a bank's counts as a readable table.
pub fn print_bank(file: &str, bank: &Bank) {
    println!(
        "{} — {} / {} ({file}, v{})",
        bank.id,
        bank.title.zh,
        bank.title.get(Lang::En),
        bank.version
    );
    println!("  题目 questions: {}", bank.questions.len());
    println!("  题型 by type:");
    for kind in QuestionType::ALL {
        println!(
            "    {:<6} {:<18} {:>5}",
            kind.label(Lang::Zh),
            kind.key(),
            bank.count_of(kind)
        );
    }
    println!("  难度 by difficulty:");
    for level in Difficulty::ALL {
        let count = bank
            .questions
            .iter()
            .filter(|q| q.difficulty == level)
            .count();
        println!("    {:<25} {:>5}", level.key(), count);
    }
    println!("  标签 by tag:");
    let mut by_tag: BTreeMap<&str, usize> = BTreeMap::new();
    for question in &bank.questions {
        for tag in &question.tags {
            *by_tag.entry(tag).or_default() += 1;
        }
    }
    for (tag, count) in by_tag {
        println!(
            "    {:<25} {:>5}  {}",
            tag,
            count,
            bank.tag_name(tag, Lang::Zh)
        );
    }
    let untagged = bank.questions.iter().filter(|q| q.tags.is_empty()).count();
    if untagged > 0 {
        println!("    {:<25} {:>5}", "(无标签 untagged)", untagged);
    }
    println!(
        "  试卷 paper: {} 分 points, {} 分钟 minutes, 及格 pass {}%",
        bank.paper.total_points(),
        bank.paper.time_limit_minutes,
        bank.paper.pass_percent
    );
    print_balance(&lint::balance(bank));
}

/// Prints how the answers are spread and what blind guessing scores.
fn print_balance(balance: &Balance) {
    println!("  答案分布 answer balance:");
    if balance.single > 0 {
        let letters: Vec<String> = balance
            .letters
            .iter()
            .map(|entry| {
                format!(
                    "{} {} ({:.0}%)",
                    entry.letter,
                    entry.count,
                    100.0 * entry.count as f64 / balance.single as f64
                )
            })
            .collect();
        println!(
            "    单选答案 single-choice answers: {}",
            letters.join(" · ")
        );
    }
    let judged = balance.judge_true + balance.judge_false;
    if judged > 0 {
        println!(
            "    判断 judge: 正确 true {} · 错误 false {} ({:.0}% 正确 true)",
            balance.judge_true,
            balance.judge_false,
            balance.judge_true_percent()
        );
    }
    if balance.multiple > 0 {
        println!(
            "    多选盲猜 multiple-choice blind strategies ({} 道 questions, 及格 pass {}%):",
            balance.multiple, balance.pass_percent
        );
        println!(
            "      全选 tick all: {:.0}% 的分 of the points",
            balance.tick_all_percent()
        );
        println!(
            "      只排除一个错误选项 tick all but one wrong option: {:.0}% 的分 of the points",
            balance.tick_all_but_one_percent()
        );
    }
}
