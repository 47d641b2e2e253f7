//! Chrome DevTools Protocol commands through chromedriver, for what
//! WebDriver cannot do: network and CPU throttling, clearing the cache,
//! scripts that run before the page's own.

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Client;
use serde_json::{json, Value};

/// The Lighthouse mobile preset's round-trip time, in milliseconds.
pub const RTT_MS: u32 = 150;
/// Its download throughput: 1.6 Mbps (1,638.4 kbit/s), in bytes per second.
pub const DOWN_BYTES_PER_S: f64 = 1638.4 * 1024.0 / 8.0;
/// Its upload throughput: 750 kbit/s, in bytes per second.
pub const UP_BYTES_PER_S: f64 = 750.0 * 1024.0 / 8.0;
/// Its CPU slowdown.
pub const CPU_SLOWDOWN: u32 = 4;

/// One CDP command, sent as chromedriver's `goog/cdp/execute`.
#[derive(Debug)]
struct Execute {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for Execute {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({"cmd": self.cmd, "params": self.params});
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Sends `cmd` with `params` and returns its result.
pub async fn send(client: &Client, cmd: &str, params: Value) -> Result<Value, String> {
    client
        .issue_cmd(Execute {
            cmd: cmd.to_string(),
            params,
        })
        .await
        .map_err(|error| format!("CDP {cmd}: {error}"))
}

/// Applies the Lighthouse mobile preset: 150 ms RTT, 1.6 Mbps down,
/// 750 kbps up, 4× CPU slowdown.
pub async fn mobile_preset(client: &Client) -> Result<(), String> {
    send(client, "Network.enable", json!({})).await?;
    send(
        client,
        "Network.emulateNetworkConditions",
        json!({
            "offline": false,
            "latency": RTT_MS,
            "downloadThroughput": DOWN_BYTES_PER_S,
            "uploadThroughput": UP_BYTES_PER_S,
        }),
    )
    .await?;
    send(
        client,
        "Emulation.setCPUThrottlingRate",
        json!({"rate": CPU_SLOWDOWN}),
    )
    .await?;
    Ok(())
}

/// Runs `source` in every new document before the page's own scripts.
pub async fn before_every_page(client: &Client, source: &str) -> Result<(), String> {
    send(client, "Page.enable", json!({})).await?;
    send(
        client,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({"source": source}),
    )
    .await
    .map(|_| ())
}
