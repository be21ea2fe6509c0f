import * as z from 'zod/mini';

/**
 * The field wrapper of contact, deal and sales-account records in product events
 * (platform.md §3.2): stored fields come as `{label, type, value}`, computed ones as
 * `{label, dom_type, value}`; a few are bare. Schemas are loose on purpose: the platform adds
 * fields, and only what the app decides on is checked.
 */
export function wrapped<T extends z.ZodMiniType>(value: T) {
  return z.looseObject({
    label: z.optional(z.string()),
    type: z.optional(z.string()),
    dom_type: z.optional(z.string()),
    value,
  });
}

/** A record id: an integer below 2^53 (Suite ids have 11–12 digits, freshsales-api.md §1). */
export const recordIdSchema = z.int();

/** An optional wrapped field whose value may be absent or null on fresh records. */
export function optionalWrapped<T extends z.ZodMiniType>(value: T) {
  return z.optional(z.nullable(wrapped(z.optional(z.nullable(value)))));
}

export const wrappedText = optionalWrapped(z.string());
export const wrappedId = optionalWrapped(recordIdSchema);

/** `custom_fields` of an event record: an array, unlike the REST `custom_field` object. */
export const eventCustomFieldSchema = z.looseObject({
  name: z.string(),
  label: z.optional(z.string()),
  type: z.optional(z.string()),
  value: z.unknown(),
  column: z.optional(z.nullable(z.string())),
});
export type EventCustomField = z.infer<typeof eventCustomFieldSchema>;

/** True for `{label, value}` wrappers (stored or computed), false for bare fields. */
export function isWrapper(value: unknown): value is { label?: string; value: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'value' in value && ('type' in value || 'dom_type' in value || 'label' in value);
}

/** The plain value of a wrapped field, or the field itself when it is bare. */
export function unwrap(value: unknown): unknown {
  return isWrapper(value) ? value.value : value;
}
