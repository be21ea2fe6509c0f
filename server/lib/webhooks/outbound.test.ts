import type { ProductEventName } from '../../../common/product-events/names';
import type { WebhookEnvelope } from '../../../common/webhooks/types';
import { stageMove } from '../triggers/deal-stage';
import { parseProductEvent, type ParsedEvent } from '../triggers/parse';
import { BODY_MAX_CHARS } from '../queue/item';
import { bodyOf, deliveryItem, envelopeOf, listsAdded, outboundFor, type Outbound } from './outbound';
import { messageId } from './signature';

const NOW = Date.parse('2026-03-04T12:00:00Z');
/** The envelope timestamp: seconds with a fraction, as CRM samples send it (platform.md §3.1). */
const EVENT_SECONDS = 1772619635.25;
const EVENT_AT = 1772619635250;
const seconds = (iso: string): string => String(Date.parse(iso) / 1000);

const CONTACT_ID = 402000500470;
const DEAL_ID = 402000401001;
const ACCOUNT_ID = 402000300010;
const OPEN = 402000010201;
const NEGOTIATION = 402000010202;
const WON = 402000010205;
const LOST = 402000010206;
const STAGES: Record<string, string> = { [OPEN]: 'Open', [NEGOTIATION]: 'Open', [WON]: 'Closed Won', [LOST]: 'Closed Lost' };
const STAGE_INFO: Record<number, { name: string; forecast_type: string; position: number }> = {
  [OPEN]: { name: 'New', forecast_type: 'Open', position: 1 },
  [NEGOTIATION]: { name: 'Negotiation', forecast_type: 'Open', position: 3 },
  [WON]: { name: 'Won', forecast_type: 'Closed Won', position: 5 },
  [LOST]: { name: 'Lost', forecast_type: 'Closed Lost', position: 6 },
};
const LOST_REASON = { id: 402000000801, name: 'Price too high' };

const CONTACT_CREATED = '2026-03-04T10:00:00Z';
const CONTACT_UPDATED = '2026-03-04T10:20:30Z';

function payload(event: ProductEventName, data: Record<string, unknown>, timestamp: number = EVENT_SECONDS): Record<string, unknown> {
  return {
    account_id: '1967183444532229946',
    domain: 'acme.myfreshworks.com',
    event,
    region: 'US',
    timestamp,
    currentHost: { subscribed_modules: ['contact', 'deal', 'sales_account'], endpoint_urls: { freshworks_crm: 'https://acme.myfreshworks.com' } },
    iparams: {},
    data,
  };
}

function parsed(event: ProductEventName, data: Record<string, unknown>, timestamp?: number): ParsedEvent {
  const result = parseProductEvent(event, payload(event, data, timestamp), NOW);
  if (!result.ok) throw new Error(result.failure);
  return result.value;
}

const changesOf = (modelChanges: Record<string, [unknown, unknown]>) => ({ changes: { model_changes: modelChanges, system_changes: {}, misc_changes: {} } });

function contactRecord(updatedAt: string = CONTACT_UPDATED): Record<string, unknown> {
  return {
    id: CONTACT_ID,
    mcr_id: 1270358963238764500,
    first_name: { label: 'First name', type: 'text', value: 'Jane' },
    creator_id: { label: 'Created by', type: 'dropdown', value: 402000000031 },
    emails: { label: 'Emails', type: 'group_field', value: [{ id: 402000777001, value: 'jane@acme.test', is_primary: true, label: 'Work' }] },
    created_at: { label: 'Created at', type: 'date_time', value: CONTACT_CREATED },
    updated_at: { label: 'Updated at', type: 'date_time', value: updatedAt },
    list_ids: [402000000601, 402000000602],
    custom_fields: [{ name: 'cf_tier', label: 'Tier', type: 'dropdown', value: 'Gold', column: 'cf_str01' }],
  };
}

const contactCreate = () => parsed('onContactCreate', { contact: contactRecord(CONTACT_CREATED), associations: {} });
const contactUpdate = (modelChanges: Record<string, [unknown, unknown]>, updatedAt?: string) =>
  parsed('onContactUpdate', { contact: contactRecord(updatedAt), associations: {}, ...changesOf(modelChanges) });

interface DealOptions {
  from?: number;
  to?: number;
  stageUpdated?: string;
  timestamp?: number;
}

