#!/usr/bin/env node
// After every build (Trunk post_build hook, first): moves Trunk's inline module loader out
// of index.html into its own content-hashed file, so the page runs under a
// Content-Security-Policy with `script-src 'self'` and no per-build script hash
// (docs/deploy.md). The loader imports the hashed glue and starts the wasm; its text is
// kept as Trunk wrote it.
//
//   node scripts/extract-loader.mjs <dir>

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/extract-loader.mjs <dir>');
  process.exit(2);
}
const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const inline = /<script type="?module"?>([\s\S]*?)<\/script>/;
const match = inline.exec(html);
if (!match) {
  // Already extracted (an earlier run on the same directory), or Trunk changed: check.
  if (/<script type="?module"? src="?loader-[0-9a-f]{16}\.js"?>/.test(html)) process.exit(0);
  console.error('extract-loader: no inline module script in index.html');
  process.exit(1);
}
const code = match[1];
const name = `loader-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), code);
// Relative to <base href>, like every other asset, so sub-path builds work too.
writeFileSync(indexPath, html.replace(inline, `<script type="module" src="${name}"></script>`));
console.log(`extract-loader: ${name} (${code.length} bytes)`);
