import { badRequest } from '../http/errors';
import type { ChoiceRow, Id, SalesAccountRow, UserRow } from '../model/types';
import { ID_BASES, type CrmStore } from '../store';
import { activeUser, attempt, mcrIdOf } from './contact-writes';
import type { JsonObject } from './shared/body';
import { applyCustomFields } from './shared/custom-fields';
import { parseFields, requirePresent, type FieldRule, type FieldRules } from './shared/fields';
import { findChoice } from './shared/side-loads';

/**
 * Validation of sales account writes (freshsales-api.md §4.2) on a draft copy, so a 400 leaves
 * the stored account untouched; the id is handed out only when the draft is stored.
 */

export const ACCOUNT_RECORD_TYPE_ID = '402010794477';
const ACCOUNT_MCR_BASE = 1712345678902234567n;

type ChoicePick = (store: CrmStore) => readonly ChoiceRow[];
const choiceRef = (pick: ChoicePick): FieldRule => ({ type: 'ref', exists: (store, id) => findChoice(pick(store), id) !== undefined });
const text: FieldRule = { type: 'string' };

const ACCOUNT_RULES: FieldRules = {
  name: { type: 'string', required: true },
  address: { type: 'string', max: 2000 },
  city: text,
  state: text,
  zipcode: text,
  country: text,
  number_of_employees: { type: 'integer', min: 0 },
  annual_revenue: { type: 'number' },
  website: { type: 'url' },
  phone: text,
  owner_id: { type: 'ref', exists: activeUser },
  industry_type_id: choiceRef((store) => store.metadata.industry_types),
  business_type_id: choiceRef((store) => store.metadata.business_types),
  territory_id: choiceRef((store) => store.metadata.territories),
  parent_sales_account_id: { type: 'ref', exists: (store, id) => store.sales_accounts.get(id) !== undefined, label: 'Parent sales account' },
  facebook: text,
  twitter: text,
  linkedin: text,
  tags: { type: 'tags' },
};

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Names are unique among live accounts, compared without case or outer spaces (api §4.2). Whether
 * the real service also counts accounts in the recycle bin is [U]; here they do not block a name.
 */
export function findAccountByName(store: CrmStore, name: string): SalesAccountRow | undefined {
  return store.sales_accounts.all().find((account) => sameName(account.name, name));
}

function checkName(store: CrmStore, draft: SalesAccountRow): void {
  const holder = findAccountByName(store, draft.name);
  if (holder !== undefined && holder.id !== draft.id) throw badRequest('Name has already been taken');
}

/** The parent must be another account, and not one of this account's descendants. */
function checkParent(store: CrmStore, draft: SalesAccountRow): void {
  const seen = new Set<Id>([draft.id]);
  let parentId = draft.parent_sales_account_id;
  while (parentId !== null) {
    if (seen.has(parentId)) throw badRequest('Parent sales account is invalid');
    seen.add(parentId);
    parentId = store.sales_accounts.raw(parentId)?.parent_sales_account_id ?? null;
  }
}

export function blankAccount(actor: UserRow, now: number): SalesAccountRow {
  return {
    id: 0, created_at: now, updated_at: now, creater_id: actor.id, updater_id: actor.id, is_deleted: false,
    name: '', address: null, city: null, state: null, zipcode: null, country: null, number_of_employees: null,
    annual_revenue: null, website: null, phone: null, owner_id: null, industry_type_id: null, business_type_id: null,
    territory_id: null, parent_sales_account_id: null, facebook: null, twitter: null, linkedin: null,
    recent_note: null, tags: [], last_contacted: null, last_contacted_mode: null, last_assigned_at: null,
    team_user_ids: null, record_type_id: ACCOUNT_RECORD_TYPE_ID, mcr_id: 0n, custom_field: {},
  };
}

/**
 * `base` with `input` applied, validated, not stored. `isNew`: a create, where `name` and the
 * required custom fields must be given.
 */
export function accountDraft(store: CrmStore, input: JsonObject, base: SalesAccountRow, isNew: boolean): SalesAccountRow {
  if (isNew) requirePresent(input, ['name']);
  const errors: string[] = [];
  const simple = attempt(errors, () => parseFields(store, input, ACCOUNT_RULES, ['custom_field'])) ?? {};
  const custom_field = attempt(errors, () => applyCustomFields(store, 'sales_accounts', input.custom_field, isNew ? undefined : base.custom_field));
  if (errors.length > 0) throw badRequest(...errors);
  const draft: SalesAccountRow = { ...structuredClone(base), ...simple, custom_field: custom_field ?? {} };
  draft.name = draft.name.trim();
  // Checked when the name is set (or the record is new), so an old duplicate does not block other edits.
  if (draft.id === 0 || input.name !== undefined) checkName(store, draft);
  checkParent(store, draft);
  return draft;
}

export function storeNewAccount(store: CrmStore, draft: SalesAccountRow): SalesAccountRow {
  draft.id = store.sales_accounts.allocateId();
  draft.mcr_id = mcrIdOf(draft.id, ID_BASES.sales_accounts, ACCOUNT_MCR_BASE);
  return store.sales_accounts.put(draft);
}
