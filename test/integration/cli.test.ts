import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FixtureApp } from '../support/fixture-app';
import { ROOT } from '../support/build-dist';

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function run(script: string, args: string[]) {
  const result = spawnSync(process.execPath, [TSX, script, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the validate and pack commands', () => {
  it('validate exits 0 with the FDK summary on a valid app', () => {
    const app = new FixtureApp();
    try {
      const { status, output } = run('emulator/fdk/validate-cli.ts', ['--app', app.dir]);
      expect(output).toContain('Total Platform Errors: 0');
      expect(output).toContain('✔ Validation Successful');
      expect(status).toBe(0);
    } finally {
      app.dispose();
    }
  });

  it('validate exits non-zero and prints the specific message on a broken app', () => {
    const app = new FixtureApp();
    try {
      app.json('manifest.json', (m: any) => {
        m.modules.common.requests.getDeal = {};
      });
      app.replace('server/lib/format.js', 'const contactSchema', 'var contactSchema');
      const { status, output } = run('emulator/fdk/validate-cli.ts', ['--app', app.dir]);
      expect(output).toContain("✖ Request template 'getDeal' is not defined in config/requests.json");
      expect(output).toMatch(/✖ server\/lib\/format\.js::3: Unexpected var, use let or const instead\./);
      expect(output).toContain('Total Platform Errors: 1');
      expect(output).toContain('Total Lint Errors: 1');
      expect(status).toBe(1);
    } finally {
      app.dispose();
    }
  });

  it('pack names the zip after the app directory and puts it inside it, like fdk pack', () => {
    const app = new FixtureApp();
    try {
      const { status, output } = run('emulator/fdk/pack-cli.ts', ['--app', app.dir, '--skip-coverage']);
      const name = app.dir.split('/').pop() as string;
      expect(output).toContain(`into ${join(app.dir, `${name}.zip`)}`);
      expect(existsSync(join(app.dir, `${name}.zip`))).toBe(true);
      expect(status).toBe(0);
    } finally {
      app.dispose();
    }
  });
});
