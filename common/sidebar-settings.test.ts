import * as iparamsFile from '../config/iparams.json';
import type { EntityType } from './platform/client';
import {
  CUSTOM_FIELDS_IPARAM,
  CUSTOM_FIELDS_PATTERN,
  parseCustomFields,
  parseSections,
  SECTIONS,
  SECTIONS_IPARAM,
  sectionsPattern,
  sidebarSettings,
} from './sidebar-settings';

interface IparamDeclaration {
  type: string;
  required: boolean;
  secure: boolean;
  default_value?: unknown;
  description?: string;
  regex?: Record<string, string>;
}

const declared = iparamsFile as Record<string, IparamDeclaration | undefined>;
const ENTITIES: EntityType[] = ['contact', 'deal', 'sales_account'];

/** The one validation regex of an iparam (the key that does not end in `-error`). */
function regexOf(name: string): string {
  const regex = declared[name]?.regex ?? {};
  const key = Object.keys(regex).find((candidate) => !candidate.endsWith('-error'));
  return key === undefined ? '' : (regex[key] ?? '');
}

describe('sidebar settings and config/iparams.json', () => {
  it.each(ENTITIES)('declares the %s sections iparam as a non-secure optional text with our pattern', (entity) => {
    const param = declared[SECTIONS_IPARAM[entity]];
    expect(param).toMatchObject({ type: 'text', required: false, secure: false });
    expect(regexOf(SECTIONS_IPARAM[entity])).toBe(sectionsPattern(entity));
    // The default lists every section in the code's order, and the description names them all.
    expect(parseSections(entity, param?.default_value)).toEqual([...SECTIONS[entity]]);
    expect(param?.default_value).toBe(SECTIONS[entity].join(', '));
    SECTIONS[entity].forEach((name) => expect(param?.description).toContain(name));
  });

  it.each(ENTITIES)('declares the %s custom fields iparam with the shared pattern and "all" as default', (entity) => {
    const param = declared[CUSTOM_FIELDS_IPARAM[entity]];
    expect(param).toMatchObject({ type: 'text', required: false, secure: false, default_value: 'all' });
    expect(regexOf(CUSTOM_FIELDS_IPARAM[entity])).toBe(CUSTOM_FIELDS_PATTERN);
  });

  it('keeps the sidebar settings readable by the front end (none is secure)', () => {
    const names = [...Object.values(SECTIONS_IPARAM), ...Object.values(CUSTOM_FIELDS_IPARAM)];
    names.forEach((name) => expect(declared[name]?.secure).toBe(false));
  });
});

describe('sectionsPattern', () => {
  const contact = new RegExp(sectionsPattern('contact'));

  it.each(['summary', 'notes, summary', ' summary ,deals,  tasks ', 'summary,accounts,deals,tasks,appointments,notes'])(
    'accepts %j',
    (value) => expect(contact.test(value)).toBe(true),
  );

  it.each(['', ',', 'summary,', 'summary,,notes', 'pipeline', 'Summary', 'summary notes', 'summary;notes'])('refuses %j', (value) =>
    expect(contact.test(value)).toBe(false),
  );

  it('knows each sidebar\'s own sections only', () => {
    expect(new RegExp(sectionsPattern('sales_account')).test('pipeline, contacts')).toBe(true);
    expect(new RegExp(sectionsPattern('deal')).test('account, contacts')).toBe(true);
    expect(new RegExp(sectionsPattern('deal')).test('accounts')).toBe(false);
  });
});

describe('CUSTOM_FIELDS_PATTERN', () => {
  const pattern = new RegExp(CUSTOM_FIELDS_PATTERN);
  it.each(['all', ' none ', 'cf_tier', 'cf_tier, cf_budget_2', 'cf_A,cf_b'])('accepts %j', (value) => expect(pattern.test(value)).toBe(true));
  it.each(['', 'tier', 'cf_', 'cf_tier,', 'all, cf_tier', 'cf-tier', 'ALL'])('refuses %j', (value) => expect(pattern.test(value)).toBe(false));
});

describe('parseSections', () => {
  it('keeps the admin\'s order and trims spaces', () => {
    expect(parseSections('contact', ' notes , summary,deals ')).toEqual(['notes', 'summary', 'deals']);
  });

  it('drops repeats, unknown names and other sidebars\' sections', () => {
    expect(parseSections('deal', 'tasks, pipeline, tasks, account, bogus')).toEqual(['tasks', 'account']);
  });

  it.each([undefined, null, 42, '', ' , ', 'bogus, other'])('falls back to every section for %j', (value) => {
    expect(parseSections('sales_account', value)).toEqual(['summary', 'pipeline', 'contacts', 'deals', 'tasks']);
  });

  it('returns a copy the caller may change', () => {
    const sections = parseSections('contact', undefined);
    sections.pop();
    expect(parseSections('contact', undefined)).toHaveLength(SECTIONS.contact.length);
  });
});

describe('parseCustomFields', () => {
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
  it('reads each sidebar\'s own iparams', () => {
    const iparams = {
      domain: 'acme.myfreshworks.com',
      contact_sections: 'notes, summary',
      contact_custom_fields: 'none',
      deal_sections: 'contacts',
      deal_custom_fields: 'cf_sales_region',
    };
    expect(sidebarSettings('contact', iparams)).toEqual({ sections: ['notes', 'summary'], customFields: { kind: 'none' } });
    expect(sidebarSettings('deal', iparams)).toEqual({ sections: ['contacts'], customFields: { kind: 'list', names: ['cf_sales_region'] } });
    expect(sidebarSettings('sales_account', iparams)).toEqual({ sections: [...SECTIONS.sales_account], customFields: { kind: 'all' } });
  });
});
