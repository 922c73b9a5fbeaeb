// The backends press services already run, read through config.json alone: WordPress's
// REST API and a JSON Feed, both served from a second origin (tests/e2e/backends.mjs, with
// CORS) from our fixtures. For each: the feed pages, an article and its gallery, the
// calendar, search, a day filter and a rubric.
import { test, expect } from './fixtures.mjs';

const backend = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173) + 1}`;
const titles = (page) => page.locator('ul.news-list h2');
const calendar = (page) => page.locator('section.calendar');
const dialog = (page) => page.locator('dialog.lightbox');

/** Points the app at another backend, as a deployer would by editing config.json. */
async function configure(page, config) {
  await page.route('**/config.json', (route) => route.fulfill({ json: config }));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  return requests;
}

test.beforeEach(({}, testInfo) => {
  // The data paths are the same on every viewport; the mobile layout is covered elsewhere.
  test.skip(testInfo.project.name !== 'desktop', 'desktop only');
});

test.describe('WordPress REST API', () => {
  const wordpress = { backend: 'wordpress', api_base: `${backend}/wp-json/` };

  test.describe('paging', () => {
  // The browser logs WordPress's 400 for the page past the last one.
  test.use({ allowConsoleErrors: [/status of 400/] });

  test('the feed pages through posts with totals from the headers', async ({ page }) => {
    const requests = await configure(page, wordpress);
    await page.goto('/');
    await expect(page.locator('.site-header__name')).toHaveText('УФСИН России по Энской области — пресс-служба');
    await expect(titles(page)).toHaveCount(10);
    // Entities in titles and excerpts are text, decoded once.
    await expect(titles(page).first()).toHaveText('«Кузбасс» & ГУФСИН: итоги года — 280 контрактов');
    await expect(page.locator('.feed__count')).toHaveText('Всего 14 новостей');
    await expect(page.locator('ul.news-list').getByText('143 миллиона рублей…')).toBeVisible();
    // A featured image the reader may not see, and posts without one, still list.
    await expect(titles(page).nth(3)).toHaveText('День открытых дверей: “Служба в УФСИН” для студентов');
    await expect(page.locator('ul.news-list li').nth(1).locator('img')).toHaveCount(0);
    await expect(page.locator('ul.news-list li').first().locator('img')).toHaveAttribute('src', /wp-content\/uploads/);
    const pager = page.getByRole('navigation', { name: 'Страницы списка' });
    await pager.getByRole('link', { name: 'Страница 2', exact: true }).click();
    await expect(titles(page)).toHaveCount(4);
    await expect(titles(page).last()).toHaveText('Открыт новый учебный класс');
    // Past the last page WordPress answers 400: the reader is offered the first page.
    await page.goto('/news?page=3');
    await expect(page.getByText('Страницы 3 в этом списке нет.')).toBeVisible();
    expect(requests.some((u) => u.startsWith(`${backend}/wp-json/wp/v2/posts?`))).toBe(true);
    expect(requests.filter((u) => u.includes('/api/')), 'nothing from the demo backend').toEqual([]);
  });
  });

  test('an article shows its body without the gallery block, whose photos open in the lightbox', async ({ page }) => {
    await configure(page, wordpress);
    await page.goto('/');
    await titles(page).first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('«Кузбасс» & ГУФСИН: итоги года — 280 контрактов');
    await expect(page.locator('.article-body')).toContainText('Сотрудничество продолжится');
    await expect(page.locator('.article-body figure')).toHaveCount(0);
    await expect(page.locator('.gallery__count')).toHaveText('(4 фотографии)');
    await expect(page.locator('.gallery__caption')).toHaveText(['Совещание в администрации', 'Доклад об итогах года']);
    await page.getByRole('button', { name: /Открыть фото 2 из 4/ }).click();
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page).locator('.lightbox__counter')).toHaveText('2 из 4');
    await expect(page.getByText('Дата последнего обновления: 08.12.2020 18:10')).toBeVisible();
    // The classic [gallery] shortcode too.
    await page.goto('/news/211');
    await expect(page.locator('.gallery__caption')).toHaveText(['Финальный матч', 'Победители турнира']);
    await expect(page.locator('.article-body')).not.toContainText('Финальный матч');
    // An id WordPress cannot have is not asked for.
    await page.goto('/news/not-a-number');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Новость не найдена');
  });

  test('the calendar counts days from dates, and a day, a rubric and a search filter', async ({ page }) => {
    await configure(page, wordpress);
    await page.goto('/');
    await expect(calendar(page).locator('.calendar__title')).toHaveText('Декабрь 2020');
    await expect(calendar(page).locator('a.calendar__day--news')).toHaveText(['1', '3', '4', '7', '8']);
    await calendar(page).getByRole('button', { name: /Предыдущий месяц/ }).click();
    await expect(calendar(page).locator('.calendar__title')).toHaveText('Ноябрь 2020');
    await expect(calendar(page).locator('a.calendar__day--news')).toHaveText(['3', '12', '18', '20', '25', '27']);
    await calendar(page).getByRole('button', { name: /Следующий месяц/ }).click();
    await calendar(page).locator('a.calendar__day--news', { hasText: '7' }).click();
    await expect(page).toHaveURL(/news\/archive\/2020\/12\/07$/);
    await expect(titles(page)).toHaveText(['Турнир по мини-футболу среди сотрудников', 'Осуждённые ИК-40 получили дипломы о профессии']);

    await page.goto('/news');
    await page.getByLabel('Рубрика', { exact: true }).selectOption({ label: 'Спорт' });
    await page.getByRole('button', { name: 'Найти' }).click();
    await expect(page).toHaveURL(/rubric=4/);
    await expect(titles(page)).toHaveCount(3);

    await page.goto('/news');
    await page.getByLabel('Поиск по новостям').fill('мини-футболу');
    await page.getByRole('button', { name: 'Найти' }).click();
    await expect(page.locator('.feed__count')).toHaveText('Найдено: 1 новость');
    await expect(titles(page)).toHaveText(['Турнир по мини-футболу среди сотрудников']);

    await page.goto('/news/archive');
    await expect(page.locator('.archive__month')).toHaveText(['Декабрь — 6 новостей', 'Ноябрь — 6 новостей', 'Октябрь — 2 новости']);
  });
});

test.describe('JSON Feed', () => {
  const jsonfeed = { backend: 'jsonfeed', feed_url: `${backend}/feed/feed.json`, site: { utc_offset: '+07:00' } };

  test('the feed reads pages through next_url as far as a page needs', async ({ page }) => {
    const requests = await configure(page, jsonfeed);
    await page.goto('/');
    await expect(page.locator('.site-header__name')).toHaveText('Пресс-служба УФСИН России по Энской области');
    await expect(titles(page).first()).toHaveText('Выставка работ осуждённых открылась в музее');
    // Plain-text titles stay as written; a title-less note is named by its text.
    await expect(titles(page).nth(2)).toHaveText('Приём граждан & консультации юристов');
    await expect(titles(page).nth(3)).toHaveText('Коротко: в СИЗО-1 заработала электронная очередь для передач.');
    const pager = page.getByRole('navigation', { name: 'Страницы списка' });
    await pager.getByRole('link', { name: 'Страница 2', exact: true }).click();
    await expect(titles(page).first()).toHaveText('Проверка прокуратуры в ИК-43');
    await expect(page.locator('.feed__count')).toHaveText('Всего 24 новости');
    await pager.getByRole('link', { name: 'Страница 3', exact: true }).click();
    await expect(titles(page)).toHaveCount(4);
    for (const name of ['feed.json', 'feed-2.json', 'feed-3.json']) {
      expect(requests, name).toContain(`${backend}/feed/${name}`);
    }
    expect(requests.filter((u) => u.includes('/api/')), 'nothing from the demo backend').toEqual([]);
  });

  test('articles: the _vestnik gallery and signature, image attachments, a 1.0 item, a URL for an id', async ({ page }) => {
    await configure(page, jsonfeed);
    await page.goto('/');
    await titles(page).first().getByRole('link').click();
    await expect(page).toHaveURL(/news\/http%3A%2F%2F127\.0\.0\.1%3A\d+%2F2021%2F12%2F20%2Fvystavka$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Выставка работ осуждённых открылась в музее');
    await expect(page.locator('.gallery__caption')).toHaveText(['Резьба по дереву', 'Живопись', 'Посетители']);
    await expect(page.locator('.article__signature')).toHaveText('Пресс-служба УФСИН по Энской области');
    await page.getByRole('button', { name: /Открыть фото 3 из 3/ }).click();
    await expect(dialog(page).locator('.lightbox__counter')).toHaveText('3 из 3');
    await page.keyboard.press('Escape');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Выставка работ осуждённых открылась в музее');

    await page.goto('/news/3100');
    await expect(page.locator('.gallery__caption')).toHaveText(['Партия в финале', 'Победитель турнира']);
    await expect(page.locator('.article__signature')).toHaveText('Анна Петрова');
    await page.goto('/news/3099');
    await expect(page.locator('.article-body')).toContainText('Вопросы <принимаются> заранее.');
    await page.goto('/news/3089');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Семинар для психологов учреждений');
    await expect(page.locator('.article__signature')).toHaveText('Пресс-служба');
  });

  test('calendar, day filter, rubric and search work over the items read', async ({ page }) => {
    await configure(page, jsonfeed);
    await page.goto('/');
    await expect(calendar(page).locator('.calendar__title')).toHaveText('Декабрь 2021');
    await expect(calendar(page).locator('a.calendar__day--news')).toHaveText(['1', '3', '6', '8', '10', '14', '15', '17', '20']);
    await calendar(page).getByRole('button', { name: /Предыдущий месяц/ }).click();
    await calendar(page).getByRole('button', { name: /Предыдущий месяц/ }).click();
    await expect(calendar(page).locator('.calendar__title')).toHaveText('Октябрь 2021');
    await expect(calendar(page).getByRole('button', { name: /Предыдущий месяц/ })).toBeDisabled();
    await page.goto('/news/archive/2021/12/08');
    await expect(titles(page)).toHaveText(['Сотрудники приняли участие в донорской акции']);
    await page.goto('/news?rubric=%D0%A1%D0%BF%D0%BE%D1%80%D1%82');
    await expect(page.locator('.feed__count')).toHaveText('Найдено: 6 новостей');
    await page.goto('/news');
    await page.getByLabel('Поиск по новостям').fill('шахматам');
    await page.getByRole('button', { name: 'Найти' }).click();
    await expect(titles(page)).toHaveText(['Турнир по шахматам среди осуждённых']);
    await expect(page.locator('.feed__partial')).toHaveCount(0);
  });

  test('read only in part, a search says its result may miss older news', async ({ page }) => {
    await configure(page, { ...jsonfeed, max_pages: 1 });
    await page.goto('/news?q=%D1%82%D1%83%D1%80%D0%BD%D0%B8%D1%80');
    await expect(titles(page)).toHaveText(['Турнир по шахматам среди осуждённых']);
    await expect(page.locator('.feed__partial')).toHaveText(
      'Результат неполный: учтены только последние новости (12 новостей), более ранние не загружались.',
    );
    // No page is offered that the feed's limit would leave empty.
    await expect(page.getByRole('navigation', { name: 'Страницы списка' })).toHaveCount(0);
    await page.goto('/news/archive');
    await expect(page.locator('.archive__partial')).toBeVisible();
  });
});
