import * as z from 'zod/mini';
import { appointmentSchema } from './records';

/**
 * Answers of the record operations the sidebars offer beyond quick create: appointments,
 * sales activities, note and task edits, lead conversion (freshsales-api.md §2, §4.5, §4.6, §6).
 * Loose objects, as in records.ts: only what the app reads is checked.
 */

const id = z.number();
const text = z.optional(z.nullable(z.string()));
const maybeId = z.optional(z.nullable(z.number()));
const flag = z.optional(z.nullable(z.boolean()));

/** `POST/PUT /appointments`: the record with attendees and contacts side-loaded (api §3). */
export const appointmentWriteSchema = z.looseObject({ appointment: appointmentSchema });

/**
 * DELETE answers `true`, `{"success": "200"}` or another small JSON body [U]: only the status
 * counts (api §8), so any JSON value is accepted.
 */
export const deletedSchema = z.unknown();

export const salesActivitySchema = z.looseObject({
  id,
  title: z.string(),
  notes: text,
  start_date: z.string(),
  end_date: text,
  owner_id: maybeId,
  sales_activity_type_id: maybeId,
  sales_activity_outcome_id: maybeId,
  targetable_type: text,
  targetable_id: maybeId,
  targetables: z.optional(z.array(z.looseObject({ id, type: z.string() }))),
});
export type SalesActivity = z.infer<typeof salesActivitySchema>;

export const salesActivityWriteSchema = z.looseObject({ sales_activity: salesActivitySchema });

/** `GET /sales_activities?page=&per_page=`: `meta.total_pages` on real answers (api §11). */
export const salesActivitiesSchema = z.looseObject({
  sales_activities: z.array(salesActivitySchema),
  meta: z.optional(z.nullable(z.looseObject({ total: z.optional(z.number()), total_pages: z.optional(z.number()) }))),
});

/** `GET /selector/sales_activity_types` (api §6). */
export const salesActivityTypesSchema = z.looseObject({
  sales_activity_types: z.array(
    z.looseObject({ id, name: z.string(), position: z.optional(z.nullable(z.number())), is_outcome_mandatory: flag }),
  ),
});

/** `GET /selector/sales_activity_outcomes`: each outcome names its type (api §6). */
export const salesActivityOutcomesSchema = z.looseObject({
  sales_activity_outcomes: z.array(
    z.looseObject({ id, name: z.string(), sales_activity_type_id: maybeId, position: z.optional(z.nullable(z.number())) }),
  ),
});

/** `GET /selector/contact_statuses`: each status belongs to one lifecycle stage (api §4.1, §6). */
export const contactStatusesSchema = z.looseObject({
  contact_statuses: z.array(z.looseObject({ id, name: z.string(), position: z.optional(z.nullable(z.number())), lifecycle_stage_id: maybeId })),
});

/**
 * A lifecycle stage as `GET /selector/lifecycle_stages` lists it (api §6), read by the front
 * end: the type tells a lead stage from a customer stage, never the name.
 */
export const lifecycleStageSchema = z.looseObject({
  id,
  name: z.string(),
  position: z.optional(z.nullable(z.number())),
  disabled: flag,
  type: text,
  contact_status_ids: z.optional(z.nullable(z.array(z.number()))),
});
export type LifecycleStage = z.infer<typeof lifecycleStageSchema>;
