//! Hash routes, so the app works as static files, deep links from portal
//! menus and WeChat open the right page, and the back button (or WeChat's
//! back gesture) moves inside the app.

/// Questions a member may ask for in one exam.
pub const COUNT_RANGE: std::ops::RangeInclusive<u32> = 1..=100;
/// Seconds a member may ask for in one exam: ten seconds (a quick drill) to
/// three hours.
pub const SECONDS_RANGE: std::ops::RangeInclusive<u32> = 10..=10_800;

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The bank list.
    Home,
    /// One bank: what it holds and how to study it.
    Bank {
        /// The bank's id from the manifest.
        id: String,
    },
    /// A quiz or study page of a bank.
    Study {
        /// The bank's id.
        id: String,
        /// Which activity.
        activity: Activity,
        /// What the link asked for.
        options: StudyOptions,
        /// Parameters that were ignored, to tell the member why.
        ignored: Vec<String>,
    },
    /// An old link to the coordinators' preview of a bank file, which
    /// moved to the workbench (`workbench.html`); the page says so.
    Preview,
    /// The member's progress: calendar, score trend, per-bank figures and
    /// the history.
    Progress,
    /// Exporting and importing progress.
    Backup,
    /// Anything else, kept so the page can say what was asked for.
    NotFound(String),
}

/// The module's two HTML pages, each with its own WebAssembly: the bank
/// list, banks, quizzes and study on `index.html`; 我的学习 and 备份 on
/// `records.html`. A deep link to an exam is most members' first visit, and
/// it need not download the progress and backup pages (18 KB of brotli
/// WebAssembly, BENCHMARKS.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `index.html`: everything but the member's records.
    Main,
    /// `records.html`: the progress and backup pages.
    Records,
}

impl Page {
    /// The page's file, relative to the other page (both sit side by side
    /// in `dist/`). `index.html` is named rather than `./`, since a portal
    /// may serve the folder under any address.
    pub fn file(self) -> &'static str {
        match self {
            Page::Main => "index.html",
            Page::Records => "records.html",
        }
    }

    /// A link from the other page to `hash` on this one.
    pub fn link(self, hash: &str) -> String {
        format!("{}{hash}", self.file())
    }
}

/// The ways to work through a bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Activity {
    /// 模拟考试: timed, graded at the end.
    Exam,
    /// 练习: shuffled questions, each checked at once; `tag` makes it 专项.
    Practice,
    /// 顺序练习: the whole bank in order, each checked at once.
    Sequential,
    /// 背题: read questions with answers.
    Read,
}

impl Activity {
    /// The path segment.
    pub fn key(self) -> &'static str {
        match self {
            Activity::Exam => "exam",
            Activity::Practice => "practice",
            Activity::Sequential => "sequential",
            Activity::Read => "study",
        }
    }

    fn from_key(key: &str) -> Option<Activity> {
        [
            Activity::Exam,
            Activity::Practice,
            Activity::Sequential,
            Activity::Read,
        ]
        .into_iter()
        .find(|activity| activity.key() == key)
    }
}

/// Options a link may carry: `n` (questions), `t` (seconds), `tag`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StudyOptions {
    /// How many questions, within [`COUNT_RANGE`].
    pub count: Option<u32>,
    /// The time limit in seconds, within [`SECONDS_RANGE`].
    pub seconds: Option<u32>,
    /// A tag key to narrow to.
    pub tag: Option<String>,
    /// A set of the member's own questions
    /// (`set=wrong|favourites|daily|due`).
    pub set: Option<QuestionSet>,
    /// A shared paper's code (`paper=K7QF-3M2A`), normalized when it is
    /// well formed; otherwise what the link said (letters, digits and
    /// dashes only), so the exam page can say the code does not fit.
    pub paper: Option<String>,
}

/// Question sets built from the member's progress or the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuestionSet {
    /// 错题本: questions answered wrong and not yet right three times in a row.
    Wrong,
    /// 收藏: questions the member marked.
    Favourites,
    /// 每日一练: today's questions, the same for the whole branch.
    Daily,
    /// 今日待复习: questions the spaced-review schedule brings back today.
    Due,
}

