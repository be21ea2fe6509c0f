import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { findOutsideReferences, type OutsideReference } from '../support/outside-references';

/**
 * A clone with nothing beside it must build, run and test (issue 10 D): no file that code,
 * configuration or scripts read may name a path outside the repository. Markdown is prose and
 * is left out; everything executable or loaded is scanned.
 */

const ROOT = resolve(__dirname, '..', '..');
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', '.git', '.tmp', '.fdk', 'log', 'test-results']);
const SCANNED = new Set(['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.html', '.sh', '.yml', '.yaml', '']);
// The lock file names registry URLs only; the checker and its test hold examples on purpose.
const SKIPPED_FILES = new Set(['package-lock.json', 'outside-references.ts', 'self-contained.test.ts']);

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) yield* sourceFiles(path);
    if (entry.isFile() && SCANNED.has(extname(entry.name)) && !SKIPPED_FILES.has(entry.name)) yield path;
  }
}

const describeHit = (hit: OutsideReference) => `${relative(ROOT, hit.file)}:${hit.line}: ${hit.text}`;

describe('the repository reads nothing outside itself', () => {
  it('no source, config or script names a path outside the repository', () => {
    const hits = [...sourceFiles(ROOT)].flatMap((file) => findOutsideReferences(file, readFileSync(file, 'utf8'), ROOT));
    expect(hits.map(describeHit)).toEqual([]);
  });
});

describe('findOutsideReferences', () => {
  // Interpolated below, so this file holds no path to the folder it checks for.
  const SIBLING = 'shared/contracts';
  const SIBLING_DOCS = 'shared/docs';
  const file = join(ROOT, 'test', 'integration', 'x.test.ts');
  const find = (text: string) => findOutsideReferences(file, text, ROOT).map((hit) => hit.text);

  it('flags the sibling reference folder, relative or absolute', () => {
    expect(find(`readFileSync(join(__dirname, '../../../${SIBLING}/x.json'))`)).toEqual([`../../../${SIBLING}/x.json`]);
    expect(find(`const docs = '/work/${SIBLING_DOCS}';`)).toEqual([`/work/${SIBLING_DOCS}`]);
    expect(find(`cat ../${SIBLING_DOCS}/platform.md`)).toEqual([`../${SIBLING_DOCS}/platform.md`]);
  });

  it('flags relative paths that climb above the root from where they are written', () => {
    expect(find("join(__dirname, '../../../elsewhere/file.json')")).toEqual(['../../../elsewhere/file.json']);
    expect(find("import x from '../../../../outside';")).toEqual(['../../../../outside']);
    expect(find("join(__dirname, '..', '..', '..', 'elsewhere', 'contracts')")).toEqual(["join(__dirname, '..', '..', '..', 'elsewhere', 'contracts'"]);
  });

  it('accepts paths that stay inside, and text that only looks like a path', () => {
    expect(find("import { x } from '../../common/templates';")).toEqual([]);
    expect(find("join(__dirname, '../fixtures/apps/minimal')")).toEqual([]);
    expect(find("join(__dirname, '..', '..', 'README.md')")).toEqual([]);
    expect(find("const probe = '../../etc/passwd';")).toEqual([]);
    expect(find("const home = '/usr/bin/chromium';")).toEqual([]);
  });

  it('reports the line of each hit', () => {
    const hits = findOutsideReferences(file, "a\nb\n'../../../elsewhere/x'\n", ROOT);
    expect(hits.map((hit) => hit.line)).toEqual([3]);
  });
});
