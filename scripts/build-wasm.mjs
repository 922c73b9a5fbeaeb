#!/usr/bin/env node
// Builds the app's WebAssembly and its loader into a Trunk staging directory (Trunk's
// post_build hook, first). Trunk 0.21 cannot split a wasm into lazily loaded chunks
// (trunk-rs/trunk#1022), so this does what its Rust pipeline did, with the split in between:
//
//   1. cargo: the app, with the `split` feature and relocations kept (release), so every
//      `split!` function in src/ is a split point (src/lazy.rs);
//   2. wasm-split-cli (crates.io `wasm_split_cli_support`, pinned by scripts/setup.sh):
//      the main module, one .wasm per chunk, and the JS module that loads them on demand;
//   3. wasm-bindgen (the exact version Cargo.lock resolves) on the main module;
//   4. wasm-opt -Oz (npm's binaryen, package.json; Debian's 108 breaks the app) on every
//      .wasm (release);
//   5. content-hashed names, the chunk loader's fetches with their integrity, and the
//      loader (`loader-<hash>.js`) that starts the app — a file, not an inline script, so
//      the page runs under a CSP without a script hash (docs/deploy.md);
//   6. index.html: the loader's <script> where `<script data-vestnik-loader>` stands, and
//      preload links with integrity for the glue and the main wasm.
//
// A debug build (`make dev`) skips the split (one wasm, as Trunk made it) and wasm-opt.
//
//   node scripts/build-wasm.mjs <staging dir>
//   env: TRUNK_PROFILE (debug|release), TRUNK_PUBLIC_URL (/ or /press/),
//        BACKENDS (unset: the default adapters; "" or "wordpress": only those, see Makefile)

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const staging = process.argv[2];
if (!staging) {
  console.error('usage: node scripts/build-wasm.mjs <staging dir>');
  process.exit(2);
}
const release = process.env.TRUNK_PROFILE === 'release';
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
const NAME = 'vestnik';
const TARGET = 'wasm32-unknown-unknown';
// The wasm features every browser Vestnik supports has (wasm-bindgen reads them from the
// module's target_features section; wasm-opt must be told).
const WASM_OPT = ['-Oz', '--low-memory-unused', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

const run = (cmd, args, env = {}) => {
  console.log(`build-wasm: ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
};
const sha = (data, algorithm = 'sha256') => createHash(algorithm).update(data).digest();
const short = (data) => sha(data).toString('hex').slice(0, 16);
const integrity = (data) => `sha384-${sha(data, 'sha384').toString('base64')}`;

// ---- 1. cargo ----
const split = release;
const backends = process.env.BACKENDS;
const features = [...(backends === undefined ? [] : backends.split(/[\s,]+/).filter(Boolean)), ...(split ? ['split'] : [])];
run('cargo', [
  'rustc', '--bin', NAME, '--target', TARGET, '--offline',
  ...(release ? ['--release'] : []),
  ...(backends === undefined ? [] : ['--no-default-features']),
  ...(features.length ? ['--features', features.join(',')] : []),
  // Relocations let wasm-split tell which code each split point reaches; only the final
  // link needs them, so only this crate's rustc gets the flag (no rebuild of the rest).
  ...(split ? ['--', '-C', 'link-args=--emit-relocs'] : []),
]);
const built = join(root, 'target', TARGET, release ? 'release' : 'debug', `${NAME}.wasm`);

// ---- 2. wasm-split ----
const work = join(root, 'target', 'vestnik-wasm', release ? 'release' : 'debug');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
let main = built;
if (split) {
  run('wasm-split-cli', [built, work, '--out-name', NAME]);
  main = join(work, `${NAME}.wasm`);
}

// ---- 3. wasm-bindgen ----
const out = join(work, 'out');
run('wasm-bindgen', [
  '--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', NAME,
  ...(split ? ['--keep-lld-exports', '--no-demangle'] : []),
  main,
]);

// ---- 4. wasm-opt ----
const chunks = split
  ? readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`)
  : [];
const mainWasm = join(out, `${NAME}_bg.wasm`);
if (release) {
  for (const file of [mainWasm, ...chunks.map((c) => join(work, c))]) {
    run(join(root, 'node_modules', '.bin', 'wasm-opt'), [...WASM_OPT, file, '-o', file]);
  }
}

// ---- 5. names, integrity, the loader ----
const written = [];
const put = (name, data) => {
  writeFileSync(join(staging, name), data);
  written.push(name);
};
// Each chunk is named by its content; the chunk loader fetches it with its integrity.
const SPLIT_JS = '__wasm_split.js';
let splitJs = split ? readFileSync(join(work, SPLIT_JS), 'utf8') : null;
// wasm-split names them split_<chunk>.wasm (a split point's own code) and chunk_<n>.wasm
// (code two or more of them share): here vestnik-<chunk>-<hash>.wasm and
// vestnik-shared<n>-<hash>.wasm, so every hashed file of the build starts with `vestnik-`.
const chunkName = (file) => file.replace(/^split_/, '').replace(/^chunk_/, 'shared').replace(/\.wasm$/, '');
// Which split points each file serves: its own (split_<name>), or those named in the
// comment wasm-split writes right above a shared chunk's loader
// (`/* article, embed */ const __chunk_7 = makeLoad(…)`). Anything else means the
// splitter's output changed: better a failed build than chunks preloaded for no page.
const servesOf = (file) => {
  const own = /^split_(.+)\.wasm$/.exec(file);
  if (own) return [own[1]];
  const shared = /^chunk_(\d+)\.wasm$/.exec(file);
  const comment = shared && new RegExp(String.raw`/\* ([\w, ]+) \*/\s*const __chunk_${shared[1]} = makeLoad\(`).exec(splitJs);
  if (!comment) throw new Error(`build-wasm: ${SPLIT_JS} does not say which split points ${file} serves, as expected`);
  return comment[1].split(/,\s*/);
};
const files = {}; // split point → [[file, integrity]]
for (const chunk of chunks) {
  const data = readFileSync(join(work, chunk));
  const hashed = `${NAME}-${chunkName(chunk)}-${short(data)}.wasm`;
  put(hashed, data);
  for (const point of servesOf(chunk)) (files[point] ??= []).push([hashed, integrity(data)]);
  const fetchOf = `fetch(new URL("./${chunk}", import.meta.url))`;
  if (!splitJs.includes(fetchOf)) throw new Error(`build-wasm: ${SPLIT_JS} does not fetch ${chunk} as expected`);
  splitJs = splitJs.replace(fetchOf,
    `fetch(new URL("./${hashed}", import.meta.url), { integrity: "${integrity(data)}" })`);
}
const wasmData = readFileSync(mainWasm);
const wasmName = `${NAME}-${short(wasmData)}_bg.wasm`;
put(wasmName, wasmData);
let glue = readFileSync(join(out, `${NAME}.js`), 'utf8');
// The glue and the chunk loader import each other, so they share one name hash: that of
// both texts (with the wasm's and the chunks' hashes in them) before the names go in.
const pairHash = short(`${glue}\n${splitJs ?? ''}\n${wasmName}`);
const glueName = `${NAME}-${pairHash}.js`;
const splitName = `${NAME}-chunks-${pairHash}.js`;
if (split) {
  const importOf = `from "./${SPLIT_JS}"`;
  if (!glue.includes(importOf)) throw new Error(`build-wasm: the glue does not import ${SPLIT_JS} as expected`);
  glue = glue.split(importOf).join(`from "./${splitName}"`);
  const mainOf = `from "./${NAME}.js"`;
  if (!splitJs.includes(mainOf)) throw new Error(`build-wasm: ${SPLIT_JS} does not import the glue as expected`);
  splitJs = splitJs.replace(mainOf, `from "./${glueName}"`);
  put(splitName, splitJs);
}
put(glueName, glue);
const snippets = join(out, 'snippets');
if (existsSync(snippets)) {
  cpSync(snippets, join(staging, 'snippets'), { recursive: true });
  written.push('snippets/');
}
// The loader starts the app as Trunk's did (the bench and tests listen for its event).
// Where a first-screen snapshot shows, it waits until that has painted (public/prefs.js
// says when): nothing then competes with what the reader sees first, and the snapshot's
// links and form work meanwhile. On a page whose code is in a chunk (an article opened
// from a link, a widget, the saved page) it starts downloading that chunk beside the main
// module, rather than after it: a preload the chunk loader's own fetch then takes (same
// address and integrity). The paths are core::routes::Page's and core::embed::Widget's.
const PRELOAD = {
  article: '^news/(?!archive/?$)[^/]+/?$',
  saved: '^saved/?$',
  embed: '^embed/',
};
const preloads = Object.entries(PRELOAD)
  .filter(([point]) => files[point])
  .map(([point, path]) => [path, files[point]]);
const modules = [glueName, ...(split ? [splitName] : [])].map((name) => [name, integrity(readFileSync(join(staging, name)))]);
const loader = `if (window.vestnikPainted) await window.vestnikPainted;
const link = (rel, file, integrity) => {
  const tag = Object.assign(document.createElement('link'), { rel, crossOrigin: 'anonymous', integrity });
  if (rel === 'preload') tag.as = 'fetch';
  tag.href = new URL(file, import.meta.url).href;
  document.head.append(tag);
};
const here = location.pathname.slice(new URL(document.baseURI).pathname.length);
for (const [path, files] of ${JSON.stringify(preloads)}) {
  if (new RegExp(path).test(here)) for (const [file, integrity] of files) link('preload', file, integrity);
}
// The three downloads start together, not one after the other: the glue, the chunk
// loader it imports and the wasm (with the integrity the page's preload of it carries).
for (const [file, integrity] of ${JSON.stringify(modules)}) link('modulepreload', file, integrity);
const url = new URL('./${wasmName}', import.meta.url);
const response = fetch(url, { integrity: '${integrity(wasmData)}' });
const bindings = await import('./${glueName}');
// Compiled in one task and started in the next, so neither blocks the page for long (a
// server sending the wrong type for .wasm still works, from the bytes).
const module = await WebAssembly.compileStreaming(response)
  .catch(async () => WebAssembly.compile(await (await fetch(url)).arrayBuffer()));
// (A message to itself rather than a timer: not clamped, and not held by a test's paused clock.)
const channel = new MessageChannel();
await new Promise((go) => { channel.port1.onmessage = go; channel.port2.postMessage(null); });
const wasm = await bindings.default({ module_or_path: module });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
`;
const loaderName = `loader-${short(loader)}.js`;
put(loaderName, loader);

// ---- 6. index.html ----
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const placeholder = /<script data-vestnik-loader(?:="")?><\/script>/;
if (!placeholder.test(html)) throw new Error('build-wasm: index.html has no <script data-vestnik-loader></script>');
const file = (name) => readFileSync(join(staging, name));
const tags = [
  `<link rel="modulepreload" href="${publicUrl}${glueName}" crossorigin="anonymous" integrity="${integrity(file(glueName))}">`,
  ...(split ? [`<link rel="modulepreload" href="${publicUrl}${splitName}" crossorigin="anonymous" integrity="${integrity(file(splitName))}">`] : []),
  `<link rel="preload" href="${publicUrl}${wasmName}" crossorigin="anonymous" integrity="${integrity(wasmData)}" as="fetch" type="application/wasm">`,
  `<script type="module" src="${loaderName}"></script>`,
];
// Trunk leaves its skipped Rust link in place: it has done its work.
html = html.replace(placeholder, () => tags.join('')).replace(/<link [^>]*data-trunk-skip[^>]*>/, '');
writeFileSync(indexPath, html);
console.log(`build-wasm: ${written.join(', ')}`);
