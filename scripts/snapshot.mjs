#!/usr/bin/env node
// The first-screen snapshot: the news feed's first screen (header, first page of news,
// calendar, sidebar, footer) rendered by Vestnik itself in headless Chromium and written
// into index.html as plain HTML. A reader opening the site's home page reads the news as
// soon as the HTML and CSS arrive — as fast as a static page — while the wasm downloads;
// the app then renders the same screen from fresh data out of sight and takes its place
// (src/snapshot.rs). public/prefs.js shows a snapshot only where it is right: the home page
// with no query, in the Russian interface, not older than its maximum age, and not when an
// installed service worker serves the page (the app starts at once from its cache).
//
// The snapshot is part of publishing, not of the build: run it after the build and after
// each publication (or every few minutes from cron) against the live site, so it always
// shows the site's own news — never the demo's (docs/deploy.md, "First-screen snapshot").
//
//   node scripts/snapshot.mjs <dir> [--from URL] [--max-age HOURS]   (writes <dir>/index.html)
//   node scripts/snapshot.mjs <dir> --remove
//
// Without --from, <dir> itself is served on a local port and rendered (its config.json must
// reach the backend from there: the demo data in dist/api does). A failed render (backend
// down, an error on the page) changes nothing and exits 1: the previous snapshot stays, and
// its maximum age retires it. Writes index.html's .br and .gz copies as well.

import { chromium } from '@playwright/test';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { staticServer } from './serve.mjs';

/** Default maximum age: a snapshot a day old is hidden, and the page loads as without one. */
export const DEFAULT_MAX_AGE_HOURS = 24;
const START = '<!--vestnik-snapshot-->';
const END = '<!--/vestnik-snapshot-->';
const META = /<meta name="?vestnik-snapshot"?[^>]*>/g;

/** index.html without any snapshot in it. */
export function stripSnapshot(html) {
  const start = html.indexOf(START);
  const end = html.indexOf(END);
  const body = start >= 0 && end > start ? html.slice(0, start) + html.slice(end + END.length) : html;
  return body.replace(META, '');
}

const attribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * index.html with `markup` as its snapshot, made at `at` (ms since the epoch). The meta tag
 * goes right before prefs.js, which reads it before the first paint; the markup goes last
 * in <body>, after the app's own root. `preload`: the backend requests the first screen
 * makes, which prefs.js starts at once where the snapshot shows (rather than after the wasm).
 */
export function withSnapshot(html, markup, { at = Date.now(), maxAgeHours = DEFAULT_MAX_AGE_HOURS, preload = [] } = {}) {
  const clean = stripSnapshot(html);
  const urls = preload.length ? ` data-preload="${attribute(preload.join(' '))}"` : '';
  const meta = `<meta name="vestnik-snapshot" content="${at};${Math.round(maxAgeHours * 3600_000)}"${urls}>`;
  const prefs = /<script src="?prefs\.js"?><\/script>/;
  if (!prefs.test(clean)) throw new Error('index.html has no <script src="prefs.js"> to put the snapshot before');
  if (!clean.includes('</body>')) throw new Error('index.html has no </body> to put the snapshot before');
  const block = `${START}<div id="snapshot" class="snapshot">${markup}</div>${END}`;
  return clean.replace(prefs, (tag) => meta + tag).replace('</body>', `${block}</body>`);
}

/**
 * Runs in the page: the app's rendered root as inert HTML. Ids get an `s-` prefix (and every
 * reference to one follows), so the snapshot and the app never share an id while both are
 * in the document; "today" marks are dropped (they would be wrong tomorrow); comments go;
 * anything live — scripts, frames, handlers, `javascript:` — is removed (the app renders
 * none of it; this only makes sure).
 */
function capture() {
  const copy = document.getElementById('app').cloneNode(true);
  copy.querySelectorAll('script, iframe, object, embed, template, noscript').forEach((n) => n.remove());
  // The renderer's empty placeholder comments mark where dynamic parts go; inert here.
  const comments = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
  const found = [];
  while (comments.nextNode()) found.push(comments.currentNode);
  found.forEach((n) => n.remove());
  const REFS = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant',
    'aria-details', 'aria-errormessage', 'aria-flowto', 'list', 'form', 'headers'];
  for (const el of copy.querySelectorAll('*')) {
    for (const { name, value } of [...el.attributes]) {
      if (name.startsWith('on') || /^\s*javascript:/i.test(value)) el.removeAttribute(name);
      else if (name === 'id') el.id = `s-${value}`;
      else if (REFS.includes(name)) el.setAttribute(name, value.split(/\s+/).filter(Boolean).map((v) => `s-${v}`).join(' '));
      else if (name === 'href' && /^#./.test(value)) el.setAttribute('href', `#s-${value.slice(1)}`);
      else if (name === 'aria-current' && value === 'date') el.removeAttribute(name);
    }
    el.classList.remove('calendar__cell--today');
    if (el.getAttribute('class') === '') el.removeAttribute('class');
  }
  return copy.innerHTML;
}

