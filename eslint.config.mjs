// ESLint: typed rules for the TypeScript sources (no floating promises, no any); plain JS gets the basics.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const servicePurity =
  'server/src/service/ is pure: no Node built-ins and no LSP connection (vscode-languageserver-types and -textdocument are allowed). Do I/O in server.ts, config.ts or the CLI and pass the data in.';

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'server/src/service/generated/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  {
    // The language service is pure (house style): it runs in the editor's worker, the CLI and the
    // tests alike, so it may use the LSP types but not Node's APIs or the LSP connection.
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...builtinModules.map((name) => ({ name, message: servicePurity })),
            { name: 'vscode-languageserver', message: servicePurity },
            { name: 'vscode', message: servicePurity },
          ],
          patterns: [
            { group: ['node:*'], message: servicePurity },
            { group: ['vscode-languageserver/*'], message: servicePurity },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        __filename: 'readonly',
        setImmediate: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        exports: 'writable',
      },
    },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }] },
  },
  {
    files: ['test/vscode/**/*.cjs', 'test/vscode/**/*.js'],
    languageOptions: {
      globals: {
        suite: 'readonly',
        test: 'readonly',
        suiteSetup: 'readonly',
        suiteTeardown: 'readonly',
        setup: 'readonly',
        teardown: 'readonly',
      },
    },
  },
  {
    // Code inside page.evaluate() runs in the browser.
    files: ['test/e2e/**/*.mjs'],
    languageOptions: {
      globals: {
        document: 'readonly',
        window: 'readonly',
        getComputedStyle: 'readonly',
        requestAnimationFrame: 'readonly',
        NodeFilter: 'readonly',
        HTMLElement: 'readonly',
        Node: 'readonly',
      },
    },
  },
  {
    // LSP 3.18 types allow a MarkupContent message; this server only ever sends strings.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-base-to-string': 'off', '@typescript-eslint/restrict-template-expressions': 'off' },
  },
);