function dealRecord(stage: number, stageUpdated: string): Record<string, unknown> {
  return {
    id: DEAL_ID,
    name: { label: 'Name', type: 'text', value: 'Acme renewal' },
    amount: { label: 'Deal value', type: 'decimal', value: 12500.5 },
    deal_stage_id: { label: 'Deal stage', type: 'dropdown', value: stage },
    deal_reason_id: { label: 'Lost reason', type: 'dropdown', value: stage === LOST ? LOST_REASON.id : null },
    stage_updated_time: { label: 'Stage updated time', type: 'date_time', value: stageUpdated },
    created_at: { label: 'Created at', type: 'date_time', value: '2026-02-01T09:00:00Z' },
    updated_at: { label: 'Updated at', type: 'date_time', value: stageUpdated },
    contact_ids: [CONTACT_ID],
  };
}

function dealAssociations(stage: number): Record<string, unknown> {
  return {
    deal_stage: { id: stage, deal_pipeline_id: 402000000154, ...STAGE_INFO[stage] },
    deal_reason: stage === LOST ? LOST_REASON : null,
    deal_pipeline: { id: 402000000154, name: 'Default' },
  };
}

function dealUpdate({ from = NEGOTIATION, to = WON, stageUpdated = '2026-03-04T10:20:30Z', timestamp }: DealOptions = {}): ParsedEvent {
  const data = { deal: dealRecord(to, stageUpdated), associations: dealAssociations(to), ...changesOf({ deal_stage_id: [from, to], updated_at: ['2026-03-01T08:00:00Z', stageUpdated] }) };
  return parsed('onDealUpdate', data, timestamp);
}

const dealCreate = () => parsed('onDealCreate', { deal: dealRecord(OPEN, '2026-02-01T09:00:00Z'), associations: dealAssociations(OPEN) });

function moveOf(event: ParsedEvent) {
  if (event.entity !== 'deal') throw new Error('not a deal');
  return stageMove(event.data, STAGES, event.at);
}

const accountRecord = () => ({
  id: ACCOUNT_ID,
  name: { label: 'Name', type: 'text', value: 'Acme GmbH' },
  website: { label: 'Website', type: 'url', value: 'https://www.acme.test' },
  annual_revenue: { label: 'Annual revenue', type: 'decimal', value: 5600 },
  created_at: { label: 'Created at', type: 'date_time', value: '2026-01-05T08:00:00Z' },
  updated_at: { label: 'Updated at', type: 'date_time', value: '2026-03-04T09:00:00Z' },
});
const accountCreate = () => parsed('onSalesAccountCreate', { sales_account: accountRecord(), associations: {} });
const accountUpdate = (modelChanges: Record<string, [unknown, unknown]>) => parsed('onSalesAccountUpdate', { sales_account: accountRecord(), associations: {}, ...changesOf(modelChanges) });

const typesOf = (outbound: Outbound[]): string[] => outbound.map((item) => item.type);

describe('listsAdded', () => {
  it.each([
    ['no changes', undefined, []],
    ['no list change', { first_name: ['A', 'B'] }, []],
    ['lists joined', { list_ids: [[1, 2], [1, 2, 3, 4]] }, [3, 4]],
    ['the first list joined', { list_ids: [null, [7]] }, [7]],
    ['lists left', { list_ids: [[1, 2, 3], [1]] }, []],
    ['lists unchanged', { list_ids: [[1, 2], [2, 1]] }, []],
    ['one list swapped for another', { list_ids: [[1, 2], [1, 5]] }, [5]],
    ['ids as text before and numbers after', { list_ids: [['1', '2'], [1, 2, 3]] }, [3]],
    ['a value that is not a list', { list_ids: [[1], 'all'] }, []],
  ] as Array<[string, Record<string, [unknown, unknown]> | undefined, unknown[]]>)('%s → %j', (_case, changes, added) => {
    expect(listsAdded(changes)).toEqual(added);
  });
});

