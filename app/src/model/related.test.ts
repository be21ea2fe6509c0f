import type { Task } from '../../../common/crm/records';
import { messages } from '../i18n/messages';
import { APPOINTMENTS, DEAL_FIELDS, DEALS, NOTES, NOW, PIPELINE_RENEWALS, PIPELINE_SALES, STAGE, USERS, deal, task } from '../test/section-fixtures';
import {
  addDecimals,
  dealForecast,
  defaultPipelineId,
  dueStatus,
  forecastOf,
  localYmd,
  notesNewestFirst,
  openTasks,
  pipelineStages,
  pipelineSummary,
  sortDeals,
  stageById,
  sumDecimals,
  upcomingAppointments,
  userName,
} from './related';
import { toFieldDefs } from './fields';

const at = (year: number, month: number, day: number, hour = 12, minute = 0) => new Date(year, month - 1, day, hour, minute).toISOString();

describe('stage lookups', () => {
  it('finds a stage by id whether the CRM sent the id as a number or a string', () => {
    expect(stageById(DEAL_FIELDS, STAGE.qualification)?.label).toBe('Qualification');
    expect(stageById(DEAL_FIELDS, STAGE.won)?.forecast).toBe('Closed Won');
    expect(stageById(DEAL_FIELDS, 1)).toBeUndefined();
    expect(stageById(DEAL_FIELDS, null)).toBeUndefined();
    expect(stageById([], STAGE.won)).toBeUndefined();
  });

  it('lists the stages of one pipeline by position', () => {
    expect(pipelineStages(DEAL_FIELDS, PIPELINE_SALES).map((stage) => stage.label)).toEqual(['New', 'Qualification', 'Proposal', 'Won', 'Lost']);
    expect(pipelineStages(DEAL_FIELDS, PIPELINE_RENEWALS).map((stage) => stage.label)).toEqual(['Renewal due', 'Renewed']);
    expect(pipelineStages(DEAL_FIELDS, 1)).toEqual([]);
  });

  it('takes the first pipeline choice as the default pipeline, else the first stage pipeline', () => {
    expect(defaultPipelineId(DEAL_FIELDS)).toBe(PIPELINE_SALES);
    const withoutPipelines = DEAL_FIELDS.filter((field) => field.name !== 'deal_pipeline_id');
    expect(defaultPipelineId(withoutPipelines)).toBe(PIPELINE_SALES);
    expect(defaultPipelineId([])).toBeUndefined();
  });

  it('reads the forecast of a stage; unknown stages count as open', () => {
    expect(forecastOf(stageById(DEAL_FIELDS, STAGE.won))).toBe('won');
    expect(forecastOf(stageById(DEAL_FIELDS, STAGE.lost))).toBe('lost');
    expect(forecastOf(stageById(DEAL_FIELDS, STAGE.new))).toBe('open');
    expect(forecastOf(undefined)).toBe('open');
    expect(dealForecast(deal({ id: 1, name: 'x', deal_stage_id: 999 }), DEAL_FIELDS)).toBe('open');
  });
});

describe('sortDeals', () => {
  it('puts open deals first, then won, then lost; by expected close within, no date last', () => {
    expect(sortDeals(DEALS, DEAL_FIELDS).map((each) => each.name)).toEqual([
      'Acme training',
      'Acme renewal',
      'Acme support',
      'Acme pilot',
      'Acme expansion (lost)',
    ]);
  });

  it('does not change the list it was given', () => {
    const before = DEALS.map((each) => each.id);
    sortDeals(DEALS, DEAL_FIELDS);
    expect(DEALS.map((each) => each.id)).toEqual(before);
  });
});

