//! The result card's text layout: which words go on which line, at which
//! size, so that everything fits the fixed picture and nothing is cut off.
//!
//! This is the pure part of the card: it is given a function that measures
//! text (the canvas's `measureText` in the browser, a fixed-width stand-in
//! in the native tests) and returns lines with their positions; the
//! component in `components/result_card.rs` only paints them.

/// The card's width in pixels: the same picture on every screen, large
/// enough to stay sharp when WeChat opens it full screen.
pub const CARD_WIDTH: u32 = 720;
/// The card's height in pixels.
pub const CARD_HEIGHT: u32 = 960;
/// The height of the coloured band at the top that holds the module's title.
pub const BAND_HEIGHT: f64 = 120.0;
/// The margin on the left and right of the text.
const MARGIN: f64 = 48.0;
/// The space kept free at the bottom of the card.
const BOTTOM: f64 = 40.0;
/// Line height as a multiple of the font size (CJK needs the room).
const LEADING: f64 = 1.3;
/// The smallest any text may become while fitting; below this a chat's
/// preview becomes unreadable, so bounded inputs (titles, names) are
/// chosen to fit above it.
const MIN_PX: f64 = 18.0;

/// The longest name the card takes, in characters (the input stops there).
pub const MAX_NAME: usize = 24;

/// What the card says, already in the member's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardText {
    /// The module's title, in the band at the top.
    pub module_title: String,
    /// The bank's title.
    pub bank_title: String,
    /// The member's name line, when a name was typed ("姓名：…").
    pub name: Option<String>,
    /// The score, e.g. "86 / 100 分".
    pub score: String,
    /// 及格 or 不及格, and whether it is a pass (it is drawn in colour).
    pub verdict: Option<(String, bool)>,
    /// Smaller lines under the score: questions right, time used.
    pub details: Vec<String>,
    /// The paper code line, when the exam used a shared paper.
    pub paper: Option<String>,
    /// The local date and time the exam ended.
    pub when: String,
}

/// What a line is, so the painter can colour it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The module's title, on the band.
    Module,
    /// The bank's title.
    Title,
    /// The member's name.
    Name,
    /// The score.
    Score,
    /// A pass.
    Passed,
    /// A fail.
    Failed,
    /// Questions right, time used.
    Detail,
    /// The paper code.
    Paper,
    /// The date and time.
    When,
}

/// One line of text to paint, centred on `x`, its baseline at `y`; its
/// size is a whole number of pixels, as the painter sets it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The text.
    pub text: String,
    /// The font size in pixels.
    pub px: f64,
    /// Bold or regular.
    pub bold: bool,
    /// The horizontal centre.
    pub x: f64,
    /// The baseline.
    pub y: f64,
    /// What the line is.
    pub role: Role,
}

/// A block of text: its role, its preferred size and boldness, and the
/// space above it.
struct Block<'a> {
    text: &'a str,
    role: Role,
    px: f64,
    bold: bool,
    gap: f64,
    /// The score must stay on one line: it shrinks instead of wrapping.
    one_line: bool,
}

