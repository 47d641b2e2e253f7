//! Fetching bank files as bytes.

use js_sys::Promise;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The request never got an answer (offline, DNS, CORS, blocked).
    Network(String),
    /// The server answered with a non-success status, e.g. 404.
    Status(u16),
    /// The answer's body could not be read.
    Body(String),
    /// No complete answer within [`FETCH_TIMEOUT_MS`]: the network is
    /// stalled or very slow.
    Timeout,
}

/// How long a file may take to arrive before the page stops waiting and
/// offers a retry: generous for a large bank on a slow phone network, but a
/// stalled connection no longer shows a spinner for ever.
pub const FETCH_TIMEOUT_MS: u32 = 45_000;

/// A boxed future, so the trait stays object-safe without extra crates.
pub type FetchFuture = Pin<Box<dyn Future<Output = Result<Vec<u8>, FetchError>>>>;

/// Fetches a URL relative to the page and returns the body's bytes.
pub trait Fetcher {
    /// Starts fetching `url`.
    fn fetch(&self, url: &str) -> FetchFuture;

    /// Starts fetching `url` ahead of need, so a later [`Fetcher::fetch`]
    /// of the same URL takes over the request in flight instead of
    /// waiting for its own. A guess that turns out wrong costs one unused
    /// request; fetchers without a network ignore it.
    fn prefetch(&self, _url: &str) {}
}

/// The browser's `fetch`, asking caches to revalidate so a coordinator's
/// updated bank is seen on the next visit.
pub struct BrowserFetcher;

thread_local! {
    /// Requests started by [`Fetcher::prefetch`] and not taken over yet,
    /// shared by every `BrowserFetcher` of the page: the start-up code
    /// prefetches before the app's own fetcher exists.
    static STARTED: RefCell<Vec<(String, Promise)>> = const { RefCell::new(Vec::new()) };
}

impl Fetcher for BrowserFetcher {
    fn fetch(&self, url: &str) -> FetchFuture {
        let taken = STARTED.with_borrow_mut(|started| {
            let at = started.iter().position(|(asked, _)| asked == url)?;
            Some(started.swap_remove(at).1)
        });
        let request = taken.map_or_else(|| start(url), Ok);
        Box::pin(async move {
            let request = request?;
            with_timeout(FETCH_TIMEOUT_MS, read_bytes(request)).await
        })
    }

    fn prefetch(&self, url: &str) {
        STARTED.with_borrow_mut(|started| {
            if started.iter().all(|(asked, _)| asked != url) {
                if let Ok(request) = start(url) {
                    started.push((url.to_string(), request));
                }
            }
        });
    }
}

/// Waits for `work` for at most `ms`, then gives up with
/// [`FetchError::Timeout`].
pub async fn with_timeout<T>(
    ms: u32,
    work: impl Future<Output = Result<T, FetchError>>,
) -> Result<T, FetchError> {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    Race {
        work: Box::pin(work),
        timer: JsFuture::from(timer),
    }
    .await
}

/// The first of a piece of work and a timer to finish.
struct Race<W> {
    work: Pin<Box<W>>,
    timer: JsFuture,
}

impl<T, W: Future<Output = Result<T, FetchError>>> Future for Race<W> {
    type Output = Result<T, FetchError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Poll::Ready(done) = self.work.as_mut().poll(cx) {
            return Poll::Ready(done);
        }
        match Pin::new(&mut self.timer).poll(cx) {
            Poll::Ready(_) => Poll::Ready(Err(FetchError::Timeout)),
            Poll::Pending => Poll::Pending,
        }
    }
}

/// Sends the request; the promise settles with the response's headers.
fn start(url: &str) -> Result<Promise, FetchError> {
    let window = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    Ok(window.fetch_with_str_and_init(url, &init))
}

async fn read_bytes(request: Promise) -> Result<Vec<u8>, FetchError> {
    let response = JsFuture::from(request)
        .await
        .map_err(|error| FetchError::Network(js_message(&error)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| FetchError::Network("not a Response".into()))?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let buffer = response
        .array_buffer()
        .map_err(|error| FetchError::Body(js_message(&error)))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|error| FetchError::Body(js_message(&error)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn js_message(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