describe('outboundFor', () => {
  describe('contacts', () => {
    it('makes contact.created for a new contact, stamped with its creation time', () => {
      expect(outboundFor(contactCreate(), undefined)).toEqual([{ type: 'contact.created', stamp: seconds(CONTACT_CREATED), extras: {} }]);
    });

    it('makes contact.updated for a change, stamped with the update time', () => {
      expect(outboundFor(contactUpdate({ first_name: ['Janet', 'Jane'], updated_at: [CONTACT_CREATED, CONTACT_UPDATED] }), undefined)).toEqual([
        { type: 'contact.updated', stamp: seconds(CONTACT_UPDATED), extras: {} },
      ]);
    });

    it('makes nothing when only updated_at moved', () => {
      expect(outboundFor(contactUpdate({ updated_at: [CONTACT_CREATED, CONTACT_UPDATED] }), undefined)).toEqual([]);
    });

    it('makes nothing for an update without changes', () => {
      const event = parsed('onContactUpdate', { contact: contactRecord(), associations: {} });
      expect(outboundFor(event, undefined)).toEqual([]);
    });

    it('makes contact.updated and contact.list_added when the contact joined lists', () => {
      const outbound = outboundFor(contactUpdate({ list_ids: [[402000000601], [402000000601, 402000000602]], updated_at: [CONTACT_CREATED, CONTACT_UPDATED] }), undefined);
      expect(outbound).toEqual([
        { type: 'contact.updated', stamp: seconds(CONTACT_UPDATED), extras: {} },
        { type: 'contact.list_added', stamp: seconds(CONTACT_UPDATED), extras: { list_ids_added: [402000000602] } },
      ]);
    });

    it('makes only contact.updated when the contact left a list', () => {
      expect(typesOf(outboundFor(contactUpdate({ list_ids: [[402000000601, 402000000602], [402000000601]] }), undefined))).toEqual(['contact.updated']);
    });

    it('makes no contact.list_added when the lists did not grow', () => {
      expect(typesOf(outboundFor(contactUpdate({ list_ids: [[402000000601], [402000000601]] }), undefined))).not.toContain('contact.list_added');
    });

    it('falls back to the event time for a record without times', () => {
      const event = parsed('onContactCreate', { contact: { id: CONTACT_ID }, associations: {} });
      expect(outboundFor(event, undefined)).toEqual([{ type: 'contact.created', stamp: String(Math.floor(EVENT_AT / 1000)), extras: {} }]);
    });
  });

  describe('deals', () => {
    it('makes deal.created for a new deal', () => {
      expect(outboundFor(dealCreate(), undefined)).toEqual([{ type: 'deal.created', stamp: seconds('2026-02-01T09:00:00Z'), extras: {} }]);
    });

    it('makes deal.stage_changed and deal.won for a move into a won stage', () => {
      const event = dealUpdate({ from: NEGOTIATION, to: WON });
      const extras = { stage: { id: WON, name: 'Won', position: 5, forecast_type: 'Closed Won', deal_pipeline_id: 402000000154 }, previous_stage_id: NEGOTIATION };
      expect(outboundFor(event, moveOf(event))).toEqual([
        { type: 'deal.stage_changed', stamp: seconds('2026-03-04T10:20:30Z'), extras },
        { type: 'deal.won', stamp: seconds('2026-03-04T10:20:30Z'), extras },
      ]);
    });

    it('makes deal.stage_changed and deal.lost with the lost reason for a move into a lost stage', () => {
      const event = dealUpdate({ from: OPEN, to: LOST });
      const outbound = outboundFor(event, moveOf(event));
      expect(typesOf(outbound)).toEqual(['deal.stage_changed', 'deal.lost']);
      expect(outbound[0]?.extras).not.toHaveProperty('lost_reason');
      expect(outbound[1]?.extras).toEqual({ stage: expect.objectContaining({ id: LOST, forecast_type: 'Closed Lost' }), previous_stage_id: OPEN, lost_reason: LOST_REASON });
    });

    it('sends a null lost reason when the deal has none', () => {
      const event = dealUpdate({ from: OPEN, to: LOST });
      if (event.entity !== 'deal' || !event.data.associations) throw new Error('not a deal');
      event.data.associations.deal_reason = null;
      expect(outboundFor(event, moveOf(event))[1]?.extras.lost_reason).toBeNull();
    });

    it('makes only deal.stage_changed for a move between open stages', () => {
      const event = dealUpdate({ from: OPEN, to: NEGOTIATION });
      expect(typesOf(outboundFor(event, moveOf(event)))).toEqual(['deal.stage_changed']);
    });

    it('makes only deal.stage_changed when a won deal is reopened', () => {
      const event = dealUpdate({ from: WON, to: NEGOTIATION });
      expect(typesOf(outboundFor(event, moveOf(event)))).toEqual(['deal.stage_changed']);
    });

    it('makes nothing for an update that did not move the stage', () => {
      const event = parsed('onDealUpdate', { deal: dealRecord(OPEN, '2026-03-04T10:20:30Z'), associations: dealAssociations(OPEN), ...changesOf({ amount: ['100.0', '200.0'] }) });
      expect(moveOf(event)).toBeUndefined();
      expect(outboundFor(event, undefined)).toEqual([]);
    });
  });

  describe('accounts', () => {
    it('makes account.created for a new account', () => {
      expect(outboundFor(accountCreate(), undefined)).toEqual([{ type: 'account.created', stamp: seconds('2026-03-04T09:00:00Z'), extras: {} }]);
    });

    it('makes account.updated for a change', () => {
      expect(typesOf(outboundFor(accountUpdate({ website: [null, 'https://www.acme.test'] }), undefined))).toEqual(['account.updated']);
    });

    it('makes nothing when only updated_at moved', () => {
      expect(outboundFor(accountUpdate({ updated_at: ['2026-03-01T08:00:00Z', '2026-03-04T09:00:00Z'] }), undefined)).toEqual([]);
    });
  });
});

