// Shared test fixtures: a page that records console errors and wasm panics (every test
// fails on a panic; unexpected console errors fail it too), and the demo data as the
// tests' source of truth.
import { test as base, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const json = (rel) => JSON.parse(readFileSync(`${root}/public/${rel}`, 'utf8'));

const index = json('api/news-index.json').items;

export const demo = {
  config: json('config.json'),
  site: json('api/site.json'),
  index,
  archive: json('api/archive.json'),
  /** Demo items published on a day of the site's clock (YYYY-MM-DD; the demo's clock is +07:00). */
  onDay: (day) => index.filter((item) => item.published.startsWith(day)),
  page: (n) => json(`api/news/page/${n}.json`),
  article: (id) => json(`api/news/${id}.json`),
  /** The article retold from the seed page. */
  seed() {
    return readdirSync(`${root}/public/api/news`)
      .filter((f) => f.endsWith('.json'))
      .map((f) => json(`api/news/${f}`))
      .find((article) => article.body_html.includes('280 контрактов'));
  },
};

export const test = base.extend({
  /** Console errors allowed in this test (e.g. the browser logging a deliberate 500). */
  allowConsoleErrors: [[], { option: true }],
  page: async ({ page, allowConsoleErrors }, use, testInfo) => {
    const problems = [];
    page.on('console', (msg) => {
      const text = msg.text();
      if (/panicked|RuntimeError|unreachable/i.test(text)) problems.push(`wasm panic: ${text}`);
      else if (msg.type() === 'error' && !allowConsoleErrors.some((re) => re.test(text))) {
        problems.push(`console error: ${text}`);
      }
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    await use(page);
    if (problems.length) {
      await testInfo.attach('console', { body: problems.join('\n') });
    }
    expect(problems, 'no console errors and no wasm panic').toEqual([]);
  },
});

export { expect };

/**
 * Runs axe-core (through @axe-core/playwright, which audits every frame and works under
 * the strict CSP) on the page, or on `include` (a selector) and the frames inside it;
 * returns the violations of serious or critical impact.
 */
export async function seriousAxeViolations(page, { include } = {}) {
  const builder = new AxeBuilder({ page });
  const result = await (include ? builder.include(include) : builder).analyze();
  return result.violations
    .filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Waits until the page has settled: the app marks `#main` with `data-settled` (a heading
 * or an error, nothing loading: src/settled.rs, which the snapshot hand-over waits for
 * too), so checks such as axe see the page a reader reads, not one being replaced under them.
 */
export async function settled(page) {
  await expect(page.locator('#main[data-settled]')).toBeAttached();
}

/**
 * Holds the requests matching `pattern` until the returned function is called; then they
 * go on to the server (unless the app has given them up meanwhile).
 */
export async function hold(page, pattern) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => {
    await released;
    await route.fallback().catch(() => {});
  });
  return release;
}

/** Holds back the app's wasm until the returned function is called. */
export const holdWasm = (page) => hold(page, '**/*_bg.wasm');

/**
 * Resolves once the page has drawn two more frames: whatever the page had queued before
 * (event handlers, the app's effects and redraws, work it put off to the next frame) has
 * run. The way to see that something synchronous did not happen, instead of a sleep.
 */
export async function nextFrames(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Records every `fetch` the page makes (call before `page.goto`), in `window.__fetches`:
 * `{ url, done }`, done once the page is through with it — given up or refused, answered
 * with an error status, or answered and its body read (whole, or as a stream to its end or
 * cancelled). See `fetchesDone`.
 */
export async function trackFetches(page) {
  await page.addInitScript(() => {
    const fetches = (window.__fetches = []);
    const fetch = window.fetch;
    window.fetch = function (input, init) {
      const entry = { url: input instanceof Request ? input.url : new URL(String(input), location.href).href, done: false };
      fetches.push(entry);
      const done = () => { entry.done = true; };
      const reply = fetch.call(this, input, init);
      // Registered before the caller's own handlers, so each step is marked before the caller sees it.
      reply.then((response) => {
        if (!response.ok) return done();
        for (const read of ['arrayBuffer', 'blob', 'json', 'text']) {
          const original = response[read];
          response[read] = function () {
            const body = original.call(this);
            body.then(done, done);
            return body;
          };
        }
        // Or read as a stream (the app does, src/api/client.rs): to its end, or given up.
        const stream = response.body;
        const getReader = stream?.getReader;
        if (getReader) {
          stream.getReader = function (...args) {
            const reader = getReader.apply(this, args);
            const { read, cancel } = reader;
            reader.read = function () {
              const chunk = read.call(this);
              chunk.then((result) => result.done && done(), done);
              return chunk;
            };
            reader.cancel = function (...reasons) {
              done();
              return cancel.apply(this, reasons);
            };
            return reader;
          };
        }
      }, done);
      return reply;
    };
  });
}

/**
 * Waits until the page (with `trackFetches`) has made a request whose URL ends with `end`
 * and is done with every such request, then for two frames (`nextFrames`): whatever the app
 * does with the answer, or with its failure, is on the page by then. The way to see that a
 * late answer changed nothing, instead of a sleep.
 */
export async function fetchesDone(page, end) {
  await page.waitForFunction((end) => {
    if (!window.__fetches) throw new Error('fetchesDone needs trackFetches(page) before page.goto');
    const mine = window.__fetches.filter((f) => f.url.endsWith(end));
    return mine.length > 0 && mine.every((f) => f.done);
  }, end);
  await nextFrames(page);
}

/** The longest request deadline config.json may set (src/api/config.rs keeps it to this). */
export const LONGEST_TIMEOUT_MS = 120_000;

/**
 * Serves config.json as built but with the longest request deadline, longer than any test
 * may run: a request the test holds back is never given up by its deadline on its own, so
 * "not held up by a slow request" and "held up until its deadline" differ in outcome, not
 * in time.
 */
export async function withLongestDeadline(page) {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), timeout_ms: LONGEST_TIMEOUT_MS } });
  });
}

/** Waits until the service worker controls the page. */
export async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

/** A browser context of this test's viewport with service workers allowed. */
export const workerContext = (browser, testInfo) => browser.newContext({ serviceWorkers: 'allow', viewport: testInfo.project.use.viewport });

/** A new page of `context` opened at `origin`, once the service worker controls it. */
export async function controlledPage(context, origin) {
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await controlled(page);
  return page;
}

/** Starts `server` on a free loopback port (none is shared between workers or retries); returns its origin. */
export async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

/**
 * The links and images inside `scope` whose address, as the browser reads it, is not one
 * the app allows (src/core/links.rs): links http(s), mailto: or tel:, images http(s).
 */
export async function unsafeUrls(scope) {
  return scope.evaluate((root) => [
    ...[...root.querySelectorAll('a[href]')].filter((a) => !['http:', 'https:', 'mailto:', 'tel:'].includes(a.protocol)).map((a) => `a ${a.getAttribute('href')}`),
    ...[...root.querySelectorAll('img[src]')].filter((img) => !['http:', 'https:'].includes(new URL(img.src).protocol)).map((img) => `img ${img.getAttribute('src')}`),
  ]);
}

/** Fails if the page scrolls sideways. */
export async function expectNoHorizontalScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}
