#!/usr/bin/env node
// First-screen snapshots: the news feed's first screen (header, first page of news,
// calendar, sidebar, footer) and that of each article it lists, rendered by Vestnik itself
// in headless Chromium and written as plain HTML into index.html and news/<id>/index.html.
// A reader opening the home page, or an article from a shared link, reads it as soon as the
// HTML and CSS arrive — as fast as a static page — while the wasm downloads; the app then
// renders the same screen from fresh data out of sight and takes its place
// (src/snapshot.rs). public/prefs.js shows a snapshot only where it is right: its own page
// (the home page only with no query), in the Russian interface, not older than its maximum
// age, and not when an installed service worker serves the page (the app starts at once
// from its cache). An article's file also carries its description, canonical address and
// Open Graph tags, so link previews (VK, Telegram…), which never run the app, show the
// article rather than the bare page.
//
// Snapshots are part of publishing, not of the build: run this after the build and after
// each publication or edit (or every few minutes from cron) against the live site, so they
// always show the site's own news — never the demo's (docs/deploy.md, "First-screen
// snapshot").
//
//   node scripts/snapshot.mjs <dir> [--from URL] [--site URL] [--max-age HOURS] [--articles N] [--pages P]
//                                   [--render-timeout SECONDS] [--run-timeout SECONDS]
//   node scripts/snapshot.mjs <dir> --remove
//
// The pages rendered carry the backend's news, so Chromium keeps its sandbox (as root, it
// runs as an unprivileged user: scripts/chromium-unprivileged.sh), loads only the site's
// page, code, styles and the backend's data (no photo, media or font: no address the
// backend names is fetched from here), and each render has a deadline (default 30 s), as
// has the whole run (default 600 s). docs/deploy.md says how to run it.
//
// Without --from, <dir> itself is served on a local port and rendered (its config.json must
// reach the backend from there: the demo data in dist/api does). Every run first removes
// article pages written for another build or past their maximum age, and the temporary
// files of a run that was killed. A failed render of the home page (backend down, an
// error on the page) then writes nothing and exits 1: the previous snapshot stays, and its
// maximum age retires it. Wrong options exit 2 having done nothing. An article that fails
// to render loses its snapshot (a withdrawn article is never shown from an old copy), and
// so does one no longer on the feed's first page.
// `--pages P` takes the articles of the feed's first P pages (default 1: readers arriving
// from search engines on older news benefit from more); `--articles N` renders at most N of
// them (0: none; default: all).
// Article pages name their own address (share links, canonical, og:url), so they are
// written only when that address is known: the --from URL, or --site (the address readers
// use) for a local render. Every file gets .br and .gz copies. Runs must not overlap: a cron
// job and a CMS hook share one `flock` (docs/deploy.md).

import { chromium } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressed } from './precompress.mjs';
import { staticServer } from './serve.mjs';

/** Default maximum age: a snapshot a day old is hidden, and the page loads as without one. */
export const DEFAULT_MAX_AGE_HOURS = 24;
/** Default deadlines, in seconds: for one page's render, and for a whole run. */
const DEFAULT_RENDER_TIMEOUT_S = 30;
const DEFAULT_RUN_TIMEOUT_S = 600;
// What a snapshot adds to a page is found again by markers that carry a random nonce, new
// for every page written and named in the snapshot's own meta tag (the first in <head>,
// before anything from the backend): text from the backend cannot forge them, whatever the
// browser's serializer escapes.
const markers = (nonce) => ({
  start: `<!--vestnik-snapshot ${nonce}-->`,
  end: `<!--/vestnik-snapshot ${nonce}-->`,
  headStart: `<!--vestnik-snapshot-head ${nonce}-->`,
  headEnd: `<!--/vestnik-snapshot-head ${nonce}-->`,
});
// Those of pages written before markers had a nonce.
const UNNAMED = { start: '<!--vestnik-snapshot-->', end: '<!--/vestnik-snapshot-->', headStart: '<!--vestnik-snapshot-head-->', headEnd: '<!--/vestnik-snapshot-head-->' };
const META = /<meta name="?vestnik-snapshot"?[^>]*>/g;
const NONCE = /<meta name="?vestnik-snapshot"?[^>]* data-nonce="?([0-9a-f]{32})/;