describe('envelopeOf', () => {
  it('wraps a created contact as {id, type, timestamp, data} with the REST record and no changes', () => {
    const event = contactCreate();
    const outbound = outboundFor(event, undefined)[0] as Outbound;
    const envelope = envelopeOf(event, outbound);
    expect(envelope).toEqual({
      id: messageId('contact.created', String(CONTACT_ID), seconds(CONTACT_CREATED)),
      type: 'contact.created',
      timestamp: '2026-03-04T10:20:35.250Z',
      data: {
        contact: {
          id: CONTACT_ID,
          first_name: 'Jane',
          creater_id: 402000000031,
          emails: [{ id: 402000777001, value: 'jane@acme.test', is_primary: true, label: 'Work' }],
          email: 'jane@acme.test',
          created_at: CONTACT_CREATED,
          updated_at: CONTACT_CREATED,
          list_ids: [402000000601, 402000000602],
          custom_field: { cf_tier: 'Gold' },
        },
      },
    });
    expect(envelope.id).toMatch(/^msg_[0-9a-f]{32}$/);
  });

  it('adds the changes of an update, in REST names, and the extras', () => {
    const event = contactUpdate({ list_ids: [[402000000601], [402000000601, 402000000602]], creator_id: [null, 402000000031], mcr_id: [1, 1270358963238764500] });
    const [, listAdded] = outboundFor(event, undefined);
    const envelope = envelopeOf(event, listAdded as Outbound);
    expect(envelope.type).toBe('contact.list_added');
    expect(envelope.data.changes).toEqual({ list_ids: [[402000000601], [402000000601, 402000000602]], creater_id: [null, 402000000031] });
    expect(envelope.data.list_ids_added).toEqual([402000000602]);
    expect(Object.keys(envelope.data)).toEqual(['contact', 'changes', 'list_ids_added']);
  });

  it('puts a deal under data.deal with money as decimal strings, the stage and the previous stage', () => {
    const event = dealUpdate({ from: NEGOTIATION, to: WON });
    const won = outboundFor(event, moveOf(event)).find((item) => item.type === 'deal.won') as Outbound;
    const { data } = envelopeOf(event, won);
    expect(data.deal).toMatchObject({ id: DEAL_ID, name: 'Acme renewal', amount: '12500.5', deal_stage_id: WON, contact_ids: [CONTACT_ID] });
    expect(data.changes).toEqual({ deal_stage_id: [NEGOTIATION, WON], updated_at: ['2026-03-01T08:00:00Z', '2026-03-04T10:20:30Z'] });
    expect(data.stage).toMatchObject({ id: WON, name: 'Won' });
    expect(data.previous_stage_id).toBe(NEGOTIATION);
  });

  it('puts an account under data.sales_account', () => {
    const event = accountCreate();
    const envelope = envelopeOf(event, outboundFor(event, undefined)[0] as Outbound);
    expect(envelope.data).toEqual({ sales_account: { id: ACCOUNT_ID, name: 'Acme GmbH', website: 'https://www.acme.test', annual_revenue: '5600.0', created_at: '2026-01-05T08:00:00Z', updated_at: '2026-03-04T09:00:00Z' } });
  });

  describe('the id', () => {
    const wonEnvelope = (options: DealOptions): WebhookEnvelope => {
      const event = dealUpdate(options);
      return envelopeOf(event, outboundFor(event, moveOf(event)).find((item) => item.type === 'deal.won') as Outbound);
    };

    it('is the same for a repeated delivery of the same event, even with a later envelope time', () => {
      const first = wonEnvelope({});
      const repeated = wonEnvelope({ timestamp: EVENT_SECONDS + 120 });
      expect(repeated.id).toBe(first.id);
      expect(repeated.timestamp).not.toBe(first.timestamp);
    });

    it('differs for a later win of the same deal (a new stage_updated_time)', () => {
      expect(wonEnvelope({ stageUpdated: '2026-04-10T15:00:00Z' }).id).not.toBe(wonEnvelope({}).id);
    });

    it('differs between the types one event makes', () => {
      const event = dealUpdate({});
      const ids = outboundFor(event, moveOf(event)).map((item) => envelopeOf(event, item).id);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(2);
    });

    it('differs between records with the same type and time', () => {
      const other = parsed('onContactCreate', { contact: { ...contactRecord(CONTACT_CREATED), id: CONTACT_ID + 1 }, associations: {} });
      const first = contactCreate();
      expect(envelopeOf(other, outboundFor(other, undefined)[0] as Outbound).id).not.toBe(envelopeOf(first, outboundFor(first, undefined)[0] as Outbound).id);
    });

    it('is the same for contact.updated delivered twice, and new for the next update', () => {
      const changes: Record<string, [unknown, unknown]> = { first_name: ['Janet', 'Jane'] };
      const idOf = (event: ParsedEvent) => envelopeOf(event, outboundFor(event, undefined)[0] as Outbound).id;
      expect(idOf(contactUpdate(changes))).toBe(idOf(contactUpdate(changes)));
      expect(idOf(contactUpdate(changes, '2026-03-04T11:00:00Z'))).not.toBe(idOf(contactUpdate(changes)));
    });
  });
});

