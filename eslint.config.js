// Lint zones encode which process a file may run in (engineering anchors §7, habit 1):
// shared/ is pure (no Node built-ins, no Electron, no DOM-only libraries), the renderer
// never imports Electron or main-process code, and NOTHING anywhere reaches a network.
// The network ban has an allow-list of none; test/unit/security/lint-ban.test.ts proves
// every rule fires. The only exceptions are line-level disables in the test guard that
// patches these modules to refuse (test/unit/security/net-guard.cjs), each with a reason.
import tseslint from 'typescript-eslint';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';

const NETWORK_MODULE_NAMES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'dns/promises', 'undici', 'node-fetch', 'axios', 'ws', 'got', 'request', 'superagent', 'socket.io-client', 'cross-fetch', 'isomorphic-fetch'];
const NETWORK_MODULES = NETWORK_MODULE_NAMES.flatMap((m) => [m, `node:${m}`]);
const NO_NETWORK = 'No network: this app never talks to a network (docs/SECURITY.md).';
const networkBan = [
  ...NETWORK_MODULES.map((name) => ({ name, message: NO_NETWORK })),
  // Electron's own network stack, and handing a link to the system browser
  { name: 'electron', importNames: ['net', 'netLog'], message: NO_NETWORK },
];
// (esquery regexes cannot contain '/', so 'dns/promises' is matched as 'dns.promises')
const moduleAlternation = NETWORK_MODULES.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\//g, '.')).join('|');
// require('http'), import('node:net') and friends: no-restricted-imports sees only static imports
const networkSyntax = [
  { selector: `CallExpression[callee.name='require'][arguments.0.value=/^(${moduleAlternation})$/]`, message: NO_NETWORK },
  { selector: `ImportExpression[source.value=/^(${moduleAlternation})$/]`, message: NO_NETWORK },
  { selector: "MemberExpression[property.name=/^(net|netLog)$/][object.name='electron']", message: NO_NETWORK },
  // shell.openExternal would hand record links to a browser: never, in any spelling
  { selector: "Identifier[name='openExternal']", message: 'Never open links outside the app (shell.openExternal): checklist item 15.' },
  { selector: "MemberExpression[computed=true][property.value='openExternal']", message: 'Never open links outside the app (shell.openExternal): checklist item 15.' },
  // Node's raw bindings bypass every patched module
  { selector: "MemberExpression[property.name=/^(binding|_linkedBinding)$/]:matches([object.name='process'], [object.expression.name='process'])", message: 'No raw Node bindings.' },
];
const networkGlobals = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel']
  .map((name) => ({ name, message: NO_NETWORK }));
const networkProperties = [
  ...['window', 'globalThis', 'self', 'global'].flatMap((object) =>
    ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'RTCPeerConnection'].map((property) => ({ object, property, message: NO_NETWORK }))),
  { object: 'navigator', property: 'sendBeacon', message: NO_NETWORK },
  { object: 'shell', property: 'openExternal', message: 'Never open links outside the app: checklist item 15.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: networkBan }],
      'no-restricted-globals': ['error', ...networkGlobals],
      'no-restricted-properties': ['error', ...networkProperties],
      'no-restricted-syntax': ['error', ...networkSyntax],
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
    // Accessibility and hook rules for the React app (WCAG 2.2 AA is a requirement, not a wish).
    files: ['renderer/**/*.tsx'],
    plugins: { 'jsx-a11y': jsxA11y, 'react-hooks': reactHooks },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // a scrollable region must take focus so it can be scrolled from the keyboard (WCAG 2.1.1)
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
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
