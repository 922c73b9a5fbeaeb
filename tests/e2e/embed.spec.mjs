// Widgets embedded in a host page on another origin with embed.js: exact content,
// auto-height, links that leave the frame, forged messages ignored, independence, axe.
import { createServer } from 'node:http';
import { test, expect, demo, listen, seriousAxeViolations } from './fixtures.mjs';
let host;
let hostOrigin;

function hostPage(app) {
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Хост</title>
  <link rel="icon" href="data:,"></head><body>
  <!-- Host markup embed.js must not mistake for itself (an id is also a window property). -->
  <div id="__vestnikEmbed"></div><div id="vestnik"></div>
  <div style="width:360px"><div id="a" data-vestnik="feed" data-limit="3"></div></div>
  <div style="width:520px"><div id="b" data-vestnik="feed" data-limit="7" data-summary="1" data-thumbs="0"></div></div>
  <div style="width:300px"><div id="c" data-vestnik="calendar"></div></div>
  <div style="width:400px"><div id="d" data-vestnik="article" data-id="${demo.seed().id}" data-target="top"></div></div>
  <script src="${app}/embed.js" async></script></body></html>`;
}

test.beforeAll(async () => {
  const app = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
  host = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostPage(app));
  });
  hostOrigin = await listen(host);
});

test.afterAll(() => host?.close());

const frame = (page, id) => page.frameLocator(`#${id} iframe`);
const frameHeight = (page, id) => page.locator(`#${id} iframe`).evaluate((f) => f.getBoundingClientRect().height);

/** Waits until the frame's height matches its content (no inner scrollbar). */
async function expectFitted(page, id) {
  const el = page.locator(`#${id} iframe`);
  await el.scrollIntoViewIfNeeded(); // the frames load lazily
  await expect.poll(async () => {
    const outer = await el.evaluate((f) => f.clientHeight);
    const inner = await el.contentFrame().locator('body').evaluate((b) => Math.max(b.scrollHeight, b.offsetHeight));
    return Math.abs(outer - Math.ceil(inner));
  }).toBeLessThanOrEqual(1);
}

test('feed widgets show exactly their limit and fit their content', async ({ page }) => {
  await page.goto(hostOrigin);
  const latest = demo.page(1).items.concat(demo.page(2).items);
  await expect(frame(page, 'a').locator('.embed-feed__item')).toHaveCount(3);
  await expect(frame(page, 'a').locator('.embed-feed__title')).toHaveText(latest.slice(0, 3).map((i) => i.title));
  await expect(frame(page, 'b').locator('.embed-feed__item')).toHaveCount(7);
  await expect(frame(page, 'b').locator('.embed-feed__title')).toHaveText(latest.slice(0, 7).map((i) => i.title));
  await expect(frame(page, 'b').locator('.embed-feed__thumb')).toHaveCount(0);
  await expect(frame(page, 'b').locator('.embed-feed__summary').first()).toBeVisible();
  for (const id of ['a', 'b', 'c', 'd']) await expectFitted(page, id);
  const [a, b] = [await frameHeight(page, 'a'), await frameHeight(page, 'b')];
  expect(b).toBeGreaterThan(a);
  const iframe = page.locator('#a iframe');
  await expect(iframe).toHaveAttribute('title', 'Новости пресс-службы');
  await expect(iframe).toHaveAttribute('loading', 'lazy');
  await expect(iframe).toHaveAttribute('sandbox', /allow-scripts/);
});

test('the frame follows its content when it grows', async ({ page }) => {
  await page.goto(hostOrigin);
  await expectFitted(page, 'a');
  const before = await frameHeight(page, 'a');
  await page.locator('#a iframe').contentFrame().locator('html').evaluate((html) => { html.style.fontSize = '150%'; });
  await expect.poll(() => frameHeight(page, 'a')).toBeGreaterThan(before * 1.2);
  await expectFitted(page, 'a');
});

test('a title opens the article on the Vestnik origin in a new page', async ({ page, context, baseURL }) => {
  await page.goto(hostOrigin);
  const first = demo.page(1).items[0];
  const link = frame(page, 'a').getByRole('link', { name: first.title });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener');
  const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await expect(popup).toHaveURL(`${baseURL}/news/${first.id}`);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText(first.title);
  await expect(page).toHaveURL(`${hostOrigin}/`);
});

test('messages from other origins or other frames do not resize a widget', async ({ page }) => {
  await page.goto(hostOrigin);
  await expectFitted(page, 'a');
  const frameId = await page.locator('#a iframe').evaluate((f) => new URL(f.src).searchParams.get('frame'));
  // Every height given to the frame from now on is recorded: the widget may still resize
  // itself for real (an image decoded late), so only the forged heights are looked for.
  // Each sender's messages arrive in the order sent: once a sender's "done" is in, embed.js
  // has had its forged one.
  await page.locator('#a iframe').evaluate((f) => {
    window.heightsSet = [];
    new MutationObserver(() => window.heightsSet.push(f.style.height)).observe(f, { attributes: true, attributeFilter: ['style'] });
    window.doneFrom = [];
    window.addEventListener('message', (e) => e.data?.type === 'test:done' && window.doneFrom.push(e.data.from));
  });
  // The host page itself (a foreign origin for embed.js) pretends to be the widget…
  await page.evaluate((id) => {
    window.postMessage({ type: 'vestnik:height', frame: id, height: 5 }, '*');
    window.postMessage({ type: 'test:done', from: 'host' }, '*');
  }, frameId);
  // …and so does another Vestnik frame, naming the first one's id.
  await page.locator('#b iframe').contentFrame().locator('body').evaluate((_, id) => {
    parent.postMessage({ type: 'vestnik:height', frame: id, height: 7 }, '*');
    parent.postMessage({ type: 'test:done', from: 'b' }, '*');
  }, frameId);
  await page.waitForFunction(() => window.doneFrom.length === 2);
  expect(await page.evaluate(() => window.heightsSet)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^[57]px$/)]));
  await expectFitted(page, 'a');
});

