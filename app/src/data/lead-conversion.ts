import { lifecycleStageSchema } from '../../../common/crm/operations';
import type { TemplateResponse } from '../../../common/templates';
import type { FieldValue } from '../model/fields';
import { defaultPipelineId } from '../model/related';
import type { ContactData } from './types';
import { recordFields } from './writes';

/**
 * Lead conversion in Suite terms (freshsales-api.md §2 "Leads"): Suite has no leads module, a
 * lead is a contact in a lifecycle stage of type Lead or Sales Qualified Lead (`/selector/
 * lifecycle_stages`, §6). Converting moves the contact to another stage and status, and
 * optionally links it to an account (an existing one of the same name, else a new one) and
 * creates a deal for both, as Classic's `/leads/:id/convert` did with its company and deal.
 */

export interface LifecycleStageOption {
  id: number;
  name: string;
  position: number;
  type: string;
  disabled: boolean;
  statusIds: number[];
}

export interface StatusOption {
  id: number;
  name: string;
  position: number;
  stageId: number | null;
}

/** The stage types that make a contact a lead (the type, never the admin's stage name). */
export const LEAD_STAGE_TYPES: readonly string[] = ['Lead', 'Sales Qualified Lead'];

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

/** The selector's stages, in order; an item that does not parse is left out. */
export function lifecycleStageOptions(answer: TemplateResponse<'listLifecycleStages'>): LifecycleStageOption[] {
  return answer.lifecycle_stages
    .flatMap((item, index) => {
      const parsed = lifecycleStageSchema.safeParse(item);
      if (!parsed.success) return [];
      const stage = parsed.data;
      return [{ id: stage.id, name: stage.name, position: stage.position ?? index + 1, type: stage.type ?? '', disabled: stage.disabled === true, statusIds: stage.contact_status_ids ?? [] }];
    })
    .sort(byPosition);
}

export function statusOptions(answer: TemplateResponse<'listContactStatuses'>): StatusOption[] {
  return answer.contact_statuses
    .map((status, index) => ({ id: status.id, name: status.name, position: status.position ?? index + 1, stageId: status.lifecycle_stage_id ?? null }))
    .sort(byPosition);
}

export function isLeadStage(stages: readonly LifecycleStageOption[], stageId: number | undefined): boolean {
  const stage = stages.find((candidate) => candidate.id === stageId);
  return stage !== undefined && LEAD_STAGE_TYPES.includes(stage.type);
}

/** Where a lead can go: every enabled stage but its own. */
export function targetStages(stages: readonly LifecycleStageOption[], currentId: number | undefined): LifecycleStageOption[] {
  return stages.filter((stage) => stage.id !== currentId && !stage.disabled);
}

/** The stage after the current one, else the first target. */
export function defaultTargetStage(stages: readonly LifecycleStageOption[], currentId: number | undefined): LifecycleStageOption | undefined {
  const targets = targetStages(stages, currentId);
  const current = stages.find((stage) => stage.id === currentId);
  return targets.find((stage) => current === undefined || stage.position > current.position) ?? targets[0];
}

/** The statuses of a stage: those naming it, and those the stage names. */
export function statusesOfStage(statuses: readonly StatusOption[], stage: LifecycleStageOption | undefined): StatusOption[] {
  if (stage === undefined) return [];
  return statuses.filter((status) => status.stageId === stage.id || stage.statusIds.includes(status.id));
}

export interface Conversion {
  stageId: number;
  statusId: number | null;
  /** Link the contact to this account, found by name or created. */
  accountName: string | null;
  /** Deal field values in request form (`toRequestValues`), or null for no deal. */
  deal: Record<string, FieldValue> | null;
}

/** Names match ignoring case and surrounding spaces, as people read them. */
export const sameName = (a: string | null | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/** `POST /filtered_search/sales_account` for an account of that name (api §5). */
export function accountByNameBody(name: string): Record<string, unknown> {
  return { filter_rule: [{ attribute: 'name', operator: 'is', value: name.trim() }] };
}

export function newAccountBody(name: string, ownerId: number | undefined): Record<string, unknown> {
  return { sales_account: { name: name.trim(), ...(ownerId === undefined ? {} : { owner_id: ownerId }) } };
}

/**
 * The contact's new stage and status, and its accounts with the converted-to account added
 * (primary when it has none). `sales_accounts` replaces the list (api §4.1), so the current
 * links are sent too.
 */
export function convertedContactBody(data: ContactData, conversion: Conversion, accountId: number | undefined): Record<string, unknown> {
  const linked = data.accounts.some((account) => account.id === accountId);
  const accounts =
    accountId === undefined || linked
      ? {}
      : { sales_accounts: [...data.accounts.map((account) => ({ id: account.id, is_primary: account.isPrimary })), { id: accountId, is_primary: data.accounts.length === 0 }] };
  return {
    contact: {
      lifecycle_stage_id: conversion.stageId,
      ...(conversion.statusId === null ? {} : { contact_status_id: conversion.statusId }),
      ...accounts,
    },
  };
}

/** The deal for the converted contact and its account, in the default pipeline unless chosen. */
export function convertedDealBody(data: ContactData, values: Record<string, FieldValue>, accountId: number | undefined): Record<string, unknown> {
  const pipelineId = defaultPipelineId(data.dealFields);
  const fields = recordFields(data.dealFields, { ...(pipelineId === undefined ? {} : { deal_pipeline_id: pipelineId }), ...values });
  return {
    deal: {
      ...fields,
      contacts_added_list: [data.record.id],
      ...(accountId === undefined ? {} : { sales_account_id: accountId }),
    },
  };
}
