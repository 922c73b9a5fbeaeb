// End-to-end tests: the release build in dist/, served by scripts/serve.mjs, driven in
// Debian's Chromium (never `playwright install`). `make test-e2e` builds first.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  outputDir: './results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'ru-RU',
    screenshot: 'only-on-failure',
    // Service workers would hide requests from page.route(); the PWA tests allow them.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 900 } } },
    { name: 'mobile', use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
  ],
  webServer: [
    {
      command: `node scripts/serve.mjs dist --port ${port}`,
      cwd: root,
      url: `http://127.0.0.1:${port}/config.json`,
      reuseExistingServer: false,
      timeout: 15_000,
    },
    {
      // A second origin: the WordPress and JSON Feed backends (backends.spec.mjs).
      command: `node tests/e2e/backends.mjs --port ${port + 1}`,
      cwd: root,
      url: `http://127.0.0.1:${port + 1}/feed/feed.json`,
      reuseExistingServer: false,
      timeout: 15_000,
    },
  ],
});
