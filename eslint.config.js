// ESLint (flat config): typescript-eslint's recommended rules (not the type-checked sets, to stay
// fast) over every TypeScript folder, plus the project's bans: time comes from the injected Clock
// and HTTP from the platform's adapters, never Date.now(), new Date() or a bare fetch().
// Import boundaries and cycles are checked by dependency-cruiser (.dependency-cruiser.cjs).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const NO_WALL_CLOCK = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Use the injected Clock (deps.clock.now()) — see docs/CODE_STYLE.md.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Use the injected Clock (deps.clock.now()) — see docs/CODE_STYLE.md.',
  },
];
const NO_BARE_FETCH = [{ name: 'fetch', message: 'Use the platform HTTP adapter (server: platform/http/client.ts; web: lib/api.ts).' }];

export default defineConfig(
  { ignores: ['**/node_modules/**', 'web/dist/**', 'build/**', 'bench/results/**', 'e2e/screenshots/**', 'server/src/platform/db/schema.generated.ts', 'web/src/lib/api-types.generated.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        // Node and browser globals used by the code (TypeScript checks the rest).
        process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', URLSearchParams: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly',
        fetch: 'readonly', AbortSignal: 'readonly', AbortController: 'readonly', performance: 'readonly', structuredClone: 'readonly',
        window: 'readonly', document: 'readonly', localStorage: 'readonly', navigator: 'readonly', globalThis: 'readonly',
      },
    },
    rules: {
      // TypeScript resolves names; the core rule does not understand types and globals.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Server and web code: the wall clock and the network only through their adapters.
    files: ['server/src/**/*.ts', 'web/src/**/*.{ts,tsx}', 'contracts/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...NO_WALL_CLOCK],
      'no-restricted-globals': ['error', ...NO_BARE_FETCH],
    },
  },
  {
    // The adapters themselves.
    files: ['server/src/platform/clock/**/*.ts', 'web/src/lib/clock.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['server/src/platform/http/client.ts', 'web/src/lib/api.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    // Entry points, benchmarks, simulators and dev scripts run outside the app's clock: their
    // timings and timestamps are real time on purpose.
    files: ['server/src/main/**/*.ts', 'server/src/**/*.bench.ts', 'server/src/**/simulator/**/*.ts', 'server/src/**/*-worker.ts'],
    rules: { 'no-restricted-syntax': 'off', 'no-restricted-globals': 'off' },
  },
);
