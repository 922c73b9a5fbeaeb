// A hostile backend: every kind of request the app makes (config, the site, a news page, an
// article, the archive, a calendar month, a search) meets every fault we know — truncated JSON, the
// wrong shape, a redirect loop, 404, 410, 429 with Retry-After, 500, 503, an HTML page with
// 200, an empty body, invalid UTF-8, 10 MB, 10 000 items, JSON nested 10 000 deep, a
// response that never completes. Each time the reader gets a clear Russian message with
// "Повторить" (or a sensible partial render), the rest of the app keeps working, no wasm
// panic reaches the console (fixtures.mjs fails the test on one), and "Повторить" after the
// fault clears shows the real data.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { test, expect, demo, hold, trackFetches, fetchesDone, withLongestDeadline, listen } from './fixtures.mjs';
import { staticHandler } from '../../scripts/serve.mjs';

const seed = demo.seed();
const newestMonth = demo.archive.last; // "2024-11"
const titles = (page) => page.locator('ul.news-list h2');
const searchWord = 'Спартакиаде';
const loop = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173) + 1}`;

/** A config with a short timeout, so a request that never completes is given up quickly. */
const quickConfig = { ...demo.config, timeout_ms: 3000 };

/** The error panel's failure, message and retry button, inside `scope` of the page. */
const errorPanel = (scope) => ({
  failure: (page) => scope(page).locator('.error-panel'),
  message: (page) => scope(page).locator('.error-panel__message'),
  retry: (page) => scope(page).locator('.error-panel__retry'),
});

/** Where each kind of request is made, how its failure reads, and what the real data looks like. */
const kinds = {
  config: {
    pattern: '**/config.json',
    path: '/',
    ...errorPanel((page) => page),
    real: (page) => expect(titles(page).first()).toHaveText(demo.page(1).items[0].title),
    formatText: /config\.json не читается/,
    notFoundText: /файл config\.json не найден/,
  },
  site: {
    pattern: '**/api/site.json',
    path: '/',
    ...errorPanel((page) => page),
    real: (page) => expect(page.locator('.site-header__name')).toHaveText(demo.site.name),
  },
  news: {
    pattern: '**/api/news/page/1.json',
    path: '/',
    ...errorPanel((page) => page.getByRole('main')),
    elsewhere: (page) => expect(page.locator('section.calendar a.calendar__day--news').first()).toBeVisible(),
    real: (page) => expect(titles(page).first()).toHaveText(demo.page(1).items[0].title),
    items: (n) => ({ page: 1, pages: 1, total: n, items: Array.from({ length: n }, (_, i) => ({ id: `x${i}`, title: `Новость ${i}`, published: '2024-11-01T10:00:00+07:00' })) }),
    partial: (page) => expect(titles(page).first()).toHaveText('Новость 0'),
  },
  article: {
    pattern: `**/api/news/${seed.id}.json`,
    path: `/news/${seed.id}`,
    ...errorPanel((page) => page.getByRole('main')),
    elsewhere: (page) => expect(page.locator('section.calendar a.calendar__day--news').first()).toBeVisible(),
    real: (page) => expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title),
    notFound: (page) => expect(page.getByRole('heading', { level: 1 })).toHaveText('Новость не найдена'),
  },
  archive: {
    pattern: '**/api/archive.json',
    path: '/',
    failure: (page) => page.locator('.calendar--error'),
    retry: (page) => page.locator('.calendar--error button'),
    short: 'Не удалось загрузить архив новостей.',
    elsewhere: (page) => expect(titles(page).first()).toHaveText(demo.page(1).items[0].title),
    real: (page) => expect(page.locator('section.calendar a.calendar__day--news').first()).toBeVisible(),
    items: (n) => ({ ...demo.archive, months: Array.from({ length: n }, (_, i) => ({ year: 2020 + (i % 5), month: 1 + (i % 12), count: 1 + i })) }),
    partial: (page) => expect(page.locator('section.calendar .calendar__title')).toBeVisible(),
  },
  calendar: {
    pattern: `**/api/calendar/${newestMonth.replace('-', '/')}.json`,
    path: '/',
    failure: (page) => page.locator('.calendar__error'),
    retry: (page) => page.locator('.calendar__error button'),
    short: 'Не удалось загрузить дни с новостями за этот месяц.',
    elsewhere: (page) => expect(titles(page).first()).toHaveText(demo.page(1).items[0].title),
    real: (page) => expect(page.locator('section.calendar a.calendar__day--news').first()).toBeVisible(),
    items: (n) => ({ year: 2024, month: 11, first: demo.archive.first, last: newestMonth, days: Array.from({ length: n }, (_, i) => ({ day: 1 + (i % 40), count: i })) }),
    partial: (page) => expect(page.locator('section.calendar a.calendar__day--news')).toHaveCount(30),
  },
  search: {
    pattern: '**/api/news-index.json',
    path: `/news?q=${encodeURIComponent(searchWord)}`,
    ...errorPanel((page) => page.getByRole('main')),
    elsewhere: (page) => expect(page.locator('section.calendar a.calendar__day--news').first()).toBeVisible(),
    real: (page) => expect(titles(page).first()).toContainText(/спартакиад/i),
    items: (n) => ({ items: Array.from({ length: n }, (_, i) => ({ id: `x${i}`, title: `Спартакиаде ${i}`, published: '2024-11-01T10:00:00+07:00' })) }),
    partial: (page) => expect(page.locator('.feed__count')).toHaveText('Найдено: 10000 новостей'),
  },
};

const FORMAT = /неожиданном формате/;

/** Each fault: how the backend misbehaves, and what the reader should be told. */
const faults = {
  'truncated JSON': {
    fulfill: async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      await route.fulfill({ response, body: body.subarray(0, Math.floor(body.length / 2)) });
    },
    expect: FORMAT,
  },
  'valid JSON of the wrong shape': {
    fulfill: (route) => route.fulfill({
      json: { page: 'один', pages: null, total: [], items: { 0: 1 }, id: 7, title: ['x'], published: 12, name: 5, first: 1, months: 'many', days: {}, api_base: 3, endpoints: [] },
    }),
    expect: FORMAT,
  },
  'a redirect loop': {
    // The browser follows redirects itself (unseen by page.route): into a loop on the
    // second origin (tests/e2e/backends.mjs).
    fulfill: (route) => route.fulfill({ status: 301, headers: { location: `${loop}/loop` } }),
    expect: /Нет связи с сервером/,
  },
  404: { fulfill: (route) => route.fulfill({ status: 404, json: {} }), expect: /не найдены на сервере/, notFound: true },
  410: { fulfill: (route) => route.fulfill({ status: 410, json: {} }), expect: /не найдены на сервере/, notFound: true },
  '429 with Retry-After': {
    fulfill: (route) => route.fulfill({ status: 429, headers: { 'Retry-After': '1' }, body: '' }),
    expect: /слишком много запросов/,
  },
  500: { fulfill: (route) => route.fulfill({ status: 500, body: 'Internal Server Error' }), expect: /ошибка \(код 500\)/ },
  503: { fulfill: (route) => route.fulfill({ status: 503, body: '' }), expect: /ошибка \(код 503\)/ },
  'an HTML error page with status 200': {
    fulfill: (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Ошибка</title><h1>Сервис недоступен</h1>' }),
    expect: FORMAT,
  },
  'an empty body': { fulfill: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '' }), expect: FORMAT },
  'invalid UTF-8': {
    fulfill: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) }),
    expect: FORMAT,
  },
  'a 10 MB response': {
    fulfill: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: Buffer.alloc(10 * 1024 * 1024, 0x20) }),
    expect: /слишком большой ответ/,
  },
  'JSON nested 10 000 deep': {
    fulfill: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '['.repeat(10_000) + ']'.repeat(10_000) }),
    expect: FORMAT,
  },
  'a response that never completes': { hang: true, expect: /слишком долго не отвечает/ },
  '10 000 items': { items: 10_000 },
};

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the data paths are the same on every viewport');
});

for (const [kindName, kind] of Object.entries(kinds)) {
  test.describe(`${kindName}`, () => {
    // The browser itself logs failed loads; the app's own errors are what is checked.
    test.use({ allowConsoleErrors: [/Failed to load resource|ERR_TOO_MANY_REDIRECTS/] });

    for (const [faultName, fault] of Object.entries(faults)) {
      if (fault.items && !kind.items) continue;
      test(faultName, async ({ page }) => {
        test.setTimeout(45_000);
        let on = true;
        let clear;
        const cleared = new Promise((resolve) => { clear = resolve; });
        // The short deadline only where the fault is a hang: elsewhere it would race the
        // fault itself on a busy machine (20 redirects and their retries can take seconds).
        if (kindName !== 'config') await page.route('**/config.json', (route) => route.fulfill({ json: fault.hang ? quickConfig : demo.config }));
        await page.route(kind.pattern, async (route) => {
          if (!on) return route.fallback();
          if (fault.hang) {
            await cleared;
            return route.abort().catch(() => {});
          }
          if (fault.items) return route.fulfill({ json: kind.items(fault.items) });
          return fault.fulfill(route);
        });
        await page.goto(kind.path);

        if (fault.items) {
          await kind.partial(page);
          return;
        }
        if (fault.notFound && kind.notFound) {
          await kind.notFound(page);
        } else {
          await expect(kind.failure(page)).toBeVisible({ timeout: 15_000 });
          if (kind.message) {
            const wanted = (fault === faults[404] || fault === faults[410]) && kind.notFoundText
              ? kind.notFoundText
              : fault.expect === FORMAT && kind.formatText ? kind.formatText : fault.expect;
            await expect(kind.message(page)).toHaveText(wanted);
          } else {
            await expect(kind.failure(page)).toContainText(kind.short);
          }
          await expect(kind.retry(page)).toHaveText('Повторить');
        }
        if (kind.elsewhere) await kind.elsewhere(page);

        // The fault clears: "Повторить" (or, for a missing article, reloading) shows the real data.
        on = false;
        clear();
        if (fault.notFound && kind.notFound) await page.reload();
        else await kind.retry(page).click();
        await kind.real(page);
      });
    }
  });
}

test('a site config with an impossible clock is a message, not a crash', async ({ page }) => {
  await page.route('**/api/site.json', (route) => route.fulfill({ json: { ...demo.site, utc_offset: '-\u{1B164}' } }));
  await page.goto('/');
  await expect(page.locator('.error-panel__message')).toHaveText(/неожиданном формате/);
});

test('a link whose path decodes into another site never stops the app', async ({ page }) => {
  // Decoded, `/%5Cevil.example/` is `//evil.example/`, and so is `/.//evil.example/` once
  // its dot-segment goes: history.pushState refuses such a path (leptos_router decoded
  // paths, and its unwrap on that refusal aborted the app).
  const hidden = ['/%5Cevil.example/', '/%09/evil.example', '/.//evil.example/'];
  let own;
  let user;
  await page.route('**/api/site.json', (route) => {
    // The same trap in absolute links naming this very site: the first is followed in the
    // app (src/router.rs pushes the address undecoded), the second names this site with a
    // user name, which pushState refuses: the browser follows it.
    const { origin, host } = new URL(route.request().url());
    own = `${origin}//evil/`;
    user = `${origin}//x@${host}/`;
    const menu = [...demo.site.menu, ...hidden.map((url, i) => ({ title: `Чужой ${i}`, url })),
      { title: 'Свой адрес', url: own }, { title: 'С именем', url: user }];
    return route.fulfill({ json: { ...demo.site, menu } });
  });
  await page.route(`**/api/news/${seed.id}.json`, async (route) => {
    const article = await (await route.fetch()).json();
    const links = hidden.map((url, i) => `<a href="${url}">чужая ссылка ${i}</a>`).join(' ');
    await route.fulfill({ json: { ...article, body_html: `<p>${links}</p>${article.body_html}` } });
  });
  await page.goto(`/news/${seed.id}`);
  await expect(page.locator('#main h1')).toHaveText(seed.title);
  // The menu leaves them out; the body keeps their text, not a live address.
  await expect(page.getByRole('link', { name: /Чужой/ })).toHaveCount(0);
  await expect(page.locator('.article-body').getByText('чужая ссылка 0')).toBeVisible();
  await expect(page.locator('.article-body a[href*="%5C"], .article-body a[href*="%09"]')).toHaveCount(0);
  await page.locator('.article-body').getByText('чужая ссылка 0').click();
  // Still alive: in-app navigation works.
  await page.getByRole('link', { name: 'Новости', exact: true }).first().click();
  await expect(page.locator('#main h1')).toHaveText('Новости');
  await page.getByRole('link', { name: 'С именем' }).first().click();
  await expect(page).toHaveURL(user);
  await page.goBack();
  await page.getByRole('link', { name: 'Свой адрес' }).first().click();
  await expect(page).toHaveURL(own);
  await expect(page.locator('#main h1')).toHaveText('Страница не найдена');
});

