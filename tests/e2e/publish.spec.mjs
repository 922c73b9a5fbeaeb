// The published site (scripts/publish.mjs → every page's first screen as plain HTML,
// sitemap.xml, robots.txt, feed.xml, feed.json; scripts/serve.mjs finds a feed page's file
// by its query): a reader without the app reads any page, what a snapshot shows is what the
// app then shows, a messenger's bot previews an old article, search engines and feed
// readers find what they read, and a second run publishes only what changed.
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, demo, listen, holdWasm, settled } from './fixtures.mjs';
import { staticHandler } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Newest first: the oldest article is the one furthest back in the archive.
const oldest = demo.index.filter((item) => demo.article(item.id).gallery.length > 0).at(-1);
const rubric = demo.article(demo.index[0].id).rubrics[0].id;
const [year, month, day] = oldest.published.slice(0, 10).split('-');

// One published copy, made once by the real command (about 20 s: it renders some 370
// pages); the tests read it in order, and the last ones publish changes into it.
test.describe.configure({ mode: 'serial' });

let dir;
let server;
let origin;
let firstRun;
test.beforeAll(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one published copy is enough; the mobile layout of snapshots is in snapshot.spec.mjs');
  test.setTimeout(180_000);
  dir = mkdtempSync(join(tmpdir(), 'vestnik-publish-'));
  cpSync(join(root, 'dist'), dir, { recursive: true });
  server = createServer(staticHandler(() => dir));
  origin = await listen(server);
  firstRun = await publish(dir, '--site', `${origin}/`);
});
test.afterAll(() => {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs scripts/publish.mjs without blocking this process (whose server must answer it). */
const publish = (...args) => new Promise((resolve) => {
  execFile('node', [join(root, 'scripts/publish.mjs'), ...args], { maxBuffer: 1 << 24 }, (error, stdout, stderr) => resolve({ status: error ? error.code : 0, stdout, stderr }));
});

const read = (name) => readFileSync(join(dir, name), 'utf8');

/** What a reader sees of a page, the same way for the snapshot (`#snapshot`) and the app (`#app`). */
const seen = (page, rootSelector) => page.locator(rootSelector).evaluate((scope) => {
  const text = (el) => el?.textContent.replace(/\s+/g, ' ').trim() ?? null;
  const links = (selector) => [...scope.querySelectorAll(selector)].map((a) => `${text(a)} → ${a.getAttribute('href')}`);
  return {
    title: document.title,
    heading: text(scope.querySelector('h1')),
    crumbs: text(scope.querySelector('.breadcrumbs')),
    news: links('.news-card__title a'),
    count: text(scope.querySelector('.feed__count')),
    pages: links('.pager a'),
    months: links('.archive__month a'),
    body: text(scope.querySelector('.article-body')),
    // (a snapshot adds each photo's no-script view, .snapshot-photo, beside its thumbnail)
    photos: [...scope.querySelectorAll('.gallery img:not(.snapshot-photo__image)')].map((img) => img.getAttribute('src')),
    calendar: text(scope.querySelector('.calendar__title')),
    days: links('a.calendar__day'),
  };
});

test('every page of the site is published: the feed\'s pages, rubrics, the archive and every article', async () => {
  expect(firstRun.status, firstRun.stderr).toBe(0);
  expect(firstRun.stdout).not.toContain('not written');
  for (const file of [
    'index.html', 'news/index.html', '_query/news/page=3.html', `_query/news/page=${demo.page(1).pages}.html`,
    `_query/news/rubric=${rubric}.html`, 'news/archive/index.html', `news/archive/${year}/index.html`,
    `news/archive/${year}/${month}/index.html`, `news/archive/${year}/${month}/${day}/index.html`,
    ...demo.index.map((item) => `news/${item.id}/index.html`),
  ]) {
    expect(existsSync(join(dir, file)), file).toBe(true);
    expect(existsSync(join(dir, `${file}.br`)), `${file}.br`).toBe(true);
  }
  // Each with its own title, and the snapshot shown only on its own address.
  const title = (file) => /<title[^>]*>([^<]*)<\/title>/.exec(read(file))?.[1];
  const where = (file) => /<meta name="vestnik-snapshot"[^>]*?( data-path="[^"]*")?( data-query="[^"]*")?(?= data-)/.exec(read(file))?.slice(1).join('');
  expect(title('_query/news/page=3.html')).toBe(`Новости, страница 3 — ${demo.site.name}`);
  expect(title(`_query/news/rubric=${rubric}.html`)).toMatch(new RegExp(`^Новости: ${demo.site.rubrics.find((r) => r.id === rubric).title} — `));
  expect(title(`news/${oldest.id}/index.html`)).toBe(`${oldest.title} — ${demo.site.name}`);
  expect(where('_query/news/page=3.html')).toBe(' data-path="news" data-query="page=3"');
  expect(where(`news/archive/${year}/${month}/index.html`)).toBe(` data-path="news/archive/${year}/${month}" data-query=""`);
  expect(where(`news/${oldest.id}/index.html`)).toBe(` data-path="news/${oldest.id}"`);
  // A page of the feed's own query, and only that query, gets its file.
  const served = async (address) => (await (await fetch(`${origin}/${address}`)).text()).match(/data-path="[^"]*"(?: data-query="[^"]*")?/)?.[0];
  expect(await served('news?page=3')).toBe('data-path="news" data-query="page=3"');
  expect(await served(`news?rubric=${rubric}`)).toBe(`data-path="news" data-query="rubric=${rubric}"`);
  expect(await served('news?page=3&q=ИК')).toBe('data-path="news" data-query=""');
});

test('a reader reads any page before the app arrives, pages on, and the app takes over', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto(`${origin}/news?page=3`);
  await expect(page.locator('html')).toHaveAttribute('data-snapshot', 'on');
  const snapshot = page.locator('#snapshot');
  await expect(snapshot.locator('.news-card__title a')).toHaveText(demo.page(3).items.map((item) => item.title));
  // The pager is plain links: the next page is another published file.
  await snapshot.locator('.pager').getByRole('link', { name: 'Страница 4', exact: true }).click();
  await expect(page).toHaveURL(/\/news\?page=4$/);
  await expect(snapshot.locator('.news-card__title a')).toHaveText(demo.page(4).items.map((item) => item.title));
  // An old article, as a reader from a search engine gets it.
  await page.goto(`${origin}/news/${oldest.id}`);
  await expect(page.locator('html')).toHaveAttribute('data-snapshot', 'on');
  await expect(snapshot.getByRole('heading', { level: 1 })).toHaveText(oldest.title);
  // A query the page was not published for: no snapshot, the app draws the page itself.
  await page.goto(`${origin}/news?page=3&utm_source=vk`);
  await expect(page.locator('html')).not.toHaveAttribute('data-snapshot', /.*/);
  release();
  await settled(page);
  await expect(page.locator('#app .news-card__title a')).toHaveText(demo.page(3).items.map((item) => item.title));
});

