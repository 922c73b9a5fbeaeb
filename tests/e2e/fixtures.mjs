// Shared test fixtures: a page that records console errors and wasm panics (every test
// fails on a panic; unexpected console errors fail it too), and the demo data as the
// tests' source of truth.
import { test as base, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

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

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page; returns violations of serious or critical impact. */
export async function seriousAxeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Waits until the page has settled: no skeleton, placeholder or busy region left (the
 * app's own test before it hands over from a snapshot), so checks such as axe see the
 * page a reader reads, not one being replaced under them.
 */
export async function settled(page) {
  await expect(page.locator('.skeleton, .site-header--placeholder, [aria-busy="true"]')).toHaveCount(0);
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

/** Resolves when a request whose URL ends with `end` has been answered or given up. */
export function requestEnded(page, end) {
  const match = (r) => r.url().endsWith(end);
  return new Promise((resolve) => {
    page.on('response', (r) => match(r) && resolve());
    page.on('requestfailed', (r) => match(r) && resolve());
  });
}

/** Starts `server` on a free loopback port (none is shared between workers or retries); returns its origin. */
export async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

/** Fails if the page scrolls sideways. */
export async function expectNoHorizontalScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}
