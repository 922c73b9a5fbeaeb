// Vestnik under the strict Content-Security-Policy docs/deploy.md gives: no inline script or
// style, no eval; the reading path runs with zero `securitypolicyviolation` events.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { test, expect, demo, listen, settled, nextFrames } from './fixtures.mjs';
import { staticHandler } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seed = demo.seed();
const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

let server;
let origin;
test.beforeAll(async () => {
  const serve = staticHandler(() => join(root, 'dist'));
  server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', POLICY);
    serve(req, res);
  });
  origin = await listen(server);
});
test.afterAll(() => server.close());

test('the whole reading path runs under the strict policy with no violation', async ({ page }) => {
  // Collected outside the page, so every document of the path counts.
  const violations = [];
  await page.exposeFunction('__cspViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolation(`${e.violatedDirective}: ${e.blockedURI || e.sample} (${location.pathname})`);
    });
  });
  await page.goto(`${origin}/`);
  await expect(page.locator('ul.news-list h2').first()).toBeVisible();
  await page.getByRole('button', { name: 'Версия для слабовидящих' }).click();
  await page.getByLabel('Белым по чёрному').check();
  await page.getByRole('button', { name: 'Обычная версия' }).click();
  await page.goto(`${origin}/news/${seed.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await page.locator('.gallery__open').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  // The copy fallback (no Clipboard API) places a hidden field: by a class, not a style.
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await page.getByRole('button', { name: 'Копировать ссылку' }).click();
  await page.goto(`${origin}/news/archive/2020/12`);
  await expect(page.locator('.calendar table')).toBeVisible();
  await page.goto(`${origin}/embed/feed?limit=2`);
  await expect(page.locator('.embed-feed__item')).toHaveCount(2);
  // Reports come in the order the page sends them: once a last one, sent after the page
  // has settled and drawn two more frames, is in, so is every violation before it.
  await settled(page);
  await nextFrames(page);
  await page.evaluate(() => window.__cspViolation('end'));
  expect(violations).toEqual(['end']);
});
