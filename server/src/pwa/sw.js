// Bulq's service worker. Pages always come from the network (they are live and per person);
// when there is none, a navigation gets the offline page instead of the browser's error. The
// built assets are kept under their hashed names, which never change content, so a cached one
// is always the one the page asked for: a page from a newer server names newer files.
const VERSION = "{{VERSION}}";
const CACHE = `bulq-${VERSION}`;
const OFFLINE_PAGE = "/offline";
const PRECACHE = {{PRECACHE}};
// A hashed build's page chunks (`cargo leptos build --split`) are kept the first time a page
// loads them; their names carry their hash too. Empty for an unhashed (development) build.
const KEEP_ON_USE = "{{KEEP_ON_USE}}";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

// A new version waits until the person chooses to reload (the page's "new version" toast).
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => keys.filter((key) => key.startsWith("bulq-") && key !== CACHE))
      .then((old) => Promise.all(old.map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(OFFLINE_PAGE, { cacheName: CACHE }).then((page) => page || Response.error()),
      ),
    );
  } else if (PRECACHE.includes(url.pathname)) {
    event.respondWith(
      caches.match(request, { cacheName: CACHE }).then((cached) => cached || fetch(request)),
    );
  } else if (KEEP_ON_USE && url.pathname.startsWith(KEEP_ON_USE)) {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(request).then(
          (cached) =>
            cached ||
            fetch(request).then((response) => {
              if (response.ok) cache.put(request, response.clone());
              return response;
            }),
        ),
      ),
    );
  }
});