test('what a published page shows is what the app shows there', async ({ page }) => {
  test.setTimeout(120_000);
  const sample = ['', 'news?page=3', `news?rubric=${rubric}`, 'news/archive', `news/archive/${year}`,
    `news/archive/${year}/${month}`, `news/archive/${year}/${month}/${day}`, `news/${oldest.id}`, `news/${demo.seed().id}`];
  for (const address of sample) {
    const release = await holdWasm(page);
    await page.goto(`${origin}/${address}`);
    await expect(page.locator('html'), address).toHaveAttribute('data-snapshot', 'on');
    const before = await seen(page, '#snapshot');
    expect(before.heading, address).toBeTruthy();
    release();
    await expect(page.locator('html'), address).not.toHaveAttribute('data-snapshot', /.*/);
    await settled(page);
    expect(await seen(page, '#app'), address).toEqual(before);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  }
});

test('a messenger\'s bot previews an article far back in the archive without running anything', async ({ request }) => {
  const article = demo.article(oldest.id);
  const photo = article.gallery[0];
  const html = await (await request.get(`${origin}/news/${oldest.id}`, { headers: { 'User-Agent': 'TelegramBot (like TwitterBot)' } })).text();
  const meta = (key) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
  expect(html).toContain(`<title data-original="Новости">${article.title} — `);
  expect(meta('og:title')).toBe(article.title);
  expect(meta('og:type')).toBe('article');
  expect(meta('og:url')).toBe(`${origin}/news/${oldest.id}`);
  expect(/<link (?=[^>]*rel="canonical")[^>]*href="([^"]*)"/.exec(html)?.[1]).toBe(`${origin}/news/${oldest.id}`);
  expect(meta('og:description')).toBe(article.summary);
  expect(meta('og:image')).toBe(new URL(photo.src, `${origin}/api/`).href);
  expect(meta('og:image:width')).toBe(String(photo.width));
  expect(meta('og:image:height')).toBe(String(photo.height));
  expect(meta('og:image:alt')).toBe(photo.alt);
  expect(meta('twitter:card')).toBe('summary_large_image');
  const image = await request.get(meta('og:image'));
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toMatch(/^image\//);
});

