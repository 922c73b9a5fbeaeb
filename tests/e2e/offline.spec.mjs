// The service worker as a hostile or unlucky backend meets it: storing is best effort and
// never decides what the reader sees. Every test runs the built app (dist/) behind a server
// of its own that changes what the backend or the photo host answers.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { test, expect, demo, listen, workerContext, controlled } from './fixtures.mjs';
import { staticHandler } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MB = 1024 * 1024;
const titles = (page) => page.locator('ul.news-list h2');
const heading = (page) => page.getByRole('heading', { level: 1 });
const articleJson = (id) => `/api/news/${id}.json`;
const NOT_SAVED = 'Нет соединения, а эта новость не сохранена для чтения без сети.';

/**
 * dist/ as a site whose answers a test adjusts: `adjust(path)` returns nothing (the file as
 * built), `{ headers }` (the file, with these headers too), or `{ status, json | body, headers }`
 * (this answer instead).
 */
function siteWith(adjust) {
  const serve = staticHandler(() => join(root, 'dist'));
  return createServer(async (req, res) => {
    const answer = (await adjust(new URL(req.url, 'http://x').pathname)) ?? {};
    if (answer.status === undefined && answer.json === undefined && answer.body === undefined) {
      if (answer.headers) {
        const writeHead = res.writeHead.bind(res);
        res.writeHead = (status, headers) => writeHead(status, { ...headers, ...answer.headers });
      }
      return serve(req, res);
    }
    const json = answer.json !== undefined;
    res.writeHead(answer.status ?? 200, {
      'Content-Type': json ? 'application/json' : 'text/plain',
      'Cache-Control': 'no-cache',
      ...answer.headers,
    }).end(json ? JSON.stringify(answer.json) : answer.body);
  });
}

/**
 * Opens `server`'s site in a new context with the service worker in control and runs
 * `body(page, context, origin)`; fails on a wasm panic or an uncaught page error.
 * `before(page, origin)` runs before the first visit.
 */
async function withWorker(browser, testInfo, server, body, before = async () => {}) {
  const origin = await listen(server);
  const context = await workerContext(browser, testInfo);
  const problems = [];
  try {
    const page = await context.newPage();
    await before(page, origin);
    await page.goto(`${origin}/`);
    await controlled(page);
    page.on('console', (m) => /panicked|RuntimeError|unreachable/i.test(m.text()) && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.reload(); // from here on, every request goes through the worker
    await body(page, context, origin);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
    server.close();
  }
}

/** What the worker keeps of the backend's answers (the paths in its data cache). */
const kept = (page) => page.evaluate(async () => {
  const cache = await caches.open('vestnik-data-v1');
  return (await cache.keys()).map((request) => new URL(request.url).pathname);
});

/** Opens `path` of the site the page shows. */
const open = (page, path) => page.goto(`${new URL(page.url()).origin}/${path}`);

/** Opens an article by its address and waits for its title. */
async function read(page, item) {
  await open(page, `news/${item.id}`);
  await expect(heading(page)).toHaveText(item.title);
}

test('a backend that answers with Vary: * is read as usual', async ({ browser }, testInfo) => {
  const server = siteWith((path) => (path.startsWith('/api/') ? { headers: { Vary: '*' } } : null));
  await withWorker(browser, testInfo, server, async (page) => {
    await expect(titles(page)).toHaveCount(demo.page(1).items.length);
    await titles(page).first().getByRole('link').click();
    await expect(heading(page)).toHaveText(demo.page(1).items[0].title);
    await expect(page.locator('.error-panel')).toHaveCount(0);
    // The Cache API cannot hold such answers, and the worker does not try.
    expect((await kept(page)).filter((path) => path.startsWith('/api/'))).toEqual([]);
  });
});

test('answers marked no-store or private are never kept; no-store ones never come back offline', async ({ browser }, testInfo) => {
  const [a, b, c] = demo.page(1).items;
  const control = { [articleJson(a.id)]: 'no-store', [articleJson(b.id)]: 'private, max-age=600' };
  const server = siteWith((path) => (control[path] ? { headers: { 'Cache-Control': control[path] } } : null));
  await withWorker(browser, testInfo, server, async (page, context) => {
    for (const item of [a, b, c]) await read(page, item);
    const paths = await kept(page);
    expect(paths).not.toContain(articleJson(a.id));
    expect(paths).not.toContain(articleJson(b.id));
    expect(paths).toContain(articleJson(c.id)); // an ordinary answer is kept as before
    // (`private` lets the browser's own HTTP cache keep it for its max-age: only the
    // no-store answer is sure not to come back.)
    await context.setOffline(true);
    await open(page, `news/${a.id}`);
    await expect(page.getByText(NOT_SAVED)).toBeVisible();
    await read(page, c);
  });
});

test('an article the backend has withdrawn (410) is gone offline too', async ({ browser }, testInfo) => {
  const item = demo.page(1).items[0];
  let withdrawn = false;
  const server = siteWith((path) => (withdrawn && path === articleJson(item.id) ? { status: 410, json: { error: 'gone' } } : null));
  await withWorker(browser, testInfo, server, async (page, context) => {
    await read(page, item);
    expect(await kept(page)).toContain(articleJson(item.id));
    withdrawn = true;
    await page.reload();
    await expect(heading(page)).toHaveText('Новость не найдена');
    await expect.poll(() => kept(page)).not.toContain(articleJson(item.id));
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByText(NOT_SAVED)).toBeVisible();
  });
});

