#!/usr/bin/env node
// Serves a built Vestnik (dist/) the way a static host should: correct MIME types
// (application/wasm for streaming compilation), precompressed .br/.gz copies to browsers
// that accept them (scripts/precompress.mjs writes them), every app route falls back to
// index.html, and a missing file with an extension is a real 404 (so the demo backend
// answers 404 for an unknown article, as a dynamic one would).
//
//   node scripts/serve.mjs [dir=dist] [--port 8080] [--host 127.0.0.1] [--prefix /press/]
//
// Plain Node, no dependencies: `make run` and the end-to-end tests use the same server.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';


const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

async function file(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}

/**
 * The precompressed copy (scripts/precompress.mjs) the browser accepts, if there is one
 * and it is not older than the file itself (a file edited after the build is sent as is).
 */
async function precompressed(req, path, original) {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!new RegExp(`\\b${encoding}\\b`).test(accepted)) continue;
    const info = await file(path + suffix);
    if (info && info.mtimeMs >= original.mtimeMs) return { encoding, path: path + suffix, info };
  }
  return null;
}

async function send(req, res, path, info, status = 200) {
  const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  const hashed = /-[0-9a-f]{10,16}(_bg)?\.(js|wasm|css)$/.test(path);
  const headers = {
    'Content-Type': type,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  };
  const packed = await precompressed(req, path, info);
  if (packed) {
    headers['Content-Encoding'] = packed.encoding;
    [path, info] = [packed.path, packed.info];
  }
  headers['Content-Length'] = info.size;
  res.writeHead(status, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // A file removed between the look above and this read (a publication replacing pages,
  // a test's folder going away) ends this response, not the server.
  createReadStream(path).on('error', () => res.destroy()).pipe(res);
}

/**
 * A static server for a built Vestnik. `root()` is asked on every request, so a test can
 * switch the served build without restarting (the service worker update test does).
 */
export function staticServer(root, prefix = '/') {
  return createServer(staticHandler(root, prefix));
}

/**
 * The published file of a feed page chosen by its query (`news?page=3` →
 * `_query/news/page=3.html`, `news?rubric=sport` → `_query/news/rubric=sport.html`), or
 * null: a query of exactly one `page` or `rubric` (any other query — a search, a shared
 * link's utm_… — gets the page the app draws by itself).
 */
export function queryFile(path, params) {
  const pairs = [...params];
  if (path.replace(/\/$/, '') !== 'news' || pairs.length !== 1) return null;
  const [[name, value]] = pairs;
  const valid = name === 'page' ? /^[1-9]\d{0,5}$/ : name === 'rubric' ? /^[A-Za-z0-9_-]{1,80}$/ : null;
  return valid?.test(value) ? `_query/news/${name}=${value}.html` : null;
}

/** The request handler of [`staticServer`], for servers that add routes of their own. */
export function staticHandler(root, prefix = '/') {
  return (req, res) => handle(resolve(root()), prefix, req, res);
}

async function handle(root, prefix, req, res) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    res.writeHead(400).end('Bad request');
    return;
  }
  // A build for a sub-path (`trunk build --public-url /press/`) lives under that prefix.
  if (!pathname.startsWith(prefix)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  pathname = `/${pathname.slice(prefix.length)}`;
  const target = normalize(join(root, pathname));
  if (target !== root && !target.startsWith(root + sep)) {
    res.writeHead(403).end('Forbidden');
    return;
  }
  // A page of the feed with a query (`/news?page=3`, `/news?rubric=sport`) has its own
  // published file, `_query/news/page=3.html` (scripts/publish.mjs): docs/deploy.md has the
  // same rule for nginx.
  const query = queryFile(pathname.slice(1), new URL(req.url, 'http://x').searchParams);
  const published = query && await file(join(root, query));
  if (published) return send(req, res, join(root, query), published);
  const direct = await file(target);
  if (direct) return send(req, res, target, direct);
  const index = await file(join(target, 'index.html'));
  if (index) return send(req, res, join(target, 'index.html'), index);
  // A path with an extension is a missing file, except under news/: an article id may be a
  // URL ending in ".html" (JSON Feed), and its address is an app route.
  if (extname(pathname) && !pathname.startsWith('/news/')) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  // An app route (/news/123): the single-page app handles it.
  const shell = join(root, 'index.html');
  const info = await file(shell);
  if (info) return send(req, res, shell, info);
  res.writeHead(404).end('Not found: build the app first (make build)');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const root = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'dist');
  const port = Number(option('port', '8080'));
  const host = option('host', '127.0.0.1');
  const prefix = option('prefix', '/');
  staticServer(() => root, prefix).listen(port, host, () => {
    console.log(`Vestnik: serving ${root} at http://${host}:${port}${prefix}`);
  });
}