describe('deliveryItem', () => {
  it('is a pending webhook due now, keyed by the envelope id, with the envelope as its body', () => {
    const event = dealUpdate({ from: NEGOTIATION, to: WON });
    const won = outboundFor(event, moveOf(event))[1] as Outbound;
    const item = deliveryItem(event, won, NOW);
    const envelope = envelopeOf(event, won);
    expect(item).toEqual({
      kind: 'webhook',
      status: 'pending',
      key: envelope.id,
      name: 'deal.won',
      record: `deal ${DEAL_ID}`,
      dueAt: NOW,
      attempts: 0,
      createdAt: NOW,
      updatedAt: NOW,
      log: [],
      state: {},
      body: JSON.stringify(envelope),
    });
    expect(JSON.parse(item.body)).toMatchObject({ id: item.key, type: 'deal.won' });
  });

  it('names the record of an account event', () => {
    const event = accountCreate();
    expect(deliveryItem(event, outboundFor(event, undefined)[0] as Outbound, NOW).record).toBe(`sales_account ${ACCOUNT_ID}`);
  });
});

describe('bodyOf', () => {
  const envelope = (changes: unknown) => ({ id: 'msg_1', type: 'contact.updated' as const, timestamp: '2026-12-02T09:00:00.000Z', data: { contact: { id: 1, recent_note: 'n'.repeat(9_000) }, changes } });

  it('is the envelope as JSON when the outbox can hold it', () => {
    const small = { id: 'msg_1', type: 'contact.updated' as const, timestamp: 't', data: { contact: { id: 1 }, changes: { city: ['A', 'B'] } } };
    expect(JSON.parse(bodyOf(small))).toEqual(small);
  });

  it('names the changed fields instead of their values when the values would not fit', () => {
    const body = bodyOf(envelope({ recent_note: ['o'.repeat(9_000), 'n'.repeat(9_000)], city: ['A', 'B'] }));
    expect(body.length).toBeLessThanOrEqual(BODY_MAX_CHARS);
    const parsed = JSON.parse(body);
    expect(parsed.data.changed_fields).toEqual(['recent_note', 'city']);
    expect(parsed.data).not.toHaveProperty('changes');
    expect(parsed.data.contact.recent_note).toHaveLength(9_000);
  });
});