/// Lays the card out: each block wrapped to the card's width at its
/// preferred size; if the whole does not fit below the band, every size is
/// reduced a step at a time (the score and module title too) until it does.
/// `measure(text, px, bold)` gives the text's width in pixels.
pub fn layout(card: &CardText, measure: &dyn Fn(&str, f64, bool) -> f64) -> Vec<Line> {
    let width = f64::from(CARD_WIDTH) - 2.0 * MARGIN;
    let centre = f64::from(CARD_WIDTH) / 2.0;
    let mut blocks = vec![Block {
        text: &card.bank_title,
        role: Role::Title,
        px: 44.0,
        bold: true,
        gap: 48.0,
        one_line: false,
    }];
    if let Some(name) = &card.name {
        blocks.push(Block {
            text: name,
            role: Role::Name,
            px: 34.0,
            bold: false,
            gap: 20.0,
            one_line: false,
        });
    }
    blocks.push(Block {
        text: &card.score,
        role: Role::Score,
        px: 96.0,
        bold: true,
        gap: 32.0,
        one_line: true,
    });
    if let Some((verdict, passed)) = &card.verdict {
        blocks.push(Block {
            text: verdict,
            role: if *passed { Role::Passed } else { Role::Failed },
            px: 60.0,
            bold: true,
            gap: 8.0,
            one_line: false,
        });
    }
    for detail in &card.details {
        blocks.push(Block {
            text: detail,
            role: Role::Detail,
            px: 32.0,
            bold: false,
            gap: 16.0,
            one_line: false,
        });
    }
    if let Some(paper) = &card.paper {
        blocks.push(Block {
            text: paper,
            role: Role::Paper,
            px: 32.0,
            bold: true,
            gap: 24.0,
            one_line: false,
        });
    }
    blocks.push(Block {
        text: &card.when,
        role: Role::When,
        px: 28.0,
        bold: false,
        gap: 24.0,
        one_line: false,
    });

    // The band's title: one line if it can, shrinking a little first.
    let module = fit_band(&card.module_title, width, measure);
    let room = f64::from(CARD_HEIGHT) - BAND_HEIGHT - BOTTOM;
    let mut scale = 1.0_f64;
    loop {
        let mut lines = module.clone();
        let mut y = BAND_HEIGHT;
        for block in &blocks {
            let px = (block.px * scale).max(MIN_PX).floor();
            let (px, wrapped) = if block.one_line {
                let px = shrink_to_width(block.text, px, block.bold, width, measure);
                (px, vec![block.text.trim().to_string()])
            } else {
                (px, wrap(block.text, px, block.bold, width, measure))
            };
            y += block.gap * scale;
            for text in wrapped {
                y += px * LEADING;
                lines.push(Line {
                    text,
                    px,
                    bold: block.bold,
                    x: centre,
                    // The baseline sits a fifth of the line above its bottom.
                    y: y - px * LEADING * 0.2,
                    role: block.role,
                });
            }
        }
        let used = y - BAND_HEIGHT;
        if used <= room || scale < 0.05 {
            // Centre the content in the room left below the band.
            let shift = ((room - used) / 2.0).max(0.0);
            for line in lines.iter_mut().filter(|line| line.role != Role::Module) {
                line.y += shift;
            }
            return lines;
        }
        scale *= 0.92;
    }
}

/// The module's title on the band: one line, shrunk to fit if needed, or
/// two lines at a smaller size when even that is too small.
fn fit_band(title: &str, width: f64, measure: &dyn Fn(&str, f64, bool) -> f64) -> Vec<Line> {
    let centre = f64::from(CARD_WIDTH) / 2.0;
    let px = shrink_to_width(title, 40.0, true, width, measure);
    let (px, wrapped) = if px >= 28.0 {
        (px, vec![title.trim().to_string()])
    } else {
        let mut px = 28.0;
        let mut wrapped = wrap(title, px, true, width, measure);
        while wrapped.len() as f64 * px * LEADING > BAND_HEIGHT - 16.0 && px > 8.0 {
            px -= 2.0;
            wrapped = wrap(title, px, true, width, measure);
        }
        (px, wrapped)
    };
    let height = wrapped.len() as f64 * px * LEADING;
    let mut y = (BAND_HEIGHT - height) / 2.0;
    wrapped
        .into_iter()
        .map(|text| {
            y += px * LEADING;
            Line {
                text,
                px,
                bold: true,
                x: centre,
                y: y - px * LEADING * 0.2,
                role: Role::Module,
            }
        })
        .collect()
}

/// The largest size not above `px` at which `text` fits `width` on one
/// line (never below one pixel).
fn shrink_to_width(
    text: &str,
    px: f64,
    bold: bool,
    width: f64,
    measure: &dyn Fn(&str, f64, bool) -> f64,
) -> f64 {
    let text = text.trim();
    let at_px = measure(text, px, bold);
    if at_px <= width {
        px
    } else {
        // Width grows in proportion to the size; a step down absorbs the
        // rounding of real fonts.
        let mut fitted = (px * width / at_px).floor().max(1.0);
        while fitted > 1.0 && measure(text, fitted, bold) > width {
            fitted -= 1.0;
        }
        fitted
    }
}

/// Characters that must not begin a line (closing punctuation), as
/// Chinese typesetting rules (禁则) ask.
const NO_LINE_START: &str = "，。、；：？！）」』》〉】〕”’…·,.;:!?)]}%";
/// Characters that must not end a line (opening punctuation).
const NO_LINE_END: &str = "（「『《〈【〔“‘([{";