/** The app's state when its first screen is complete: nothing loading, a page heading. */
const SETTLED = () => {
  const app = document.getElementById('app');
  return !document.documentElement.hasAttribute('data-snapshot')
    && !!app?.querySelector('#main h1')
    && !app.querySelector('.skeleton, .site-header--placeholder, [aria-busy="true"]');
};

/** At most this many requests are preloaded: the first screen's own, not a long tail. */
const MAX_PRELOAD = 8;

/**
 * Renders `url` (the site's home page). Returns the snapshot markup and the backend
 * requests the page made (same-origin ones relative to the page, so a snapshot rendered
 * from a local copy works when deployed; config.json is preloaded by index.html already).
 */
export async function render(url, { browser: given } = {}) {
  const browser = given ?? await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    try {
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
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForFunction(SETTLED, null, { timeout: 60_000, polling: 20 });
      const made = requests;
      requests = null;
      await page.waitForLoadState('networkidle', { timeout: 60_000 });
      await page.waitForFunction(SETTLED, null, { timeout: 10_000, polling: 100 });
      const problem = await page.evaluate(() => {
        const app = document.getElementById('app');
        if (app.querySelector('.error-panel')) return `the page shows an error: ${app.querySelector('.error-panel').textContent.trim()}`;
        if (!app.querySelector('.news-list li')) return 'the page shows no news';
        return null;
      });
      if (problem) throw new Error(problem);
      const markup = await page.evaluate(capture);
      const base = new URL(url);
      const preload = [...new Set(made)]
        .map((u) => new URL(u))
        .filter((u) => !(u.origin === base.origin && u.pathname === new URL('config.json', base).pathname))
        .map((u) => (u.origin === base.origin && u.pathname.startsWith(base.pathname)
          ? u.href.slice(base.origin.length + base.pathname.length)
          : u.href))
        .slice(0, MAX_PRELOAD);
      return { markup, preload };
    } finally {
      await context.close();
    }
  } finally {
    if (!given) await browser.close();
  }
}

/** Writes index.html and its .br/.gz copies, each by rename: a reader never gets half a file. */
function write(path, html) {
  const data = Buffer.from(html);
  // The page first, then its compressed copies: a copy older than the page is not served
  // (scripts/serve.mjs), so no server sends the old page compressed after the new one.
  const files = [
    [path, data],
    [`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } })],
    [`${path}.gz`, gzipSync(data, { level: 9 })],
  ];
  for (const [name, bytes] of files) {
    writeFileSync(`${name}.tmp`, bytes);
    renameSync(`${name}.tmp`, name);
  }
}

async function main(args) {
  const option = (name) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
  const dir = args.find((a, i) => !a.startsWith('--') && !['--from', '--max-age'].includes(args[i - 1]));
  if (!dir) {
    console.error('usage: node scripts/snapshot.mjs <dir> [--from URL] [--max-age HOURS] | <dir> --remove');
    return 2;
  }
  const indexPath = join(resolve(dir), 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  if (args.includes('--remove')) {
    write(indexPath, stripSnapshot(html));
    console.log(`snapshot: removed from ${indexPath}`);
    return 0;
  }
  const maxAgeHours = Number(option('max-age') ?? DEFAULT_MAX_AGE_HOURS);
  if (!(maxAgeHours > 0)) {
    console.error('snapshot: --max-age takes a positive number of hours');
    return 2;
  }
  let from = option('from');
  let server = null;
  if (!from) {
    // Served under its own <base href> (a sub-path build lives under /press/).
    const base = /<base href="?([^"> ]*)"?/.exec(html)?.[1] ?? '/';
    server = staticServer(() => resolve(dir), base);
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    from = `http://127.0.0.1:${server.address().port}${base}`;
  }
  try {
    const at = Date.now();
    const { markup, preload } = await render(from);
    write(indexPath, withSnapshot(html, markup, { at, maxAgeHours, preload }));
    const br = readFileSync(`${indexPath}.br`).length;
    console.log(`snapshot: ${from} → ${indexPath} (${markup.length} bytes of markup, ${preload.length} requests to preload, index.html ${br} bytes brotli, shown for ${maxAgeHours} h)`);
    return 0;
  } catch (error) {
    console.error(`snapshot: not written, ${indexPath} is unchanged: ${error.message.split('\n')[0]}`);
    return 1;
  } finally {
    server?.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
