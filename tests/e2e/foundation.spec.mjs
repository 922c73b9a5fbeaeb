// The foundation: the feed, an article, navigation, 404s, and a backend that fails.
import { test, expect, demo, seriousAxeViolations, expectNoHorizontalScroll, settled, nextFrames, unsafeUrls } from './fixtures.mjs';

const seed = demo.seed();
const first = demo.page(1);

test.describe('feed', () => {
  test('home shows the first page of the demo feed', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Новости' })).toBeVisible();
    const items = page.locator('ul.news-list > li');
    await expect(items).toHaveCount(first.items.length);
    await expect(items.first().getByRole('heading', { level: 2 })).toHaveText(first.items[0].title);
    await expect(page.locator('.feed__count')).toHaveText(`Всего ${first.total} новостей`);
    await expect(page).toHaveTitle(`Новости — ${demo.site.name}`);
    await expect(page.getByRole('banner')).toContainText(demo.site.name);
    for (const link of demo.site.sidebar.flatMap((g) => g.links)) {
      await expect(page.getByRole('complementary').getByRole('link', { name: link.title })).toHaveAttribute('href', link.url);
    }
    await expectNoHorizontalScroll(page);
  });

  test('dates read in Russian on the site clock', async ({ page }) => {
    await page.goto('/');
    // 2024-11-27T16:20:00+07:00 in the demo: the newest item.
    await expect(page.locator('ul.news-list time').first()).toHaveText('27 ноября 2024, 16:20');
  });

  test('pages forward and back with the browser buttons', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: /Следующая/ }).click();
    await expect(page).toHaveURL(/\/news\?page=2$/);
    await expect(page.locator('ul.news-list h2').first()).toHaveText(demo.page(2).items[0].title);
    await page.goBack();
    await expect(page.locator('ul.news-list h2').first()).toHaveText(first.items[0].title);
    await page.goForward();
    await expect(page.locator('ul.news-list h2').first()).toHaveText(demo.page(2).items[0].title);
  });

  test.describe('past the end', () => {
    // The static demo backend answers 404 for a page it does not have; the browser logs it.
    test.use({ allowConsoleErrors: [/status of 404/] });

  test('a page past the end says so and links to the first', async ({ page }) => {
    await page.goto('/news?page=999');
    await expect(page.getByText('Страницы 999 в этом списке нет.')).toBeVisible();
    await page.getByRole('link', { name: 'Перейти на первую страницу' }).click();
    await expect(page.locator('ul.news-list > li')).toHaveCount(first.items.length);
  });

  test('nonsense page numbers fall back to the first page', async ({ page }) => {
    for (const q of ['-1', 'abc', '2.5', '99999999999999999999']) {
      await page.goto(`/news?page=${q}`);
      await expect(page.locator('main')).toContainText(/Всего|Страницы \d+ в этом списке нет/);
    }
  });
  });
});

