// The Chromium end-to-end suite (npm run test:e2e): the built renderer in Debian Chromium,
// backed by the real extraction process. The specs launch Chromium themselves (a persistent
// profile per run, see test/e2e/harness), so there are no browser projects here. One worker:
// two slow cores are shared, and OCR is the slow part, hence the generous timeouts.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 240_000,
  expect: { timeout: 30_000 },
  // a click on something that never appears fails in 30 s, not at the test's OCR-sized limit
  use: { actionTimeout: 30_000 },
  reporter: [['list']],
});
