#!/usr/bin/env node
// Publishes the whole site as static pages: the first screen of every page a reader or a
// search engine arrives on — the home page, every page of the news feed, every rubric's
// first page, the archive and every year, month and day in it, and every article — each
// with its own title, description, canonical address, Open Graph and JSON-LD, written as
// plain HTML where a static host finds it (below). Beside them: sitemap.xml, robots.txt,
// an RSS 2.0 feed (feed.xml) and a JSON Feed 1.1 (feed.json) of the latest news.
//
//   node scripts/publish.mjs <dir> [--site URL] [--from URL] [--changed ADDRESS]… [--full]
//                                  [--max-age HOURS] [--render-timeout SECONDS] [--jobs N]
//
// How: Vestnik itself renders every page, in one headless Chromium that loads the app once
// and then goes from page to page inside it, as a reader clicking links would (the app's own
// router, data layer and components: what a snapshot shows is what the app shows). The
// pages to publish are found the same way: starting from the home page, every link the app
// renders to a page of the kinds above is followed. scripts/snapshot.mjs has what makes a
// page's file (the snapshot markup, the marks that let the app take over, the sandboxed
// browser) and what it says about the hand-over holds here. A page takes 30–40 ms once the
// app runs (pages of a kind go 16 to a call into the page, files are written on libuv's
// threads meanwhile); one tab is fastest on two cores (`--jobs N` renders in N tabs on
// bigger machines). docs/deploy.md has the measurements.
//
// Where the files go (`fileFor`): `news/<id>/index.html`, `news/archive/…/index.html`,
// `news/index.html`, `index.html`, and for a page of the feed chosen by its query,
// `_query/news/page=3.html` / `_query/news/rubric=<id>.html` — a static host serves those
// for `/news?page=3` by one rewrite rule (scripts/serve.mjs; nginx in docs/deploy.md).
//
// Incremental: vestnik-publish.json records what was written. A run on the same build
// renders the home page and the feed's pages from the first until one brings no news it
// has not seen; the new articles, the ones named by `--changed news/<id>` (an edit or a
// withdrawal, from a CMS hook), the pages they link to (new articles' neighbours, rubric,
// the archive's current month and days), the articles that list them (the record keeps
// what each article lists) and each one's own archive day and month come next; then the
// feed's further pages, whose news moved down, and every page written more than half its
// maximum age ago. A new build, another --site, `--full` or no record renders everything.
//
// Without --from, <dir> itself is served on a local port and rendered (the demo data in
// dist/api works from there). Wrong options exit 2 having done nothing; a home page that
// fails to render writes nothing and exits 1.

import { readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressedLater } from './precompress.mjs';
import { staticServer } from './serve.mjs';
import {
  SETTLED, articleFolder, buildOf, capture, headTags, launch, readdress, replaceFile,
  stripSnapshot, withSnapshot,
} from './snapshot.mjs';

/** The record of a publication, in the published folder. */
export const STATE = 'vestnik-publish.json';
/** A sitemap file holds at most this many addresses (sitemaps.org). */
export const SITEMAP_MAX = 50_000;
/** How many of the latest news the RSS feed and the JSON Feed carry. */
export const FEED_ITEMS = 20;

/**
 * The file (relative to the published folder) an app address is published to, or null
 * for an address that is not published. Addresses are relative to the site's base: '' for
 * the home page, `news?page=3`, `news/archive/2024/11`, `news/10564`.
 */
export function fileFor(address) {
  const [path, query = '', ...more] = address.split('?');
  if (more.length) return null;
  if (query) {
    const page = /^page=([1-9]\d{0,5})$/.exec(query);
    const rubric = /^rubric=([A-Za-z0-9_-]{1,80})$/.exec(query);
    return path === 'news' && (page || rubric) ? `_query/news/${query}.html` : null;
  }
  if (path === '') return 'index.html';
  if (path === 'news' || path === 'news/archive') return `${path}/index.html`;
  if (/^news\/archive\/\d{4}(?:\/\d{2}(?:\/\d{2})?)?$/.test(path)) return `${path}/index.html`;
  const folder = articleFolder(path);
  return folder ? `${folder}/index.html` : null;
}

