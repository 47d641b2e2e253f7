//! Accessibility and layout audits of the page a [`Phone`] shows: axe-core
//! (the npm package `cargo xtask test` installs into `tools/`) injected
//! through WebDriver, and the phone layout's own rules (no sideways
//! scrolling, no tap target under 44×44 CSS px).

use crate::Phone;
use std::path::PathBuf;

/// The smallest tap target, in CSS pixels a side (the issue's rule for
/// older members, and WCAG 2.5.5's).
pub const MIN_TARGET_PX: f64 = 44.0;

/// axe-core's browser script: `$QUIZ_AXE`, or the copy `cargo xtask test`
/// installs from `tools/package.json`.
pub fn axe_source() -> String {
    let path = std::env::var_os("QUIZ_AXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../tools/node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "cannot read axe-core at {} ({error}): run `cargo xtask test`, which installs it from tools/package.json",
            path.display()
        )
    })
}

/// One rule axe found broken, with the elements that break it.
#[derive(Debug, Clone)]
pub struct Violation {
    /// The rule's id, e.g. `color-contrast`.
    pub id: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impact: String,
    /// What the rule asks for.
    pub help: String,
    /// Each failing element's selector and axe's summary of the failure.
    pub nodes: Vec<String>,
}

impl Violation {
    /// Whether the issue's bar counts it: serious and critical must be none.
    pub fn is_serious(&self) -> bool {
        self.impact == "serious" || self.impact == "critical"
    }
}

/// Runs axe on the document and lists what it found, of every impact.
/// Two of axe's contrast defaults are tightened: single characters count
/// (an answer option's letter, a question's number), and answer options
/// locked after they are checked, which are read, not greyed out (drawn at
/// full opacity), are checked again with them enabled for a moment, since
/// the rule skips disabled controls.
const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
const letters = { checks: { 'color-contrast': { options: { ignoreLength: true } } } };
const summary = (v) => ({
  id: v.id, impact: v.impact || 'minor', help: v.help,
  nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' ')),
});
(async () => {
  const all = await window.axe.run(document, { ...letters, resultTypes: ['violations'] });
  const locked = [...document.querySelectorAll('button:disabled, input:disabled')]
    .filter((control) => getComputedStyle(control).opacity === '1');
  let read = [];
  if (locked.length > 0) {
    locked.forEach((control) => { control.disabled = false; });
    try {
      const contrast = await window.axe.run(
        { include: locked.map((control) => [control]) },
        { ...letters, runOnly: ['color-contrast'], resultTypes: ['violations'] },
      );
      read = contrast.violations.map((v) => ({ ...v, id: v.id + ' (locked answers)' }));
    } finally {
      locked.forEach((control) => { control.disabled = true; });
    }
  }
  done([...all.violations, ...read].map(summary));
})().catch((error) => done([{ id: 'axe-error', impact: 'critical', help: String(error), nodes: [] }]));
"#;

/// Finds what breaks the phone layout's rules on the page as shown: how
/// far it scrolls sideways, each part of it that scrolls sideways on its
/// own (a wide table), and each visible control smaller than
/// [`MIN_TARGET_PX`] either way (a checkbox or radio button counts with
/// its label, which is what a tap hits).
const LAYOUT: &str = r#"
const min = arguments[0];
const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])';
const small = [];
for (const control of document.querySelectorAll(controls)) {
  let target = control;
  if (control.matches('input[type=checkbox], input[type=radio]') && control.closest('label')) {
    target = control.closest('label');
  }
  const box = target.getBoundingClientRect();
  const style = getComputedStyle(target);
  if ((box.width === 0 && box.height === 0) || style.visibility === 'hidden') {
    continue;
  }
  if (box.width < min - 0.5 || box.height < min - 0.5) {
    const name = (control.textContent || control.getAttribute('aria-label') || '').trim().slice(0, 30);
    small.push(`${target.tagName.toLowerCase()}.${String(target.className).split(' ').join('.')} "${name}" ${Math.round(box.width)}x${Math.round(box.height)}`);
  }
}
const sideways = [];
for (const element of document.body.querySelectorAll('*')) {
  const overflowX = getComputedStyle(element).overflowX;
  if ((overflowX === 'auto' || overflowX === 'scroll') && element.scrollWidth > element.clientWidth + 1) {
    sideways.push(`${element.tagName.toLowerCase()}.${String(element.className).split(' ').join('.')} by ${element.scrollWidth - element.clientWidth} px`);
  }
}
return { overflow: document.documentElement.scrollWidth - window.innerWidth, small, sideways };
"#;

impl Phone {
    /// Emulates the system's light or dark theme (`prefers-color-scheme`),
    /// which the app's style follows.
    pub async fn set_color_scheme(&self, dark: bool) {
        self.cdp(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "features": [
                { "name": "prefers-color-scheme", "value": if dark { "dark" } else { "light" } }
            ]}),
        )
        .await;
    }

    /// Sets the browser's own default font size in CSS px (16 is
    /// Chromium's default; 32 is the 200 % a phone's system font scaling
    /// or a browser's text-size setting gives).
    pub async fn set_default_font_size(&self, px: u32) {
        self.cdp(
            "Page.setFontSizes",
            serde_json::json!({ "fontSizes": { "standard": px, "fixed": px * 13 / 16 } }),
        )
        .await;
    }

    /// Runs axe-core (`source`, from [`axe_source`]) on the page as it is
    /// and returns every violation.
    pub async fn axe(&self, source: &str) -> Vec<Violation> {
        // A reload drops the script, a hash change keeps it. It runs as
        // WebDriver's script body (no eval, so no page policy stops it)
        // and defines `window.axe`.
        let loaded = self.eval("typeof window.axe !== 'undefined'").await;
        if loaded != serde_json::json!(true) {
            self.client
                .execute(source, vec![])
                .await
                .unwrap_or_else(|error| panic!("cannot inject axe-core: {error}"));
        }
        let found = self
            .client
            .execute_async(RUN_AXE, vec![])
            .await
            .unwrap_or_else(|error| panic!("axe did not run: {error}"));
        found
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|violation| Violation {
                id: violation["id"].as_str().unwrap_or_default().to_string(),
                impact: violation["impact"].as_str().unwrap_or_default().to_string(),
                help: violation["help"].as_str().unwrap_or_default().to_string(),
                nodes: violation["nodes"]
                    .as_array()
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                    .iter()
                    .map(|node| node.as_str().unwrap_or_default().to_string())
                    .collect(),
            })
            .collect()
    }

    /// What breaks the phone layout's rules on the page as shown: sideways
    /// scrolling, and each tap target under 44×44 CSS px.
    pub async fn layout_problems(&self) -> Vec<String> {
        let found = self
            .client
            .execute(LAYOUT, vec![serde_json::json!(MIN_TARGET_PX)])
            .await
            .expect("measure the layout");
        let mut problems = Vec::new();
        let overflow = found["overflow"].as_f64().unwrap_or_default();
        if overflow > 0.0 {
            problems.push(format!("the page scrolls sideways by {overflow} px"));
        }
        for part in found["sideways"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            problems.push(format!(
                "a part of the page scrolls sideways: {}",
                part.as_str().unwrap_or_default()
            ));
        }
        for target in found["small"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            problems.push(format!(
                "a tap target under {MIN_TARGET_PX}x{MIN_TARGET_PX} px: {}",
                target.as_str().unwrap_or_default()
            ));
        }
        problems
    }
}
