import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { domainBoundaries, kebabCaseFiles } from './eslint-rules/boundaries.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.tmp/**', 'test-results/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', performance: 'readonly', crypto: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', Blob: 'readonly', File: 'readonly', FormData: 'readonly', Response: 'readonly', ReadableStream: 'readonly', structuredClone: 'readonly', AbortController: 'readonly', SharedArrayBuffer: 'readonly', Atomics: 'readonly', document: 'readonly', window: 'readonly', localStorage: 'readonly', navigator: 'readonly' } },
    plugins: { qcity: { rules: { 'domain-boundaries': domainBoundaries, 'kebab-case-files': kebabCaseFiles } } },
    rules: {
      'qcity/domain-boundaries': 'error',
      'qcity/kebab-case-files': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read configuration through src/platform/config.ts' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'named exports only (lazy-loaded pages are the exception)' }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Where the environment is legitimately read: the config parser's callers, tools and tests.
    files: ['src/server.ts', 'src/cli/main.ts', 'scripts/**', 'bench/**', 'test/**', 'bin/**', '**/*.test.ts', 'eslint.config.js', 'vite.config.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['test/**', '**/*.test.ts', '**/*.test.tsx', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // React.lazy needs default exports for pages; config files and vitest global setups export defaults by convention.
    files: ['src/web/**/*-page.tsx', '*.config.{js,ts}', 'test/support/global-setup.ts', 'test/e2e/setup.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