test('a photo that failed once shows once its host recovers', async ({ browser }, testInfo) => {
  const item = demo.page(1).items[0];
  const photo = readFileSync(join(root, 'public/api/media/meeting-1.webp'));
  let healthy = false;
  let asked = 0;
  // A photo host of another origin that does not allow CORS (the worker's answer is opaque).
  const host = createServer((req, res) => {
    asked += 1;
    if (!healthy) return res.writeHead(503, { 'Content-Type': 'text/plain' }).end('busy');
    return res.writeHead(200, { 'Content-Type': 'image/webp', 'Cache-Control': 'no-cache' }).end(photo);
  });
  const hostOrigin = await listen(host);
  const gallery = [{ src: `${hostOrigin}/photo.webp`, width: 1200, height: 800, alt: 'Участники встречи' }];
  const server = siteWith((path) => (path === articleJson(item.id) ? { json: { ...demo.article(item.id), gallery } } : null));
  try {
    await withWorker(browser, testInfo, server, async (page) => {
      const img = page.locator('.gallery img').first();
      const shown = () => img.evaluate((i) => (i.complete ? i.naturalWidth : -1));
      await read(page, item);
      await img.scrollIntoViewIfNeeded();
      await expect.poll(shown).toBe(0); // broken: the host failed
      expect(asked).toBeGreaterThan(0);
      healthy = true;
      await page.reload();
      await img.scrollIntoViewIfNeeded();
      await expect.poll(shown).toBeGreaterThan(0);
    });
  } finally {
    host.close();
  }
});

test('«Очистить» on the saved page removes saved news, photos and the reading history', async ({ browser }, testInfo) => {
  const [a, b] = demo.page(1).items;
  await withWorker(browser, testInfo, siteWith(() => null), async (page, context) => {
    await expect(titles(page)).toHaveCount(demo.page(1).items.length);
    for (const item of [a, b]) await read(page, item);
    await open(page, 'saved');
    await expect(page.locator('.saved-list__item')).toHaveCount(2);
    const storage = page.getByRole('region', { name: 'Хранение на этом устройстве' });
    await expect(storage).toContainText(/Сайт хранит здесь \d+(,\d)? МБ\./);
    await storage.getByRole('button', { name: 'Очистить' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'удалены' })).toBeVisible();
    await expect(page.locator('.saved-list__item')).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('vestnik.read'))).toBeNull();
    const paths = await kept(page);
    expect(paths).not.toContain(articleJson(a.id));
    expect(paths).not.toContain(articleJson(b.id));
    // The site itself still opens offline, with its latest news list.
    await context.setOffline(true);
    await open(page, '');
    await expect(titles(page)).toHaveCount(demo.page(1).items.length);
    await open(page, `news/${a.id}`);
    await expect(page.getByText(NOT_SAVED)).toBeVisible();
  });
});