describe('dueStatus', () => {
  const due = (due_date: string | null) => task({ id: 1, title: 't', due_date });

  it('compares calendar days in local time', () => {
    expect(dueStatus(due(at(2024, 5, 9, 23, 59)), NOW)).toBe('overdue');
    expect(dueStatus(due(at(2024, 5, 10, 0, 1)), NOW)).toBe('today');
    // Earlier today is still "due today", not overdue.
    expect(dueStatus(due(at(2024, 5, 10, 8)), NOW)).toBe('today');
    expect(dueStatus(due(at(2024, 5, 10, 23, 59)), NOW)).toBe('today');
    expect(dueStatus(due(at(2024, 5, 11, 0, 0)), NOW)).toBe('upcoming');
    expect(dueStatus(due(at(2023, 12, 31)), NOW)).toBe('overdue');
  });

  it('says none when there is no usable due date', () => {
    expect(dueStatus(due(null), NOW)).toBe('none');
    expect(dueStatus(due(''), NOW)).toBe('none');
    expect(dueStatus(due('not a date'), NOW)).toBe('none');
  });
});

describe('openTasks', () => {
  it('keeps open tasks: overdue, then today, then later, then undated, each by due time', () => {
    const tasks: Task[] = [
      task({ id: 1, title: 'later', due_date: at(2024, 5, 20) }),
      task({ id: 2, title: 'undated', due_date: null }),
      task({ id: 3, title: 'today late', due_date: at(2024, 5, 10, 18) }),
      task({ id: 4, title: 'done', status: 1, due_date: at(2024, 5, 1) }),
      task({ id: 5, title: 'overdue recent', due_date: at(2024, 5, 9) }),
      task({ id: 6, title: 'today early', due_date: at(2024, 5, 10, 9) }),
      task({ id: 7, title: 'overdue old', due_date: at(2024, 4, 1) }),
      task({ id: 8, title: 'soon', due_date: at(2024, 5, 11) }),
    ];
    expect(openTasks(tasks, NOW).map((each) => each.title)).toEqual([
      'overdue old',
      'overdue recent',
      'today early',
      'today late',
      'soon',
      'later',
      'undated',
    ]);
  });
});

it('formats today as YYYY-MM-DD in local time', () => {
  expect(localYmd(NOW)).toBe('2024-05-10');
  expect(localYmd(new Date(2024, 0, 3, 23, 30))).toBe('2024-01-03');
});

it('keeps appointments starting now or later, soonest first', () => {
  expect(upcomingAppointments(APPOINTMENTS, NOW).map((each) => each.title)).toEqual(['Site visit', 'Demo']);
  const startingNow = { id: 9, title: 'Now', from_date: NOW.toISOString() };
  expect(upcomingAppointments([startingNow], NOW)).toHaveLength(1);
  expect(upcomingAppointments([{ id: 10, title: 'Bad', from_date: 'soon' }], NOW)).toEqual([]);
});

it('orders notes newest first, comparing instants across offsets', () => {
  expect(notesNewestFirst(NOTES).map((note) => note.id)).toEqual([NOTES[1]?.id, NOTES[0]?.id]);
  const early = { id: 1, description: 'a', created_at: '2024-05-10T10:00:00+05:30' }; // 04:30Z
  const late = { id: 2, description: 'b', created_at: '2024-05-10T05:00:00Z' };
  expect(notesNewestFirst([early, late]).map((note) => note.id)).toEqual([2, 1]);
});

it('names users from the side-loaded users, with a fallback', () => {
  expect(userName(USERS, 402000000011)).toBe('Asha Rao');
  expect(userName(USERS, 1)).toBe(messages.sections.unknownUser);
  expect(userName(USERS, null)).toBe(messages.sections.unknownUser);
  expect(userName(USERS, undefined)).toBe(messages.sections.unknownUser);
});

describe('addDecimals', () => {
  it.each([
    ['0.1', '0.2', '0.3'],
    ['12000.0', '5600.5', '17600.5'],
    ['0', '12000.0', '12000.0'],
    ['1.05', '2.1', '3.15'],
    ['999999999999999999.99', '0.01', '1000000000000000000.00'],
    ['10', '-2.5', '7.5'],
    ['-1.25', '0.25', '-1.00'],
    ['-0.5', '0.25', '-0.25'],
    ['.5', '5.', '5.5'],
    ['+3', '4', '7'],
  ])('%s + %s = %s', (a, b, sum) => {
    expect(addDecimals(a, b)).toBe(sum);
  });

  it('counts null, empty and non-decimal text as zero', () => {
    expect(addDecimals(null, '5.0')).toBe('5.0');
    expect(addDecimals(undefined, '')).toBe('0');
    expect(addDecimals('abc', '1.5')).toBe('1.5');
    expect(addDecimals('1.2.3', '1')).toBe('1');
  });

  it('sums a list exactly where floats would drift', () => {
    expect(sumDecimals(['0.1', '0.2', '0.3', null])).toBe('0.6');
    expect(sumDecimals([])).toBe('0');
  });
});