const cut = (html, start, end) => {
  const from = html.indexOf(start);
  const to = html.lastIndexOf(end);
  return from >= 0 && to > from ? html.slice(0, from) + html.slice(to + end.length) : html;
};

const attribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unattribute = (text) => text.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const textContent = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
// A snapshot's <title> keeps the page's own in an attribute, to be put back.
const TITLE = /<title>([^<]*)<\/title>/;
const SNAPSHOT_TITLE = /<title data-original="([^"]*)">[^<]*<\/title>/;

// The app's preload links (the glue, the chunk loader, the main wasm; written by
// scripts/build-wasm.mjs). A page with a snapshot leaves them out of <head> — the wasm
// must not compete with what the snapshot shows, and the loader starts it once that has
// painted — and keeps them in its meta's data-app, for public/prefs.js to add at once
// where the snapshot does not apply; this marker keeps their place.
const APP_PRELOAD = /<link rel="(?:modulepreload|preload)" href="[^"]*" crossorigin="anonymous" integrity="[^"]*"(?: as="fetch" type="application\/wasm")?>/g;
const APP_PRELOADS_HERE = '<!--vestnik-app-preloads-->';
const DATA_APP = /<meta name="?vestnik-snapshot"?[^>]* data-app="([^"]*)"/;

/** index.html without any snapshot in it. */
export function stripSnapshot(html) {
  const app = DATA_APP.exec(html);
  const tags = app ? JSON.parse(unattribute(app[1])).join('') : '';
  const nonce = NONCE.exec(html)?.[1];
  const { start, end, headStart, headEnd } = nonce ? markers(nonce) : UNNAMED;
  return cut(cut(html, start, end), headStart, headEnd)
    .replace(META, '')
    .replace(APP_PRELOADS_HERE, () => tags)
    .replace(SNAPSHOT_TITLE, (_, original) => `<title>${unattribute(original)}</title>`);
}

/**
 * index.html with `markup` as its snapshot, made at `at` (ms since the epoch). The meta tag
 * goes right before prefs.js, which reads it before the first paint; the markup goes last
 * in <body>, after the app's own root. `path`: the page it shows, relative to the site's
 * base ('' for the home page, `news/<id>` for an article). `preload`: the backend requests
 * the first screen makes, which prefs.js starts at once where the snapshot shows (rather
 * than after the wasm). `head`: tags for <head> (description, canonical, Open Graph) that
 * the app removes when it starts (it renders its own); `title`: the page's title, which
 * the app sets again when it starts. `query` (a page of the feed, whose query chooses what
 * it shows: `page=3`, or '' for none): the snapshot shows only with exactly that query;
 * without it, an article's shows whatever the query (a shared link's `utm_…`), the home
 * page's only with none.
 */
export function withSnapshot(html, markup, { at = Date.now(), maxAgeHours = DEFAULT_MAX_AGE_HOURS, path = '', query = null, preload = [], head = '', title = '' } = {}) {
  let clean = stripSnapshot(html);
  if (title) {
    clean = clean.replace(TITLE, (_, original) => `<title data-original="${attribute(original)}">${textContent(title)}</title>`);
  }
  const where = (path ? ` data-path="${attribute(path)}"` : '') + (query === null ? '' : ` data-query="${attribute(query)}"`);
  const urls = preload.length ? ` data-preload="${attribute(preload.join(' '))}"` : '';
  const preloads = clean.match(APP_PRELOAD) ?? [];
  if (preloads.length) {
    const first = clean.indexOf(preloads[0]);
    clean = clean.replace(APP_PRELOAD, '');
    clean = `${clean.slice(0, first)}${APP_PRELOADS_HERE}${clean.slice(first)}`;
  }
  const app = preloads.length ? ` data-app="${attribute(JSON.stringify(preloads))}"` : '';
  const nonce = randomBytes(16).toString('hex');
  const { start, end, headStart, headEnd } = markers(nonce);
  const meta = `<meta name="vestnik-snapshot" content="${at};${Math.round(maxAgeHours * 3600_000)}"${where}${urls}${app} data-nonce="${nonce}">`;
  const tags = head ? `${headStart}${head}${headEnd}` : '';
  const prefs = /<script src="?prefs\.js"?><\/script>/;
  if (!prefs.test(clean)) throw new Error('index.html has no <script src="prefs.js"> to put the snapshot before');
  if (!clean.includes('</body>')) throw new Error('index.html has no </body> to put the snapshot before');
  const block = `${start}<div id="snapshot" class="snapshot">${markup}</div>${end}`;
  // Replacement functions, not strings: `$&`, `$'`… in a news text are text, not patterns.
  // The meta first: stripSnapshot takes the nonce from the first one in the page.
  return clean.replace(prefs, (tag) => meta + tags + tag).replace('</body>', () => `${block}</body>`);
}

