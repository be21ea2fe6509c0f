import { createAccountStore, DEAL_STAGES } from '../seed/account';
import type { CrmStore } from '../store';
import { modelChanges, rawValues } from './changes';
import { buildProductEvent } from './product-events';
import { putAccount, putContact, putDeal } from '../testing/rows';
import { ASHA, MATEO, T_CHANGE, changeOf, edited, globexExpansion, globexLtd, janeDoe } from './test-changes';

let store: CrmStore;
beforeEach(() => {
  store = createAccountStore();
});

const changesOf = (event: { data: Record<string, unknown> }) => event.data.changes as Record<string, any>;

describe('changes on *Update events (platform.md §3.2)', () => {
  it('lists only changed fields, raw and unwrapped, with empty system and misc changes', () => {
    const contact = putContact(store, { ...janeDoe(store), first_name: 'Janet' });
    const after = edited(contact, (row) => {
      row.first_name = 'Jane';
    });
    const event = buildProductEvent(store, changeOf({ entity: 'contact', before: contact, after }));
    expect(changesOf(event)).toEqual({
      model_changes: {
        first_name: ['Janet', 'Jane'],
        updated_at: ['2026-03-01T08:00:00Z', '2026-03-02T10:30:15Z'],
      },
      system_changes: {},
      misc_changes: {},
    });
    // The computed `name` changed too, but it is no model field.
    expect(changesOf(event).model_changes).not.toHaveProperty('name');
  });

  it('uses event names: updater_id, a custom field under its cf_ name, list-valued fields whole', () => {
    const contact = putContact(store, janeDoe(store));
    const after = edited(contact, (row) => {
      row.custom_field = { ...row.custom_field, cf_tier: 'Silver', cf_interests: 'Analytics' };
      row.tags = ['vip', 'renewal'];
      row.owner_id = MATEO.id;
    }, MATEO);
    const changes = changesOf(buildProductEvent(store, changeOf({ entity: 'contact', before: contact, after }, MATEO))).model_changes;
    expect(changes).toEqual({
      tags: [['vip'], ['vip', 'renewal']],
      owner_id: [ASHA.id, MATEO.id],
      updater_id: [ASHA.id, MATEO.id],
      updated_at: ['2026-03-01T08:00:00Z', '2026-03-02T10:30:15Z'],
      cf_tier: ['Gold', 'Silver'],
      cf_interests: ['Analytics;Mobile', 'Analytics'],
    });
    expect(changes).not.toHaveProperty('custom_field');
    expect(changes).not.toHaveProperty('custom_fields');
  });

  it('names a creator change creator_id, never creater_id', () => {
    const account = putAccount(store, globexLtd(store));
    const after = edited(account, (row) => {
      row.creater_id = MATEO.id;
    });
    const changes = changesOf(buildProductEvent(store, changeOf({ entity: 'sales_account', before: account, after }))).model_changes;
    expect(changes.creator_id).toEqual([ASHA.id, MATEO.id]);
    expect(changes).not.toHaveProperty('creater_id');
  });

  it('reports a deal stage move with raw ids and money as strings', () => {
    const deal = putDeal(store, globexExpansion(store));
    const won = DEAL_STAGES[4]?.id ?? 0;
    const after = edited(deal, (row) => {
      row.deal_stage_id = won;
      row.amount = '15000.0';
      row.stage_updated_time = T_CHANGE;
    });
    const changes = changesOf(buildProductEvent(store, changeOf({ entity: 'deal', before: deal, after }))).model_changes;
    expect(changes.deal_stage_id).toEqual([deal.deal_stage_id, won]);
    expect(changes.amount).toEqual(['12000.0', '15000.0']);
    expect(changes.base_currency_amount).toEqual(['12960.0', '16200.0']);
    expect(changes.stage_updated_time).toEqual(['2026-03-01T08:00:00Z', '2026-03-02T10:30:15Z']);
    expect(Object.keys(changes).sort()).toEqual(['amount', 'base_currency_amount', 'deal_stage_id', 'expected_deal_value', 'stage_updated_time', 'updated_at']);
  });

  it('reports a bare id list change (sales_account_ids) and an unchanged save as updated_at only', () => {
    const account = putAccount(store, globexLtd(store));
    const contact = putContact(store, janeDoe(store));
    const linked = edited(contact, (row) => {
      row.sales_accounts = [{ id: account.id, is_primary: true }];
    });
    const changes = changesOf(buildProductEvent(store, changeOf({ entity: 'contact', before: contact, after: linked }))).model_changes;
    expect(changes.sales_account_ids).toEqual([[], [account.id]]);
    const touched = edited(contact, () => undefined);
    expect(Object.keys(changesOf(buildProductEvent(store, changeOf({ entity: 'contact', before: contact, after: touched }))).model_changes)).toEqual(['updated_at']);
  });

  it('rawValues unwraps {label,type,value}, drops dom_type fields and spreads custom_fields', () => {
    const raw = rawValues({
      id: 7,
      first_name: { label: 'First name', type: 'text', value: 'Jane' },
      name: { label: 'Name', dom_type: 'text', value: 'Jane Doe' },
      source_additional_info: {},
      custom_fields: [{ name: 'cf_tier', label: 'Tier', type: 'dropdown', value: 'Gold', column: 'cf_str01' }],
    });
    expect(Object.fromEntries(raw)).toEqual({ id: 7, first_name: 'Jane', source_additional_info: {}, cf_tier: 'Gold' });
    expect(modelChanges({ mcr_id: 1n }, { mcr_id: 1n })).toEqual({});
    expect(modelChanges({ mcr_id: 1n }, { mcr_id: 2n })).toEqual({ mcr_id: [1n, 2n] });
  });
});

