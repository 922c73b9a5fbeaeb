// The feed and the archive calendar: paging, filters, search, archive routes, keyboard.
import {
  test, expect, demo, seriousAxeViolations, expectNoHorizontalScroll, settled, hold, trackFetches, fetchesDone, nextFrames, withLongestDeadline,
} from './fixtures.mjs';

const titles = (page) => page.locator('ul.news-list h2');
const calendar = (page) => page.locator('section.calendar');

test.describe('paging', () => {
  test('the numbered pager pages through the feed and back', async ({ page }) => {
    await page.goto('/');
    const pager = page.getByRole('navigation', { name: 'Страницы списка' });
    await expect(pager.locator('li')).toHaveText(['1', '2', '…', String(demo.page(1).pages)]);
    await pager.getByRole('link', { name: 'Страница 2', exact: true }).click();
    await expect(page).toHaveURL(/\/news\?page=2$/);
    await pager.getByRole('link', { name: 'Страница 3', exact: true }).click();
    await expect(titles(page).first()).toHaveText(demo.page(3).items[0].title);
    await expect(pager.locator('[aria-current="page"]')).toHaveText('3');
    await page.goBack();
    await expect(titles(page).first()).toHaveText(demo.page(2).items[0].title);
    await page.reload();
    await expect(titles(page).first()).toHaveText(demo.page(2).items[0].title);
    await pager.getByRole('link', { name: /Предыдущая/ }).click();
    await expect(titles(page).first()).toHaveText(demo.page(1).items[0].title);
  });

  test('a slow older page neither holds up nor replaces a newer one', async ({ page }) => {
    // Page 15 is never given up by its deadline during the test: page 16 arrives while
    // page 15 is held back, or never.
    await withLongestDeadline(page);
    await trackFetches(page);
    const release = await hold(page, '**/api/news/page/15.json');
    await page.goto('/news?page=14');
    const pager = page.getByRole('navigation', { name: 'Страницы списка' });
    await pager.getByRole('link', { name: 'Страница 15', exact: true }).click();
    await pager.getByRole('link', { name: 'Страница 16', exact: true }).click();
    await expect(titles(page).first()).toHaveText(demo.page(16).items[0].title);
    await expect(page.locator('.feed')).toHaveAttribute('aria-busy', 'false');
    // Then page 15's answer (or its cancellation); once the page is done with it, nothing has changed.
    release();
    await fetchesDone(page, '/api/news/page/15.json');
    expect(await titles(page).first().textContent()).toBe(demo.page(16).items[0].title);
    await expect(page).toHaveURL(/page=16$/);
  });

  test('returning from an article restores the list page and scroll position', async ({ page }) => {
    await page.goto('/news?page=2');
    const fifth = titles(page).nth(5).getByRole('link');
    await fifth.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(200);
    await fifth.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(demo.page(2).items[5].title);
    await page.getByRole('link', { name: 'Возврат к списку' }).click();
    await expect(page).toHaveURL(/\/news\?page=2$/);
    await expect(titles(page).first()).toHaveText(demo.page(2).items[0].title);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 50);
    // The browser's back button does the same.
    await titles(page).nth(5).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(demo.page(2).items[5].title);
    await page.goBack();
    await expect(titles(page).first()).toHaveText(demo.page(2).items[0].title);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 50);
  });
});

