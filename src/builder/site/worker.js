// The site's service worker, written by `takeaways finish-site` (src/builder/site/worker.rs fills
// in VERSION and PRECACHE): it keeps the app and its data so that any page opens without a
// network, and it hands over to a new build only when the reader agrees (the app's prompt).
const VERSION = "__VERSION__";
// Paths relative to this script, which sits at the site's root: its scope.
const PRECACHE = __PRECACHE__;
// What answers a page the network cannot give and no visit kept: the app boots on it and shows
// the page the address names from the kept data.
const SHELL = "404.html";
const CACHE = `takeaways-${VERSION}`;
// How long a page may take from the network before the kept one is shown instead.
const PAGE_TIMEOUT_MS = 3000;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("takeaways-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The app asks once the reader has chosen to reload into the new build.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === "navigate" ? page(request) : file(request));
});

/**
 * A page: the network's if it answers in time (kept for offline), else the kept one, else the
 * shell. Asked of the server even when the browser's HTTP cache holds it (hosts like GitHub Pages
 * let pages be kept 10 minutes): a kept page of the last build names files that are gone.
 */
async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([
      fetch(request, { cache: "no-cache" }),
      new Promise((_, reject) => setTimeout(() => reject(new Error("slow")), PAGE_TIMEOUT_MS)),
    ]);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    return (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(SHELL)) ?? Response.error();
  }
}

/** Any other file: its name says its content, so a kept copy is the file; else the network's, kept. */
async function file(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}
