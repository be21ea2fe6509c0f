import { created, ok, type CrmContext, type CrmHandler, type CrmRequest } from '../context';
import { badRequest } from '../http/errors';
import type { Id, ProductRow } from '../model/types';
import { at, type SerializeContext } from '../serialize/context';
import type { CrmStore } from '../store';
import type { RegisterRoutes } from './index';
import { attempt, parseItems, throwIfAny } from './line-items';
import { unwrap, type JsonObject } from './shared/body';
import { parseFields, requirePresent, type FieldRules } from './shared/fields';
import { parseId } from './shared/ids';
import { findOr404, newBase, touch } from './shared/records';

/**
 * The CPQ product catalogue: `POST /cpq/products`, `GET|PUT /cpq/products/:id`. These paths
 * come from the third-party path inventory (freshsales-openapi); freshsales-api.md has no
 * table for them, so the shape is kept simple and is the stand-in's own [U]: wrapper key
 * `product`, fields `name, category, sku_number, description, is_active, pricing: [{currency_id,
 * unit_price}]`. Deals reference these ids in `products` (api §4.3). No product events exist.
 */

const PRODUCT_RULES: FieldRules = {
  name: { type: 'string', required: true },
  category: { type: 'string' },
  sku_number: { type: 'string' },
  description: { type: 'string', max: 10_000 },
  is_active: { type: 'boolean' },
};

const PRICE_RULES: FieldRules = {
  currency_id: { type: 'ref', label: 'Currency', exists: (store, id) => store.metadata.currencies.some((c) => c.id === id && c.is_active) },
  unit_price: { type: 'decimal' },
};

type Pricing = ProductRow['pricing'];

function uniqueCurrencies(pricing: Pricing): Pricing {
  const ids = pricing.map((price) => price.currency_id);
  if (new Set(ids).size !== ids.length) throw badRequest('Pricing has more than one price for a currency');
  return pricing;
}

/** The whole price list; it replaces the stored one. */
function parsePricing(store: CrmStore, value: unknown): Pricing | undefined {
  if (value === undefined) return undefined;
  if (value === null) return [];
  const items = parseItems(store, value, 'Pricing', PRICE_RULES, ['currency_id', 'unit_price']);
  return uniqueCurrencies(items.map((item) => ({ currency_id: item.currency_id as Id, unit_price: item.unit_price as string })));
}

interface ParsedProduct {
  values: JsonObject;
  pricing: Pricing | undefined;
}

function parseProduct(store: CrmStore, input: JsonObject, isNew: boolean): ParsedProduct {
  const errors: string[] = [];
  if (isNew) attempt(errors, () => requirePresent(input, ['name']));
  const values = attempt(errors, () => parseFields(store, input, PRODUCT_RULES, ['pricing'])) ?? {};
  if (input.is_active === null) errors.push("Is active can't be blank");
  const pricing = attempt(errors, () => parsePricing(store, input.pricing));
  throwIfAny(errors);
  return { values, pricing };
}

export function productJson(context: SerializeContext, row: ProductRow): Record<string, unknown> {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    sku_number: row.sku_number,
    description: row.description,
    is_active: row.is_active,
    pricing: row.pricing,
    creater_id: row.creater_id,
    updater_id: row.updater_id,
    created_at: at(context, row.created_at),
    updated_at: at(context, row.updated_at),
  };
}

const reply = (context: CrmContext, row: ProductRow) => ({ product: productJson({ store: context.store, now: context.clock.now() }, row) });

const productOr404 = (request: CrmRequest, context: CrmContext) => findOr404(context.store.products, parseId(request.params.id), 'Product');

function applyProduct(row: ProductRow, parsed: ParsedProduct): ProductRow {
  Object.assign(row, parsed.values);
  if (parsed.pricing !== undefined) row.pricing = parsed.pricing;
  return row;
}

const createProduct: CrmHandler = (request, context) => {
  const parsed = parseProduct(context.store, unwrap(request.body, 'product'), true);
  const base = newBase(context.store.products, request.actor, context.clock.now());
  const blank: ProductRow = { ...base, name: '', category: null, sku_number: null, description: null, is_active: true, pricing: [] };
  return created(reply(context, context.store.products.put(applyProduct(blank, parsed))));
};

const showProduct: CrmHandler = (request, context) => ok(reply(context, productOr404(request, context)));

const updateProduct: CrmHandler = (request, context) => {
  const row = productOr404(request, context);
  const parsed = parseProduct(context.store, unwrap(request.body, 'product'), false);
  applyProduct(row, parsed);
  return ok(reply(context, touch(row, request.actor, context.clock.now())));
};

export const registerProducts: RegisterRoutes = (router) => {
  router.add('POST', '/cpq/products', createProduct);
  router.add('GET', '/cpq/products/:id', showProduct);
  router.add('PUT', '/cpq/products/:id', updateProduct);
};
