//! The deployment as the portal runs it: the release build served by
//! Debian's nginx with the shipped `deploy/nginx.conf` under `/study/quiz/`,
//! embedded by a portal page on a second origin, and used offline.

use e2e::{dist_dir, get, Nginx, Phone};
use fantoccini::Locator;
use std::time::{Duration, Instant};

/// The allow-list file the tests deploy; `{allowed}` becomes the portal's
/// listed origin.
const EMBED: &str = r#"{"allowed_origins": ["{allowed}"]}"#;

/// The name of a content-hashed built file with this ending.
fn built(ending: &str) -> String {
    std::fs::read_dir(dist_dir())
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        // A content hash after the last '-' (15 or 16 hex digits): other
        // files with a '-' (sw-retire.js) are neither hashed nor
        // compressed, and the directory's order is arbitrary.
        .find(|name| {
            name.strip_suffix(ending)
                .and_then(|stem| stem.rsplit_once('-'))
                .is_some_and(|(_, hash)| {
                    hash.len() >= 15 && hash.bytes().all(|b| b.is_ascii_hexdigit())
                })
        })
        .unwrap_or_else(|| panic!("no *{ending} in dist/"))
}

#[test]
fn every_content_hashed_file_is_compressed_and_cached_for_a_year() {
    // Trunk writes its hash without leading zeros, so one build in sixteen
    // names a file with 15 hex digits: it must still count as hashed.
    let nginx = Nginx::start(&dist_dir(), None);
    let names: Vec<String> = std::fs::read_dir(dist_dir())
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            let Some((stem, ext)) = name.rsplit_once('.') else {
                return false;
            };
            let stem = stem.strip_suffix("_bg").unwrap_or(stem);
            matches!(ext, "js" | "wasm" | "css")
                && stem.rsplit_once('-').is_some_and(|(_, hash)| {
                    hash.len() >= 10 && hash.bytes().all(|b| b.is_ascii_hexdigit())
                })
        })
        .collect();
    assert!(names.len() >= 4, "{names:?}");
    for name in names {
        assert!(
            dist_dir().join(format!("{name}.br")).is_file(),
            "{name} has no .br copy"
        );
        let answer = get(
            &format!("{}{name}", nginx.url()),
            &[("Accept-Encoding", "br")],
        );
        assert_eq!(answer.header("content-encoding"), "br", "{name}");
        assert_eq!(
            answer.header("cache-control"),
            "public, max-age=31536000, immutable",
            "{name}"
        );
    }
}

