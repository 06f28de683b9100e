// @ts-check
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Modules that reach the browser. */
const BROWSER = ['wxt', 'wxt/*', '#imports', 'webextension-polyfill', 'idb'];
/** Globals that reach the browser. */
const BROWSER_GLOBALS = ['chrome', 'browser', 'fetch', 'localStorage', 'location'];

export default defineConfig(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**'] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'max-lines': ['warn', 300],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // The CLI launcher is plain JavaScript (Node loads it before any TypeScript).
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Data tables, not code.
    files: ['src/catalogue/apps.ts', 'src/catalogue/sources.ts'],
    rules: { 'max-lines': 'off' },
  },
  // Layers (ARCHITECTURE.md): what may import what. Type-only imports are allowed across
  // layers (they vanish from the bundle); values are not.
  {
    // The pure core: no browser APIs, no storage, no network (STYLE C1). It runs in Node, in the
    // CLI and in every context of the extension.
    files: [
      'src/policy/**',
      'src/catalogue/**',
      'src/shared/**',
      'src/status/**',
      'src/admin/**',
      'src/messaging/protocol.ts',
      'src/messaging/snapshot.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: BROWSER,
              message: 'The core is pure: the browser is reached through platform/.',
            },
            {
              group: [
                '**/platform/**',
                '**/entrypoints/**',
                '**/ui/**',
                '**/background/**',
                '**/content/**',
                '**/messaging/client',
                '**/messaging/page-context',
              ],
              message: 'The core imports nothing above it.',
              allowTypeImports: true,
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS, 'window', 'document'],
    },
  },
  {
    // The catalogue is data: the engine reads it, never the other way round.
    files: ['src/catalogue/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/policy/**'], message: 'The catalogue is data; the engine reads it.' },
          ],
        },
      ],
    },
  },
  {
    // DOM rendering: data and callbacks come in as parameters.
    files: ['src/ui/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: BROWSER,
              message:
                'ui renders what it is given; entrypoints and messaging/ talk to the browser.',
            },
            {
              group: [
                '**/platform/**',
                '**/background/**',
                '**/content/**',
                '**/messaging/client',
                '**/messaging/page-context',
              ],
              message: 'ui does not reach the browser or the worker.',
              allowTypeImports: true,
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  {
    // The worker's logic: the browser only through its ports (background/ports.ts).
    files: ['src/background/**'],
    ignores: ['src/background/worker.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: BROWSER, message: 'The worker reaches the browser through its ports.' },
            {
              group: [
                '**/platform/**',
                '**/ui/**',
                '**/content/**',
                '**/messaging/client',
                '**/messaging/page-context',
              ],
              message: 'Wire platform adapters in worker.ts; the logic takes ports.',
              allowTypeImports: true,
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS, 'window', 'document'],
    },
  },
  {
    // Adapters: the browser, never the layers that use them.
    files: ['src/platform/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', '**/background/**', '**/content/**', '**/entrypoints/**'],
              message: 'Adapters do not import the layers that use them.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The content script runs on the app's page: small, no zod, no polyfill, no worker code.
    files: ['src/content/**', 'src/ui/warning-banner.ts', 'entrypoints/signpost-content.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'zod',
                'zod/*',
                'wxt/browser',
                'webextension-polyfill',
                'idb',
                '**/policy/schema',
                '**/policy/parse',
                '**/platform/**',
                '**/background/**',
                '**/messaging/client',
              ],
              message:
                'The content script carries no zod, polyfill, storage library or worker code.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**', '*.config.ts', 'eslint.config.js'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
