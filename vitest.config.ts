import { defineConfig } from 'vitest/config';

// Unit tests run under plain Node (shared/ and electron/ modules) or jsdom
// (renderer components, opted in per file with `// @vitest-environment jsdom`).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // OCR tests start tesseract workers; two cores, so keep files from oversubscribing them.
    maxWorkers: 2,
    setupFiles: ['test/unit/setup.ts'],
  },
});