describe('pipelineSummary', () => {
  const usd = (amount: string) => [{ amount, currencyCode: 'USD' }];

  it('groups open deals by stage in pipeline order, with won and lost totals in the base currency', () => {
    const summary = pipelineSummary(DEALS, DEAL_FIELDS);
    expect(summary.open).toEqual([
      { stageId: String(STAGE.new), name: 'New', count: 1, value: '0', amounts: usd('0') },
      { stageId: String(STAGE.qualification), name: 'Qualification', count: 2, value: '12000.1', amounts: usd('12000.1') },
    ]);
    expect(summary.won).toEqual({ count: 1, value: '5600.5', amounts: usd('5600.5') });
    expect(summary.lost).toEqual({ count: 1, value: '900.0', amounts: usd('900.0') });
  });

  it('orders stages by pipeline, then position; unknown stages last; renewals count as won', () => {
    const deals = [
      deal({ id: 1, name: 'a', deal_stage_id: 777, amount: '1.0' }),
      deal({ id: 2, name: 'b', deal_stage_id: STAGE.renewalOpen, deal_pipeline_id: PIPELINE_RENEWALS, amount: '2.0' }),
      deal({ id: 3, name: 'c', deal_stage_id: STAGE.proposal, amount: '3.0' }),
      deal({ id: 4, name: 'd', deal_stage_id: STAGE.renewalWon, deal_pipeline_id: PIPELINE_RENEWALS, amount: '4.0' }),
      deal({ id: 5, name: 'e', deal_stage_id: null, amount: '5.0' }),
    ];
    const summary = pipelineSummary(deals, DEAL_FIELDS);
    expect(summary.open.map((stage) => stage.name)).toEqual(['Proposal', 'Renewal due', messages.sections.unknownStage]);
    expect(summary.open[2]).toMatchObject({ count: 2, value: '6.0' });
    expect(summary.won).toEqual({ count: 1, value: '4.0', amounts: usd('4.0') });
    expect(summary.lost).toEqual({ count: 0, value: '0', amounts: usd('0') });
  });

  it('adds deals of other currencies by their base-currency amount, never their own', () => {
    const fields = toFieldDefs([
      { name: 'currency_id', label: 'Currency', type: 'dropdown', choices: [{ id: 1, value: 'EUR', position: 1 }, { id: '2', value: 'INR', position: 2 }] },
      ...dealStageSetting(),
    ]);
    const deals = [
      deal({ id: 1, name: 'euro', amount: '100.0', currency_id: 1, base_currency_amount: '100.0', deal_stage_id: STAGE.won }),
      deal({ id: 2, name: 'rupees', amount: '10000.0', currency_id: 2, base_currency_amount: '110.0', deal_stage_id: STAGE.won }),
      // Without a base amount, a deal of another currency stays in its own.
      deal({ id: 3, name: 'rupees, no base', amount: '500.0', currency_id: 2, base_currency_amount: null, deal_stage_id: STAGE.won }),
    ];
    expect(pipelineSummary(deals, fields).won.amounts).toEqual([
      { amount: '210.0', currencyCode: 'EUR' },
      { amount: '500.0', currencyCode: 'INR' },
    ]);
  });

  it('is empty without deals', () => {
    expect(pipelineSummary([], toFieldDefs([]))).toEqual({
      open: [],
      won: { count: 0, value: '0', amounts: [{ amount: '0' }] },
      lost: { count: 0, value: '0', amounts: [{ amount: '0' }] },
    });
  });
});

function dealStageSetting() {
  return [
    {
      name: 'deal_stage_id',
      label: 'Stage',
      type: 'dropdown',
      choices: [{ id: STAGE.won, value: 'Won', position: 1, forecast_type: 'Closed Won', deal_pipeline_id: PIPELINE_SALES }],
    },
  ];
}
