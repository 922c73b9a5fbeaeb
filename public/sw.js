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
// The latest config.json the network gave (the worker's settings come from it).
const META = 'vestnik-meta-v1';
const DATA_TIMEOUT_MS = 3000;
const DATA_MAX_ENTRIES = 400;
const IMAGE_MAX_ENTRIES = 300;
const IMAGE_MAX_BYTES = 5 * 1024 * 1024; // one photo larger than this is shown, not kept
const MB = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

const scope = new URL(self.registration.scope);
const shellUrls = new Set(PRECACHE.map((entry) => new URL(entry.url, scope).href));
const indexUrl = new URL('index.html', scope).href;
const configUrl = new URL('config.json', scope).href;
// Where the worker keeps its last storage problems (in META; never fetched): the saved
// page shows the latest (src/api/client.rs reads this address).
const problemsUrl = new URL('vestnik-storage-problems.json', scope).href;

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
    await quietly('sweep', sweep());
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate' && url.href.startsWith(scope.href) && isAppRoute(url)) {
    event.respondWith(shell(request));
  } else if (url.href === configUrl) {
    event.respondWith(config(event));
  } else if (shellUrls.has(url.href)) {
    event.respondWith(fromShell(request));
  } else if (request.destination === 'image' && (url.protocol === 'https:' || url.protocol === 'http:')) {
    event.respondWith(image(event));
  } else if (request.destination === '' && (url.protocol === 'https:' || url.protocol === 'http:')) {
    event.respondWith(data(event));
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
// build's precached copy when offline or slow. A fresh copy also sets the worker's own
// settings (`offline`, `max_response_bytes`; docs/offline.md).
async function config(event) {
  const request = event.request;
  const timeout = new Promise((resolve) => setTimeout(resolve, DATA_TIMEOUT_MS, null));
  const answer = fetch(request);
  event.waitUntil(answer.then((response) => response.ok && quietly('config', keepConfig(response.clone())), () => {}));
  const network = answer.then((response) => (response.ok ? response : null), () => null);
  const fresh = await Promise.race([network, timeout]);
  return fresh || (await caches.match(configUrl, { cacheName: SHELL })) || fetch(request);
}

async function keepConfig(response) {
  const text = await response.text();
  JSON.parse(text); // only a readable one replaces the last
  await (await caches.open(META)).put(configUrl, new Response(text, { headers: { 'Content-Type': 'application/json' } }));
  settingsOnce = null;
}

// The worker's settings: from the last config.json the network gave, else this build's.
let settingsOnce = null;
function settings() {
  settingsOnce ??= (async () => {
    let config = {};
    try {
      const saved = (await caches.match(configUrl, { cacheName: META })) || (await caches.match(configUrl, { cacheName: SHELL }));
      if (saved) config = await saved.json();
    } catch {
      // An unreadable config: the defaults (the page reports the config itself).
    }
    const offline = (config && typeof config.offline === 'object' && config.offline) || {};
    const number = (value, fallback, min, max) => (Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback);
    return {
      // The same limits and defaults the app applies (src/api/config.rs).
      maxResponseBytes: number(config.max_response_bytes, 4 * MB, 64 * 1024, 64 * MB),
      budgetBytes: number(offline.budget_mb, 50, 1, 2000) * MB,
      maxAgeMs: number(offline.max_age_days, 30, 1, 3650) * DAY_MS,
    };
  })();
  return settingsOnce;
}

// News JSON: the network first (fresh news), the saved copy when the network fails or is
// slow; a copy served from the cache says so in `X-Vestnik-Cached` (when it was saved).
// The page always gets the network's own answer, as it streams in; keeping a copy happens
// beside it, and nothing that goes wrong there reaches the reader.
async function data(event) {
  const request = event.request;
  const network = fetch(request);
  // Registered first, so it takes its copy before the page starts reading the answer, and
  // while the event still lets the worker live on (even if the saved copy answers first).
  event.waitUntil(network.then((response) => quietly('data', keepData(request, response.clone())), () => {}));
  const timeout = new Promise((resolve) => setTimeout(resolve, DATA_TIMEOUT_MS, 'timeout'));
  let first;
  try {
    first = await Promise.race([network, timeout]);
  } catch (error) {
    const saved = await savedCopy(request);
    if (saved) return saved;
    throw error;
  }
  if (first !== 'timeout') return first;
  // Slow network: the saved copy now, the fresh one into the cache when it arrives.
  return (await savedCopy(request)) || network;
}

async function keepData(request, response) {
  if (!storable(response)) {
    await response.body?.cancel();
    // The backend says it is gone (404, 410), or that this answer must not be kept: a
    // copy kept earlier goes too. (Other errors leave it, for when the network fails.)
    if (response.ok || response.status === 404 || response.status === 410) await (await caches.open(DATA)).delete(request);
    return;
  }
  const { maxResponseBytes } = await settings();
  const body = await bodyUpTo(response, maxResponseBytes);
  if (body) await keep(DATA, request, response, body, DATA_MAX_ENTRIES);
}

async function savedCopy(request) {
  try {
    const cache = await caches.open(DATA);
    const cached = await cache.match(request);
    if (!cached) return null;
    if (await tooOld(cached)) {
      await cache.delete(request);
      return null;
    }
    const headers = new Headers(cached.headers);
    headers.set('X-Vestnik-Cached', cached.headers.get('X-Vestnik-Stored') || '');
    return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers });
  } catch (error) {
    note('saved copy', error);
    return null;
  }
}

