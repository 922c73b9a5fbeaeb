#!/usr/bin/env node
// `make bench`: Vestnik against the physical limit — the same first screen as plain static
// HTML with the same CSS and no script — on an emulated cheap phone and slow network, plus
// sizes, warm interactions, big feeds, and a leak check. Prints a table, writes
// bench/results.json, and exits non-zero when a budget in bench/budgets.json is exceeded.
//
//   node bench/run.mjs [--runs 5] [--dist dist]     (make bench builds dist/ first)
//
// Cold loads: headless Chromium through the DevTools protocol, 390×844 mobile viewport, CPU
// slowed 4×, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, an empty cache (a new
// browser context each time, as on a first visit: a file asked for twice in one visit is
// fetched once, which disabling the cache would not allow), service
// workers blocked (a first visit). The server is scripts/serve.mjs with the precompressed
// .br files, as a CDN would serve them. The limit page is the app's own first screen,
// rendered once and saved with every script removed, so both show exactly the same markup.
// Vestnik is measured as docs/deploy.md says to publish it — with the first-screen snapshot
// in index.html (scripts/snapshot.mjs, made here from the same build) — and without it, as
// a site that does not run the snapshot gets it. Two pages far from the home page — the
// feed's page 3 and the oldest article — are measured on the whole site published by
// `make publish` (scripts/publish.mjs), each against its own static limit.

import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { compressed } from '../scripts/precompress.mjs';
import { staticHandler } from '../scripts/serve.mjs';
import { headTags, render, stripSnapshot, withSnapshot } from '../scripts/snapshot.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const RUNS = Number(option('runs', process.env.BENCH_RUNS ?? 5));
/** Navigations the memory test makes after its 50 warm-up ones (`--navigations N`). */
const MEMORY_NAVIGATIONS = Number(option('navigations', 500));
const dist = join(root, option('dist', 'dist'));
const budgets = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8'));

const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const MOBILE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const TITLE = '.news-card__title a';
const ARTICLE_TITLE = '.article__title';

