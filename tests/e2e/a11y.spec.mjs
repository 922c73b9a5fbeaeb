// Accessibility: the version for the visually impaired, axe in every scheme, focus after
// navigation, and the whole reading path with the keyboard alone.
import {
  test, expect, demo, seriousAxeViolations, expectNoHorizontalScroll, settled, holdWasm, hold, nextFrames, withLongestDeadline,
} from './fixtures.mjs';

const seed = demo.seed();
const SCHEMES = ['black-white', 'white-black', 'blue', 'brown', 'green'];
const ROUTES = ['/', '/news/archive/2020/12/01', `/news/${seed.id}`, `/news/${seed.id}#photo-1`, '/no/such/page', '/saved'];
const largest = (scheme) => JSON.stringify({ 'data-vi-font': '200', 'data-vi-scheme': scheme, 'data-vi-spacing': 'large', 'data-vi-lines': 'large' });

test.describe('version for the visually impaired', () => {
  test('the panel applies settings at once and remembers them', async ({ page }) => {
    await page.goto(`/news/${seed.id}`);
    const toggle = page.getByRole('button', { name: 'Версия для слабовидящих' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const panel = page.getByRole('region', { name: 'Настройки для слабовидящих' });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('group')).toHaveCount(6);
    await panel.getByLabel('200 %').check();
    await panel.getByLabel('Белым по чёрному').check();
    await panel.getByLabel('С засечками').check();
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-vi-font', '200');
    await expect(html).toHaveAttribute('data-vi-scheme', 'white-black');
    await expect(html).toHaveAttribute('data-vi-family', 'serif');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
    await panel.getByRole('button', { name: 'Обычная версия' }).click();
    await expect(html).not.toHaveAttribute('data-vi-font', /./);
    await expect(html).not.toHaveAttribute('data-vi-scheme', /./);
    await panel.getByLabel('175 %').check();
    await panel.getByRole('button', { name: 'Закрыть настройки' }).click();
    await expect(panel).toBeHidden();
    await page.reload();
    await expect(html).toHaveAttribute('data-vi-font', '175');
  });

  test('saved settings apply before the app has loaded (no flash)', async ({ page }) => {
    await page.addInitScript((s) => localStorage.setItem('vestnik.vi', s), largest('blue'));
    await holdWasm(page);
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => [document.documentElement.getAttribute('data-vi-scheme'), !!window.wasmBindings])).toEqual(['blue', false]);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(157, 209, 255)');
  });

  test('hidden images give way to their description; grey ones lose colour', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('vestnik.vi', JSON.stringify({ 'data-vi-images': 'hidden' })));
    await page.goto(`/news/${seed.id}`);
    await expect(page.locator('.gallery img').first()).toBeHidden();
    await expect(page.locator('.gallery .img-alt').first()).toHaveText(seed.title);
    await page.getByRole('button', { name: 'Версия для слабовидящих' }).click();
    await page.getByLabel('Чёрно-белые').check();
    await expect(page.locator('.gallery img').first()).toBeVisible();
    expect(await page.locator('.gallery img').first().evaluate((img) => getComputedStyle(img).filter)).toBe('grayscale(1)');
  });

  test('the system dark mode is followed unless a scheme was chosen', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('ul.news-list > li').first()).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});

