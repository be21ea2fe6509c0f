/**
 * The product events the app handles (platform.md §1.2, §3.3–3.5): which entity each one
 * carries under `data.<entity>` and whether it is a create or an update.
 */
export type EventEntity = 'contact' | 'deal' | 'sales_account';

export interface ProductEventSpec {
  entity: EventEntity;
  change: 'create' | 'update';
}

export const PRODUCT_EVENTS = {
  onContactCreate: { entity: 'contact', change: 'create' },
  onContactUpdate: { entity: 'contact', change: 'update' },
  onDealCreate: { entity: 'deal', change: 'create' },
  onDealUpdate: { entity: 'deal', change: 'update' },
  onSalesAccountCreate: { entity: 'sales_account', change: 'create' },
  onSalesAccountUpdate: { entity: 'sales_account', change: 'update' },
} as const satisfies Record<string, ProductEventSpec>;

export type ProductEventName = keyof typeof PRODUCT_EVENTS;

export function isProductEventName(name: unknown): name is ProductEventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(PRODUCT_EVENTS, name);
}