// ---- the servers: dist/ as a CDN would serve it, index.html with the snapshot (origin) or
// without it (bareOrigin), plus the limit page at /__limit/ ----
const packed = (html) => {
  const raw = Buffer.from(html);
  return { raw, br: compressed(raw).br };
};
const sendHtml = (req, res, page) => {
  const br = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
  const body = br ? page.br : page.raw;
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-cache',
    'Content-Length': body.length,
    ...(br ? { 'Content-Encoding': 'br' } : {}),
  });
  res.end(body);
};
let limitHtml = null;
const bareIndex = packed(stripSnapshot(readFileSync(join(dist, 'index.html'), 'utf8')));
let snapshotIndex = bareIndex;
// An article's page with its own snapshot (news/<id>/index.html when published).
let article = null;
const serveDist = staticHandler(() => dist);
// An app route without a file of its own (/news?page=3, an older article) is answered with
// the published index.html, as the server in docs/deploy.md does.
const appRoute = (url) => {
  const path = new URL(url, 'http://x').pathname;
  return !existsSync(join(dist, path)) && (!extname(path) || path.startsWith('/news/'));
};
const serverWith = (index, withArticle) => createServer((req, res) => {
  if (req.url.startsWith('/__limit') && limitHtml) return sendHtml(req, res, limitHtml);
  if (req.url === '/' || req.url === '/index.html') return sendHtml(req, res, index());
  if (article && req.url.split('?')[0] === `/${article.path}`) return sendHtml(req, res, withArticle ? article.page : bareIndex);
  if (appRoute(req.url)) return sendHtml(req, res, index());
  serveDist(req, res);
});
const listen = async (server) => {
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${server.address().port}`;
};
const server = serverWith(() => snapshotIndex, true);
const bareServer = serverWith(() => bareIndex, false);
const origin = await listen(server);
const bareOrigin = await listen(bareServer);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

// In every page: when the first news title appears, LCP and long tasks.
const OBSERVE = (selector) => {
  window.__bench = { title: null, live: null, lcp: 0, longest: 0, wasm: null };
  // `title`: a news title in the document (the snapshot's or the app's); `live`: the app's
  // own, on screen (after a snapshot's hand-over) — from then on every control works.
  new MutationObserver((_, observer) => {
    if (window.__bench.title === null && document.querySelector(selector)) window.__bench.title = performance.now();
    if (document.querySelector(`#app ${selector}`) && !document.documentElement.hasAttribute('data-snapshot')) {
      window.__bench.live = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-snapshot'] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.lcp = e.renderTime || e.loadTime || e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longest = Math.max(window.__bench.longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => { window.__bench.wasm = e.detail?.wasm ?? null; });
};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${Math.round(n)} ms`;

// ---- 1. the limit page: the app's first screen with every script taken out ----
async function makeLimitPage() {
  limitHtml = await limitOf(`${bareOrigin}/`, TITLE);
}

/** The static limit of the page at `url`: its first screen, drawn by the app, without a script. */
async function limitOf(url, selector) {
  const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(selector).first().waitFor();
  await page.locator('.calendar table').waitFor();
  await page.waitForLoadState('networkidle');
  const html = await page.evaluate(() => {
    const doc = document.documentElement.cloneNode(true);
    doc.querySelectorAll('script, link[rel=modulepreload], link[rel=preload], link[rel=manifest]').forEach((n) => n.remove());
    return `<!DOCTYPE html>\n${doc.outerHTML}`;
  });
  await context.close();
  return packed(html);
}

// ---- 1b. the snapshots: made from this build, as scripts/snapshot.mjs makes them on
// publishing: the home page's and that of the first article it lists ----
async function makeSnapshot() {
  const { markup, preload, head, title, articles } = await render(`${bareOrigin}/`, { browser });
  snapshotIndex = packed(withSnapshot(bareIndex.raw.toString(), markup, { preload, head: headTags(head, 'feed'), title }));
  const path = articles[0];
  const shot = await render(`${bareOrigin}/${path}`, { browser, kind: 'article' });
  article = { path, page: packed(withSnapshot(bareIndex.raw.toString(), shot.markup, { path, preload: shot.preload, head: headTags(shot.head, 'article'), title: shot.title })) };
}

// ---- 1c. the whole site published (make publish, scripts/publish.mjs) into a copy of
// dist/, served as docs/deploy.md says (scripts/serve.mjs: /news?page=3 finds its file);
// and the static limit of each page measured there, made as the home page's is ----
const publishedDir = mkdtempSync(join(tmpdir(), 'vestnik-bench-published-'));
const publishedLimits = new Map();
const publishedHandler = staticHandler(() => publishedDir);
const publishedServer = createServer((req, res) => {
  const limit = publishedLimits.get(req.url);
  if (limit) return sendHtml(req, res, limit);
  publishedHandler(req, res);
});
const publishedOrigin = await listen(publishedServer);
/** Pages a reader reaches from a search engine or a shared link, far from the home page. */
const oldest = JSON.parse(readFileSync(join(dist, 'api/news-index.json'), 'utf8')).items.at(-1)?.id;
const PUBLISHED_PAGES = [['news?page=3', TITLE], [`news/${oldest}`, ARTICLE_TITLE]];

async function makePublished() {
  cpSync(dist, publishedDir, { recursive: true });
  await new Promise((done, fail) => execFile('node', [join(root, 'scripts/publish.mjs'), publishedDir, '--site', `${publishedOrigin}/`],
    (error, stdout, stderr) => (error ? fail(new Error(`publish failed: ${stderr || stdout}`)) : done())));
  for (const [path, selector] of PUBLISHED_PAGES) {
    publishedLimits.set(`/__limit/${path}`, await limitOf(`${bareOrigin}/${path}`, selector));
  }
}

// ---- 2. one cold load on the emulated phone ----
async function coldLoad(url, selector = TITLE) {
  const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
  await context.addInitScript(OBSERVE, selector);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const urls = new Map();
  const bytes = { total: 0, byKind: {} };
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => {
    const path = new URL(urls.get(e.requestId) ?? origin).pathname;
    const kind = /\.(wasm|js|css|json)$/.exec(path)?.[1] ?? (/\.(webp|png|jpe?g|svg|ico)$/.test(path) ? 'images' : /\.webmanifest$/.test(path) ? 'other' : 'html');
    bytes.total += e.encodedDataLength;
    bytes.byKind[kind] = (bytes.byKind[kind] ?? 0) + e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.locator(selector).first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => window.__bench.live !== null || !document.getElementById('app'), null, { timeout: 60_000 });
  await page.waitForLoadState('networkidle', { timeout: 60_000 });
  await page.waitForTimeout(300);
  const m = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: window.__bench.lcp,
    title: window.__bench.title,
    live: window.__bench.live ?? NaN,
    // What the reader waited for: every response complete by the largest paint.
    beforeLcp: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((e) => e.responseEnd <= window.__bench.lcp)
      .reduce((sum, e) => sum + e.transferSize, 0),
    // The first load: the page, its code and its data, complete by the time the app is live
    // (not what the app fetches once idle for the reader's next step: the article view's
    // code, the next page of news).
    beforeLive: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((e) => e.responseEnd <= (window.__bench.live ?? Infinity) && (e.entryType === 'navigation' || /\.(wasm|js|css|json)$/.test(new URL(e.name).pathname)))
      .reduce((sum, e) => sum + e.transferSize, 0),
  }));
  await context.close();
  const firstLoad = ['html', 'js', 'wasm', 'css', 'json'].reduce((sum, k) => sum + (bytes.byKind[k] ?? 0), 0);
  return { ...m, bytes: bytes.total, firstLoad, byKind: bytes.byKind };
}

// ---- 3. warm measurements (no throttling): the app already loaded ----
async function warmPage(path = '/') {
  const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
  await context.addInitScript(OBSERVE, TITLE);
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await page.locator('#main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  return { context, page };
}

/** Client-side navigation through the app's router: a click on an ordinary link. */
const NAVIGATE = async (href) => {
  const a = document.createElement('a');
  a.href = href;
  a.hidden = true;
  document.body.append(a);
  const t0 = performance.now();
  a.click();
  a.remove();
  return t0;
};

async function routeChange() {
  const { context, page } = await warmPage('/');
  const times = [];
  for (let i = 0; i < 5; i++) {
    const link = page.locator(TITLE).nth(i);
    const [href, title] = [await link.getAttribute('href'), (await link.textContent()).trim()];
    const t = await page.evaluate(async ({ href, title, navigate }) => {
      const t0 = await new Function(`return (${navigate})`)()(href);
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        const h1 = document.querySelector('#main h1');
        if (h1 && h1.textContent.trim() === title) return performance.now() - t0;
      }
    }, { href, title, navigate: NAVIGATE.toString() });
    times.push(t);
    await page.goBack();
    await page.locator(TITLE).first().waitFor();
  }
  await context.close();
  return stats(times);
}

async function feedRender(count) {
  const index = JSON.parse(readFileSync(join(dist, 'api/news-index.json'), 'utf8')).items;
  const items = Array.from({ length: count }, (_, i) => ({ ...index[i % index.length], id: String(900000 + i) }));
  const body = JSON.stringify({ page: 1, pages: 1, total: count, items });
  const { context, page } = await warmPage('/saved');
  await page.route('**/api/news/page/1.json', (route) => route.fulfill({ contentType: 'application/json', body }));
  const result = await page.evaluate(async ({ count, navigate }) => {
    window.__bench.longest = 0;
    // "Render" runs from the moment the response has arrived (network excluded) to the
    // first rows in the DOM (and to all of them: rows are added progressively).
    let firstAt = null;
    const observer = new MutationObserver(() => {
      if (firstAt === null && document.querySelector('.news-list > li')) firstAt = performance.now();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const t0 = await new Function(`return (${navigate})`)()('news');
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      if (document.querySelectorAll('.news-list > li').length >= count) break;
    }
    const allAt = performance.now();
    observer.disconnect();
    const response = performance.getEntriesByType('resource').filter((e) => e.name.includes('news/page/1.json')).at(-1);
    const arrived = response ? response.responseEnd : t0;
    return { click: firstAt - t0, first: firstAt - arrived, all: allAt - arrived };
  }, { count, navigate: NAVIGATE.toString() });
  await page.waitForTimeout(100);
  result.longest = await page.evaluate(() => window.__bench.longest);
  await context.close();
  return result;
}

async function monthSwitch() {
  const { context, page } = await warmPage('/');
  const calendar = page.locator('.calendar');
  // Visit the previous month once so both months are cached, then time switches between them.
  await calendar.getByRole('button', { name: /^Предыдущий месяц/ }).click();
  await page.waitForLoadState('networkidle');
  await calendar.getByRole('button', { name: /^Следующий месяц/ }).click();
  await page.waitForLoadState('networkidle');
  const times = [];
  for (let i = 0; i < 10; i++) {
    const name = i % 2 ? /^Следующий месяц/ : /^Предыдущий месяц/;
    const button = calendar.getByRole('button', { name });
    await button.waitFor();
    const handle = await button.elementHandle();
    times.push(await page.evaluate(async ({ button }) => {
      // From the click to the last change of the calendar's DOM (header, grid and news-day
      // links all updated), watched for 300 ms.
      const calendar = button.closest('.calendar');
      let last = null;
      const observer = new MutationObserver(() => { last = performance.now(); });
      observer.observe(calendar, { childList: true, subtree: true, characterData: true, attributes: true });
      const t0 = performance.now();
      button.click();
      await new Promise((r) => setTimeout(r, 300));
      observer.disconnect();
      return last === null ? NaN : last - t0;
    }, { button: handle }));
  }
  await context.close();
  return stats(times);
}

async function memory() {
  // A browser of its own, with V8's optimising compilers off: the code they keep adding as
  // functions get hot (the glue's, Playwright's own injected script's) is warm-up, not a
  // leak, and would hide one. With them off, the JS heap of a page that leaks nothing is
  // flat to a fraction of a percent.
  const quiet = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--js-flags=--expose-gc --no-opt --no-maglev --no-sparkplug'],
  });
  const context = await quiet.newContext({ ...MOBILE, serviceWorkers: 'block' });
  await context.addInitScript(OBSERVE, TITLE);
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.locator('#main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  const cdp = await context.newCDPSession(page);
  const index = JSON.parse(readFileSync(join(dist, 'api/news-index.json'), 'utf8')).items;
  const withPhotos = index.find((item) => /"gallery":\s*\[\s*\{/.test(readFileSync(join(dist, `api/news/${item.id}.json`), 'utf8')));
  const routes = option('routes', null)?.split(',') ?? ['news', 'news?page=2', `news/${index[0].id}`, 'news/archive/2020/12', `news/${index[5].id}`,
    'news/archive', 'news/archive/2021', `news/${index[10].id}`, 'news?page=3', 'news/archive/2020/12/01'];
  // The app's own mark (src/settled.rs): a heading or an error, nothing loading.
  const settled = () => page.locator('#main[data-settled]').waitFor({ state: 'attached' });
  const step = async (href) => {
    await page.evaluate(async ({ href, navigate }) => {
      await new Function(`return (${navigate})`)()(href);
    }, { href, navigate: NAVIGATE.toString() });
    await settled();
  };
  // A round: the routes, an article's gallery opened and closed, the calendar's months
  // back and forth. Each counts as one navigation.
  const kinds = option('actions', 'routes,gallery,months').split(',');
  const actions = [
    ...(kinds.includes('routes') ? routes.map((href) => () => step(href)) : []),
    kinds.includes('gallery') && (async () => {
      if (!withPhotos) return;
      await step(`news/${withPhotos.id}`);
      await page.locator('.gallery__open').first().click();
      await page.locator('dialog.lightbox[open]').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('dialog.lightbox[open]').waitFor({ state: 'detached' }).catch(() => {});
    }),
    kinds.includes('months') && (async () => {
      const calendar = page.locator('section.calendar');
      const title = calendar.locator('.calendar__title');
      const before = await title.textContent();
      await calendar.getByRole('button', { name: /Предыдущий месяц|Previous month/ }).click();
      await page.waitForFunction((t) => document.querySelector('section.calendar .calendar__title')?.textContent !== t, before);
      await calendar.getByRole('button', { name: /Следующий месяц|Next month/ }).click();
      await page.waitForFunction((t) => document.querySelector('section.calendar .calendar__title')?.textContent === t, before);
    }),
  ].filter(Boolean);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__bench.wasm?.memory?.buffer.byteLength ?? 0);
    return { js: usedSize, wasm, total: usedSize + wasm };
  };
  // Warm up with twelve rounds (caches filled, every view built once, V8's one step of
  // heap seen around the ninth round taken: flat after it for 430 navigations), then about 500 more
  // navigations, measuring every four rounds — always at the same step of a round, so the
  // same page is on screen: a leak keeps climbing, a warm app stays flat.
  const round = actions.length;
  const warm = round * 12;
  const total = warm + round * Math.ceil(MEMORY_NAVIGATIONS / round);
  const series = [];
  for (let i = 0; i < total; i++) {
    await actions[i % actions.length]();
    if (i + 1 >= warm && (i + 1 - warm) % (round * 4) === 0) series.push({ navigations: i + 1, ...(await measure()) });
  }
  await quiet.close();
  // A leak raises the floor: V8's heap moves between a few levels as it compiles and
  // collects (two levels ~130 KB apart seen from one checkpoint to the next, with no
  // trend), so two single readings can differ by 3 % with nothing kept. The growth
  // compares the lowest reading of the second half with that of the first.
  const floor = (points) => points.reduce((low, p) => (p.total < low.total ? p : low));
  const half = series.length >> 1;
  const [before, after] = [floor(series.slice(0, half)), floor(series.slice(half))];
  return { before, after, series, navigations: series.at(-1).navigations - series[0].navigations, growth: after.total / before.total - 1 };
}

// ---- 4. Lighthouse as PageSpeed Insights and most auditors run it: version 13.5 (npm,
// pinned), its default mobile settings (simulated slow 4G, CPU ÷4), every category, on the
// site as published (snapshots included). Median run by performance score. ----
const LIGHTHOUSE = join(root, 'node_modules/lighthouse/cli/index.js');
function lighthouseOnce(url) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [LIGHTHOUSE, url, '--output=json', '--output-path=stdout', '--quiet',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking'],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 256 * 1024 * 1024 },
    (error, stdout) => {
      if (error) return reject(error);
      const report = JSON.parse(stdout);
      const metric = (id) => report.audits[id]?.numericValue ?? NaN;
      resolve({
        scores: Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round(c.score * 100)])),
        fcp: metric('first-contentful-paint'), lcp: metric('largest-contentful-paint'), tbt: metric('total-blocking-time'),
        tti: metric('interactive'), si: metric('speed-index'), cls: metric('cumulative-layout-shift'),
        benchmarkIndex: report.environment?.benchmarkIndex ?? null,
        failing: Object.values(report.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative'
          && !['metricSavings', 'manual', 'notApplicable'].includes(a.scoreDisplayMode)).map((a) => a.id),
      });
    });
  });
}

async function lighthouse(paths, runs) {
  const out = {};
  for (const path of paths) {
    const reports = [];
    for (let i = 0; i < runs; i++) {
      // A page of the feed after the first has its own published file only on the site
      // as make publish writes it.
      const site = path.startsWith('/news?') ? publishedOrigin : origin;
      reports.push({ ...(await lighthouseOnce(`${site}${path}`)), load: loadavg()[0] });
      process.stdout.write(`  lighthouse ${path} ${i + 1}/${runs}\r`);
    }
    const sorted = [...reports].sort((a, b) => a.scores.performance - b.scores.performance);
    out[path] = { median: sorted[sorted.length >> 1], runs: reports.map((r) => ({ performance: r.scores.performance, tbt: r.tbt, lcp: r.lcp, load: r.load })) };
  }
  return out;
}

// ---- 5. static facts: sizes and the service worker's precache ----
function sizes() {
  const out = {};
  for (const name of readdirSync(dist)) {
    const kind = /\.(wasm|js|css)$/.exec(name)?.[1];
    // What the app loads: not the service worker itself, not embed.js (host pages load it).
    if (!kind || name === 'sw.js' || name === 'embed.js') continue;
    const data = readFileSync(join(dist, name));
    const br = (() => { try { return statSync(join(dist, `${name}.br`)).size; } catch { return compressed(data).br.length; } })();
    const entry = out[kind] ?? { raw: 0, gzip: 0, brotli: 0, files: 0 };
    entry.raw += data.length;
    entry.gzip += gzipSync(data, { level: 9 }).length;
    entry.brotli += br;
    entry.files += 1;
    out[kind] = entry;
  }
  return out;
}

function precache() {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const list = JSON.parse(/const PRECACHE = \/\*__PRECACHE__\*\/(\[[^\n]*\]);/.exec(sw)[1]);
  let brotli = 0;
  for (const e of list) {
    try { brotli += statSync(join(dist, `${e.url}.br`)).size; } catch { brotli += e.bytes; }
  }
  return { files: list.length, raw: list.reduce((s, e) => s + e.bytes, 0), brotli };
}

// ---- run ----
// `--only cold,published,lighthouse,sizes,route,feed,month,memory` runs a part (while working on one
// thing); `--lighthouse-runs N` (default 3);
// `--routes news,news/123` changes the memory test's round of routes (to find a leak);
// `--navigations N` how many it makes after warming up (default 500); `--actions
// routes,gallery,months` which kinds of step it takes (all three by default).
const only = option('only', null)?.split(',');
const want = (part) => !only || only.includes(part);
const started = Date.now();
const results = { date: new Date().toISOString() };
if (want('cold')) {
  await makeLimitPage();
  await makeSnapshot();
  const cold = { limit: [], app: [], bare: [], article: [], articleBare: [] };
  for (let i = 0; i < RUNS; i++) {
    cold.limit.push(await coldLoad(`${origin}/__limit/`));
    cold.app.push(await coldLoad(`${origin}/`));
    cold.bare.push(await coldLoad(`${bareOrigin}/`));
    cold.article.push(await coldLoad(`${origin}/${article.path}`, ARTICLE_TITLE));
    cold.articleBare.push(await coldLoad(`${bareOrigin}/${article.path}`, ARTICLE_TITLE));
    process.stdout.write(`  cold run ${i + 1}/${RUNS}\r`);
  }
  const pick = (side, key) => stats(cold[side].map((r) => r[key]));
  results.conditions = { cpuSlowdown: CPU_SLOWDOWN, rttMs: NETWORK.latency, downKbit: 1600, upKbit: 750, viewport: '390x844@2x', runs: RUNS };
  results.cold = Object.fromEntries(['fcp', 'lcp', 'title', 'live', 'bytes', 'firstLoad', 'beforeLive', 'beforeLcp']
    .map((k) => [k, { limit: pick('limit', k), app: pick('app', k), bare: pick('bare', k) }]));
  // A static page has no app to come alive.
  results.cold.live.limit = null;
  // An article opened from a shared link (no static limit page of its own).
  results.coldArticle = {
    path: article.path,
    ...Object.fromEntries(['fcp', 'lcp', 'title', 'live', 'beforeLive', 'beforeLcp']
      .map((k) => [k, { app: pick('article', k), bare: pick('articleBare', k) }])),
  };
  results.appBytesByKind = cold.app.at(-1).byKind;
}
if (want('published')) {
  await makePublished();
  results.published = {};
  for (const [path, selector] of PUBLISHED_PAGES) {
    const runs = { limit: [], app: [] };
    for (let i = 0; i < RUNS; i++) {
      runs.limit.push(await coldLoad(`${publishedOrigin}/__limit/${path}`, selector));
      runs.app.push(await coldLoad(`${publishedOrigin}/${path}`, selector));
      process.stdout.write(`  published /${path}: run ${i + 1}/${RUNS}\r`);
    }
    results.published[path] = Object.fromEntries(['fcp', 'lcp', 'live', 'beforeLcp']
      .map((k) => [k, { limit: stats(runs.limit.map((r) => r[k])), app: stats(runs.app.map((r) => r[k])) }]));
  }
}
if (want('lighthouse')) {
  if (!want('cold')) await makeSnapshot();
  if (!want('published')) await makePublished();
  const paths = ['/', `/${article.path}`, '/news?page=3'];
  results.lighthouse = await lighthouse(paths, Number(option('lighthouse-runs', 3)));
}
if (want('sizes')) {
  results.sizes = sizes();
  results.precache = precache();
}
if (want('route')) results.routeChangeMs = await routeChange();
if (want('feed')) {
  results.feed = {};
  for (const n of [20, 100, 1000]) results.feed[n] = await feedRender(n);
}
if (want('month')) results.monthSwitchMs = await monthSwitch();
if (want('memory')) results.memory = await memory();
results.seconds = Math.round((Date.now() - started) / 1000);

