// The tablet page's service worker: it keeps the page's own files (the app shell) so the page
// loads without a network after its first visit, and shows the marks queued on the device (the
// queue and the contest are in localStorage). Network first: a reachable gateway always serves
// the current files, and each answer refreshes the copy. Nothing of the API or the hubs is kept.
const CACHE = 'craftsman-judge-shell-v1';
const SHELL = [
  './', './index.html', './judge.js', './chief.js', './officials.js', './shared.js',
  '../js/i18n.js', '../js/dom.js', '../js/api.js', '../js/hub.js', '../js/outbox.js', '../js/format.js',
  '../css/app.css', '../lib/signalr/signalr.min.js',
].map(path => new URL(path, self.location).href);

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.includes('/api/') || url.pathname.includes('/hubs/')) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const answer = await fetch(event.request);
      if (answer.ok) await cache.put(event.request, answer.clone());
      return answer;
    } catch (error) {
      // Offline: the kept copy (a navigation to /judge/#code=… or /judge/?x asks for the page itself).
      const kept = await cache.match(event.request, { ignoreSearch: event.request.mode === 'navigate' });
      if (kept) return kept;
      throw error;
    }
  })());
});