test.describe('retries', () => {
  test.use({ allowConsoleErrors: [/Failed to load resource/] });
  test('a 429 with Retry-After is asked again after the pause, without the reader', async ({ page }) => {
    // The page's clock is the test's (Playwright's clock, paused): its timers run only when
    // the test runs them, so the pause is measured exactly, however busy the machine.
    const start = Date.now();
    await page.clock.install({ time: start });
    await page.clock.pauseAt(start + 1000);
    await trackFetches(page);
    let calls = 0;
    await page.route('**/api/news/page/1.json', (route) => {
      calls += 1;
      if (calls === 1) return route.fulfill({ status: 429, headers: { 'Retry-After': '1' }, body: '' });
      return route.fallback();
    });
    await page.goto('/');
    const asked = () => page.evaluate(() => window.__fetches.filter((f) => f.url.endsWith('/api/news/page/1.json')).length);
    const refused = () => page.evaluate(() => window.__fetches.find((f) => f.url.endsWith('/api/news/page/1.json'))?.done);
    await expect.poll(refused).toBe(true);
    // Not asked again a moment before the second is up…
    await page.clock.runFor(999);
    expect(await asked()).toBe(1);
    // …and asked again when it is.
    await page.clock.runFor(1);
    expect(await asked()).toBe(2);
    await page.clock.resume();
    await expect(titles(page).first()).toHaveText(demo.page(1).items[0].title);
    expect(calls).toBe(2);
  });

  test('a 503 passes by itself; a 404 is never asked twice', async ({ page }) => {
    let news = 0;
    let article = 0;
    await page.route('**/api/news/page/1.json', (route) => (++news === 1 ? route.fulfill({ status: 503, body: '' }) : route.fallback()));
    await page.route('**/api/news/nothing.json', (route) => { article += 1; return route.fulfill({ status: 404, json: {} }); });
    await page.goto('/');
    await expect(titles(page).first()).toHaveText(demo.page(1).items[0].title);
    expect(news).toBe(2);
    await page.goto('/news/nothing');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Новость не найдена');
    expect(article).toBe(1);
  });

  test('a failure that lasts is asked three times in all, then shown', async ({ page }) => {
    let calls = 0;
    await page.route('**/api/news/page/1.json', (route) => { calls += 1; return route.fulfill({ status: 500, body: '' }); });
    await page.goto('/');
    await expect(page.locator('.error-panel__message')).toHaveText(/код 500/);
    expect(calls).toBe(3);
  });
});

