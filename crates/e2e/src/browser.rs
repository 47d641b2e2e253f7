//! A phone-sized headless Chromium, driven through chromedriver.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The viewport the tests use: a common phone, 390×844 CSS pixels.
pub const PHONE_WIDTH: u32 = 390;
/// See [`PHONE_WIDTH`].
pub const PHONE_HEIGHT: u32 = 844;

/// How long a wait for the page may take before the test fails. Generous,
/// because the machine is shared; waits return as soon as the condition holds.
const WAIT: Duration = Duration::from_secs(20);

/// A browser session with its own chromedriver and a fresh profile.
pub struct Phone {
    /// The WebDriver client, for anything the helpers do not cover.
    pub client: Client,
    driver: Child,
    /// The driver's and the browser's temporary folder: chromedriver leaves
    /// each browser's 13 MB profile behind in it, so it goes when the
    /// phone does (declared after `driver`, so removed after the driver
    /// is killed).
    _scratch: tempfile::TempDir,
}

impl Phone {
    /// Starts chromedriver and a headless Chromium emulating a phone.
    pub async fn start() -> Phone {
        Phone::launch(serde_json::json!({})).await
    }

    /// A laptop-sized browser (1280×800, no phone emulation), for pages
    /// used on a laptop first, such as the coordinators' workbench.
    pub async fn start_laptop() -> Phone {
        Phone::launch_sized(serde_json::json!({}), false).await
    }

    /// A phone whose browser blocks site storage, as a third-party iframe or
    /// a strict privacy setting does: `localStorage` throws SecurityError.
    pub async fn start_with_storage_blocked() -> Phone {
        Phone::launch(serde_json::json!({
            "profile.default_content_setting_values.cookies": 2,
            "profile.block_third_party_cookies": true,
        }))
        .await
    }

    async fn launch(prefs: serde_json::Value) -> Phone {
        Phone::launch_sized(prefs, true).await
    }

    async fn launch_sized(prefs: serde_json::Value, phone: bool) -> Phone {
        let port = free_port();
        let scratch = tempfile::Builder::new()
            .prefix("quiz-e2e-browser-")
            .tempdir()
            .expect("a temporary folder for the browser");
        let driver_path = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let driver = Command::new(&driver_path)
            .arg(format!("--port={port}"))
            .env("TMPDIR", scratch.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| {
                panic!("cannot start {driver_path} ({error}): install chromium-driver, or run `cargo xtask test`")
            });
        let binary = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let capabilities = serde_json::json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": binary,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                    if phone { format!("--window-size={PHONE_WIDTH},{PHONE_HEIGHT}") } else { "--window-size=1280,800".to_string() },
                ],
                "prefs": prefs,
            },
        });
        let mut capabilities = capabilities;
        if phone {
            capabilities["goog:chromeOptions"]["mobileEmulation"] = serde_json::json!({
                "deviceMetrics": {"width": PHONE_WIDTH, "height": PHONE_HEIGHT, "pixelRatio": 3.0, "touch": true},
                "userAgent": "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.47",
            });
        }
        let capabilities = match capabilities {
            serde_json::Value::Object(map) => map,
            _ => unreachable!("a JSON object literal"),
        };
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(error) if started.elapsed() < WAIT => {
                    let _ = error;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(error) => panic!("cannot start a browser session through {url}: {error}"),
            }
        };
        Phone {
            client,
            driver,
            _scratch: scratch,
        }
    }

    /// Opens `url` and waits for the app to mount.
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
        self.wait_for(".app-header").await;
    }

    /// Waits until an element matching `css` exists and returns it.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|error| panic!("no element matches {css:?}: {error}"))
    }

    /// Waits until the element matching `css` contains `text`, then returns
    /// its whole text.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> String {
        let started = Instant::now();
        loop {
            let current = match self.client.find(Locator::Css(css)).await {
                Ok(element) => element.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if current.contains(text) {
                return current;
            }
            if started.elapsed() > WAIT {
                panic!("{css:?} never contained {text:?}; last text: {current:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// An attribute of the element matching `css`, once it exists; `None`
    /// when the element has no such attribute.
    pub async fn attribute(&self, css: &str, name: &str) -> Option<String> {
        self.wait_for(css)
            .await
            .attr(name)
            .await
            .unwrap_or_else(|error| panic!("cannot read {name} of {css:?}: {error}"))
    }

    /// The texts of every element matching `css`.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for element in self.client.find_all(Locator::Css(css)).await.expect("find") {
            texts.push(element.text().await.expect("text"));
        }
        texts
    }

    /// Clicks the first element matching `css`, scrolled to the middle of
    /// the screen first, as a member's thumb would (WebDriver scrolls it to
    /// the top, under the quiz's sticky bar when the text is large).
    pub async fn click(&self, css: &str) {
        let element = self.wait_for(css).await;
        let arg = serde_json::to_value(&element).expect("an element reference");
        self.client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' });",
                vec![arg],
            )
            .await
            .expect("scroll into view");
        element.click().await.expect("click");
    }

    /// Whether the file picker matching `picker` (a `.file-pick` label)
    /// shows one button, the page's own: a tap at the button's centre lands
    /// on the file input, and the input itself is transparent, so the
    /// browser's "Choose File / No file chosen" does not show beside it.
    pub async fn file_picker_is_one_button(&self, picker: &str) -> bool {
        self.wait_for(&format!("{picker} .button")).await;
        let script = format!(
            "(() => {{ const picker = document.querySelector({picker:?}); \
             picker.scrollIntoView({{ block: 'center' }}); \
             const box = picker.querySelector('.button').getBoundingClientRect(); \
             const input = picker.querySelector('input[type=file]'); \
             const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2); \
             return hit === input && getComputedStyle(input).opacity === '0'; }})()"
        );
        self.eval(&script).await == serde_json::json!(true)
    }

    /// Evaluates a JavaScript expression and returns its JSON value.
    pub async fn eval(&self, expression: &str) -> serde_json::Value {
        self.client
            .execute(&format!("return ({expression});"), vec![])
            .await
            .expect("execute script")
    }

    /// Ends the session and the driver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Phone {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}

use crate::free_port;

/// A chromedriver command that fantoccini has no method for: a POST to
/// `/session/{id}/<path>` with a JSON body.
#[derive(Debug)]
struct SessionPost {
    path: &'static str,
    body: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// A WebDriver command that fantoccini has no method for: a GET of
/// `/session/{id}/<path>`.
#[derive(Debug)]
struct SessionGet {
    path: String,
}

impl fantoccini::wd::WebDriverCompatibleCommand for SessionGet {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::GET, None)
    }
}

