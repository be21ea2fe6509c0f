import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_APPS } from '../support/fixture-app';
import { killStarted, runCommand } from '../support/processes';

const PROBE = join(FIXTURE_APPS, 'platform-probe');

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'start-data-'));
});

afterEach(() => {
  killStarted();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start -- --data <file>', () => {
  it('keeps the CRM and the platform state, and restores the installation instead of installing again', async () => {
    const crmFile = join(dir, 'state', 'crm.json');
    const platformFile = join(dir, 'state', 'crm.platform.json');
    const args = ['--app', PROBE, '--port', '0', '--data', crmFile];
    const first = await runCommand('tools/start.ts', args, /Inspector\s+\S+/);
    try {
      expect(first.output()).toContain('installed with demo settings');
      expect(first.output()).toMatch(new RegExp(`Data\\s+${crmFile} \\(Freshsales stand-in\\), ${platformFile} \\(platform\\)`));
    } finally {
      await first.stop();
    }
    expect(existsSync(crmFile)).toBe(true);
    expect(existsSync(platformFile)).toBe(true);

    const second = await runCommand('tools/start.ts', args, /Inspector\s+\S+/);
    try {
      expect(second.output()).toContain(`installation restored from ${platformFile}`);
      expect(second.output()).not.toContain('installed with demo settings');
    } finally {
      await second.stop();
    }
  });
});
