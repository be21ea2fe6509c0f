import { contactData } from '../test/section-fixtures';
import {
  convertedContactBody,
  convertedDealBody,
  defaultTargetStage,
  isLeadStage,
  lifecycleStageOptions,
  sameName,
  statusesOfStage,
  statusOptions,
  targetStages,
} from './lead-conversion';

const STAGES = lifecycleStageOptions({
  lifecycle_stages: [
    { id: 3, name: 'Customer', position: 3, type: 'Customer', contact_status_ids: [30] },
    { id: 1, name: 'Lead', position: 1, type: 'Lead', contact_status_ids: [10, 11] },
    { id: 4, name: 'Evangelist', position: 4, type: 'Custom', disabled: true },
    { id: 2, name: 'Qualified', position: 2, type: 'Sales Qualified Lead', contact_status_ids: [] },
    { id: 5, name: 'Broken', position: 'first' },
  ],
});
const STATUSES = statusOptions({
  contact_statuses: [
    { id: 11, name: 'Contacted', position: 2, lifecycle_stage_id: 1 },
    { id: 10, name: 'New', position: 1, lifecycle_stage_id: 1 },
    { id: 20, name: 'Demo booked', position: 3, lifecycle_stage_id: 2 },
    { id: 30, name: 'Won', position: 4, lifecycle_stage_id: null },
  ],
});

describe('lifecycle stages', () => {
  it('orders the stages, keeps their type and statuses, and skips what does not parse', () => {
    expect(STAGES.map((stage) => [stage.id, stage.type, stage.disabled])).toEqual([
      [1, 'Lead', false],
      [2, 'Sales Qualified Lead', false],
      [3, 'Customer', false],
      [4, 'Custom', true],
    ]);
  });

  it('calls a contact a lead by the stage type, never the name', () => {
    expect(isLeadStage(STAGES, 1)).toBe(true);
    expect(isLeadStage(STAGES, 2)).toBe(true);
    expect(isLeadStage(STAGES, 3)).toBe(false);
    expect(isLeadStage(STAGES, undefined)).toBe(false);
  });

  it('offers every enabled stage but the current, the next one first', () => {
    expect(targetStages(STAGES, 1).map((stage) => stage.id)).toEqual([2, 3]);
    expect(defaultTargetStage(STAGES, 1)?.id).toBe(2);
    expect(defaultTargetStage(STAGES, 2)?.id).toBe(3);
    expect(defaultTargetStage(STAGES, 3)?.id).toBe(1);
    expect(defaultTargetStage(STAGES, undefined)?.id).toBe(1);
  });

  it('finds a stage\'s statuses by either side of the link, in order', () => {
    expect(statusesOfStage(STATUSES, STAGES[0]).map((status) => status.name)).toEqual(['New', 'Contacted']);
    expect(statusesOfStage(STATUSES, STAGES[1]).map((status) => status.name)).toEqual(['Demo booked']);
    expect(statusesOfStage(STATUSES, STAGES[2]).map((status) => status.name)).toEqual(['Won']);
    expect(statusesOfStage(STATUSES, undefined)).toEqual([]);
  });
});

describe('conversion bodies', () => {
  it('compares account names as people read them', () => {
    expect(sameName(' ACME ', 'acme')).toBe(true);
    expect(sameName(null, 'acme')).toBe(false);
    expect(sameName('Acme Labs', 'Acme')).toBe(false);
  });

  it('makes the converted-to account primary only for a contact without accounts, and does not link one twice', () => {
    const loner = contactData({ accounts: [] });
    expect(convertedContactBody(loner, { stageId: 3, statusId: 30, accountName: 'Acme', deal: null }, 9)).toEqual({
      contact: { lifecycle_stage_id: 3, contact_status_id: 30, sales_accounts: [{ id: 9, is_primary: true }] },
    });
    const linked = contactData();
    expect(convertedContactBody(linked, { stageId: 3, statusId: null, accountName: 'Acme Corp', deal: null }, linked.accounts[0]?.id)).toEqual({ contact: { lifecycle_stage_id: 3 } });
  });

  it('puts custom deal fields under custom_field, links contact and account', () => {
    const data = contactData();
    expect(convertedDealBody(data, { name: 'Rollout', cf_order_ref: 'SO-1', amount: null }, undefined)).toEqual({
      deal: { deal_pipeline_id: 402000189098, name: 'Rollout', custom_field: { cf_order_ref: 'SO-1' }, contacts_added_list: [data.record.id] },
    });
  });
});
