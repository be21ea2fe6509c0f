import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStandIn } from '../../emulator/crm/stand-in';
import type { CrmServer } from '../../emulator/crm/crm-server';

const CONTRACT_DIR = join(__dirname, '..', '..', '..', 'shared', 'contracts', 'freshsales-openapi');

/**
 * Operations of the third-party description the reference does not confirm (freshsales-api.md
 * §2 marks them [U]); the stand-in does not pretend to know their shapes.
 */
const NOT_CONFIRMED: Record<string, string> = {
  'POST /contacts/bulk_upsert': 'async job with an unconfirmed reference shape (api §2: U)',
  'GET /job_statuses/:id': 'job status shape unconfirmed; one client uses /jobs/:id instead (README item 11)',
};

/** `METHOD /path/:param` for each operation of one file: its `paths:` are simple YAML. */
function operationsOf(text: string): string[] {
  const operations: string[] = [];
  let path = '';
  for (const line of text.split('\n')) {
    const pathMatch = /^ {2}(\/\S*):\s*$/.exec(line);
    if (pathMatch?.[1] !== undefined) path = pathMatch[1].replace(/\{(\w+)\}/g, ':$1');
    const method = /^ {4}(get|post|put|delete|patch):\s*$/.exec(line)?.[1];
    if (method !== undefined && path !== '') operations.push(`${method.toUpperCase()} ${path}`);
  }
  return operations;
}

/** Every operation in the split OpenAPI files (paths, no schemas). */
function contractOperations(): string[] {
  const files = readdirSync(CONTRACT_DIR).filter((name) => name.endsWith('.yml'));
  return [...new Set(files.flatMap((file) => operationsOf(readFileSync(join(CONTRACT_DIR, file), 'utf8'))))].sort();
}

const shape = (operation: string) => operation.replace(/:\w+/g, ':param');

let server: CrmServer;
beforeAll(async () => {
  server = await startStandIn({ seed: 1 });
});
afterAll(() => server.close());

describe('the stand-in serves the Freshsales contract', () => {
  const operations = contractOperations();

  it('reads the operations of the contract files', () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations).toContain('GET /contacts/:id');
  });

  it.each(operations)('%s', (operation) => {
    const served = new Set(server.routes().map(shape));
    if (NOT_CONFIRMED[operation] !== undefined) {
      expect(served.has(shape(operation))).toBe(false);
      return;
    }
    expect(served.has(shape(operation))).toBe(true);
  });
});