test('a request is cancelled when the reader leaves its page', async ({ page }) => {
  // Not by its deadline: the test ends long before a never-answering request's.
  await withLongestDeadline(page);
  await page.route(`**/api/news/${seed.id}.json`, () => {}); // never answers
  const aborted = page.waitForEvent('requestfailed', (r) => r.url().endsWith(`/api/news/${seed.id}.json`));
  const started = page.waitForRequest((r) => r.url().endsWith(`/api/news/${seed.id}.json`));
  await page.goto(`/news/${seed.id}`);
  await started;
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Новости' }).click();
  await expect(titles(page).first()).toHaveText(demo.page(1).items[0].title);
  expect((await aborted).failure()?.errorText).toMatch(/ABORTED/);
});

test('a request two views wait for runs on when one of them leaves, and is asked once', async ({ page }) => {
  // The archive page and the sidebar's calendar both wait for the archive's counts.
  const archive = (r) => r.url().endsWith('/api/archive.json');
  let calls = 0;
  const failed = [];
  page.on('request', (r) => { if (archive(r)) calls += 1; });
  page.on('requestfailed', (r) => { if (archive(r)) failed.push(r.failure()?.errorText); });
  const release = await hold(page, '**/api/archive.json');
  await page.goto('/news/archive');
  await expect(page.locator('.calendar--loading')).toBeAttached();
  // The reader leaves the archive page; the calendar still waits, so the request runs on.
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Новости' }).click();
  await expect(titles(page).first()).toHaveText(demo.page(1).items[0].title);
  release();
  await expect(page.locator('section.calendar a.calendar__day--news').first()).toBeVisible();
  expect(failed).toEqual([]);
  expect(calls).toBe(1);
});