test('the calendar widget switches months inside its frame', async ({ page }) => {
  await page.goto(hostOrigin);
  const cal = frame(page, 'c');
  const title = cal.locator('.calendar__title');
  await expect(title).toHaveText(/\d{4}$/);
  const first = await title.textContent();
  await cal.getByRole('button', { name: /Предыдущий месяц/ }).click();
  await expect(title).not.toHaveText(first);
  await expect(page).toHaveURL(`${hostOrigin}/`);
  await expect(page.locator('#c iframe')).toHaveAttribute('src', /\/embed\/calendar\?/);
});

test('the article card links to the host window when asked to', async ({ page }) => {
  await page.goto(hostOrigin);
  await expect(frame(page, 'd').getByRole('heading', { level: 1 })).toHaveText(demo.seed().title);
  await expect(frame(page, 'd').getByRole('link', { name: 'Читать полностью' })).toHaveAttribute('target', '_top');
});

test('widgets added after load are found too', async ({ page }) => {
  await page.goto(hostOrigin);
  await expect(frame(page, 'a').locator('.embed-feed__item')).toHaveCount(3);
  await page.evaluate(() => {
    const el = document.createElement('div');
    el.id = 'late';
    el.setAttribute('data-vestnik', 'feed');
    el.setAttribute('data-limit', '2');
    document.body.append(el);
  });
  await expect(frame(page, 'late').locator('.embed-feed__item')).toHaveCount(2);
});

test('axe finds no serious or critical problems inside the widgets', async ({ page }) => {
  await page.goto(hostOrigin);
  for (const id of ['a', 'b', 'c', 'd']) {
    const f = page.locator(`#${id} iframe`).contentFrame();
    await expect(f.locator('main')).toBeVisible();
    await expectFitted(page, id);
    expect(await seriousAxeViolations(page, { include: `#${id}` }), id).toEqual([]);
  }
});
