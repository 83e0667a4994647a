// The toolkit's service worker: keeps one build of the site for use with no signal.
// src/dpup_toolkit/site/offline.py writes it to the site root as sw.js, with BUILD and FILES filled in.
//
// - It caches the site's own files and nothing else: never a request with a body, never another
//   host, never anything a person types (answers stay in the page's localStorage).
// - Each build has its own cache. A new build is fetched whole and every file is checked against
//   the build's list of hashes before it is stored, so a page never gets files from two builds.
//   The new build waits until the reader chooses "reload" (site/offline.js shows the notice).
"use strict";

const BUILD = "{{BUILD}}";
const FILES = {{FILES}};  // path (from this file's folder) -> first 16 hex digits of its SHA-256
const PREFIX = "dpup-toolkit-";
const CACHE = PREFIX + BUILD;

async function sha256(response) {
  const digest = await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("").slice(0, 16);
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const fetched = await Promise.all(Object.entries(FILES).map(async ([file, hash]) => {
      const response = await fetch(new Request(file, {cache: "no-cache"}));
      if (!response.ok || (await sha256(response)) !== hash) {
        throw new Error(`${file} is not part of build ${BUILD}; keeping the copy we have`);
      }
      return [file, response];
    }));
    const cache = await caches.open(CACHE);
    await Promise.all(fetched.map(([file, response]) => cache.put(file, response)));
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "use-new-build") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    let stored = await cache.match(request, {ignoreSearch: true});
    if (!stored && request.mode === "navigate" && url.pathname.endsWith("/")) {
      stored = await cache.match(new URL("index.html", url), {ignoreSearch: true});
    }
    return stored || fetch(request);
  })());
});
