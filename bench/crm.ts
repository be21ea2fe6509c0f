// `npm run bench:crm`: requests per second the Freshsales stand-in serves for
// GET /contacts/:id?include=sales_accounts,deals,owner, against issue #3's floor of 2,000/s.
// The stand-in runs in its own process (as under the emulator); this process is the load.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { formatTable, missedTargets, writeResults, type BenchResults } from './support/results';

const ROOT = join(__dirname, '..');
const DURATION_MS = 8_000;
const WARMUP_MS = 1_000;
const CONCURRENCY = 32;

function startStandIn(): Promise<{ child: ChildProcess; apiBase: string; apiKey: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'emulator/crm/cli.ts', '--port', '0', '--no-limits'], { cwd: ROOT });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const base = /base URL\s+(\S+)/.exec(output)?.[1];
      const key = /API key\s+(\S+)/.exec(output)?.[1];
      if (base !== undefined && key !== undefined) resolve({ child, apiBase: base, apiKey: key });
    });
    child.on('exit', (code) => reject(new Error(`stand-in exited with ${code}: ${output}`)));
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function get(url: string, apiKey: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { Authorization: `Token token=${apiKey}`, Accept: 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function contactIds(apiBase: string, apiKey: string): Promise<number[]> {
  const filters = JSON.parse((await get(`${apiBase}/contacts/filters`, apiKey)).body) as { filters: Array<{ id: number; name: string }> };
  const all = filters.filters.find((view) => view.name === 'All Contacts') ?? filters.filters[0];
  const page = JSON.parse((await get(`${apiBase}/contacts/view/${all?.id}?per_page=100`, apiKey)).body) as { contacts: Array<{ id: number }> };
  return page.contacts.map((contact) => contact.id);
}

async function load(apiBase: string, apiKey: string, ids: number[], until: number, latencies: number[] | undefined): Promise<{ ok: number; failed: number }> {
  let ok = 0;
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const id = ids[next++ % ids.length];
      const started = performance.now();
      const answer = await get(`${apiBase}/contacts/${id}?include=sales_accounts,deals,owner`, apiKey);
      latencies?.push(performance.now() - started);
      if (answer.status === 200) ok += 1;
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { ok, failed };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

async function main(): Promise<void> {
  const { child, apiBase, apiKey } = await startStandIn();
  try {
    const ids = await contactIds(apiBase, apiKey);
    await load(apiBase, apiKey, ids, performance.now() + WARMUP_MS, undefined);
    const latencies: number[] = [];
    const started = performance.now();
    const { ok, failed } = await load(apiBase, apiKey, ids, started + DURATION_MS, latencies);
    const seconds = (performance.now() - started) / 1000;
    const results: BenchResults = {
      figures: {
        contact_get_rps: Math.round(ok / seconds),
        contact_get_p50_ms: Math.round(percentile(latencies, 0.5) * 10) / 10,
        contact_get_p95_ms: Math.round(percentile(latencies, 0.95) * 10) / 10,
        failed_requests: failed,
      },
      targets: { contact_get_rps: { op: '>=', value: 2000 }, failed_requests: { op: '<=', value: 0 } },
      reference: {
        contact_get_rps: `issue #3: ≥ 2,000 GET /contacts/:id?include=sales_accounts,deals,owner per second (${CONCURRENCY} keep-alive connections, ${DURATION_MS / 1000} s, ${ids.length} contacts)`,
        contact_get_p50_ms: 'latency at that load, for reference',
        contact_get_p95_ms: 'latency at that load, for reference',
        failed_requests: 'non-200 answers during the run',
      },
    };
    console.log(formatTable(results));
    console.log(`\nwrote ${writeResults('crm', results)}`);
    if (missedTargets(results).length > 0) process.exitCode = 1;
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
  }
}

void main();
