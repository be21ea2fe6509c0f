import { Linter } from 'eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import { FDK_CORE_RULES, FDK_ECMA_VERSION, fdkConfigFor, fdkFlatConfig } from './fdk-rules';

// The core part of the FDK 10.1.2 list, verbatim from platform.md §9.2.
const platformList = `no-eval no-alert no-debugger no-unreachable no-duplicate-imports constructor-super for-direction
no-class-assign no-new-native-nonconstructor valid-typeof no-eq-null no-var require-await
no-unreachable-loop no-redeclare no-self-assign no-setter-return no-shadow-restricted-names
no-this-before-super no-unsafe-finally no-unsafe-optional-chaining no-unused-vars no-useless-catch
eqeqeq prefer-const require-yield no-global-assign no-caller no-process-env complexity
max-nested-callbacks handle-callback-err getter-return no-async-promise-executor no-case-declarations
no-compare-neg-zero no-cond-assign no-const-assign no-constant-condition no-control-regex
no-delete-var no-dupe-args no-dupe-class-members no-dupe-else-if no-dupe-keys no-duplicate-case
no-empty no-empty-character-class no-empty-pattern no-ex-assign no-extra-boolean-cast no-extra-semi
no-fallthrough no-func-assign no-import-assign no-inner-declarations no-invalid-regexp
no-irregular-whitespace no-loss-of-precision no-misleading-character-class no-mixed-spaces-and-tabs
no-nonoctal-decimal-escape no-obj-calls no-octal no-prototype-builtins no-regex-spaces
no-sparse-arrays no-unexpected-multiline no-unsafe-negation no-unused-labels
no-useless-backreference no-useless-escape no-with use-isnan`.split(/\s+/);

const severityOf = (entry: Linter.RuleEntry | undefined): unknown => (Array.isArray(entry) ? entry[0] : entry);
const options = { declaredDependencies: ['dayjs'] };

const rulesOf = (kind: 'server' | 'app'): Partial<Linter.RulesRecord> => fdkConfigFor(kind, options)[0]?.rules ?? {};

function lint(code: string, kind: 'server' | 'app'): string[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(code, fdkConfigFor(kind, options), { filename: 'file.js' }).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('FDK_CORE_RULES', () => {
  it('is exactly the platform.md §9.2 core list, every rule an error', () => {
    expect(Object.keys(FDK_CORE_RULES).sort()).toEqual([...platformList].sort());
    for (const rule of platformList) expect(severityOf(FDK_CORE_RULES[rule])).toBe('error');
  });

  it('names only rules that ESLint still ships', () => {
    const missing = platformList.filter((rule) => !builtinRules.has(rule));
    expect(missing).toEqual([]);
  });

  it('uses the FDK thresholds', () => {
    expect(FDK_CORE_RULES.complexity).toEqual(['error', 7]);
    expect(FDK_CORE_RULES['max-nested-callbacks']).toEqual(['error', 4]);
    expect(FDK_CORE_RULES['no-unused-vars']).toEqual(['error', { vars: 'all', args: 'after-used', caughtErrors: 'all' }]);
  });
});

describe('fdkConfigFor', () => {
  it('parses ES2020, server files as CommonJS and app files as scripts', () => {
    const [server] = fdkConfigFor('server', options);
    const [app] = fdkConfigFor('app', options);
    expect(server?.languageOptions).toMatchObject({ ecmaVersion: FDK_ECMA_VERSION, sourceType: 'commonjs' });
    expect(app?.languageOptions).toMatchObject({ ecmaVersion: 2020, sourceType: 'script' });
    expect(fdkConfigFor('app', options, 'module')[0]?.languageOptions?.sourceType).toBe('module');
  });

  it('adds no-dependency-mismatch to server files and no-cross-scope-assign (warning) to app files', () => {
    const server = rulesOf('server');
    const app = rulesOf('app');
    expect(server['freshworks/no-dependency-mismatch']).toEqual(['error', { dependencies: ['dayjs'] }]);
    expect(server['freshworks/no-cross-scope-assign']).toBeUndefined();
    expect(app['freshworks/no-cross-scope-assign']).toBe('warn');
    expect(app['freshworks/no-dependency-mismatch']).toBeUndefined();
  });

  it('knows the sandbox globals and lets server code assign exports', () => {
    expect(lint('exports = { a: function () { return $request; } };', 'server')).toEqual([]);
    expect(lint("$request = null;\nexports = {};", 'server')).toEqual([
      "no-global-assign: Read-only global '$request' should not be modified.",
    ]);
    expect(lint('const app = 1;\nwindow.x = app;', 'app')).toEqual([
      "no-redeclare: 'app' is already defined as a built-in global variable.",
    ]);
  });

  it('reports process.env and callbacks nested deeper than 4', () => {
    const nested = 'a(() => { b(() => { c(() => { d(() => { e(() => { f(); }); }); }); }); });';
    expect(lint(nested, 'server')).toEqual(['max-nested-callbacks: Too many nested callbacks (5). Maximum allowed is 4.']);
    expect(lint('exports = { env: process.env.ENV };', 'server')).toEqual(['no-process-env: Unexpected use of process.env.']);
  });

  it('rejects syntax newer than ES2020', () => {
    expect(lint('let a = 1;\na ||= 2;\nexports = { a };', 'server')).toEqual(['parse: Parsing error: Unexpected token =']);
  });
});

describe('fdkFlatConfig', () => {
  it('scopes the configs to server/** and app/scripts/** and ignores server/test_data', () => {
    const linter = new Linter({ configType: 'flat', cwd: '/app' });
    const config = fdkFlatConfig(options);
    const rules = (filename: string): Array<string | null> =>
      linter.verify("var x = require('lodash');\nwindow.y = x;", config, { filename }).map((m) => m.ruleId);
    expect(rules('/app/server/lib/a.js')).toEqual(['no-var', 'freshworks/no-dependency-mismatch']);
    expect(rules('/app/app/scripts/a.js')).toEqual(['no-var']);
    expect(linter.verify('var x', config, { filename: '/app/server/test_data/a.js' }).every((m) => m.ruleId === null)).toBe(true);
  });
});
