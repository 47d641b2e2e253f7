//! The browser entry point of `records.html`, which Trunk builds to a
//! WebAssembly of its own: 我的学习 and 备份, which most visits never open,
//! so the quizzes' download does not carry them (see `quiz_app::route::Page`).

fn main() {
    quiz_app::run::<quiz_app::app::RecordsPages>();
}

/// The same allocator as `index.html`'s (see `src/main.rs`).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
