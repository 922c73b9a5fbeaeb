// The same app built for a sub-path (`make build-subpath`: --public-url /press/) works
// there: links, the router, the backend, the calendar, the article, the service worker.
import { fileURLToPath } from 'node:url';
import { test, expect, demo, listen } from './fixtures.mjs';
import { staticServer } from '../../scripts/serve.mjs';

const dist = fileURLToPath(new URL('../../dist-press', import.meta.url));
let server;
let origin;

test.beforeAll(async () => {
  server = staticServer(() => dist, '/press/');
  origin = await listen(server);
});

test.afterAll(() => server?.close());

test('every link, route and request stays under /press/', async ({ page }) => {
  const outside = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === origin && !url.pathname.startsWith('/press/')) outside.push(url.pathname);
  });
  await page.goto(`${origin}/press/`);
  const titles = page.locator('ul.news-list h2');
  await expect(titles.first()).toHaveText(demo.page(1).items[0].title);
  await page.getByRole('navigation', { name: 'Страницы списка' }).getByRole('link', { name: 'Страница 2', exact: true }).click();
  await expect(page).toHaveURL(`${origin}/press/news?page=2`);
  await expect(titles.first()).toHaveText(demo.page(2).items[0].title);
  await titles.first().getByRole('link').click();
  await expect(page).toHaveURL(`${origin}/press/news/${demo.page(2).items[0].id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(demo.page(2).items[0].title);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', `${origin}/press/news/${demo.page(2).items[0].id}`);
  await page.getByRole('link', { name: 'Возврат к списку' }).click();
  await expect(page).toHaveURL(`${origin}/press/news?page=2`);
  await page.locator('section.calendar a.calendar__day--news').first().click();
  await expect(page).toHaveURL(new RegExp(`^${origin}/press/news/archive/\\d{4}/\\d{2}/\\d{2}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Новости за /);
  await page.getByLabel('Поиск по новостям').fill('турнир');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`^${origin}/press/news/archive/.*\\?q=`));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Новости за /);
  await page.getByRole('banner').getByRole('link', { name: 'Главная' }).click();
  await expect(page).toHaveURL(`${origin}/press/`);
  expect(outside).toEqual([]);
});

test.describe('with service workers', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the worker is scoped to /press/ and serves the shell there', async ({ page }) => {
    await page.goto(`${origin}/press/news/${demo.seed().id}`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    expect(scope).toBe(`${origin}/press/`);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(demo.seed().title);
  });
});