test('clicking through calendar months quickly never shows a stale month', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'desktop only');
  // The month before the newest answers only once the reader has moved on past it.
  const [year, month] = newestMonth.split('-').map(Number);
  const previous = month === 1 ? `${year - 1}/12` : `${year}/${String(month - 1).padStart(2, '0')}`;
  // No request is given up by its deadline during the test: the month passed over is still
  // held back when the one shown arrives, or that one never does.
  await withLongestDeadline(page);
  await trackFetches(page);
  const release = await hold(page, `**/api/calendar/${previous}.json`);
  await page.goto('/');
  const calendar = page.locator('section.calendar');
  await expect(calendar.locator('a.calendar__day--news').first()).toBeVisible();
  const back = calendar.getByRole('button', { name: /Предыдущий месяц/ });
  await back.click();
  await back.click();
  const title = calendar.locator('.calendar__title');
  const shown = await title.textContent();
  await expect(calendar.getByRole('grid')).toHaveAttribute('aria-busy', 'false');
  // Now the stale answer arrives (or its cancellation); once the page is done with it, nothing has changed.
  release();
  await fetchesDone(page, `/api/calendar/${previous}.json`);
  expect(await title.textContent()).toBe(shown);
  const days = await calendar.locator('a.calendar__day--news').allTextContents();
  const [y2, m2] = [month <= 2 ? year - 1 : year, ((month + 9) % 12) + 1];
  const expected = (await (await page.request.get(`/api/calendar/${y2}/${String(m2).padStart(2, '0')}.json`)).json()).days.map((d) => String(d.day));
  expect(days).toEqual(expected);
});

