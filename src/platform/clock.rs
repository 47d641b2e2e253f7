//! Time and randomness, behind a trait so tests can fix both.

/// The current time and fresh random seeds.
pub trait Clock {
    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> u64;
    /// A seed for a new attempt's draw and shuffles.
    fn fresh_seed(&self) -> u64;
    /// Today's day number (days since 1970-01-01) in the member's time zone,
    /// for study days and the daily set.
    fn local_day(&self) -> i32;
    /// The member's time-zone offset from UTC at `at_ms`, in milliseconds
    /// (UTC+8 is `28_800_000`), for dates in the history. Fakes keep UTC.
    fn utc_offset_ms(&self, _at_ms: u64) -> i64 {
        0
    }
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

    fn utc_offset_ms(&self, at_ms: u64) -> i64 {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms as f64));
        (-date.get_timezone_offset() * 60_000.0) as i64
    }

    fn local_day(&self) -> i32 {
        let now = js_sys::Date::now();
        let offset_minutes = js_sys::Date::new_0().get_timezone_offset();
        ((now - offset_minutes * 60_000.0) / 86_400_000.0).floor() as i32
    }
}
