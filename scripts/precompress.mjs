#!/usr/bin/env node
// After every build (Trunk post_build hook, after precache.mjs): writes brotli (.br, quality
// 11) and gzip (.gz, level 9) copies of every compressible file, as a CDN would serve them.
// scripts/serve.mjs sends them to browsers that accept them; nginx's `brotli_static` and
// `gzip_static` do the same (docs/deploy.md). Files under 512 bytes are left alone.
//
//   node scripts/precompress.mjs <dir>

import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/precompress.mjs <dir>');
  process.exit(2);
}
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.webmanifest', '.txt']);

const walk = (d) => readdirSync(d).flatMap((name) => {
  const path = join(d, name);
  return statSync(path).isDirectory() ? walk(path) : [path];
});

let count = 0;
let raw = 0;
let br = 0;
for (const path of walk(dir)) {
  if (!COMPRESSIBLE.has(extname(path).toLowerCase())) continue;
  const data = readFileSync(path);
  if (data.length < 512) continue;
  const brotli = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_LGWIN]: 24,
    },
  });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  count += 1;
  raw += data.length;
  br += brotli.length;
}
console.log(`precompress: ${count} files, ${raw} bytes, ${br} with brotli`);
