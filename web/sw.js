// The service worker: quizzes work with no network after the first visit.
//
// `cargo xtask dist` fills in the list of content-hashed shell files and a
// version derived from their hashes, so a new build gets a new cache and
// the old one is deleted. Question banks are not in that list: they are read
// from questions/index.json when the worker installs and whenever the index
// changes, because coordinators replace them without a rebuild.
//
// Strategies:
// - content-hashed files: cache first (they never change);
// - the app's pages (index.html, records.html): the copy cached with this version's files,
//   at once: a repeat visit waits for no round trip and a slow network
//   cannot stall it; it is revalidated in the background so changed headers
//   reach members on the next visit. A new deployment changes sw.js, which
//   the browser checks on every visit; the new worker caches the new page
//   and files, and serves them from the next visit on;
// - other pages (the device check): network first, the cached copy offline;
// - questions/index.json and bank files: the cached copy at once, refreshed
//   in the background; when the index changed, every bank it lists is fetched
//   and cached, then the open pages are told "new questions available";
// - anything else of ours: network first, cached copy offline.

const VERSION = "__QUIZ_VERSION__";
const SHELL = __QUIZ_SHELL__;
const CACHE = "lxyz-quiz-" + VERSION;
const INDEX = "questions/index.json";

const scoped = (path) => new URL(path, self.registration.scope).href;

// Fetches the index and every bank it lists, bypassing the HTTP cache, and
// stores them one by one: a bank that fails is skipped, not fatal. The index
// is stored only when every bank it lists is, so a stored index never names
// a bank that is not cached; otherwise the app reads it from the network and
// the banks are cached as they are fetched.
async function cacheBanks(cache) {
  const response = await fetch(scoped(INDEX), { cache: "no-cache" });
  if (!response.ok) throw new Error("index.json: " + response.status);
  const text = await response.clone().text();
  const manifest = JSON.parse(text);
  const banks = Array.isArray(manifest.banks) ? manifest.banks : [];
  let complete = true;
  for (const bank of banks) {
    if (!bank || typeof bank.file !== "string") continue;
    try {
      const url = scoped("questions/" + bank.file);
      const answer = await fetch(url, { cache: "no-cache" });
      if (answer.ok) await cache.put(url, answer);
      else complete = false;
    } catch (error) {
      complete = false;
    }
  }
  if (complete) await cache.put(scoped(INDEX), response);
  return text;
}

// The shell must be cached for the worker to install; the banks need not
// be: a missing bank or a broken index must not keep members on an old app.
self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(SHELL.map(scoped));
      try {
        await cacheBanks(cache);
      } catch (error) {
        console.warn("quiz: banks not cached for offline use yet", error);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("lxyz-quiz-") && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// Refreshes the index in the background; tells the pages when it changed.
let checking = null;
function checkForNewQuestions(cachedText) {
  if (checking) return checking;
  checking = (async () => {
    try {
      const response = await fetch(scoped(INDEX), { cache: "no-cache" });
      if (!response.ok) return;
      const text = await response.text();
      if (text === cachedText) return;
      await cacheBanks(await caches.open(CACHE));
      for (const client of await self.clients.matchAll({ type: "window" })) {
        client.postMessage({ type: "lxyz-quiz:banks-updated" });
      }
    } catch (error) {
      // Offline or a broken index: keep what is cached.
    } finally {
      checking = null;
    }
  })();
  return checking;
}

async function staleWhileRevalidate(event, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  const isIndex = request.url === scoped(INDEX);
  if (cached) {
    if (isIndex) {
      event.waitUntil(cached.clone().text().then(checkForNewQuestions));
    } else {
      event.waitUntil(
        fetch(request.url, { cache: "no-cache" })
          .then((fresh) => (fresh.ok ? cache.put(request.url, fresh) : null))
          .catch(() => null),
      );
    }
    return cached;
  }
  const response = await fetch(request.url, { cache: "no-cache" });
  if (response.ok) await cache.put(request.url, response.clone());
  return response;
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request, fallbackKey) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !fallbackKey) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(fallbackKey || request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

// One of the app's two pages (`./`, which is index.html, or records.html)
// from this version's cache; from the network only when the
// cache is gone (storage cleared while the worker lived on). The page is
// revalidated in the background: when the server sends the same page, its
// fresh copy (with the server's current headers: CSP, frame-ancestors)
// replaces the cached one for the next visit. A different page belongs to a
// new deployment, which its own worker caches with its own files.
async function appPage(event, request, page) {
  const cache = await caches.open(CACHE);
  const key = scoped(page);
  const cached = await cache.match(key);
  if (!cached) return networkFirst(request, key);
  // A copy to compare with: the page consumes `cached`'s body.
  const kept = cached.clone();
  event.waitUntil(
    (async () => {
      try {
        // no-store: a full answer with the server's current headers, not
        // a 304 merged into an older copy (the page is 2 KB).
        const fresh = await fetch(key, { cache: "no-store" });
        if (!fresh.ok) return;
        const [now, before] = await Promise.all([fresh.clone().text(), kept.text()]);
        if (now === before) await cache.put(key, fresh);
      } catch (error) {
        // Offline: the cached page stays.
      }
    })(),
  );
  return cached;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !request.url.startsWith(self.registration.scope)) {
    return;
  }
  const path = url.pathname.slice(new URL(self.registration.scope).pathname.length);
  if (request.mode === "navigate" && (path === "" || path === "index.html")) {
    event.respondWith(appPage(event, request, "./"));
  } else if (request.mode === "navigate" && path === "records.html") {
    event.respondWith(appPage(event, request, "records.html"));
  } else if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, null));
  } else if (path.startsWith("questions/") && path.endsWith(".json")) {
    event.respondWith(staleWhileRevalidate(event, request));
  } else if (/-[0-9a-f]{10,16}(_bg)?\.(js|wasm|css)$/.test(path)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request, null));
  }
});