test('sitemap.xml lists every published page with its news\' update time; robots.txt names it', async ({ page }) => {
  const robots = read('robots.txt');
  expect(robots).toContain(`Sitemap: ${origin}/sitemap.xml`);
  expect(robots).toContain('Disallow: /_query/');
  const sitemap = read('sitemap.xml');
  const parsed = await page.evaluate((text) => {
    const xml = new DOMParser().parseFromString(text, 'application/xml');
    return {
      error: xml.querySelector('parsererror')?.textContent ?? null,
      namespace: xml.documentElement.namespaceURI,
      urls: [...xml.getElementsByTagName('url')].map((u) => [u.getElementsByTagName('loc')[0]?.textContent, u.getElementsByTagName('lastmod')[0]?.textContent ?? null]),
    };
  }, sitemap);
  expect(parsed.error).toBeNull();
  expect(parsed.namespace).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
  const urls = new Map(parsed.urls);
  expect(urls.size).toBe(parsed.urls.length);
  expect(firstRun.stdout).toContain(`publish: ${urls.size} pages written`);
  for (const item of demo.index) {
    const article = demo.article(item.id);
    expect(urls.get(`${origin}/news/${item.id}`), item.id).toBe(article.updated ?? article.published);
  }
  for (const address of ['', 'news?page=3', `news?rubric=${rubric}`, `news/archive/${year}/${month}/${day}`]) {
    expect(urls.has(`${origin}/${address}`), address).toBe(true);
  }
  // Linked from every page, for browsers and feed readers that look there.
  for (const file of ['index.html', `news/${oldest.id}/index.html`, '_query/news/page=3.html']) {
    const feeds = await page.evaluate((text) => [...new DOMParser().parseFromString(text, 'text/html').querySelectorAll('head link[rel=alternate]')]
      .map((link) => `${link.type} ${link.getAttribute('href')}`), read(file));
    expect(feeds, file).toEqual(['application/rss+xml feed.xml', 'application/feed+json feed.json']);
  }
});

