import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { packApp } from '../../emulator/fdk/pack';
import { FixtureApp } from '../support/fixture-app';
import { DIST } from '../support/build-dist';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'pack-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

function coverageFile(pct: number): string {
  const file = join(out, 'coverage-summary.json');
  const metric = { total: 10, covered: pct / 10, skipped: 0, pct };
  writeFileSync(file, JSON.stringify({ total: { lines: metric, statements: metric, functions: metric, branches: metric } }));
  return file;
}

describe('npm run pack', () => {
  it('zips dist/ in the layout fdk pack produces', async () => {
    const zipFile = join(out, 'companion-for-freshsales.zip');
    const outcome = await packApp(DIST, { name: 'companion-for-freshsales', outFile: zipFile });
    expect(outcome.ok).toBe(true);
    const entries = Object.keys(unzipSync(readFileSync(zipFile)));
    expect(entries).toEqual(
      expect.arrayContaining([
        './manifest.json',
        './config/iparams.html',
        './config/assets/iparams.js',
        './config/requests.json',
        './app/contact.html',
        './app/deal.html',
        './app/account.html',
        './app/styles/images/icon.svg',
        './server/server.js',
        './README.md',
        './.report.json',
        './digest.md5',
      ]),
    );
    expect(entries.every((name) => name.startsWith('./'))).toBe(true);
    expect(entries.filter((name) => /\.map$|node_modules|test_data|\.fdk\/|coverage\/|\.zip$|emulator|iparam_test_data/.test(name))).toEqual([]);
  });

  it('writes a digest that matches every packed file', async () => {
    const zipFile = join(out, 'app.zip');
    await packApp(DIST, { name: 'app', outFile: zipFile });
    const files = unzipSync(readFileSync(zipFile));
    const lines = new TextDecoder().decode(files['./digest.md5']).split('\n');
    expect(lines.length).toBe(Object.keys(files).length - 1);
    for (const line of lines) {
      const [md5, name] = line.split('  ') as [string, string];
      expect(createHash('md5').update(files[`./${name}`] as Uint8Array).digest('hex')).toBe(md5);
    }
  });

  it('records lint results and coverage in .report.json, and packs the same bytes twice', async () => {
    const first = join(out, 'a.zip');
    const second = join(out, 'b.zip');
    const coverage = coverageFile(91.5);
    await packApp(DIST, { name: 'a', outFile: first, coverageSummaryFile: coverage });
    await packApp(DIST, { name: 'b', outFile: second, coverageSummaryFile: coverage });
    const report = JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(first))['./.report.json']));
    expect(report.summary).toEqual({ platformErrors: 0, lintErrors: 0, warnings: 0, coverageChecked: true });
    expect(report.coverage.lines).toBe(91.5);
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true);
  });

  it('refuses coverage below 80 % unless told to skip the check', async () => {
    const low = coverageFile(60);
    const refused = await packApp(DIST, { name: 'x', outFile: join(out, 'x.zip'), coverageSummaryFile: low });
    expect(refused).toEqual({ ok: false, reason: expect.stringContaining('Coverage is below 80% (lines 60%') });
    const skipped = await packApp(DIST, { name: 'x', outFile: join(out, 'x.zip'), coverageSummaryFile: low, skipCoverage: true });
    expect(skipped.ok).toBe(true);
  });

  it('says so when there is no coverage data, and still packs', async () => {
    const outcome = await packApp(DIST, { name: 'x', outFile: join(out, 'x.zip'), coverageSummaryFile: join(out, 'none.json') });
    expect(outcome.ok && outcome.notes).toEqual(['No coverage data found (run npm test first); packed without the coverage check']);
  });

  it('refuses an app that fails validation, with the report', async () => {
    const app = new FixtureApp();
    try {
      app.remove('config/iparams.json');
      const outcome = await packApp(app.dir, { name: 'minimal' });
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.report?.platformErrors.map((f) => f.message)).toEqual(['iparams.json is mandatory']);
    } finally {
      app.dispose();
    }
  });

  it('packs another FDK app without its test data', async () => {
    const app = new FixtureApp();
    try {
      const outcome = await packApp(app.dir, { name: 'minimal' });
      expect(outcome.ok).toBe(true);
      const entries = Object.keys(unzipSync(readFileSync(join(app.dir, 'minimal.zip'))));
      expect(entries).toContain('./app/scripts/app.js');
      expect(entries).toContain('./server/lib/format.js');
      expect(entries.some((name) => name.includes('test_data'))).toBe(false);
    } finally {
      app.dispose();
    }
  });
});
