//! Time and randomness, behind a trait so tests can fix both.

/// The current time and fresh random seeds.
pub trait Clock {
    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> u64;
    /// A seed for a new attempt's draw and shuffles.
    fn fresh_seed(&self) -> u64;
}

/// The browser's `Date.now()` and `Math.random()`. Seeds need no
/// cryptographic strength, so this avoids a `getrandom` dependency.
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now_ms(&self) -> u64 {
        js_sys::Date::now() as u64
    }

    fn fresh_seed(&self) -> u64 {
        let high = (js_sys::Math::random() * 4_294_967_296.0) as u64;
        let low = (js_sys::Math::random() * 4_294_967_296.0) as u64;
        (high << 32) ^ low ^ self.now_ms()
    }
}