/** What a published address is: an article, the archive's list of months, or a page of the feed. */
export const kindOf = (address) => (articleFolder(address) ? 'article' : address === 'news/archive' ? 'archive' : 'feed');

/** What each kind of page must show to be published (an empty feed page is not). */
const EXPECTED = { feed: '.news-list li', archive: '#main h1', article: '.article__title' };

/**
 * Runs in the page, once: `window.vestnikPublish(address, ms)` goes to an address inside the
 * running app (a click on a link, as a reader's), waits until the page has settled, and
 * returns its snapshot, the links on it, the article's body (for the feeds), or a problem.
 */
function inPage([captureSource, settled, expected]) {
  const capture = new Function(`return (${captureSource})`)();
  // The next change of the app's page (the settled mark is an attribute), or 100 ms.
  const app = document.getElementById('app');
  const change = () => new Promise((done) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      done();
    });
    observer.observe(app, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-settled'] });
    setTimeout(() => {
      observer.disconnect();
      done();
    }, 100);
  });
  const base = new URL(document.baseURI);
  window.vestnikPublish = async (address, kind, ms) => {
    const started = performance.now();
    const deadline = started + ms;
    performance.clearResourceTimings();
    const link = document.createElement('a');
    link.href = address || './';
    document.body.append(link);
    link.click();
    link.remove();
    // The app takes the settled mark off a navigation's page as the address changes (in
    // the same task), so once the address is the new one, the mark is the new page's.
    const here = () => location.pathname.slice(base.pathname.length).replace(/\/$/, '') + location.search;
    await new Promise((done) => setTimeout(done, 0));
    while (here() !== address || !document.querySelector(settled)) {
      if (performance.now() > deadline) {
        return { problem: here() === address ? 'the page did not settle in time' : `the app went to ${here() || './'} instead` };
      }
      await change();
    }
    const error = app.querySelector('.error-panel');
    if (error) return { problem: `the page shows an error: ${error.textContent.trim()}`, gone: true };
    if (!app.querySelector(expected[kind])) return { problem: 'the page shows nothing to publish', gone: true };
    const requests = performance.getEntriesByType('resource')
      .filter((e) => e.initiatorType === 'fetch' && e.startTime >= started).map((e) => e.name);
    const body = app.querySelector('.article-body')?.innerHTML ?? null;
    return { ...capture(), links: addresses(app, 'a[href]'), articles: addresses(app, '.news-list .news-card__title a'), requests, body };
  };
  // The site's own addresses the links under `root` name, relative to its base.
  const addresses = (root, selector) => [...root.querySelectorAll(selector)].map((a) => {
    const url = new URL(a.getAttribute('href'), base);
    return url.origin === base.origin && url.pathname.startsWith(base.pathname)
      ? url.pathname.slice(base.pathname.length).replace(/\/$/, '') + url.search
      : null;
  }).filter((href) => href !== null);
  // The requests of the app's start (its site, archive…): every page's first screen needs them.
  window.vestnikBoot = performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'fetch').map((e) => e.name);
}

/**
 * A browser tab running the app, rendering one address after another. Its document is
 * `shell`, the build's index.html without any snapshot in it (the app draws it all). The
 * browser loads no image (`launch`'s imagesEnabled=false): no photo address from the
 * backend is fetched from here, and the sanitizer lets no other media into an article
 * (docs/sanitizer.md). The app is not laid out or painted (its root is hidden: nothing here
 * reads a box, and a page goes a third faster).
 *
 * One thing the app keeps from page to page that a reader arriving on a page would not
 * have: the sidebar calendar stays on the archive month last shown. So `dated` says whether
 * an archive year, month or day has been rendered since the document loaded, and `restart()`
 * loads it afresh; publish() renders every other page before those (`isDated`).
 */
