import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../findings';
import { formatLintFinding, lintApp } from './lint-app';

const created: string[] = [];

/** Writes `files` (posix path → content) into a fresh temp app directory. */
function writeApp(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdk-lint-'));
  created.push(dir);
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, ...file.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return dir;
}

afterAll(() => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

const options = { declaredDependencies: ['dayjs'] };

const error = (file: string, line: number, column: number, ruleId: string, message: string): Finding => ({
  kind: 'lint',
  severity: 'error',
  check: 'lint',
  message,
  file,
  line,
  column,
  ruleId,
});

const cleanServer = `const dayjs = require('dayjs');
const { label } = require('./lib/label');

exports = {
  onAppInstall: async function (args) {
    try {
      await $db.set('installed', { at: label(dayjs(args.timestamp)) });
      renderData();
    } catch (error) {
      renderData({ message: error.message });
    }
  },
};
`;
const cleanLib = `function label(value) {
  return String(value);
}

module.exports = { label };
`;

describe('lintApp', () => {
  it('reports nothing for a clean app', async () => {
    const dir = writeApp({ 'server/server.js': cleanServer, 'server/lib/label.js': cleanLib });
    await expect(lintApp(dir, options)).resolves.toEqual([]);
  });

  it('reports var with the FDK message', async () => {
    const dir = writeApp({ 'server/server.js': 'var greeting = "hi";\nexports = { greeting };\n' });
    await expect(lintApp(dir, options)).resolves.toEqual([
      error('server/server.js', 1, 1, 'no-var', 'Unexpected var, use let or const instead.'),
    ]);
  });

  it('reports a complexity above 7, require-await, unused variables and ==', async () => {
    const code = `async function score(a, b) {
  const stored = await $db.get('k');
  let s = stored.base;
  if (a) s += 1;
  if (b) s += 1;
  if (a && b) s += 1;
  if (a || b) s += 1;
  return s + (a ? 1 : 0);
}

async function noAwait() {
  return 1;
}

exports = {
  run: async function (args, unusedParam) {
    const unused = 1;
    if (args.a == 1) {
      return score(args.a, args.b);
    }
    return noAwait();
  },
};
`;
    const dir = writeApp({ 'server/server.js': code });
    const file = 'server/server.js';
    await expect(lintApp(dir, options)).resolves.toEqual([
      error(file, 1, 1, 'complexity', "Async function 'score' has a complexity of 8. Maximum allowed is 7."),
      error(file, 11, 1, 'require-await', "Async function 'noAwait' has no 'await' expression."),
      error(file, 16, 3, 'require-await', "Async method 'run' has no 'await' expression."),
      error(file, 16, 30, 'no-unused-vars', "'unusedParam' is defined but never used."),
      error(file, 17, 11, 'no-unused-vars', "'unused' is assigned a value but never used."),
      error(file, 18, 16, 'eqeqeq', "Expected '===' and instead saw '=='."),
    ]);
  });

  it('turns ES2021 syntax into parse errors without a rule', async () => {
    const dir = writeApp({
      'server/server.js': 'let a = 1;\na ??= 2;\nexports = { a };\n',
      'server/lib/big.js': 'module.exports = { big: 1_000 };\n',
    });
    const parseError = (file: string, line: number, column: number, message: string): Finding => ({
      kind: 'lint',
      severity: 'error',
      check: 'lint',
      message,
      file,
      line,
      column,
    });
    await expect(lintApp(dir, options)).resolves.toEqual([
      parseError('server/lib/big.js', 1, 26, 'Parsing error: Identifier directly after number'),
      parseError('server/server.js', 2, 5, 'Parsing error: Unexpected token ='),
    ]);
  });

  it('reports undeclared packages and Node built-ins', async () => {
    const code = "const _ = require('lodash');\nconst fs = require('fs');\nconst dayjs = require('dayjs');\nexports = { _, fs, dayjs };\n";
    const dir = writeApp({ 'server/server.js': code });
    await expect(lintApp(dir, options)).resolves.toEqual([
      error('server/server.js', 1, 11, 'freshworks/no-dependency-mismatch', "'lodash' is not declared in manifest.json dependencies"),
      error(
        'server/server.js',
        2,
        12,
        'freshworks/no-dependency-mismatch',
        "'fs' is a Node.js built-in module; the platform does not document built-in modules for serverless apps",
      ),
    ]);
  });

  it('ignores server/test_data and node_modules', async () => {
    const dir = writeApp({
      'server/server.js': cleanServer,
      'server/lib/label.js': cleanLib,
      'server/test_data/contact/onContactCreate.js': 'var x = 1',
      'server/node_modules/dayjs/index.js': 'var dayjs = 1',
      'server/test_data.js': 'module.exports = {};\n',
    });
    await expect(lintApp(dir, options)).resolves.toEqual([]);
  });

  it('lints app/scripts as browser scripts with cross-scope warnings', async () => {
    const app = `let client;

app.initialized()
  .then(function (c) {
    client = c;
    document.title = 'ready';
  })
  .catch(function (error) {
    showError(error);
  });

function showError(error) {
  document.body.textContent = error.message;
}

window.onfocus = function () {
  document.title = client ? 'ready' : 'loading';
};
`;
    const dir = writeApp({ 'app/scripts/app.js': app, 'app/index.html': '<html></html>' });
    await expect(lintApp(dir, options)).resolves.toEqual([
      {
        kind: 'lint',
        severity: 'warning',
        check: 'lint',
        message: "'client' declared and assigned in different scopes. Possible asynchronous race condition.",
        file: 'app/scripts/app.js',
        line: 5,
        column: 5,
        ruleId: 'freshworks/no-cross-scope-assign',
      },
    ]);
  });

  it('lints app/scripts sub-folders and retries ES module files as modules', async () => {
    const dir = writeApp({
      'app/scripts/lib/format.js': "import { pad } from './pad.js';\nexport const format = (n) => pad(n);\n",
      'app/scripts/lib/pad.js': 'export function pad(n) {\n  var s = String(n);\n  return s;\n}\n',
      'app/assets/bundle.js': 'var minified=1',
    });
    await expect(lintApp(dir, options)).resolves.toEqual([
      error('app/scripts/lib/pad.js', 2, 3, 'no-var', 'Unexpected var, use let or const instead.'),
    ]);
  });

  it('applies dependency checks to server files only', async () => {
    const dir = writeApp({ 'app/scripts/app.js': "const x = require('lodash');\nwindow.x = x;\n" });
    await expect(lintApp(dir, options)).resolves.toEqual([]);
  });

  it('sorts by file, then line, then column', async () => {
    const dir = writeApp({
      'server/server.js': 'var b = 1;\nvar a = 2;\nexports = { a, b };\n',
      'app/scripts/app.js': 'var c = 1;\nwindow.c = c;\n',
    });
    const findings = await lintApp(dir, options);
    expect(findings.map((f) => `${f.file ?? ''}:${f.line ?? 0}`)).toEqual([
      'app/scripts/app.js:1',
      'server/server.js:1',
      'server/server.js:2',
    ]);
  });
});

describe('formatLintFinding', () => {
  it('prints errors the way the FDK does', () => {
    const finding = error('server/server.js', 12, 3, 'no-var', 'Unexpected var, use let or const instead.');
    expect(formatLintFinding(finding)).toBe('✖ server/server.js::12: Unexpected var, use let or const instead.');
  });

  it('marks warnings with ⚠', () => {
    const finding: Finding = { kind: 'lint', severity: 'warning', check: 'lint', message: 'm', file: 'app/scripts/a.js', line: 3 };
    expect(formatLintFinding(finding)).toBe('⚠ app/scripts/a.js::3: m');
  });

  it('prints the message alone when there is no file', () => {
    expect(formatLintFinding({ kind: 'lint', severity: 'error', check: 'lint', message: 'm' })).toBe('✖ m');
  });
});
