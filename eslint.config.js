// Lint zones encode which process a file may run in (engineering anchors §7, habit 1):
// shared/ is pure (no Node built-ins, no Electron, no DOM-only libraries), the renderer
// never imports Electron or main-process code, and nothing imports network modules.
import tseslint from 'typescript-eslint';

const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici', 'node-fetch', 'axios', 'ws', 'got']
  .flatMap((m) => [m, `node:${m}`]);
const networkBan = NETWORK_MODULES.map((name) => ({ name, message: 'No network modules: this app never talks to a network.' }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: networkBan }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'No network: fetch is not allowed.' }, { name: 'XMLHttpRequest', message: 'No network.' }, { name: 'WebSocket', message: 'No network.' }, { name: 'EventSource', message: 'No network.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...networkBan, { name: 'electron', message: 'shared/ is pure: no Electron.' }],
        patterns: [
          { group: ['node:*'], message: 'shared/ is pure: no Node built-ins; pass data in instead.' },
          { group: ['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto'], message: 'shared/ is pure: no Node built-ins.' },
          { group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom', 'dexie'], message: 'shared/ must not depend on a process.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...networkBan, { name: 'electron', message: 'The renderer reaches main only through window.api.' }],
        patterns: [{ group: ['**/electron/**', 'node:*'], message: 'The renderer never imports main-process or Node code.' }],
      }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: networkBan,
        patterns: [{ group: ['node:*', '**/main/**', '**/extraction/**', '**/renderer/**'], message: 'The preload imports only electron and shared/.' }],
      }],
    },
  },
  {
    // Tests may start local helpers, but never reach a network either.
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
