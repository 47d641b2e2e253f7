//! The browser entry point that Trunk builds to WASM.

fn main() {
    quiz_app::run();
}

/// The allocator of the member's WebAssembly: talc is smaller and faster
/// than the standard library's dlmalloc (measured in BENCHMARKS.md).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