export async function openRenderer(browser, from, timeoutMs, shell) {
  // The document is this build's page (`shell`: index.html without a snapshot), whatever
  // the host has at that address: a page an earlier build published names that build's files.
  const first = new URL('news/archive', from).href;
  let context = null;
  let page = null;
  const tab = {
    boot: [],
    dated: false,
    async restart() {
      // A new browser context each time: in one context, its document reloaded every 400
      // pages, a run slowed from 33 to over 60 ms a page over 5 000 pages (what a context
      // keeps of every request piles up); with a new one it stays near 35 ms.
      await context?.close();
      context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
      page = await context.newPage();
      // What the app does when the browser is idle (the feed's next page fetched ahead,
      // code for pages not yet opened) waits for ever here: what a page lists for
      // preloading is what its own first screen asked for, not what the page before it
      // fetched ahead.
      await page.addInitScript(() => {
        window.requestIdleCallback = () => 0;
      });
      // Only while the document loads: a route makes every request of the page go through
      // this process, which would slow every page after it.
      await page.route(first, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: shell }));
      await page.goto(first, { waitUntil: 'load', timeout: timeoutMs });
      await page.unrouteAll();
      await page.locator(SETTLED).waitFor({ state: 'attached', timeout: timeoutMs });
      await page.evaluate(() => { document.getElementById('app').style.display = 'none'; });
      await page.evaluate(inPage, [capture.toString(), SETTLED, EXPECTED]);
      tab.boot = await page.evaluate(() => window.vestnikBoot);
      tab.dated = false;
      tab.rendered = 0;
    },
    /** Whether the document should start afresh before `address`. */
    stale: (address) => (tab.dated && !isDated(address)) || tab.rendered >= RESTART_AFTER,
    rendered: 0,
    /** Renders `addresses` one after another, in one call into the page (`BATCH`). */
    render(addresses) {
      tab.dated ||= addresses.some(isDated);
      tab.rendered += addresses.length;
      return page.evaluate(async ([list, ms]) => {
        const results = [];
        for (const [address, kind] of list) {
          try {
            results.push(await window.vestnikPublish(address, kind, ms));
          } catch (error) {
            results.push({ problem: String(error?.message ?? error) });
          }
        }
        return results;
      }, [addresses.map((address) => [address, kindOf(address)]), timeoutMs]);
    },
    close: () => context?.close(),
  };
  await tab.restart();
  return tab;
}

/**
 * A tab starts afresh (a new context and document) after this many pages: the app's memory
 * grows a little with every page it goes to, and a page takes longer as it grows (a run of
 * 12 000 pages in one document went from 45 to over 100 ms a page). A fresh start costs
 * about half a second.
 */
const RESTART_AFTER = 400;

/**
 * Pages of one kind are rendered this many to a call into the page: each call is a round
 * trip through the browser's process (the result is the page's markup), and one call for
 * 16 articles rendered them in 32 ms each against 38 ms one by one.
 */
const BATCH = 16;

/** An archive year, month or day: the sidebar calendar goes to it and stays (openRenderer). */
const isDated = (address) => /^news\/archive\/\d/.test(address);

/** How the log's last line names each group (`queueOf`). */
const SPENT_LABEL = { feed: 'feed', article: 'articles', dated: 'archive' };

/** The group an address is rendered in: 'feed' (and the archive's list), 'article' or 'dated'. */
const queueOf = (address) => (isDated(address) ? 'dated' : kindOf(address) === 'article' ? 'article' : 'feed');

