import { startStandIn } from '../../emulator/crm/stand-in';
import type { CrmServer } from '../../emulator/crm/crm-server';
import { ManualClock } from '../../emulator/clock';
import { startEmulator, type Emulator } from '../../emulator/platform/emulator';
import { secureMeta } from '../../common/iparams';
import { DIST } from '../support/build-dist';

/**
 * The built app's settings check through the platform emulator and the stand-in, as the
 * settings page (config/iparams.html) reaches it: `client.request.invoke('checkSettings')`
 * before installation and on every later save, and onAppInstall on install (issue #10, B5).
 */

let crm: CrmServer;
let emulator: Emulator;

beforeEach(async () => {
  const clock = new ManualClock('2026-11-02T09:00:00Z');
  crm = await startStandIn({ seed: 1, clock });
  emulator = await startEmulator({ appDir: DIST, port: 0, clock, crm: { kind: 'stand-in', server: crm }, invocationTimeoutMs: 10_000 });
});

afterEach(async () => {
  await emulator.close();
  await crm.close();
});

interface Checked {
  ok: boolean;
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

/** What the page's client does: an SMI from the settings page, over the emulator's HTTP API. */
async function check(settings: Record<string, unknown>): Promise<Checked> {
  const response = await fetch(`${emulator.url}/__fdk/api/settings/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ instanceId: 'settings', name: 'checkSettings', payload: { settings } }),
  });
  const answer = (await response.json()) as { ok: boolean; value?: { response: Checked }; error?: unknown };
  if (!answer.ok || answer.value === undefined) throw new Error(`checkSettings failed: ${JSON.stringify(answer.error)}`);
  return answer.value.response;
}

const credentials = () => ({ domain: crm.store.account.domain, api_key: crm.apiKey });

describe('checkSettings before installation', () => {
  it('normalises the domain and the lists, checks the key, and never answers the key', async () => {
    const answer = await check({
      ...credentials(),
      domain: `  HTTPS://${crm.store.account.domain.toUpperCase()}/ `,
      contact_sections: 'Summary, NOTES',
      contact_custom_fields: 'CF_Tier, cf_birthday',
      deal_custom_fields: 'ALL',
      account_custom_fields: 'None',
    });
    expect(answer).toMatchObject({
      ok: true,
      errors: {},
      values: { domain: crm.store.account.domain, contact_sections: 'summary, notes', contact_custom_fields: 'cf_tier, cf_birthday', deal_custom_fields: 'all', account_custom_fields: 'none' },
    });
    expect(JSON.stringify(answer)).not.toContain(crm.apiKey);
  });

  it('refuses a wrong key, an empty section list and an unknown custom field, naming each', async () => {
    const answer = await check({ ...credentials(), api_key: 'wrong-key', deal_sections: ' ' });
    expect(answer.errors).toEqual({
      api_key: expect.stringMatching(/^Freshsales refused this API key/),
      deal_sections: expect.stringMatching(/^The deal sidebar needs at least one section/),
    });
    const unknown = await check({ ...credentials(), account_custom_fields: 'cf_segment, cf_nope' });
    expect(unknown).toMatchObject({ ok: false, errors: { account_custom_fields: 'This account has no account custom field "cf_nope".' } });
  });

  it('refuses a host that is not Freshworks before any call', async () => {
    const answer = await check({ ...credentials(), domain: 'acme.freshsales.io' });
    expect(answer.errors).toEqual({ domain: expect.stringContaining('acme.freshsales.io is not a Freshsales Suite domain') });
    expect(emulator.inspector.entries().filter((entry) => entry.kind === 'template')).toEqual([]);
  });
});

describe('checkSettings on an installed app (every later save)', () => {
  beforeEach(async () => {
    expect(await emulator.install({ ...credentials(), __meta: secureMeta() })).toEqual({ ok: true });
  });

  it('checks the key being saved, not the saved one, and saves nothing itself', async () => {
    const answer = await check({ ...credentials(), api_key: 'a-revoked-key' });
    expect(answer).toMatchObject({ ok: false, errors: { api_key: expect.stringMatching(/^Freshsales refused this API key/) } });
    expect(emulator.platform.installation()?.iparams.api_key).toBe(crm.apiKey);
  });

  it('asks for the key again rather than checking the saved one', async () => {
    const answer = await check({ ...credentials(), api_key: '' });
    expect(answer.errors).toEqual({ api_key: expect.stringMatching(/^Enter your Freshsales API key/) });
  });

  it('looks the custom field names up with the key being saved, and passes a save the account fits', async () => {
    await expect(check({ ...credentials(), deal_custom_fields: 'cf_sales_region, cf_tier' })).resolves.toMatchObject({
      ok: false,
      errors: { deal_custom_fields: 'This account has no deal custom field "cf_tier".' },
    });
    await expect(check({ ...credentials(), deal_custom_fields: 'CF_SALES_REGION' })).resolves.toMatchObject({ ok: true, values: { deal_custom_fields: 'cf_sales_region' } });
  });
});

describe('onAppInstall', () => {
  it('refuses a saved custom field list that names a field the account does not have', async () => {
    const outcome = await emulator.install({ ...credentials(), contact_custom_fields: 'cf_tier, cf_nope', __meta: secureMeta() });
    expect(outcome).toEqual({ ok: false, message: 'Unknown custom field: cf_nope' });
    expect(emulator.platform.installation()).toBeUndefined();
  });

  it('refuses a wrong key, as before', async () => {
    await expect(emulator.install({ ...credentials(), api_key: 'wrong', __meta: secureMeta() })).resolves.toEqual({ ok: false, message: 'Freshsales rejected the API key. Check it and retry.' });
  });
});