/**
 * Runs in the page: the app's rendered root as inert HTML. Ids get an `s-` prefix (and every
 * reference to one follows), so the snapshot and the app never share an id while both are
 * in the document; "today" marks are dropped (they would be wrong tomorrow); comments go;
 * anything live — scripts, frames, handlers, `javascript:` — is removed (the app renders
 * none of it; this only makes sure). A link to a fragment names the page (`news/1#s-main`):
 * under <base href> a bare `#s-main` would lead to the home page. Also returns the page's
 * title and the tags the app put into <head> that a link preview or a search engine reads.
 */
export function capture() {
  const base = new URL(document.baseURI).pathname;
  const here = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : '';
  const copy = document.getElementById('app').cloneNode(true);
  copy.querySelectorAll('script, iframe, object, embed, template, noscript').forEach((n) => n.remove());
  // The renderer's empty placeholder comments mark where dynamic parts go; inert here.
  const comments = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
  const found = [];
  while (comments.nextNode()) found.push(comments.currentNode);
  found.forEach((n) => n.remove());
  // Controls work as plain HTML until the app takes over: a button with a plain equivalent
  // (data-plain-href: the calendar's « », a gallery thumbnail) becomes that link; any other
  // button but a form's submit is hidden meanwhile (style/snapshot.css). A roving tab stop
  // (the calendar's grid) needs the app's keys: here every link is in the tab order and
  // nothing else is (a -1 on <main> or a heading, where focus is sent, stays).
  for (const button of copy.querySelectorAll('button[data-plain-href]:not([disabled])')) {
    const link = document.createElement('a');
    for (const { name, value } of [...button.attributes]) {
      if (name !== 'type' && name !== 'data-plain-href') link.setAttribute(name, value);
    }
    link.setAttribute('href', button.getAttribute('data-plain-href'));
    link.append(...button.childNodes);
    button.replaceWith(link);
  }
  copy.querySelectorAll('[data-plain-href]').forEach((el) => el.removeAttribute('data-plain-href'));
  for (const el of copy.querySelectorAll('[tabindex]')) {
    if (!el.matches('main, h1, h2') || el.getAttribute('tabindex') !== '-1') el.removeAttribute('tabindex');
  }
  // Each gallery photo gets a view that needs no script: following its thumbnail's link
  // (#s-photo-N) shows it (:target, style/snapshot.css), with a link back that closes it.
  // The app opens its own viewer on the same photo when it takes over.
  const closeLabel = copy.querySelector('.lightbox__close')?.getAttribute('aria-label') ?? '';
  for (const item of copy.querySelectorAll('.gallery__item[id]')) {
    const thumbnail = item.querySelector('img');
    if (!thumbnail) continue;
    const view = document.createElement('div');
    view.className = 'snapshot-photo';
    const image = thumbnail.cloneNode(false);
    image.className = 'snapshot-photo__image';
    image.setAttribute('sizes', '100vw');
    const close = document.createElement('a');
    close.className = 'snapshot-photo__close';
    close.setAttribute('href', '#gallery-title');
    close.setAttribute('aria-label', closeLabel);
    close.textContent = '×';
    view.append(image, close);
    item.append(view);
  }
  const REFS = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant',
    'aria-details', 'aria-errormessage', 'aria-flowto', 'list', 'form', 'headers'];
  for (const el of copy.querySelectorAll('*')) {
    for (const { name, value } of [...el.attributes]) {
      if (name.startsWith('on') || /^\s*javascript:/i.test(value)) el.removeAttribute(name);
      else if (name === 'id') el.id = `s-${value}`;
      else if (REFS.includes(name)) el.setAttribute(name, value.split(/\s+/).filter(Boolean).map((v) => `s-${v}`).join(' '));
      else if (name === 'href' && /^#./.test(value)) el.setAttribute('href', `${here}#s-${value.slice(1)}`);
      else if (name === 'aria-current' && value === 'date') el.removeAttribute(name);
    }
    el.classList.remove('calendar__cell--today');
    if (el.getAttribute('class') === '') el.removeAttribute('class');
  }
  const head = [...document.head.querySelectorAll(
    'meta[name="description"], meta[property^="og:"], meta[name^="twitter:"], link[rel="canonical"], script[type="application/ld+json"]',
  )].map((tag) => {
    const copy = tag.cloneNode(false);
    for (const { name } of [...copy.attributes]) {
      if (!['name', 'property', 'content', 'rel', 'href', 'type'].includes(name)) copy.removeAttribute(name);
    }
    // Structured data (JSON-LD) for search engines: JSON, never run. A script's text is
    // written out unescaped, so no "<" may stay in it (the app escapes it already).
    if (tag.localName === 'script') copy.textContent = tag.textContent.replace(/</g, '\\u003c');
    copy.setAttribute('data-snapshot', '');
    return copy.outerHTML;
  });
  return { markup: copy.innerHTML, head, title: document.title };
}

