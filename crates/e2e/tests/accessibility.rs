//! Accessibility, checked in CI: axe-core on every page and state a member
//! meets (home, bank, exam, the submit dialog, result, review, practice
//! with its solution, study, progress, backup) in Chinese and English, in
//! the light and the dark theme, must find no serious or critical
//! violation; and in the same run, at 390×844, no page scrolls sideways and
//! no tap target is under 44×44 CSS px. The same holds at the largest text
//! size (特大: axe and the layout in Chinese and English) and,
//! for the layout, with the browser's own font setting at 200 %.
//! One browser session visits the states in turn, so the run stays short.
//!
//! `cargo test -p e2e --test accessibility -- --nocapture` prints axe's
//! findings for every page, theme and language.

use e2e::{axe_source, dist_dir, Phone, StaticServer};
use fantoccini::Locator;

/// What the run found, state by state.
struct Audit<'a> {
    phone: &'a Phone,
    axe: String,
    lang: &'static str,
    /// The text size and font setting the pass runs at, for the report.
    size: &'static str,
    /// Whether axe runs in this pass (the browser-font pass checks the
    /// layout alone: axe's findings do not depend on the font size).
    axe_on: bool,
    /// One line per page, theme and language: what axe found.
    report: Vec<String>,
    /// Everything that fails the test, described.
    failures: Vec<String>,
}

impl Audit<'_> {
    /// Audits the page as it is now, named `state`: axe in both themes,
    /// then the layout.
    async fn check(&mut self, state: &str) {
        let state = format!("{state} [{}]", self.size);
        let state = state.as_str();
        for dark in [false, true].into_iter().filter(|_| self.axe_on) {
            self.phone.set_color_scheme(dark).await;
            let theme = if dark { "dark" } else { "light" };
            let violations = self.phone.axe(&self.axe).await;
            let (serious, other): (Vec<_>, Vec<_>) = violations
                .iter()
                .partition(|violation| violation.is_serious());
            let ids = |list: &[&e2e::Violation]| {
                list.iter()
                    .map(|violation| format!("{} ({})", violation.id, violation.impact))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            self.report.push(format!(
                "{state:<44} {:<2} {theme:<5} serious/critical: {:<2} {}   other: {} {}",
                self.lang,
                serious.len(),
                ids(&serious),
                other.len(),
                ids(&other),
            ));
            for violation in serious {
                self.failures.push(format!(
                    "{state} ({}, {theme}): {} ({}): {}\n      {}",
                    self.lang,
                    violation.id,
                    violation.impact,
                    violation.help,
                    violation.nodes.join("\n      ")
                ));
            }
        }
        self.phone.set_color_scheme(false).await;
        let problems = self.phone.layout_problems().await;
        if !self.axe_on {
            self.report.push(format!(
                "{state:<44} {:<2} layout problems: {}",
                self.lang,
                problems.len()
            ));
        }
        for problem in problems {
            self.failures
                .push(format!("{state} ({}): {problem}", self.lang));
        }
    }
}

/// Opens a route of the app already loaded, by its hash.
async fn go(phone: &Phone, base: &str, hash: &str) {
    phone
        .client
        .goto(&format!("{base}{hash}"))
        .await
        .expect("navigate");
}

/// Answers the question on screen by tapping, whatever its type.
async fn answer(phone: &Phone) {
    let kind = phone
        .attribute(".question", "data-type")
        .await
        .unwrap_or_default();
    match kind.as_str() {
        "judge" => phone.click("[data-judge=true]").await,
        "fill" => phone
            .wait_for(".blank__input")
            .await
            .send_keys("一")
            .await
            .expect("type"),
        _ => phone.click(".choice").await,
    }
}

