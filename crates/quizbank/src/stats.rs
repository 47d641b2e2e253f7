//! `quizbank stats`: what a bank holds, by type, tag and difficulty.

use quiz_core::bank::{Difficulty, QuestionType};
use quiz_core::{Bank, Lang};
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
}
