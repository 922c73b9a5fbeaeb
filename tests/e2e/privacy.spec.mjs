// Privacy: a reader's visit asks no one but the site itself. Share buttons are plain links
// (nothing is loaded from VK, OK, Telegram…), fonts and icons are local, there is no
// analytics; the policy of what the browser sends along is in docs/deploy.md
// (Referrer-Policy).
import { test, expect, demo, settled, nextFrames } from './fixtures.mjs';

test('a whole reading session makes no request to any other origin', async ({ page, baseURL }) => {
  const origins = new Set();
  page.on('request', (request) => origins.add(new URL(request.url()).origin));
  const seed = demo.seed();
  await page.goto('/');
  await expect(page.locator('ul.news-list h2').first()).toBeVisible();
  await page.getByLabel('Поиск по новостям').fill('турнир');
  await page.keyboard.press('Enter');
  await expect(page.locator('.feed__count')).toBeVisible();
  await page.goto(`/news/${seed.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await page.locator('.gallery__open').first().click();
  await expect(page.locator('dialog.lightbox')).toBeVisible();
  await page.keyboard.press('Escape');
  // The share bar is links only: hovering or focusing them loads nothing.
  for (const link of await page.locator('.share a').all()) await link.hover();
  await page.goto('/news/archive');
  await page.goto('/saved');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Everything the last page loads is asked for by the time it has settled and drawn.
  await settled(page);
  await nextFrames(page);
  expect([...origins]).toEqual([new URL(baseURL).origin]);
});