/**
 * platform.md §3.7 (an onContactUpdate, retyped and trimmed). The platform adds `event`
 * (our `name`), currentHost and iparams when it delivers; the rest is ours to match.
 */
const SAMPLE = {
  account_id: '1967183444532229946',
  domain: 'acme.myfreshworks.com',
  region: 'US',
  timestamp: 1593015490.2012472,
  data: {
    actor: {
      id: 1437, name: 'John Doe', email: 'john@acme.test', type: 'user', uuid: '190440313184929466',
      is_active: true, time_zone: 'UTC', language: 'en', deal_pipeline_id: 154,
      job_title: null, work_number: null, mobile_number: null, is_forgotten: false,
      created_at: '2020-06-09T12:21:48Z', updated_at: '2020-06-11T08:57:10Z',
    },
    contact: {
      id: 5470, is_deleted: false, status: 'Active', mcr_id: 1270358963238764500,
      first_name: { label: 'First name', type: 'text', value: 'Jane' },
      last_name: { label: 'Last name', type: 'text', value: 'Doe' },
      owner_id: { label: 'Sales owner', type: 'dropdown', value: 1437 },
      mobile_number: { label: 'Mobile', type: 'phone_number', value: '999999' },
      emails: { label: 'Emails', type: 'group_field', value: [] },
      name: { label: 'Name', dom_type: 'text', value: 'Jane Doe' },
      updated_at: { label: 'Updated at', type: 'date_time', value: '2020-06-11T09:04:50Z' },
      sales_account_ids: [], list_ids: [], team_user_ids: [],
      custom_fields: [{ name: 'cf_tier', label: 'Tier', type: 'dropdown', value: 'Gold', column: 'cf_str01' }],
    },
    associations: { owner: { id: 1437, name: 'John Doe', type: 'user' }, sales_accounts: [], contact_status: null, lists: [], team_users: [] },
    changes: {
      model_changes: { first_name: ['Janet', 'Jane'], updated_at: ['2020-06-09T14:16:05Z', '2020-06-11T09:04:50Z'] },
      system_changes: {},
      misc_changes: {},
    },
  },
};

/** Trimmed levels of the sample: ours may carry more keys there; everywhere else the keys match exactly. */
const TRIMMED = new Set(['data', 'data.contact', 'data.associations', 'data.associations.owner']);

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'bigint' ? 'number' : typeof value);

/** Every path where `built` does not have the sample's structure. */
function shapeDifferences(sample: unknown, built: unknown, path: string): string[] {
  if (kind(sample) === 'array') return kind(built) === 'array' ? arrayDifferences(sample as unknown[], built as unknown[], path) : [`${path}: not an array`];
  if (kind(sample) !== 'object') return [];
  if (kind(built) !== 'object') return [`${path}: not an object`];
  return objectDifferences(sample as Record<string, unknown>, built as Record<string, unknown>, path);
}

function arrayDifferences(sample: unknown[], built: unknown[], path: string): string[] {
  if (sample.length === 0 || built.length === 0) return [];
  return shapeDifferences(sample[0], built[0], `${path}[0]`);
}

function objectDifferences(sample: Record<string, unknown>, built: Record<string, unknown>, path: string): string[] {
  const missing = Object.keys(sample).filter((key) => !(key in built)).map((key) => `${join(path, key)}: missing`);
  const extra = TRIMMED.has(path) ? [] : Object.keys(built).filter((key) => !(key in sample)).map((key) => `${join(path, key)}: extra`);
  const nested = Object.keys(sample).filter((key) => key in built).flatMap((key) => shapeDifferences(sample[key], built[key], join(path, key)));
  return [...missing, ...extra, ...nested];
}

describe('an onContactUpdate against platform.md §3.7', () => {
  it('has the keys of the sample at every level (more only where the sample is trimmed)', () => {
    const contact = putContact(store, { ...janeDoe(store), first_name: 'Janet' });
    const after = edited(contact, (row) => {
      row.first_name = 'Jane';
    });
    const event = buildProductEvent(store, changeOf({ entity: 'contact', before: contact, after }));
    const { name, module, version, ...envelope } = event;
    expect([name, module, version]).toEqual(['onContactUpdate', 'contact', undefined]);
    expect(shapeDifferences(SAMPLE, envelope, '')).toEqual([]);
    expect(Object.keys(envelope).sort()).toEqual(Object.keys(SAMPLE).sort());
    const built = event.data as any;
    expect(kind(built.contact.mcr_id)).toBe(kind(SAMPLE.data.contact.mcr_id));
    expect(typeof built.actor.uuid).toBe('string');
    expect(changesOf(event).model_changes).toEqual({ first_name: ['Janet', 'Jane'], updated_at: ['2026-03-01T08:00:00Z', '2026-03-02T10:30:15Z'] });
  });
});
