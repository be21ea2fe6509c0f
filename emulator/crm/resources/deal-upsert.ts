import { badRequest } from '../http/errors';
import type { CustomValue, DealRow } from '../model/types';
import type { CrmStore } from '../store';
import { isObject, unwrap, type JsonObject } from './shared/body';
import { customFieldSettings } from './shared/custom-fields';

/**
 * `POST /deals/upsert` identifies the deal by one unique field, usually a `cf_` field
 * (freshsales-api.md §2 [P]). Field settings carry no "unique" flag, so the stand-in reads it
 * this way [U]: the identifier is exactly one deal custom field of a type that can hold a key
 * (text, number, email, url, phone number), e.g. `{"cf_order_ref": "SO-1001"}`. `name` is not
 * accepted: deal names are not unique in Freshsales.
 */
const KEY_TYPES = ['text', 'number', 'email', 'url', 'phone_number'];

export interface UpsertTarget {
  /** The deal fields to write, the identifier folded into `custom_field`. */
  input: JsonObject;
  /** The deal the identifier names, or undefined when the upsert creates one. */
  match: DealRow | undefined;
}

const isKeyValue = (value: unknown): value is string | number =>
  (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value));

function identifierOf(store: CrmStore, body: JsonObject): [string, CustomValue] {
  const identifier = body.unique_identifier;
  const entries = isObject(identifier) ? Object.entries(identifier) : [];
  if (entries.length !== 1) throw badRequest('unique_identifier must be an object with exactly one unique field');
  const [name, value] = entries[0] as [string, unknown];
  const field = customFieldSettings(store, 'deals').find((candidate) => candidate.name === name);
  if (field === undefined || !KEY_TYPES.includes(field.type)) throw badRequest(`'${name}' is not a unique field of deals`);
  if (!isKeyValue(value)) throw badRequest(`unique_identifier ${name} can't be blank`);
  return [name, value];
}

/** The body's custom fields with the identifier in them; a different value for it is refused. */
function withIdentifier(input: JsonObject, name: string, value: CustomValue): JsonObject {
  const sent = input.custom_field;
  if (sent !== undefined && !isObject(sent)) return input;
  const fields = sent ?? {};
  if (fields[name] !== undefined && fields[name] !== value) throw badRequest(`custom_field ${name} differs from unique_identifier`);
  return { ...input, custom_field: { ...fields, [name]: value } };
}

function findMatch(store: CrmStore, name: string, value: CustomValue): DealRow | undefined {
  const matches = store.deals.all().filter((deal) => deal.custom_field[name] === value);
  // Which record the service would pick is unknown; refusing keeps clients off ambiguous keys.
  if (matches.length > 1) throw badRequest(`More than one deal has ${name} ${String(value)}`);
  return matches[0];
}

export function upsertTarget(store: CrmStore, body: unknown): UpsertTarget {
  const input = unwrap(body, 'deal', ['unique_identifier']);
  const [name, value] = identifierOf(store, body as JsonObject);
  return { input: withIdentifier(input, name, value), match: findMatch(store, name, value) };
}
