//! The browser entry point that Trunk builds to WASM.

fn main() {
    quiz_app::run();
}
