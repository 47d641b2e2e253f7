//! The budgets in `bench/budgets.toml` and the comparison `--check` prints.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One budget: the most a figure may be, and the level to aim for.
#[derive(Debug, Clone, Deserialize)]
pub struct Budget {
    /// Over this, `--check` fails.
    pub max: f64,
    /// The goal; informational.
    pub aim: Option<f64>,
    /// What the figure is, as the table names it.
    pub what: String,
}

/// Every budget, by figure key.
pub type Budgets = BTreeMap<String, Budget>;

/// Reads the budgets file.
pub fn load(path: &Path) -> Result<Budgets, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    toml::from_str(&text).map_err(|error| format!("{}: {error}", path.display()))
}

/// A measured figure.
#[derive(Debug, Clone)]
pub struct Figure {
    /// The key its budget is filed under.
    pub key: &'static str,
    /// The value, in the unit the budget uses.
    pub value: f64,
}

/// Prints each budgeted figure against its budget; returns how many are
/// over budget, counting a budgeted figure that was not measured as over
/// when `all_required`.
pub fn compare(budgets: &Budgets, figures: &[Figure], all_required: bool) -> usize {
    println!(
        "\n{:<86} {:>10} {:>8} {:>8}  verdict",
        "budget", "measured", "max", "aim"
    );
    let mut over = 0;
    // The figures' own order first (as the issue lists them), then the rest.
    let keys = crate::FIGURE_KEYS.iter().map(|key| key.to_string()).chain(
        budgets
            .keys()
            .filter(|key| !crate::FIGURE_KEYS.contains(&key.as_str()))
            .cloned(),
    );
    for key in keys {
        let Some(budget) = budgets.get(&key) else {
            continue;
        };
        let aim = budget.aim.map_or_else(String::new, number);
        match figures.iter().find(|figure| figure.key == key) {
            Some(figure) => {
                let verdict = if figure.value.is_nan() || figure.value > budget.max {
                    over += 1;
                    "OVER"
                } else if budget.aim.is_some_and(|aim| figure.value > aim) {
                    "ok (above aim)"
                } else {
                    "ok"
                };
                println!(
                    "{:<86} {:>10} {:>8} {:>8}  {verdict}",
                    budget.what,
                    number(figure.value),
                    number(budget.max),
                    aim
                );
            }
            None => {
                let verdict = if all_required {
                    over += 1;
                    "NOT MEASURED"
                } else {
                    "skipped"
                };
                println!(
                    "{:<86} {:>10} {:>8} {:>8}  {verdict}",
                    budget.what,
                    "-",
                    number(budget.max),
                    aim
                );
            }
        }
    }
    over
}

/// A figure as the tables print it: no more decimals than it needs.
pub fn number(value: f64) -> String {
    if value.is_nan() {
        "n/a".into()
    } else if value.abs() >= 100.0 || value.fract() == 0.0 {
        format!("{value:.0}")
    } else if value.abs() >= 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budgets_file_reads_and_names_every_figure() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/budgets.toml");
        let budgets = load(&path).unwrap();
        for key in crate::FIGURE_KEYS {
            assert!(budgets.contains_key(key), "no budget for {key}");
        }
        // Each budget is a real limit with its explanation, and names only
        // figures the bench measures.
        for (key, budget) in &budgets {
            assert!(budget.max > 0.0, "{key} has no limit");
            assert!(!budget.what.trim().is_empty(), "{key} says nothing");
            assert!(
                crate::FIGURE_KEYS.contains(&key.as_str()),
                "{key} is never measured"
            );
        }
    }

    #[test]
    fn figures_over_budget_and_missing_figures_are_counted() {
        let budgets: Budgets =
            toml::from_str("[a]\nmax = 1\nwhat = \"a\"\n[b]\nmax = 1\nwhat = \"b\"\n").unwrap();
        let figures = [Figure {
            key: "a",
            value: 2.0,
        }];
        assert_eq!(compare(&budgets, &figures, false), 1);
        assert_eq!(compare(&budgets, &figures, true), 2);
    }
}
