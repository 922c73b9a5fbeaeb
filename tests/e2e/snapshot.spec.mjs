// First-screen snapshots (scripts/snapshot.mjs → index.html, news/<id>/index.html;
// public/prefs.js decides; src/snapshot.rs hands over): the home page and the articles it
// lists read before the wasm arrives, the app takes their place without a jump, and a
// snapshot never shows where it is not the right page.
import { createServer } from 'node:http';
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, demo, seriousAxeViolations, listen, hold, holdWasm } from './fixtures.mjs';
import { staticHandler, staticServer } from '../../scripts/serve.mjs';
import { stripSnapshot, withSnapshot } from '../../scripts/snapshot.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seed = demo.seed();
const firstTitles = demo.page(1).items.slice(0, 3).map((item) => item.title);
const siteName = JSON.parse(readFileSync(join(root, 'public/api/site.json'), 'utf8')).name;

// One group per project: the published copy below (a snapshot run rendering a dozen pages
// in its own browser) is made once per project, not once for each worker taking some tests.
test.describe.configure({ mode: 'default' });

let dir;
let server;
let origin;
test.beforeAll(async () => {
  // A published copy of the build: dist/ with the snapshots written by the real command,
  // told the address it is served at (the article pages name it).
  dir = mkdtempSync(join(tmpdir(), 'vestnik-snapshot-'));
  cpSync(join(root, 'dist'), dir, { recursive: true });
  server = createServer(staticHandler(() => dir));
  origin = await listen(server);
  execFileSync('node', [join(root, 'scripts/snapshot.mjs'), dir, '--site', `${origin}/`], { stdio: 'pipe' });
});
test.afterAll(() => {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

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
  const file = readFileSync(join(dir, 'index.html'), 'utf8');
  const written = file.split(/<!--vestnik-snapshot [0-9a-f]{32}-->/)[1];
  expect(written).not.toMatch(/<script|\son[a-z]+=|\sstyle=|<!---->/i);
  // A link preview of the site's front page names the site — but no address: this file
  // also answers every route without one of its own (older articles, page 2, the 404).
  expect(file).toContain(`<title data-original="Новости">Новости — ${siteName}</title>`);
  expect(file).toContain(`<meta property="og:site_name" content="${siteName}" data-snapshot="">`);
  expect(file).not.toMatch(/rel="canonical"|property="og:url"/);
  const older = await (await page.request.get(`${origin}/news/${seed.id}`)).text();
  expect(older).not.toMatch(/rel="canonical"|property="og:url"/);

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
  // The feed's data held back too: the app renders out of sight and stays loading, so both
  // trees are in the document for as long as the test looks.
  const releaseData = await hold(page, '**/api/news/page/1.json');
  await page.goto(`${origin}/`);
  await expect(page.locator('#snapshot .news-card__title a').first()).toBeVisible();
  // The skip link leads to the snapshot's own main region.
  await expect(page.locator('#snapshot .skip-link')).toHaveAttribute('href', '#s-main');
  await expect(page.locator('#snapshot #s-main')).toHaveCount(1);
  release();
  // While the app renders out of sight, both trees are in the document.
  await expect(page.locator('#app #main')).toHaveCount(1);
  await expect(page.locator('#snapshot')).toHaveCount(1);
  expect(await duplicateIds(page)).toEqual([]);
  releaseData();
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

test('an article opened from a shared link is readable before the wasm arrives, and previews name it', async ({ page, request }) => {
  const { id, title } = demo.page(1).items[0];
  // What a link preview (VK, Telegram…) reads: the page's HTML, no script run.
  const html = await (await request.get(`${origin}/news/${id}`)).text();
  expect(html).toContain(`<title data-original="Новости">${title} — ${siteName}</title>`);
  expect(html).toContain(`<meta property="og:title" content="${title}" data-snapshot="">`);
  expect(html).toContain(`<link href="${origin}/news/${id}" rel="canonical" data-snapshot="">`);
  expect(html).toMatch(new RegExp(`<meta property="og:image" content="${origin}/api/media/[^"]+"`));
  // What a search engine reads: the article's structured data, naming the site too.
  const ld = /<script type="application\/ld\+json" data-snapshot="">([^<]*)<\/script>/.exec(html);
  expect(JSON.parse(ld?.[1] ?? 'null')).toMatchObject({ '@type': 'NewsArticle', headline: title, mainEntityOfPage: `${origin}/news/${id}` });

  const release = await holdWasm(page);
  await page.goto(`${origin}/news/${id}`);
  await expect(page.locator('html')).toHaveAttribute('data-snapshot', 'on');
  const snapshot = page.locator('#snapshot');
  await expect(snapshot.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(snapshot.locator('.article-body p').first()).toBeVisible();
  await expect(page.locator('#app')).toBeHidden();
  // Its share links name the site's own address, and the skip link stays on this page.
  await expect(snapshot.locator('a[href^="https://vk.com/"]')).toHaveAttribute('href', new RegExp(encodeURIComponent(`${origin}/news/${id}`)));
  await expect(snapshot.locator('.skip-link')).toHaveAttribute('href', `news/${id}#s-main`);
  expect(await duplicateIds(page)).toEqual([]);
  expect(await seriousAxeViolations(page)).toEqual([]);

  release();
  await expect(page.locator('#snapshot')).toHaveCount(0);
  await expect(page.locator('#app #main h1')).toHaveText(title);
  // The app's own tags replace the snapshot's: one of each, none left over.
  await expect(page.locator('head [data-snapshot]')).toHaveCount(0);
  await expect(page.locator('head meta[property="og:title"]')).toHaveCount(1);
  await expect(page.locator('head meta[property="og:title"]')).toHaveAttribute('content', title);
  await expect(page.locator('head script[type="application/ld+json"]')).toHaveCount(1);
  await expect(page.locator('title')).toHaveCount(1);
  await expect(page).toHaveTitle(`${title} — ${siteName}`);
  // The app is live: the gallery opens.
  await page.locator('#app .gallery__open').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
});

// Until the app takes over, the snapshot is a plain HTML page whose controls work as such:
// links (the pager, the calendar's months and days, the language switch, a gallery photo
// with a view that needs no script) and a GET search form; a control that needs the app
// is not shown. The wasm is held back throughout: everything is done before it arrives.
test.describe('before the app has started', () => {
  test('no control is inert: links and a GET form, the rest hidden, every link in the tab order', async ({ page }) => {
    await holdWasm(page);
    await page.goto(`${origin}/`);
    const snapshot = page.locator('#snapshot');
    await expect(snapshot.locator('.news-card__title a').first()).toBeVisible();
    const shown = await snapshot.locator('button').evaluateAll((buttons) => buttons
      .filter((b) => b.checkVisibility({ visibilityProperty: true }))
      .map((b) => b.getAttribute('type')));
    expect(shown).toEqual(['submit']);
    await expect(snapshot.locator('form.search')).toHaveAttribute('method', 'get');
    // The calendar's roving tab stop needs the app's keys: here every day link is a tab stop.
    await expect(snapshot.locator('.calendar__grid [tabindex]')).toHaveCount(0);
    await expect(snapshot.locator('.calendar__nav').first()).toHaveAttribute('href', 'news/archive/2024/10');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test('a reader pages the feed, and the app then shows that page', async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto(`${origin}/`);
    await page.locator('#snapshot .pager a[href="news?page=2"]').first().click();
    await expect(page).toHaveURL(`${origin}/news?page=2`);
    release();
    await expect(page.locator('#app .news-card__title a').first()).toHaveText(demo.page(2).items[0].title);
  });

  test('a reader switches months in the calendar', async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto(`${origin}/`);
    await page.locator('#snapshot').getByRole('link', { name: /Предыдущий месяц/ }).click();
    await expect(page).toHaveURL(`${origin}/news/archive/2024/10`);
    release();
    await expect(page.locator('#app .calendar__title')).toHaveText('Октябрь 2024');
    await expect(page.locator('#app #main h1')).toContainText('октябрь 2024');
  });

  test('a reader searches, and the app then shows what was found', async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto(`${origin}/`);
    const words = 'наблюдательной комиссии';
    await page.locator('#snapshot').getByRole('searchbox', { name: 'Поиск по новостям' }).fill(words);
    await page.locator('#snapshot').getByRole('searchbox', { name: 'Поиск по новостям' }).press('Enter');
    // A GET form sends the rubric choice too, empty: the app reads that as "all rubrics".
    await expect(page).toHaveURL(`${origin}/news?q=${encodeURIComponent(words).replace(/%20/g, '+')}&rubric=`);
    release();
    await expect(page.locator('#app .search__input')).toHaveValue(words);
    await expect(page.locator('#app .news-card__title a').first()).toContainText('наблюдательной комиссии');
  });

  test('a reader opens a photo without the app, and the app keeps it open', async ({ page }) => {
    const { id } = demo.page(1).items[0];
    const release = await holdWasm(page);
    await page.goto(`${origin}/news/${id}`);
    const snapshot = page.locator('#snapshot');
    const thumbnail = snapshot.locator('.gallery__open').first();
    await expect(thumbnail).toHaveAttribute('href', `news/${id}#s-photo-1`);
    const view = snapshot.locator('.snapshot-photo').first();
    await expect(view).toBeHidden();
    await thumbnail.click();
    await expect(view).toBeVisible();
    await expect(view.locator('img')).toBeVisible();
    expect(await view.locator('img').evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
    // Its close link returns to the gallery; the browser's back button opens it again.
    await view.getByRole('link', { name: 'Закрыть просмотр' }).click();
    await expect(view).toBeHidden();
    await page.goBack();
    await expect(view).toBeVisible();
    release();
    await expect(page.locator('#snapshot')).toHaveCount(0);
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByRole('dialog')).toContainText('1 из');
  });

  test('the language switch is a link that works before the app', async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto(`${origin}/`);
    await page.locator('#snapshot').getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(`${origin}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    release();
    await expect(page.locator('#app #main h1')).toHaveText('News');
  });
});

test.describe('an article withdrawn since its snapshot', () => {
  test.use({ allowConsoleErrors: [/status of 404/] });
  test('the app\'s answer replaces the old copy', async ({ page }) => {
    const { id, title } = demo.page(1).items[0];
    await page.route(`**/api/news/${id}.json`, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    const release = await holdWasm(page);
    await page.goto(`${origin}/news/${id}`);
    await expect(page.locator('#snapshot h1')).toHaveText(title);
    release();
    await expect(page.locator('#snapshot')).toHaveCount(0);
    await expect(page.locator('#app #main h1')).toHaveText('Новость не найдена');
    await expect(page.getByText(title)).toHaveCount(0);
  });
});

for (const [name, path, setup] of [
  ['an article without a snapshot of its own (the home page\'s index.html)', `/news/${seed.id}`, null],
  ['an article\'s snapshot under another address', `/news/${demo.page(1).items[1].id}/index.html`, null],
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

test('the writer keeps markup as it is: "$" in a news text is not a replacement pattern', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'a check of the writer alone, once is enough');
  const index = stripSnapshot(readFileSync(join(root, 'dist/index.html'), 'utf8'));
  const markup = "<p>1$`2$'3$&4$$5</p>";
  const page = withSnapshot(index, markup, { title: 'Цена $& и $$', head: '<meta property="og:title" content="$\'" data-snapshot="">' });
  expect(page).toContain(`<div id="snapshot" class="snapshot">${markup}</div>`);
  expect(page).toContain('<title data-original="Новости">Цена $&amp; и $$</title>');
  expect(page).toContain('<meta property="og:title" content="$\'" data-snapshot="">');
  expect(page.match(/prefs\.js/g)).toHaveLength(1);
  expect(stripSnapshot(page)).toEqual(index);
});

test('the writer\'s markers cannot be forged by the backend\'s text', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'a check of the writer alone, once is enough');
  const index = stripSnapshot(readFileSync(join(root, 'dist/index.html'), 'utf8'));
  // Markers and a snapshot meta inside attribute values, unescaped (as a browser whose
  // serializer leaves "<" in attributes would write them): in the head tags, which come
  // before the snapshot, and in the markup.
  const forged = '<!--vestnik-snapshot--><!--/vestnik-snapshot--><!--vestnik-snapshot-head--><meta name="vestnik-snapshot" data-nonce="00000000000000000000000000000000">';
  const head = `<meta property="og:title" content="${forged}" data-snapshot="">`;
  const markup = `<p title="${forged}">текст</p>`;
  const page = withSnapshot(index, markup, { head, title: forged });
  expect(page).toContain(markup);
  expect(stripSnapshot(page)).toEqual(index);
  // Written again over itself, as every run does: still one snapshot.
  const again = withSnapshot(page, markup, { head });
  expect(again.split(markup)).toHaveLength(2);
  expect(stripSnapshot(again)).toEqual(index);
});

test('under a sub-path, an article snapshot names /press/ and hands over', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the sub-path build once is enough');
  test.setTimeout(90_000);
  const press = mkdtempSync(join(tmpdir(), 'vestnik-snapshot-press-'));
  const pressServer = staticServer(() => press, '/press/');
  try {
    cpSync(join(root, 'dist-press'), press, { recursive: true });
    const site = `${await listen(pressServer)}/press/`;
    execFileSync('node', [join(root, 'scripts/snapshot.mjs'), press, '--site', site, '--articles', '1'], { stdio: 'pipe' });
    const { id, title } = demo.page(1).items[0];
    const release = await holdWasm(page);
    await page.goto(`${site}news/${id}`);
    await expect(page.locator('html')).toHaveAttribute('data-snapshot', 'on');
    const snapshot = page.locator('#snapshot');
    await expect(snapshot.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(snapshot.locator('.skip-link')).toHaveAttribute('href', `news/${id}#s-main`);
    await expect(snapshot.locator('a[href^="https://vk.com/"]')).toHaveAttribute('href', new RegExp(encodeURIComponent(`${site}news/${id}`)));
    release();
    await expect(page.locator('#snapshot')).toHaveCount(0);
    await expect(page.locator('#app #main h1')).toHaveText(title);
  } finally {
    pressServer.close();
    rmSync(press, { recursive: true, force: true });
  }
});

test('article snapshots follow the first page: a broken or departed article loses its snapshot', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'a command-line check, once is enough');
  test.setTimeout(90_000);
  const site = mkdtempSync(join(tmpdir(), 'vestnik-snapshot-articles-'));
  try {
    cpSync(dir, site, { recursive: true });
    const [first, second] = demo.page(1).items.map((item) => item.id);
    const written = (id) => existsSync(join(site, 'news', id, 'index.html'));
    expect(written(first) && written(second)).toBe(true);
    // An article that has left the first page, and a folder the command never wrote.
    cpSync(join(site, 'news', first), join(site, 'news', 'departed'), { recursive: true });
    mkdirSync(join(site, 'news', 'kept'));
    writeFileSync(join(site, 'news', 'kept', 'index.html'), '<p>not a snapshot</p>');
    // The backend now fails for one article on the first page, and another's title tries
    // to close the structured data's script element.
    writeFileSync(join(site, 'api', 'news', `${second}.json`), '{"id": ');
    const hostile = JSON.parse(readFileSync(join(site, 'api', 'news', `${first}.json`), 'utf8'));
    hostile.title = '</script><script>window.pwned = 1</script> <!-- &amp;';
    writeFileSync(join(site, 'api', 'news', `${first}.json`), JSON.stringify(hostile));
    // Temporary files of a run killed an hour ago, and of one writing now.
    const killed = [join(site, 'index.html.br.4242.tmp'), join(site, 'news', first, 'index.html.4242.tmp')];
    const live = join(site, `index.html.${process.pid}.tmp`);
    for (const file of [...killed, live]) writeFileSync(file, '<p>half a page');
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const file of killed) utimesSync(file, hourAgo, hourAgo);
    // Two articles at most: the other eight written before are removed as well.
    const out = execFileSync('node', [join(root, 'scripts/snapshot.mjs'), site, '--site', 'https://press.example.ru/', '--articles', '2'], { stdio: 'pipe' });
    expect(String(out)).toContain('1 of 2 article pages written, 10 old ones removed');
    expect(written(first)).toBe(true);
    expect(written(demo.page(1).items[2].id)).toBe(false);
    const firstPage = readFileSync(join(site, 'news', first, 'index.html'), 'utf8');
    expect(firstPage).toContain(`https://press.example.ru/news/${first}`);
    expect(firstPage).toContain(encodeURIComponent(`https://press.example.ru/news/${first}`));
    expect(firstPage).not.toContain('127.0.0.1');
    expect(firstPage).not.toContain('<script>window.pwned');
    const ld = /<script type="application\/ld\+json" data-snapshot="">([^<]*)<\/script>/.exec(firstPage);
    expect(JSON.parse(ld?.[1] ?? 'null')?.headline).toBe(hostile.title);
    expect(written(second)).toBe(false);
    expect(existsSync(join(site, 'news', second, 'index.html.br'))).toBe(false);
    expect(existsSync(join(site, 'news', 'departed'))).toBe(false);
    expect(written('kept')).toBe(true);
    expect(killed.filter(existsSync)).toEqual([]);
    expect(existsSync(live)).toBe(true);
    rmSync(live);
    // --pages 2: the second page's articles too (the first of them is enough here).
    execFileSync('node', [join(root, 'scripts/snapshot.mjs'), site, '--site', 'https://press.example.ru/', '--pages', '2', '--articles', String(demo.page(1).items.length + 1)], { stdio: 'pipe' });
    expect(written(demo.page(2).items[0].id)).toBe(true);
    expect(written(demo.page(2).items[1].id)).toBe(false);
    // --remove takes every snapshot away, and news/ with them once nothing else is there.
    rmSync(join(site, 'news', 'kept'), { recursive: true });
    execFileSync('node', [join(root, 'scripts/snapshot.mjs'), site, '--remove'], { stdio: 'pipe' });
    expect(existsSync(join(site, 'news'))).toBe(false);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toEqual(stripSnapshot(readFileSync(join(root, 'dist/index.html'), 'utf8')));
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});