// Answers larger than `max_response_bytes`, from a real server (page.route would hand the
// app the whole body at once): the app reads the body as it streams and stops at the limit,
// so neither a never-ending answer nor a small compressed one that inflates is read in full.
test.describe('an answer past max_response_bytes is given up as it streams', () => {
  test.use({ allowConsoleErrors: [/Failed to load resource/] });
  const MiB = 1024 * 1024;
  let bomb;
  // Each answer with the limit it meets: the smallest config.json allows, and one the
  // bomb's compressed size (~200 KB, its honest Content-Length) is within.
  const answers = {
    'a chunked 256 MiB answer with no Content-Length': [64 * 1024, async (res, server) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let closed = false;
      res.on('close', () => { closed = true; });
      for (let sent = 0; !closed && sent < 256 * MiB; sent += chunk.length) {
        server.sent += chunk.length;
        if (!res.write(chunk)) await new Promise((resume) => { res.once('drain', resume); res.once('close', resume); });
      }
      res.end();
    }],
    'a gzip bomb: 200 KB that inflates to 200 MiB': [MiB, async (res, server) => {
      bomb ??= gzipSync(Buffer.alloc(200 * MiB, 0x20), { level: 9 });
      server.sent = bomb.length;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': bomb.length }).end(bomb);
    }],
  };
  for (const [name, [limit, answer]] of Object.entries(answers)) {
    test(name, async ({ page }, testInfo) => {
      test.skip(testInfo.project.name !== 'desktop', 'the data path is the same on every viewport');
      const serve = staticHandler(() => join(fileURLToPath(new URL('../..', import.meta.url)), 'dist'));
      // Bytes sent for the news page, by every request for it, and those still open.
      const state = { sent: 0, open: 0 };
      const server = createServer((req, res) => {
        const path = new URL(req.url, 'http://x').pathname;
        if (path === '/config.json') return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ...demo.config, max_response_bytes: limit }));
        if (path !== '/api/news/page/1.json') return serve(req, res);
        state.open += 1;
        res.on('close', () => { state.open -= 1; });
        return answer(res, state);
      });
      const origin = await listen(server);
      try {
        await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (event) => { window.__memory = event.detail.wasm.memory; }));
        await page.goto(`${origin}/`);
        await expect(page.locator('#main .error-panel__message')).toContainText('слишком большой ответ');
        // The rest of the app works: the calendar is there, and another page opens.
        await expect(page.locator('section.calendar a.calendar__day--news').first()).toBeVisible();
        // The download stopped: the server saw the connection close having sent a small part
        // (what the limit let through plus the sockets' buffers, a few MiB at most).
        await expect.poll(() => state.open).toBe(0);
        expect(state.sent).toBeLessThan(32 * MiB);
        // and nothing like the whole answer reached the app's memory.
        expect(await page.evaluate(() => window.__memory.buffer.byteLength)).toBeLessThan(32 * MiB);
      } finally {
        server.close();
      }
    });
  }
});
