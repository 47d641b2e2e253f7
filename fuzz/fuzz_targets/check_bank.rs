//! Any bytes given to the bank checker must give diagnostics, never a panic,
//! and a bank that loads must serialise and load again unchanged.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let checked = quiz_core::check_bank("fuzz.json", data);
    for diagnostic in &checked.diagnostics {
        assert!(diagnostic.line >= 1 && diagnostic.column >= 1);
    }
    if let Some(bank) = checked.value {
        let text = serde_json::to_string(&bank).expect("a loaded bank serialises");
        let again = quiz_core::check_bank("again.json", text.as_bytes());
        assert_eq!(again.value.as_ref(), Some(&bank), "round trip changed the bank");
    }
});
