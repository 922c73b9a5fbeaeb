// Vestnik's service worker: the app shell offline, the news readers opened, and safe updates.
//
// Hand-written on purpose (about 5 KB): four strategies are all it needs, and Workbox's
// runtime would have to be bundled by an extra tool or loaded from a CDN, which a
// government site must not depend on. Everything is relative to the worker's own
// location, so Vestnik works under any sub-path (`/press/`) without changes.
//
// scripts/precache.mjs fills in BUILD and PRECACHE after every build (never by hand).

const BUILD = '__BUILD__';
const PRECACHE = /*__PRECACHE__*/[];

const SHELL = `vestnik-shell-${BUILD}`;
const DATA = 'vestnik-data-v1';
const IMAGES = 'vestnik-images-v1';
const DATA_TIMEOUT_MS = 3000;
const DATA_MAX_ENTRIES = 400;
const IMAGE_MAX_ENTRIES = 150;
const IMAGE_MAX_BYTES = 25 * 1024 * 1024;
// Opaque (cross-origin, no CORS) images do not reveal their size: count them as this.
const OPAQUE_IMAGE_BYTES = 200 * 1024;

const scope = new URL(self.registration.scope);
const shellUrls = new Set(PRECACHE.map((entry) => new URL(entry.url, scope).href));
const indexUrl = new URL('index.html', scope).href;
const configUrl = new URL('config.json', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(SHELL).then((cache) => cache.addAll([...shellUrls].map((url) => new Request(url, { cache: 'reload' })))),
  );
});

// The page asks the waiting worker to take over when the reader clicks "Обновить".
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith('vestnik-shell-') && n !== SHELL).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate' && url.href.startsWith(scope.href) && isAppRoute(url)) {
    event.respondWith(shell(request));
  } else if (url.href === configUrl) {
    event.respondWith(config(request));
  } else if (shellUrls.has(url.href)) {
    event.respondWith(fromShell(request));
  } else if (request.destination === 'image') {
    event.respondWith(image(request));
  } else if (request.destination === '' && (url.protocol === 'https:' || url.protocol === 'http:')) {
    event.respondWith(data(request));
  }
});

// A file opened directly (`api/site.json`, `embed-demo.html`) is the file, not the app.
// Article ids may look like file names (a feed's `…%2Fpost.html`), so only `news/…` is
// always the app.
function isAppRoute(url) {
  const path = url.pathname.slice(scope.pathname.length);
  if (path.startsWith('news/') || path === 'index.html') return true;
  return !/\.(json|html?|js|mjs|css|wasm|webmanifest|txt|xml|svg|png|webp|jpe?g|ico)$/i.test(path);
}

// Every app route is the same single page: this build's index.html, so the shell and the
// wasm it loads always belong to the same build.
async function shell(request) {
  const cached = await caches.match(indexUrl, { cacheName: SHELL });
  return cached || fetch(request);
}

async function fromShell(request) {
  const cached = await caches.match(request, { cacheName: SHELL });
  return cached || fetch(request);
}

// config.json: a deployer may edit it without a new build, so the network first; this
// build's precached copy when offline or slow.
async function config(request) {
  const timeout = new Promise((resolve) => setTimeout(resolve, DATA_TIMEOUT_MS, null));
  const fresh = await Promise.race([fetch(request).then((r) => (r.ok ? r : null), () => null), timeout]);
  return fresh || (await caches.match(configUrl, { cacheName: SHELL })) || fetch(request);
}

// News JSON: the network first (fresh news), the saved copy when the network fails or is
// slow; a copy served from the cache says so in `X-Vestnik-Cached` (when it was saved).
async function data(request) {
  const cache = await caches.open(DATA);
  const network = fetch(request).then(async (response) => {
    if (response.ok) {
      const headers = new Headers(response.headers);
      headers.set('X-Vestnik-Stored', new Date().toISOString());
      const body = await response.clone().arrayBuffer();
      await cache.put(request, new Response(body, { status: response.status, statusText: response.statusText, headers }));
      trim(cache, DATA_MAX_ENTRIES, Infinity);
    }
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, DATA_TIMEOUT_MS, 'timeout'));
  try {
    const first = await Promise.race([network, timeout]);
    if (first !== 'timeout') return first;
  } catch (error) {
    const saved = await savedCopy(cache, request);
    if (saved) return saved;
    throw error;
  }
  // Slow network: the saved copy now, the fresh one into the cache when it arrives.
  const saved = await savedCopy(cache, request);
  return saved || network;
}

async function savedCopy(cache, request) {
  const cached = await cache.match(request);
  if (!cached) return null;
  const headers = new Headers(cached.headers);
  headers.set('X-Vestnik-Cached', cached.headers.get('X-Vestnik-Stored') || '');
  return new Response(await cached.arrayBuffer(), { status: cached.status, statusText: cached.statusText, headers });
}

// Photos: the cache first, bounded by count and bytes, oldest evicted first.
async function image(request) {
  const cache = await caches.open(IMAGES);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok || response.type === 'opaque') {
    let bytes = OPAQUE_IMAGE_BYTES;
    let stored = response.clone();
    if (response.type !== 'opaque') {
      const blob = await response.clone().blob();
      bytes = blob.size;
      const headers = new Headers(response.headers);
      headers.set('X-Vestnik-Bytes', String(bytes));
      stored = new Response(blob, { status: response.status, statusText: response.statusText, headers });
    }
    if (bytes <= IMAGE_MAX_BYTES) {
      await cache.put(request, stored);
      trim(cache, IMAGE_MAX_ENTRIES, IMAGE_MAX_BYTES);
    }
  }
  return response;
}

// Evicts the oldest entries (keys come back in insertion order) beyond the bounds.
async function trim(cache, maxEntries, maxBytes) {
  const keys = await cache.keys();
  let excess = keys.length - maxEntries;
  let total = 0;
  const sizes = [];
  if (maxBytes !== Infinity) {
    for (const key of keys) {
      const response = await cache.match(key);
      const bytes = Number(response && response.headers.get('X-Vestnik-Bytes')) || OPAQUE_IMAGE_BYTES;
      sizes.push(bytes);
      total += bytes;
    }
  }
  for (let i = 0; i < keys.length && (excess > 0 || total > maxBytes); i += 1) {
    await cache.delete(keys[i]);
    excess -= 1;
    total -= sizes[i] || 0;
  }
}
