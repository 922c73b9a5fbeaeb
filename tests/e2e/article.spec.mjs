// The article page: every element of the seed page, the lightbox, share links, metadata,
// print, and a hostile article body.
import { readFileSync } from 'node:fs';
import {
  test, expect, demo, seriousAxeViolations, expectNoHorizontalScroll, hold, nextFrames, unsafeUrls,
  trackFetches, fetchesDone, withLongestDeadline, LONGEST_TIMEOUT_MS,
} from './fixtures.mjs';

const seed = demo.seed();
const path = `/news/${seed.id}`;
const vectors = JSON.parse(readFileSync(new URL('../fixtures/xss-vectors.json', import.meta.url), 'utf8'));
/** encodeURIComponent plus the characters it leaves alone, as Vestnik encodes. */
const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const dialog = (page) => page.locator('dialog.lightbox');

test.describe('the seed article', () => {
  test('has every part of the page it replaces', async ({ page, baseURL }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    const crumbs = page.getByRole('navigation', { name: 'Навигационная цепочка' });
    await expect(crumbs.getByRole('listitem')).toHaveText(['Главная', 'Новости', seed.title]);
    await expect(page.locator('.article__date')).toHaveText('1 декабря 2020, 09:30');
    await expect(page.locator('.article__date')).toHaveAttribute('datetime', '2020-12-01T09:30:00+07:00');
    await expect(page.locator('.article__header .rubrics li')).toHaveText(['Сотрудничество']);
    const thumbs = page.locator('.gallery img');
    await expect(thumbs).toHaveCount(4);
    for (const img of await thumbs.all()) {
      await expect(img).toHaveAttribute('alt', seed.title);
      await expect(img).toHaveAttribute('loading', 'lazy');
      await expect(img).toHaveAttribute('srcset', /480w, .* 1200w$/);
      await expect(img).toHaveAttribute('width', '480');
      await expect(img).toHaveAttribute('height', '320');
    }
    await expect(page.locator('.article__signature')).toHaveText(seed.signature);
    await expect(page.locator('.article__updated')).toHaveText('Дата последнего обновления: 01.12.2020 09:56');
    await expect(page.getByRole('link', { name: 'Возврат к списку' })).toHaveAttribute('href', 'news');
    await expect(page.getByRole('heading', { name: 'Поделиться:' })).toBeVisible();
    const neighbours = page.getByRole('navigation', { name: 'Соседние новости' });
    await expect(neighbours.getByRole('link', { name: /Предыдущая новость/ })).toHaveAttribute('href', `news/${seed.previous.id}`);
    await expect(neighbours.getByRole('link', { name: /Следующая новость/ })).toHaveAttribute('href', `news/${seed.next.id}`);
    await expect(page.locator('.related__item a')).toHaveText(seed.related.map((r) => r.title));
    await expectNoHorizontalScroll(page);

    // Metadata for sharing and search engines.
    const url = `${baseURL}${path}`;
    await expect(page).toHaveTitle(`${seed.title} — ${demo.site.name}`);
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', url);
    await expect(page.locator('head meta[name="description"]')).toHaveAttribute('content', seed.summary);
    await expect(page.locator('head meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(page.locator('head meta[property="og:title"]')).toHaveAttribute('content', seed.title);
    await expect(page.locator('head meta[property="og:url"]')).toHaveAttribute('content', url);
    await expect(page.locator('head meta[property="og:image"]')).toHaveAttribute('content', `${baseURL}/api/${seed.gallery[0].src}`);
    const ld = JSON.parse(await page.locator('head script[type="application/ld+json"]').textContent());
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: seed.title,
      datePublished: '2020-12-01T09:30:00+07:00',
      dateModified: '2020-12-01T09:56:00+07:00',
      publisher: { '@type': 'Organization', name: demo.site.name },
    });
    expect(ld.image).toHaveLength(4);
  });

  test('titles and metadata follow client-side navigation', async ({ page }) => {
    await page.goto(path);
    await page.getByRole('link', { name: /Следующая новость/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.next.title);
    await expect(page).toHaveTitle(`${seed.next.title} — ${demo.site.name}`);
    await expect(page.locator('head meta[property="og:title"]')).toHaveAttribute('content', seed.next.title);
    await expect(page.locator('head script[type="application/ld+json"]')).toHaveCount(1);
    await page.getByRole('link', { name: 'Возврат к списку' }).click();
    await expect(page).toHaveTitle(`Новости — ${demo.site.name}`);
    // The article's tags are gone; the front page's describe the site.
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', new URL('/', page.url()).href);
    await expect(page.locator('head meta[property="og:title"]')).toHaveAttribute('content', demo.site.name);
    await expect(page.locator('head script[type="application/ld+json"]')).toHaveCount(0);
  });

  test('an article still loading does not hold up the next one the reader opens', async ({ page }) => {
    // No request meets its deadline during the test: one that fails was given up by the app.
    await withLongestDeadline(page);
    await trackFetches(page);
    const releaseNext = await hold(page, `**/api/news/${seed.next.id}.json`);
    const releasePrevious = await hold(page, `**/api/news/${seed.previous.id}.json`);
    await page.goto(path);
    const givenUp = page.waitForEvent('requestfailed', (r) => r.url().endsWith(`/api/news/${seed.next.id}.json`));
    await page.getByRole('link', { name: /Следующая новость/ }).click();
    await expect(page).toHaveURL(new RegExp(`/news/${seed.next.id}$`));
    // The reader changes their mind while it loads (the seed article is still shown):
    // the article left behind is aborted at once, not once the other one has arrived.
    await page.getByRole('link', { name: /Предыдущая новость/ }).click();
    await givenUp;
    releasePrevious();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.previous.title);
    // Whatever still comes of the one left behind changes nothing.
    releaseNext();
    await fetchesDone(page, `/api/news/${seed.next.id}.json`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(seed.previous.title);
    await expect(page).toHaveURL(new RegExp(`/news/${seed.previous.id}$`));
  });

  test('an article given up while loading opens normally later', async ({ page }) => {
    // The page's clock is the test's to move: the given-up request's deadline passes when
    // the test says, not after a wait (and no other load meets its deadline meanwhile).
    await page.clock.install();
    await withLongestDeadline(page);
    await trackFetches(page);
    const release = await hold(page, `**/api/news/${seed.next.id}.json`);
    await page.goto(path);
    await page.getByRole('link', { name: /Следующая новость/ }).click();
    await page.getByRole('link', { name: /Предыдущая новость/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.previous.title);
    // Past the deadline of the request given up, and the page done with that request.
    await page.clock.fastForward(LONGEST_TIMEOUT_MS + 1000);
    await fetchesDone(page, `/api/news/${seed.next.id}.json`);
    release();
    // Back to the article given up: it is asked for again, not answered with "too slow".
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/news/${seed.next.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.next.title);
  });

  test('the print version keeps the article and drops the chrome', async ({ page }) => {
    await page.goto(path);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.sidebar', '.share', '.breadcrumbs', '.neighbours', '.site-footer']) {
      await expect(page.locator(hidden).first(), hidden).toBeHidden();
    }
    for (const shown of ['h1', '.article__date', '.article-body', '.gallery img >> nth=0']) {
      await expect(page.locator(shown).first(), shown).toBeVisible();
    }
  });
});

test.describe('lightbox', () => {
  test('opens, moves with keys, closes with Esc and returns focus', async ({ page }) => {
    await page.goto(path);
    await page.getByRole('button', { name: /Открыть фото 2 из 4/ }).click();
    await expect(dialog(page)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${path}#photo-2$`));
    await expect(dialog(page).locator('.lightbox__counter')).toHaveText('2 из 4');
    await expect(dialog(page).getByRole('button', { name: 'Закрыть просмотр' })).toBeFocused();
    await expect(dialog(page).locator('.lightbox__image')).toHaveAttribute('alt', seed.title);
    await expect(dialog(page).getByRole('link', { name: 'Открыть оригинал' })).toHaveAttribute('href', `api/${seed.gallery[1].src}`);
    await page.keyboard.press('ArrowRight');
    await expect(dialog(page).locator('.lightbox__counter')).toHaveText('3 из 4');
    await expect(page).toHaveURL(/#photo-3$/);
    await page.keyboard.press('End');
    await expect(dialog(page).locator('.lightbox__counter')).toHaveText('4 из 4');
    await expect(dialog(page).getByRole('button', { name: 'Следующая фотография' })).toBeDisabled();
    await page.keyboard.press('Home');
    await expect(dialog(page).locator('.lightbox__counter')).toHaveText('1 из 4');
    await page.keyboard.press('ArrowLeft');
    await expect(dialog(page).locator('.lightbox__counter')).toHaveText('1 из 4');
    // Focus stays inside while tabbing around.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog.lightbox'))).toBe(true);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('button', { name: /Открыть фото 1 из 4/ })).toBeFocused();
  });

  test('a #photo-3 link opens that photo; closing clears the address', async ({ page }) => {
    await page.goto(`${path}#photo-3`);
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page).locator('.lightbox__counter')).toHaveText('3 из 4');
    await dialog(page).getByRole('button', { name: 'Закрыть просмотр' }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('button', { name: /Открыть фото 3 из 4/ })).toBeFocused();
  });

  test('the browser back button closes it and forward reopens it', async ({ page }) => {
    await page.goto(path);
    await page.getByRole('button', { name: /Открыть фото 2 из 4/ }).click();
    await expect(dialog(page)).toBeVisible();
    await page.goBack();
    await expect(dialog(page)).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    await page.goForward();
    await expect(dialog(page).locator('.lightbox__counter')).toHaveText('2 из 4');
  });

  test('a horizontal swipe turns the photo', async ({ page }) => {
    await page.goto(`${path}#photo-2`);
    await expect(dialog(page).locator('.lightbox__counter')).toHaveText('2 из 4');
    const image = dialog(page).locator('.lightbox__image');
    await expect.poll(() => image.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const box = await image.boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.8, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, y, { steps: 5 });
    await page.mouse.up();
    await expect(dialog(page).locator('.lightbox__counter')).toHaveText('3 из 4');
    await page.mouse.move(box.x + box.width * 0.2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, y, { steps: 5 });
    await page.mouse.up();
    await expect(dialog(page).locator('.lightbox__counter')).toHaveText('2 из 4');
  });
});

test.describe('share bar', () => {
  test('every link is exact, opens safely, and is named', async ({ page, baseURL }) => {
    await page.goto(path);
    const u = enc(`${baseURL}${path}`);
    const t = enc(seed.title);
    const expected = {
      'Поделиться во ВКонтакте': `https://vk.com/share.php?url=${u}&title=${t}`,
      'Поделиться в Одноклассниках': `https://connect.ok.ru/offer?url=${u}&title=${t}`,
      'Поделиться в Telegram': `https://t.me/share/url?url=${u}&text=${t}`,
      'Поделиться в WhatsApp': `https://wa.me/?text=${t}%20${u}`,
      'Поделиться в Viber': `viber://forward?text=${t}%20${u}`,
      'Отправить по электронной почте': `mailto:?subject=${t}&body=${u}`,
    };
    const share = page.locator('section.share');
    for (const [name, href] of Object.entries(expected)) {
      const link = share.getByRole('link', { name, exact: true });
      await expect(link).toHaveAttribute('href', href);
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
    await expect(share.getByRole('link', { name: 'Поделиться во ВКонтакте' })).toHaveAttribute('target', '_blank');
  });

  test('copies the link and says so', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.goto(path);
    await page.getByRole('button', { name: 'Копировать ссылку' }).click();
    await expect(page.locator('.share__status')).toHaveText('Ссылка скопирована');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${path}`);
  });

  test('falls back when the Clipboard API is refused', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    });
    await page.goto(path);
    await page.getByRole('button', { name: 'Копировать ссылку' }).click();
    await expect(page.locator('.share__status')).toHaveText(/Ссылка скопирована|Не удалось скопировать/);
  });
});

test.describe('the XSS corpus', () => {
  // Vectors point images at files that do not exist: the browser logs their 404s.
  test.use({ allowConsoleErrors: [/status of 404/] });

  test('the XSS corpus in an article body never runs and leaves no handler', async ({ page }) => {
    expect(vectors.length).toBeGreaterThanOrEqual(100);
    // `<plaintext>`, and a `<style>` the parser keeps open in HTML content, turn the rest of
    // the document into text (the parser's rule), so those vectors go after the last paragraph.
    const swallowing = (v) => /<plaintext|<style><\/math>/i.test(v);
    const wrap = (list) => list.map((v) => `<div>${v}</div>`).join('\n');
    await page.route(`**/api/news/${seed.id}.json`, (route) => route.fulfill({
      json: {
        ...seed,
        body_html: `<p>Начало</p>${wrap(vectors.filter((v) => !swallowing(v)))}<p>Конец</p>${wrap(vectors.filter(swallowing))}`,
      },
    }));
    await page.goto(path);
    const body = page.locator('.article-body');
    await expect(body).toContainText('Начало');
    await expect(body).toContainText('Конец');
    for (const link of await body.locator('a').all()) {
      await link.click({ modifiers: [], trial: false, force: true, noWaitAfter: true }).catch(() => {});
    }
    // What the clicks set off (a javascript: address runs in a task of its own) has run.
    await nextFrames(page);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(await unsafeUrls(body)).toEqual([]);
    const attrs = await body.locator('*').evaluateAll((els) => els.flatMap((el) => el.getAttributeNames()));
    expect(attrs.filter((a) => a.startsWith('on') || a === 'style' || a === 'srcdoc' || a === 'formaction')).toEqual([]);
    await expect(body.locator('script, iframe, object, embed, svg, math, form, style, link, meta, base')).toHaveCount(0);
  });
});
