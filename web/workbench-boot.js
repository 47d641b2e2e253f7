// The workbench's boot loader, shipped as a file so the
// Content-Security-Policy needs no 'unsafe-inline' for scripts.
//
// `cargo xtask dist` replaces Trunk's inline start-up script in
// workbench.html with this file, fills in the content-hashed names below
// and saves it as workbench-boot-<hash>.js. It shows the plain-HTML
// message where WebAssembly is missing and starts the workbench, retrying
// without streaming compilation when that fails. The member app's service
// worker is not registered here: the workbench is not for offline use.

const WORKBENCH_JS = "./__WORKBENCH_JS__";
const WORKBENCH_WASM = "./__WORKBENCH_WASM__";

function showFallback(reason) {
  console.error("workbench: " + reason);
  const fallback = document.getElementById("fallback");
  const app = document.getElementById("app");
  if (fallback) fallback.removeAttribute("hidden");
  if (app) app.setAttribute("hidden", "");
}

async function start() {
  if (typeof WebAssembly !== "object") {
    showFallback("this browser has no WebAssembly");
    return;
  }
  const glue = await import(WORKBENCH_JS);
  try {
    await glue.default({ module_or_path: WORKBENCH_WASM });
  } catch (error) {
    console.warn("workbench: streaming start failed, retrying from bytes", error);
    const response = await fetch(WORKBENCH_WASM);
    if (!response.ok) throw new Error("WASM download failed: " + response.status);
    await glue.default({ module_or_path: await response.arrayBuffer() });
  }
}

start().catch((error) => showFallback(String(error)));