test('the command refuses to write a snapshot of a page that shows an error', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'a command-line check, once is enough');
  const broken = mkdtempSync(join(tmpdir(), 'vestnik-snapshot-broken-'));
  try {
    cpSync(join(root, 'dist'), broken, { recursive: true });
    writeFileSync(join(broken, 'api/news/page/1.json'), '{"page": 1, "items": [');
    const before = readFileSync(join(broken, 'index.html'), 'utf8');
    // Article pages from earlier runs: this build's and fresh (kept), another build's, and
    // past its maximum age (both removed even though the home page fails).
    const article = readFileSync(join(dir, 'news', demo.page(1).items[0].id, 'index.html'), 'utf8');
    const pages = {
      fresh: article,
      'other-build': article.replace(/(name="?vestnik-build"? content="?)[^"> ]+/, '$1000000000000'),
      old: article.replace(/(<meta name="vestnik-snapshot" content=")\d+/, `$1${Date.now() - 25 * 3600_000}`),
    };
    for (const [name, html] of Object.entries(pages)) {
      expect(name === 'fresh' || html !== article).toBe(true);
      mkdirSync(join(broken, 'news', name), { recursive: true });
      writeFileSync(join(broken, 'news', name, 'index.html'), html);
    }
    const run = (...args) => {
      try {
        execFileSync('node', [join(root, 'scripts/snapshot.mjs'), broken, ...args], { stdio: 'pipe' });
        return { status: 0, stderr: '' };
      } catch (error) {
        return { status: error.status, stderr: String(error.stderr) };
      }
    };
    // A wrong option: exit 2, and nothing done (not even the clean-up below).
    expect(run('--article', '3').status).toBe(2);
    expect(existsSync(join(broken, 'news', 'old', 'index.html'))).toBe(true);
    const { status, stderr } = run();
    expect(status).toBe(1);
    expect(stderr).toContain('not written');
    expect(readFileSync(join(broken, 'index.html'), 'utf8')).toEqual(before);
    expect(readdirSync(broken).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(broken, 'news', 'fresh', 'index.html'))).toBe(true);
    expect(existsSync(join(broken, 'news', 'other-build'))).toBe(false);
    expect(existsSync(join(broken, 'news', 'old'))).toBe(false);
  } finally {
    rmSync(broken, { recursive: true, force: true });
  }
});

