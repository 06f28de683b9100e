// @ts-check
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

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
  {
    // The engine is pure: no browser APIs, no storage, no network (STYLE C1).
    files: [
      'src/policy/**',
      'src/catalogue/**',
      'src/messaging/protocol.ts',
      'src/messaging/snapshot.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'wxt',
            'wxt/*',
            '#imports',
            'webextension-polyfill',
            'idb',
            '**/platform/**',
            '**/entrypoints/**',
            '**/ui/**',
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'chrome',
        'browser',
        'window',
        'document',
        'fetch',
        'localStorage',
        'location',
      ],
    },
  },
  {
    // The content script must stay small and free of zod and the polyfill.
    files: ['src/content/**', 'src/ui/warning-banner.ts', 'entrypoints/signpost-content.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'zod',
            'zod/*',
            'wxt/browser',
            'webextension-polyfill',
            'idb',
            '**/policy/schema',
            '**/policy/parse',
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
