// Four projects so later work only adds files: unit tests in node and jsdom (next to the code
// or under test/unit), integration tests that run the built app, end-to-end tests in Chromium.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const transform = { '^.+\\.(t|j|mj)sx?$': swc };
// Crayons and Stencil ship ES modules; let swc turn them into CommonJS for jest.
const transformIgnorePatterns = ['/node_modules/(?!(@freshworks|@stencil)/)'];

/** @type {import('jest').Config} */
export default {
  collectCoverageFrom: [
    'app/src/**/*.{ts,tsx}',
    'server/**/*.ts',
    'common/**/*.ts',
    '!**/*.test.{ts,tsx}',
    '!**/*.d.ts',
    '!app/src/test/**',
    '!server/testing/**',
    // server.ts is the sandbox entry (`exports = {…}` over platform globals); it is exercised
    // through dist/server/server.js in a vm context by test/integration, like the FDK does.
    '!server/server.ts',
  ],
  coverageReporters: ['text-summary', 'json-summary', 'json'],
  coverageThreshold: {
    './app/src/': { branches: 80, functions: 80, lines: 80, statements: 80 },
    './server/': { branches: 80, functions: 80, lines: 80, statements: 80 },
    './common/': { branches: 80, functions: 80, lines: 80, statements: 80 },
  },
  projects: [
    {
      displayName: 'unit-node',
      testEnvironment: 'node',
      transform,
      testMatch: [
        '<rootDir>/{common,server,emulator,tools,bench}/**/*.test.ts',
        '<rootDir>/test/unit/**/*.test.ts',
      ],
    },
    {
      displayName: 'unit-dom',
      testEnvironment: 'jsdom',
      transform,
      transformIgnorePatterns,
      setupFilesAfterEnv: ['<rootDir>/app/src/test/setup.ts'],
      moduleNameMapper: { '\\.css$': '<rootDir>/app/src/test/style-stub.ts' },
      testMatch: ['<rootDir>/app/**/*.test.{ts,tsx}'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      globalSetup: '<rootDir>/test/support/build-dist.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/slow-tests.ts'],
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      globalSetup: '<rootDir>/test/support/build-dist.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/slow-tests.ts'],
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
};
