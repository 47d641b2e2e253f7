// The kill switch: copy this file over sw.js on the server to retire the
// module's offline copy (to take the module down, or to roll back to a build
// whose own worker misbehaves). Browsers check sw.js on every visit; this
// worker then deletes the module's caches, unregisters itself and reloads
// the open pages from the network. It never touches localStorage, so
// members' progress is kept. DEPLOY.md describes when and how to use it.

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("lxyz-quiz-")) await caches.delete(name);
      }
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: "window" })) {
        client.navigate(client.url).catch(() => null);
      }
    })(),
  );
});