test.describe('axe in every scheme at the largest text', () => {
  test('normal version: every route', async ({ page }) => {
    test.slow(); // many page loads, each checked
    for (const path of ROUTES) {
      await page.goto(path);
      await expect(page.locator(path.includes('#photo') ? 'dialog[open]' : '#main h1')).toBeVisible();
      await settled(page);
      expect(await seriousAxeViolations(page), path).toEqual([]);
    }
  });

  for (const scheme of SCHEMES) {
    test(`${scheme}: every route, 200 % text, wide spacing`, async ({ page }) => {
      test.slow(); // many page loads, each checked
      await page.addInitScript((s) => localStorage.setItem('vestnik.vi', s), largest(scheme));
      for (const path of ROUTES) {
        await page.goto(path);
        await expect(page.locator(path.includes('#photo') ? 'dialog[open]' : '#main h1')).toBeVisible();
        await settled(page);
        expect(await seriousAxeViolations(page), `${scheme} ${path}`).toEqual([]);
        if (!path.includes('#photo')) await expectNoHorizontalScroll(page);
      }
    });
  }

  test('embedded widgets in each theme', async ({ page }) => {
    test.slow(); // many page loads, each checked
    for (const theme of ['light', 'dark', 'high-contrast']) {
      for (const widget of ['embed/feed?limit=3', 'embed/calendar?x=1', `embed/article/${seed.id}?x=1`]) {
        await page.goto(`/${widget}&theme=${theme}`);
        await expect(page.locator('main a').first()).toBeVisible();
        expect(await seriousAxeViolations(page), `${theme} ${widget}`).toEqual([]);
      }
    }
  });
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('no horizontal scroll with the largest text in any scheme', async ({ page }) => {
    test.slow(); // many page loads, each checked
    for (const scheme of ['site', ...SCHEMES]) {
      await page.addInitScript((s) => localStorage.setItem('vestnik.vi', s), largest(scheme));
      for (const path of ['/', `/news/${seed.id}`, '/news/archive/2020/12/01']) {
        await page.goto(path);
        await expect(page.locator('#main h1')).toBeVisible();
        await settled(page);
        await expectNoHorizontalScroll(page);
      }
    }
    // Nothing peeks out: the skip link stays hidden until focused.
    const skip = await page.locator('.skip-link').boundingBox();
    expect(skip === null || skip.height <= 1 || skip.y + skip.height <= 0).toBe(true);
  });

  test('at 200 % text the site name moves under the emblem rather than breaking words', async ({ page }) => {
    // (With the widest letter spacing too, a long word may not fit 320 px at all; then it wraps.)
    await page.addInitScript(() => localStorage.setItem('vestnik.vi', JSON.stringify({ 'data-vi-font': '200' })));
    await page.goto('/');
    await expect(page.locator('#main h1')).toBeVisible();
    const brokenWords = await page.locator('.site-header__name').evaluate((el) => {
      const text = el.firstChild;
      const broken = [];
      for (const match of text.textContent.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
      return broken;
    });
    expect(brokenWords).toEqual([]);
  });
});

test('focus moves to the new page heading after navigation', async ({ page }) => {
  await page.goto('/');
  await page.locator('ul.news-list h2 a').first().click();
  await expect(page.locator('#main h1')).toBeFocused();
  await page.getByRole('link', { name: 'Возврат к списку' }).click();
  await expect(page.locator('#main h1')).toBeFocused();
  await expect(page.locator('#main h1')).toHaveText('Новости');
});

test('on a slow network focus still reaches the heading, unless the reader has moved on', async ({ page }) => {
  const first = demo.page(1).items[0];
  const second = demo.page(1).items[1];
  // The page's clock is the test's to run: "3.5 s later" is 3.5 s of the page's timers and
  // frames, run at once. No request meets its deadline by itself meanwhile.
  await page.clock.install();
  await withLongestDeadline(page);
  const releaseFirst = await hold(page, `**/api/news/${first.id}.json`);
  const releaseSecond = await hold(page, `**/api/news/${second.id}.json`);
  await page.goto('/');
  // The article arrives after 3.5 s: focus waits for its heading.
  await page.getByRole('link', { name: first.title }).click();
  await expect(page).toHaveURL(new RegExp(`/news/${first.id}$`));
  await nextFrames(page); // the wait for the heading has begun
  await page.clock.runFor(3500);
  releaseFirst();
  await expect(page.locator('#main h1')).toHaveText(first.title);
  await expect(page.locator('#main h1')).toBeFocused();
  await page.goBack();
  // Here the reader tabs on while the article loads: their focus is left where they put it.
  await page.getByRole('link', { name: second.title }).click();
  await page.keyboard.press('Tab');
  const chosen = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
  expect(chosen).not.toMatch(/^<body/);
  releaseSecond();
  await expect(page.locator('#main h1')).toHaveText(second.title);
  await settled(page);
  await nextFrames(page); // the frame on which the heading would have taken focus
  expect(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))).toBe(chosen);
});

