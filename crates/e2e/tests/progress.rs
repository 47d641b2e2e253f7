//! Progress that lasts, in the release build on a phone: a finished exam is
//! still there after a reload, and blocked storage still lets members study
//! and keeps their visit while the tab is open.

use e2e::{dist_dir, Phone, StaticServer};
use fantoccini::Locator;

#[tokio::test(flavor = "current_thread")]
async fn a_finished_exam_survives_a_reload() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone
        .open(&format!("{}#/bank/charter/exam?n=2&t=600", server.url()))
        .await;
    phone.wait_for(".quiz__position").await;
    phone.click(".quiz__submit").await;
    phone.wait_for_text(".dialog", "2 道题还没有作答").await;
    phone.click(".dialog__confirm").await;
    phone.wait_for(".score-card").await;
    // The exam link downloaded index.html's WebAssembly only: the records
    // page's is not fetched until a member opens 我的学习.
    let fetched = phone
        .eval("performance.getEntriesByType('resource').map((entry) => entry.name).join(' ')")
        .await;
    let fetched = fetched.as_str().unwrap_or_default();
    assert!(fetched.contains("quiz-app-"), "{fetched}");
    assert!(!fetched.contains("records-"), "{fetched}");

    phone.open(&server.url()).await;
    phone.client.refresh().await.expect("reload");
    let card = phone.wait_for_text("[data-bank=charter]", "最好成绩").await;
    assert!(card.contains("最好成绩 0/"), "{card}");
    let stored = phone
        .eval("localStorage.getItem('lxyz-quiz:progress')")
        .await;
    assert!(
        stored
            .as_str()
            .unwrap_or_default()
            .contains("\"mode\":\"exam\""),
        "{stored}"
    );
    assert!(phone
        .client
        .find(Locator::Css(".storage-banner"))
        .await
        .is_err());
    // The history lists it, with its score and time used.
    // 我的学习 is its own page, records.html, and its way back is the
    // bank list on index.html.
    phone.click(".home-nav__progress").await;
    let item = phone.wait_for_text(".history__item", "模拟考试").await;
    assert!(item.contains("得分 0/"), "{item}");
    assert!(item.contains("不及格"), "{item}");
    let address = phone.eval("location.pathname + location.hash").await;
    assert!(
        address
            .as_str()
            .unwrap_or_default()
            .ends_with("records.html#/progress"),
        "{address}"
    );
    phone.click(".back-link").await;
    phone.wait_for("[data-bank=charter]").await;
    let address = phone.eval("location.pathname + location.hash").await;
    assert!(
        address
            .as_str()
            .unwrap_or_default()
            .ends_with("index.html#/"),
        "{address}"
    );
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn blocked_storage_shows_the_banner_and_the_app_still_works() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start_with_storage_blocked().await;
    phone.open(&server.url()).await;
    let blocked = phone
        .eval("(() => { try { window.localStorage.getItem('x'); return false; } catch (e) { return true; } })()")
        .await;
    assert_eq!(
        blocked,
        serde_json::json!(true),
        "the browser did not block storage"
    );
    phone
        .wait_for_text(".storage-banner", "只保留到关闭本页为止")
        .await;
    // Studying still works: practice one question and see its explanation.
    phone
        .open(&format!("{}#/bank/rules/sequential", server.url()))
        .await;
    // Practice checks a single-choice answer on the tap itself.
    phone.click(".question[data-type=single] .choice").await;
    phone.wait_for_text(".solution", "解析").await;
    // Switching language works too (remembered only while the tab is open).
    phone.click(".lang-switch").await;
    phone.wait_for_text(".solution", "Explanation").await;
    phone.close().await;
}

