import { created, type CrmHandler } from '../context';
import type { Id, PhoneCallRow } from '../model/types';
import { phoneCallJson } from '../serialize/activities';
import type { CrmStore } from '../store';
import { LONG_TEXT, refuseBlank, serializeContext } from './activity-common';
import type { RegisterRoutes } from './index';
import { unwrap } from './shared/body';
import { parseFields, requirePresent, type FieldRules } from './shared/fields';
import { newBase } from './shared/records';
import { parseTargetable, type Targetable } from './targetables';

/**
 * `POST /phone_calls`, the manual call log (freshsales-api.md §2, [P]):
 * `{"phone_call": {call_direction, targetable_type, targetable_id, note, outcome_id?,
 * call_duration?}}` → 201 `{"phone_call": {…}}`. Kept simple on purpose:
 * - [U] `call_direction` is a boolean, true = outgoing, false = incoming; it is required.
 * - [U] `outcome_id` must be an outcome of the account's "Call" sales activity type.
 * - [U] `call_duration` is whole seconds, 0 to 86 400.
 * - No list, read, update or delete route: the reference names only the create. A logged call
 *   sends no product event (there is no phone call event in the feed).
 */

/** The "Call" type is found by its internal name; ids and display names vary by account (api §6). */
function isCallOutcome(store: CrmStore, id: Id): boolean {
  const call = store.metadata.sales_activity_types.find((type) => type.internal_name === 'call');
  return store.metadata.sales_activity_outcomes.some((outcome) => outcome.id === id && outcome.sales_activity_type_id === call?.id);
}

const RULES: FieldRules = {
  call_direction: { type: 'boolean' },
  note: { type: 'string', max: LONG_TEXT },
  outcome_id: { type: 'ref', exists: isCallOutcome, label: 'Outcome' },
  call_duration: { type: 'integer', min: 0, max: 86_400 },
};

const HANDLED = ['targetable_type', 'targetable_id'] as const;

const logCall: CrmHandler = (request, context) => {
  const input = unwrap(request.body, 'phone_call');
  requirePresent(input, ['call_direction']);
  refuseBlank(input, ['call_direction']);
  const values = parseFields(context.store, input, RULES, HANDLED) as Partial<PhoneCallRow>;
  const target = parseTargetable(context.store, input, { required: true, creating: true }) as Targetable;
  const now = context.clock.now();
  const row: PhoneCallRow = {
    ...newBase(context.store.phone_calls, request.actor, now),
    call_direction: true,
    note: null,
    outcome_id: null,
    call_duration: null,
    recording_url: null,
    ...values,
    targetable_type: target.type,
    targetable_id: target.id,
  };
  context.store.phone_calls.put(row);
  return created({ phone_call: phoneCallJson(serializeContext(context), row) });
};

export const registerPhoneCalls: RegisterRoutes = (router) => {
  router.add('POST', '/phone_calls', logCall);
};