test('feed.xml (RSS 2.0) and feed.json (JSON Feed 1.1) carry the latest news', async ({ page }) => {
  const latest = demo.index.slice(0, 20);
  const rss = await page.evaluate((text) => {
    const xml = new DOMParser().parseFromString(text, 'application/xml');
    const one = (el, name) => el.getElementsByTagName(name)[0]?.textContent ?? null;
    const channel = xml.getElementsByTagName('channel')[0];
    return {
      error: xml.querySelector('parsererror')?.textContent ?? null,
      version: xml.documentElement.getAttribute('version'),
      title: one(channel, 'title'),
      link: one(channel, 'link'),
      description: one(channel, 'description'),
      self: xml.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'link')[0]?.getAttribute('href'),
      items: [...channel.getElementsByTagName('item')].map((item) => ({
        title: one(item, 'title'), link: one(item, 'link'), guid: one(item, 'guid'), date: one(item, 'pubDate'), description: one(item, 'description'),
      })),
    };
  }, read('feed.xml'));
  expect(rss.error).toBeNull();
  expect(rss).toMatchObject({ version: '2.0', title: demo.site.name, link: `${origin}/`, self: `${origin}/feed.xml` });
  expect(rss.description).toBeTruthy();
  expect(rss.items.map((item) => item.title)).toEqual(latest.map((item) => item.title));
  for (const [i, item] of rss.items.entries()) {
    expect(item.link).toBe(`${origin}/news/${latest[i].id}`);
    expect(item.guid).toBe(item.link);
    // RFC 822, as RSS 2.0 asks: "Tue, 26 Nov 2024 09:20:00 +0000".
    expect(item.date).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(new Date(item.date).getTime()).toBe(new Date(latest[i].published).getTime());
    expect(item.description).toBe(latest[i].summary);
  }

  const feed = JSON.parse(read('feed.json'));
  expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', title: demo.site.name, home_page_url: `${origin}/`, feed_url: `${origin}/feed.json` });
  expect(feed.items.map((item) => item.title)).toEqual(latest.map((item) => item.title));
  for (const [i, item] of feed.items.entries()) {
    const article = demo.article(latest[i].id);
    expect(item.id).toBe(`${origin}/news/${article.id}`);
    expect(item.date_published).toBe(article.published);
    expect(item.date_modified).toBe(article.updated ?? article.published);
    expect(item.content_html).toContain(article.body_html.match(/<p>([^<]{20,60})/)?.[1] ?? '');
    if (article.gallery.length) expect(item.image).toBe(new URL(article.gallery[0].src, `${origin}/api/`).href);
  }
});

test('the JSON Feed reads back through Vestnik\'s own jsonfeed backend', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.route('**/config.json', (route) => route.fulfill({ json: { backend: 'jsonfeed', feed_url: `${origin}/feed.json`, site: { utc_offset: '+07:00' } } }));
  // A query keeps the home page's snapshot (the demo backend's) out of the way.
  await page.goto(`${origin}/?from=feed`);
  await settled(page);
  const first = demo.article(demo.index[0].id);
  await expect(page.locator('.news-card__title a').first()).toHaveText(first.title);
  await page.locator('.news-card__title a').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title);
  await expect(page.locator('.article-body p').first()).toHaveText(first.body_html.match(/<p>([^<]+)<\/p>/)?.[1] ?? '');
  expect(requests).toContain('/feed.json');
  expect(requests.filter((p) => p.startsWith('/api/news/page/'))).toEqual([]);
});

