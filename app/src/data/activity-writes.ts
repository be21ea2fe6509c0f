import type { SalesActivity } from '../../../common/crm/operations';
import type { EntityType } from '../../../common/platform/client';
import type { TemplateResponse } from '../../../common/templates';
import { isoWithOffset } from './timestamps';
import { TARGETABLE_TYPE } from './writes';

/**
 * Sales activities logged from a sidebar (freshsales-api.md §4.6): the account's activity
 * types with their outcomes (§6 selectors), the request body, and which activities of the
 * account's list belong to the open record.
 */

export interface ActivityOutcome {
  id: number;
  name: string;
}

export interface ActivityType {
  id: number;
  name: string;
  /** The CRM refuses an activity of this type without an outcome. */
  outcomeRequired: boolean;
  outcomes: ActivityOutcome[];
}

export interface ActivityInput {
  title: string;
  typeId: number;
  outcomeId: number | null;
  start: Date;
  end: Date;
  notes: string;
}

const byPosition = (a: { position?: number | null }, b: { position?: number | null }) => (a.position ?? 0) - (b.position ?? 0);

/** Types in the account's order, each with its own outcomes in order. */
export function activityTypes(
  types: TemplateResponse<'listSalesActivityTypes'>,
  outcomes: TemplateResponse<'listSalesActivityOutcomes'>,
): ActivityType[] {
  const sortedOutcomes = [...outcomes.sales_activity_outcomes].sort(byPosition);
  return [...types.sales_activity_types].sort(byPosition).map((type) => ({
    id: type.id,
    name: type.name,
    outcomeRequired: type.is_outcome_mandatory === true,
    outcomes: sortedOutcomes.filter((outcome) => outcome.sales_activity_type_id === type.id).map((outcome) => ({ id: outcome.id, name: outcome.name })),
  }));
}

export function activityBody(entity: EntityType, recordId: number, input: ActivityInput, ownerId: number | undefined): Record<string, unknown> {
  return {
    sales_activity: {
      title: input.title,
      sales_activity_type_id: input.typeId,
      ...(input.outcomeId === null ? {} : { sales_activity_outcome_id: input.outcomeId }),
      start_date: isoWithOffset(input.start),
      end_date: isoWithOffset(input.end),
      ...(input.notes === '' ? {} : { notes: input.notes }),
      ...(ownerId === undefined ? {} : { owner_id: ownerId }),
      targetable_type: TARGETABLE_TYPE[entity],
      targetable_id: recordId,
    },
  };
}

/** Whether an activity is on the record: by `targetable_*`, or by its `targetables` list. */
export function isActivityOf(activity: SalesActivity, entity: EntityType, recordId: number): boolean {
  const type = TARGETABLE_TYPE[entity];
  if (activity.targetable_type === type && activity.targetable_id === recordId) return true;
  return (activity.targetables ?? []).some((target) => target.type === type && target.id === recordId);
}

/** Newest first by start; an unreadable start sorts last. */
export function activitiesNewestFirst(activities: readonly SalesActivity[]): SalesActivity[] {
  const time = (activity: SalesActivity) => {
    const value = new Date(activity.start_date).getTime();
    return Number.isNaN(value) ? -Infinity : value;
  };
  return [...activities].sort((a, b) => time(b) - time(a));
}

/** "Call · Interested", the type alone, or nothing when the type is unknown. */
export function activityKind(activity: SalesActivity, types: readonly ActivityType[]): string {
  const type = types.find((candidate) => candidate.id === activity.sales_activity_type_id);
  if (type === undefined) return '';
  const outcome = type.outcomes.find((candidate) => candidate.id === activity.sales_activity_outcome_id);
  return outcome === undefined ? type.name : `${type.name} · ${outcome.name}`;
}
