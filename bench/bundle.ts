// `npm run bench:bundle`: gzip JavaScript each sidebar page loads when it opens, from a fresh
// production build, against the 150 kB budget of issue #5.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProject } from '../tools/build';
import { formatTable, missedTargets, writeResults, type BenchResults } from './support/results';

const BUDGET_KB = 150;

async function main(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  try {
    const report = await buildProject(join(__dirname, '..'), out);
    const results: BenchResults = { figures: {}, targets: {}, reference: {} };
    for (const page of report.pages) {
      const name = `${page.page.replace(/\.html$/, '')}_gzip_kb`;
      results.figures[name] = Math.round(page.gzipBytes / 102.4) / 10;
      results.targets[name] = { op: '<=', value: BUDGET_KB };
      results.reference[name] = `issue #5 budget: ≤ ${BUDGET_KB} kB gzip JS per sidebar (${page.scripts.length} files loaded at open, the UI chunk included)`;
    }
    console.log(formatTable(results));
    console.log(`\nwrote ${writeResults('bundle', results)}`);
    if (missedTargets(results).length > 0) process.exitCode = 1;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

void main();