/// Whether a character is set one by one, with a break allowed on either
/// side (CJK ideographs, kana, hangul and full-width forms).
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Splits text into the pieces a line may break between: a word of
/// Latin letters or digits, a run of spaces, or a single CJK character,
/// with closing punctuation kept on the piece before it and opening
/// punctuation on the piece after it.
fn pieces(text: &str) -> Vec<String> {
    let mut raw: Vec<String> = Vec::new();
    for c in text.chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        let joins = raw.last().is_some_and(|last| {
            let previous = last.chars().last().unwrap_or(' ');
            if c == ' ' {
                previous == ' '
            } else {
                previous != ' '
                    && !is_wide(c)
                    && !is_wide(previous)
                    && !NO_LINE_START.contains(c)
                    && !NO_LINE_END.contains(previous)
            }
        });
        match raw.last_mut() {
            Some(last) if joins => last.push(c),
            _ => raw.push(c.to_string()),
        }
    }
    // Glue punctuation to its neighbours.
    let mut glued: Vec<String> = Vec::new();
    let mut carry = String::new();
    for piece in raw {
        let first = piece.chars().next().unwrap_or(' ');
        if NO_LINE_START.contains(first) && carry.is_empty() {
            if let Some(last) = glued.last_mut().filter(|last| !last.ends_with(' ')) {
                last.push_str(&piece);
                continue;
            }
        }
        let last = piece.chars().last().unwrap_or(' ');
        if NO_LINE_END.contains(last) && piece.chars().count() == 1 {
            carry.push_str(&piece);
            continue;
        }
        glued.push(format!("{carry}{piece}"));
        carry.clear();
    }
    if !carry.is_empty() {
        glued.push(carry);
    }
    glued
}

