import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../clock';
import type { LoadedApp, SandboxServices } from '../types';
import { ServerSandbox } from './sandbox';

describe('the sandbox clock', () => {
  it('gives server code the emulator clock through Date, with the rest of Date intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-clock-'));
    try {
      mkdirSync(join(dir, 'server'));
      writeFileSync(
        join(dir, 'server', 'server.js'),
        `exports = { tell: function () { renderData(null, { now: Date.now(), iso: new Date().toISOString(), fixed: new Date(0).toISOString(), parsed: Date.parse('2020-01-01T00:00:00Z'), isDate: new Date() instanceof Date }); } };`,
      );
      const clock = new ManualClock('2030-05-06T07:08:09Z');
      const app = { dir, dependencies: {}, functions: { tell: {} } } as unknown as LoadedApp;
      const result = await new ServerSandbox(app, { clock }).invoke({ kind: 'smi', handler: 'tell', payload: {} }, {} as SandboxServices);
      expect(result.rendered?.data).toEqual({
        now: Date.parse('2030-05-06T07:08:09Z'),
        iso: '2030-05-06T07:08:09.000Z',
        fixed: '1970-01-01T00:00:00.000Z',
        parsed: Date.parse('2020-01-01T00:00:00Z'),
        isDate: true,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