/// Visits every state in the current language.
async fn visit_every_state(audit: &mut Audit<'_>, base: &str) {
    let phone = audit.phone;
    go(phone, base, "#/").await;
    phone.wait_for(".bank-card").await;
    audit.check("home").await;

    go(phone, base, "#/bank/charter").await;
    phone.wait_for(".activities").await;
    // The coordinators' shared-paper link maker, open with a link made.
    phone.click(".paper-maker summary").await;
    phone.click(".paper-maker__make").await;
    phone.wait_for(".paper-maker__link").await;
    audit.check("bank (with a paper link)").await;

    go(phone, base, "#/bank/charter/exam?n=4&t=600").await;
    phone.wait_for(".quiz--exam .question").await;
    answer(phone).await;
    phone.click(".quiz__flag").await;
    audit.check("exam").await;

    phone.click(".quiz__submit").await;
    phone.wait_for("dialog.dialog[open]").await;
    audit.check("submit dialog").await;

    phone.click(".dialog__confirm").await;
    phone.wait_for(".score-card").await;
    // The result card made, with its picture and buttons.
    phone.click(".result-card__make").await;
    phone.wait_for(".result-card__image").await;
    audit.check("result (with its card)").await;

    phone.click(".review__wrong-only").await;
    audit.check("review (wrong answers only)").await;

    go(phone, base, "#/bank/charter/sequential").await;
    phone.wait_for(".quiz--practice .question").await;
    answer(phone).await;
    if phone
        .client
        .find(Locator::Css(".quiz__check"))
        .await
        .is_ok()
    {
        phone.click(".quiz__check").await;
    }
    phone.wait_for(".solution").await;
    audit.check("practice with solution").await;

    go(phone, base, "#/bank/charter/study").await;
    phone.wait_for(".read .question-card").await;
    audit.check("study").await;

    go(phone, base, "#/progress").await;
    phone.wait_for(".history__item").await;
    phone.click(".history__outcomes summary").await;
    audit.check("progress").await;

    go(phone, base, "#/backup").await;
    phone.click(".export-text").await;
    phone.wait_for(".backup-export__text").await;
    audit.check("backup").await;

    go(phone, base, "#/preview").await;
    phone.wait_for(".preview-moved").await;
    audit.check("old preview link").await;

    go(phone, base, "#/").await;
    phone.wait_for(".streak").await;
    audit.check("home with progress").await;
}

#[tokio::test(flavor = "current_thread")]
async fn every_page_passes_axe_and_fits_the_phone_in_both_languages_and_themes() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    let base = server.url();
    phone.open(&base).await;
    let mut audit = Audit {
        phone: &phone,
        axe: axe_source(),
        lang: "zh",
        size: "standard",
        axe_on: true,
        report: Vec::new(),
        failures: Vec::new(),
    };
    visit_every_state(&mut audit, &base).await;

    phone.click(".lang-switch").await;
    phone.wait_for_text(".bank-list", "Question banks").await;
    audit.lang = "en";
    visit_every_state(&mut audit, &base).await;

    // The largest text size, in Chinese, chosen as a member would.
    phone.click(".lang-switch").await;
    phone.wait_for_text(".bank-list", "题库").await;
    phone.click(".text-size__option[data-size=largest]").await;
    phone.wait_for("html[data-text-size=largest]").await;
    audit.lang = "zh";
    audit.size = "特大";
    visit_every_state(&mut audit, &base).await;
    // English's longer words at 特大: axe and the layout.
    phone.click(".lang-switch").await;
    phone.wait_for_text(".bank-list", "Question banks").await;
    audit.lang = "en";
    visit_every_state(&mut audit, &base).await;
    phone.click(".lang-switch").await;
    phone.wait_for_text(".bank-list", "题库").await;
    audit.lang = "zh";

    // The browser's own font setting at 200 % (as a phone's system font
    // scaling does), at the standard size: the layout must hold.
    phone.click(".text-size__option[data-size=standard]").await;
    phone.wait_for("html[data-text-size=standard]").await;
    phone.set_default_font_size(32).await;
    let root_px = phone
        .eval("parseFloat(getComputedStyle(document.documentElement).fontSize)")
        .await;
    assert_eq!(
        root_px,
        serde_json::json!(32),
        "the browser font setting did not apply"
    );
    audit.size = "browser 200%";
    audit.axe_on = false;
    visit_every_state(&mut audit, &base).await;
    phone.set_default_font_size(16).await;
    let Audit {
        report, failures, ..
    } = audit;
    phone.close().await;

    println!("axe-core and the layout on each page (390x844):");
    for line in &report {
        println!("  {line}");
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}
