// The module's boot loader, shipped beside index.html as a file so the
// Content-Security-Policy needs no 'unsafe-inline' for scripts.
//
// `cargo xtask dist` replaces Trunk's inline start-up script with this file,
// fills in the content-hashed names below and saves it as boot-<hash>.js.
// It checks for WebAssembly (showing the plain-HTML fallback without it),
// turns link parameters into a route, starts the app (retrying without
// streaming compilation when that fails), runs the embedding bridge and
// registers the service worker. It stays small and plain, because it must
// work where the app does not.

const APP_JS = "./__QUIZ_JS__";
const APP_WASM = "./__QUIZ_WASM__";
// Every message to or from a host page carries this channel name.
const CHANNEL = "lxyz-quiz";
// Activities a link or a host may ask for, as the app's routes name them.
const MODES = ["exam", "practice", "sequential", "study"];

// Shows the plain-HTML message for browsers that cannot run the app, unless
// the app already runs or has shown its own error notice.
function showFallback(reason) {
  console.error("quiz: " + reason);
  if (document.querySelector(".app-header") || document.getElementById("panic-notice")) {
    return;
  }
  const fallback = document.getElementById("fallback");
  const app = document.getElementById("app");
  if (fallback) fallback.removeAttribute("hidden");
  if (app) app.setAttribute("hidden", "");
}

// True when this browser can compile WebAssembly at all.
function hasWebAssembly() {
  try {
    return (
      typeof WebAssembly === "object" &&
      typeof WebAssembly.instantiate === "function" &&
      WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))
    );
  } catch (error) {
    return false;
  }
}

// The hash route for a bank, an activity and extra parameters, checked
// loosely here because the app checks every parameter again.
function routeHash(bank, mode, params) {
  let path = "/";
  if (bank && /^[a-z0-9-]{1,40}$/.test(bank)) {
    path = "/bank/" + bank;
    if (mode && MODES.includes(mode)) path += "/" + mode;
  }
  const query = params.toString();
  return "#" + path + (query ? "?" + query : "");
}

// The current hash with `lang` set, keeping its route and other parameters.
function hashWithLanguage(language) {
  const hash = location.hash.replace(/^#/, "") || "/";
  const cut = hash.indexOf("?");
  const params = new URLSearchParams(cut < 0 ? "" : hash.slice(cut + 1));
  params.set("lang", language);
  return "#" + (cut < 0 ? hash : hash.slice(0, cut)) + "?" + params.toString();
}

function isLanguage(value) {
  return value === "zh" || value === "en";
}

// Plain links and WeChat menus may say `?bank=charter&mode=exam&lang=en`
// (or, for a branch's shared paper, `…&paper=K7QF-3M2A`)
// (WeChat may drop or mangle a hash when a link is shared). The parameters
// become the hash route once, and leave the address, so a reload or the back
// gesture stays inside the app.
function applyLinkParameters() {
  const search = new URLSearchParams(location.search);
  const keys = ["bank", "mode", "lang", "n", "t", "tag", "set", "paper"];
  if (!keys.some((key) => search.has(key))) return;
  const extra = new URLSearchParams();
  for (const key of ["n", "t", "tag", "set", "paper"]) {
    if (search.has(key)) extra.set(key, search.get(key));
  }
  const lang = search.get("lang");
  if (isLanguage(lang)) extra.set("lang", lang);
  const route = location.hash.replace(/^#\/?/, "");
  let hash = location.hash;
  if (search.has("bank") && route === "") {
    hash = routeHash(search.get("bank"), search.get("mode"), extra);
  } else if (isLanguage(lang)) {
    hash = hashWithLanguage(lang);
  }
  for (const key of keys) search.delete(key);
  const rest = search.toString();
  history.replaceState(null, "", location.pathname + (rest ? "?" + rest : "") + hash);
}

// The embedding bridge: messages go only to, and are accepted only from,
// the origins listed in embed.json, compared exactly. Without the file, or
// with an empty list, it does nothing.
const bridge = {
  origins: [],
  ready: false,
  queue: [],

  // Sends an event to the host page, or keeps it until `ready` went out.
  post(message) {
    if (!this.ready) {
      this.queue.push(message);
      return;
    }
    const data = Object.assign({ channel: CHANNEL }, message);
    for (const origin of this.origins) {
      try {
        window.parent.postMessage(data, origin);
      } catch (error) {
        console.warn("quiz: cannot post to " + origin, error);
      }
    }
  },

  // Marks the bridge ready: says `ready`, then sends what waited.
  start(origins) {
    this.origins = origins;
    this.ready = true;
    this.post({ type: "ready" });
    const waiting = this.queue;
    this.queue = [];
    for (const message of waiting) this.post(message);
  },
};

// Reads the allow-list beside index.html; only when the page is framed.
async function loadAllowedOrigins() {
  if (window.parent === window) return [];
  try {
    const response = await fetch("embed.json", { cache: "no-cache" });
    if (!response.ok) return [];
    const config = await response.json();
    const listed = Array.isArray(config.allowed_origins) ? config.allowed_origins : [];
    return listed.map(normaliseOrigin).filter((origin) => origin !== null);
  } catch (error) {
    console.warn("quiz: embed.json is unreadable; embedding messages are off", error);
    return [];
  }
}

// An allow-list entry as the origin browsers report: `HTTPS://Portal.example.com:443/`
// becomes `https://portal.example.com`. An entry that is not an http(s)
// origin (a "*", a path, a query, user info) could never match: it is
// refused with a warning instead of silently doing nothing.
function normaliseOrigin(entry) {
  let url = null;
  try {
    url = typeof entry === "string" && !entry.includes("*") ? new URL(entry.trim()) : null;
  } catch (error) {
    url = null;
  }
  const bare =
    url !== null &&
    (url.protocol === "https:" || url.protocol === "http:") &&
    url.pathname === "/" &&
    url.search === "" &&
    url.hash === "" &&
    url.username === "" &&
    url.password === "";
  if (!bare) {
    console.warn("quiz: embed.json: not an origin, ignored:", entry);
    return null;
  }
  return url.origin;
}

// A host's `configure`: open a bank and activity, and/or switch language.
function configure(data) {
  const language = isLanguage(data.language) ? data.language : null;
  if (typeof data.bank === "string" && data.bank !== "") {
    const params = new URLSearchParams();
    if (language) params.set("lang", language);
    location.hash = routeHash(data.bank, data.mode, params);
  } else if (language) {
    location.hash = hashWithLanguage(language);
  }
}

window.addEventListener("message", (event) => {
  if (event.source !== window.parent || !bridge.origins.includes(event.origin)) return;
  const data = event.data;
  if (!data || typeof data !== "object" || data.channel !== CHANNEL) return;
  if (data.type === "configure") configure(data);
});

// The app (Rust) calls this with a JSON event: `started` or `finished`.
window.lxyzQuizHost = (json) => {
  try {
    const event = JSON.parse(json);
    if (event.type === "started" || event.type === "finished") bridge.post(event);
  } catch (error) {
    console.warn("quiz: bad host event", error);
  }
};

// Tells the host the content's height whenever it changes, so the iframe
// can fit it: no fixed height, no scroll inside a scroll.
function watchHeight() {
  const app = document.getElementById("app");
  if (!app || window.parent === window) return;
  let last = 0;
  const report = () => {
    const height = Math.ceil(app.getBoundingClientRect().bottom + window.scrollY + 16);
    if (height !== last) {
      last = height;
      bridge.post({ type: "resize", height });
    }
  };
  if (typeof ResizeObserver === "function") {
    new ResizeObserver(report).observe(app);
  } else {
    setInterval(report, 500);
  }
  report();
}

// Passes on the service worker's "new questions cached" to the app, which
// offers a reload. Listening starts before the app does, so no notice is
// lost; the attribute keeps it for an app that mounts later.
function listenToServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data && event.data.type === "lxyz-quiz:banks-updated") {
      document.documentElement.setAttribute("data-quiz-update", "");
      window.dispatchEvent(new Event("lxyz-quiz:update"));
    }
  });
}