/** Runs scripts/snapshot.mjs without blocking this process (whose servers must answer it). */
const publish = (...args) => new Promise((resolve) => {
  execFile('node', [join(root, 'scripts/snapshot.mjs'), ...args], (error, stdout, stderr) => resolve({ status: error ? error.code : 0, stdout, stderr }));
});

test('publishing never fetches the photos a backend names: a canary on the local network hears nothing', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'a command-line check, once is enough');
  test.setTimeout(90_000);
  // Two canaries: a server of its own, and a path on the site's own server (which no
  // browser rule keeps a page from asking).
  const heard = [];
  const canary = createServer((req, res) => { heard.push(req.url); res.writeHead(204).end(); });
  const canaryOrigin = await listen(canary);
  const first = demo.page(1).items[0];
  const serve = staticHandler(() => join(root, 'dist'));
  let hostileOrigin;
  const photo = (name, i = 0) => ({ src: `${i % 2 ? canaryOrigin : `${hostileOrigin}/canary`}/${name}.jpg`, width: 640, height: 480, alt: 'Фото' });
  // The backend: the site's logo, every preview and the first article point their photos
  // at the canaries, the article's text too.
  const hostile = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const json = (body) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (path.startsWith('/canary/')) {
      heard.push(path);
      return res.writeHead(204).end();
    }
    if (path === '/api/site.json') return json({ ...demo.site, logo: photo('logo') });
    if (path === '/api/news/page/1.json') {
      const page = demo.page(1);
      return json({ ...page, items: page.items.map((item, i) => ({ ...item, thumbnail: photo(`preview-${i}`, i) })) });
    }
    if (path === `/api/news/${first.id}.json`) {
      const article = demo.article(first.id);
      return json({ ...article, body_html: `<p><img src="${photo('body').src}" alt="x">текст</p>`, gallery: [photo('gallery'), photo('gallery', 1)] });
    }
    return serve(req, res);
  });
  hostileOrigin = await listen(hostile);
  const site = mkdtempSync(join(tmpdir(), 'vestnik-snapshot-canary-'));
  try {
    cpSync(join(root, 'dist'), site, { recursive: true });
    const { status, stderr } = await publish(site, '--from', `${hostileOrigin}/`, '--articles', '1');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    // The snapshots were written, naming the photos for readers' browsers…
    const home = readFileSync(join(site, 'index.html'), 'utf8');
    expect(home).toContain(`${hostileOrigin}/canary/logo.jpg`);
    expect(home).toContain(`${canaryOrigin}/preview-1.jpg`);
    expect(readFileSync(join(site, 'news', first.id, 'index.html'), 'utf8')).toContain('/canary/gallery.jpg');
    // …and the publishing machine fetched none of them.
    expect(heard).toEqual([]);
  } finally {
    canary.close();
    hostile.close();
    rmSync(site, { recursive: true, force: true });
  }
});

test('a backend that never answers: the run ends by its deadline and the previous snapshot stays', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'a command-line check, once is enough');
  const serve = staticHandler(() => join(root, 'dist'));
  const hung = createServer((req, res) => (req.url.includes('/api/') ? undefined : serve(req, res)));
  const hungOrigin = await listen(hung);
  const site = mkdtempSync(join(tmpdir(), 'vestnik-snapshot-hung-'));
  try {
    cpSync(dir, site, { recursive: true }); // published: a snapshot in index.html and news/
    const before = readFileSync(join(site, 'index.html'), 'utf8');
    const article = join(site, 'news', demo.page(1).items[0].id, 'index.html');
    const articleBefore = readFileSync(article, 'utf8');
    const { status, stderr } = await publish(site, '--from', `${hungOrigin}/`, '--render-timeout', '3', '--run-timeout', '20');
    expect(status).toBe(1);
    expect(stderr).toContain('not written');
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toEqual(before);
    expect(readFileSync(article, 'utf8')).toEqual(articleBefore);
  } finally {
    hung.closeAllConnections();
    hung.close();
    rmSync(site, { recursive: true, force: true });
  }
});
