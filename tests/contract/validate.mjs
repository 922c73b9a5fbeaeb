#!/usr/bin/env node
// Validates the demo backend (public/) against the contract's JSON Schemas (docs/schema),
// and checks that the schemas reject what the contract forbids — so neither the demo
// data nor the documentation can drift from what the app decodes.

import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const schemaDir = join(root, 'docs/schema');
const ajv = new Ajv2020({ allErrors: true, strict: true });
for (const file of readdirSync(schemaDir)) {
  ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, file), 'utf8')), file);
}

const walk = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? walk(path) : [path];
});

// Which schema each demo file answers to, by its place in the demo backend.
const schemaFor = (rel) =>
  rel === 'config.json' ? 'config.schema.json'
    : rel === 'api/site.json' ? 'site.schema.json'
      : rel === 'api/archive.json' ? 'archive.schema.json'
        : rel === 'api/news-index.json' ? 'news-index.schema.json'
        : /^api\/news\/page\/\d+\.json$/.test(rel) ? 'news-page.schema.json'
          : /^api\/news\/[^/]+\.json$/.test(rel) ? 'article.schema.json'
            : /^api\/calendar\/\d{4}\/\d{2}\.json$/.test(rel) ? 'calendar-month.schema.json'
              : null;

let checked = 0;
const failures = [];
const publicDir = join(root, 'public');
for (const path of walk(publicDir).filter((p) => p.endsWith('.json'))) {
  const rel = relative(publicDir, path);
  const schema = schemaFor(rel);
  if (!schema) {
    failures.push(`${rel}: no schema describes this file`);
    continue;
  }
  const validate = ajv.getSchema(schema);
  if (!validate(JSON.parse(readFileSync(path, 'utf8')))) {
    failures.push(`${rel} (${schema}): ${ajv.errorsText(validate.errors)}`);
  }
  checked += 1;
}

// The schemas must refuse what the decoders refuse.
const mustFail = [
  ['news-page.schema.json', { page: '1', pages: 1, total: 1, items: [] }],
  ['news-page.schema.json', { page: 1, pages: 1, total: 1, items: [{ id: '', title: 't', published: '2020-12-01T09:30:00+07:00' }] }],
  ['news-page.schema.json', { page: 1, pages: 1, total: 1, items: [{ id: '1', title: 't', published: '01.12.2020' }] }],
  ['article.schema.json', { id: '1', title: 't', published: '2020-12-01T09:30:00Z', gallery: [{ src: 'a.webp', width: 0, height: 1 }] }],
  ['calendar-month.schema.json', { year: 2020, month: 13, first: '2020-01', last: '2020-12' }],
  ['config.schema.json', { api_base: 'api/', endpoints: { site: 's', news_page: 'news.json', article: 'n/{id}' } }],
  ['config.schema.json', { api_base: 'api/', endpoint: {} }],
  ['config.schema.json', { backend: 'rss', feed_url: 'f.json' }],
  ['config.schema.json', { backend: 'jsonfeed', feed_url: 'f.json', endpoints: {} }],
  ['config.schema.json', { backend: 'wordpress' }],
  ['config.schema.json', { backend: 'wordpress', api_base: 'https://p.example/wp-json/', site: { menu: 'x' } }],
];

// Every kind's example in docs/backends.md is a valid config.
const examples = [...readFileSync(join(root, 'docs/backends.md'), 'utf8').matchAll(/```json config\n([\s\S]*?)```/g)];
if (examples.length < 3) failures.push(`docs/backends.md: expected a config example per kind, found ${examples.length}`);
for (const [, text] of examples) {
  const validate = ajv.getSchema('config.schema.json');
  if (!validate(JSON.parse(text))) failures.push(`docs/backends.md example (${ajv.errorsText(validate.errors)}): ${text}`);
  checked += 1;
}
for (const [schema, doc] of mustFail) {
  if (ajv.getSchema(schema)(doc)) failures.push(`${schema} accepted ${JSON.stringify(doc)}`);
}

if (failures.length) {
  console.error(failures.join('\n'));
  console.error(`contract: ${failures.length} problem(s)`);
  process.exit(1);
}
console.log(`contract: ${checked} demo files valid, ${mustFail.length} invalid documents refused`);