impl QuestionSet {
    /// The `set=` value.
    pub fn key(self) -> &'static str {
        match self {
            QuestionSet::Wrong => "wrong",
            QuestionSet::Favourites => "favourites",
            QuestionSet::Daily => "daily",
            QuestionSet::Due => "due",
        }
    }

    fn from_key(key: &str) -> Option<QuestionSet> {
        [
            QuestionSet::Wrong,
            QuestionSet::Favourites,
            QuestionSet::Daily,
            QuestionSet::Due,
        ]
        .into_iter()
        .find(|set| set.key() == key)
    }
}

impl Route {
    /// Reads `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["bank", id] if is_plain_id(id) => Route::Bank { id: id.to_string() },
            ["bank", id, activity] if is_plain_id(id) => match Activity::from_key(activity) {
                Some(activity) => {
                    let (mut options, mut ignored) = parse_options(query);
                    // Only exams have shared papers.
                    if activity != Activity::Exam {
                        if let Some(paper) = options.paper.take() {
                            ignored.push(format!("paper={paper}"));
                        }
                    }
                    Route::Study {
                        id: id.to_string(),
                        activity,
                        options,
                        ignored,
                    }
                }
                None => Route::NotFound(shorten(hash)),
            },
            ["preview"] => Route::Preview,
            ["progress"] => Route::Progress,
            ["backup"] => Route::Backup,
            _ => Route::NotFound(shorten(hash)),
        }
    }

    /// The hash that leads here, for links.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Home | Route::NotFound(_) => "#/".to_string(),
            Route::Bank { id } => format!("#/bank/{id}"),
            Route::Study {
                id,
                activity,
                options,
                ..
            } => {
                let mut query = Vec::new();
                if let Some(count) = options.count {
                    query.push(format!("n={count}"));
                }
                if let Some(seconds) = options.seconds {
                    query.push(format!("t={seconds}"));
                }
                if let Some(tag) = &options.tag {
                    query.push(format!("tag={tag}"));
                }
                if let Some(set) = options.set {
                    query.push(format!("set={}", set.key()));
                }
                if let Some(paper) = &options.paper {
                    query.push(format!("paper={paper}"));
                }
                let query = if query.is_empty() {
                    String::new()
                } else {
                    format!("?{}", query.join("&"))
                };
                format!("#/bank/{id}/{}{query}", activity.key())
            }
            Route::Preview => "#/preview".to_string(),
            Route::Progress => "#/progress".to_string(),
            Route::Backup => "#/backup".to_string(),
        }
    }

    /// The page that renders this route.
    pub fn page(&self) -> Page {
        match self {
            Route::Progress | Route::Backup => Page::Records,
            _ => Page::Main,
        }
    }

    /// A link to this route from a component on `from`: the bare hash on
    /// the same page (no reload), the other page's file and the hash
    /// otherwise.
    pub fn href_from(&self, from: Page) -> String {
        let page = self.page();
        if page == from {
            self.to_hash()
        } else {
            page.link(&self.to_hash())
        }
    }

    /// A link to practise one of the member's own question sets of a bank
    /// (the wrong-answer book, favourites, today's reviews…).
    pub fn practice_set(id: &str, set: QuestionSet) -> Route {
        Route::study(
            id,
            Activity::Practice,
            StudyOptions {
                set: Some(set),
                ..Default::default()
            },
        )
    }

    /// A link to an activity of a bank.
    pub fn study(id: &str, activity: Activity, options: StudyOptions) -> Route {
        Route::Study {
            id: id.to_string(),
            activity,
            options,
            ignored: Vec::new(),
        }
    }
}