test.describe('article', () => {
  test.use({ allowConsoleErrors: [/status of 404/] });

  test('a news link from the feed opens the article', async ({ page }) => {
    await page.goto('/');
    const item = first.items[0];
    await page.getByRole('link', { name: item.title }).click();
    await expect(page).toHaveURL(new RegExp(`/news/${item.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.title);
    const firstParagraph = demo.article(item.id).body_html.match(/<p>(.*?)<\/p>/)[1].replace(/<[^>]+>/g, '');
    await expect(page.locator('.article-body p').first()).toHaveText(firstParagraph);
    await expect(page).toHaveTitle(`${item.title} — ${demo.site.name}`);
  });

  test('the seed article has everything the seed page had', async ({ page }) => {
    await page.goto(`/news/${seed.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    const crumbs = page.getByRole('navigation', { name: 'Навигационная цепочка' });
    await expect(crumbs.getByRole('link')).toHaveText(['Главная', 'Новости']);
    await expect(crumbs.locator('[aria-current="page"]')).toHaveText(seed.title);
    await expect(page.locator('.article__date')).toHaveText('1 декабря 2020, 09:30');
    const body = page.locator('.article-body');
    for (const fact of ['280 контрактов общей стоимостью 143 миллиона рублей', '295 осуждённых', '13 контрактов более чем на 7 миллионов рублей']) {
      await expect(body).toContainText(fact);
    }
    const photos = page.locator('.gallery img');
    await expect(photos).toHaveCount(4);
    for (const img of await photos.all()) {
      await expect(img).toHaveAttribute('alt', seed.title);
      await expect(img).toHaveAttribute('width', /\d+/);
      await expect(img).toHaveAttribute('height', /\d+/);
    }
    await expect(page.locator('.article__signature')).toHaveText('Пресс-служба ГУФСИН России по Кемеровской области-Кузбассу');
    await expect(page.locator('.article__updated')).toHaveText('Дата последнего обновления: 01.12.2020 09:56');
    await page.getByRole('link', { name: 'Возврат к списку' }).click();
    await expect(page).toHaveURL(/\/news$/);
    await expect(page.locator('ul.news-list > li')).toHaveCount(first.items.length);
  });

  test('photos load at their real size', async ({ page }) => {
    await page.goto(`/news/${seed.id}`);
    const img = page.locator('.gallery img').first();
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  });

  test('an unknown article shows a 404 view with a way back', async ({ page }) => {
    await page.goto('/news/no-such-news');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Новость не найдена');
    await page.getByRole('link', { name: 'Перейти к новостям' }).click();
    await expect(page.locator('ul.news-list > li')).toHaveCount(first.items.length);
  });

  test('an article whose id ends like a file name opens from its address', async ({ page }) => {
    // JSON Feed ids are often URLs (`…/post.html`): the address of the article ends in
    // ".html" once decoded, and is still an app route, not a missing file.
    await page.goto(`/news/${encodeURIComponent('https://blog.example/2020/post.html')}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Новость не найдена');
  });
});

test.describe('shell', () => {
  test('an unknown address shows the styled 404 page', async ({ page }) => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Страница не найдена');
    await expect(page).toHaveTitle(`Страница не найдена — ${demo.site.name}`);
    await expect(page.getByRole('link', { name: 'Перейти к новостям' })).toBeVisible();
  });

  test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
    await page.goto(`/news/${seed.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Перейти к основному содержанию' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`/news/${seed.id}$`));
  });

  test('axe finds no serious or critical problems', async ({ page }) => {
    for (const path of ['/', `/news/${seed.id}`, '/no/such/page']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await settled(page);
      expect(await seriousAxeViolations(page), path).toEqual([]);
      await expectNoHorizontalScroll(page);
    }
  });
});

test.describe('a failing backend', () => {
  test.use({ allowConsoleErrors: [/Failed to load resource/] });

  test('a broken config.json shows the error panel, and retry recovers', async ({ page }) => {
    await page.route('**/config.json', (route) => route.fulfill({ status: 500, body: 'oops' }));
    await page.goto('/');
    const panel = page.getByRole('alert');
    await expect(panel).toContainText('Не удалось загрузить настройки сайта');
    await expect(panel).toContainText('код 500');
    await page.unroute('**/config.json');
    await panel.getByRole('button', { name: 'Повторить' }).click();
    await expect(page.locator('ul.news-list > li')).toHaveCount(first.items.length);
  });

  test('a config.json with a wrong template names the problem', async ({ page }) => {
    await page.route('**/config.json', (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ api_base: 'api/', endpoints: { site: 'site.json', news_page: 'news.json', article: 'news/{id}.json' } }),
    }));
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('нет обязательной подстановки «{page}»');
  });

  test('an unreachable backend shows the error panel; the shell keeps working', async ({ page }) => {
    const last = first.pages; // not prefetched, unlike the next page
    await page.goto('/');
    await expect(page.locator('ul.news-list > li')).toHaveCount(first.items.length);
    await page.route('**/api/news/**', (route) => route.abort('connectionrefused'));
    await page.getByRole('link', { name: `Страница ${last}`, exact: true }).click();
    const panel = page.getByRole('alert');
    await expect(panel).toContainText('Не удалось загрузить новости');
    await expect(panel).toContainText('Нет связи с сервером');
    await expect(page.getByRole('banner')).toContainText(demo.site.name);
    await page.unroute('**/api/news/**');
    await panel.getByRole('button', { name: 'Повторить' }).click();
    await expect(page.locator('ul.news-list h2').first()).toHaveText(demo.page(last).items[0].title);
  });

  test('JSON of the wrong shape is a clear message, not a panic', async ({ page }) => {
    await page.route('**/api/news/page/1.json', (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ page: '1', pages: null, items: {} }),
    }));
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('неожиданном формате');
  });

  test('an HTML error page with status 200 is a clear message', async ({ page }) => {
    await page.route(`**/api/news/${seed.id}.json`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><h1>Bad gateway</h1>' }));
    await page.goto(`/news/${seed.id}`);
    await expect(page.getByRole('alert')).toContainText('Не удалось загрузить новость');
  });

  test('hostile HTML in an article body never runs', async ({ page }) => {
    await page.route(`**/api/news/${seed.id}.json`, (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        ...seed,
        body_html: '<p>Текст</p><img src="x" onerror="window.__xss=1"><script>window.__xss=2</script>'
          + '<a href="javascript:window.__xss=3">ссылка</a><iframe src="javascript:window.__xss=4"></iframe>'
          + '<svg onload="window.__xss=5"></svg><p style="color:red" onclick="window.__xss=6">Ещё</p>',
      }),
    }));
    await page.goto(`/news/${seed.id}`);
    await expect(page.locator('.article-body')).toContainText('Текст');
    await page.locator('.article-body a').click();
    await page.locator('.article-body p').last().click();
    // What the clicks set off (a javascript: address runs in a task of its own) has run.
    await nextFrames(page);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(await unsafeUrls(page.locator('.article-body'))).toEqual([]);
    const attrs = await page.locator('.article-body *').evaluateAll((els) => els.flatMap((el) => el.getAttributeNames()));
    expect(attrs.filter((a) => a.startsWith('on') || a === 'style')).toEqual([]);
    await expect(page.locator('.article-body script, .article-body iframe, .article-body svg')).toHaveCount(0);
  });
});

test.describe('before the wasm has arrived', () => {
  test.use({ allowConsoleErrors: [/./] });

  test('index.html alone paints the loading skeleton in the app\'s shape', async ({ page }) => {
    // The wasm never arrives: what a reader on a slow network sees meanwhile.
    await page.route('**/*_bg.wasm', () => {});
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await expect(page.getByRole('status')).toHaveText('Загрузка новостей…');
    await expect(page.getByText('Загрузка новостей…')).toBeVisible();
    await expect(page.locator('.skeleton__row')).toHaveCount(5);
    await expect(page.locator('.site-header--placeholder')).toBeVisible();
    const box = await page.locator('.skeleton__row').first().boundingBox();
    expect(box.height).toBeGreaterThan(40);
  });
});
