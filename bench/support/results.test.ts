import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTable, meets, missedTargets, writeResults, type BenchResults } from './results';

const results: BenchResults = {
  figures: { rps: 2500, p95_ms: 480 },
  targets: { rps: { op: '>=', value: 2000 }, p95_ms: { op: '<=', value: 400 } },
  reference: { rps: 'issue #3: 2,000 GET/s', p95_ms: 'issue #5 stretch' },
};

describe('benchmark results', () => {
  it('compares figures with their targets both ways', () => {
    expect(meets(2000, { op: '>=', value: 2000 })).toBe(true);
    expect(meets(1999, { op: '>=', value: 2000 })).toBe(false);
    expect(meets(400, { op: '<=', value: 400 })).toBe(true);
    expect(meets(401, { op: '<=', value: 400 })).toBe(false);
    expect(missedTargets(results)).toEqual(['p95_ms']);
  });

  it('prints one row per figure with its target, verdict and reference', () => {
    const lines = formatTable(results).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^rps\s+2500\s+>= 2000\s+ok\s+issue #3: 2,000 GET\/s$/);
    expect(lines[2]).toMatch(/^p95_ms\s+480\s+<= 400\s+MISSED\s+issue #5 stretch$/);
  });

  it('writes bench/results/<bench>.json in the shared format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-'));
    try {
      const file = writeResults('demo', results, dir);
      expect(file).toBe(join(dir, 'demo.json'));
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(results);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