impl Phone {
    /// The accessible names of every element matching `css`, as the
    /// browser computes them for screen readers (WebDriver's computed
    /// label: CSS generated content and `aria-hidden` count as they do for
    /// a screen reader).
    pub async fn accessible_names(&self, css: &str) -> Vec<String> {
        let mut names = Vec::new();
        for element in self.client.find_all(Locator::Css(css)).await.expect("find") {
            let name = self
                .client
                .issue_cmd(SessionGet {
                    path: format!("element/{}/computedlabel", element.element_id()),
                })
                .await
                .unwrap_or_else(|error| panic!("computed label of {css:?}: {error}"));
            names.push(name.as_str().unwrap_or_default().to_string());
        }
        names
    }

    /// Sends a Chrome DevTools Protocol command and returns its result.
    pub async fn cdp(&self, cmd: &str, params: serde_json::Value) -> serde_json::Value {
        self.client
            .issue_cmd(SessionPost {
                path: "goog/cdp/execute",
                body: serde_json::json!({ "cmd": cmd, "params": params }),
            })
            .await
            .unwrap_or_else(|error| panic!("CDP {cmd}: {error}"))
    }

    /// Runs `script` in every new document before the page's own scripts
    /// (devtools-injected, so the page's CSP does not apply); returns the
    /// id that [`Phone::forget_script`] takes.
    pub async fn before_page_scripts(&self, script: &str) -> String {
        let result = self
            .cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                serde_json::json!({ "source": script }),
            )
            .await;
        result["identifier"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Stops running a script added with [`Phone::before_page_scripts`].
    pub async fn forget_script(&self, identifier: &str) {
        self.cdp(
            "Page.removeScriptToEvaluateOnNewDocument",
            serde_json::json!({ "identifier": identifier }),
        )
        .await;
    }

    /// Chromium's offline emulation (chromedriver's network conditions).
    pub async fn set_offline(&self, offline: bool) {
        self.client
            .issue_cmd(SessionPost {
                path: "chromium/network_conditions",
                body: serde_json::json!({ "network_conditions": {
                    "offline": offline, "latency": 0,
                    "download_throughput": -1, "upload_throughput": -1,
                }}),
            })
            .await
            .expect("set network conditions");
    }
}