#[test]
fn nginx_serves_the_shipped_config_with_its_headers() {
    let nginx = Nginx::start(&dist_dir(), Some(EMBED));
    let base = nginx.url();

    // The page: revalidated, a strict CSP, framing only by the listed origin.
    let page = get(&base, &[]);
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").starts_with("text/html"));
    assert_eq!(page.header("cache-control"), "no-cache");
    let csp = page.header("content-security-policy");
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"));
    assert!(
        csp.ends_with(&format!(
            "frame-ancestors 'self' {}",
            nginx.allowed_origin()
        )),
        "{csp}"
    );
    assert_eq!(page.header("x-content-type-options"), "nosniff");
    // No version in the Server header (server_tokens off).
    assert_eq!(page.header("server"), "nginx");
    let html = String::from_utf8(page.body.clone()).unwrap();
    for script in html.split("<script").skip(1) {
        let tag = &script[..script.find('>').unwrap()];
        assert!(tag.contains(" src="), "inline script in index.html: {tag}");
    }

    // The WASM: brotli to browsers that take it, else gzip, else plain;
    // immutable, with its MIME type in each case.
    let wasm = built("_bg.wasm");
    let url = format!("{base}{wasm}");
    let dist = dist_dir();
    let br = get(&url, &[("Accept-Encoding", "gzip, deflate, br, zstd")]);
    assert_eq!(br.status, 200);
    assert_eq!(br.header("content-encoding"), "br");
    assert_eq!(br.header("content-type"), "application/wasm");
    assert_eq!(
        br.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert!(br.header("vary").contains("Accept-Encoding"));
    assert_eq!(
        br.body,
        std::fs::read(dist.join(format!("{wasm}.br"))).unwrap()
    );
    let gz = get(&url, &[("Accept-Encoding", "gzip")]);
    assert_eq!(gz.header("content-encoding"), "gzip");
    assert_eq!(gz.header("content-type"), "application/wasm");
    assert_eq!(
        gz.body,
        std::fs::read(dist.join(format!("{wasm}.gz"))).unwrap()
    );
    let plain = get(&url, &[]);
    assert_eq!(plain.header("content-encoding"), "");
    assert!(plain.body.starts_with(b"\0asm"));

    let js = get(
        &format!("{base}{}", built(".js")),
        &[("Accept-Encoding", "br")],
    );
    assert_eq!(js.header("content-encoding"), "br");
    assert!(js.header("content-type").starts_with("text/javascript"));
    let css = get(
        &format!("{base}{}", built(".css")),
        &[("Accept-Encoding", "br")],
    );
    assert!(css.header("content-type").starts_with("text/css"));

    // Files coordinators and admins change are revalidated.
    for file in [
        "questions/index.json",
        "questions/charter.json",
        "sw.js",
        "embed.json",
    ] {
        let response = get(&format!("{base}{file}"), &[("Accept-Encoding", "gzip")]);
        assert_eq!(response.status, 200, "{file}");
        assert_eq!(response.header("cache-control"), "no-cache", "{file}");
    }
    let bank = get(&format!("{base}questions/charter.json"), &[]);
    assert!(bank.header("content-type").starts_with("application/json"));
    let manifest = get(&format!("{base}manifest.webmanifest"), &[]);
    assert!(manifest
        .header("content-type")
        .starts_with("application/manifest+json"));

    // The sub-path without its slash redirects; stray copies are hidden.
    let bare = get(base.trim_end_matches('/'), &[]);
    assert_eq!(bare.status, 301);
    assert_eq!(bare.header("location"), "/study/quiz/");
    assert_eq!(get(&format!("{url}.br"), &[]).status, 404);
}

/// Copies the example host page to the portal, letting `?module=` name the
/// module's test server, as its comment tells admins to.
fn install_portal_page(nginx: &Nginx) {
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/portal.html");
    let page = std::fs::read_to_string(examples).unwrap();
    let listed = "const MODULE_ORIGINS = [location.origin];";
    assert!(page.contains(listed), "portal.html no longer has {listed}");
    let module_origin = nginx.url().split("/study").next().unwrap().to_string();
    std::fs::write(
        nginx.portal_dir().join("portal.html"),
        page.replace(
            listed,
            &format!("const MODULE_ORIGINS = [location.origin, \"{module_origin}\"];"),
        ),
    )
    .unwrap();
}

/// Waits until `expression` is true in the page.
async fn wait_until(phone: &Phone, expression: &str) {
    let started = Instant::now();
    while phone.eval(expression).await != serde_json::json!(true) {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "never true: {expression}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "current_thread")]
async fn the_app_runs_under_the_csp_and_old_browsers_get_the_fallback() {
    let nginx = Nginx::start(&dist_dir(), None);
    let phone = Phone::start().await;
    phone
        .before_page_scripts(
            "window.cspViolations = []; document.addEventListener('securitypolicyviolation', \
             (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));",
        )
        .await;
    phone.open(&nginx.url()).await;
    phone.wait_for_text(".bank-list", "党章").await;
    // Persistent storage was asked for (the browser's answer may be no).
    wait_until(
        &phone,
        "document.documentElement.hasAttribute('data-quiz-persisted')",
    )
    .await;
    // Link parameters for menus become the hash route.
    phone
        .open(&format!("{}?bank=charter&mode=study&lang=en", nginx.url()))
        .await;
    phone.wait_for_text(".app-main", "Constitution").await;
    assert_eq!(
        phone.eval("location.hash").await,
        "#/bank/charter/study?lang=en"
    );
    assert_eq!(phone.eval("location.search").await, "");
    assert_eq!(
        phone.eval("window.cspViolations").await,
        serde_json::json!([])
    );
    // The device check page runs under the same policy.
    phone
        .client
        .goto(&format!("{}check.html", nginx.url()))
        .await
        .unwrap();
    phone.wait_for_text("#checks", "WebAssembly").await;
    phone.wait_for_text("#checks", "works").await;
    assert_eq!(
        phone.eval("window.cspViolations").await,
        serde_json::json!([])
    );

    // No WebAssembly: the plain-HTML message, not a blank page.
    let no_wasm = phone
        .before_page_scripts("delete window.WebAssembly;")
        .await;
    phone.client.goto(&nginx.url()).await.unwrap();
    phone.wait_for_text("#fallback", "WebAssembly").await;
    assert!(phone
        .wait_for("#fallback")
        .await
        .is_displayed()
        .await
        .unwrap());
    assert!(phone.texts(".app-header").await.is_empty());
    phone.forget_script(&no_wasm).await;

    // Streaming compilation fails: the app starts from the downloaded bytes.
    phone
        .before_page_scripts(
            "WebAssembly.instantiateStreaming = () => Promise.reject(new TypeError('no streaming here'));",
        )
        .await;
    phone.client.goto(&nginx.url()).await.unwrap();
    phone.wait_for_text(".bank-list", "Constitution").await;
    assert!(!phone
        .wait_for("#fallback")
        .await
        .is_displayed()
        .await
        .unwrap());
    phone.close().await;
}

/// The events the portal page listed, as JSON.
async fn portal_events(phone: &Phone) -> Vec<serde_json::Value> {
    phone
        .texts("#events li")
        .await
        .iter()
        .map(|text| serde_json::from_str(text).unwrap())
        .collect()
}

/// Waits until the portal page listed an event of this type; returns it.
async fn wait_for_event(phone: &Phone, kind: &str) -> serde_json::Value {
    let started = Instant::now();
    loop {
        if let Some(event) = portal_events(phone)
            .await
            .into_iter()
            .rev()
            .find(|event| event["type"] == kind)
        {
            return event;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the portal never got {kind:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_listed_portal_gets_the_events_and_other_origins_are_ignored() {
    let nginx = Nginx::start(&dist_dir(), Some(EMBED));
    // The allow-list as an admin might type it: upper case, a final slash.
    // It is normalised to the origin; an entry with a query is refused.
    std::fs::write(
        nginx.app_dir().join("embed.json"),
        format!(
            r#"{{"allowed_origins": ["https://portal.example.com/?x=1", "{}/"]}}"#,
            nginx.allowed_origin().to_uppercase()
        ),
    )
    .unwrap();
    install_portal_page(&nginx);
    // A page of an unlisted origin that tries to configure the module.
    std::fs::write(
        nginx.portal_dir().join("intruder.html"),
        "<!doctype html><script>parent.frames[0].postMessage({channel: 'lxyz-quiz', \
         type: 'configure', bank: 'speeches', mode: 'study', language: 'zh'}, '*'); \
         parent.postMessage('intruder-sent', '*');</script>",
    )
    .unwrap();
    let module = format!("{}%23/bank/charter/exam%3Fn%3D1", nginx.url());
    let phone = Phone::start().await;
    phone
        .client
        .goto(&format!(
            "{}portal.html?module={module}",
            nginx.portal_url()
        ))
        .await
        .unwrap();

    // ready, a content height, started (the exam link opened a quiz).
    wait_for_event(&phone, "ready").await;
    let resize = wait_for_event(&phone, "resize").await;
    assert!(resize["height"].as_u64().unwrap() > 200, "{resize}");
    let started = wait_for_event(&phone, "started").await;
    assert_eq!(started["bank"], "charter");
    assert_eq!(started["mode"], "exam");

    // The member answers the one question and submits.
    phone.client.enter_frame(0).await.unwrap();
    phone.wait_for(".question").await;
    let kind = phone
        .eval("document.querySelector('.question').dataset.type")
        .await;
    match kind.as_str().unwrap_or_default() {
        "judge" => phone.click("[data-judge=true]").await,
        "fill" => phone
            .wait_for(".blank__input")
            .await
            .send_keys("一")
            .await
            .unwrap(),
        _ => phone.click(".choice").await,
    }
    phone.click(".quiz__submit").await;
    phone.click(".dialog__confirm").await;
    phone.wait_for(".score-card").await;
    // The portal fits the iframe to the content: nothing scrolls inside it.
    wait_until(
        &phone,
        "document.documentElement.scrollHeight <= window.innerHeight + 1 \
         && document.documentElement.scrollWidth <= window.innerWidth",
    )
    .await;
    phone.client.enter_parent_frame().await.unwrap();
    let finished = wait_for_event(&phone, "finished").await;
    assert_eq!(finished["channel"], "lxyz-quiz");
    assert_eq!(finished["bank"], "charter");
    assert_eq!(finished["mode"], "exam");
    assert!(finished["max"].as_f64().unwrap() > 0.0, "{finished}");
    assert!(finished["score"].as_f64().is_some(), "{finished}");
    assert!(finished["passed"].is_boolean(), "{finished}");
    assert!(finished["duration"].is_u64(), "{finished}");

    // The portal configures bank, activity and language.
    phone
        .client
        .find(Locator::Css("[name=bank]"))
        .await
        .unwrap()
        .clear()
        .await
        .unwrap();
    phone
        .client
        .find(Locator::Css("[name=bank]"))
        .await
        .unwrap()
        .send_keys("rules")
        .await
        .unwrap();
    phone
        .eval("(document.querySelector('[name=language]').value = 'en') && true")
        .await;
    phone.click("#send-configure").await;
    phone.client.enter_frame(0).await.unwrap();
    wait_until(&phone, "location.hash === '#/bank/rules/practice?lang=en'").await;
    phone.wait_for_text(".app-header", "Self-Study").await;
    wait_until(&phone, "document.documentElement.lang === 'en'").await;
    phone.client.enter_parent_frame().await.unwrap();

    // An unlisted origin's message is ignored.
    phone
        .eval(&format!(
            "(() => {{ addEventListener('message', (e) => {{ if (e.data === 'intruder-sent') \
             window.intruderSent = true; }}); const f = document.createElement('iframe'); \
             f.src = '{}intruder.html'; document.body.appendChild(f); return true; }})()",
            nginx.unlisted_portal_url()
        ))
        .await;
    wait_until(&phone, "window.intruderSent === true").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    phone.client.enter_frame(0).await.unwrap();
    assert_eq!(
        phone.eval("location.hash").await,
        "#/bank/rules/practice?lang=en"
    );
    assert_eq!(phone.eval("document.documentElement.lang").await, "en");
    phone.client.enter_parent_frame().await.unwrap();

    // A portal on an unlisted origin cannot frame the module (CSP
    // frame-ancestors) and gets no message from it.
    phone
        .client
        .goto(&format!(
            "{}portal.html?module={module}",
            nginx.unlisted_portal_url()
        ))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(portal_events(&phone).await.is_empty());
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_app_works_offline_after_one_visit_and_notices_new_questions() {
    let mut nginx = Nginx::start(&dist_dir(), None);
    let phone = Phone::start().await;
    phone.open(&nginx.url()).await;
    phone.wait_for_text(".bank-list", "党章").await;
    // The service worker installed (shell and banks cached) and took over.
    wait_until(&phone, "navigator.serviceWorker.controller !== null").await;

    // A repeat visit's page comes from the worker's cache, with no round
    // trip first: a page changed on the server is not what is shown.
    let page = nginx.app_dir().join("index.html");
    let html = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        html.replacen(
            "<head>",
            "<head><meta name=\"probe\" content=\"server\">",
            1,
        ),
    )
    .unwrap();
    phone.client.refresh().await.unwrap();
    phone.wait_for_text(".bank-list", "党章").await;
    let probe = phone
        .client
        .execute(
            "return document.querySelector('meta[name=probe]') !== null",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        probe,
        serde_json::Value::Bool(false),
        "page not from the cache"
    );

    // A coordinator publishes a new version of the charter bank.
    let questions = nginx.app_dir().join("questions");
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(questions.join("index.json")).unwrap()).unwrap();
    let mut index = index;
    let entry = index["banks"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|bank| bank["id"] == "charter")
        .unwrap();
    let version = entry["version"].as_u64().unwrap();
    entry["version"] = serde_json::json!(version + 1);
    entry["title"]["zh"] = serde_json::json!("党章（修订版）");
    std::fs::write(
        questions.join("index.json"),
        serde_json::to_string_pretty(&index).unwrap(),
    )
    .unwrap();
    let bank = std::fs::read_to_string(questions.join("charter.json")).unwrap();
    let declared = format!("\"version\": {version}");
    assert!(bank.contains(&declared), "charter.json lacks {declared}");
    std::fs::write(
        questions.join("charter.json"),
        bank.replacen(&declared, &format!("\"version\": {}", version + 1), 1),
    )
    .unwrap();
    phone.client.refresh().await.unwrap();
    phone.wait_for_text(".update-banner", "新的题目").await;
    phone.click(".update-banner__reload").await;
    phone.wait_for_text(".bank-list", "党章（修订版）").await;
    // 我的学习 once online: records.html's own files are cached as they load.
    phone.click(".home-nav__progress").await;
    phone.wait_for(".calendar__summary").await;
    phone.click(".back-link").await;
    phone.wait_for_text(".bank-list", "党章（修订版）").await;

    // No network at all: the browser is offline and the server is gone.
    phone.set_offline(true).await;
    nginx.stop();
    phone.client.refresh().await.unwrap();
    phone.wait_for_text(".bank-list", "党章（修订版）").await;
    // A bank never opened before works too: practise a question.
    phone
        .client
        .goto(&format!("{}#/bank/speeches/practice", nginx.url()))
        .await
        .unwrap();
    phone.wait_for(".question").await;
    phone
        .client
        .goto(&format!("{}#/bank/rules/study", nginx.url()))
        .await
        .unwrap();
    phone.client.refresh().await.unwrap();
    phone.wait_for_text(".app-main", "党规").await;
    assert!(phone.texts(".error-panel").await.is_empty());
    // 我的学习, opened once online, works offline too.
    phone
        .client
        .goto(&format!("{}records.html#/progress", nginx.url()))
        .await
        .unwrap();
    phone.wait_for(".calendar__summary").await;
    phone.set_offline(false).await;
    phone.close().await;
}

/// Starts `expression` (a promise) in the page and stores what it resolves
/// to under `window[name]`, so [`wait_until`] can poll for it.
fn stash(name: &str, expression: &str) -> String {
    format!("(() => {{ Promise.resolve({expression}).then(v => {{ window.{name} = v; }}, () => null); return true; }})()")
}

#[tokio::test(flavor = "current_thread")]
async fn the_service_worker_installs_whatever_the_banks_do() {
    let nginx = Nginx::start(&dist_dir(), None);
    let questions = nginx.app_dir().join("questions");
    // A broken bank list and a missing bank: members must still get this
    // build's worker, not stay on an old one until the banks are fixed.
    std::fs::write(questions.join("index.json"), "{\"banks\": [").unwrap();
    std::fs::remove_file(questions.join("rules.json")).unwrap();
    let phone = Phone::start().await;
    phone.open(&nginx.url()).await;
    phone.wait_for(".error-panel").await;
    wait_until(&phone, "navigator.serviceWorker.controller !== null").await;
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_kill_switch_retires_the_offline_copy_and_keeps_progress() {
    let nginx = Nginx::start(&dist_dir(), None);
    let phone = Phone::start().await;
    phone.open(&nginx.url()).await;
    phone.wait_for_text(".bank-list", "党章").await;
    wait_until(&phone, "navigator.serviceWorker.controller !== null").await;
    phone
        .eval("(localStorage.setItem('lxyz-quiz:probe', 'kept'), true)")
        .await;

    // The admin copies the shipped retiring worker over sw.js (DEPLOY.md).
    let app = nginx.app_dir();
    std::fs::copy(app.join("sw-retire.js"), app.join("sw.js")).unwrap();
    phone.client.refresh().await.unwrap();
    let gone = "window.__registrations === 0 && window.__caches === 0";
    let started = Instant::now();
    loop {
        phone
            .eval(&stash(
                "__registrations",
                "navigator.serviceWorker.getRegistrations().then(r => r.length)",
            ))
            .await;
        phone
            .eval(&stash(
                "__caches",
                "caches.keys().then(k => k.filter(n => n.startsWith('lxyz-quiz-')).length)",
            ))
            .await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        if phone.eval(gone).await == serde_json::json!(true) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the worker did not retire"
        );
    }
    // Progress is untouched and the module still works from the network.
    assert_eq!(
        phone.eval("localStorage.getItem('lxyz-quiz:probe')").await,
        serde_json::json!("kept")
    );
    phone.client.refresh().await.unwrap();
    phone.wait_for_text(".bank-list", "党章").await;
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_cached_page_is_revalidated_so_new_headers_reach_members() {
    let nginx = Nginx::start(&dist_dir(), None);
    let phone = Phone::start().await;
    phone.open(&nginx.url()).await;
    phone.wait_for_text(".bank-list", "党章").await;
    wait_until(&phone, "navigator.serviceWorker.controller !== null").await;
    let cached_date = format!(
        "caches.match('{}').then(r => r ? r.headers.get('date') : null)",
        nginx.url()
    );
    phone.eval(&stash("__before", &cached_date)).await;
    wait_until(&phone, "typeof window.__before === 'string'").await;
    let before = phone.eval("window.__before").await;
    // HTTP dates count whole seconds.
    tokio::time::sleep(Duration::from_millis(1_200)).await;
    phone.client.refresh().await.unwrap();
    phone.wait_for_text(".bank-list", "党章").await;
    let started = Instant::now();
    loop {
        phone.eval(&stash("__after", &cached_date)).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let after = phone.eval("window.__after").await;
        if after.is_string() && after != before {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the cached page was never refreshed ({before} → {after})"
        );
    }
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_example_portal_frames_only_allowed_module_addresses() {
    let nginx = Nginx::start(&dist_dir(), Some(EMBED));
    install_portal_page(&nginx);
    let phone = Phone::start().await;
    for refused in [
        "javascript:parent.document.title='owned'",
        "https://attacker.example.com/study/quiz/",
        "data:text/html,hello",
    ] {
        phone
            .client
            .goto(&format!(
                "{}portal.html?module={}",
                nginx.portal_url(),
                refused.replace('/', "%2F").replace(':', "%3A")
            ))
            .await
            .unwrap();
        phone.wait_for(".module-refused").await;
        assert_eq!(
            phone
                .eval("document.querySelectorAll('iframe').length")
                .await,
            0
        );
        assert_ne!(phone.eval("document.title").await, "owned");
    }
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_device_check_compares_the_two_allow_lists() {
    let nginx = Nginx::start(&dist_dir(), Some(EMBED));
    let phone = Phone::start().await;
    phone
        .client
        .goto(&format!("{}check.html", nginx.url()))
        .await
        .unwrap();
    let agreed = phone.wait_for_text("#checks", "嵌入名单").await;
    assert!(agreed.contains("一致 · match"), "{agreed}");
    // An admin adds a portal to embed.json but not to nginx's QUIZ_ORIGINS.
    std::fs::write(
        nginx.app_dir().join("embed.json"),
        format!(
            r#"{{"allowed_origins": ["{}", "https://oa.example.com"]}}"#,
            nginx.allowed_origin()
        ),
    )
    .unwrap();
    phone.client.refresh().await.unwrap();
    let differ = phone.wait_for_text("#checks", "不一致").await;
    assert!(differ.contains("https://oa.example.com"), "{differ}");
    phone.close().await;
}