/**
 * The app's first screen is complete: it marks its `#main` with `data-settled` (a page
 * heading or an error, nothing loading; src/settled.rs is the one definition).
 */
export const SETTLED = '#app #main[data-settled]';

/** At most this many requests are preloaded: the first screen's own, not a long tail. */
const MAX_PRELOAD = 8;

/**
 * The <head> tags a snapshot page carries, from those `render` found. The home page's
 * index.html also answers every route without a file of its own (older articles, other
 * feed pages, the 404), so it names no address: no canonical link, no og:url.
 */
export function headTags(tags, kind) {
  const named = /^<(?:link[^>]* rel="canonical"|meta[^>]* property="og:url")/;
  return tags.filter((tag) => kind !== 'feed' || !named.test(tag)).join('');
}

/** What each kind of page must show to be worth a snapshot. */
const EXPECTED = {
  feed: ['.news-list li', 'the page shows no news'],
  article: ['.article__title', 'the page shows no article'],
};

/**
 * Renders `url`: a page of the feed (`kind` 'feed') or an article ('article'). Returns the
 * snapshot markup, the page's title and the <head> tags a link preview reads, the backend
 * requests the page made (same-origin ones relative to the page's base, so a snapshot
 * rendered from a local copy works when deployed; config.json is preloaded by index.html
 * already), and the links to the articles the page lists.
 */