// Photos: the cache first. On a miss, a photo of another origin is asked for with CORS
// (its host must send `Access-Control-Allow-Origin`; docs/offline.md) so that the worker
// sees its status and size; a host that does not allow it gets the page's own request,
// whose answer is opaque and never kept (it could be an error, and the browser charges
// megabytes of quota for each). Error answers are never kept.
const noCors = new Set(); // origins that refused a CORS request, for this worker's life
async function image(event) {
  const request = event.request;
  try {
    const cached = await caches.match(request, { cacheName: IMAGES });
    if (cached && !(await tooOld(cached))) return cached;
  } catch (error) {
    note('image', error);
  }
  const response = await fetchImage(request);
  if (storable(response)) event.waitUntil(quietly('image', keepImage(request, response.clone())));
  return response;
}

async function fetchImage(request) {
  const url = new URL(request.url);
  if (request.mode !== 'no-cors' || url.origin === self.location.origin || noCors.has(url.origin)) return fetch(request);
  try {
    return await fetch(url.href, { mode: 'cors', credentials: 'omit', referrerPolicy: request.referrerPolicy || 'strict-origin-when-cross-origin' });
  } catch {
    const response = await fetch(request);
    noCors.add(url.origin); // the host answers, without CORS
    return response;
  }
}

async function keepImage(request, response) {
  const body = await bodyUpTo(response, IMAGE_MAX_BYTES);
  if (body) await keep(IMAGES, request, response, body, IMAGE_MAX_ENTRIES);
}

// Whether an answer may be kept at all: a whole, successful, visible answer that its
// server lets caches store (the Cache API refuses `Vary: *` anyway).
function storable(response) {
  if (response.status !== 200 || response.type === 'opaque' || response.type === 'error') return false;
  if ((response.headers.get('Vary') || '').split(',').some((name) => name.trim() === '*')) return false;
  return !/(^|[\s,])(no-store|private)(?=$|[\s,=])/i.test(response.headers.get('Cache-Control') || '');
}

// The body of `response`, read as it streams: null (and the read stopped) past `limit`
// bytes, whatever Content-Length said.
async function bodyUpTo(response, limit) {
  if (Number(response.headers.get('Content-Length')) > limit) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    body.set(part, at);
    at += part.byteLength;
  }
  return body;
}

// Stores `body` as `response`'s copy, marked with when it was saved, and keeps the cache
// within its bounds and the origin within its budget. A full disk evicts the older half
// of the photos and tries once more.
async function keep(name, request, response, body, maxEntries) {
  const headers = new Headers(response.headers);
  for (const header of ['Content-Length', 'Content-Encoding', 'Set-Cookie']) headers.delete(header);
  headers.set('X-Vestnik-Stored', new Date().toISOString());
  const copy = () => new Response(body, { status: response.status, statusText: response.statusText, headers });
  const cache = await caches.open(name);
  try {
    await cache.put(request, copy());
  } catch (error) {
    if (error?.name !== 'QuotaExceededError') throw error;
    await evict(IMAGES, (entries) => Math.ceil(entries / 2));
    await cache.put(request, copy());
  }
  await evict(name, (entries) => entries - maxEntries);
  await withinBudget();
}

// Evicts the oldest entries of a cache (keys come back in insertion order): `count` of
// them, or as many as `count(entries)` says. Returns how many went.
async function evict(name, count) {
  const cache = await caches.open(name);
  const keys = await cache.keys();
  const going = keys.slice(0, Math.max(0, typeof count === 'function' ? count(keys.length) : count));
  for (const key of going) await cache.delete(key);
  return going.length;
}

// Keeps what the origin stores (the shell, saved news and photos) under the budget:
// the oldest photos go first, then the oldest news.
async function withinBudget() {
  if (!self.navigator.storage?.estimate) return;
  const { budgetBytes } = await settings();
  for (let round = 0; round < 50; round += 1) {
    const { usage = 0 } = await self.navigator.storage.estimate();
    if (usage <= budgetBytes) return;
    if (!(await evict(IMAGES, 4)) && !(await evict(DATA, 4))) return;
  }
}

// Whether a kept copy is past the configured maximum age (or does not say its age).
async function tooOld(cached) {
  const stored = Date.parse(cached.headers.get('X-Vestnik-Stored') || '');
  return !(Date.now() - stored <= (await settings()).maxAgeMs);
}

// Drops every copy past its maximum age (when a new worker takes over).
async function sweep() {
  for (const name of [DATA, IMAGES]) {
    const cache = await caches.open(name);
    for (const key of await cache.keys()) {
      const cached = await cache.match(key);
      if (!cached || (await tooOld(cached))) await cache.delete(key);
    }
  }
}

// Storage is best effort: what fails there is logged (the console, and the last five for
// the saved page) and never reaches the page.
function quietly(what, promise) {
  return promise.catch((error) => note(what, error));
}

async function note(what, error) {
  console.warn(`vestnik sw: ${what}: ${error && error.name ? `${error.name}: ${error.message}` : error}`);
  try {
    const cache = await caches.open(META);
    const earlier = await cache.match(problemsUrl);
    const list = earlier ? await earlier.json() : [];
    list.unshift({ at: new Date().toISOString(), what, error: String((error && error.name) || 'Error').slice(0, 60) });
    await cache.put(problemsUrl, new Response(JSON.stringify(list.slice(0, 5)), { headers: { 'Content-Type': 'application/json' } }));
  } catch {
    // Nowhere to keep it (the storage itself is failing): the console has it.
  }
}
