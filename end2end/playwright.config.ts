// Bulq's browser suite. Runs against a server started by scripts/e2e (BULQ_BASE_URL), in Debian's
// Chromium, twice: hydrated, and with JavaScript disabled (plain form posts).
import { defineConfig } from '@playwright/test';

const baseURL = process.env.BULQ_BASE_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'hydrated', use: { javaScriptEnabled: true, viewport: { width: 390, height: 844 } } },
    { name: 'no-js', use: { javaScriptEnabled: false, viewport: { width: 390, height: 844 } } },
  ],
});