test('focus waits for the heading as long as the site\'s own request deadline', async ({ page }) => {
  // A site whose backend may take 2 minutes (config.json's timeout_ms, the longest); this
  // article takes one, by the page's clock (the test runs it on at once). A wait of its
  // own, or the default 10 s deadline, would have given up by then.
  await page.clock.install();
  await withLongestDeadline(page);
  const first = demo.page(1).items[0];
  const release = await hold(page, `**/api/news/${first.id}.json`);
  await page.goto('/');
  await page.getByRole('link', { name: first.title }).click();
  await expect(page).toHaveURL(new RegExp(`/news/${first.id}$`));
  await nextFrames(page); // the wait for the heading has begun
  await page.clock.runFor(60_000);
  release();
  await expect(page.locator('#main h1')).toHaveText(first.title);
  await expect(page.locator('#main h1')).toBeFocused();
});

test.describe('between articles', () => {
  test.use({ allowConsoleErrors: [/status of 404/] }); // the article gone from the backend

  test('focus waits for the new one (or its "not found" page), not the one still shown', async ({ page }) => {
    const next = demo.article(seed.next.id);
    const release = await hold(page, `**/api/news/${next.id}.json`);
    await page.route(`**/api/news/${next.next.id}.json`, (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`/news/${seed.id}`);
    await page.getByRole('link', { name: /Следующая новость/ }).click();
    // The article left stays, dimmed and busy; its heading does not take focus.
    await expect(page.locator('.article-page')).toHaveAttribute('aria-busy', 'true');
    await nextFrames(page); // the wait for the new heading looks on every frame
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('H1');
    release();
    await expect(page.locator('#main h1')).toHaveText(next.title);
    await expect(page.locator('#main h1')).toBeFocused();
    await expect(page.locator('.article-page')).toHaveAttribute('aria-busy', 'false');
    // The next one is gone from the backend: its "not found" heading takes focus.
    await page.getByRole('link', { name: /Следующая новость/ }).click();
    await expect(page.locator('#main h1')).toHaveText('Новость не найдена');
    await expect(page.locator('#main h1')).toBeFocused();
  });
});

/** Presses Tab until the focused element matches `selector` (at most `max` times). */
async function tabTo(page, selector, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('the whole reading path works with the keyboard alone', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto('/');
  await expect(page.locator('ul.news-list > li').first()).toBeVisible();

  // Search.
  await tabTo(page, '#search-q');
  await page.keyboard.type('муниципалитетами');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?q=/);
  await expect(page.locator('ul.news-list h2')).toContainText([seed.title]);

  // A calendar day (the newest month opens; its first day with news holds the tab stop).
  await tabTo(page, '.calendar__grid [tabindex="0"]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  const day = await page.evaluate(() => document.activeElement.getAttribute('data-date'));
  expect(await page.evaluate(() => document.activeElement.tagName)).toBe('A');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/news/archive/${day.replaceAll('-', '/')}$`));
  await expect(page.locator('ul.news-list h2')).toHaveText(demo.onDay(day).map((i) => i.title));

  // Back to all news, then the seed article through the search results.
  await page.goto(`/news?q=${encodeURIComponent('муниципалитетами')}`);
  await expect(page.locator('ul.news-list h2')).toContainText([seed.title]);
  await tabTo(page, `ul.news-list a[href="news/${seed.id}"]`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);

  // The gallery: open, step through, close; focus comes back.
  await tabTo(page, '.gallery__open');
  await page.keyboard.press('Enter');
  await expect(page.locator('dialog.lightbox .lightbox__counter')).toHaveText('1 из 4');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('dialog.lightbox .lightbox__counter')).toHaveText('3 из 4');
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog.lightbox')).toBeHidden();
  await expect(page.locator('.gallery__open').nth(2)).toBeFocused();

  // Copy the link.
  await tabTo(page, '.share__button');
  await page.keyboard.press('Enter');
  await expect(page.locator('.share__status')).toHaveText('Ссылка скопирована');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/news/${seed.id}`);
});
