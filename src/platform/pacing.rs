//! Giving the browser its main thread back during long work.
//!
//! A task that runs for more than 50 ms delays taps and paints (the browser
//! reports it as a long task). Work that can pause, such as checking a large
//! bank, asks a [`Pacer`] at each step; it yields to the browser once the
//! current slice has run for [`SLICE_MS`], and not before, so a fast device
//! does not wait on timers it does not need.

use quiz_core::bank::PauseFuture;
use std::cell::Cell;
use std::rc::Rc;

/// How long a slice of work may run before it yields: well under the 50 ms
/// of a long task, leaving room for what the same task does besides.
pub const SLICE_MS: f64 = 20.0;

/// Hands out pauses for a piece of long work; see the module docs.
pub struct Pacer {
    /// When the current slice started, in `performance.now()` ms.
    slice_start: Rc<Cell<f64>>,
}

impl Pacer {
    /// A pacer whose first slice starts now.
    pub fn start() -> Self {
        Pacer {
            slice_start: Rc::new(Cell::new(now())),
        }
    }

    /// A pause: ready at once while the slice is short, otherwise a
    /// zero-delay timer, after which a new slice starts.
    pub fn pause(&mut self) -> PauseFuture {
        if now() - self.slice_start.get() < SLICE_MS {
            return Box::pin(std::future::ready(()));
        }
        let slice_start = self.slice_start.clone();
        Box::pin(async move {
            next_task().await;
            slice_start.set(now());
        })
    }
}

/// Resolves in a new task, after the browser has had its turn.
pub fn next_task() -> PauseFuture {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    Box::pin(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(timer).await;
    })
}

/// The page's high-resolution clock, in ms; 0 where there is none, which
/// makes every pause ready at once.
fn now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}