/** A PNG of `size`×`size` random pixels: as large as its pixels, whatever compresses it. */
function noisePng(size) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.concat(Array.from({ length: size }, () => Buffer.concat([Buffer.from([0]), randomBytes(size * 3)])));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

test('with little storage, reading 30 articles with photos keeps working within the budget', async ({ browser }, testInfo) => {
  test.slow();
  const BUDGET_MB = 3;
  const photo = noisePng(256); // ~200 KB; two per article, 12 MB in all
  // A photo host that allows CORS: the worker can see, and count, what it keeps.
  const host = createServer((req, res) => res.writeHead(200, {
    'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache',
  }).end(photo));
  const hostOrigin = await listen(host);
  const items = [1, 2, 3].flatMap((n) => demo.page(n).items).slice(0, 30);
  const server = siteWith((path) => {
    if (path === '/config.json') return { json: { ...demo.config, offline: { budget_mb: BUDGET_MB } } };
    const id = /^\/api\/news\/(\d+)\.json$/.exec(path)?.[1];
    if (!id) return null;
    const gallery = [1, 2].map((n) => ({ src: `${hostOrigin}/${id}-${n}.png`, width: 256, height: 256, alt: `Фото ${n}` }));
    return { json: { ...demo.article(id), gallery } };
  });
  const usage = (page) => page.evaluate(async () => (await navigator.storage.estimate()).usage);
  try {
    await withWorker(browser, testInfo, server, async (page, context) => {
      for (const item of items) {
        await read(page, item);
        for (const img of await page.locator('.gallery img').all()) {
          await img.scrollIntoViewIfNeeded();
          await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth)).toBe(256);
        }
      }
      await expect.poll(() => usage(page)).toBeLessThanOrEqual(BUDGET_MB * MB);
      await open(page, '');
      await expect(titles(page)).toHaveCount(demo.page(1).items.length);
      // What the reader read last is what the worker kept.
      await context.setOffline(true);
      await read(page, items.at(-1));
    }, async (page, origin) => {
      // The whole origin gets 6 MB, as on a phone with a full disk (for as long as this
      // page's DevTools session lasts).
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 6 * MB });
    });
  } finally {
    host.close();
  }
});

test('a photo the device has no room for still shows, and the saved page says why it was not kept', async ({ browser }, testInfo) => {
  const item = demo.page(1).items[0];
  const photo = noisePng(400); // ~470 KB
  const host = createServer((req, res) => res.writeHead(200, {
    'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache',
  }).end(photo));
  const hostOrigin = await listen(host);
  const gallery = [{ src: `${hostOrigin}/photo.png`, width: 400, height: 400, alt: 'Фото' }];
  const server = siteWith((path) => (path === articleJson(item.id) ? { json: { ...demo.article(item.id), gallery } } : null));
  try {
    await withWorker(browser, testInfo, server, async (page, _context, origin) => {
      // The disk is all but full: room for news (and the worker's note), not for the photo.
      const { usage } = await page.evaluate(() => navigator.storage.estimate());
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 200 * 1024 });
      await read(page, item);
      const img = page.locator('.gallery img').first();
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth)).toBe(400);
      // The worker has noted the failure (beside the answer, so a moment later).
      await expect.poll(() => page.evaluate(async () => !!(await caches.match('vestnik-storage-problems.json')))).toBe(true);
      await open(page, 'saved');
      await expect(page.locator('.storage__problem')).toContainText('не удалось сохранить копию для чтения без сети: на устройстве не хватило места');
    });
  } finally {
    host.close();
  }
});
