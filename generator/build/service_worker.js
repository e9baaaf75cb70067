/* Behaviour of the handbook's service worker (Workbox 7). The build puts BUILD, OFFLINE_PAGE and
   PRECACHE above this text (generator/build/service_worker.py).

   - Precached files (home, search and offline pages, Q&A and module pages, search
     index, the shell they load) are served from the cache: instant on a weak connection, and all
     of one build. A new build changes revisions: the new worker downloads what changed, then
     waits; the page offers to reload (theme/assets/pwa.js), and only then does the worker take
     over (skipWaiting + clientsClaim) and every tab sees the new build. On activation Workbox
     drops precache entries the new list no longer has, and this worker drops the runtime caches
     of earlier builds, whose pages could name styles or scripts that no longer exist.
   - Other pages: network first, falling back to the copy saved when last read after 3 seconds
     without an answer. On a weak connection a page of 20-60 KB arrives well within that time,
     so a reader online sees the current page, never one from an older build next to the new
     shell; when the connection stalls or is cut the saved copy shows instead of a blank wait.
   - A page that is neither saved nor reachable gets the Vietnamese offline page, which links the
     offline zip and the downloads page. */
"use strict";

const SCOPE = self.registration.scope;
const PREFIX = "so-tay-dan-van";
const PAGES = `${PREFIX}-trang-${BUILD}-${SCOPE}`;
const IMAGES = `${PREFIX}-anh-${BUILD}-${SCOPE}`;
const RUNTIME = new RegExp(`^${PREFIX}-(trang|anh)-`);
const ONLINE_ONLY = ["downloads/", "admin/", "schemas/"];

workbox.core.setCacheNameDetails({ prefix: PREFIX });
workbox.precaching.cleanupOutdatedCaches();
// The search page is opened with ?q=<query> (forms, links), and search.js asks for index files
// with ?v=<index build>: both are the precached file.
workbox.precaching.precacheAndRoute(PRECACHE, { ignoreURLParametersMatching: [/^q$/, /^v$/, /^utm_/], directoryIndex: "index.html" });

function inScope(url, folders) {
  return url.href.startsWith(SCOPE) && folders.some((folder) => url.href.slice(SCOPE.length).startsWith(folder));
}

const pages = new workbox.strategies.NetworkFirst({
  cacheName: PAGES,
  networkTimeoutSeconds: 3,
  plugins: [new workbox.expiration.ExpirationPlugin({ maxEntries: 300 })],
});
const onlineOnly = new workbox.strategies.NetworkOnly();
workbox.routing.registerRoute(
  ({ request, url }) => request.mode === "navigate" && url.href.startsWith(SCOPE),
  (options) => (inScope(options.url, ONLINE_ONLY) ? onlineOnly : pages).handle(options),
);
// Photos are named by their content hash: a saved copy is always right.
workbox.routing.registerRoute(
  ({ request, url }) => request.destination === "image" && url.href.startsWith(SCOPE) && !inScope(url, ONLINE_ONLY),
  new workbox.strategies.CacheFirst({
    cacheName: IMAGES,
    plugins: [new workbox.expiration.ExpirationPlugin({ maxEntries: 100 })],
  }),
);

// Neither saved nor reachable: the offline page for a page, an error for anything else. The
// offline page is served at the address asked for, so a <base> at the site root keeps its
// styles and links working from any folder.
async function offlinePage() {
  const saved = await workbox.precaching.matchPrecache(OFFLINE_PAGE);
  if (!saved) return Response.error();
  const html = (await saved.text()).replace(/<head(\s[^>]*)?>/i, (head) => `${head}<base href="${SCOPE}">`);
  return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
}
workbox.routing.setCatchHandler(({ request }) => (request.mode === "navigate" ? offlinePage() : Response.error()));

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});
workbox.core.clientsClaim();
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(names
        .filter((name) => RUNTIME.test(name) && name.endsWith(`-${SCOPE}`) && name !== PAGES && name !== IMAGES)
        .map((name) => caches.delete(name)))),
  );
});