/// Reads `n`, `t` and `tag`; anything out of range or unknown is ignored
/// and reported, so a mistyped menu link still opens something useful.
fn parse_options(query: &str) -> (StudyOptions, Vec<String>) {
    let mut options = StudyOptions::default();
    let mut ignored = Vec::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(value);
        match key {
            "n" => match value.parse::<u32>() {
                Ok(count) if COUNT_RANGE.contains(&count) => options.count = Some(count),
                _ => ignored.push(shorten(pair)),
            },
            "t" => match value.parse::<u32>() {
                Ok(seconds) if SECONDS_RANGE.contains(&seconds) => options.seconds = Some(seconds),
                _ => ignored.push(shorten(pair)),
            },
            "tag" if is_plain_id(&value) => options.tag = Some(value),
            "set" if QuestionSet::from_key(&value).is_some() => {
                options.set = QuestionSet::from_key(&value)
            }
            // Kept even when malformed: the exam page must say that the
            // branch's paper cannot be opened, not quietly draw another.
            "paper" => {
                options.paper = Some(
                    quiz_core::session::shared::normalize(&value).unwrap_or_else(|| {
                        value
                            .chars()
                            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                            .take(20)
                            .collect()
                    }),
                )
            }
            // The language; `link_language` reads it for every route.
            "lang" if quiz_core::Lang::parse(&value).is_some() => {}
            _ => ignored.push(shorten(pair)),
        }
    }
    (options, ignored)
}

