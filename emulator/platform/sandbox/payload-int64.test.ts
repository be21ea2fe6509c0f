import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadedApp, SandboxServices } from '../types';
import { ServerSandbox } from './sandbox';

describe('int64 values in payloads', () => {
  it('arrive as JSON numbers that lose precision, as a product event’s mcr_id does on the platform', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-int64-'));
    try {
      mkdirSync(join(dir, 'server'));
      writeFileSync(join(dir, 'server', 'server.js'), 'exports = { onContactUpdateHandler: function (args) { console.log(typeof args.mcr_id, String(args.mcr_id)); } };');
      const app = { dir, dependencies: {}, functions: {} } as unknown as LoadedApp;
      const result = await new ServerSandbox(app).invoke(
        { kind: 'product', handler: 'onContactUpdateHandler', payload: { mcr_id: 1712345678901234567n } },
        {} as SandboxServices,
      );
      expect(result.outcome).toBe('completed');
      expect(result.logs[0]?.message).toBe('number 1712345678901234700');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
