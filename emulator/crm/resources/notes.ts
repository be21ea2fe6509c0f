import { created, ok, type CrmContext, type CrmHandler, type CrmRequest } from '../context';
import { badRequest } from '../http/errors';
import type { Id, NoteRow, TargetableType } from '../model/types';
import { noteJson } from '../serialize/activities';
import type { CrmStore } from '../store';
import type { RegisterRoutes } from './index';
import { unwrap, type JsonObject } from './shared/body';
import { parseFields, requirePresent, type FieldRules } from './shared/fields';
import { parseId } from './shared/ids';
import { findOr404, newBase, touch } from './shared/records';
import { targetedAt } from './shared/relations';

/**
 * Notes (freshsales-api.md §2, §4.7): create, update, delete. There is no list and no
 * `GET /notes/:id`; notes are read through `include=notes` on their contact, account or deal.
 * Notes publish no product event (there are no note events).
 */

const TARGETABLE_TYPES: readonly TargetableType[] = ['Contact', 'SalesAccount', 'Deal'];

/** A generous cap on the text; the real limit is not documented. */
const DESCRIPTION_MAX = 65_535;

const CREATE_RULES: FieldRules = {
  description: { type: 'string', required: true, max: DESCRIPTION_MAX },
  targetable_type: { type: 'enum', values: TARGETABLE_TYPES },
  targetable_id: { type: 'integer', min: 1 },
};

/** Only the text changes on update; a note does not move to another record. */
const UPDATE_RULES: FieldRules = { description: CREATE_RULES.description as FieldRules[string] };

interface Targetable {
  recent_note: string | null;
}

const TARGETS: Record<TargetableType, (store: CrmStore, id: Id) => Targetable | undefined> = {
  Contact: (store, id) => store.contacts.get(id),
  SalesAccount: (store, id) => store.sales_accounts.get(id),
  Deal: (store, id) => store.deals.get(id),
};

/** The target must exist and not be in the recycle bin. */
function targetOf(store: CrmStore, type: TargetableType, id: Id): Targetable {
  const target = TARGETS[type](store, id);
  if (target === undefined) throw badRequest(`Targetable ${type} ${id} does not exist`);
  return target;
}

/**
 * The record's `recent_note` follows its latest live note, as the web app shows it [U: the
 * field is documented, what it holds is not]. Its `updated_at` does not move and no event is sent.
 */
function refreshRecentNote(store: CrmStore, type: TargetableType, id: Id): void {
  const target = TARGETS[type](store, id);
  if (target === undefined) return;
  const notes = targetedAt(store.notes.all(), type, id).sort((a, b) => b.created_at - a.created_at || b.id - a.id);
  target.recent_note = notes[0]?.description ?? null;
}

const reply = (context: CrmContext, row: NoteRow) => ({ note: noteJson({ store: context.store, now: context.clock.now() }, row) });

const noteOr404 = (request: CrmRequest, context: CrmContext): NoteRow => findOr404(context.store.notes, parseId(request.params.id), 'Note');

function parseCreate(context: CrmContext, input: JsonObject): { description: string; type: TargetableType; id: Id } {
  requirePresent(input, ['description', 'targetable_type', 'targetable_id']);
  const values = parseFields(context.store, input, CREATE_RULES);
  const type = values.targetable_type as TargetableType;
  const id = values.targetable_id as Id;
  targetOf(context.store, type, id);
  return { description: values.description as string, type, id };
}

const createNote: CrmHandler = (request, context) => {
  const { description, type, id } = parseCreate(context, unwrap(request.body, 'note'));
  const base = newBase(context.store.notes, request.actor, context.clock.now());
  const row = context.store.notes.put({ ...base, description, targetable_type: type, targetable_id: id });
  refreshRecentNote(context.store, type, id);
  return created(reply(context, row));
};

const updateNote: CrmHandler = (request, context) => {
  const row = noteOr404(request, context);
  const values = parseFields(context.store, unwrap(request.body, 'note'), UPDATE_RULES);
  if (values.description !== undefined) row.description = values.description as string;
  touch(row, request.actor, context.clock.now());
  refreshRecentNote(context.store, row.targetable_type, row.targetable_id);
  return ok(reply(context, row));
};

/**
 * Soft delete. The body is unconfirmed [U]: `{"success": "200"}`-style bodies were reported for
 * notes (freshsales-openapi README), so the stand-in answers 200 `{"success": "200"}`; clients
 * should key on the status only.
 */
const deleteNote: CrmHandler = (request, context) => {
  const row = noteOr404(request, context);
  row.is_deleted = true;
  refreshRecentNote(context.store, row.targetable_type, row.targetable_id);
  return ok({ success: '200' });
};

export const registerNotes: RegisterRoutes = (router) => {
  router.add('POST', '/notes', createNote);
  router.add('PUT', '/notes/:id', updateNote);
  router.add('DELETE', '/notes/:id', deleteNote);
};