test.describe('calendar', () => {
  test('opens on the newest month and a day link shows exactly that day', async ({ page }) => {
    await page.goto('/');
    const last = demo.archive.last; // e.g. 2024-11
    const names = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];
    const [y, m] = last.split('-').map(Number);
    await expect(calendar(page).locator('.calendar__title')).toHaveText(`${names[m - 1]} ${y}`);
    await expect(calendar(page).getByRole('button', { name: /Следующий месяц/ })).toBeDisabled();
    const day = calendar(page).locator('a.calendar__day--news').first();
    const href = await day.getAttribute('href');
    const [, yy, mm, dd] = href.match(/(\d{4})\/(\d{2})\/(\d{2})$/);
    const expected = demo.onDay(`${yy}-${mm}-${dd}`);
    await expect(day).toHaveAttribute('aria-label', new RegExp(`— ${expected.length} новост`));
    await day.click();
    await expect(page).toHaveURL(new RegExp(`/news/archive/${yy}/${mm}/${dd}$`));
    await expect(titles(page)).toHaveText(expected.map((item) => item.title));
    await expect(calendar(page).locator('td[aria-selected="true"]')).toHaveText(String(Number(dd)));
  });

  test('the seed day lists its three news', async ({ page }) => {
    await page.goto('/news/archive/2020/12/01');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Новости за 1 декабря 2020');
    await expect(titles(page)).toHaveText(demo.onDay('2020-12-01').map((item) => item.title));
    await expect(page.locator('.feed__count')).toHaveText('Найдено: 3 новости');
    await expect(calendar(page).locator('.calendar__title')).toHaveText('Декабрь 2020');
  });

  test('months switch with the mouse, within the archive', async ({ page }) => {
    await page.goto('/news/archive/2020/02');
    const title = calendar(page).locator('.calendar__title');
    await expect(title).toHaveText('Февраль 2020');
    await calendar(page).getByRole('button', { name: 'Предыдущий месяц: Январь 2020' }).click();
    await expect(title).toHaveText('Январь 2020');
    await expect(calendar(page).getByRole('button', { name: /Предыдущий месяц/ })).toBeDisabled();
    await calendar(page).getByRole('button', { name: /Следующий месяц/ }).click();
    await calendar(page).getByRole('button', { name: /Следующий месяц/ }).click();
    await expect(title).toHaveText('Март 2020');
    await expect(page).toHaveURL(/\/news\/archive\/2020\/02$/, 'switching months does not navigate');
    await calendar(page).getByRole('link', { name: '2022' }).click();
    await expect(page).toHaveURL(/\/news\/archive\/2022$/);
    await expect(title).toHaveText(/2022$/);
  });

  test('keyboard focus keeps its day when a slow month\'s news arrive', async ({ page }) => {
    const release = await hold(page, '**/api/calendar/2020/11.json');
    await page.goto('/news/archive/2020/12/11');
    const grid = page.getByRole('grid');
    await expect(grid).toHaveAttribute('aria-busy', 'false');
    await grid.locator('[tabindex="0"]').focus();
    const focused = () => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.getAttribute('data-date')}`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageUp');
    await expect(calendar(page).locator('.calendar__title')).toHaveText('Ноябрь 2020');
    await expect(grid).toHaveAttribute('aria-busy', 'true');
    await expect.poll(focused).toBe('SPAN 2020-11-12');
    // The 12th has news: when they arrive the day becomes a link, and focus stays on it.
    release();
    await expect(grid).toHaveAttribute('aria-busy', 'false');
    await expect.poll(focused).toBe('A 2020-11-12');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('SPAN 2020-11-11');
  });

  test('the grid works with the keyboard alone', async ({ page }) => {
    await page.goto('/news/archive/2020/12/01');
    const grid = page.getByRole('grid');
    // One tab stop: the selected day (a link once the month's news are in).
    await expect(grid).toHaveAttribute('aria-busy', 'false');
    await expect(grid.locator('a[tabindex="0"]')).toHaveCount(1);
    await grid.locator('[tabindex="0"]').focus();
    const focusedDate = () => page.evaluate(() => document.activeElement?.getAttribute('data-date'));
    expect(await focusedDate()).toBe('2020-12-01');
    await page.keyboard.press('ArrowRight');
    expect(await focusedDate()).toBe('2020-12-02');
    await page.keyboard.press('ArrowDown');
    expect(await focusedDate()).toBe('2020-12-09');
    await page.keyboard.press('End');
    expect(await focusedDate()).toBe('2020-12-13');
    await page.keyboard.press('Home');
    expect(await focusedDate()).toBe('2020-12-07');
    await page.keyboard.press('PageUp');
    await expect(calendar(page).locator('.calendar__title')).toHaveText('Ноябрь 2020');
    await expect.poll(focusedDate).toBe('2020-11-07');
    await page.keyboard.press('PageDown');
    await expect(calendar(page).locator('.calendar__title')).toHaveText('Декабрь 2020');
    await expect.poll(focusedDate).toBe('2020-12-07');
    // Walk to the 4th (a day with news in the demo) and open it with Enter.
    const target = demo.onDay('2020-12-04');
    expect(target.length).toBeGreaterThan(0);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedDate()).toBe('2020-12-04');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/news\/archive\/2020\/12\/04$/);
    await expect(titles(page)).toHaveText(target.map((item) => item.title));
    // The new page's heading has focus, not the day just followed (the grid is redrawn).
    await expect(page.locator('#main h1')).toBeFocused();
    // …and keeps it once the page has settled and the grid's redraws (next frame) are done.
    await settled(page);
    await nextFrames(page);
    expect(await page.evaluate(() => document.activeElement === document.querySelector('#main h1'))).toBe(true);
  });
});

test.describe('filters and search', () => {
  test('search finds a word from a demo title and chips remove filters', async ({ page }) => {
    await page.goto('/');
    const wanted = demo.index.find((item) => item.title.includes('спартакиаде'));
    await page.getByLabel('Поиск по новостям').fill('Спартакиаде');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\?q=%D0%A1%D0%BF%D0%B0%D1%80%D1%82%D0%B0%D0%BA%D0%B8%D0%B0%D0%B4%D0%B5$/);
    await expect(titles(page)).toContainText([wanted.title]);
    const count = demo.index.filter((item) => `${item.title} ${item.summary}`.toLowerCase().includes('спартакиаде')).length;
    await expect(titles(page)).toHaveCount(Math.min(count, 10));
    await page.getByRole('link', { name: 'Убрать фильтр «Поиск: «Спартакиаде»»' }).click();
    await expect(page).toHaveURL(/\/news$/);
    await expect(page.locator('.feed__count')).toHaveText(`Всего ${demo.index.length} новостей`);
  });

  test('rubric, search and month combine in the URL', async ({ page }) => {
    await page.goto('/news/archive/2020/12?rubric=cooperation');
    const expected = demo.index.filter((i) => i.published.startsWith('2020-12') && i.rubrics.some((r) => r.id === 'cooperation'));
    await expect(titles(page)).toHaveText(expected.map((i) => i.title));
    await expect(page.getByLabel('Рубрика', { exact: true })).toHaveValue('cooperation');
    await expect(page.locator('.chips__chip')).toHaveText([/Период: декабрь 2020/, /Рубрика: Сотрудничество/]);
    await page.getByLabel('Поиск по новостям').fill('280 контрактов');
    await page.getByRole('button', { name: 'Найти' }).click();
    await expect(page).toHaveURL(/\/news\/archive\/2020\/12\?q=280%20%D0%BA%D0%BE%D0%BD%D1%82%D1%80%D0%B0%D0%BA%D1%82%D0%BE%D0%B2&rubric=cooperation$/);
    await expect(titles(page)).toHaveText([demo.seed().title]);
  });

  test('a backend with a search endpoint receives the filters as query parameters', async ({ page }) => {
    const config = structuredClone(demo.config);
    config.endpoints.news_search = 'search{?q,rubric,from,to,page,per_page}';
    await page.route('**/config.json', (route) => route.fulfill({ json: config }));
    const seed = demo.seed();
    const asked = [];
    await page.route('**/api/search?**', (route) => {
      asked.push(new URL(route.request().url()).searchParams);
      const { id, title, published, summary, rubrics } = seed;
      return route.fulfill({ json: { page: 1, pages: 1, total: 1, items: [{ id, title, published, summary, rubrics }] } });
    });
    await page.goto('/news/archive/2020/12?q=контракты&rubric=cooperation');
    await expect(titles(page)).toHaveText([seed.title]);
    expect(Object.fromEntries(asked[0])).toEqual({
      q: 'контракты', rubric: 'cooperation', from: '2020-12-01', to: '2020-12-31', page: '1', per_page: '10',
    });
  });

  test('nothing found says so with a way back', async ({ page }) => {
    await page.goto('/news?q=несуществующееслово');
    await expect(page.getByText('Новостей не найдено.')).toBeVisible();
    await page.getByRole('link', { name: 'Перейти ко всем новостям' }).click();
    await expect(titles(page)).toHaveCount(10);
  });
});

test.describe('archive routes', () => {
  test.use({ allowConsoleErrors: [/status of 404/] });

  test('each archive address loads directly', async ({ page }) => {
    await page.goto('/news/archive/2020');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Новости за 2020 год');
    const in2020 = demo.index.filter((i) => i.published.startsWith('2020'));
    await expect(page.locator('.feed__count')).toHaveText(new RegExp(`Найдено: ${in2020.length} новост`));
    await expect(titles(page).first()).toHaveText(in2020[0].title);
    const months = page.getByRole('navigation', { name: 'Новости 2020 года по месяцам' });
    const dec = demo.archive.months.find((m) => m.year === 2020 && m.month === 12);
    await expect(months.getByRole('listitem').filter({ hasText: 'Декабрь' })).toContainText(`${dec.count} новост`);
    await months.getByRole('link', { name: 'Декабрь', exact: true }).click();
    await expect(page).toHaveURL(/\/news\/archive\/2020\/12$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Новости за декабрь 2020');
    await expect(page.locator('.feed__count')).toHaveText(`Найдено: ${dec.count} новостей`);
    await page.goto('/news/archive');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Архив новостей');
    await expect(page.getByRole('heading', { level: 2, name: '2024 год' })).toBeVisible();
    await page.goto('/news/archive/2020?q=турнир');
    await expect(page.locator('.chips__chip')).toHaveText([/Период: 2020 год/, /Поиск: «турнир»/]);
  });

  test('a year\'s month list stays put while the reader searches within the year', async ({ page }) => {
    await page.goto('/news/archive/2020');
    const months = page.getByRole('navigation', { name: 'Новости 2020 года по месяцам' });
    await expect(months.getByRole('link', { name: 'Декабрь', exact: true })).toBeVisible();
    const list = await months.elementHandle();
    await page.getByLabel('Поиск по новостям').fill('турнир');
    await page.keyboard.press('Enter');
    await expect(page.locator('.chips__chip')).toHaveText([/Период: 2020 год/, /Поиск: «турнир»/]);
    await settled(page);
    // The same element: not taken down and loaded again (it would vanish while it loads).
    expect(await list.evaluate((el) => el.isConnected)).toBe(true);
  });

  test('nonsense in the address gets a clear message, never a panic', async ({ page }) => {
    await page.goto('/news/archive/2020/13/45');
    await expect(page.getByText('В архиве нет такой даты.')).toBeVisible();
    await page.goto('/news/archive/2021/02/29');
    await expect(page.getByText('В архиве нет такой даты.')).toBeVisible();
    await page.goto('/news?page=-1');
    await expect(titles(page).first()).toHaveText(demo.page(1).items[0].title);
    await page.goto('/news?page=99999999999');
    await expect(page.getByText(/в этом списке нет/)).toBeVisible();
    // A 10 000-character search, followed client-side (servers refuse such long requests).
    await page.evaluate((q) => {
      const a = document.createElement('a');
      a.href = `news?q=${encodeURIComponent(q)}`;
      a.textContent = 'длинный запрос';
      document.querySelector('main').append(a);
      a.click();
    }, 'я'.repeat(10000));
    await expect(page.getByText('Новостей не найдено.')).toBeVisible();
    await expect(page.getByLabel('Поиск по новостям')).toHaveValue('я'.repeat(200));
    await page.goto('/news/archive/2019/05');
    await expect(page.getByText('Новостей не найдено.')).toBeVisible();
  });

  test('archive pages have no serious accessibility problems and fit the screen', async ({ page }) => {
    for (const path of ['/news/archive/2020', '/news/archive/2020/12/01', '/news?q=турнир&rubric=sport']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(calendar(page).locator('.calendar__title')).toBeVisible();
      await settled(page);
      expect(await seriousAxeViolations(page), path).toEqual([]);
      await expectNoHorizontalScroll(page);
    }
  });
});

// How fast it renders is `make bench`'s (bench/run.mjs, the 1000-item feed); here, that it
// renders in full and in order.
test('a page of 1000 news renders every row', async ({ page }) => {
  const template = demo.page(1).items;
  const items = Array.from({ length: 1000 }, (_, i) => ({ ...template[i % template.length], id: String(100000 + i), title: `Новость ${i + 1}` }));
  await page.route('**/api/news/page/1.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ page: 1, pages: 1, total: 1000, items }),
  }));
  await page.goto('/news/archive/2020/12/01');
  await expect(titles(page).first()).toBeVisible();
  // Client-side, as a reader gets there (rows are added a batch per frame).
  await page.evaluate(() => document.querySelector('a[href="news"]').click());
  await expect(titles(page).first()).toHaveText('Новость 1');
  await expect(page.locator('ul.news-list > li')).toHaveCount(1000);
  await expect(titles(page)).toHaveText(items.map((item) => item.title));
  await expect(page.locator('.feed__count')).toHaveText('Всего 1000 новостей');
});

// Views that outlive their reactive owner for a moment (Transition keeps old content up)
// once panicked here; a mixed session over every kind of navigation guards against it.
test('a mixed reading session never panics', async ({ page }) => {
  test.slow(); // three rounds of a dozen navigations
  for (let round = 0; round < 3; round++) {
    await page.goto('/news/archive/2020/02');
    await calendar(page).getByRole('button', { name: /Предыдущий месяц/ }).click();
    await calendar(page).getByRole('button', { name: /Следующий месяц/ }).click();
    await calendar(page).getByRole('link', { name: '2022' }).click();
    await calendar(page).locator('a.calendar__day--news').first().click();
    await expect(titles(page).first()).toBeVisible();
    await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Новости' }).click();
    await titles(page).first().getByRole('link').click();
    await expect(page.locator('.article-body')).toBeVisible();
    await page.goBack();
    const pager = page.getByRole('navigation', { name: 'Страницы списка' });
    await pager.getByRole('link', { name: 'Страница 2', exact: true }).click();
    await pager.getByRole('link', { name: 'Страница 3', exact: true }).click();
    await page.getByLabel('Поиск по новостям').fill('турнир');
    await page.keyboard.press('Enter');
    await page.locator('.chips__chip').first().click();
    await expect(page.locator('.feed__count')).toHaveText(/Всего/);
  }
});

// Every kind of page, reached from every other by a link the router follows: a page's
// views that outlive its reactive owner for a moment as it goes (its <Title> asked once
// more) once panicked on the way from a year's feed to an article.
test('every page after every other, by links, never panics', async ({ page }) => {
  test.slow(); // 90 navigations
  const article = demo.page(1).items[0];
  const pages = [
    ['news', 'Новости'], ['news?page=2', 'Новости'], ['news/archive/2021', 'Новости за 2021 год'],
    ['news/archive/2020/12', 'Новости за декабрь 2020'], ['news/archive/2020/12/01', 'Новости за 1 декабря 2020'],
    ['news?q=%D1%82%D1%83%D1%80%D0%BD%D0%B8%D1%80', 'Новости'], ['news/archive', 'Архив новостей'],
    [`news/${article.id}`, article.title], ['saved', 'Сохранённые новости'], ['no/such/page', 'Страница не найдена'],
  ];
  const go = async ([href, heading]) => {
    await page.evaluate((href) => {
      const a = Object.assign(document.createElement('a'), { href, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
    }, href);
    await expect(page.locator('#main h1')).toHaveText(heading);
  };
  await page.goto('/');
  for (const [i, from] of pages.entries()) {
    for (const to of pages.filter((_, j) => j !== i)) {
      await go(from);
      await go(to);
    }
  }
});
