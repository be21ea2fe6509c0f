import * as z from 'zod/mini';
import { eventCustomFieldSchema, optionalWrapped, recordIdSchema, wrappedId, wrappedText } from './fields';

/**
 * `data` of the contact, deal and sales-account product events (platform.md §3.2–3.5):
 * the actor, the record in the wrapper format, its associations and, on updates, the changes.
 * The emulator's change feed builds exactly these (a contract test parses every event it
 * emits); the server parses what arrives with them before deciding anything.
 */

const ids = z.array(recordIdSchema);

/** Who triggered the change; the system actor is `{id: 0, name: "System", type: "system"}`. */
export const actorSchema = z.looseObject({
  id: z.union([z.int(), z.string()]),
  name: z.optional(z.nullable(z.string())),
  email: z.optional(z.nullable(z.string())),
  type: z.optional(z.string()),
});
export type EventActor = z.infer<typeof actorSchema>;

/** A user in associations (owner, creator, updater). */
export const eventUserSchema = z.looseObject({
  id: recordIdSchema,
  name: z.optional(z.nullable(z.string())),
  email: z.optional(z.nullable(z.string())),
  is_active: z.optional(z.boolean()),
  time_zone: z.optional(z.nullable(z.string())),
});

/** `{field: [old, new]}` with raw (unwrapped) values (§3.2). */
export const modelChangesSchema = z.record(z.string(), z.tuple([z.unknown(), z.unknown()]));
export type ModelChanges = z.infer<typeof modelChangesSchema>;

export const changesSchema = z.looseObject({
  model_changes: modelChangesSchema,
  system_changes: z.optional(z.unknown()),
  misc_changes: z.optional(z.unknown()),
});

const customFields = z.optional(z.nullable(z.array(eventCustomFieldSchema)));

/** An email of the `emails` group field: `{id, value, is_primary, label}` as REST has it. */
export const eventEmailSchema = z.looseObject({
  id: z.optional(z.nullable(recordIdSchema)),
  value: z.string(),
  is_primary: z.optional(z.nullable(z.boolean())),
  label: z.optional(z.nullable(z.string())),
});
export type EventEmail = z.infer<typeof eventEmailSchema>;

const common = {
  id: recordIdSchema,
  is_deleted: z.optional(z.boolean()),
  owner_id: wrappedId,
  created_at: wrappedText,
  updated_at: wrappedText,
  custom_fields: customFields,
};

export const contactRecordSchema = z.looseObject({
  ...common,
  first_name: wrappedText,
  last_name: wrappedText,
  name: wrappedText,
  country: wrappedText,
  work_email: wrappedText,
  work_number: wrappedText,
  mobile_number: wrappedText,
  emails: z.optional(z.nullable(optionalWrapped(z.array(eventEmailSchema)))),
  sales_account_ids: z.optional(z.nullable(ids)),
  list_ids: z.optional(z.nullable(ids)),
});
export type ContactEventRecord = z.infer<typeof contactRecordSchema>;

export const dealRecordSchema = z.looseObject({
  ...common,
  name: wrappedText,
  deal_stage_id: wrappedId,
  deal_pipeline_id: wrappedId,
  deal_reason_id: wrappedId,
  stage_updated_time: wrappedText,
  contact_ids: z.optional(z.nullable(ids)),
});
export type DealEventRecord = z.infer<typeof dealRecordSchema>;

export const salesAccountRecordSchema = z.looseObject({
  ...common,
  name: wrappedText,
  website: wrappedText,
});
export type SalesAccountEventRecord = z.infer<typeof salesAccountRecordSchema>;

/** `associations.deal_stage`: the stage the deal is in now, with its forecast type (§3.4). */
export const dealStageSchema = z.looseObject({
  id: recordIdSchema,
  name: z.optional(z.nullable(z.string())),
  forecast_type: z.optional(z.nullable(z.string())),
  deal_pipeline_id: z.optional(z.nullable(recordIdSchema)),
});
export type EventDealStage = z.infer<typeof dealStageSchema>;

const named = z.looseObject({ id: recordIdSchema, name: z.optional(z.nullable(z.string())) });

const associations = <T extends z.core.$ZodLooseShape>(shape: T) => z.optional(z.nullable(z.looseObject({ owner: z.optional(z.nullable(eventUserSchema)), ...shape })));

function eventData<K extends string, R extends z.ZodMiniType, A extends z.ZodMiniType>(key: K, record: R, related: A) {
  return z.looseObject({
    actor: z.optional(z.nullable(actorSchema)),
    [key]: record,
    associations: related,
    changes: z.optional(z.nullable(changesSchema)),
  } as { actor: z.ZodMiniOptional<z.ZodMiniNullable<typeof actorSchema>>; associations: A; changes: z.ZodMiniOptional<z.ZodMiniNullable<typeof changesSchema>> } & Record<K, R>);
}

export const contactEventDataSchema = eventData('contact', contactRecordSchema, associations({}));
export const dealEventDataSchema = eventData(
  'deal',
  dealRecordSchema,
  associations({ deal_stage: z.optional(z.nullable(dealStageSchema)), deal_reason: z.optional(z.nullable(named)), deal_pipeline: z.optional(z.nullable(named)) }),
);
export const salesAccountEventDataSchema = eventData('sales_account', salesAccountRecordSchema, associations({}));

export type ContactEventData = z.infer<typeof contactEventDataSchema>;
export type DealEventData = z.infer<typeof dealEventDataSchema>;
export type SalesAccountEventData = z.infer<typeof salesAccountEventDataSchema>;
