// The first-screen snapshot (scripts/snapshot.mjs → index.html; public/prefs.js decides;
// src/snapshot.rs hands over): the home page reads before the wasm arrives, the app takes
// its place without a jump, and the snapshot never shows where it is not the right page.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, demo, seriousAxeViolations } from './fixtures.mjs';
import { staticHandler } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seed = demo.seed();
const firstTitles = demo.page(1).items.slice(0, 3).map((item) => item.title);

let dir;
let server;
let origin;
test.beforeAll(async ({}, testInfo) => {
  // A published copy of the build: dist/ with the snapshot written by the real command.
  dir = mkdtempSync(join(tmpdir(), 'vestnik-snapshot-'));
  cpSync(join(root, 'dist'), dir, { recursive: true });
  execFileSync('node', [join(root, 'scripts/snapshot.mjs'), dir], { stdio: 'pipe' });
  server = createServer(staticHandler(() => dir));
  const port = Number(process.env.E2E_PORT ?? 4173) + 40 + testInfo.parallelIndex;
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${port}`;
});
test.afterAll(() => {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Holds the wasm back until the returned function is called: the time before the app runs. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route('**/*_bg.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const duplicateIds = (page) => page.evaluate(() => {
  const seen = new Map();
  for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
});

test('the home page is readable before the wasm arrives, and the app takes its place', async ({ page }) => {
  const release = await holdWasm(page);
  const data = [];
  page.on('request', (request) => { if (request.url().includes('/api/')) data.push(new URL(request.url()).pathname); });
  await page.goto(`${origin}/`);
  await expect(page.locator('html')).toHaveAttribute('data-snapshot', 'on');
  const snapshot = page.locator('#snapshot');
  await expect(snapshot.getByRole('heading', { level: 1 })).toHaveText('Новости');
  await expect(snapshot.locator('.news-card__title a').first()).toBeVisible();
  for (const [i, title] of firstTitles.entries()) {
    await expect(snapshot.locator('.news-card__title a').nth(i)).toHaveText(title);
  }
  // Ordinary links: they work without the app.
  await expect(snapshot.locator('.news-card__title a').first()).toHaveAttribute('href', `news/${demo.page(1).items[0].id}`);
  await expect(snapshot.locator('.calendar table')).toBeVisible();
  await expect(page.locator('#app')).toBeHidden();
  expect(await duplicateIds(page)).toEqual([]);
  expect(await seriousAxeViolations(page)).toEqual([]);
  // Inert markup only: no script, no handler, no inline style, none of the renderer's comments.
  const written = readFileSync(join(dir, 'index.html'), 'utf8').split('<!--vestnik-snapshot-->')[1];
  expect(written).not.toMatch(/<script|\son[a-z]+=|\sstyle=|<!---->/i);

  // The first screen's data is on its way before the wasm has arrived…
  await expect.poll(() => data).toEqual(expect.arrayContaining(['/api/site.json', '/api/news/page/1.json', '/api/archive.json']));
  release();
  await expect(page.locator('html')).not.toHaveAttribute('data-snapshot', /.*/);
  await expect(snapshot).toHaveCount(0);
  // …and the app uses it: nothing is asked for twice.
  expect(data.filter((p) => p === '/api/news/page/1.json')).toHaveLength(1);
  expect(data.filter((p) => p === '/api/site.json')).toHaveLength(1);
  const app = page.locator('#app');
  await expect(app).toBeVisible();
  for (const [i, title] of firstTitles.entries()) {
    await expect(app.locator('.news-card__title a').nth(i)).toHaveText(title);
  }
  expect(await duplicateIds(page)).toEqual([]);
  // The app is live: the calendar's month buttons work.
  await app.getByRole('button', { name: /Предыдущий месяц/ }).click();
  await expect(app.locator('.calendar__title')).toContainText('Октябрь 2024');
});

test('the ids in the snapshot never clash with the app while both are in the page', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto(`${origin}/`);
  await expect(page.locator('#snapshot .news-card__title a').first()).toBeVisible();
  // The skip link leads to the snapshot's own main region.
  await expect(page.locator('#snapshot .skip-link')).toHaveAttribute('href', '#s-main');
  await expect(page.locator('#snapshot #s-main')).toHaveCount(1);
  release();
  // While the app renders out of sight, both trees are in the document.
  await expect(page.locator('#app #main')).toHaveCount(1);
  expect(await duplicateIds(page)).toEqual([]);
  await expect(page.locator('#snapshot')).toHaveCount(0);
});

test('keyboard focus and the scroll position survive the hand-over', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto(`${origin}/`);
  const link = page.locator('#snapshot .news-card__title a').nth(2);
  await link.focus();
  const href = await link.getAttribute('href');
  await page.evaluate(() => window.scrollTo(0, 500));
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(400);
  release();
  await expect(page.locator('#snapshot')).toHaveCount(0);
  const focused = await page.evaluate(() => ({
    inApp: document.getElementById('app').contains(document.activeElement),
    href: document.activeElement?.getAttribute('href'),
  }));
  expect(focused).toEqual({ inApp: true, href });
  const after = await page.evaluate(() => window.scrollY);
  expect(Math.abs(after - before)).toBeLessThanOrEqual(40);
});

for (const [name, path, setup] of [
  ['an article (the same index.html, another route)', `/news/${seed.id}`, null],
  ['the home page with a query', '/?page=2', null],
  ['/index.html (the app answers it with its 404 page)', '/index.html', null],
  ['the English interface', '/', (page) => page.addInitScript(() => localStorage.setItem('vestnik.lang', 'en'))],
]) {
  test(`not shown on ${name}: the loading placeholder instead, then the app`, async ({ page }) => {
    if (setup) await setup(page);
    const release = await holdWasm(page);
    await page.goto(`${origin}${path}`);
    await expect(page.locator('#app .skeleton')).toBeVisible();
    await expect(page.locator('#snapshot')).toBeHidden();
    await expect(page.locator('html')).not.toHaveAttribute('data-snapshot', /.*/);
    release();
    await expect(page.locator('#app #main h1')).toBeVisible();
    await expect(page.locator('#snapshot')).toHaveCount(0);
  });
}

test('an old snapshot is not shown', async ({ page }) => {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const dayAgo = Date.now() - 25 * 3600_000;
  const old = html.replace(/(<meta name="vestnik-snapshot" content=")\d+/, `$1${dayAgo}`);
  expect(old).not.toEqual(html);
  await page.route(`${origin}/`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: old }));
  const release = await holdWasm(page);
  await page.goto(`${origin}/`);
  await expect(page.locator('#app .skeleton')).toBeVisible();
  await expect(page.locator('#snapshot')).toBeHidden();
  release();
  await expect(page.locator('#app .news-card__title a').first()).toHaveText(firstTitles[0]);
  await expect(page.locator('#snapshot')).toHaveCount(0);
});

test.describe('a search before the wasm arrives', () => {
  test('the form submits as a plain form and the app answers it', async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto(`${origin}/`);
    await page.locator('#snapshot input[name=q]').fill('гиревому');
    await page.locator('#snapshot input[name=q]').press('Enter');
    await expect(page).toHaveURL(/[?&]q=/);
    release();
    await expect(page.locator('#app .news-card__title a').first()).toContainText('гиревому');
    await expect(page.locator('#snapshot')).toHaveCount(0);
  });
});

test('the command refuses to write a snapshot of a page that shows an error', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'a command-line check, once is enough');
  const broken = mkdtempSync(join(tmpdir(), 'vestnik-snapshot-broken-'));
  try {
    cpSync(join(root, 'dist'), broken, { recursive: true });
    writeFileSync(join(broken, 'api/news/page/1.json'), '{"page": 1, "items": [');
    const before = readFileSync(join(broken, 'index.html'), 'utf8');
    let status = 0;
    let stderr = '';
    try {
      execFileSync('node', [join(root, 'scripts/snapshot.mjs'), broken], { stdio: 'pipe' });
    } catch (error) {
      status = error.status;
      stderr = String(error.stderr);
    }
    expect(status).toBe(1);
    expect(stderr).toContain('not written');
    expect(readFileSync(join(broken, 'index.html'), 'utf8')).toEqual(before);
  } finally {
    rmSync(broken, { recursive: true, force: true });
  }
});
