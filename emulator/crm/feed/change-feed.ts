import type { AppointmentRow, ContactRow, DealRow, SalesAccountRow, SalesActivityRow, TaskRow, UserRow } from '../model/types';
import type { CrmStore } from '../store';

/**
 * Every write the stand-in accepts, including the app's own, becomes the product event the
 * real service would send (platform.md §3, §3.8). Writes publish a `StoreChange`; the feed
 * turns it into the event payload at that moment and hands it to subscribers in process.
 */
export type ChangedRecord =
  | { entity: 'contact'; before?: ContactRow; after: ContactRow }
  | { entity: 'deal'; before?: DealRow; after: DealRow }
  | { entity: 'sales_account'; before?: SalesAccountRow; after: SalesAccountRow }
  | { entity: 'task'; before?: TaskRow; after: TaskRow }
  | { entity: 'appointment'; before?: AppointmentRow; after: AppointmentRow }
  | { entity: 'sales_activity'; before?: SalesActivityRow; after: SalesActivityRow };

/** `before` present ⇒ an update, absent ⇒ a create. */
export type StoreChange = ChangedRecord & { actor: UserRow; at: number };

/** A product event as the platform would deliver it, minus what the platform adds itself. */
export interface ProductEvent {
  /** onContactCreate, onDealUpdate, … */
  name: string;
  /** The manifest module that subscribes to it: contact, deal, sales_account, task, appointment, sales_activities. */
  module: string;
  account_id: string;
  domain: string;
  region: string;
  /** CRM samples carry epoch seconds with a fraction (platform.md §3.1). */
  timestamp: number;
  /** "2.0" on sales activity events (§3.1). */
  version?: string;
  data: Record<string, unknown>;
}

export type EventBuilder = (store: CrmStore, change: StoreChange) => ProductEvent;
export type EventListener = (event: ProductEvent) => void;

export class ChangeFeed {
  private readonly listeners = new Set<EventListener>();
  private readonly log: ProductEvent[] = [];

  constructor(
    private readonly build: EventBuilder,
    /** How many recent events to keep for inspection. */
    private readonly keep = 200,
  ) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Built now, so later writes cannot change what this event says. */
  publish(store: CrmStore, change: StoreChange): ProductEvent {
    const event = this.build(store, change);
    this.log.push(event);
    if (this.log.length > this.keep) this.log.shift();
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A subscriber's failure is its own; the write has already happened.
      }
    }
    return event;
  }

  recent(): readonly ProductEvent[] {
    return this.log;
  }
}
