import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { PRODUCT_EVENTS, isProductEventName } from '../common/product-events/names';
import { contactEventDataSchema, dealEventDataSchema, salesAccountEventDataSchema } from '../common/product-events/records';
import { appSetupPayloadSchema, productEventPayloadSchema, scheduledEventPayloadSchema } from '../common/platform/payloads';
import { describeIssues } from '../common/validation';
import { parseProductEvent } from './lib/triggers/parse';

/**
 * server/test_data/<module>/<Event>.json are the payloads /web/test and `npm run event` fire
 * (platform.md §9.4): the envelope without iparams and currentHost. Each must be what the
 * platform sends for its event, so that firing it exercises the real code paths.
 */
const DIR = join(__dirname, 'test_data');
const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'manifest.json'), 'utf8')) as { modules: Record<string, { events?: Record<string, unknown> }> };
const declared = Object.entries(manifest.modules).flatMap(([module, spec]) => Object.keys(spec.events ?? {}).map((event) => [module, event] as const));

const read = (module: string, event: string): Record<string, unknown> => JSON.parse(readFileSync(join(DIR, module, `${event}.json`), 'utf8')) as Record<string, unknown>;
const withIparams = (payload: Record<string, unknown>) => ({ ...payload, iparams: {} });

const DATA = { contact: contactEventDataSchema, deal: dealEventDataSchema, sales_account: salesAccountEventDataSchema };

function problems(schema: z.ZodMiniType, value: unknown): string {
  const parsed = z.safeParse(schema, value);
  return parsed.success ? '' : describeIssues(parsed.error.issues);
}

describe('server/test_data', () => {
  it('has one file for every event the manifest declares, and no other', () => {
    const files = readdirSync(DIR).flatMap((module) => readdirSync(join(DIR, module)).map((file) => [module, file.replace(/\.json$/, '')] as const));
    expect(files.map((pair) => pair.join('/')).sort()).toEqual(declared.map((pair) => pair.join('/')).sort());
  });

  it.each(declared)('%s/%s is its event’s payload, without iparams or currentHost', (module, event) => {
    const payload = read(module, event);
    expect(payload.event).toBe(event);
    expect(payload).not.toHaveProperty('iparams');
    expect(payload).not.toHaveProperty('currentHost');
    if (isProductEventName(event)) {
      expect(problems(productEventPayloadSchema, withIparams(payload))).toBe('');
      expect(problems(DATA[PRODUCT_EVENTS[event].entity], payload.data)).toBe('');
      expect(parseProductEvent(event, withIparams(payload), 0).ok).toBe(true);
    } else {
      expect(problems(event === 'onScheduledEvent' ? scheduledEventPayloadSchema : appSetupPayloadSchema, withIparams(payload))).toBe('');
    }
  });

  it('the deal update wins a deal, and the contact update adds the contact to a list', () => {
    const deal = read('deal', 'onDealUpdate') as { data: { changes: { model_changes: Record<string, unknown> }; associations: { deal_stage: { forecast_type: string } } } };
    expect(deal.data.changes.model_changes).toHaveProperty('deal_stage_id');
    expect(deal.data.associations.deal_stage.forecast_type).toBe('Closed Won');
    const contact = read('contact', 'onContactUpdate') as { data: { changes: { model_changes: { list_ids: [number[], number[]] } } } };
    const [before, after] = contact.data.changes.model_changes.list_ids;
    expect(after.length).toBeGreaterThan(before.length);
  });
});
