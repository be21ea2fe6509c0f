import type { EntityType } from './platform/client';
import {
  checkCustomFields,
  checkSections,
  CUSTOM_FIELDS_IPARAM,
  defaultSections,
  formatCustomFields,
  matchCustomFields,
  parseCustomFields,
  parseSections,
  SECTIONS,
  SECTIONS_IPARAM,
  sidebarSettings,
  type CustomFieldChoice,
} from './sidebar-settings';

const ENTITIES: EntityType[] = ['contact', 'deal', 'sales_account'];

describe('the sidebar setting names', () => {
  it('are one sections and one custom fields setting per sidebar', () => {
    expect(Object.values(SECTIONS_IPARAM)).toEqual(['contact_sections', 'deal_sections', 'account_sections']);
    expect(Object.values(CUSTOM_FIELDS_IPARAM)).toEqual(['contact_custom_fields', 'deal_custom_fields', 'account_custom_fields']);
  });

  it.each(ENTITIES)('default the %s sections to all of them, in order', (entity) => {
    expect(parseSections(entity, defaultSections(entity))).toEqual([...SECTIONS[entity]]);
    expect(checkSections(entity, defaultSections(entity))).toEqual({ ok: true, value: defaultSections(entity) });
  });
});

describe('checkSections', () => {
  it('trims, lower-cases and drops repeats, keeping the order', () => {
    expect(checkSections('contact', ' Notes , SUMMARY,deals, notes ')).toEqual({ ok: true, value: 'notes, summary, deals' });
  });

  it.each([undefined, 42, '', '   ', ' , ,'])('refuses %j as an empty list, naming the sidebar and its sections', (value) => {
    expect(checkSections('deal', value)).toEqual({ ok: false, failure: `The deal sidebar needs at least one section. Available: ${SECTIONS.deal.join(', ')}.` });
  });

  it('names every section the sidebar does not have', () => {
    expect(checkSections('deal', 'summary, accounts, pipeline, tasks')).toEqual({
      ok: false,
      failure: `Not a section of the deal sidebar: "accounts", "pipeline". Available: ${SECTIONS.deal.join(', ')}.`,
    });
  });

  it.each(['summary notes', 'summary;notes'])('refuses %j: sections are separated by commas', (value) => {
    expect(checkSections('contact', value)).toMatchObject({ ok: false, failure: expect.stringContaining(`"${value}"`) });
  });
});

describe('checkCustomFields', () => {
  it.each(['all', ' ALL ', 'All'])('reads %j as all', (value) => {
    expect(checkCustomFields(value)).toEqual({ ok: true, value: { kind: 'all' } });
  });

  it.each(['none', 'None', ' NONE'])('reads %j as none', (value) => {
    expect(checkCustomFields(value)).toEqual({ ok: true, value: { kind: 'none' } });
  });

  it('keeps cf_ names in order without repeats', () => {
    expect(checkCustomFields(' cf_tier, CF_Budget_2,cf_tier ')).toEqual({ ok: true, value: { kind: 'list', names: ['cf_tier', 'CF_Budget_2'] } });
  });

  it.each([undefined, '', ' , '])('refuses %j as empty, saying what to enter', (value) => {
    expect(checkCustomFields(value)).toEqual({ ok: false, failure: 'Enter all, none, or the cf_ names of the fields to show, separated by commas.' });
  });

  it('names what is not a custom field name', () => {
    expect(checkCustomFields('cf_tier, job_title, cf_, cf-x')).toEqual({
      ok: false,
      failure: 'Not a custom field name: "job_title", "cf_", "cf-x". Custom field names start with cf_, like cf_tier.',
    });
  });

  it('refuses all or none among names', () => {
    expect(checkCustomFields('ALL, cf_tier')).toEqual({ ok: false, failure: '"ALL" cannot be combined with field names: enter all, none, or only cf_ names.' });
  });
});

describe('formatCustomFields', () => {
  it.each<[CustomFieldChoice, string]>([
    [{ kind: 'all' }, 'all'],
    [{ kind: 'none' }, 'none'],
    [{ kind: 'list', names: ['cf_a', 'cf_b'] }, 'cf_a, cf_b'],
  ])('writes %j as %j, which reads back the same', (choice, text) => {
    expect(formatCustomFields(choice)).toBe(text);
    expect(checkCustomFields(text)).toEqual({ ok: true, value: choice });
  });
});

describe('matchCustomFields', () => {
  const account = ['cf_tier', 'cf_budget', 'cf_region'];

  it('answers the names as the account spells them, in the order listed', () => {
    expect(matchCustomFields(['CF_Region', 'cf_tier'], account)).toEqual({ ok: true, value: ['cf_region', 'cf_tier'] });
  });

  it('drops a name listed twice in different cases', () => {
    expect(matchCustomFields(['cf_tier', 'CF_TIER'], account)).toEqual({ ok: true, value: ['cf_tier'] });
  });

  it('answers every name the account does not have', () => {
    expect(matchCustomFields(['cf_tier', 'cf_nope', 'cf_gone'], account)).toEqual({ ok: false, failure: ['cf_nope', 'cf_gone'] });
  });
});

describe('parseSections (reading saved settings)', () => {
  it("keeps the admin's order, trims spaces and takes any case", () => {
    expect(parseSections('contact', ' notes , Summary,DEALS ')).toEqual(['notes', 'summary', 'deals']);
  });

  it("drops repeats, unknown names and other sidebars' sections", () => {
    expect(parseSections('deal', 'tasks, pipeline, tasks, account, bogus')).toEqual(['tasks', 'account']);
  });

  it.each([undefined, null, 42, '', ' , ', 'bogus, other'])('falls back to every section for %j', (value) => {
    expect(parseSections('sales_account', value)).toEqual([...SECTIONS.sales_account]);
  });

  it('returns a copy the caller may change', () => {
    const sections = parseSections('contact', undefined);
    sections.pop();
    expect(parseSections('contact', undefined)).toHaveLength(SECTIONS.contact.length);
  });
});

describe('parseCustomFields (reading saved settings)', () => {
  it.each([undefined, 7, '', 'all', ' ALL ', 'tier, budget'])('reads %j as all', (value) => {
    expect(parseCustomFields(value)).toEqual({ kind: 'all' });
  });

  it.each(['none', ' None '])('reads %j as none', (value) => {
    expect(parseCustomFields(value)).toEqual({ kind: 'none' });
  });

  it('lists cf_ names in order without repeats and drops the rest', () => {
    expect(parseCustomFields('cf_tier, budget, cf_budget ,cf_tier')).toEqual({ kind: 'list', names: ['cf_tier', 'cf_budget'] });
  });
});

describe('sidebarSettings', () => {
  it("reads each sidebar's own iparams", () => {
    const iparams = {
      domain: 'acme.myfreshworks.com',
      contact_sections: 'notes, summary',
      contact_custom_fields: 'None',
      deal_sections: 'contacts',
      deal_custom_fields: 'cf_sales_region',
    };
    expect(sidebarSettings('contact', iparams)).toEqual({ sections: ['notes', 'summary'], customFields: { kind: 'none' } });
    expect(sidebarSettings('deal', iparams)).toEqual({ sections: ['contacts'], customFields: { kind: 'list', names: ['cf_sales_region'] } });
    expect(sidebarSettings('sales_account', iparams)).toEqual({ sections: [...SECTIONS.sales_account], customFields: { kind: 'all' } });
  });
});
