import type { SerializeContext } from '../serialize/context';
import type { CrmStore } from '../store';
import { salesAccountAssociations, salesAccountRecord } from './account-event';
import { eventUser } from './associations';
import type { ChangedRecord, ProductEvent, StoreChange } from './change-feed';
import { eventChanges } from './changes';
import { contactAssociations, contactRecord } from './contact-event';
import { dealAssociations, dealRecord } from './deal-event';
import {
  appointmentAssociations, appointmentRecord, salesActivityAssociations, salesActivityRecord, taskAssociations, taskRecord,
} from './flat-events';

type Entity = StoreChange['entity'];
type RowOf<E extends Entity> = Extract<ChangedRecord, { entity: E }>['after'];

/** How one entity's `data.<entity>` and `data.associations` are built (platform.md §3.3–3.6). */
interface EntityEvent<R> {
  module: string;
  model: string;
  /** "2.0" on sales activity events only (§3.1). */
  version?: string;
  record: (context: SerializeContext, row: R) => Record<string, unknown>;
  associations: (context: SerializeContext, row: R) => Record<string, unknown>;
}

const EVENTS: { [E in Entity]: EntityEvent<RowOf<E>> } = {
  contact: { module: 'contact', model: 'Contact', record: contactRecord, associations: contactAssociations },
  deal: { module: 'deal', model: 'Deal', record: dealRecord, associations: dealAssociations },
  sales_account: { module: 'sales_account', model: 'SalesAccount', record: salesAccountRecord, associations: salesAccountAssociations },
  task: { module: 'task', model: 'Task', record: taskRecord, associations: taskAssociations },
  appointment: { module: 'appointment', model: 'Appointment', record: appointmentRecord, associations: appointmentAssociations },
  // Module key plural, event name singular (§1.2).
  sales_activity: {
    module: 'sales_activities',
    model: 'SalesActivity',
    version: '2.0',
    record: salesActivityRecord,
    associations: salesActivityAssociations,
  },
};

/** The builder of the change's entity; the union of rows is narrowed by `entity` at run time. */
const eventOf = (change: StoreChange) => EVENTS[change.entity] as unknown as EntityEvent<ChangedRecord['after']>;

/** onContactCreate, onSalesActivityUpdate, … (platform.md §1.2). */
export function eventName(change: StoreChange): string {
  return `on${EVENTS[change.entity].model}${change.before === undefined ? 'Create' : 'Update'}`;
}

/**
 * `data`: actor, the record, its associations and, on updates, the changes. Computed values
 * (deal age, deal totals) are taken at the moment of the change; the `before` record is built
 * with the same builder so that only real differences show in model_changes.
 */
function eventData(store: CrmStore, change: StoreChange): Record<string, unknown> {
  const context: SerializeContext = { store, now: change.at };
  const builder = eventOf(change);
  const record = builder.record(context, change.after);
  const data = { actor: eventUser(change.actor), [change.entity]: record, associations: builder.associations(context, change.after) };
  if (change.before === undefined) return data;
  return { ...data, changes: eventChanges(builder.record(context, change.before), record) };
}

/**
 * The product event the real service sends for a write (platform.md §3), minus what the
 * platform adds when delivering it (currentHost, iparams, app_settings).
 */
export function buildProductEvent(store: CrmStore, change: StoreChange): ProductEvent {
  const { module, version } = EVENTS[change.entity];
  return {
    name: eventName(change),
    module,
    account_id: store.account.accountId,
    domain: store.account.domain,
    region: store.account.region,
    // Epoch seconds with a fraction, as the CRM samples carry (§3.1).
    timestamp: change.at / 1000,
    ...(version === undefined ? {} : { version }),
    data: eventData(store, change),
  };
}
