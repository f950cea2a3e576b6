// The Electron suite (npm run test:e2e:electron), for machines with the Electron binary
// (node_modules/electron/dist). Not part of `npm test`: CI here has Debian Chromium only, and
// the Chromium suite (playwright.config.ts) covers the renderer with the real handlers and
// extraction process. This one checks the shipped shell: launch, import, navigation security.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e-electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright-electron',
  workers: 1,
  retries: 0,
  timeout: 240_000,
  expect: { timeout: 30_000 },
  use: { actionTimeout: 30_000 },
  reporter: [['list']],
});
