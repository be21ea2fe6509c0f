import type { CrmStore } from '../store';
import type { ProductEvent, StoreChange } from './change-feed';

const EVENT_NAMES: Record<StoreChange['entity'], { module: string; model: string }> = {
  contact: { module: 'contact', model: 'Contact' },
  deal: { module: 'deal', model: 'Deal' },
  sales_account: { module: 'sales_account', model: 'SalesAccount' },
  task: { module: 'task', model: 'Task' },
  appointment: { module: 'appointment', model: 'Appointment' },
  sales_activity: { module: 'sales_activities', model: 'SalesActivity' },
};

/** onContactCreate, onSalesActivityUpdate, … (platform.md §1.2). */
export function eventName(change: StoreChange): string {
  return `on${EVENT_NAMES[change.entity].model}${change.before === undefined ? 'Create' : 'Update'}`;
}

/**
 * The envelope of a product event; `data` is built per entity in the shape of platform.md
 * §3.2–3.6.
 */
export function buildProductEvent(store: CrmStore, change: StoreChange): ProductEvent {
  return {
    name: eventName(change),
    module: EVENT_NAMES[change.entity].module,
    account_id: store.account.accountId,
    domain: store.account.domain,
    region: store.account.region,
    timestamp: change.at / 1000,
    ...(change.entity === 'sales_activity' ? { version: '2.0' } : {}),
    data: { actor: { id: change.actor.id, name: change.actor.display_name, type: 'user' }, [change.entity]: change.after },
  };
}
