import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the real server: the test orchestrator starts the API, which serves the
 * built dashboard at `/` and the API at `/api`, and passes its URL in E2E_BASE_URL.
 * Uses the system Chromium (no browser download on these machines).
 */
const baseURL = process.env['E2E_BASE_URL'];
if (!baseURL) {
  throw new Error(
    'E2E_BASE_URL is not set. Start the API server (it serves the built dashboard at / and the ' +
      'API at /api) and run again with E2E_BASE_URL=http://127.0.0.1:<port>.',
  );
}

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../test-results/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    // English browser, so the default-language assertions hold whatever the machine's locale.
    locale: 'en-US',
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROME_BIN'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