/// The `lang=zh|en` parameter of a hash, on any route: menu links and the
/// embedding host's `configure` use it to choose the language.
pub fn link_language(hash: &str) -> Option<quiz_core::Lang> {
    let (_, query) = hash.split_once('?')?;
    query
        .split('&')
        .filter_map(|pair| pair.strip_prefix("lang="))
        .find_map(quiz_core::Lang::parse)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let Some(byte) = text
                .get(i + 1..i + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn shorten(text: &str) -> String {
    text.chars().take(100).collect()
}

fn is_plain_id(id: &str) -> bool {
    quiz_core::manifest::is_valid_id(id)
}

/// The location's hash, `""` when there is none.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_routes_live_on_their_own_page_and_links_cross_over() {
        assert_eq!(Route::Progress.page(), Page::Records);
        assert_eq!(Route::Backup.page(), Page::Records);
        for route in [
            Route::Home,
            Route::Bank {
                id: "charter".into(),
            },
            Route::practice_set("charter", QuestionSet::Wrong),
            Route::Preview,
            Route::NotFound("x".into()),
        ] {
            assert_eq!(route.page(), Page::Main, "{route:?}");
        }
        // Same page: a bare hash, so the app moves without a reload.
        assert_eq!(Route::Backup.href_from(Page::Records), "#/backup");
        assert_eq!(Route::Home.href_from(Page::Main), "#/");
        // The other page: its file, then the hash.
        assert_eq!(
            Route::Progress.href_from(Page::Main),
            "records.html#/progress"
        );
        assert_eq!(
            Route::practice_set("charter", QuestionSet::Due).href_from(Page::Records),
            "index.html#/bank/charter/practice?set=due"
        );
    }

    #[test]
    fn parses_routes_and_round_trips_links() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(
            Route::parse("#/bank/charter"),
            Route::Bank {
                id: "charter".into()
            }
        );
        assert_eq!(Route::parse("#/preview"), Route::Preview);
        let exam = Route::study(
            "charter",
            Activity::Exam,
            StudyOptions {
                count: Some(20),
                seconds: Some(600),
                ..Default::default()
            },
        );
        assert_eq!(Route::parse("#/bank/charter/exam?n=20&t=600"), exam);
        for route in [
            Route::Home,
            Route::Bank { id: "rules".into() },
            Route::Preview,
            exam,
            Route::study(
                "rules",
                Activity::Practice,
                StudyOptions {
                    tag: Some("integrity".into()),
                    ..Default::default()
                },
            ),
            Route::study("rules", Activity::Sequential, StudyOptions::default()),
            Route::study(
                "rules",
                Activity::Practice,
                StudyOptions {
                    set: Some(QuestionSet::Wrong),
                    ..Default::default()
                },
            ),
            Route::study("rules", Activity::Read, StudyOptions::default()),
            Route::study(
                "rules",
                Activity::Practice,
                StudyOptions {
                    set: Some(QuestionSet::Due),
                    ..Default::default()
                },
            ),
            Route::Progress,
            Route::Backup,
        ] {
            assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }

    #[test]
    fn paper_codes_are_normalized_and_kept_when_malformed() {
        let Route::Study {
            options, ignored, ..
        } = Route::parse("#/bank/charter/exam?paper=k7qf3m2a&n=20")
        else {
            panic!("not a study route");
        };
        assert_eq!(options.paper.as_deref(), Some("K7QF-3M2A"));
        assert_eq!(options.count, Some(20));
        assert!(ignored.is_empty());
        let route = Route::study("charter", Activity::Exam, options);
        assert_eq!(route.to_hash(), "#/bank/charter/exam?n=20&paper=K7QF-3M2A");
        assert_eq!(Route::parse(&route.to_hash()), route);
        let Route::Study { options, .. } = Route::parse("#/bank/charter/exam?paper=%3Cb%3Ex")
        else {
            panic!("not a study route");
        };
        assert_eq!(options.paper.as_deref(), Some("bx"));
        let Route::Study {
            options, ignored, ..
        } = Route::parse("#/bank/charter/practice?paper=K7QF-3M2A")
        else {
            panic!("not a study route");
        };
        assert_eq!(options.paper, None);
        assert_eq!(ignored, ["paper=K7QF-3M2A"]);
    }

    #[test]
    fn bad_parameters_are_ignored_and_reported() {
        let Route::Study {
            options, ignored, ..
        } = Route::parse("#/bank/charter/exam?n=0&t=5&tag=<x>&foo=1&n=abc")
        else {
            panic!("not a study route");
        };
        assert_eq!(options, StudyOptions::default());
        assert_eq!(ignored, ["n=0", "t=5", "tag=<x>", "foo=1", "n=abc"]);
        let Route::Study {
            options, ignored, ..
        } = Route::parse("#/bank/charter/practice?n=101&t=10801&tag=four-confidences")
        else {
            panic!("not a study route");
        };
        assert_eq!(options.tag.as_deref(), Some("four-confidences"));
        assert_eq!(ignored, ["n=101", "t=10801"]);
    }

    #[test]
    fn the_language_parameter_works_on_every_route() {
        use quiz_core::Lang;
        assert_eq!(link_language("#/?lang=en"), Some(Lang::En));
        assert_eq!(link_language("#/bank/charter?lang=zh"), Some(Lang::Zh));
        assert_eq!(
            link_language("#/bank/charter/exam?n=5&lang=en"),
            Some(Lang::En)
        );
        assert_eq!(link_language("#/bank/charter"), None);
        assert_eq!(link_language("#/?lang=fr"), None);
        assert_eq!(
            Route::parse("#/bank/charter?lang=en"),
            Route::Bank {
                id: "charter".into()
            }
        );
        let Route::Study {
            options, ignored, ..
        } = Route::parse("#/bank/charter/exam?n=5&lang=en")
        else {
            panic!("not a study route");
        };
        assert_eq!(options.count, Some(5));
        assert!(ignored.is_empty(), "{ignored:?}");
        let Route::Study { ignored, .. } = Route::parse("#/bank/charter/exam?lang=fr") else {
            panic!("not a study route");
        };
        assert_eq!(ignored, ["lang=fr"]);
    }

    #[test]
    fn odd_hashes_are_not_found_rather_than_errors() {
        assert!(matches!(
            Route::parse("#/bank/../../etc"),
            Route::NotFound(_)
        ));
        assert!(matches!(Route::parse("#/bank/<img>"), Route::NotFound(_)));
        assert!(matches!(
            Route::parse("#/bank/charter/dance"),
            Route::NotFound(_)
        ));
        assert!(matches!(Route::parse("#/nope"), Route::NotFound(_)));
        let long = format!("#/{}", "x".repeat(10_000));
        match Route::parse(&long) {
            Route::NotFound(kept) => assert_eq!(kept.chars().count(), 100),
            other => panic!("{other:?}"),
        }
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%E5%85%9A"), "党");
    }
}