/// Wraps `text` to `width` at `px`: greedy, breaking between pieces, and
/// inside a piece (a long Latin word, a long number) only when the piece
/// alone is wider than a line. Spaces at the ends of lines are dropped;
/// nothing else is.
pub fn wrap(
    text: &str,
    px: f64,
    bold: bool,
    width: f64,
    measure: &dyn Fn(&str, f64, bool) -> f64,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces(text.trim()) {
        let candidate = format!("{line}{piece}");
        if measure(candidate.trim_end(), px, bold) <= width {
            line = candidate;
            continue;
        }
        if !line.trim().is_empty() {
            lines.push(line.trim_end().to_string());
        }
        line = if piece.trim().is_empty() {
            String::new()
        } else {
            piece
        };
        // A piece wider than a whole line is broken by characters.
        while measure(line.trim_end(), px, bold) > width {
            let mut head = String::new();
            for c in line.chars() {
                let next = format!("{head}{c}");
                if !head.is_empty() && measure(&next, px, bold) > width {
                    break;
                }
                head = next;
            }
            line = line[head.len()..].to_string();
            lines.push(head);
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in for a real font: CJK characters are one em wide, others
    /// six tenths (bold a tenth wider).
    fn measure(text: &str, px: f64, bold: bool) -> f64 {
        let ems: f64 = text
            .chars()
            .map(|c| if is_wide(c) { 1.0 } else { 0.6 })
            .sum();
        ems * px * if bold { 1.1 } else { 1.0 }
    }

    fn card(title: &str, name: Option<&str>) -> CardText {
        CardText {
            module_title: "两学一做 学习自测".into(),
            bank_title: title.into(),
            name: name.map(|name| format!("姓名：{name}")),
            score: "86 / 100 分".into(),
            verdict: Some(("及格".into(), true)),
            details: vec!["答对 17/20 题".into(), "用时 12:34".into()],
            paper: Some("试卷 K7QF-3M2A".into()),
            when: "2026-12-06 16:05".into(),
        }
    }

    /// Every line fits the card's width and height, and no line overlaps
    /// the next.
    fn assert_fits(lines: &[Line]) {
        let width = f64::from(CARD_WIDTH) - 2.0 * MARGIN;
        let mut previous_bottom = 0.0;
        for line in lines {
            let w = measure(&line.text, line.px, line.bold);
            assert!(w <= width + 0.01, "too wide: {line:?} ({w})");
            let top = line.y - line.px;
            assert!(top >= previous_bottom - 0.5, "overlaps: {line:?}");
            assert!(
                line.y + line.px * 0.3 <= f64::from(CARD_HEIGHT),
                "below the card: {line:?}"
            );
            previous_bottom = line.y;
            if line.role != Role::Module {
                assert!(top >= BAND_HEIGHT, "on the band: {line:?}");
            }
        }
    }

    /// The text of every line of a role, joined back.
    fn joined(lines: &[Line], role: Role) -> String {
        lines
            .iter()
            .filter(|line| line.role == role)
            .map(|line| line.text.as_str())
            .collect::<Vec<_>>()
            .join("")
    }

    #[test]
    fn a_short_card_keeps_its_preferred_sizes() {
        let lines = layout(&card("党章", Some("张三")), &measure);
        assert_fits(&lines);
        let title: Vec<&Line> = lines.iter().filter(|l| l.role == Role::Title).collect();
        assert_eq!(title.len(), 1);
        assert_eq!(title[0].px, 44.0);
        assert_eq!(joined(&lines, Role::Score), "86 / 100 分");
        assert_eq!(joined(&lines, Role::Passed), "及格");
        assert_eq!(joined(&lines, Role::Paper), "试卷 K7QF-3M2A");
        assert_eq!(joined(&lines, Role::Name), "姓名：张三");
        assert_eq!(joined(&lines, Role::Module), "两学一做 学习自测");
    }

    #[test]
    fn the_longest_bank_title_and_name_wrap_and_shrink_but_are_never_cut() {
        // The longest title a bank may have, and a long name.
        let title: String = "中国共产党纪律处分条例，学习贯彻（二〇二四年修订）"
            .chars()
            .cycle()
            .take(quiz_core::limits::MAX_TITLE)
            .collect();
        let name = "欧阳".repeat(crate::card::MAX_NAME / 2);
        let lines = layout(&card(&title, Some(&name)), &measure);
        assert_fits(&lines);
        // Every character is still there, in order.
        assert_eq!(joined(&lines, Role::Title), title);
        assert_eq!(joined(&lines, Role::Name), format!("姓名：{name}"));
        // Still readable: nothing below the floor size.
        assert!(lines.iter().all(|line| line.px >= MIN_PX), "{lines:?}");
        assert!(lines.iter().all(|line| line.px.fract() == 0.0), "{lines:?}");
        // No line starts with closing punctuation.
        for line in lines.iter().filter(|l| l.role == Role::Title) {
            let first = line.text.chars().next().unwrap();
            assert!(!NO_LINE_START.contains(first), "{line:?}");
            let last = line.text.chars().last().unwrap();
            assert!(!NO_LINE_END.contains(last), "{line:?}");
        }
    }

    #[test]
    fn english_wraps_between_words_and_breaks_only_words_wider_than_a_line() {
        let title = "Rules of the Communist Party of China on Disciplinary Action, revised edition";
        let name = "Name: Bartholomew-Featherstonehaughgh-Montgomery-Wolfeschlegelsteinhausen";
        let mut text = card(title, None);
        text.name = Some(name.into());
        let lines = layout(&text, &measure);
        assert_fits(&lines);
        let title_lines: Vec<&str> = lines
            .iter()
            .filter(|l| l.role == Role::Title)
            .map(|l| l.text.as_str())
            .collect();
        assert!(title_lines.len() >= 2, "{title_lines:?}");
        // Words are whole: joined with spaces, the lines are the title.
        assert_eq!(title_lines.join(" "), title);
        // The long word is broken by characters but loses none.
        let name_lines: Vec<&str> = lines
            .iter()
            .filter(|l| l.role == Role::Name)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(name_lines.concat().replace(' ', ""), name.replace(' ', ""));
    }

    #[test]
    fn pieces_keep_punctuation_with_its_neighbours() {
        assert_eq!(pieces("党章（修订）。"), ["党", "章", "（修", "订）。"]);
        assert_eq!(pieces("Hi, you"), ["Hi,", " ", "you"]);
        assert_eq!(pieces("第 3 章"), ["第", " ", "3", " ", "章"]);
    }

    #[test]
    fn a_very_long_score_line_shrinks_onto_one_line() {
        let mut text = card("党章", None);
        text.score = "1234.5 / 10000 points".into();
        let lines = layout(&text, &measure);
        assert_fits(&lines);
        assert_eq!(lines.iter().filter(|l| l.role == Role::Score).count(), 1);
    }
}
