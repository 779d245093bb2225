import { defineConfig, devices } from '@playwright/test';

/**
 * Browser journeys against the real server: global-setup starts `relata serve`
 * (embedded PostgreSQL, small demo workspace) on a free port and exports its URL.
 */
export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.e2e.ts',
  // its own folder: Playwright empties outputDir on start, and test-results/ also holds other reports
  outputDir: 'test-results/playwright',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalSetup: './test/browser/global-setup.ts',
  globalTeardown: './test/browser/global-teardown.ts',
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
