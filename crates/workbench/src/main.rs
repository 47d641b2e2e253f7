//! The browser entry point that Trunk builds to the workbench's own
//! WebAssembly (`workbench.html`).

fn main() {
    workbench::run();
}
