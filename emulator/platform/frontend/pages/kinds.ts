import type { ClientEventName, EntityType } from '../../../../common/platform/client';

/**
 * The three record kinds the product pages show, with every name each part of the emulator
 * uses for them. Shared by the server pages and the host script (no Node imports here).
 */
export interface KindInfo {
  kind: EntityType;
  /** `/crm/sales/<segment>` in the product's URLs (accounts, not sales_accounts). */
  segment: 'contacts' | 'deals' | 'accounts';
  /** The stand-in's API path and table: `/contacts/:id`, `store.sales_accounts`. */
  collection: 'contacts' | 'deals' | 'sales_accounts';
  /** The API body's key: `{"contact": {…}}`. */
  key: 'contact' | 'deal' | 'sales_account';
  label: string;
  plural: string;
  /** The placeholder of the apps drawer on this kind's details page (platform.md §1.3). */
  placeholder: string;
  /** Fired to the app after the page edits the record (platform.md §7.3: account.update, not sales_account.update). */
  updateEvent: ClientEventName;
}

export const KINDS: Record<EntityType, KindInfo> = {
  contact: {
    kind: 'contact',
    segment: 'contacts',
    collection: 'contacts',
    key: 'contact',
    label: 'Contact',
    plural: 'Contacts',
    placeholder: 'contact_entity_menu',
    updateEvent: 'contact.update',
  },
  deal: {
    kind: 'deal',
    segment: 'deals',
    collection: 'deals',
    key: 'deal',
    label: 'Deal',
    plural: 'Deals',
    placeholder: 'deal_entity_menu',
    updateEvent: 'deal.update',
  },
  sales_account: {
    kind: 'sales_account',
    segment: 'accounts',
    collection: 'sales_accounts',
    key: 'sales_account',
    label: 'Account',
    plural: 'Accounts',
    placeholder: 'sales_account_entity_menu',
    updateEvent: 'account.update',
  },
};

export const KIND_LIST: KindInfo[] = [KINDS.contact, KINDS.sales_account, KINDS.deal];

export const recordPath = (kind: EntityType, id: number | string): string => `/crm/sales/${KINDS[kind].segment}/${id}`;

/** Where the host page posts its record edits: `/__fdk/host-api/<collection>/<id>`. */
export const HOST_API_PREFIX = '/__fdk/host-api';
export const HOST_SCRIPT_PATH = '/__fdk/host.js';
export const HOST_STYLE_PATH = '/__fdk/host.css';
export const HOST_DATA_ID = 'fdk-host-data';

/** Fields the page's quick-edit form may change, per kind. */
export const EDITABLE_FIELDS: Record<EntityType, readonly string[]> = {
  contact: ['first_name', 'last_name', 'job_title'],
  deal: ['name', 'amount'],
  sales_account: ['name', 'website'],
};

/** What `POST /__fdk/host-api/…` answers. */
export type HostApiAnswer =
  | { ok: true; record: unknown; display: Record<string, string> }
  | { ok: false; status: number; message: string };
