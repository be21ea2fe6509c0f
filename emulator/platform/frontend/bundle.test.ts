import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { bundleBrowserScript } from './bundle';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fdk-bundle-'));
  writeFileSync(join(dir, 'greet.ts'), 'export const greet = (name: string): string => `hello ${name ?? "?"}`;\n');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('bundleBrowserScript', () => {
  it('bundles a TypeScript entry and its imports into one classic ES2020 script', async () => {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, "import { greet } from './greet';\nlet who: string | undefined;\nwho ??= 'app';\n(globalThis as unknown as { out: string }).out = greet(who);\n");
    const script = await bundleBrowserScript(entry);
    expect(script).not.toMatch(/^\s*(import|export)\s/m);
    expect(script).toContain('(() => {');
    // ES2020 target: ES2021's `??=` is lowered, ES2020's `??` kept.
    expect(script).not.toContain('??=');
    expect(script).toContain('??');
    const sandbox: { out?: string } = {};
    runInNewContext(script, sandbox);
    expect(sandbox.out).toBe('hello app');
  });

  it('builds each entry once for the process lifetime', async () => {
    const entry = join(dir, 'cached.ts');
    writeFileSync(entry, "(globalThis as unknown as { v: number }).v = 1;\n");
    const first = bundleBrowserScript(entry);
    expect(bundleBrowserScript(join(dir, '.', 'cached.ts'))).toBe(first);
    const script = await first;
    writeFileSync(entry, "(globalThis as unknown as { v: number }).v = 2;\n");
    expect(await bundleBrowserScript(entry)).toBe(script);
  });

  it('rejects with the build error and does not cache the failure', async () => {
    const entry = join(dir, 'broken.ts');
    writeFileSync(entry, "import { missing } from './nowhere';\nconsole.log(missing);\n");
    await expect(bundleBrowserScript(entry)).rejects.toThrow(/nowhere/);
    writeFileSync(entry, "(globalThis as unknown as { fixed: boolean }).fixed = true;\n");
    const sandbox: { fixed?: boolean } = {};
    runInNewContext(await bundleBrowserScript(entry), sandbox);
    expect(sandbox.fixed).toBe(true);
  });
});