// Asks the browser to keep this site's storage (progress) under storage
// pressure and, on iPhones, past WebKit's seven days without a visit. The
// browser may say no; the backup page tells members to export backups.
function requestPersistentStorage() {
  const storage = navigator.storage;
  if (!storage || typeof storage.persist !== "function") return;
  const persisted = typeof storage.persisted === "function" ? storage.persisted() : Promise.resolve(false);
  persisted
    .then((already) => (already ? true : storage.persist()))
    .then((granted) => document.documentElement.setAttribute("data-quiz-persisted", String(granted)))
    .catch(() => null);
}

// Caches the app for offline use, once the app runs (so the first download
// is not slowed down).
function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("./sw.js").catch((error) => {
    console.warn("quiz: no offline use (service worker refused)", error);
  });
}

// A deep link such as #/bank/charter/exam names its bank, and banks are
// published as questions/<id>.json: fetch that file while the WebAssembly
// downloads, instead of one round trip after the app has started. A wrong
// guess costs one unused request.
function preloadBank() {
  const bank = /^#\/bank\/([a-z0-9-]{1,40})(?:[\/?]|$)/.exec(location.hash);
  if (!bank) return;
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = "questions/" + bank[1] + ".json";
  document.head.appendChild(link);
}

// Loads the glue and the WASM, streaming first; when streaming compilation
// fails (an old WebView, a proxy that rewrites the MIME type), once more
// from the downloaded bytes.
async function startApp() {
  const glue = await import(APP_JS);
  try {
    await glue.default({ module_or_path: APP_WASM });
  } catch (error) {
    console.warn("quiz: streaming start failed, retrying from bytes", error);
    const response = await fetch(APP_WASM);
    if (!response.ok) throw new Error("WASM download failed: " + response.status);
    await glue.default({ module_or_path: await response.arrayBuffer() });
  }
}

async function boot() {
  try {
    applyLinkParameters();
  } catch (error) {
    console.warn("quiz: link parameters ignored", error);
  }
  if (!hasWebAssembly()) {
    showFallback("this browser has no usable WebAssembly");
    return;
  }
  preloadBank();
  listenToServiceWorker();
  const origins = loadAllowedOrigins();
  try {
    await startApp();
  } catch (error) {
    showFallback("the app could not start: " + error);
    return;
  }
  // Trunk's own start-up event, which tools (and the bench) listen for.
  window.dispatchEvent(new Event("TrunkApplicationStarted"));
  bridge.start(await origins);
  watchHeight();
  registerServiceWorker();
  requestPersistentStorage();
}

boot();
