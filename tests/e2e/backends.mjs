#!/usr/bin/env node
// A second origin for the end-to-end tests: the backends press services already run,
// answering from our fixtures (tests/fixtures) the way the real ones answer.
//
//   /wp-json/…  the WordPress REST API: the index (honouring _fields), posts with paging
//               (X-WP-Total / X-WP-TotalPages, 400 past the last page), search, categories,
//               after/before on the site-local date, _fields=date; one post; categories.
//   /feed/…     a JSON Feed in three pages (1.1, 1.0, 1.1) linked by next_url.
//   /wp-content/uploads/…, /media/…  the pictures (the demo's own files).
//   /loop       a redirect loop, for the hostile-backend tests.
//
// Every response carries the CORS headers a real deployment needs (docs/backends.md),
// and the fixtures' origin (https://press.example) is rewritten to this server's.
//
//   node tests/e2e/backends.mjs [--port 4174] [--host 127.0.0.1]

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (path) => readFileSync(`${root}/tests/fixtures/${path}`, 'utf8');
const ORIGIN = 'https://press.example';

const wp = {
  index: JSON.parse(fixture('wordpress/index.json')),
  posts: JSON.parse(fixture('wordpress/posts.json')),
  categories: JSON.parse(fixture('wordpress/categories.json')),
};

const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'X-WP-Total, X-WP-TotalPages, Link',
};

function json(res, req, body, status = 200, headers = {}) {
  const origin = `http://${req.headers.host}`;
  const text = JSON.stringify(body).replaceAll(ORIGIN, origin);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', ...cors, ...headers });
  res.end(text);
}

function wpError(res, req, status, code, message) {
  json(res, req, { code, message, data: { status } }, status);
}

/** `_fields=a,b` keeps only those top-level keys, as WordPress does. */
function fields(object, list) {
  if (!list) return object;
  const keep = list.split(',').map((f) => f.trim());
  return Object.fromEntries(Object.entries(object).filter(([k]) => keep.includes(k)));
}

const plain = (html) => html.replace(/<[^>]*>/g, ' ').toLowerCase();

function posts(req, res, url) {
  const q = url.searchParams;
  const perPage = Number(q.get('per_page') ?? 10);
  const page = Number(q.get('page') ?? 1);
  if (!(perPage >= 1 && perPage <= 100)) {
    return wpError(res, req, 400, 'rest_invalid_param', 'Неверный параметр: per_page');
  }
  let list = wp.posts;
  const search = q.get('search');
  if (search) {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    list = list.filter((p) => {
      const text = plain(`${p.title.rendered} ${p.excerpt.rendered} ${p.content.rendered}`);
      return words.every((w) => text.includes(w));
    });
  }
  const categories = q.get('categories');
  if (categories) {
    const ids = categories.split(',').map(Number);
    list = list.filter((p) => p.categories.some((c) => ids.includes(c)));
  }
  const after = q.get('after');
  if (after) list = list.filter((p) => p.date > after);
  const before = q.get('before');
  if (before) list = list.filter((p) => p.date < before);
  const total = list.length;
  const pages = Math.ceil(total / perPage);
  if (page > Math.max(pages, 1)) {
    return wpError(res, req, 400, 'rest_post_invalid_page_number', 'Запрошенный номер страницы больше, чем количество доступных страниц.');
  }
  const slice = list.slice((page - 1) * perPage, page * perPage).map((p) => fields(p, q.get('_fields')));
  json(res, req, slice, 200, { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(pages) });
}

function media(res, name) {
  // WordPress names other sizes "photo-1024x683.webp"; the demo has the full size.
  const file = name.replace(/-\d+x\d+(\.\w+)$/, '$1');
  if (!/^[\w-]+\.(webp|svg)$/.test(file)) {
    res.writeHead(404, cors);
    return res.end();
  }
  try {
    const body = readFileSync(`${root}/public/api/media/${file}`);
    res.writeHead(200, { 'Content-Type': file.endsWith('.svg') ? 'image/svg+xml' : 'image/webp', ...cors });
    res.end(body);
  } catch {
    res.writeHead(404, cors);
    res.end();
  }
}

export function handler(req, res) {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const path = url.pathname;
  let m;
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'GET' });
    return res.end();
  }
  if (path === '/loop') {
    // A redirect that never ends (the hostile-backend tests send the app here).
    res.writeHead(301, { Location: `/loop?n=${Number(url.searchParams.get('n') ?? 0) + 1}`, ...cors });
    return res.end();
  }
  if (path === '/wp-json/' || path === '/wp-json') {
    return json(res, req, fields(wp.index, url.searchParams.get('_fields')));
  }
  if (path === '/wp-json/wp/v2/posts') return posts(req, res, url);
  if ((m = path.match(/^\/wp-json\/wp\/v2\/posts\/(\d+)$/))) {
    const post = wp.posts.find((p) => p.id === Number(m[1]));
    return post ? json(res, req, post) : wpError(res, req, 404, 'rest_post_invalid_id', 'Неверный ID записи.');
  }
  if (path === '/wp-json/wp/v2/categories') return json(res, req, wp.categories);
  if ((m = path.match(/^\/feed\/(feed(?:-\d)?\.json)$/))) {
    try {
      return json(res, req, JSON.parse(fixture(`jsonfeed/${m[1]}`)));
    } catch {
      return json(res, req, {}, 404);
    }
  }
  if ((m = path.match(/^\/(?:wp-content\/uploads\/\d{4}\/\d{2}|media)\/([^/]+)$/))) return media(res, m[1]);
  res.writeHead(404, { 'Content-Type': 'text/html', ...cors });
  res.end('<!doctype html><title>404</title><h1>Not Found</h1>');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const port = Number(arg('--port', 4174));
  const host = arg('--host', '127.0.0.1');
  createServer(handler).listen(port, host, () => {
    console.log(`Backends (WordPress, JSON Feed) at http://${host}:${port}/`);
  });
}
