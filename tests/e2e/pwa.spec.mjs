// Vestnik as an installed, offline-capable app: manifest and installability, reading
// offline from the service worker's caches, and the update banner between two builds.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, demo, listen, controlled, workerContext, controlledPage } from './fixtures.mjs';
import { staticHandler, staticServer } from '../../scripts/serve.mjs';
import { compressed } from '../../scripts/precompress.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const titles = (page) => page.locator('ul.news-list h2');

test.describe('with service workers', () => {
  test.use({ serviceWorkers: 'allow', allowConsoleErrors: [/ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/] });

  test('the manifest parses and the app is installable', async ({ page }) => {
    await page.goto('/');
    await controlled(page);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are incognito-like, and Chrome never installs from incognito:
    // that one is about the test browser, not the app.
    expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
    const data = JSON.parse(manifest.data);
    expect(data).toMatchObject({ lang: 'ru', display: 'standalone', start_url: './', scope: './' });
    expect(data.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', 'icons/apple-touch-icon.png');
  });

  test('files opened directly are the files, app routes the app', async ({ page }) => {
    await page.goto('/');
    await controlled(page);
    await page.goto('/api/site.json');
    expect(JSON.parse(await page.locator('body').innerText()).name).toBe(demo.site.name);
    await page.goto('/embed-demo.html');
    await expect(page.locator('#app')).toHaveCount(0);
    await page.goto('/news/archive/2020');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2020');
  });

  test('news the reader opened are readable offline, others say so', async ({ page, context }) => {
    const [a, b] = demo.page(1).items;
    const unvisited = demo.page(4).items[3];
    await page.goto('/');
    await controlled(page);
    await page.reload(); // now every request goes through the worker
    await expect(titles(page)).toHaveCount(demo.page(1).items.length);
    for (const item of [a, b]) {
      await page.goto(`/news/${item.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.title);
    }

    await context.setOffline(true);
    await page.goto('/');
    await expect(titles(page).first()).toHaveText(a.title);
    await expect(page.locator('.saved-notice')).toContainText('Нет соединения — показана сохранённая версия от');
    await expect(page.getByRole('banner')).toContainText('Нет соединения');
    for (const item of [a, b]) {
      await page.goto(`/news/${item.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.title);
      await expect(page.locator('.saved-notice')).toBeVisible();
    }
    await page.goto(`/news/${unvisited.id}`);
    await expect(page.getByText('Нет соединения, а эта новость не сохранена для чтения без сети.')).toBeVisible();
    await page.getByRole('link', { name: 'Сохранённые новости' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Сохранённые новости');
    const saved = page.locator('.saved-list__item');
    await expect(saved).toHaveCount(2);
    await expect(saved.first()).toContainText(b.title);
    await expect(saved.first()).toContainText('доступна без сети');

    await context.setOffline(false);
    await page.goto('/');
    await expect(titles(page).first()).toHaveText(a.title);
    await expect(page.locator('.saved-notice')).toBeHidden();
    await expect(page.getByRole('banner')).not.toContainText('Нет соединения');
  });
});

test('a new build shows the update banner and takes over cleanly', async ({ browser }, testInfo) => {
  const buildB = mkdtempSync(join(tmpdir(), 'vestnik-build-b-'));
  cpSync(join(root, 'dist'), buildB, { recursive: true });
  // The same steps as Trunk's post_build hook: a new precache list and stamp, compressed anew
  // (by precompress.mjs's recipe; only the files precache.mjs rewrote, as the others' copies
  // are the same: the whole build at brotli's best takes seconds of the test's time).
  execFileSync('node', [join(root, 'scripts/precache.mjs'), buildB, '--stamp', 'build-b'], { stdio: 'ignore' });
  for (const file of readdirSync(buildB, { recursive: true }).filter((f) => f.endsWith('.br'))) {
    const plain = file.slice(0, -'.br'.length);
    const data = readFileSync(join(buildB, plain));
    if (data.equals(readFileSync(join(root, 'dist', plain)))) continue;
    const { br, gz } = compressed(data);
    writeFileSync(join(buildB, `${plain}.br`), br);
    writeFileSync(join(buildB, `${plain}.gz`), gz);
  }
  let serving = join(root, 'dist');
  const server = staticServer(() => serving);
  const origin = await listen(server);
  const context = await workerContext(browser, testInfo);
  try {
    const page = await context.newPage();
    const panics = [];
    page.on('console', (m) => /panicked/.test(m.text()) && panics.push(m.text()));
    await page.goto(`${origin}/`);
    await controlled(page);
    const stampA = await page.locator('.site-footer__build').textContent();
    expect(stampA).not.toBe('build-b');

    serving = buildB;
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = page.getByRole('status').filter({ hasText: 'Доступна новая версия' });
    await expect(banner).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('update-banner.png') });

    const served = [];
    page.on('response', (r) => served.push({ url: r.url(), sw: r.fromServiceWorker() }));
    await banner.getByRole('button', { name: 'Обновить' }).click();
    await expect(page.locator('.site-footer__build')).toHaveText('build-b');
    await expect(titles(page).first()).toBeVisible();
    // After the reload, the shell came from build B's worker, and build A's cache is gone.
    const shell = served.filter((r) => /\.(js|wasm|css)$/.test(new URL(r.url).pathname));
    expect(shell.length).toBeGreaterThan(0);
    expect(shell.filter((r) => !r.sw)).toEqual([]);
    const cacheNames = await page.evaluate(() => caches.keys());
    expect(cacheNames.filter((n) => n.startsWith('vestnik-shell-'))).toEqual(['vestnik-shell-build-b']);
    expect(panics).toEqual([]);
  } finally {
    await context.close();
    server.close();
    rmSync(buildB, { recursive: true, force: true });
  }
});

test('an edited config.json reaches a reader the worker already serves', async ({ browser }, testInfo) => {
  const site = mkdtempSync(join(tmpdir(), 'vestnik-config-'));
  cpSync(join(root, 'dist'), site, { recursive: true });
  const server = staticServer(() => site);
  const origin = await listen(server);
  const context = await workerContext(browser, testInfo);
  try {
    const page = await controlledPage(context, origin);
    await expect(titles(page).first()).toBeVisible();
    // The deployer edits config.json on the server; no new build, no new worker.
    const config = JSON.parse(readFileSync(join(site, 'config.json'), 'utf8'));
    writeFileSync(join(site, 'config.json'), JSON.stringify({ ...config, timeout_ms: 12345 }));
    const seen = await page.evaluate(async () => (await (await fetch('config.json')).json()).timeout_ms);
    expect(seen).toBe(12345);
    // Offline, the precached copy still boots the app.
    await context.setOffline(true);
    const offline = await page.evaluate(async () => (await fetch('config.json')).ok);
    expect(offline).toBe(true);
  } finally {
    await context.close();
    server.close();
    rmSync(site, { recursive: true, force: true });
  }
});

test('a copy the worker showed because the network was slow is asked for again later', async ({ browser }, testInfo) => {
  const first = demo.page(1).items[0];
  // The backend: later it has news of its own, and answers only when the test lets it.
  let changed = false;
  let release;
  const answer = new Promise((resolve) => { release = resolve; });
  const serve = staticHandler(() => join(root, 'dist'));
  const server = createServer(async (req, res) => {
    if (!changed || !req.url.endsWith('/api/news/page/1.json')) return serve(req, res);
    await answer;
    const page1 = demo.page(1);
    page1.items[0] = { ...page1.items[0], title: 'Свежая новость' };
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(page1));
  });
  const origin = await listen(server);
  const context = await workerContext(browser, testInfo);
  try {
    const page = await controlledPage(context, origin);
    await page.reload(); // the worker now holds page 1
    await expect(titles(page).first()).toHaveText(first.title);
    changed = true;
    await page.reload();
    // The backend does not answer: after its own 3 s the worker answers with its copy (the
    // only page 1 with that title now).
    await expect(titles(page).first()).toHaveText(first.title);
    release();
    // The reader opens a news item and comes back: the list is asked for again.
    await titles(page).nth(1).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(demo.page(1).items[1].title);
    await page.goBack();
    await expect(titles(page).first()).toHaveText('Свежая новость');
    await expect(page.locator('.saved-notice')).toBeHidden();
  } finally {
    release();
    await context.close();
    server.close();
  }
});

test('without service workers the app works as before', async ({ page }) => {
  // The default for every other test too (serviceWorkers: 'block' in the config).
  await page.goto('/');
  await expect(titles(page)).toHaveCount(demo.page(1).items.length);
  await titles(page).first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(demo.page(1).items[0].title);
});

test('"Установить приложение" appears when the browser offers installation', async ({ page }) => {
  await page.goto('/');
  await expect(titles(page).first()).toBeVisible();
  const install = page.getByRole('button', { name: 'Установить приложение' });
  await expect(install).toHaveCount(0);
  // Chrome fires beforeinstallprompt only outside incognito; the test plays the browser.
  await page.evaluate(() => {
    const offer = new Event('beforeinstallprompt', { cancelable: true });
    offer.prompt = () => { window.__prompted = true; return Promise.resolve(); };
    window.dispatchEvent(offer);
    window.__offerPrevented = offer.defaultPrevented;
  });
  await expect(install).toBeVisible();
  expect(await page.evaluate(() => window.__offerPrevented)).toBe(true);
  await install.click();
  expect(await page.evaluate(() => window.__prompted)).toBe(true);
  await expect(install).toHaveCount(0);
});