// ---- report ----
if (results.cold) {
  const rows = [];
  const line = (...cells) => rows.push(cells);
  line('metric', 'static limit', 'Vestnik', 'ratio', 'without snapshot', 'ratio');
  const range = (x, fmt) => (Number.isNaN(x.median) ? '–' : `${fmt(x.median)} (${fmt(x.min)}–${fmt(x.max)})`);
  for (const [k, label, fmt] of [['fcp', 'first contentful paint', ms], ['lcp', 'largest contentful paint', ms],
    ['title', 'first news title in DOM', ms], ['live', 'app live (controls work)', ms],
    ['bytes', 'bytes transferred (all)', kb], ['firstLoad', 'html+js+wasm+css+json', kb],
    ['beforeLive', 'the same, until live', kb], ['beforeLcp', 'bytes before the LCP', kb]]) {
    const { app, bare } = results.cold[k];
    const limit = results.cold[k].limit ?? { median: NaN };
    const ratio = (x) => (Number.isNaN(x.median / limit.median) ? '–' : `${(x.median / limit.median).toFixed(2)}×`);
    line(label, range(limit, fmt), range(app, fmt), ratio(app), range(bare, fmt), ratio(bare));
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(`\nCold load, median (min–max) of ${RUNS} alternating runs: 390×844, CPU ÷${CPU_SLOWDOWN}, ${NETWORK.latency} ms RTT, 1.6 Mbit/s`);
  for (const r of rows) console.log(`  ${r.map((c, i) => c.padEnd(widths[i])).join('  ')}`);
  const a = results.coldArticle;
  console.log(`\nAn article opened from a shared link (/${a.path}), same conditions: with its snapshot / without`);
  for (const [k, label, fmt] of [['fcp', 'first contentful paint', ms], ['lcp', 'largest contentful paint', ms],
    ['title', 'article title in DOM', ms], ['live', 'app live', ms], ['beforeLive', 'first load, until live', kb],
    ['beforeLcp', 'bytes before the LCP', kb]]) {
    console.log(`  ${label.padEnd(24)}  ${range(a[k].app, fmt).padEnd(26)}  ${range(a[k].bare, fmt)}`);
  }
}
if (results.published) {
  console.log('\nPublished pages (make publish), cold, same conditions: static limit / published / ratio');
  const range = (x, fmt) => (Number.isNaN(x.median) ? '–' : `${fmt(x.median)} (${fmt(x.min)}–${fmt(x.max)})`);
  for (const [path, p] of Object.entries(results.published)) {
    for (const [k, label, fmt] of [['fcp', 'first contentful paint', ms], ['lcp', 'largest contentful paint', ms],
      ['live', 'app live', ms], ['beforeLcp', 'bytes before the LCP', kb]]) {
      const ratio = k === 'live' ? '' : `${(p[k].app.median / p[k].limit.median).toFixed(2)}×`;
      console.log(`  /${path.padEnd(16)} ${label.padEnd(24)}  ${(k === 'live' ? '–' : range(p[k].limit, fmt)).padEnd(26)}  ${range(p[k].app, fmt).padEnd(26)}  ${ratio}`);
    }
  }
}
if (results.sizes) {
  console.log('\nSizes (raw / gzip / brotli):');
  for (const [kind, x] of Object.entries(results.sizes)) console.log(`  ${kind.padEnd(5)} ${String(x.files).padStart(2)} file(s)  ${kb(x.raw)} / ${kb(x.gzip)} / ${kb(x.brotli)}`);
  console.log(`  service worker precache: ${results.precache.files} files, ${kb(results.precache.raw)} raw, ${kb(results.precache.brotli)} brotli`);
}
if (results.lighthouse) {
  console.log(`\nLighthouse 13.5, default mobile settings (median of ${Object.values(results.lighthouse)[0].runs.length} runs by performance):`);
  for (const [path, { median: m, runs }] of Object.entries(results.lighthouse)) {
    const c = m.scores;
    console.log(`  ${path.padEnd(18)} performance ${c.performance} (${runs.map((r) => r.performance).join(', ')}), accessibility ${c.accessibility}, best practices ${c['best-practices']}, SEO ${c.seo}; FCP ${ms(m.fcp)}, LCP ${ms(m.lcp)}, TBT ${ms(m.tbt)}, TTI ${ms(m.tti)}${m.failing.length ? `; below 0.9: ${m.failing.join(', ')}` : ''}`);
  }
}
console.log('\nWarm (no throttling):');
const r = results.routeChangeMs;
if (r) console.log(`  route change feed → article: ${ms(r.median)} (${ms(r.min)}–${ms(r.max)})`);
for (const [n, f] of Object.entries(results.feed ?? {})) console.log(`  feed of ${String(n).padStart(4)}: response → first rows ${ms(f.first)}, → all rows ${ms(f.all)}; click → first rows ${ms(f.click)}; longest task ${f.longest ? ms(f.longest) : 'none over 50 ms'}`);
const m = results.monthSwitchMs;
if (m) console.log(`  calendar month switch from cache: ${m.median.toFixed(1)} ms (${m.min.toFixed(1)}–${m.max.toFixed(1)})`);
const mem = results.memory;
if (mem) {
  console.log(`  memory (JS heap + wasm) by navigations: ${mem.series.map((p) => `${p.navigations}: ${kb(p.total)}`).join(', ')}`);
  console.log(`  lowest of the first half (at ${mem.before.navigations}) → of the second (at ${mem.after.navigations}): JS heap ${kb(mem.before.js)} → ${kb(mem.after.js)}, wasm ${kb(mem.before.wasm)} → ${kb(mem.after.wasm)} (${(mem.growth * 100).toFixed(1)} %)`);
}

const checks = [
  results.cold && ['first-load transfer until live, home (brotli)', results.cold.beforeLive.app.median, budgets.firstLoadBytes, kb],
  results.cold && ['app live, home', results.cold.live.app.median, budgets.liveMs, ms],
  results.cold && ['app live, an article from a shared link', results.coldArticle.live.app.median, budgets.liveMs, ms],
  results.cold && ['bytes before the first screen (LCP)', results.cold.beforeLcp.app.median, budgets.firstScreenBytes, kb],
  results.cold && ['FCP ÷ static limit', results.cold.fcp.app.median / results.cold.fcp.limit.median, budgets.fcpRatioToStatic, (x) => `${x.toFixed(2)}×`],
  results.cold && ['LCP ÷ static limit', results.cold.lcp.app.median / results.cold.lcp.limit.median, budgets.lcpRatioToStatic, (x) => `${x.toFixed(2)}×`],
  ...Object.entries(results.published ?? {}).map(([path, p]) => [`LCP ÷ static limit, published /${path}`,
    p.lcp.app.median / p.lcp.limit.median, budgets.publishedLcpRatioToStatic, (x) => `${x.toFixed(2)}×`]),
  results.feed && ['1000-item feed: response → first rows', results.feed[1000].first, budgets.feed1000FirstRowsMs, ms],
  results.feed && ['1000-item feed: longest task', results.feed[1000].longest, budgets.feed1000LongestTaskMs, ms],
  m && ['month switch from cache', m.median, budgets.monthSwitchMs, (x) => `${x.toFixed(1)} ms`],
  mem && [`memory growth over ${mem.navigations} navigations`, mem.growth, budgets.memoryGrowth, (x) => `${(x * 100).toFixed(1)} %`],
  ...Object.entries(results.lighthouse ?? {}).flatMap(([path, { median: m }]) => [
    [`Lighthouse performance ${path}`, m.scores.performance, budgets.lighthousePerformance, String, 'at least'],
    [`Lighthouse total blocking time ${path}`, m.tbt, budgets.lighthouseTbtMs, ms],
    [`Lighthouse accessibility, best practices, SEO ${path}`, Math.min(m.scores.accessibility, m.scores['best-practices'], m.scores.seo),
      budgets.lighthouseOtherCategories, String, 'at least'],
  ]),
].filter(Boolean);
console.log('\nBudgets (bench/budgets.json):');
let failed = 0;
results.budgets = checks.map(([name, value, budget, fmt, least]) => {
  const ok = least ? value >= budget : value <= budget;
  failed += ok ? 0 : 1;
  console.log(`  ${ok ? 'ok  ' : 'OVER'}  ${name}: ${fmt(value)} (budget ${fmt(budget)})`);
  return { name, value, budget, ok };
});
if (!only) writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 1)}\n`);
console.log(`\nbench: ${results.seconds} s${only ? '' : '; results in bench/results.json'}; ${failed ? `${failed} budget(s) exceeded` : 'all budgets met'}`);
await browser.close();
server.close();
bareServer.close();
publishedServer.close();
rmSync(publishedDir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