/** An article's data for the feeds and the sitemap, from the JSON-LD the app put into <head>. */
function articleData(head) {
  const ld = head.map((tag) => /^<script[^>]*type="application\/ld\+json"[^>]*>([\s\S]*)<\/script>$/.exec(tag)?.[1]).find(Boolean);
  try {
    const data = JSON.parse(ld ?? 'null');
    if (!data || typeof data.headline !== 'string') return null;
    const image = head.map((tag) => /^<meta[^>]* property="og:image" content="([^"]*)"/.exec(tag)?.[1]).find(Boolean);
    return {
      title: data.headline,
      description: typeof data.description === 'string' ? data.description : '',
      published: String(data.datePublished ?? ''),
      modified: String(data.dateModified ?? data.datePublished ?? ''),
      image: image ? image.replace(/&amp;/g, '&') : null,
    };
  } catch {
    return null;
  }
}

/**
 * The backend requests a snapshot page lists for preloading once it has painted (those of
 * its own first screen and the app's start; not the wasm chunks, not config.json, which
 * index.html preloads), same-origin ones relative to the site's base.
 */
function preloads(requests, base) {
  return [...new Set(requests)]
    .map((u) => new URL(u))
    .filter((u) => !u.pathname.endsWith('.wasm') && u.href !== new URL('config.json', base).href)
    .map((u) => (u.origin === base.origin && u.pathname.startsWith(base.pathname) ? u.href.slice(base.origin.length + base.pathname.length) : u.href))
    .slice(0, 8);
}

const escapeXml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** sitemap.xml: one file up to SITEMAP_MAX addresses, else an index of sitemap-N.xml files. */
export function sitemaps(site, entries) {
  const urlset = (list) => `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${list
    .map(({ loc, lastmod }) => `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ''}</url>\n`)
    .join('')}</urlset>\n`;
  if (entries.length <= SITEMAP_MAX) return { 'sitemap.xml': urlset(entries) };
  const files = {};
  for (let i = 0; i * SITEMAP_MAX < entries.length; i += 1) files[`sitemap-${i + 1}.xml`] = urlset(entries.slice(i * SITEMAP_MAX, (i + 1) * SITEMAP_MAX));
  files['sitemap.xml'] = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${Object.keys(files)
    .map((name) => `<sitemap><loc>${escapeXml(new URL(name, site).href)}</loc></sitemap>\n`).join('')}</sitemapindex>\n`;
  return files;
}

/** robots.txt: everything may be read but the feed pages' internal files; names the sitemap. */
export function robots(site) {
  return `User-agent: *\nAllow: /\nDisallow: ${new URL(site).pathname}_query/\n\nSitemap: ${new URL('sitemap.xml', site).href}\n`;
}

/** RFC 822 date for RSS. */
const rfc822 = (iso) => new Date(iso).toUTCString().replace('GMT', '+0000');

/** feed.xml (RSS 2.0) and feed.json (JSON Feed 1.1) of `items`, the latest news first. */
export function feeds(site, { name, description }, items) {
  const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(name)}</title>
<link>${escapeXml(site)}</link>
<description>${escapeXml(description || name)}</description>
<language>ru</language>
<atom:link href="${escapeXml(new URL('feed.xml', site).href)}" rel="self" type="application/rss+xml"/>
${items.map((item) => `<item>
<title>${escapeXml(item.title)}</title>
<link>${escapeXml(item.url)}</link>
<guid isPermaLink="true">${escapeXml(item.url)}</guid>
<pubDate>${rfc822(item.published)}</pubDate>
<description>${escapeXml(item.description)}</description>
</item>
`).join('')}</channel>
</rss>
`;
  const json = {
    version: 'https://jsonfeed.org/version/1.1',
    title: name,
    home_page_url: site,
    feed_url: new URL('feed.json', site).href,
    language: 'ru',
    ...(description ? { description } : {}),
    items: items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      ...(item.body ? { content_html: item.body } : { content_text: item.description }),
      summary: item.description,
      ...(item.image ? { image: item.image } : {}),
      date_published: item.published,
      date_modified: item.modified,
    })),
  };
  return { 'feed.xml': rss, 'feed.json': `${JSON.stringify(json, null, 1)}\n` };
}

