import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The one format every benchmark writes (design.md, Conventions). */
export interface Target {
  op: '<=' | '>=';
  value: number;
}

export interface BenchResults {
  figures: Record<string, number>;
  targets: Record<string, Target>;
  reference: Record<string, string>;
}

export const RESULTS_DIR = join(__dirname, '..', 'results');

export function meets(value: number, target: Target): boolean {
  return target.op === '<=' ? value <= target.value : value >= target.value;
}

function cell(value: unknown, width: number): string {
  return String(value).padEnd(width);
}

/** A table of figure, target, verdict and what it is compared with. */
export function formatTable(results: BenchResults): string {
  const rows = Object.entries(results.figures).map(([name, value]) => {
    const target = results.targets[name];
    const verdict = target === undefined ? '' : meets(value, target) ? 'ok' : 'MISSED';
    return [name, String(value), target ? `${target.op} ${target.value}` : '-', verdict, results.reference[name] ?? ''];
  });
  const header = ['figure', 'value', 'target', '', 'compared with'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  return [header, ...rows].map((row) => row.map((value, column) => cell(value, widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

/** Writes bench/results/<bench>.json and returns its path. */
export function writeResults(bench: string, results: BenchResults, dir = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${bench}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

export function missedTargets(results: BenchResults): string[] {
  return Object.entries(results.targets)
    .filter(([name, target]) => results.figures[name] !== undefined && !meets(results.figures[name], target))
    .map(([name]) => name);
}
