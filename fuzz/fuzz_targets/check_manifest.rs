//! Any bytes given to the manifest checker must give diagnostics, never a
//! panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let checked = quiz_core::manifest::check_manifest("index.json", data);
    assert_eq!(checked.value.is_none(), checked.error_count() > 0);
});
