import { IDS } from './crm-fixtures';

/**
 * Raw CRM answers for the record operations' templates, shaped like freshsales-api.md §4.5,
 * §4.6 and §6 and like the stand-in's: selector items with positions (out of order on purpose),
 * outcomes naming their type, lifecycle stages with their type and statuses.
 */

export const OPS = {
  call: 402000477934,
  meeting: 402000477935,
  demo: 402000477938,
  interested: 402002091456,
  voicemail: 402002091457,
  positive: 402002091459,
  demoWell: 402002091461,
  lifecycleCustomer: 402009647300,
  statusContacted: 402000543558,
  statusQualified: 402000543561,
  statusWon: 402000543563,
  statusChurned: 402000543564,
  newAccount: 402000200399,
  newDeal: 402000401099,
  activity: 402007000001,
} as const;

export function activityTypesBody() {
  return {
    sales_activity_types: [
      { partial: true, id: OPS.meeting, name: 'Meeting', internal_name: 'meeting', position: 2, is_default: true, is_outcome_mandatory: false },
      { partial: true, id: OPS.call, name: 'Call', internal_name: 'call', position: 1, is_default: true, is_outcome_mandatory: false },
      { partial: true, id: OPS.demo, name: 'Demo', internal_name: 'cf_demo', position: 5, is_default: false, is_outcome_mandatory: true },
    ],
  };
}

export function activityOutcomesBody() {
  return {
    sales_activity_outcomes: [
      { partial: true, id: OPS.voicemail, name: 'Left voicemail', sales_activity_type_id: OPS.call, position: 2 },
      { partial: true, id: OPS.interested, name: 'Interested', sales_activity_type_id: OPS.call, position: 1 },
      { partial: true, id: OPS.positive, name: 'Positive', sales_activity_type_id: OPS.meeting, position: 1 },
      { partial: true, id: OPS.demoWell, name: 'Demo went well', sales_activity_type_id: OPS.demo, position: 1 },
    ],
  };
}

export function salesActivity(overrides: Record<string, unknown> = {}) {
  return {
    id: OPS.activity,
    title: 'Intro call',
    notes: 'Discussed scope',
    start_date: '2026-05-02T12:30:00+05:30',
    end_date: '2026-05-02T13:00:00+05:30',
    owner_id: IDS.asha,
    sales_activity_type_id: OPS.call,
    sales_activity_outcome_id: OPS.interested,
    targetable_type: 'Contact',
    targetable_id: IDS.contact,
    targetables: [{ id: IDS.contact, type: 'Contact' }],
    created_at: '2026-05-02T13:01:00+05:30',
    updated_at: '2026-05-02T13:01:00+05:30',
    ...overrides,
  };
}

export function lifecycleStagesBody() {
  return {
    lifecycle_stages: [
      { id: OPS.lifecycleCustomer, name: 'Customer', position: 3, disabled: false, default: false, type: 'Customer', contact_status_ids: [OPS.statusWon, OPS.statusChurned] },
      { id: IDS.lifecycleLead, name: 'Lead', position: 1, disabled: false, default: true, type: 'Lead', contact_status_ids: [IDS.statusNew, OPS.statusContacted] },
      { id: IDS.lifecycleSql, name: 'Sales Qualified Lead', position: 2, disabled: false, default: false, type: 'Sales Qualified Lead', contact_status_ids: [OPS.statusQualified, IDS.statusNegotiation] },
    ],
  };
}

export function contactStatusesBody() {
  return {
    contact_statuses: [
      { id: IDS.statusNew, name: 'New', position: 1, partial: true, forecast_type: null, lifecycle_stage_id: IDS.lifecycleLead },
      { id: OPS.statusContacted, name: 'Contacted', position: 2, partial: true, forecast_type: null, lifecycle_stage_id: IDS.lifecycleLead },
      { id: OPS.statusQualified, name: 'Qualified', position: 5, partial: true, forecast_type: null, lifecycle_stage_id: IDS.lifecycleSql },
      { id: IDS.statusNegotiation, name: 'In negotiation', position: 6, partial: true, forecast_type: null, lifecycle_stage_id: IDS.lifecycleSql },
      { id: OPS.statusChurned, name: 'Churned', position: 8, partial: true, forecast_type: null, lifecycle_stage_id: OPS.lifecycleCustomer },
      { id: OPS.statusWon, name: 'Won', position: 7, partial: true, forecast_type: null, lifecycle_stage_id: OPS.lifecycleCustomer },
    ],
  };
}

/** `POST /appointments` answer: the record with the side-loads it always carries (api §3). */
export function appointmentWriteBody(overrides: Record<string, unknown> = {}) {
  return {
    appointment_attendees: [{ id: 402000700001, attendee_type: 'Contact', attendee_id: IDS.contact }],
    conferences: [],
    notes: [],
    contacts: [],
    appointment: {
      id: 402001508499,
      title: 'Demo',
      location: 'Zoom',
      time_zone: 'Chennai',
      is_allday: false,
      from_date: '2026-05-12T10:00:00+05:30',
      end_date: '2026-05-12T10:30:00+05:30',
      targetables: [{ id: IDS.contact, type: 'Contact' }],
      ...overrides,
    },
  };
}