export async function render(url, { browser: given, kind = 'feed', timeoutMs = DEFAULT_RENDER_TIMEOUT_S * 1000 } = {}) {
  const browser = given ?? await launch();
  // One deadline for the whole render, whatever the backend does.
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(1, deadline - Date.now());
  try {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    try {
      // Only what the markup needs loads: the site's page, code and styles, and the
      // backend's data. Photos, media, fonts and anything else are refused, so an image
      // address in the backend's data (one inside the publishing network, say) is never
      // fetched from this machine; the snapshot keeps the addresses for the readers.
      await context.route('**/*', (route) => (RENDERED.has(route.request().resourceType()) ? route.fallback() : route.abort('blockedbyclient')));
      const page = await context.newPage();
      // The requests made until the first screen is complete: not the prefetching that
      // follows (the next page, neighbouring months).
      let requests = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'fetch' && request.method() === 'GET') requests?.push(request.url());
      });
      // The page as it is without a snapshot (a live site has one): the app draws it all.
      await page.route(url, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: stripSnapshot(await response.text()) });
      });
      await page.goto(url, { waitUntil: 'load', timeout: left() });
      await page.locator(SETTLED).waitFor({ state: 'attached', timeout: left() });
      const made = requests;
      requests = null;
      await page.waitForLoadState('networkidle', { timeout: left() });
      await page.locator(SETTLED).waitFor({ state: 'attached', timeout: left() });
      const [selector, missing] = EXPECTED[kind];
      const problem = await page.evaluate(([selector, missing]) => {
        const app = document.getElementById('app');
        if (app.querySelector('.error-panel')) return `the page shows an error: ${app.querySelector('.error-panel').textContent.trim()}`;
        if (!app.querySelector(selector)) return missing;
        return null;
      }, [selector, missing]);
      if (problem) throw new Error(problem);
      const { markup, head, title } = await page.evaluate(capture);
      const articles = await page.evaluate(() => [...document.querySelectorAll('#app .news-card__title a')]
        .map((a) => a.getAttribute('href')));
      const base = new URL(await page.evaluate(() => document.baseURI));
      const preload = [...new Set(made)]
        .map((u) => new URL(u))
        // The app's own code chunks: its loader fetches them (with their integrity) itself.
        .filter((u) => !u.pathname.endsWith('.wasm'))
        .filter((u) => !(u.origin === base.origin && u.pathname === new URL('config.json', base).pathname))
        .map((u) => (u.origin === base.origin && u.pathname.startsWith(base.pathname)
          ? u.href.slice(base.origin.length + base.pathname.length)
          : u.href))
        .slice(0, MAX_PRELOAD);
      return { markup, head, title, preload, articles };
    } finally {
      await context.close();
    }
  } finally {
    if (!given) await browser.close();
  }
}

/** The kinds of request a render lets through (Playwright's resource types). */
const RENDERED = new Set(['document', 'script', 'stylesheet', 'fetch', 'xhr']);

/**
 * Chromium with its sandbox on: the pages it renders carry the backend's news. Chromium
 * will not sandbox itself as root, so a run as root (a container, CI) starts it as an
 * unprivileged user (scripts/chromium-unprivileged.sh); docs/deploy.md says to run the
 * whole publish step as one. `extra`: more Chromium switches.
 */
export function launch(extra = []) {
  const executable = process.env.CHROMIUM ?? '/usr/bin/chromium';
  const asRoot = process.getuid?.() === 0;
  return chromium.launch({
    executablePath: asRoot ? join(dirname(fileURLToPath(import.meta.url)), 'chromium-unprivileged.sh') : executable,
    env: { ...process.env, VESTNIK_CHROMIUM: executable },
    chromiumSandbox: true,
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', ...extra],
  });
}

/** Writes index.html and its .br/.gz copies, each by rename: a reader never gets half a file. */
async function write(path, html) {
  const data = Buffer.from(html);
  const { br, gz } = compressed(data);
  // The page first, then its compressed copies: a copy older than the page is not served
  // (scripts/serve.mjs), so no server sends the old page compressed after the new one.
  const files = [[path, data], [`${path}.br`, br], [`${path}.gz`, gz]];
  for (const [name, bytes] of files) await replaceFile(name, bytes);
}

/**
 * Writes `bytes` to `name` by rename: a reader never gets half a file. The temporary file
 * is named for this run: two runs at once (use flock, docs/deploy.md) never rename each
 * other's half-written file. On libuv's threads: replacing a file waits on the disk (ext4
 * writes the new file out before a rename over the old one completes).
 */
