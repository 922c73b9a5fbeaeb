#!/usr/bin/env node
// After every build (Trunk post_build hook): lists the app shell in the built directory,
// stamps the build, and writes the list and the stamp into sw.js — so the service worker
// always precaches exactly this build, and a new build is a new worker.
//
//   node scripts/precache.mjs <dir> [--stamp STAMP]
//
// The shell: index.html, the hashed js/wasm/css, favicon, manifest, icons, config.json.
// Not the demo backend (api/): news are cached as readers open them. Not embed.js and
// embed-demo.html: they belong to host pages, not to the app.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--stamp');
if (!dir) {
  console.error('usage: node scripts/precache.mjs <dir> [--stamp STAMP]');
  process.exit(2);
}
const stampArg = args.includes('--stamp') ? args[args.indexOf('--stamp') + 1] : null;

const walk = (d) => readdirSync(d).flatMap((name) => {
  const path = join(d, name);
  return statSync(path).isDirectory() ? walk(path) : [path];
});
const shell = (rel) =>
  rel === 'index.html' || rel === 'favicon.svg' || rel === 'manifest.webmanifest' || rel === 'config.json'
  || /^[^/]+\.(js|wasm|css)$/.test(rel) && !['sw.js', 'embed.js'].includes(rel)
  || rel.startsWith('icons/');
const sha = (data) => createHash('sha256').update(data).digest('hex');

const files = walk(dir).map((p) => relative(dir, p).split(sep).join('/')).filter(shell).sort();

// The stamp: a hash of every shell file but index.html's own stamp line.
const indexPath = join(dir, 'index.html');
const meta = /<meta name="?vestnik-build"? content="?[^">]*"?>/;
let index = readFileSync(indexPath, 'utf8').replace(meta, '');
const stamp = stampArg ?? sha(files.map((f) => `${f}:${f === 'index.html' ? sha(index) : sha(readFileSync(join(dir, f)))}`).join('\n')).slice(0, 12);
// After the charset declaration, which must stay first (minified HTML has no <head> tag).
index = index.replace(/<meta charset="?[^">]*"?>/i, (charset) => `${charset}<meta name="vestnik-build" content="${stamp}">`);
if (!index.includes('name="vestnik-build"')) {
  console.error('precache: index.html has no <meta charset> to put the build stamp after');
  process.exit(1);
}
writeFileSync(indexPath, index);

const entries = files.map((f) => {
  const data = readFileSync(join(dir, f));
  return { url: f, revision: sha(data).slice(0, 16), bytes: data.length };
});
const swPath = join(dir, 'sw.js');
let sw = readFileSync(swPath, 'utf8');
sw = sw.replace(/const BUILD = '[^']*';/, `const BUILD = '${stamp}';`)
  .replace(/const PRECACHE = \/\*__PRECACHE__\*\/\[[^\n]*\];/, `const PRECACHE = /*__PRECACHE__*/${JSON.stringify(entries)};`);
writeFileSync(swPath, sw);

const bytes = entries.reduce((sum, e) => sum + e.bytes, 0);
console.log(`precache: build ${stamp}, ${entries.length} files, ${bytes} bytes`);
