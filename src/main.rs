//! The browser entry point of `index.html`, which Trunk builds to WASM: the
//! bank list, banks, quizzes and study.

fn main() {
    quiz_app::run::<quiz_app::app::MainPages>();
}

/// The allocator of the member's WebAssembly: talc is smaller and faster
/// than the standard library's dlmalloc (measured in BENCHMARKS.md).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
