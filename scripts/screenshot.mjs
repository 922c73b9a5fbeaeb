#!/usr/bin/env node
// Screenshots app pages in Debian's Chromium, as a reader sees them, at 1280 px and 390 px.
//
//   node scripts/screenshot.mjs http://127.0.0.1:8080/ [more URLs…] [--out shots] [--full] [--lang en]
//
// Prints console errors of each page too, so a glance tells whether the app is healthy.

import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : 'shots';
const fullPage = args.includes('--full');
const langIndex = args.indexOf('--lang');
const lang = langIndex >= 0 ? args[langIndex + 1] : null;
const urls = args.filter((a, i) => !a.startsWith('--') && !['--out', '--lang'].includes(args[i - 1]));
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['mobile', { width: 390, height: 844 }]]) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'ru-RU' });
  if (lang) await context.addInitScript((code) => localStorage.setItem('vestnik.lang', code), lang);
  for (const url of urls) {
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log(`  console error (${url}): ${m.text()}`));
    page.on('pageerror', (e) => console.log(`  page error (${url}): ${e.message}`));
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    const { pathname, hash } = new URL(url);
    const slug = `${pathname}${hash}`.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
    const file = `${out}/${slug}-${name}.png`;
    await page.screenshot({ path: file, fullPage });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    console.log(`${file}${overflow > 0 ? `  (horizontal overflow: ${overflow}px)` : ''}`);
    await page.close();
  }
  await context.close();
}
await browser.close();