export async function replaceFile(name, bytes) {
  const temporary = `${name}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, name);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Removes an article's snapshot (news/<id>/index.html and its compressed copies), then its
 * folder and news/ once they are empty.
 */
function removeArticle(root, folder) {
  const path = join(root, folder, 'index.html');
  for (const name of [path, `${path}.br`, `${path}.gz`]) rmSync(name, { force: true });
  for (const empty of [join(root, folder), join(root, 'news')]) {
    try {
      rmdirSync(empty);
    } catch {
      // Not empty (something else lives there) or already gone.
    }
  }
}

/** A write takes milliseconds: a temporary file older than this is a killed run's. */
const LEFTOVER_AGE_MS = 15 * 60_000;

/**
 * Temporary files that a run killed mid-write (SIGKILL, a power cut) left behind: named
 * `index.html[.br|.gz].<pid>.tmp` by write(), beside the home page or an article's, and
 * older than any write takes. Told by age, not by process id: a run in another container
 * sharing the folder has process ids this one cannot see.
 */
function leftovers(root) {
  return [root, ...newsFolders(root).map((folder) => join(root, folder))].flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => /^index\.html(?:\.br|\.gz)?\.\d+\.tmp$/.test(name))
      .map((name) => join(folder, name))
      .filter((path) => {
        try {
          return Date.now() - statSync(path).mtimeMs > LEFTOVER_AGE_MS;
        } catch {
          return false;
        }
      }));
}

/**
 * An article link's folder under the site (`news/<id>`), or null where the id is not a
 * plain name: ids come from the backend, and only these become folders. `news/archive` is
 * a route of its own.
 */
export function articleFolder(href) {
  const match = /^news\/([A-Za-z0-9_-]{1,80})$/.exec(href ?? '');
  return match && match[1] !== 'archive' ? `news/${match[1]}` : null;
}

/**
 * Article pages that must go whatever this run renders: made for another build (they name
 * its hashed files, which are deleted a day after a deploy), or older than their maximum
 * age (no reader sees them any more; link previews would still read their tags).
 */
function expiredArticles(root, build) {
  return writtenArticles(root).filter(({ page }) => {
    const made = /<meta name="?vestnik-snapshot"? content="?(\d+);(\d+)/.exec(page);
    return buildOf(page) !== build || !made || Date.now() - Number(made[1]) > Number(made[2]);
  }).map(({ folder }) => folder);
}

export const buildOf = (html) => /<meta name="?vestnik-build"? content="?([^"> ]*)/.exec(html)?.[1] ?? null;

/** The folders under the site's news/ (`news/<name>`), where article pages live. */
function newsFolders(root) {
  const news = join(root, 'news');
  if (!existsSync(news)) return [];
  return readdirSync(news, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `news/${entry.name}`);
}

/** The article snapshots written earlier: news/<id>/index.html files carrying one. */
function writtenArticles(root) {
  return newsFolders(root)
    .filter((folder) => articleFolder(folder) && existsSync(join(root, folder, 'index.html')))
    .map((folder) => ({ folder, page: readFileSync(join(root, folder, 'index.html'), 'utf8') }))
    .filter(({ page }) => /<meta name="?vestnik-snapshot"?/.test(page));
}

/** `text` with every mention of `from` (plain and URI-encoded) naming `to` instead. */
export const readdress = (text, from, to) => (from === to
  ? text
  : text.split(from).join(to).split(encodeURIComponent(from)).join(encodeURIComponent(to)));

async function main(args) {
  const VALUED = ['--from', '--site', '--max-age', '--articles', '--pages', '--render-timeout', '--run-timeout'];
  const option = (name) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
  const dir = args.find((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1]));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--remove' && !VALUED.includes(a));
  if (!dir || unknown.length) {
    console.error('usage: node scripts/snapshot.mjs <dir> [--from URL] [--site URL] [--max-age HOURS] [--articles N] [--pages P] [--render-timeout S] [--run-timeout S] | <dir> --remove');
    return 2;
  }
  const maxAgeHours = Number(option('max-age') ?? DEFAULT_MAX_AGE_HOURS);
  const limit = Number(option('articles') ?? Infinity);
  const pages = Number(option('pages') ?? 1);
  const renderMs = Number(option('render-timeout') ?? DEFAULT_RENDER_TIMEOUT_S) * 1000;
  const runMs = Number(option('run-timeout') ?? DEFAULT_RUN_TIMEOUT_S) * 1000;
  if (!(maxAgeHours > 0) || !(limit >= 0) || !(Number.isInteger(pages) && pages >= 1) || !(renderMs > 0) || !(runMs > 0)) {
    console.error('snapshot: --max-age takes a positive number of hours, --articles a count, --pages a count from 1, --render-timeout and --run-timeout seconds');
    return 2;
  }
  const runEnds = Date.now() + runMs;
  // Each render ends by its own deadline or the run's, whichever comes first.
  const timeoutMs = () => Math.max(0, Math.min(renderMs, runEnds - Date.now()));
  const root = resolve(dir);
  const indexPath = join(root, 'index.html');
  const html = stripSnapshot(readFileSync(indexPath, 'utf8'));
  // Whatever happens below, article pages of another build or past their age go first.
  for (const file of leftovers(root)) rmSync(file, { force: true });
  for (const folder of expiredArticles(root, buildOf(html))) {
    removeArticle(root, folder);
    console.log(`snapshot: ${folder} removed (another build's, or too old)`);
  }
  if (args.includes('--remove')) {
    await write(indexPath, html);
    for (const { folder } of writtenArticles(root)) removeArticle(root, folder);
    console.log(`snapshot: removed from ${root}`);
    return 0;
  }
  // Addresses of the site's base end in a slash: pages resolve against them.
  let from = option('from')?.replace(/\/?$/, '/');
  let server = null;
  if (!from) {
    // Served under its own <base href> (a sub-path build lives under /press/).
    const base = /<base href="?([^"> ]*)"?/.exec(html)?.[1] ?? '/';
    server = staticServer(() => root, base);
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    from = `http://127.0.0.1:${server.address().port}${base}`;
  }
  // The address readers use: what the pages' own links (share, canonical) must name.
  const site = (option('site') ?? option('from'))?.replace(/\/?$/, '/') ?? null;
  const publish = (text) => (site ? readdress(text, from, site) : text);
  const browser = await launch();
  try {
    const at = Date.now();
    let home;
    try {
      home = await render(from, { browser, timeoutMs: timeoutMs() });
      const { markup, preload, head, title } = home;
      await write(indexPath, withSnapshot(html, publish(markup), { at, maxAgeHours, preload, head: site ? publish(headTags(head, 'feed')) : '', title }));
      const br = readFileSync(`${indexPath}.br`).length;
      console.log(`snapshot: ${from} → ${indexPath} (${markup.length} bytes of markup, ${preload.length} requests to preload, index.html ${br} bytes brotli, shown for ${maxAgeHours} h)`);
    } catch (error) {
      console.error(`snapshot: not written, ${indexPath} is unchanged: ${error.message.split('\n')[0]}`);
      return 1;
    }
    // The articles of the feed's further pages (the first is the home page), while they last.
    const links = [...home.articles];
    for (let page = 2; page <= pages && links.length < limit; page += 1) {
      try {
        links.push(...(await render(new URL(`news?page=${page}`, from).href, { browser, timeoutMs: timeoutMs() })).articles);
      } catch (error) {
        console.error(`snapshot: feed page ${page} not read, its articles are left out: ${error.message.split('\n')[0]}`);
        break;
      }
    }
    const folders = [...new Set(links.map(articleFolder).filter(Boolean))].slice(0, limit);
    if (folders.length && !site) {
      console.log('snapshot: no article pages: they name their own address, so give --site URL (the address readers use) for a local render');
      folders.length = 0;
    }
    const written = new Set();
    // Articles the run had no time left for keep the snapshot they have (until its age).
    const untried = new Set();
    for (const folder of folders) {
      const path = join(root, folder, 'index.html');
      if (timeoutMs() <= 0) {
        untried.add(folder);
        continue;
      }
      try {
        const page = await render(new URL(folder, from).href, { browser, kind: 'article', timeoutMs: timeoutMs() });
        mkdirSync(dirname(path), { recursive: true });
        await write(path, withSnapshot(html, publish(page.markup), { at, maxAgeHours, path: folder, preload: page.preload, head: publish(headTags(page.head, 'article')), title: page.title }));
        written.add(folder);
      } catch (error) {
        console.error(`snapshot: ${folder} not written${existsSync(path) ? ', its old snapshot removed' : ''}: ${error.message.split('\n')[0]}`);
      }
    }
    const gone = writtenArticles(root).map(({ folder }) => folder).filter((folder) => !written.has(folder) && !untried.has(folder));
    for (const folder of gone) removeArticle(root, folder);
    if (untried.size) console.error(`snapshot: the run's ${runMs / 1000} s ran out: ${untried.size} article pages not rendered, their old snapshots (if any) kept`);
    if (folders.length || gone.length) {
      console.log(`snapshot: ${written.size} of ${folders.length} article pages written, ${gone.length} old ones removed`);
    }
    return 0;
  } finally {
    await browser.close();
    server?.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
