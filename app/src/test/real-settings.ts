/**
 * Field settings shaped like real Freshsales Suite answers (freshsales-api.md §11): most
 * built-in fields hidden, positions restarting inside each field group, choice ids as JSON
 * numbers (numeric strings on some fields), owner choices with `is_active` and
 * `deal_pipeline_id`, extras such as `choice_type`, `auto_suggest_url`, `quick_add_position`.
 * Fresh objects on every call.
 */

const BASIC = { id: 31000000001, name: 'Basic information', position: 1 };
const DEAL_INFO = { id: 31000000002, name: 'Deal details', position: 2 };
const CUSTOM = { id: 31000000003, name: 'Custom fields', position: 3 };

export const REAL = {
  asha: 31000000011,
  former: 31000000016,
  industrySoftware: 31004057004,
  industryRetail: 31004057005,
  usd: 31000190124,
  eur: 31000190125,
  pipeline: 31000189098,
  stageNew: 31001912038,
  stageWon: 31001912042,
} as const;

const owners = () => [
  { id: REAL.asha, value: 'Asha Rao', position: 1, is_active: true, deal_pipeline_id: REAL.pipeline },
  { id: REAL.former, value: 'Former Rep', position: 2, is_active: false, deal_pipeline_id: REAL.pipeline },
];

export function realDealSettings(): Array<Record<string, unknown>> {
  return [
    // Listed out of order on purpose: the app orders by group, then position.
    { id: 7, name: 'cf_po_number', label: 'PO number', type: 'text', default: false, required: false, visible: true, position: 1, field_group: CUSTOM },
    { id: 2, name: 'amount', label: 'Deal value', type: 'number', default: true, required: false, visible: true, position: 2, quick_add_position: 2, field_group: BASIC },
    { id: 1, name: 'name', label: 'Name', type: 'text', default: true, required: true, visible: true, position: 1, quick_add_position: 1, field_group: BASIC },
    { id: 9, name: 'expected_close', label: 'Expected close date', type: 'date', default: true, required: false, visible: false, position: 1, field_group: DEAL_INFO },
    { id: 10, name: 'probability', label: 'Probability (%)', type: 'number', default: true, required: false, visible: false, position: 2, field_group: DEAL_INFO },
    { id: 3, name: 'currency_id', label: 'Currency', type: 'dropdown', default: true, required: false, visible: false, position: 3, field_group: BASIC, choices: [
      { id: REAL.usd, value: 'USD', position: 1, choice_type: 1 },
      { id: REAL.eur, value: 'EUR', position: 2, choice_type: 2 },
    ] },
    { id: 4, name: 'deal_stage_id', label: 'Deal stage', type: 'dropdown', default: true, required: true, visible: true, position: 4, field_group: BASIC, choices: [
      { id: REAL.stageWon, value: 'Won', position: 2, forecast_type: 'Closed Won', deal_pipeline_id: REAL.pipeline, choice_type: 4 },
      { id: String(REAL.stageNew), value: 'New', position: 1, forecast_type: 'Open', deal_pipeline_id: String(REAL.pipeline), choice_type: 5 },
    ] },
    { id: 5, name: 'owner_id', label: 'Sales owner', type: 'dropdown', default: true, required: false, visible: true, position: 5, field_group: BASIC, choices: owners() },
    { id: 6, name: 'tags', label: 'Tags', type: 'auto_complete', default: true, visible: true, position: 6, field_group: BASIC, auto_suggest_url: '/crm/sales/tags/autocomplete', multiple: true, creatable: true },
    { id: 8, name: 'cf_discount', label: 'Discount', type: 'decimal', default: false, required: false, visible: false, position: 2, field_group: CUSTOM },
    { id: 11, name: 'cf_region', label: 'Region', type: 'dropdown', default: false, required: true, visible: false, position: 3, field_group: CUSTOM, choices: [{ id: 31013000001, value: 'EMEA', position: 1 }] },
  ];
}

export function realContactSettings(): Array<Record<string, unknown>> {
  return [
    { id: 1, name: 'first_name', label: 'First name', type: 'text', default: true, required: false, visible: true, position: 1, field_group: BASIC },
    { id: 2, name: 'last_name', label: 'Last name', type: 'text', default: true, required: true, visible: true, position: 2, field_group: BASIC },
    { id: 3, name: 'job_title', label: 'Job title', type: 'text', default: true, required: false, visible: false, position: 3, field_group: BASIC },
    { id: 4, name: 'emails', label: 'Emails', type: 'group_field', default: true, visible: true, position: 4, field_group: BASIC, choices: [
      { id: 1, value: 'Work', position: 1 },
      { id: 2, value: 'Personal', position: 2 },
      { id: 3, value: 'Other', position: 3 },
    ] },
    { id: 5, name: 'work_number', label: 'Work', type: 'text', default: true, required: false, visible: false, position: 5, field_group: BASIC },
    { id: 6, name: 'mobile_number', label: 'Mobile', type: 'text', default: true, required: false, visible: true, position: 6, field_group: BASIC },
    { id: 7, name: 'owner_id', label: 'Sales owner', type: 'dropdown', default: true, required: false, visible: true, position: 7, field_group: BASIC, choices: owners() },
    { id: 8, name: 'cf_linkedin_id', label: 'LinkedIn id', type: 'number', default: false, required: false, visible: true, position: 1, field_group: CUSTOM },
    { id: 9, name: 'cf_shoe_size', label: 'Shoe size', type: 'text', default: false, required: false, visible: false, position: 2, field_group: CUSTOM },
  ];
}

export function realAccountSettings(): Array<Record<string, unknown>> {
  return [
    { id: 1, name: 'name', label: 'Name', type: 'text', default: true, required: true, visible: true, position: 1 },
    { id: 2, name: 'industry_type_id', label: 'Industry type', type: 'dropdown', default: true, required: false, visible: false, position: 2, choices: [
      { id: REAL.industrySoftware, value: 'Software', position: 1 },
      { id: REAL.industryRetail, value: 'Retail', position: 2 },
    ] },
    { id: 3, name: 'number_of_employees', label: 'Number of employees', type: 'dropdown', default: true, visible: false, position: 3, choices: [{ id: 1, value: '1-10', position: 1 }] },
    { id: 4, name: 'phone', label: 'Phone', type: 'text', default: true, visible: false, position: 4 },
    { id: 5, name: 'owner_id', label: 'Sales owner', type: 'dropdown', default: true, visible: true, position: 5, choices: owners() },
  ];
}
