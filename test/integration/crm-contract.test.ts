import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStandIn } from '../../emulator/crm/stand-in';
import type { CrmServer } from '../../emulator/crm/crm-server';

/**
 * The operations of a third-party OpenAPI description of Freshsales (paths only: it has no
 * real schemas), listed once in a fixture so the repository reads nothing beside itself.
 */
const CONTRACT = join(__dirname, '..', 'fixtures', 'freshsales-contract-operations.json');

/**
 * Operations of the third-party description the reference does not confirm (freshsales-api.md
 * §2 marks them [U]); the stand-in does not pretend to know their shapes.
 */
const NOT_CONFIRMED: Record<string, string> = {
  'POST /contacts/bulk_upsert': 'async job with an unconfirmed reference shape (api §2: U)',
  'GET /job_statuses/:id': 'job status shape unconfirmed; one client uses /jobs/:id instead (README item 11)',
};

/** Every operation of the description, `METHOD /path/:param`. */
function contractOperations(): string[] {
  return (JSON.parse(readFileSync(CONTRACT, 'utf8')) as { operations: string[] }).operations;
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
