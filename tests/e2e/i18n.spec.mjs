// The interface in English: the switch persists, dates, plurals and ARIA labels follow it,
// content keeps its own language (marked with lang), and axe is as clean as in Russian.
import { test, expect, demo, seriousAxeViolations, settled } from './fixtures.mjs';

const seed = demo.seed();
const english = (page) => page.addInitScript(() => localStorage.setItem('vestnik.lang', 'en'));

test('the language switch persists across navigation and reloads', async ({ page }) => {
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Новости');
  // A plain link (it works before the app has started too); the address keeps no trace of it.
  await page.getByRole('group', { name: 'Язык интерфейса' }).getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('News');
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(html).toHaveAttribute('lang', 'en');
  expect(await page.evaluate(() => localStorage.getItem('vestnik.lang'))).toBe('en');
  await expect(page.getByText(`${demo.index.length} news items in all`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
  await page.goto(`/news/${seed.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toContainText('Home');
  await page.reload();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'Back to the list' })).toBeVisible();
  // And back to Russian, named in Russian whatever the interface language.
  await page.getByRole('group', { name: 'Interface language' }).getByRole('link', { name: 'Русский' }).click();
  await expect(page.getByRole('link', { name: 'Возврат к списку' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/news/${seed.id}$`));
  await expect(html).toHaveAttribute('lang', 'ru');
});

test('English dates, plurals and labels on the article; content keeps lang="ru"', async ({ page }) => {
  await english(page);
  await page.goto(`/news/${seed.id}`);
  const article = page.locator('article.article');
  await expect(article.locator('.article__date')).toHaveText('1 December 2020, 09:30');
  await expect(page.locator('.gallery__count')).toHaveText(`(${seed.gallery.length} photos)`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'ru');
  await expect(article.locator('.article-body')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('.article__updated')).toContainText('Last updated: 01.12.2020');
  await expect(page.getByRole('link', { name: 'Share on VK' })).toHaveAttribute('href', /vk\.com/);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(`^Open photo 2 of ${seed.gallery.length}`) }).click();
  const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
  await expect(viewer).toBeVisible();
  await expect(viewer).toContainText(`2 of ${seed.gallery.length}`);
  await viewer.getByRole('button', { name: 'Next photo' }).click();
  await expect(viewer).toContainText(`3 of ${seed.gallery.length}`);
  await viewer.getByRole('button', { name: 'Close the viewer' }).click();
  await expect(viewer).toBeHidden();
});

test('English calendar, archive and filters', async ({ page }) => {
  await english(page);
  await page.goto('/news/archive/2020/12');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('News for December 2020');
  const calendar = page.locator('.calendar');
  await expect(calendar.locator('thead th').first()).toHaveText('Mo');
  await expect(calendar.locator('thead th').first()).toHaveAttribute('abbr', 'Monday');
  await expect(calendar.getByRole('link', { name: /^1 December 2020 — \d+ news items?$/ })).toBeVisible();
  await expect(calendar.getByRole('button', { name: 'Previous month: November 2020' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Remove filter “Period: December 2020”' })).toBeVisible();
  await page.goto('/news/archive/2020');
  await expect(page.getByRole('navigation', { name: 'News of 2020 by month' })).toContainText('December — ');
  await page.goto('/news/archive/2020/13');
  await expect(page.getByText('The archive has no such date.')).toBeVisible();
});

test('the English interface has no serious or critical axe violations', async ({ page }) => {
  await english(page);
  for (const route of ['/', `/news/${seed.id}`, '/news/archive', '/no/such/page']) {
    await page.goto(route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await settled(page);
    expect(await seriousAxeViolations(page), route).toEqual([]);
  }
});

test('a widget speaks its lang option, independent of the reader’s choice', async ({ page }) => {
  await page.goto('/embed/feed?limit=2&lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`News — ${demo.site.short_name}`);
  await expect(page.getByRole('link', { name: 'All news' })).toBeVisible();
  await expect(page.locator('.embed-feed__title').first()).toHaveAttribute('lang', 'ru');
  await page.goto('/embed/feed?limit=2');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('link', { name: 'Все новости' })).toBeVisible();
});
