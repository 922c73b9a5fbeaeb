#!/usr/bin/env node
// After every build (Trunk post_build hook, after precache.mjs): writes brotli (.br, quality
// 11) and gzip (.gz, level 9) copies of every compressible file, as a CDN would serve them.
// scripts/serve.mjs sends them to browsers that accept them; nginx's `brotli_static` and
// `gzip_static` do the same (docs/deploy.md). Files under 512 bytes are left alone.
// `compressed` is the one recipe: the publish step (snapshot.mjs) and the bench use it too.
//
//   node scripts/precompress.mjs <dir>

import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.webmanifest', '.txt']);

/** The brotli and gzip copies of `data` (a Buffer), as every copy Vestnik serves is made. */
export function compressed(data) {
  return {
    br: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [constants.BROTLI_PARAM_LGWIN]: 24,
      },
    }),
    gz: gzipSync(data, { level: 9 }),
  };
}

const walk = (d) => readdirSync(d).flatMap((name) => {
  const path = join(d, name);
  return statSync(path).isDirectory() ? walk(path) : [path];
});

function main(dir) {
  if (!dir) {
    console.error('usage: node scripts/precompress.mjs <dir>');
    return 2;
  }
  let count = 0;
  let raw = 0;
  let br = 0;
  for (const path of walk(dir)) {
    if (!COMPRESSIBLE.has(extname(path).toLowerCase())) continue;
    const data = readFileSync(path);
    if (data.length < 512) continue;
    const copies = compressed(data);
    writeFileSync(`${path}.br`, copies.br);
    writeFileSync(`${path}.gz`, copies.gz);
    count += 1;
    raw += data.length;
    br += copies.br.length;
  }
  console.log(`precompress: ${count} files, ${raw} bytes, ${br} with brotli`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv[2]);
}