/**
 * Writes a file and its .br/.gz copies, each by rename (a reader never gets half a file),
 * the page first and then its copies (a copy older than its page is not served:
 * scripts/serve.mjs). All of it happens on libuv's threads while the next page renders
 * (`replaceFile`): done in this thread, it held up the app's next request, which this
 * process serves. Writes of one file follow each other in order; `settle()` waits for all
 * under way and reports the files that could not be written.
 */
function writer(log) {
  const last = new Map();
  const failures = [];
  return {
    write(path, text) {
      const data = Buffer.from(text);
      const job = (last.get(path) ?? Promise.resolve()).then(async () => {
        await mkdir(dirname(path), { recursive: true });
        await replaceFile(path, data);
        const { br, gz } = await compressedLater(data);
        await replaceFile(`${path}.br`, br);
        await replaceFile(`${path}.gz`, gz);
      }).catch((error) => {
        failures.push(path);
        log(`publish: ${path} not written: ${error.message}`);
      });
      last.set(path, job);
      job.finally(() => {
        if (last.get(path) === job) last.delete(path);
      });
    },
    /** Waits for every write under way; the number of files that failed so far. */
    settle: async () => {
      await Promise.all([...last.values()]);
      return failures.length;
    },
  };
}

function removeFile(root, file) {
  for (const name of [file, `${file}.br`, `${file}.gz`]) rmSync(join(root, name), { force: true });
}

function readState(root) {
  try {
    const state = JSON.parse(readFileSync(join(root, STATE), 'utf8'));
    return state && typeof state.pages === 'object' ? state : null;
  } catch {
    return null;
  }
}

/** The feed's page number an address names (`news?page=3` → 3, `news` → 1), else null. */
const feedPage = (address) => (address === 'news' || address === '' ? 1 : Number(/^news\?page=(\d+)$/.exec(address)?.[1]) || null);

/** How long a published page's snapshot is shown after it was written (--max-age). */
export const PUBLISH_MAX_AGE_HOURS = 7 * 24;