test('a second run publishes an edit and a withdrawal, and leaves the rest as it was', async () => {
  test.setTimeout(120_000);
  const [edited, withdrawn] = [demo.index[30], demo.index[40]];
  // The edit, as the backend then serves it: the article and every reference to it (the
  // neighbours' and related news' entries in other articles) carry the new title.
  const retitle = (value) => {
    if (Array.isArray(value)) value.forEach(retitle);
    else if (value && typeof value === 'object') {
      if (value.id === edited.id && typeof value.title === 'string') value.title = 'Исправленный заголовок';
      Object.values(value).forEach(retitle);
    }
  };
  for (const item of demo.index) {
    const file = join(dir, 'api/news', `${item.id}.json`);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    retitle(data);
    writeFileSync(file, JSON.stringify(data));
  }
  rmSync(join(dir, 'api/news', `${withdrawn.id}.json`));
  const articleFile = (item) => join(dir, `news/${item.id}/index.html`);
  const before = new Map(demo.index.map((item) => [item.id, statSync(articleFile(item)).mtimeMs]));
  // The articles that list either one (neighbours, related news) show its title.
  const lists = (item, id) => new RegExp(`<a\\b[^>]*\\shref="news/${id}"`).test(readFileSync(articleFile(item), 'utf8'));
  const listers = demo.index.filter((item) => ![edited.id, withdrawn.id].includes(item.id) && (lists(item, edited.id) || lists(item, withdrawn.id)));
  expect(listers.filter((item) => lists(item, edited.id)).length).toBeGreaterThan(0);

  const run = await publish(dir, '--site', `${origin}/`, '--changed', `news/${edited.id}`, '--changed', `news/${withdrawn.id}`);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/the site is updated \(0 new, 2 changed\)/);
  expect(run.stdout).toContain(`news/${withdrawn.id} not written`);
  expect(read(`news/${edited.id}/index.html`)).toContain('Исправленный заголовок</h1>');
  expect(existsSync(join(dir, `news/${withdrawn.id}/index.html`))).toBe(false);
  expect(read('sitemap.xml')).not.toContain(`/news/${withdrawn.id}<`);
  // Only what the change touched: of the articles, the edited one and those listing either.
  const rewritten = demo.index.filter((item) => item.id !== withdrawn.id && statSync(articleFile(item)).mtimeMs !== before.get(item.id));
  expect(rewritten.map((item) => item.id).sort()).toEqual([edited, ...listers].map((item) => item.id).sort());
  for (const item of listers.filter((i) => lists(i, edited.id))) {
    expect(read(`news/${item.id}/index.html`), item.id).toContain('Исправленный заголовок');
  }
});

test('under a sub-path every page names /press/, a page an earlier build left is no obstacle, and the app takes over', async ({ page }) => {
  test.setTimeout(120_000);
  const press = mkdtempSync(join(tmpdir(), 'vestnik-publish-press-'));
  const pressServer = createServer(staticHandler(() => press, '/press/'));
  try {
    cpSync(join(root, 'dist-press'), press, { recursive: true });
    // Where the renderer starts, a page published for an earlier build: it names that
    // build's files, long gone. The renderer runs this build's page instead.
    mkdirSync(join(press, 'news/archive'), { recursive: true });
    writeFileSync(join(press, 'news/archive/index.html'), '<!doctype html><script type="module" src="/press/vestnik-0000000000000000.js"></script>');
    const site = `${await listen(pressServer)}/press/`;
    const run = await publish(press, '--site', site);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('not written');
    expect(readFileSync(join(press, 'robots.txt'), 'utf8')).toContain('Disallow: /press/_query/');
    const sitemap = readFileSync(join(press, 'sitemap.xml'), 'utf8');
    for (const address of ['news?page=3', `news/archive/${year}/${month}/${day}`, `news/${oldest.id}`]) {
      expect(sitemap).toContain(`<loc>${site}${address}</loc>`);
    }
    const [item] = demo.page(3).items;
    expect(readFileSync(join(press, `news/${item.id}/index.html`), 'utf8')).toContain(`<link href="${site}news/${item.id}" rel="canonical"`);

    const release = await holdWasm(page);
    await page.goto(`${site}news?page=3`);
    await expect(page.locator('html')).toHaveAttribute('data-snapshot', 'on');
    const snapshot = page.locator('#snapshot');
    await expect(snapshot.locator('.news-card__title a')).toHaveText(demo.page(3).items.map((i) => i.title));
    // A plain link to the article's own published file, under /press/.
    await snapshot.locator('.news-card__title a').first().click();
    await expect(page).toHaveURL(`${site}news/${item.id}`);
    await expect(page.locator('html')).toHaveAttribute('data-snapshot', 'on');
    await expect(snapshot.getByRole('heading', { level: 1 })).toHaveText(item.title);
    release();
    await expect(page.locator('#snapshot')).toHaveCount(0);
    await settled(page);
    await expect(page.locator('#app #main h1')).toHaveText(item.title);
  } finally {
    pressServer.close();
    rmSync(press, { recursive: true, force: true });
  }
});
