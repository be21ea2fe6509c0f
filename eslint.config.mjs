// Lint for our TypeScript sources. The rules in `fdkSafe` keep the JavaScript we emit into
// dist/ inside the FDK 10 lint (platform.md §9.2); `npm run validate` then lints dist/ itself.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', ...builtinModules];
const layer = (name) => [`**/${name}`, `**/${name}/**`];
const boundary = (forbidden, extra = []) => [
  'error',
  {
    patterns: [
      ...forbidden.map((name) => ({
        group: layer(name),
        message: `Imports are one-way: app, server and emulator depend on common only (design.md, Layout).`,
      })),
      ...extra,
    ],
  },
];
const noNodeBuiltins = {
  group: nodeBuiltins,
  message: 'Node built-ins are not available in the FDK sandbox or the browser.',
};

const fdkSafe = {
  complexity: ['error', 7],
  'no-var': 'error',
  'prefer-const': 'error',
  eqeqeq: ['error', 'always'],
  'require-await': 'off',
  '@typescript-eslint/require-await': 'error',
  'no-unused-vars': 'off',
  '@typescript-eslint/no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'all' }],
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
  'no-empty-function': 'off',
  '@typescript-eslint/no-empty-function': 'error',
  'max-nested-callbacks': ['error', 4],
  'no-process-env': 'error',
  'no-restricted-syntax': [
    'error',
    { selector: 'TSEnumDeclaration', message: 'No enums: they emit `var`. Use a union of literals.' },
    { selector: 'TSModuleDeclaration[kind="namespace"]', message: 'No namespaces: they emit `var`.' },
    { selector: 'PrivateIdentifier', message: '#private fields emit WeakMap helpers with `var` at ES2020.' },
    { selector: 'ExportAllDeclaration', message: '`export *` emits a helper with `var`; export names explicitly.' },
    { selector: 'ImportDeclaration[importKind!="type"] > ImportDefaultSpecifier', message: 'Default imports emit interop helpers with `var`; use named or namespace imports.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'test/fixtures/', 'bench/results/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './app/tsconfig.json', './server/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      ...fdkSafe,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  { files: ['common/**'], rules: { 'no-restricted-imports': boundary(['app', 'server', 'emulator', 'tools', 'test', 'bench'], [noNodeBuiltins, { group: ['react', 'react-dom', 'react/*'], message: 'common/ is framework-free.' }]) } },
  { files: ['server/**'], ignores: ['server/**/*.test.ts', 'server/testing/**'], rules: { 'no-restricted-imports': boundary(['app', 'emulator', 'tools', 'test', 'bench'], [noNodeBuiltins]) } },
  { files: ['app/**'], ignores: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'app/src/test/**'], rules: { 'no-restricted-imports': boundary(['server', 'emulator', 'tools', 'test', 'bench'], [noNodeBuiltins]) } },
  { files: ['emulator/**'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': boundary(['app', 'server', 'tools', 'test', 'bench']) } },
  // tools/ orchestrates (build, start): it may drive the emulator, never the app's own code.
  { files: ['tools/**'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': boundary(['app', 'server', 'test', 'bench']) } },
  {
    // The sandbox reads the free variable `exports` after server.js runs; ESLint cannot see that.
    files: ['server/server.ts'],
    rules: { 'prefer-const': 'off', '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    files: ['app/**/*.tsx', 'app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Tests may use default imports and the like: they are never emitted into dist/.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'bench/**', 'tools/**', 'emulator/**'],
    rules: {
      'no-restricted-syntax': 'off',
      'max-nested-callbacks': 'off',
      'no-process-env': 'off',
    },
  },
  {
    // Tests poke at JSON and fakes dynamically; type safety there buys little.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', '**/testing/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Platform rejections are plain objects ({status, response, errorSource}), not Errors.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-restricted-syntax': 'off' },
  },
);