export async function publish({ root, from, site, jobs = 1, full = false, changed = [], maxAgeHours = PUBLISH_MAX_AGE_HOURS, timeoutMs = 30_000, log = console.log }) {
  const started = Date.now();
  const html = stripSnapshot(readFileSync(join(root, 'index.html'), 'utf8'));
  const build = buildOf(html);
  const old = readState(root);
  const incremental = !full && old?.build === build && old?.site === site;
  const state = incremental
    ? { ...old, at: started }
    : { build, site, at: started, pages: {}, articles: {}, bodies: {}, order: [], name: '', description: '' };
  const base = new URL(from);
  const publishText = (text) => (site ? readdress(text, from, site) : text);
  const browser = await launch(['--blink-settings=imagesEnabled=false']);
  const files = writer(log);
  const writeText = files.write;
  const written = new Set();
  const orderByPage = new Map();
  let failed = 0;
  // Time spent rendering, by kind of page (the last line of the log).
  const spent = { feed: { pages: 0, ms: 0 }, article: { pages: 0, ms: 0 }, dated: { pages: 0, ms: 0 } };
  try {
    const tabs = [];
    for (let i = 0; i < jobs; i += 1) tabs.push(await openRenderer(browser, from, timeoutMs, html));
    /**
     * Renders addresses of one kind and writes their pages; returns what the app rendered
     * for each, or null. `later`: the pages are written once this process is next idle,
     * while the tab renders the next ones (`drain()` waits for those); what it returns is
     * known at once.
     */
    const many = async (addresses, tab = tabs[0], later = false) => {
      for (const address of addresses) written.add(address);
      const began = performance.now();
      const results = await (tab.stale(addresses[0]) ? tab.restart() : Promise.resolve())
        .then(() => tab.render(addresses))
        .catch((error) => {
          // The tab may be gone (a crash): the next pages start afresh.
          tab.rendered = RESTART_AFTER;
          return addresses.map(() => ({ problem: error.message.split('\n')[0] }));
        });
      const each = (performance.now() - began) / addresses.length;
      if (Math.floor(written.size / 1000) > Math.floor((written.size - addresses.length) / 1000)) {
        log(`publish: ${written.size} pages rendered in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      }
      const boot = tab.boot;
      return addresses.map((address, i) => {
        const result = results[i];
        const group = spent[queueOf(address)];
        group.pages += 1;
        group.ms += each;
        if (!later) return finish(address, result, boot);
        const job = new Promise((done) => setImmediate(done))
          .then(() => finish(address, result, boot))
          .catch((error) => {
            failed += 1;
            log(`publish: ${address || './'} not written: ${error.message}`);
          });
        deferred.add(job);
        job.finally(() => deferred.delete(job));
        return result.problem ? null : result;
      });
    };
    const one = async (address) => (await many([address]))[0];
    const deferred = new Set();
    const finish = (address, result, boot) => {
      const file = fileFor(address);
      if (result.problem) {
        failed += 1;
        log(`publish: ${address || './'} not written: ${result.problem}`);
        if (result.gone && state.pages[address]) {
          removeFile(root, state.pages[address].file);
          delete state.pages[address];
          delete state.articles[address];
          state.order = state.order.filter((a) => a !== address);
        }
        return null;
      }
      const kind = kindOf(address);
      const [path, query = ''] = address.split('?');
      // In a stable order (the app's own changes as pages come and go).
      const head = site ? publishText(headTags([...result.head].sort(), address === '' ? 'feed' : kind)) : '';
      const page = withSnapshot(html, publishText(result.markup), {
        at: started, maxAgeHours, path, query: kind === 'article' ? null : query,
        preload: preloads([...boot, ...result.requests], base), head, title: result.title,
      });
      writeText(join(root, file), page);
      // An article keeps the articles it lists (neighbours, related news): when one of
      // those changes, this page shows its old title and is rendered again.
      const listed = kind === 'article' ? [...new Set(result.links.filter((a) => a !== address && kindOf(a) === 'article'))] : [];
      state.pages[address] = { file, at: started, ...(listed.length ? { links: listed } : {}) };
      if (kind === 'article') {
        const data = articleData(result.head.map(publishText));
        if (data) state.articles[address] = data;
        if (result.body !== null) state.bodies[address] = publishText(result.body);
      }
      const number = feedPage(address);
      if (number) orderByPage.set(number, result.articles);
      if (address === '') {
        const meta = (pattern) => pattern.exec(result.head.join(''))?.[1]?.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
        state.name = meta(/<meta property="og:site_name" content="([^"]*)"/) ?? result.title;
        state.description = meta(/<meta name="description" content="([^"]*)"/) ?? '';
      }
      return result;
    };
    const home = await one('');
    if (!home) return 1;
    // Pages of a kind go together: the app moves from one page to the next of the same
    // kind in 35–40 ms, and a run that mixed kinds took 60–65 ms a page (it swaps its whole
    // view between kinds). So three queues (`queueOf`), each drained before the next: the
    // feed's pages (and rubrics, the archive's list), articles, then archive years, months
    // and days (`isDated`), which also wait until no tab may still find another page of the
    // first two kinds (after one of them, a tab starts afresh before it renders anything
    // else: openRenderer).
    const ORDER = ['feed', 'article', 'dated'];
    const queues = { feed: [], article: [], dated: [] };
    const queued = new Set();
    const push = (address) => {
      if (fileFor(address) !== null && !written.has(address) && !queued.has(address)) {
        queues[queueOf(address)].push(address);
        queued.add(address);
      }
    };
    // Every tab takes the next address; the links it finds join the queues. A tab with
    // nothing to do waits while another may still find more.
    const drain = async (accept = () => true) => {
      let busy = 0;
      let busyFinding = 0;
      await Promise.all(tabs.map(async (tab) => {
        while (ORDER.some((kind) => queues[kind].length) || busy) {
          const kind = ORDER.find((k) => queues[k].length && (k !== 'dated' || !busyFinding));
          if (!kind) {
            await new Promise((done) => setTimeout(done, 5));
            continue;
          }
          const batch = [];
          while (batch.length < BATCH && queues[kind].length) {
            const address = queues[kind].shift();
            queued.delete(address);
            if (!written.has(address)) batch.push(address);
          }
          if (!batch.length) continue;
          const finding = kind !== 'dated';
          busy += 1;
          busyFinding += finding ? 1 : 0;
          const results = await many(batch, tab, true);
          busy -= 1;
          busyFinding -= finding ? 1 : 0;
          for (const result of results) for (const link of result?.links ?? []) if (accept(link)) push(link);
        }
      }));
      await Promise.all([...deferred]);
    };
    if (incremental) {
      // New news are on the feed's first pages: read them until a page brings none.
      const seen = new Set(Object.keys(state.articles));
      let fresh = home.articles.filter((a) => !seen.has(a));
      const touched = [...fresh];
      for (let n = 2; fresh.length; n += 1) {
        const page = await one(`news?page=${n}`);
        fresh = (page?.articles ?? []).filter((a) => !seen.has(a));
        touched.push(...fresh);
      }
      for (const address of [...touched, ...changed]) push(address);
      if (touched.length) push('news/archive');
      // The new and changed articles, then what they link to (neighbours, rubric, archive).
      const firsts = [...queues.feed.splice(0), ...queues.article.splice(0)];
      for (const address of firsts) {
        const before = state.articles[address];
        const result = await one(address);
        // What it links to (new articles' neighbours, its rubric, the archive's current
        // month and days), and its own day and month, where its title is listed.
        for (const link of result?.links ?? []) if (kindOf(link) !== 'article' || !seen.has(link) || touched.length) push(link);
        // The articles that list it, where its title (or its absence) shows.
        for (const [other, page] of Object.entries(state.pages)) if (page.links?.includes(address)) push(other);
        for (const data of [before, state.articles[address]]) {
          const day = /^(\d{4})-(\d{2})-(\d{2})T/.exec(data?.published ?? '');
          if (day) {
            push(`news/archive/${day[1]}/${day[2]}/${day[3]}`);
            push(`news/archive/${day[1]}/${day[2]}`);
          }
        }
      }
      await drain(() => false);
      writeSide();
      await files.settle();
      await writeState();
      log(`publish: the site is updated (${touched.length} new, ${changed.length} changed) in ${((Date.now() - started) / 1000).toFixed(1)} s; the feed's further pages follow`);
      // The feed's further pages: their news moved down.
      for (const address of Object.keys(state.pages).filter((a) => feedPage(a) && !written.has(a))) push(address);
      await drain((link) => feedPage(link) !== null);
      // Pages past half their maximum age, oldest first: each shows its snapshot for
      // --max-age hours after it was written, so a daily run keeps every one of them shown.
      const due = started - (maxAgeHours * 3600_000) / 2;
      Object.entries(state.pages)
        .filter(([address, page]) => !written.has(address) && !(page.at > due))
        .sort(([, a], [, b]) => (a.at ?? 0) - (b.at ?? 0))
        .forEach(([address]) => push(address));
      await drain(() => false);
    } else {
      // The feed's first page and the archive's list of months, which no page links to by
      // that address, then everything the home page links to.
      for (const link of ['news', 'news/archive', ...home.links]) push(link);
      await drain();
      // Pages an earlier publication wrote that this one did not find are gone.
      for (const [address, { file }] of Object.entries(state.pages)) {
        if (!written.has(address)) removeFile(root, file);
      }
      for (const [address, { file }] of Object.entries(old?.pages ?? {})) {
        if (!written.has(address) && !state.pages[address]) removeFile(root, file);
      }
    }
    writeSide();
    const unwritten = await files.settle();
    await writeState();
    const kinds = Object.entries(spent).filter(([, { pages }]) => pages)
      .map(([group, { pages, ms }]) => `${SPENT_LABEL[group]} ${pages} × ${Math.round(ms / pages)} ms`).join(', ');
    log(`publish: ${written.size - failed} pages written${failed ? `, ${failed} not` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s (${incremental ? 'changes' : 'everything'}; ${kinds})`);
    // A file that could not be written (a full disk…) fails the run; a page the app could
    // not render is reported above and does not.
    return unwritten ? 1 : 0;
  } finally {
    await browser.close();
  }

  /** The sitemap, robots.txt and the feeds, from what the state holds. */
  function writeSide() {
    const pages = [...orderByPage.keys()].sort((a, b) => a - b).flatMap((n) => orderByPage.get(n));
    const order = incremental ? [...new Set([...pages, ...state.order])] : [...new Set(pages)];
    state.order = order.filter((a) => state.articles[a]);
    const latest = state.order.slice(0, FEED_ITEMS);
    state.bodies = Object.fromEntries(latest.filter((a) => state.bodies[a]).map((a) => [a, state.bodies[a]]));
    if (site) {
      const entries = Object.keys(state.pages).sort().map((address) => ({
        loc: new URL(address || './', site).href,
        lastmod: state.articles[address]?.modified || null,
      }));
      const files = {
        ...sitemaps(site, entries),
        'robots.txt': robots(site),
        ...feeds(site, { name: state.name, description: state.description }, latest.map((a) => ({
          ...state.articles[a], url: new URL(a, site).href, body: state.bodies[a] ?? null,
        }))),
      };
      for (const [name, text] of Object.entries(files)) writeText(join(root, name), text);
    }
  }

  /** The record of what was written, once it is on disk. */
  function writeState() {
    return replaceFile(join(root, STATE), `${JSON.stringify(state)}\n`);
  }
}

async function main(args) {
  const VALUED = ['--from', '--site', '--max-age', '--render-timeout', '--changed', '--jobs'];
  const values = (name) => args.flatMap((a, i) => (a === `--${name}` && args[i + 1] !== undefined ? [args[i + 1]] : []));
  const option = (name) => values(name)[0];
  const dir = args.find((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1]));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--full' && !VALUED.includes(a));
  const maxAgeHours = Number(option('max-age') ?? PUBLISH_MAX_AGE_HOURS);
  const timeoutMs = Number(option('render-timeout') ?? 30) * 1000;
  const jobs = Number(option('jobs') ?? 1);
  const changed = values('changed').map((a) => a.replace(/^\/+|\/+$/g, ''));
  if (!dir || unknown.length || !(maxAgeHours > 0) || !(timeoutMs > 0) || !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 16) || changed.some((a) => kindOf(a) !== 'article' || !fileFor(a))) {
    console.error('usage: node scripts/publish.mjs <dir> [--site URL] [--from URL] [--changed news/<id>]… [--full] [--max-age HOURS] [--render-timeout S] [--jobs N]');
    return 2;
  }
  const root = resolve(dir);
  let from = option('from')?.replace(/\/?$/, '/');
  let server = null;
  if (!from) {
    const base = /<base href="?([^"> ]*)"?/.exec(readFileSync(join(root, 'index.html'), 'utf8'))?.[1] ?? '/';
    server = staticServer(() => root, base);
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    from = `http://127.0.0.1:${server.address().port}${base}`;
  }
  const site = (option('site') ?? option('from'))?.replace(/\/?$/, '/') ?? null;
  try {
    return await publish({ root, from, site, jobs, full: args.includes('--full'), changed, maxAgeHours, timeoutMs });
  } finally {
    server?.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