/// With storage blocked, the visit's records live in the tab: 我的学习 is
/// another page (records.html), and moving there and back, or reloading
/// in the middle of an exam, must not lose them.
#[tokio::test(flavor = "current_thread")]
async fn with_storage_blocked_the_visit_is_kept_across_the_apps_pages_and_reloads() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start_with_storage_blocked().await;
    phone
        .open(&format!("{}#/bank/charter/exam?n=2&t=600", server.url()))
        .await;
    phone.wait_for(".quiz__position").await;
    phone.click(".quiz__submit").await;
    phone.click(".dialog__confirm").await;
    phone.wait_for(".score-card").await;

    // 我的学习, on records.html, lists the exam of this visit.
    phone.open(&server.url()).await;
    phone.click(".home-nav__progress").await;
    let item = phone.wait_for_text(".history__item", "模拟考试").await;
    assert!(item.contains("得分 0/"), "{item}");
    phone
        .wait_for_text(".storage-banner", "只保留到关闭本页为止")
        .await;
    // A language chosen there holds on the way back, and so does the exam.
    phone.click(".lang-switch").await;
    phone.wait_for_text(".history__item", "Score 0/").await;
    phone.click(".back-link").await;
    let card = phone
        .wait_for_text("[data-bank=charter]", "Best score")
        .await;
    assert!(card.contains("Best score 0/"), "{card}");
    assert_eq!(
        phone.eval("document.documentElement.lang").await,
        serde_json::json!("en")
    );

    // An unfinished exam survives a reload (in English now).
    phone
        .open(&format!("{}#/bank/speeches/exam?n=3&t=600", server.url()))
        .await;
    phone.wait_for_text(".quiz__position", "1 of 3").await;
    phone.click(".question[data-type=single] .choice").await;
    phone.click(".quiz__next").await;
    phone.wait_for_text(".quiz__position", "2 of 3").await;
    phone.client.refresh().await.expect("reload");
    phone.wait_for(".resumed").await;
    phone.wait_for_text(".quiz__position", "2 of 3").await;
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_reload_mid_exam_resumes_it_with_the_remaining_time() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone
        .open(&format!("{}#/bank/speeches/exam?n=3&t=600", server.url()))
        .await;
    phone.wait_for_text(".quiz__position", "1 / 3").await;
    let first = phone.attribute(".question", "data-question").await;
    phone.click(".question[data-type=single] .choice").await;
    phone.click(".quiz__next").await;
    phone.wait_for_text(".quiz__position", "2 / 3").await;
    tokio::time::sleep(std::time::Duration::from_millis(1_500)).await;

    phone.client.refresh().await.expect("reload");
    phone.wait_for_text(".resumed", "已恢复").await;
    phone.wait_for_text(".quiz__position", "2 / 3").await;
    let timer = phone.texts("[role=timer]").await.remove(0);
    assert!(
        timer.as_str() < "10:00" && timer.starts_with("09:5"),
        "timer {timer}"
    );
    // The answer given before the reload is still there.
    phone.click(".navigator__item").await;
    assert_eq!(phone.attribute(".question", "data-question").await, first);
    phone.wait_for(".choice--selected").await;
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_wrong_practice_answer_goes_into_the_wrong_answer_book() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone
        .open(&format!("{}#/bank/charter/sequential", server.url()))
        .await;
    // Answer with the first option until one is wrong.
    let mut missed = None;
    for question in 1..=30 {
        phone
            .wait_for_text(".quiz__position", &format!("{question} / "))
            .await;
        let id = phone.attribute(".question", "data-question").await;
        // Practice checks a single-choice answer on the tap itself.
        phone.click(".question[data-type=single] .choice").await;
        let verdict = phone.wait_for(".verdict").await.text().await.unwrap();
        if verdict.contains("回答错误") {
            missed = id;
            break;
        }
        phone.click(".quiz__next").await;
    }
    let missed = missed.expect("some first option is wrong within 30 single-choice questions");
    phone.click(".back-link").await;
    let link = phone.wait_for_text(".activity--wrong", "错题本").await;
    assert!(link.contains("(1)"), "{link}");
    phone.click(".activity--wrong").await;
    phone.wait_for_text(".quiz__position", "1 / 1").await;
    let shown = phone.attribute(".question", "data-question").await;
    assert_eq!(shown.as_deref(), Some(missed.as_str()));
    assert!(phone
        .client
        .current_url()
        .await
        .unwrap()
        .as_str()
        .contains("set=wrong"));
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_daily_set_is_the_same_on_every_phone() {
    let server = StaticServer::start(&dist_dir());
    let mut firsts = Vec::new();
    for _ in 0..2 {
        let phone = Phone::start().await;
        phone
            .open(&format!("{}#/bank/speeches", server.url()))
            .await;
        phone.click(".activity--daily").await;
        phone.wait_for_text(".quiz__position", "1 / 10").await;
        assert!(phone
            .client
            .current_url()
            .await
            .unwrap()
            .as_str()
            .contains("set=daily"));
        let mut ids = Vec::new();
        for question in 1..=3 {
            phone
                .wait_for_text(".quiz__position", &format!("{question} / 10"))
                .await;
            ids.push(phone.attribute(".question", "data-question").await);
            phone.click(".quiz__next").await;
        }
        firsts.push(ids);
        phone.close().await;
    }
    assert_eq!(
        firsts[0], firsts[1],
        "two phones got different daily questions"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn favourites_and_the_study_streak() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone
        .open(&format!("{}#/bank/rules/sequential", server.url()))
        .await;
    let id = phone.attribute(".question", "data-question").await;
    phone.click(".question .favourite").await;
    phone.wait_for(".favourite--on").await;
    // Practice checks a single-choice answer on the tap itself.
    phone.click(".question[data-type=single] .choice").await;
    phone.wait_for(".solution").await;

    phone.click(".back-link").await;
    let link = phone.wait_for_text(".activity--favourites", "收藏").await;
    assert!(link.contains("(1)"), "{link}");
    phone.click(".activity--favourites").await;
    phone.wait_for_text(".quiz__position", "1 / 1").await;
    assert_eq!(phone.attribute(".question", "data-question").await, id);

    phone.open(&server.url()).await;
    let streak = phone.wait_for_text(".streak", "已连续学习").await;
    assert!(streak.contains("1"), "{streak}");
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn two_tabs_answering_alternately_lose_nothing() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    let client = &phone.client;
    phone
        .open(&format!("{}#/bank/charter/sequential", server.url()))
        .await;
    let first = client.window().await.unwrap();
    let second = client.new_window(true).await.unwrap().handle;
    client.switch_to_window(second.clone()).await.unwrap();
    phone
        .open(&format!("{}#/bank/rules/sequential", server.url()))
        .await;
    // Alternate: each tab checks three answers, one at a time.
    for round in 1..=3 {
        for window in [first.clone(), second.clone()] {
            client.switch_to_window(window).await.unwrap();
            phone
                .wait_for_text(".quiz__position", &format!("{round} / "))
                .await;
            // Practice checks a single-choice answer on the tap itself.
            phone.click(".question[data-type=single] .choice").await;
            phone.wait_for(".solution").await;
            phone.click(".quiz__next").await;
        }
    }
    client.switch_to_window(first).await.unwrap();
    phone.open(&server.url()).await;
    client.refresh().await.unwrap();
    let streak = phone.wait_for_text(".streak", "今日已答").await;
    assert!(
        streak.ends_with('6') || streak.contains("今日已答 6"),
        "{streak}"
    );
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_backup_carries_progress_to_another_browser_and_due_reviews_come_back() {
    let server = StaticServer::start(&dist_dir());
    // The portal's iframe: one finished exam.
    let portal = Phone::start().await;
    portal
        .open(&format!("{}#/bank/charter/exam?n=2&t=600", server.url()))
        .await;
    portal.wait_for(".quiz__position").await;
    portal.click(".quiz__submit").await;
    portal.click(".dialog__confirm").await;
    portal.wait_for(".score-card").await;
    portal.open(&format!("{}#/backup", server.url())).await;
    portal.click(".export-text").await;
    portal.wait_for(".backup-export__text").await;
    let backup = portal
        .eval("document.querySelector('.backup-export__text').value")
        .await;
    let backup = backup.as_str().expect("backup text").to_string();
    assert!(backup.contains("lxyz-quiz-backup"), "{backup}");
    portal.close().await;

    // WeChat, with its own storage: paste, check, see the preview, merge.
    // An old link to the backup page on index.html opens records.html.
    let wechat = Phone::start().await;
    wechat.open(&format!("{}#/backup", server.url())).await;
    wechat.wait_for(".backup-import__paste textarea").await;
    // The backup file's picker is one button, the page's own.
    assert!(
        wechat
            .file_picker_is_one_button(".backup-import__file")
            .await
    );
    let address = wechat.eval("location.pathname + location.hash").await;
    assert!(
        address
            .as_str()
            .unwrap_or_default()
            .ends_with("records.html#/backup"),
        "{address}"
    );
    wechat
        .client
        .execute(
            "const area = document.querySelector('.backup-import__paste textarea');
             area.value = arguments[0];
             area.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![serde_json::json!(backup)],
        )
        .await
        .expect("paste");
    wechat.click(".import-check").await;
    wechat
        .wait_for_text(".import-preview", "新增 1 条考试与练习记录")
        .await;
    wechat.click(".import-merge").await;
    wechat.wait_for_text(".import-done", "已导入").await;
    wechat.open(&format!("{}#/progress", server.url())).await;
    let item = wechat.wait_for_text(".history__item", "模拟考试").await;
    assert!(item.contains("得分 0/"), "{item}");

    // A question whose spaced review falls due today shows on the home
    // page and opens as a one-question review.
    wechat
        .eval(
            "(() => {
                const key = 'lxyz-quiz:progress';
                const stored = JSON.parse(localStorage.getItem(key));
                stored.progress.questions['charter-001'] = {
                    bank: 'charter', seen: 1, right: 0, streak: 0, wrong_book: true,
                    review: { due: 0, interval: 1, ease: 2500, reps: 0 }, updated_ms: Date.now() };
                localStorage.setItem(key, JSON.stringify(stored));
                return true;
            })()",
        )
        .await;
    wechat.open(&server.url()).await;
    wechat.client.refresh().await.expect("reload");
    let due = wechat
        .wait_for_text("[data-bank=charter] .bank-card__due", "今日待复习")
        .await;
    assert!(due.contains("1"), "{due}");
    wechat.click("[data-bank=charter] .bank-card__due").await;
    wechat.wait_for_text(".quiz__position", "1 / 1").await;
    wechat.close().await;
}
